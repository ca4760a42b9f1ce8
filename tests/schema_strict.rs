//! The JSON Schema says at field level what `check` says (issue #11): the
//! rules it shares with `check`, and ajv, an independent validator in its
//! strict mode, agreeing with `check` on every fixture and example.

mod common;

use common::{TIMEOUT, parse_json, repo, run, sandbox, summarize};
use std::process::Command;

/// Every field rule of the issue, broken once (`schema-regles-champ`):
/// refused by `check` with the same codes as before the schema knew them,
/// all in one run, each at its value.
#[test]
fn field_rules_are_reported_at_their_values() {
    let tmp = sandbox("schema-regles-champ");
    let o = run(
        tmp.path(),
        &["check", "--format", "json", "roadmap"],
        &[],
        TIMEOUT,
    );
    assert_eq!(o.code, 1, "{}", o.stderr);
    let diags = parse_json(&o.stdout);
    assert_eq!(
        summarize(&diags),
        [
            "feuille.yaml:14:19 erreur fdr::schema::cle_inconnue",
            "regles.yaml:4:9 erreur fdr::id::invalide",
            "regles.yaml:8:14 erreur fdr::contact::email_invalide",
            "regles.yaml:13:14 erreur fdr::contact::email_invalide",
            "regles.yaml:19:16 erreur fdr::montant::non_positif",
            "regles.yaml:23:16 erreur fdr::montant::invalide",
            "regles.yaml:25:14 erreur fdr::date::invalide",
            "regles.yaml:26:12 erreur fdr::date::invalide",
        ]
    );
    assert_eq!(diags[0]["help"], "vouliez-vous dire « fichier » ?");
}

/// The committed schema carries the same rules, as patterns.
#[test]
fn schema_carries_the_field_rules() {
    let text = std::fs::read_to_string(repo().join("schemas/fragment.schema.json")).unwrap();
    let schema: serde_json::Value = serde_json::from_str(&text).unwrap();
    let defs = &schema["$defs"];
    assert_eq!(defs["Id"]["pattern"], fdr::format::ID_PATTERN);
    assert_eq!(defs["Email"]["pattern"], fdr::format::EMAIL_PATTERN);
    assert_eq!(
        defs["Texte"]["anyOf"][1]["additionalProperties"],
        serde_json::Value::Bool(false)
    );
    assert!(
        !text.contains("\"format\": \"uint") && !text.contains("\"format\": \"int"),
        "Rust integer formats make ajv's strict mode refuse the schema"
    );
}

/// ajv (strict mode) compiles the schema and agrees with `check` on every
/// YAML file of `tests/fixtures/` and `examples/` (tests/schema/ajv.mjs).
/// Without node or the npm registry the test says so and passes, unless
/// FDR_REQUIRE_AJV is set (CI).
#[test]
fn ajv_agrees_with_check_on_every_fixture() {
    let out = Command::new("bash")
        .arg(repo().join("tests/schema/ajv.sh"))
        .arg(env!("CARGO_BIN_EXE_fdr"))
        .output()
        .expect("bash should start");
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    if out.status.code() == Some(3) && std::env::var_os("FDR_REQUIRE_AJV").is_none() {
        eprintln!("ajv non vérifié (node, npm ou le registre npm manque) : {stderr}");
        return;
    }
    assert!(out.status.success(), "{stdout}\n{stderr}");
    assert!(stdout.contains(" 0 désaccord"), "{stdout}");
}
