//! Schema validation: the JSON Schema generated from [`crate::format`],
//! checked with jsonschema, every error translated to French at its span.

use crate::diagnostic::{Diagnostic, FileId, did_you_mean};
use crate::format::Fragment;
use crate::parse::SpanIndex;
use jsonschema::error::{TypeKind, ValidationErrorKind};
use serde_json::Value;
use std::sync::OnceLock;

mod errors;
mod fields;

use errors::{At, error_diagnostics};

/// The JSON Schema of a fragment, as committed in `schemas/`.
pub fn fragment_schema() -> Value {
    let settings = schemars::generate::SchemaSettings::draft2020_12()
        .with_transform(schemars::transform::RecursiveTransform(drop_null));
    let schema = settings.into_generator().into_root_schema_for::<Fragment>();
    schema.to_value()
}

/// Pretty JSON text of the schema, byte-identical from run to run.
pub fn fragment_schema_text() -> String {
    let mut s = serde_json::to_string_pretty(&fragment_schema()).unwrap_or_default();
    s.push('\n');
    s
}

/// Optional fields are written by leaving the key out: `null` is not a
/// value of any field, which keeps schema errors on the real alternatives.
/// Also drops the `format` schemars writes for Rust integer types
/// (`uint16`…): they are not JSON Schema formats, and ajv's strict mode
/// refuses to compile a schema that uses them (`minimum`/`maximum` stay).
fn drop_null(schema: &mut schemars::Schema) {
    let Some(obj) = schema.as_object_mut() else {
        return;
    };
    if obj
        .get("format")
        .and_then(Value::as_str)
        .is_some_and(|f| f.starts_with("int") || f.starts_with("uint"))
    {
        obj.remove("format");
    }
    if let Some(Value::Array(types)) = obj.get_mut("type") {
        types.retain(|t| t != "null");
        if types.len() == 1 {
            let t = types[0].clone();
            obj.insert("type".into(), t);
        }
    }
    if let Some(Value::Array(alts)) = obj.get_mut("anyOf") {
        // Only the bare `{"type": "null"}` that `Option` adds; a documented
        // null alternative (an empty table cell) stays.
        alts.retain(|a| {
            a.as_object().is_none_or(|o| {
                o.len() != 1 || o.get("type").and_then(Value::as_str) != Some("null")
            })
        });
        if alts.len() == 1
            && let Some(Value::Object(only)) = alts.pop()
        {
            obj.remove("anyOf");
            for (k, v) in only {
                obj.entry(k).or_insert(v);
            }
        }
    }
}

struct Compiled {
    schema: Value,
    validator: Option<jsonschema::Validator>,
}

/// The keys a fragment may have at its root, from the schema (itself
/// generated from `format::Fragment`).
pub fn root_keys() -> Vec<&'static str> {
    compiled().schema["properties"]
        .as_object()
        .map(|o| o.keys().map(String::as_str).collect())
        .unwrap_or_default()
}

fn compiled() -> &'static Compiled {
    static C: OnceLock<Compiled> = OnceLock::new();
    C.get_or_init(|| {
        let schema = fragment_schema();
        let validator = jsonschema::options()
            .with_draft(jsonschema::Draft::Draft202012)
            .should_validate_formats(true)
            .build(&schema)
            .ok();
        Compiled { schema, validator }
    })
}

fn type_name(t: &str) -> &'static str {
    match t {
        "string" => "un texte",
        "integer" => "un nombre entier",
        "number" => "un nombre",
        "array" => "une liste",
        "object" => "un dictionnaire (clé: valeur)",
        "boolean" => "true ou false",
        "null" => "une valeur vide",
        _ => "une autre valeur",
    }
}

fn type_help(expected: &str) -> String {
    if expected.contains("liste") {
        "une liste s'écrit `[a, b]` ou une ligne `- a` par élément".into()
    } else if expected.contains("dictionnaire") {
        "un dictionnaire s'écrit `clé: valeur`, une clé par ligne, indentées de la même façon"
            .into()
    } else if expected.contains("entier") {
        "écrivez un nombre sans guillemets ni décimales".into()
    } else {
        format!("remplacez la valeur par {expected}")
    }
}

