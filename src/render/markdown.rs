//! Markdown texts of the sources, through comrak only: cross-references
//! resolved to computed numbers and titles, then rendered as Markdown
//! (for the .md output), as safe HTML (raw HTML omitted, unsafe links
//! removed) and as a JSON tree that the typst template renders as data.

use comrak::nodes::{AstNode, ListType, NodeValue, TableAlignment};
use comrak::{Arena, format_commonmark, format_html, parse_document};
use serde::Serialize;
use serde_json::{Value, json};
use std::collections::BTreeMap;

/// What a cross-reference `[](#kind:id)` points at.
#[derive(Debug, Clone)]
pub struct RefTarget {
    /// Text shown for an empty link: "action 1.2 « Titre »".
    pub label: String,
    /// Anchor in the HTML page and in the PDF.
    pub anchor: String,
    /// Anchor in the Markdown file (GitHub's heading slug).
    pub anchor_md: String,
}

/// (kind, id) → target.
pub type RefMap = BTreeMap<(String, String), RefTarget>;

/// A text in every output form.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct Texte {
    pub md: String,
    pub html: String,
    pub tree: Value,
}

use crate::parse::markdown::{MAX_INLINE_DEPTH, inline_depth, options};

enum Target {
    Html,
    Md,
}

/// Rewrite `#kind:id` links; move headings so that the text's highest
/// heading sits at level `top`, keeping the hierarchy without jumps.
fn rewrite<'a>(
    arena: &'a Arena<'a>,
    root: &'a AstNode<'a>,
    refs: &RefMap,
    target: &Target,
    top: u8,
) {
    let nodes: Vec<_> = root.descendants().collect();
    let highest = nodes
        .iter()
        .filter_map(|n| match &n.data().value {
            NodeValue::Heading(h) => Some(h.level),
            _ => None,
        })
        .min()
        .unwrap_or(1);
    let shift = top as i16 - highest as i16;
    for node in &nodes {
        let unwrap = match &node.data().value {
            // Images would make the page fetch another host: keep their text.
            NodeValue::Image(_) => true,
            NodeValue::Link(link) => !safe_url(&link.url),
            // Raw HTML is never copied into any output, Markdown included.
            NodeValue::HtmlInline(_) | NodeValue::HtmlBlock(_) | NodeValue::Raw(_) => {
                node.detach();
                false
            }
            _ => false,
        };
        if unwrap {
            for child in node.children().collect::<Vec<_>>() {
                node.insert_before(child);
            }
            node.detach();
        }
    }
    let nodes: Vec<_> = root.descendants().collect();
    for node in nodes {
        let mut data = node.data_mut();
        match &mut data.value {
            NodeValue::Heading(h) => h.level = (h.level as i16 + shift).clamp(1, 6) as u8,
            NodeValue::Link(link) => {
                let Some((kind, id)) = link.url.strip_prefix('#').and_then(|u| u.split_once(':'))
                else {
                    continue;
                };
                let Some(t) = refs.get(&(kind.to_string(), id.to_string())) else {
                    continue;
                };
                let anchor = match target {
                    Target::Html => &t.anchor,
                    Target::Md => &t.anchor_md,
                };
                link.url = format!("#{anchor}");
                let empty = node.first_child().is_none();
                drop(data);
                if empty {
                    let text = arena.alloc(AstNode::from(NodeValue::Text(t.label.clone().into())));
                    node.append(text);
                }
                // A target without an anchor in this output is named, not linked.
                if anchor.is_empty() {
                    for child in node.children().collect::<Vec<_>>() {
                        node.insert_before(child);
                    }
                    node.detach();
                }
            }
            _ => {}
        }
    }
}

/// A link every output may keep: an anchor in the document, a web page or
/// an e-mail address. Anything else (`javascript:`, `data:`, a relative
/// path…) loses its link and keeps its text.
fn safe_url(url: &str) -> bool {
    let lower = url.trim_start().to_ascii_lowercase();
    url.len() > 1
        && (lower.starts_with('#')
            || lower.starts_with("https://")
            || lower.starts_with("http://")
            || lower.starts_with("mailto:"))
}

