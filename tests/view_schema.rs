//! The view every template receives is documented by a committed JSON
//! Schema (`schemas/vue.schema.json`), generated from the Rust types, and
//! the example's real view validates against it. Regenerate with
//! `FDR_UPDATE_SCHEMA=1 cargo test --test view_schema`.

mod common;

use common::*;
use std::path::Path;

#[test]
fn committed_view_schema_is_up_to_date() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("schemas/vue.schema.json");
    let generated = fdr::render::view::view_schema_text();
    if std::env::var_os("FDR_UPDATE_SCHEMA").is_some() {
        std::fs::write(&path, &generated).expect("write schema");
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == generated,
        "schemas/vue.schema.json est périmé : régénérez-le avec FDR_UPDATE_SCHEMA=1 cargo test --test view_schema"
    );
}

#[test]
fn the_example_view_validates_against_its_schema() {
    let tmp = tempfile::tempdir().unwrap();
    let out = run(
        &repo(),
        &[
            "--quiet",
            "build",
            "examples/bouches-du-rhone",
            "-o",
            tmp.path().to_str().unwrap(),
            "--format",
            "pdf",
            "--emit-typst",
        ],
        &[],
        PDF_TIMEOUT,
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
    let view: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(tmp.path().join("feuille-de-route.json")).unwrap(),
    )
    .unwrap();
    assert_eq!(view["version_vue"], 1);
    let schema: serde_json::Value =
        serde_json::from_str(&fdr::render::view::view_schema_text()).unwrap();
    let validator = jsonschema::validator_for(&schema).unwrap();
    let errors: Vec<String> = validator
        .iter_errors(&view)
        .map(|e| format!("{} : {e}", e.instance_path()))
        .take(10)
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");
}
