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
