//! Field-level rules shared by the JSON Schema and `fdr check`: each rule is
//! written once, as a pattern the schema carries and `check` applies.

use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde_json::json;
use std::borrow::Cow;
use std::sync::OnceLock;

/// An id: lowercase ASCII letters, digits, `-`, `_` and `.`.
pub const ID_PATTERN: &str = "^[a-z0-9._-]+$";

/// The only e-mail rule: `check` and the schema use this pattern.
pub const EMAIL_PATTERN: &str = r"^[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$";

/// A strictly positive amount written as text: digits with spaces
/// (also no-break spaces) anywhere, at most two decimals after `.` or `,`,
/// an optional trailing `€`. Either the integer part has a non-zero digit,
/// or it is zero and the decimals do.
pub const MONTANT_PATTERN: &str = concat!(
    "^\\s*(?:",
    "[0-9 \u{a0}\u{202f}]*[1-9][0-9 \u{a0}\u{202f}]*",
    "(?:[.,][ \u{a0}\u{202f}]*(?:[0-9][ \u{a0}\u{202f}]*){0,2})?",
    "|[0 \u{a0}\u{202f}]*0[0 \u{a0}\u{202f}]*[.,][ \u{a0}\u{202f}]*",
    "(?:0[ \u{a0}\u{202f}]*[1-9]|[1-9][ \u{a0}\u{202f}]*[0-9]?)[ \u{a0}\u{202f}]*",
    ")\\s*€*\\s*$"
);

/// Largest amount `check` accepts, in euros (below 10^15 cents).
pub const MONTANT_MAX: i64 = 9_999_999_999_999;

/// A date at year, quarter, month or day precision, years 1900 to 2200,
/// with the real length of every month (29 February in leap years only:
/// years divisible by 4 except 1900, 2100 and 2200).
pub const DATE_PATTERN: &str = concat!(
    "^\\s*(?:",
    "(?:19[0-9]{2}|2[01][0-9]{2}|2200)",
    "(?:-T[1-4]|-(?:0[1-9]|1[0-2])",
    "|-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12][0-9]|3[01])",
    "|(?:0[469]|11)-(?:0[1-9]|[12][0-9]|30)",
    "|02-(?:0[1-9]|1[0-9]|2[0-8])))?",
    "|(?:(?:19|20|21)(?:0[48]|[2468][048]|[13579][26])|2000)-02-29",
    ")\\s*$"
);

/// A decimal number written as text: `6.8`, `"6,8"`, at most six decimals.
pub const DECIMAL_PATTERN: &str = "^\\s*-?[0-9]+([.,][0-9]{0,6})?\\s*$";

/// Whether `s` is an e-mail address by [`EMAIL_PATTERN`], the schema's rule.
pub fn is_email(s: &str) -> bool {
    static EMAIL: OnceLock<Option<jsonschema::Validator>> = OnceLock::new();
    EMAIL
        .get_or_init(|| {
            jsonschema::validator_for(&json!({"type": "string", "pattern": EMAIL_PATTERN})).ok()
        })
        .as_ref()
        .is_some_and(|v| v.is_valid(&json!(s)))
}

/// Schema of an id where it is defined (the Rust field stays a
/// `Sp<String>`). References are not constrained here: `check` reports a
/// malformed reference as an unknown id, a cross-field check.
pub struct IdSchema;

impl JsonSchema for IdSchema {
    fn schema_name() -> Cow<'static, str> {
        "Id".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "Identifiant : minuscules, chiffres, tirets, points ou soulignés, sans espace ni accent (« hub-du-sud »).",
            "type": "string",
            "pattern": ID_PATTERN
        })
    }
}

/// Schema of an e-mail address.
pub struct EmailSchema;

impl JsonSchema for EmailSchema {
    fn schema_name() -> Cow<'static, str> {
        "Email".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "Adresse électronique (nom@domaine.fr).",
            "type": "string",
            "pattern": EMAIL_PATTERN
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{DateFlou, Money};

    fn matches(pattern: &str, s: &str) -> bool {
        jsonschema::validator_for(&json!({"type": "string", "pattern": pattern}))
            .map(|v| v.is_valid(&json!(s)))
            .unwrap_or(false)
    }

    #[test]
    fn email_rule_is_strict() {
        assert!(is_email("contact@hub-du-sud.fr"));
        assert!(is_email("a.b+c@x.y.z"));
        assert!(!is_email("pas-un-email"));
        assert!(!is_email("x@y.z\"><svg/onload=alert(1)>"));
        assert!(!is_email("x@y"));
        assert!(!is_email(" a@b.fr"));
    }

    #[test]
    fn amount_pattern_agrees_with_the_parser() {
        for s in [
            "6000",
            "6000.50",
            "6 000,50 €",
            "0.1",
            "0,05",
            "0.50",
            "6000.",
            "12\u{a0}000",
            "-5",
            "3686.505",
            "0",
            "0.00",
            "abc",
            ".5",
            "+5",
            "6000 € €",
            "1 2.3 4",
        ] {
            let parser = Money::parse(s).is_ok_and(|m| m.0 > 0);
            assert_eq!(matches(MONTANT_PATTERN, s), parser, "{s:?}");
        }
    }

    #[test]
    fn date_pattern_agrees_with_the_parser() {
        for s in [
            "2025",
            "2025-T2",
            "2025-03",
            "2025-03-14",
            "2024-02-29",
            "2000-02-29",
            "2025-02-29",
            "1900-02-29",
            "2100-02-29",
            "2024-02-30",
            "2024-13",
            "2024-00",
            "2024-04-31",
            "2024-12-31",
            "2025-T5",
            "1899",
            "2201",
            "2200-12-31",
            "25-03",
            "2025-3",
        ] {
            assert_eq!(
                matches(DATE_PATTERN, s),
                DateFlou::parse(s).is_ok(),
                "{s:?}"
            );
        }
    }

    #[test]
    fn id_pattern() {
        assert!(matches(ID_PATTERN, "hub-du-sud"));
        assert!(!matches(ID_PATTERN, "Animation Réseau"));
    }
}
