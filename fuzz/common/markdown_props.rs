//! Properties every Markdown text must keep once rendered, whatever its
//! source. Shared by the `markdown` fuzz target and
//! `tests/fuzz_regressions.rs` (through `#[path]`, next to `html.rs`,
//! which the including crate declares as `mod html`).

use fdr::render::markdown::{RefMap, RefTarget, Texte};
use serde_json::Value;

/// A cross-reference whose label is hostile: labels are text, never HTML.
pub fn refs() -> RefMap {
    let mut r = RefMap::new();
    r.insert(
        ("action".into(), "x".into()),
        RefTarget {
            label: "action 1.1 « <script>alert(1)</script> »".into(),
            anchor: "action-1-1".into(),
            anchor_md: "action-11--titre".into(),
        },
    );
    r
}

/// Render `src` as the renderers do (top heading at level 3) and check it.
pub fn check(src: &str) -> Texte {
    let t = fdr::render::markdown::render(src, &refs(), 3);
    check_html(&t.html);
    // Serialises; not read back here: serde_json stops at 128 levels, which
    // some deep texts exceed (the typst template fails far earlier, see
    // regressions/markdown/citations-imbriquees.md).
    serde_json::to_string(&t.tree).expect("the typst tree serialises");
    check_tree(&t.tree);
    t
}

/// Tags comrak writes itself; raw HTML of the source must never get through.
const TAGS: &[&str] = &[
    "a",
    "blockquote",
    "br",
    "code",
    "del",
    "em",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "hr",
    "img",
    "li",
    "ol",
    "p",
    "pre",
    "strong",
    "table",
    "tbody",
    "td",
    "th",
    "thead",
    "tr",
    "ul",
];
const ATTRS: &[&str] = &["align", "alt", "class", "href", "src", "start", "title"];

fn check_html(html: &str) {
    crate::html::check_page(html);
    // A literal `<` only starts a tag or a comment: text is escaped.
    let comments = html.matches("<!--").count();
    let omitted = html.matches("<!-- raw HTML omitted -->").count();
    assert_eq!(comments, omitted, "comment in the HTML: {html}");
    for (name, attrs) in crate::html::tags(html) {
        assert!(TAGS.contains(&name), "tag <{name}> in the HTML: {html}");
        for (attr, value) in attrs {
            assert!(
                ATTRS.contains(&attr),
                "attribute {attr:?} on <{name}> in the HTML: {html}"
            );
            if let Some(v) = value {
                assert!(!v.contains('<'), "`<` in {attr}: {html}");
            }
        }
    }
}

/// Links of the typst tree: only anchors, http(s) and mail addresses.
fn check_tree(v: &Value) {
    match v {
        Value::Array(a) => a.iter().for_each(check_tree),
        Value::Object(o) => {
            if o.get("t").and_then(Value::as_str) == Some("link") {
                // Schemes are case-insensitive: « Https:// » is a web link.
                let url = o
                    .get("url")
                    .and_then(Value::as_str)
                    .unwrap_or("")
                    .to_ascii_lowercase();
                assert!(
                    !url.is_empty()
                        && (url.starts_with('#')
                            || url.starts_with("https://")
                            || url.starts_with("http://")
                            || url.starts_with("mailto:")),
                    "unsafe link in the typst tree: {url:?}"
                );
            }
            o.values().for_each(check_tree);
        }
        _ => {}
    }
}
