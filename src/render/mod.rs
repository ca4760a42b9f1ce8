//! Render stage: a view model built once from the model and its computed
//! figures, then one [`Renderer`] per output format.

pub mod bilan;
pub mod csv;
pub mod diff_md;
pub mod fmt;
pub mod labels;
pub mod markdown;
mod md_html;
pub mod office;
#[cfg(feature = "pdf")]
pub mod pdf;
pub mod sheets;
pub mod synthese;
pub mod templates;
pub mod view;
pub mod zip;

pub use md_html::{HtmlRenderer, MarkdownRenderer};

use std::path::Path;
use templates::TemplateError;
use view::View;

/// What every renderer receives.
pub struct RenderContext<'a> {
    pub view: &'a View,
    /// Roadmap folder, where `templates/` overrides are looked up.
    pub root: &'a Path,
}

/// One output format.
pub trait Renderer {
    /// Short name, as in `--format`.
    fn name(&self) -> &'static str;
    /// File written in the output folder.
    fn file_name(&self) -> &'static str;
    /// The template it runs (built in, or the user's in `DIR/templates/`).
    fn template(&self) -> &'static str;
    /// Whether it runs templates a roadmap may override (then, with
    /// `DIR/templates/`, it renders in an isolated child process).
    fn uses_templates(&self) -> bool {
        true
    }
    fn render(&self, ctx: &RenderContext) -> Result<Vec<u8>, TemplateError>;
}

/// A report (the progress report, the regional synthesis) typeset by the
/// typst template `name`, its view as JSON data: the roadmap folder's own
/// `templates/NAME` when `root` is given and has one, else the built-in.
#[cfg(feature = "pdf")]
pub fn report_pdf<T: serde::Serialize>(
    root: Option<&Path>,
    name: &'static str,
    view: &T,
) -> Result<Vec<u8>, TemplateError> {
    let template = match root {
        Some(r) => templates::load(r, name)?,
        None => templates::Template {
            name,
            source: templates::builtin(name).unwrap_or_default().to_string(),
            path: None,
        },
    };
    let json = serde_json::to_string(view).map_err(|e| {
        TemplateError::new(
            templates::Stage::Pdf,
            name,
            format!("sérialisation des données impossible : {e}"),
        )
    })?;
    pdf::render_main(root, template, json)
}

/// Without the `pdf` feature, a report has no PDF.
#[cfg(not(feature = "pdf"))]
pub fn report_pdf<T: serde::Serialize>(
    _: Option<&Path>,
    name: &'static str,
    _: &T,
) -> Result<Vec<u8>, TemplateError> {
    Err(TemplateError::new(
        templates::Stage::Pdf,
        name,
        "le format pdf n'est pas disponible : fdr a été compilé sans la fonctionnalité « pdf »",
    ))
}
