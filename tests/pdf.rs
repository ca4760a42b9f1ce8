//! The PDF of the example: text content and inert hostile text (identical
//! bytes from build to build: `tests/hostile.rs`).
//! Needs `pdftotext` (Debian's poppler-utils, installed by `.ci/run`).
#![cfg(feature = "pdf")]

mod common;

use common::*;
use std::path::Path;
use std::process::Command;

fn build_pdf(dir: &Path) -> (tempfile::TempDir, Vec<u8>) {
    let (out, run) = build_into_temp(dir, "pdf");
    assert_eq!(run.code, 0, "{}", run.stderr);
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
    let t = plain(&String::from_utf8_lossy(&o.stdout));
    t.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn example_pdf_has_titles_total_and_sommaire() {
    let example = repo().join("examples/bouches-du-rhone");
    let (out, bytes) = build_pdf(&example);
    assert!(bytes.starts_with(b"%PDF-"));
    let text = pdf_text(&out.path().join("feuille-de-route.pdf"));
    assert!(text.contains("Sommaire"));
    assert!(text.contains("71 433 €"), "total absent du PDF");
    let v = export_json(&example);
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
fn hostile_text_renders_literally_in_pdf() {
    let (out, _) = build_pdf(&repo().join("tests/fixtures/injection"));
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

#[test]
fn the_landes_progress_report_is_written_in_every_format() {
    let out = tempfile::tempdir().unwrap();
    let run = run(
        &repo(),
        &[
            "--quiet",
            "bilan",
            "examples/landes",
            "--au",
            "2026-11-27",
            "-o",
            out.path().to_str().unwrap(),
        ],
        &[],
        PDF_TIMEOUT,
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    // PDF/UA-1 holds: no heading level is skipped.
    assert!(!run.stderr.contains("PDF/UA"), "{}", run.stderr);
    for ext in ["md", "html", "pdf"] {
        assert!(
            out.path().join(format!("bilan-2026-11-27.{ext}")).is_file(),
            "{ext}"
        );
    }
    let text = pdf_text(&out.path().join("bilan-2026-11-27.pdf"));
    for piece in [
        "Bilan d'étape au 27 novembre 2026",
        "Tableau de bord des indicateurs",
        "31 actions sur 33 (mars 2024)",
        "aucune réunion datée dans les sources",
    ] {
        assert!(text.contains(piece), "« {piece} » absent : {text}");
    }
}
