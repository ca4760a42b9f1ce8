//! The regional synthesis in each format: `synthese.md.j2` and
//! `synthese.html.j2` (minijinja), `synthese.typ` (typst, the view as JSON
//! data). Always the built-in templates: the synthesis belongs to no one
//! roadmap, so no roadmap's `templates/` applies.

use super::SyntheseView;
use crate::render::templates::{self, TemplateError};
use std::path::Path;

/// (format name, template, file name).
pub const FORMATS: &[(&str, &str, &str)] = &[
    ("md", "synthese.md.j2", "synthese.md"),
    ("html", "synthese.html.j2", "synthese.html"),
    ("pdf", "synthese.typ", "synthese.pdf"),
];

/// `synthese.md`, `synthese.html`, `synthese.pdf`.
pub fn file_name(format: &str) -> &'static str {
    FORMATS
        .iter()
        .find(|f| f.0 == format)
        .map_or("synthese.md", |f| f.2)
}

/// `fdr/NAME` is always the built-in, and the synthesis templates import
/// only `fdr/` names: no folder is searched.
fn minijinja(name: &'static str, view: &SyntheseView) -> Result<Vec<u8>, TemplateError> {
    templates::render_document(Path::new("."), name, view)
}

/// Render `format` of the synthesis.
pub fn render(format: &str, view: &SyntheseView) -> Result<Vec<u8>, TemplateError> {
    match format {
        "md" => minijinja("fdr/synthese.md.j2", view),
        "html" => minijinja("fdr/synthese.html.j2", view),
        _ => crate::render::report_pdf(None, "synthese.typ", view),
    }
}