/// Render one Markdown text whose highest heading takes level `top`
/// (one below the heading of the section that contains it).
pub fn render(src: &str, refs: &RefMap, top: u8) -> Texte {
    let opts = options();
    let arena = Arena::new();
    let root = parse_document(&arena, src, &opts);
    // `check` refuses deeper texts; should one reach a renderer anyway (a
    // caller that skipped it), it is shown as its plain text, never walked
    // recursively.
    if inline_depth(root).0 > MAX_INLINE_DEPTH {
        return flat(root);
    }
    rewrite(&arena, root, refs, &Target::Html, top);
    let mut html = String::new();
    let _ = format_html(root, &opts, &mut html);
    let tree = Value::Array(root.children().map(|b| block(b, 0)).collect());

    let arena_md = Arena::new();
    let root_md = parse_document(&arena_md, src, &opts);
    rewrite(&arena_md, root_md, refs, &Target::Md, top);
    let mut md = String::new();
    let _ = format_commonmark(root_md, &opts, &mut md);
    Texte {
        md: md.trim_end().to_string(),
        html,
        tree,
    }
}

/// The text of every text node, gathered without recursion.
fn text_of<'a>(root: &'a AstNode<'a>) -> String {
    let mut out = String::new();
    for n in root.descendants() {
        match &n.data().value {
            NodeValue::Text(t) => out.push_str(t),
            NodeValue::Code(c) => out.push_str(&c.literal),
            NodeValue::SoftBreak | NodeValue::LineBreak => out.push(' '),
            _ => {}
        }
    }
    out
}

/// A text shown as one paragraph of its plain text in every output.
fn flat<'a>(root: &'a AstNode<'a>) -> Texte {
    let text = text_of(root);
    let html = format!("<p>{}</p>\n", super::templates::escape_html(&text));
    Texte {
        md: super::templates::escape_md(&text),
        html,
        tree: json!([{"t": "p", "c": [{"t": "text", "v": text}]}]),
    }
}

/// Plain text of a Markdown string (for SVG titles, PDF metadata…).
pub fn plain(src: &str) -> String {
    let arena = Arena::new();
    let root = parse_document(&arena, src, &options());
    text_of(root)
}

fn inlines<'a>(node: &'a AstNode<'a>) -> Value {
    Value::Array(node.children().filter_map(inline).collect())
}

fn inline<'a>(node: &'a AstNode<'a>) -> Option<Value> {
    let v = node.data().value.clone();
    Some(match v {
        NodeValue::Text(t) => json!({"t": "text", "v": t.as_ref()}),
        NodeValue::Code(c) => json!({"t": "code", "v": c.literal}),
        NodeValue::SoftBreak => json!({"t": "sp"}),
        NodeValue::LineBreak => json!({"t": "br"}),
        NodeValue::Emph => json!({"t": "emph", "c": inlines(node)}),
        NodeValue::Strong => json!({"t": "strong", "c": inlines(node)}),
        NodeValue::Strikethrough => json!({"t": "del", "c": inlines(node)}),
        NodeValue::Link(l) => {
            if safe_url(&l.url) {
                json!({"t": "link", "url": l.url.clone(), "c": inlines(node)})
            } else {
                json!({"t": "span", "c": inlines(node)})
            }
        }
        NodeValue::Image(_) => json!({"t": "text", "v": node.collect_text()}),
        NodeValue::HtmlInline(_) | NodeValue::Raw(_) => return None,
        _ => json!({"t": "text", "v": node.collect_text()}),
    })
}

/// Deepest nesting of quotes and lists given to typst, whose show rules
/// have a depth limit: deeper blocks become plain paragraphs.
const MAX_BLOCK_DEPTH: usize = 8;

fn block<'a>(node: &'a AstNode<'a>, depth: usize) -> Value {
    let v = node.data().value.clone();
    if depth >= MAX_BLOCK_DEPTH && matches!(v, NodeValue::List(_) | NodeValue::BlockQuote) {
        return json!({"t": "p", "c": [{"t": "text", "v": node.collect_text()}]});
    }
    match v {
        NodeValue::Paragraph => json!({"t": "p", "c": inlines(node)}),
        NodeValue::Heading(h) => json!({"t": "h", "l": h.level, "c": inlines(node)}),
        NodeValue::List(l) => {
            let items: Vec<Value> = node
                .children()
                .map(|item| Value::Array(item.children().map(|b| block(b, depth + 1)).collect()))
                .collect();
            let ordered = l.list_type == ListType::Ordered;
            json!({"t": if ordered { "ol" } else { "ul" }, "start": l.start, "items": items})
        }
        NodeValue::BlockQuote => {
            json!({"t": "quote", "c": node.children().map(|b| block(b, depth + 1)).collect::<Vec<_>>()})
        }
        NodeValue::CodeBlock(c) => json!({"t": "pre", "v": c.literal}),
        NodeValue::ThematicBreak => json!({"t": "hr"}),
        NodeValue::Table(t) => {
            let align: Vec<&str> = t
                .alignments
                .iter()
                .map(|a| match a {
                    TableAlignment::Right => "right",
                    TableAlignment::Center => "center",
                    _ => "left",
                })
                .collect();
            let rows: Vec<Value> = node
                .children()
                .map(|row| Value::Array(row.children().map(inlines).collect()))
                .collect();
            json!({"t": "table", "align": align, "rows": rows})
        }
        NodeValue::HtmlBlock(_) => json!({"t": "skip"}),
        _ => json!({"t": "p", "c": [{"t": "text", "v": node.collect_text()}]}),
    }
}

