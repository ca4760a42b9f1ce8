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

fn minijinja(name: &'static str, view: &SyntheseView) -> Result<Vec<u8>, TemplateError> {
    let value = minijinja::Value::from(minijinja::value::Serde(view));
    // `fdr/NAME` is always the built-in, and the synthesis templates import
    // only `fdr/` names: no folder is searched.
    let mut out = templates::render(Path::new("."), name, value)?;
    while out.contains("\n\n\n") {
        out = out.replace("\n\n\n", "\n\n");
    }
    if !out.ends_with('\n') {
        out.push('\n');
    }
    Ok(out.into_bytes())
}

/// Render `format` of the synthesis.
pub fn render(format: &str, view: &SyntheseView) -> Result<Vec<u8>, TemplateError> {
    match format {
        "md" => minijinja("fdr/synthese.md.j2", view),
        "html" => minijinja("fdr/synthese.html.j2", view),
        _ => pdf(view),
    }
}

#[cfg(feature = "pdf")]
fn pdf(view: &SyntheseView) -> Result<Vec<u8>, TemplateError> {
    let template = templates::Template {
        name: "synthese.typ",
        source: templates::builtin("synthese.typ")
            .unwrap_or_default()
            .to_string(),
        path: None,
    };
    let json = serde_json::to_string(view).map_err(|e| {
        TemplateError::new(
            templates::Stage::Pdf,
            "synthese.typ",
            format!("sérialisation des données impossible : {e}"),
        )
    })?;
    crate::render::pdf::render_main(None, template, json)
}

#[cfg(not(feature = "pdf"))]
fn pdf(_: &SyntheseView) -> Result<Vec<u8>, TemplateError> {
    Err(TemplateError::new(
        templates::Stage::Pdf,
        "synthese.typ",
        "le format pdf n'est pas disponible : fdr a été compilé sans la fonctionnalité « pdf »",
    ))
}
