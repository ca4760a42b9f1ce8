//! The Markdown texts of the view as document blocks. Each [`Texte`] holds
//! the tree comrak parsed (cross-references resolved to anchors, raw HTML
//! and unsafe links already removed, headings moved under their section):
//! it is read here, never parsed again.

use super::tree::{Align, Block, Cell, Column, Inline, Link, ParaStyle, Table};
use crate::render::markdown::Texte;
use serde_json::Value;

/// The blocks of a text, its headings one level below the document's
/// (a Markdown `##` is a part, level 1).
pub fn blocks(t: &Texte) -> Vec<Block> {
    list_of(&t.tree, ParaStyle::Body)
}

fn list_of(v: &Value, style: ParaStyle) -> Vec<Block> {
    let mut out = Vec::new();
    for b in v.as_array().map(Vec::as_slice).unwrap_or_default() {
        if str_of(b, "t") == "quote" {
            // A quote is its blocks, paragraphs in the quote style.
            out.extend(list_of(
                b.get("c").unwrap_or(&Value::Null),
                ParaStyle::Quote,
            ));
        } else if let Some(b) = block(b, style) {
            out.push(b);
        }
    }
    out
}

fn str_of<'a>(v: &'a Value, key: &str) -> &'a str {
    v.get(key).and_then(Value::as_str).unwrap_or_default()
}

fn block(v: &Value, style: ParaStyle) -> Option<Block> {
    Some(match str_of(v, "t") {
        "p" => Block::Para(style, inlines(v.get("c")?)),
        "h" => {
            let level = v.get("l").and_then(Value::as_u64).unwrap_or(2);
            Block::Heading {
                level: level.saturating_sub(1).clamp(1, 6) as u8,
                anchor: None,
                runs: inlines(v.get("c")?),
            }
        }
        kind @ ("ul" | "ol") => Block::List {
            ordered: kind == "ol",
            start: v
                .get("start")
                .and_then(Value::as_u64)
                .and_then(|s| u32::try_from(s).ok())
                .unwrap_or(1),
            items: v
                .get("items")?
                .as_array()?
                .iter()
                .map(|item| list_of(item, style))
                .collect(),
        },
        "pre" => {
            let mut runs = Vec::new();
            for (i, line) in str_of(v, "v")
                .trim_end_matches('\n')
                .split('\n')
                .enumerate()
            {
                if i > 0 {
                    runs.push(Inline::Break);
                }
                runs.push(Inline::Text(line.to_string()));
            }
            Block::Para(ParaStyle::Code, runs)
        }
        "hr" => Block::Para(ParaStyle::Rule, Vec::new()),
        "table" => Block::Table(table(v)?),
        _ => return None,
    })
}

fn table(v: &Value) -> Option<Table> {
    let columns: Vec<Column> = v
        .get("align")?
        .as_array()?
        .iter()
        .map(|a| Column {
            align: match a.as_str() {
                Some("right") => Align::Right,
                Some("center") => Align::Center,
                _ => Align::Left,
            },
            width: 1,
        })
        .collect();
    let rows = v
        .get("rows")?
        .as_array()?
        .iter()
        .map(|row| {
            row.as_array()
                .map(|cells| {
                    cells
                        .iter()
                        .map(|c| Cell {
                            runs: inlines(c),
                            shade: false,
                        })
                        .collect()
                })
                .unwrap_or_default()
        })
        .collect();
    Some(Table {
        columns,
        header_rows: 1,
        rows,
    })
}

fn inlines(v: &Value) -> Vec<Inline> {
    v.as_array()
        .map(|a| a.iter().filter_map(inline).collect())
        .unwrap_or_default()
}

fn inline(v: &Value) -> Option<Inline> {
    let children = || inlines(v.get("c").unwrap_or(&Value::Null));
    Some(match str_of(v, "t") {
        "text" => Inline::Text(str_of(v, "v").to_string()),
        "code" => Inline::Code(str_of(v, "v").to_string()),
        "sp" => Inline::Text(" ".into()),
        "br" => Inline::Break,
        "emph" => Inline::Italic(children()),
        "strong" => Inline::Bold(children()),
        "del" => Inline::Strike(children()),
        "link" => {
            let url = str_of(v, "url");
            let target = match url.strip_prefix('#') {
                Some(anchor) => Link::Anchor(anchor.to_string()),
                None => Link::Url(url.to_string()),
            };
            Inline::Link(target, children())
        }
        "span" => Inline::Span(children()),
        _ => return None,
    })
}
