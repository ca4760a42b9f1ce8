//! The progress report in each format: `bilan.md.j2` and `bilan.html.j2`
//! (minijinja, as the document's templates), `bilan.typ` (typst, the view
//! as JSON data). Each is the user's `DIR/templates/NAME` when present.

use super::BilanView;
use crate::render::templates::{self, TemplateError};
use std::path::Path;

/// (format name, template, file name suffix).
pub const FORMATS: &[(&str, &str, &str)] = &[
    ("md", "bilan.md.j2", "md"),
    ("html", "bilan.html.j2", "html"),
    ("pdf", "bilan.typ", "pdf"),
];

/// The template of a format (`md`, `html`, `pdf`).
pub fn template(format: &str) -> &'static str {
    FORMATS
        .iter()
        .find(|f| f.0 == format)
        .map_or("bilan.md.j2", |f| f.1)
}

/// `bilan-2026-11-27.md`.
pub fn file_name(view: &BilanView, format: &str) -> String {
    let ext = FORMATS.iter().find(|f| f.0 == format).map_or("md", |f| f.2);
    format!("bilan-{}.{ext}", view.entete.au_iso)
}

fn minijinja(root: &Path, name: &'static str, view: &BilanView) -> Result<Vec<u8>, TemplateError> {
    let value = minijinja::Value::from(minijinja::value::Serde(view));
    let mut out = templates::render(root, name, value)?;
    while out.contains("\n\n\n") {
        out = out.replace("\n\n\n", "\n\n");
    }
    if !out.ends_with('\n') {
        out.push('\n');
    }
    Ok(out.into_bytes())
}

/// Render `format` of the report in this process.
pub fn render(root: &Path, format: &str, view: &BilanView) -> Result<Vec<u8>, TemplateError> {
    match format {
        "md" => minijinja(root, "bilan.md.j2", view),
        "html" => minijinja(root, "bilan.html.j2", view),
        _ => pdf(root, view),
    }
}

#[cfg(feature = "pdf")]
fn pdf(root: &Path, view: &BilanView) -> Result<Vec<u8>, TemplateError> {
    let template = templates::load(root, "bilan.typ")?;
    let json = serde_json::to_string(view).map_err(|e| {
        TemplateError::new(
            crate::render::templates::Stage::Pdf,
            "bilan.typ",
            format!("sérialisation des données impossible : {e}"),
        )
    })?;
    crate::render::pdf::render_main(Some(root), template, json)
}

#[cfg(not(feature = "pdf"))]
fn pdf(_: &Path, _: &BilanView) -> Result<Vec<u8>, TemplateError> {
    Err(TemplateError::new(
        crate::render::templates::Stage::Pdf,
        "bilan.typ",
        "le format pdf n'est pas disponible : fdr a été compilé sans la fonctionnalité « pdf »",
    ))
}
