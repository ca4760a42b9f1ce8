//! Editable text documents: `feuille-de-route.odt` (OpenDocument, the
//! format of LibreOffice and of the French administration's RGI) and
//! `feuille-de-route.docx` (Word). One format-neutral document tree is
//! built from the view ([`blocks`]), then written by one writer per format
//! into a zip package whose bytes depend on the sources only.
//!
//! No crate is used for DOCX: docx-rs numbers bookmarks, headers and
//! tables of contents with process-wide counters (a second build in the
//! same `fdr serve` or `fdr watch` process would differ), pins an older
//! `zip` and stores its parts uncompressed; WordprocessingML is plain XML,
//! written here with the same XML writer and zip as the ODF package.

mod blocks;
mod docx;
mod docx_parts;
mod docx_styles;
mod inline;
mod odt;
mod odt_common;
mod odt_styles;
pub mod tree;
mod xml;

use super::templates::{Stage, TemplateError};
use super::{RenderContext, Renderer};

pub use blocks::document;

/// One office format: its name, its file and its writer.
pub struct OfficeRenderer {
    name: &'static str,
    file_name: &'static str,
    write: fn(&tree::Document) -> Result<Vec<u8>, String>,
}

pub const ODT: OfficeRenderer = OfficeRenderer {
    name: "odt",
    file_name: "feuille-de-route.odt",
    write: odt::write,
};

pub const DOCX: OfficeRenderer = OfficeRenderer {
    name: "docx",
    file_name: "feuille-de-route.docx",
    write: docx::write,
};

impl Renderer for OfficeRenderer {
    fn name(&self) -> &'static str {
        self.name
    }
    fn file_name(&self) -> &'static str {
        self.file_name
    }
    /// None: the document is built from the view in Rust.
    fn template(&self) -> &'static str {
        ""
    }
    fn uses_templates(&self) -> bool {
        false
    }
    fn render(&self, ctx: &RenderContext) -> Result<Vec<u8>, TemplateError> {
        // The package is written in memory: an error is a bug of fdr,
        // reported as a rendering error rather than a panic.
        (self.write)(&document(ctx.view))
            .map_err(|e| TemplateError::new(Stage::Gabarit, self.file_name, e))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::view::View;
    use std::path::Path;

    fn example_view() -> View {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/bouches-du-rhone");
        let mut checked = crate::validate::check(&dir, None).unwrap();
        let model = checked.model.take().unwrap();
        crate::render::view::build(&model, &crate::compute::compute(&model))
    }

    #[test]
    fn a_second_rendering_in_the_same_process_gives_the_same_bytes() {
        let view = example_view();
        let root = Path::new(".");
        let ctx = RenderContext { view: &view, root };
        for r in [&ODT, &DOCX] {
            let a = r.render(&ctx).unwrap();
            let b = r.render(&ctx).unwrap();
            assert!(a == b, "{}", r.name());
        }
    }

    #[test]
    fn the_sommaire_lists_parts_axes_and_actions_with_their_anchors() {
        let doc = document(&example_view());
        let Some(tree::Block::Toc { title, entries }) = doc
            .blocks
            .iter()
            .find(|b| matches!(b, tree::Block::Toc { .. }))
        else {
            panic!("no table of contents");
        };
        assert_eq!(title, "Sommaire");
        let actions: Vec<_> = entries.iter().filter(|e| e.level == 3).collect();
        assert_eq!(actions.len(), 10);
        assert_eq!(actions[0].anchor, "action-1-1");
        // Each entry leads to a heading of the document.
        let anchors = tree::anchors(&doc.blocks);
        for e in entries {
            assert!(anchors.contains(&e.anchor.as_str()), "{}", e.anchor);
        }
    }
}
