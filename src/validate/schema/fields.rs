//! Schema errors raised by a field-level rule (ids, amounts, dates,
//! decimals, e-mails, texts) reported as `check` always reported them:
//! the same codes, the parser's precise French message at the value.

use crate::diagnostic::{Diagnostic, FileId, did_you_mean};
use crate::model::{DateFlou, Decimal, Money};
use crate::parse::SpanIndex;
use serde_json::Value;

/// Name of the `$defs` entry an error was raised in, if any.
pub fn def_name(schema_path: &str) -> Option<&str> {
    schema_path.strip_prefix("/$defs/")?.split('/').next()
}

/// A scalar as the parser reads it: a number's text, a string as written.
fn scalar_text(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

/// The diagnostic for an error inside the definition `def`, or `None` when
/// the generic translation applies (a wrong type for an id…).
pub fn field_rule(
    def: &str,
    file: FileId,
    pointer: &str,
    instance: &Value,
    index: &SpanIndex,
) -> Option<Vec<Diagnostic>> {
    if def == "Texte" {
        return texte(file, pointer, instance, index);
    }
    // A list or a mapping where a scalar belongs is a type error: the
    // generic translation reports it, and it stops the typed parse.
    let text = scalar_text(instance)?;
    let span = index.value(pointer).unwrap_or_default();
    let d = match def {
        "Id" => Diagnostic::error(
            crate::diagnostic::codes::ID_INVALIDE,
            format!("identifiant « {text} » invalide"),
        )
        .label("identifiant")
        .help("un identifiant s'écrit en minuscules, chiffres et tirets, sans espace ni accent : « hub-du-sud »"),
        "Email" => Diagnostic::error(
            crate::diagnostic::codes::CONTACT_EMAIL_INVALIDE,
            format!("adresse électronique « {text} » invalide"),
        )
        .label("adresse invalide")
        .help("forme attendue : nom@domaine.fr"),
        "Montant" => amount(&text),
        "DateFlou" => {
            let msg = DateFlou::parse(&text)
                .err()
                .unwrap_or_else(|| format!("« {text} » n'est pas une date"));
            Diagnostic::error(crate::diagnostic::codes::DATE_INVALIDE, msg)
                .label("date invalide")
                .help("formats acceptés : 2025, 2025-T2, 2025-03, 2025-03-14")
        }
        "Decimal" => {
            let msg = Decimal::parse(&text)
                .err()
                .unwrap_or_else(|| format!("« {text} » n'est pas un nombre"));
            Diagnostic::error(crate::diagnostic::codes::NOMBRE_INVALIDE, msg)
                .label("nombre invalide")
                .help("écrivez un nombre comme 6.8 ou \"6,8\"")
        }
        _ => return None,
    };
    Some(vec![d.at(file, span)])
}

fn amount(text: &str) -> Diagnostic {
    match Money::parse(text) {
        Ok(m) if m.0 <= 0 => Diagnostic::error(
            crate::diagnostic::codes::MONTANT_NON_POSITIF,
            "un montant doit être strictement positif",
        )
        .label("montant nul ou négatif")
        .help("supprimez la ligne si rien n'est financé"),
        other => {
            let msg = other
                .err()
                .unwrap_or_else(|| format!("« {text} » n'est pas un montant"));
            Diagnostic::error(crate::diagnostic::codes::MONTANT_INVALIDE, msg)
                .label("montant invalide")
                .help("écrivez un nombre d'euros (6000) ou une chaîne avec au plus deux décimales (\"6000.50\")")
        }
    }
}

/// A text written as an object: only `fichier`, which must be a string.
fn texte(
    file: FileId,
    pointer: &str,
    instance: &Value,
    index: &SpanIndex,
) -> Option<Vec<Diagnostic>> {
    let obj = instance.as_object()?;
    let span = index.value(pointer).unwrap_or_default();
    let mut out = Vec::new();
    for key in obj.keys().filter(|k| *k != "fichier") {
        let kpointer = format!("{pointer}/{}", key.replace('~', "~0").replace('/', "~1"));
        let kspan = index.keys.get(&kpointer).copied().unwrap_or(span);
        let help = did_you_mean(key, ["fichier"])
            .unwrap_or_else(|| "seule la clé `fichier:` est possible ici".into());
        out.push(
            Diagnostic::error(
                crate::diagnostic::codes::SCHEMA_CLE_INCONNUE,
                format!("clé inconnue « {key} »"),
            )
            .at(file, kspan)
            .label("clé inconnue")
            .help(help),
        );
    }
    match obj.get("fichier") {
        None if out.is_empty() => out.push(
            Diagnostic::error(
                crate::diagnostic::codes::SCHEMA_CHAMP_MANQUANT,
                "champ obligatoire « fichier » manquant",
            )
            .at(file, span)
            .label("il manque « fichier » ici")
            .help("ajoutez la clé `fichier:` à cet élément"),
        ),
        Some(v) if !v.is_string() => out.push(
            Diagnostic::error(
                crate::diagnostic::codes::SCHEMA_TYPE,
                format!(
                    "« fichier » doit être un texte, pas {}",
                    super::found_name(v)
                ),
            )
            .at(
                file,
                index.value(&format!("{pointer}/fichier")).unwrap_or(span),
            )
            .label("attendu : un texte")
            .help("écrivez le chemin du fichier, par exemple `textes/introduction.md`"),
        ),
        _ => {}
    }
    (!out.is_empty()).then_some(out)
}