fn found_name(v: &Value) -> String {
    match v {
        Value::Null => "une valeur vide".into(),
        Value::Bool(b) => format!("le booléen {b}"),
        Value::Number(n) if n.is_f64() => format!("le nombre {n}"),
        Value::Number(n) => format!("le nombre entier {n}"),
        Value::String(s) => format!("le texte « {} »", shorten(s)),
        Value::Array(_) => "une liste".into(),
        Value::Object(_) => "un dictionnaire".into(),
    }
}

fn shorten(s: &str) -> String {
    let mut out: String = s.chars().take(40).collect();
    if s.chars().count() > 40 {
        out.push('…');
    }
    out
}

/// What a named definition expects, for errors raised inside it.
fn expected_for_def(schema_path: &str) -> Option<(&'static str, &'static str)> {
    let def = schema_path.strip_prefix("/$defs/")?.split('/').next()?;
    Some(match def {
        "Montant" => (
            "montant invalide",
            "écrivez un nombre d'euros (6000) ou une chaîne avec au plus deux décimales (\"6000.50\")",
        ),
        "DateFlou" => (
            "date invalide",
            "formats acceptés : 2025, 2025-T2 (trimestre), 2025-03 (mois), 2025-03-14 (jour)",
        ),
        "Decimal" => ("nombre invalide", "écrivez un nombre comme 6.8 ou \"6,8\""),
        "Texte" => (
            "texte invalide",
            "écrivez du Markdown, ou `fichier: textes/nom.md` pour un fichier",
        ),
        "Cellule" => (
            "cellule invalide",
            "une cellule contient un texte ou un nombre entier",
        ),
        _ => return None,
    })
}

fn allowed_properties(schema: &Value, schema_path: &str) -> Vec<String> {
    let parent = schema_path.rsplit_once('/').map_or("", |(p, _)| p);
    schema
        .pointer(parent)
        .and_then(|o| o.get("properties"))
        .and_then(Value::as_object)
        .map(|m| m.keys().cloned().collect())
        .unwrap_or_default()
}

/// Codes of the field-level rules the schema shares with the semantic
/// stage: that stage checks these values again (giving the same diagnostic,
/// merged by [`crate::diagnostic::Diagnostics::sort`]), so they do not stop it.
pub fn is_field_rule(code: &str) -> bool {
    matches!(
        code,
        crate::diagnostic::codes::ID_INVALIDE
            | crate::diagnostic::codes::CONTACT_EMAIL_INVALIDE
            | crate::diagnostic::codes::MONTANT_INVALIDE
            | crate::diagnostic::codes::MONTANT_NON_POSITIF
            | crate::diagnostic::codes::DATE_INVALIDE
            | crate::diagnostic::codes::NOMBRE_INVALIDE
    )
}

/// Quick yes/no, without collecting errors.
pub fn is_valid(json: &Value) -> bool {
    compiled()
        .validator
        .as_ref()
        .is_some_and(|v| v.is_valid(json))
}

/// Validate one fragment; returns the diagnostics (empty when valid).
pub fn validate(file: FileId, json: &Value, index: &SpanIndex) -> Vec<Diagnostic> {
    validate_with_pointers(file, json, index).0
}

/// [`validate`], with the JSON pointer of each error that is not a field
/// rule (those the semantic stage checks again): the parts the validate
/// stage sets aside.
pub fn validate_with_pointers(
    file: FileId,
    json: &Value,
    index: &SpanIndex,
) -> (Vec<Diagnostic>, Vec<String>) {
    let c = compiled();
    let Some(validator) = &c.validator else {
        return (
            vec![Diagnostic::error(
                crate::diagnostic::codes::INTERNE_SCHEMA,
                "le schéma interne ne compile pas",
            )],
            Vec::new(),
        );
    };
    let mut out = Vec::new();
    let mut pointers = Vec::new();
    for err in validator.iter_errors(json) {
        let pointer = err.instance_path().as_str().to_string();
        let schema_path = err.schema_path().as_str().to_string();
        let span = index.value(&pointer).unwrap_or_default();
        let field = pointer.rsplit('/').next().unwrap_or("").to_string();
        if matches!(
            err.kind(),
            ValidationErrorKind::Pattern { .. } | ValidationErrorKind::AnyOf { .. }
        ) && let Some(ds) = fields::def_name(&schema_path)
            .and_then(|def| fields::field_rule(def, file, &pointer, err.instance(), index))
        {
            // A text object's unknown key comes this way too: set aside.
            if ds.iter().any(|d| !is_field_rule(d.code)) {
                pointers.push(pointer.clone());
            }
            out.extend(ds);
            continue;
        }
        pointers.push(pointer.clone());
        out.extend(error_diagnostics(
            c,
            &At {
                file,
                span,
                field: &field,
                pointer: &pointer,
                schema_path: &schema_path,
                index,
            },
            &err,
        ));
    }
    (out, pointers)
}

