//! The committed JSON Schema must be the one generated from the Rust types.
//! Regenerate with `FDR_UPDATE_SCHEMA=1 cargo test --test schema`.

use std::path::Path;

#[test]
fn committed_schema_is_up_to_date() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("schemas/fragment.schema.json");
    let generated = fdr::validate::schema::fragment_schema_text();
    if std::env::var_os("FDR_UPDATE_SCHEMA").is_some() {
        std::fs::write(&path, &generated).expect("write schema");
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == generated,
        "schemas/fragment.schema.json est périmé : régénérez-le avec FDR_UPDATE_SCHEMA=1 cargo test --test schema"
    );
}

#[test]
fn schema_describes_every_top_level_key_in_french() {
    let schema: serde_json::Value =
        serde_json::from_str(&fdr::validate::schema::fragment_schema_text()).unwrap();
    let props = schema["properties"].as_object().unwrap();
    for key in [
        "feuille_de_route",
        "acteurs",
        "gouvernance",
        "axes",
        "actions",
        "financements",
        "calendrier",
        "territoire",
        "concertation",
        "sections",
        "annexes",
    ] {
        let p = &props[key];
        assert!(p.is_object(), "clé {key} absente du schéma");
    }
    assert_eq!(
        schema["$schema"],
        "https://json-schema.org/draft/2020-12/schema"
    );
}
