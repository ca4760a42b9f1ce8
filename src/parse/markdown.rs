//! Markdown texts of the sources, parsed by comrak with the options every
//! stage shares, and the one bound on their shape: how deeply inline
//! formatting (emphasis, links…) may nest before a text is refused.

use comrak::arena_tree::NodeEdge;
use comrak::nodes::{AstNode, NodeValue};
use comrak::{Arena, Options, parse_document};

/// Deepest nesting of inline formatting a text may use. Real texts stay
/// under 5; the renderers (and typst's call depth) are bounded by it.
pub const MAX_INLINE_DEPTH: usize = 16;

/// comrak's options for the sources: GitHub Markdown, raw HTML never
/// rendered.
pub fn options() -> Options<'static> {
    let mut o = Options::default();
    o.extension.table = true;
    o.extension.strikethrough = true;
    o.extension.autolink = true;
    o.extension.tasklist = false;
    o.render.r#unsafe = false;
    o.render.width = 0;
    o
}

fn is_inline_container(v: &NodeValue) -> bool {
    matches!(
        v,
        NodeValue::Emph
            | NodeValue::Strong
            | NodeValue::Strikethrough
            | NodeValue::Link(_)
            | NodeValue::Image(_)
            | NodeValue::Superscript
            | NodeValue::Subscript
            | NodeValue::Underline
            | NodeValue::SpoileredText
    )
}

/// Deepest inline nesting of a parsed text, and the line (1-based, in the
/// text) where it is reached. Iterative: safe on any depth.
pub fn inline_depth<'a>(root: &'a AstNode<'a>) -> (usize, usize) {
    let (mut depth, mut deepest, mut line) = (0usize, 0usize, 1usize);
    for edge in root.traverse() {
        match edge {
            NodeEdge::Start(n) => {
                let data = n.data();
                if is_inline_container(&data.value) {
                    depth += 1;
                    if depth > deepest {
                        deepest = depth;
                        line = data.sourcepos.start.line;
                    }
                }
            }
            NodeEdge::End(n) => {
                if is_inline_container(&n.data().value) {
                    depth = depth.saturating_sub(1);
                }
            }
        }
    }
    (deepest, line)
}

/// Deepest inline nesting of `text` and its line (see [`inline_depth`]).
pub fn text_inline_depth(text: &str) -> (usize, usize) {
    let arena = Arena::new();
    let root = parse_document(&arena, text, &options());
    inline_depth(root)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn measures_inline_nesting_without_recursion() {
        assert_eq!(text_inline_depth("un **gras *et italique*** mot").0, 2);
        let deep = format!("ligne\n\n{}mot{}", "*".repeat(20_000), "*".repeat(20_000));
        let (depth, line) = text_inline_depth(&deep);
        assert!(depth > MAX_INLINE_DEPTH, "{depth}");
        assert_eq!(line, 3);
    }
}
