//! Markdown and HTML renderers: minijinja templates over the view model.

use super::templates;
use super::{RenderContext, Renderer};
use templates::TemplateError;

fn run(ctx: &RenderContext, name: &'static str) -> Result<Vec<u8>, TemplateError> {
    templates::render_document(ctx.root, name, ctx.view)
}

pub struct MarkdownRenderer;

impl Renderer for MarkdownRenderer {
    fn name(&self) -> &'static str {
        "md"
    }
    fn file_name(&self) -> &'static str {
        "feuille-de-route.md"
    }
    fn template(&self) -> &'static str {
        "feuille-de-route.md.j2"
    }
    fn render(&self, ctx: &RenderContext) -> Result<Vec<u8>, TemplateError> {
        run(ctx, self.template())
    }
}

pub struct HtmlRenderer;

impl Renderer for HtmlRenderer {
    fn name(&self) -> &'static str {
        "html"
    }
    fn file_name(&self) -> &'static str {
        "feuille-de-route.html"
    }
    fn template(&self) -> &'static str {
        "feuille-de-route.html.j2"
    }
    fn render(&self, ctx: &RenderContext) -> Result<Vec<u8>, TemplateError> {
        run(ctx, self.template())
    }
}