/// GitHub's heading anchor: lowercase, punctuation dropped, spaces → `-`.
pub fn github_slug(heading: &str) -> String {
    heading
        .trim()
        .to_lowercase()
        .chars()
        .filter_map(|c| {
            if c.is_alphanumeric() || c == '-' || c == '_' {
                Some(c)
            } else if c == ' ' {
                Some('-')
            } else {
                None
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn refs() -> RefMap {
        let mut r = RefMap::new();
        r.insert(
            ("annexe".into(), "communes".into()),
            RefTarget {
                label: "annexe 3".into(),
                anchor: "annexe-3".into(),
                anchor_md: "annexe-3--communes".into(),
            },
        );
        r
    }

    #[test]
    fn resolves_cross_refs() {
        let t = render("voir [](#annexe:communes).", &refs(), 0);
        assert_eq!(
            t.html.trim(),
            "<p>voir <a href=\"#annexe-3\">annexe 3</a>.</p>"
        );
        assert_eq!(t.md, "voir [annexe 3](#annexe-3--communes).");
    }

    #[test]
    fn a_target_without_anchor_is_named_not_linked() {
        let mut r = refs();
        r.insert(
            ("section".into(), "s".into()),
            RefTarget {
                label: "« Données »".into(),
                anchor: String::new(),
                anchor_md: String::new(),
            },
        );
        let t = render("voir [](#section:s).", &r, 0);
        assert_eq!(t.html.trim(), "<p>voir « Données ».</p>");
        assert_eq!(t.md, "voir « Données ».");
    }

    #[test]
    fn hostile_markdown_is_inert() {
        let t = render(
            "<script>alert(1)</script>\n\n\"><img src=x onerror=alert(1)> [x](javascript:alert(1))",
            &RefMap::new(),
            0,
        );
        assert!(!t.html.contains("<script"), "{}", t.html);
        assert!(!t.html.contains("<img"), "{}", t.html);
        assert!(!t.html.contains("javascript:"), "{}", t.html);
        let tree = t.tree.to_string();
        assert!(!tree.contains("javascript:"), "{tree}");
    }

    #[test]
    fn images_keep_their_text_only() {
        let t = render(
            "![un logo](https://tracker.example/p.png)",
            &RefMap::new(),
            3,
        );
        assert!(!t.html.contains("<img"), "{}", t.html);
        assert!(t.html.contains("un logo"), "{}", t.html);
    }

    #[test]
    fn deep_quotes_are_flattened_for_typst() {
        let t = render(&format!("{}profond", "> ".repeat(40)), &RefMap::new(), 3);
        assert!(t.tree.to_string().matches("\"quote\"").count() <= MAX_BLOCK_DEPTH);
        assert!(t.tree.to_string().contains("profond"));
    }

    #[test]
    fn too_deep_inline_nesting_is_shown_flat() {
        let deep = format!("{}mot & co <b>{}", "*".repeat(5_000), "*".repeat(5_000));
        let t = render(&deep, &RefMap::new(), 3);
        assert!(t.html.starts_with("<p>"), "{}", &t.html[..40]);
        assert!(t.html.contains("mot &amp; co"), "{}", t.html);
        assert!(!t.html.contains("<b>"), "raw HTML is dropped");
        assert!(t.tree.to_string().contains("mot & co"));
    }

    #[test]
    fn shifts_headings() {
        let t = render("## Titre\n\n### Sous-titre", &RefMap::new(), 3);
        assert!(t.html.contains("<h3>Titre</h3>"), "{}", t.html);
        assert!(t.html.contains("<h4>Sous-titre</h4>"), "{}", t.html);
        assert_eq!(t.md, "### Titre\n\n#### Sous-titre");
    }

    #[test]
    fn slugs_like_github() {
        assert_eq!(
            github_slug("Action 1.2 — Structuration d'un réseau"),
            "action-12--structuration-dun-réseau"
        );
    }
}