fn one_of_constants(schema: &Value, schema_path: &str) -> Vec<String> {
    schema
        .pointer(schema_path)
        .and_then(Value::as_array)
        .map(|alts| {
            alts.iter()
                .filter_map(|a| a.get("const").and_then(Value::as_str).map(str::to_string))
                .collect()
        })
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::{to_json, tree::parse_tree};

    fn check(yaml: &str) -> Vec<Diagnostic> {
        let mut d = Vec::new();
        let tree = parse_tree(0, yaml, &mut d).unwrap().unwrap();
        let mut idx = SpanIndex::default();
        let json = to_json(&tree, "", &mut Some(&mut idx));
        validate(0, &json, &idx)
    }

    #[test]
    fn schema_compiles() {
        assert!(compiled().validator.is_some());
    }

    #[test]
    fn unknown_top_level_key_suggests() {
        let d = check("actoins: []\n");
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].code, crate::diagnostic::codes::SCHEMA_CLE_INCONNUE);
        assert_eq!(
            d[0].help.as_deref(),
            Some("vouliez-vous dire « actions » ?")
        );
        assert_eq!(d[0].span.unwrap().line, 1);
    }

    #[test]
    fn reports_every_error_of_a_file() {
        let d = check("axes:\n  - id: a\n  - titre: x\n    id: b\n    numero: deux\n");
        let codes: Vec<_> = d.iter().map(|d| d.code).collect();
        assert!(
            codes.contains(&crate::diagnostic::codes::SCHEMA_CHAMP_MANQUANT),
            "{codes:?}"
        );
        assert!(
            codes.contains(&crate::diagnostic::codes::SCHEMA_TYPE),
            "{codes:?}"
        );
        assert!(d.len() >= 2);
    }

    #[test]
    fn enum_value_suggests() {
        let d = check("acteurs:\n  - id: a\n    nom: A\n    categorie: asociation\n");
        assert_eq!(d.len(), 1, "{d:?}");
        assert_eq!(d[0].code, crate::diagnostic::codes::SCHEMA_VALEUR_INCONNUE);
        assert_eq!(
            d[0].help.as_deref(),
            Some("vouliez-vous dire « association » ?")
        );
    }

    #[test]
    fn text_object_refuses_unknown_keys_with_a_suggestion() {
        let d = check("feuille_de_route:\n  introduction: { fichir: x.md }\n");
        let unknown: Vec<_> = d
            .iter()
            .filter(|d| d.code == crate::diagnostic::codes::SCHEMA_CLE_INCONNUE)
            .collect();
        assert_eq!(unknown.len(), 1, "{d:?}");
        assert_eq!(
            unknown[0].help.as_deref(),
            Some("vouliez-vous dire « fichier » ?")
        );
        assert_eq!(unknown[0].span.unwrap().col, 19);
    }

    #[test]
    fn field_rules_keep_check_codes_and_non_scalars_stay_type_errors() {
        let d = check("acteurs:\n  - id: Hub Sud\n    nom: A\n    categorie: etat\n");
        assert_eq!(d.len(), 1, "{d:?}");
        assert_eq!(d[0].code, crate::diagnostic::codes::ID_INVALIDE);
        assert!(is_field_rule(d[0].code));
        let y = "financements:\n  enveloppes:\n    - { id: e, libelle: E, montant: MONTANT, financeur: p }\n";
        let d = check(&y.replace("MONTANT", "\"-5\""));
        assert_eq!(d.len(), 1, "{d:?}");
        assert_eq!(d[0].code, crate::diagnostic::codes::MONTANT_NON_POSITIF);
        let d = check(&y.replace("MONTANT", "[1]"));
        assert_eq!(d.len(), 1, "{d:?}");
        assert!(!is_field_rule(d[0].code), "{d:?}");
    }
}
