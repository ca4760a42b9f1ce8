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

/// Render `format` of the report in this process.
pub fn render(root: &Path, format: &str, view: &BilanView) -> Result<Vec<u8>, TemplateError> {
    match format {
        "md" => templates::render_document(root, "bilan.md.j2", view),
        "html" => templates::render_document(root, "bilan.html.j2", view),
        _ => crate::render::report_pdf(Some(root), "bilan.typ", view),
    }
}
