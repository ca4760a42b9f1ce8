//! Markdown and HTML renderers: minijinja templates over the view model.

use super::templates;
use super::{RenderContext, Renderer};
use templates::TemplateError;

fn run(ctx: &RenderContext, name: &'static str) -> Result<Vec<u8>, TemplateError> {
    let value = minijinja::Value::from(minijinja::value::Serde(ctx.view));
    let mut out = templates::render(ctx.root, name, value)?;
    // Collapse runs of blank lines left by template logic.
    while out.contains("\n\n\n") {
        out = out.replace("\n\n\n", "\n\n");
    }
    if !out.ends_with('\n') {
        out.push('\n');
    }
    Ok(out.into_bytes())
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
