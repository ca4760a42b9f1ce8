//! The PDF of the example: text content, reproducibility, inert hostile text.
//! Needs `pdftotext` (Debian's poppler-utils, installed by `.ci/run`).
#![cfg(feature = "pdf")]

use std::path::{Path, PathBuf};
use std::process::Command;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn build_pdf(dir: &Path) -> (tempfile::TempDir, Vec<u8>) {
    let out = tempfile::tempdir().unwrap();
    let o = Command::new(env!("CARGO_BIN_EXE_fdr"))
        .args(["--quiet", "build"])
        .arg(dir)
        .arg("-o")
        .arg(out.path())
        .args(["--format", "pdf"])
        .output()
        .unwrap();
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let bytes = std::fs::read(out.path().join("feuille-de-route.pdf")).unwrap();
    (out, bytes)
}

/// Text of the PDF, typographic spaces folded and lines joined.
fn pdf_text(pdf: &Path) -> String {
    let o = Command::new("pdftotext")
        .args(["-enc", "UTF-8"])
        .arg(pdf)
        .arg("-")
        .output()
        .expect(
            "pdftotext (poppler-utils) est nécessaire pour ce test : apt-get install poppler-utils",
        );
    assert!(o.status.success());
    let t = String::from_utf8_lossy(&o.stdout).replace(['\u{202f}', '\u{a0}'], " ");
    t.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn example_pdf_has_titles_total_and_sommaire() {
    let (out, bytes) = build_pdf(&root().join("examples/bouches-du-rhone"));
    assert!(bytes.starts_with(b"%PDF-"));
    let text = pdf_text(&out.path().join("feuille-de-route.pdf"));
    assert!(text.contains("Sommaire"));
    assert!(text.contains("71 433 €"), "total absent du PDF");
    let export = Command::new(env!("CARGO_BIN_EXE_fdr"))
        .args(["export", "--format", "json"])
        .arg(root().join("examples/bouches-du-rhone"))
        .output()
        .unwrap();
    let v: serde_json::Value = serde_json::from_slice(&export.stdout).unwrap();
    let actions = v["modele"]["actions"].as_array().unwrap();
    assert_eq!(actions.len(), 10);
    for a in actions {
        let title = a["titre"]
            .as_str()
            .unwrap()
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        assert!(
            text.contains(&title),
            "titre d'action absent du PDF : {title}"
        );
    }
}

#[test]
fn pdf_builds_are_byte_identical() {
    let dir = root().join("examples/bouches-du-rhone");
    let (_a, first) = build_pdf(&dir);
    let (_b, second) = build_pdf(&dir);
    assert!(first == second, "two builds gave different PDFs");
}

#[test]
fn hostile_text_renders_literally_in_pdf() {
    let (out, _) = build_pdf(&root().join("tests/fixtures/injection"));
    let text = pdf_text(&out.path().join("feuille-de-route.pdf"));
    for literal in [
        "#panic(\"x\")",
        "#read(\"/etc/passwd\")",
        "@label",
        "// commentaire",
        "$x$",
        "#eval(\"1\")",
        "]]",
    ] {
        assert!(
            text.contains(literal),
            "« {literal} » not rendered literally"
        );
    }
}
