//! Schema errors (other than field rules) as French diagnostics, one
//! function per kind: unknown keys, missing fields, types, unknown values.

use super::*;

/// Where a schema error is reported.
pub(super) struct At<'a> {
    pub(super) file: FileId,
    pub(super) span: crate::format::Span,
    pub(super) field: &'a str,
    pub(super) pointer: &'a str,
    pub(super) schema_path: &'a str,
    pub(super) index: &'a SpanIndex,
}

/// The diagnostics of one schema error (not a field rule).
pub(super) fn error_diagnostics(
    c: &Compiled,
    at: &At,
    err: &jsonschema::ValidationError,
) -> Vec<Diagnostic> {
    match err.kind() {
        ValidationErrorKind::AdditionalProperties { unexpected } => unknown_keys(c, at, unexpected),
        ValidationErrorKind::Required { property } => {
            let name = property.as_str().unwrap_or("?");
            vec![
                Diagnostic::error(
                    crate::diagnostic::codes::SCHEMA_CHAMP_MANQUANT,
                    format!("champ obligatoire « {name} » manquant"),
                )
                .at(at.file, at.span)
                .label(format!("il manque « {name} » ici"))
                .help(format!("ajoutez la clé `{name}:` à cet élément")),
            ]
        }
        ValidationErrorKind::Type { kind } => vec![type_error(at, err, kind)],
        ValidationErrorKind::Enum { options }
        | ValidationErrorKind::Constant {
            expected_value: options,
        } => {
            let values: Vec<&str> = match options.as_ref() {
                Value::Array(a) => a.iter().filter_map(Value::as_str).collect(),
                Value::String(s) => vec![s.as_str()],
                _ => Vec::new(),
            };
            let got = err.instance().as_str().unwrap_or("").to_string();
            vec![unknown_value(at, &got, &values)]
        }
        ValidationErrorKind::OneOfNotValid { .. }
        | ValidationErrorKind::OneOfMultipleValid { .. } => {
            // A `oneOf` of string constants is how schemars writes enums.
            let values = one_of_constants(&c.schema, at.schema_path);
            let got = err
                .instance()
                .as_str()
                .map_or_else(|| found_name(err.instance()), str::to_string);
            let values: Vec<&str> = values.iter().map(String::as_str).collect();
            vec![unknown_value(at, &got, &values)]
        }
        other => vec![other_error(at, other)],
    }
}

fn unknown_keys(c: &Compiled, at: &At, unexpected: &[String]) -> Vec<Diagnostic> {
    let allowed = allowed_properties(&c.schema, at.schema_path);
    unexpected
        .iter()
        .map(|key| {
            let kspan = at
                .index
                .keys
                .get(&format!(
                    "{}/{}",
                    at.pointer,
                    key.replace('~', "~0").replace('/', "~1")
                ))
                .copied()
                .unwrap_or(at.span);
            let help = did_you_mean(key, allowed.iter().map(String::as_str)).or_else(|| {
                (!allowed.is_empty()).then(|| format!("clés possibles : {}", allowed.join(", ")))
            });
            Diagnostic::error(
                crate::diagnostic::codes::SCHEMA_CLE_INCONNUE,
                format!("clé inconnue « {key} »"),
            )
            .at(at.file, kspan)
            .label("clé inconnue")
            .help_opt(help)
        })
        .collect()
}

fn unknown_value(at: &At, got: &str, values: &[&str]) -> Diagnostic {
    let help = did_you_mean(got, values.iter().copied())
        .unwrap_or_else(|| format!("valeurs possibles : {}", values.join(", ")));
    Diagnostic::error(
        crate::diagnostic::codes::SCHEMA_VALEUR_INCONNUE,
        format!("valeur « {} » inconnue pour « {} »", shorten(got), at.field),
    )
    .at(at.file, at.span)
    .label("valeur inconnue")
    .help(help)
}

fn type_error(at: &At, err: &jsonschema::ValidationError, kind: &TypeKind) -> Diagnostic {
    let field = at.field;
    let expected = match kind {
        TypeKind::Single(t) => type_name(&t.to_string()).to_string(),
        TypeKind::Multiple(set) => set
            .iter()
            .map(|t| type_name(&t.to_string()))
            .collect::<Vec<_>>()
            .join(" ou "),
    };
    let too_big = err.instance().as_str().is_some_and(|s| {
        let d = s.strip_prefix('-').unwrap_or(s);
        !d.is_empty()
            && d.bytes().all(|b| b.is_ascii_digit())
            && s.parse::<i64>().is_err()
            && s.parse::<u64>().is_err()
    });
    let (message, help) = match expected_for_def(at.schema_path) {
        Some((m, h)) => (m.to_string(), h.to_string()),
        None if too_big => (
            format!("« {field} » : nombre trop grand ({})", shorten(err.instance().as_str().unwrap_or(""))),
            "un nombre entier ne dépasse pas 18 446 744 073 709 551 615 ; vérifiez qu'aucun chiffre n'a été répété".to_string(),
        ),
        None => (
            format!("« {field} » doit être {expected}, pas {}", found_name(err.instance())),
            type_help(&expected),
        ),
    };
    Diagnostic::error(crate::diagnostic::codes::SCHEMA_TYPE, message)
        .at(at.file, at.span)
        .label(format!("attendu : {expected}"))
        .help(help)
}

fn other_error(at: &At, other: &ValidationErrorKind) -> Diagnostic {
    let field = at.field;
    let (message, help) = match expected_for_def(at.schema_path) {
        Some((m, h)) => (m.to_string(), Some(h.to_string())),
        None => match other {
            ValidationErrorKind::Minimum { limit }
            | ValidationErrorKind::ExclusiveMinimum { limit } => (
                format!("« {field} » est trop petit (minimum {limit})"),
                None,
            ),
            ValidationErrorKind::Maximum { limit }
            | ValidationErrorKind::ExclusiveMaximum { limit } => (
                format!("« {field} » est trop grand (maximum {limit})"),
                None,
            ),
            ValidationErrorKind::Format { format } if format == "email" => (
                "adresse électronique invalide".to_string(),
                Some("forme attendue : nom@domaine.fr".to_string()),
            ),
            _ => (format!("valeur invalide pour « {field} »"), None),
        },
    };
    Diagnostic::error(crate::diagnostic::codes::SCHEMA_INVALIDE, message)
        .at(at.file, at.span)
        .label("ici")
        .help_opt(help)
}
