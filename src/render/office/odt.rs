//! OpenDocument text (ODF 1.3, part 3 « Packages » and part 2 « Schema »):
//! `mimetype` first and stored, then `content.xml`, `styles.xml`,
//! `meta.xml` and the manifest. Headings are `text:h` with their outline
//! level (LibreOffice's navigator shows the plan), the sommaire a
//! `text:table-of-content` whose body is already filled in.

use super::tree::{Align, Block, Document, Inline, Link, ParaStyle, Table, TocEntry, runs};
use super::xml::Xml;
use super::{odt_common, odt_styles};
use crate::render::zip::{Entry, package};
use std::collections::BTreeSet;

const MIME: &str = "application/vnd.oasis.opendocument.text";

pub fn write(doc: &Document) -> Result<Vec<u8>, String> {
    let anchors: BTreeSet<&str> = super::tree::anchors(&doc.blocks).into_iter().collect();
    let mut w = Body {
        x: Xml::fragment(),
        auto: Xml::fragment(),
        anchors,
        tables: 0,
        table_label: doc.table_label.clone(),
    };
    for b in &doc.blocks {
        w.block(b, false);
    }
    let content = odt_styles::content(&w.auto.into_string(), &w.x.into_string());
    package(vec![
        Entry {
            path: "mimetype",
            bytes: MIME.as_bytes().to_vec(),
            stored: true,
        },
        Entry {
            path: "content.xml",
            bytes: content,
            stored: false,
        },
        Entry {
            path: "styles.xml",
            bytes: odt_common::styles(doc),
            stored: false,
        },
        Entry {
            path: "meta.xml",
            bytes: odt_styles::meta(doc),
            stored: false,
        },
        Entry {
            path: "META-INF/manifest.xml",
            bytes: odt_styles::manifest(),
            stored: false,
        },
    ])
}

/// The paragraph style of a [`ParaStyle`] (see `odt_styles`).
fn para_style(s: ParaStyle) -> &'static str {
    match s {
        ParaStyle::Body => "Text_20_body",
        ParaStyle::Title => "Title",
        ParaStyle::Subtitle => "Subtitle",
        ParaStyle::Kicker => "Cover_20_line",
        ParaStyle::Note => "Note",
        ParaStyle::Quote => "Quotations",
        ParaStyle::Code => "Preformatted_20_Text",
        ParaStyle::Rule => "Horizontal_20_Line",
        ParaStyle::Colophon => "Colophon",
    }
}

struct Body<'a> {
    x: Xml,
    /// Automatic styles of the tables (their column widths).
    auto: Xml,
    anchors: BTreeSet<&'a str>,
    tables: usize,
    table_label: String,
}

impl Body<'_> {
    fn block(&mut self, b: &Block, in_list: bool) {
        match b {
            Block::Heading {
                level,
                anchor,
                runs,
            } if !in_list => {
                let lv = level.to_string();
                let style = format!("Heading_20_{level}");
                self.x.open(
                    "text:h",
                    &[("text:style-name", &style), ("text:outline-level", &lv)],
                );
                if let Some(a) = anchor {
                    self.x.empty("text:bookmark", &[("text:name", a)]);
                }
                self.inlines(runs);
                self.x.close("text:h");
            }
            Block::Heading { runs, .. } => {
                self.para("Text_20_body", &[Inline::Bold(runs.clone())]);
            }
            Block::Para(style, runs) => self.para(para_style(*style), runs),
            Block::List {
                ordered,
                start,
                items,
            } => self.list(*ordered, *start, items),
            Block::Table(t) if !in_list => self.table(t),
            Block::Table(t) => {
                for row in &t.rows {
                    let cells: Vec<String> =
                        row.iter().map(|c| super::tree::plain(&c.runs)).collect();
                    self.para("Text_20_body", &[Inline::Text(cells.join(" · "))]);
                }
            }
            Block::PageBreak => {
                self.x
                    .empty("text:p", &[("text:style-name", "Page_20_break")]);
            }
            Block::Toc { title, entries } => self.toc(title, entries),
        }
    }

    fn para(&mut self, style: &str, runs: &[Inline]) {
        self.x.open("text:p", &[("text:style-name", style)]);
        self.inlines(runs);
        self.x.close("text:p");
    }

    fn inlines(&mut self, inlines: &[Inline]) {
        for r in runs(inlines) {
            let href = match r.link {
                Some(Link::Anchor(a)) if self.anchors.contains(a.as_str()) => Some(format!("#{a}")),
                Some(Link::Url(u)) => Some(u.clone()),
                _ => None,
            };
            if let Some(h) = &href {
                self.x.open(
                    "text:a",
                    &[
                        ("xlink:type", "simple"),
                        ("xlink:href", h),
                        ("text:style-name", "Internet_20_link"),
                    ],
                );
            }
            let style = odt_styles::text_style(r.bold, r.italic, r.strike, r.code);
            if let Some(s) = &style {
                self.x.open("text:span", &[("text:style-name", s)]);
            }
            match r.text {
                Some(t) => text(&mut self.x, t),
                None => {
                    self.x.empty("text:line-break", &[]);
                }
            }
            if style.is_some() {
                self.x.close("text:span");
            }
            if href.is_some() {
                self.x.close("text:a");
            }
        }
    }

    fn list(&mut self, ordered: bool, start: u32, items: &[Vec<Block>]) {
        let style = if ordered {
            "List_20_number"
        } else {
            "List_20_bullet"
        };
        self.x.open("text:list", &[("text:style-name", style)]);
        for (k, item) in items.iter().enumerate() {
            let first = start.to_string();
            if k == 0 && ordered && start != 1 {
                self.x
                    .open("text:list-item", &[("text:start-value", &first)]);
            } else {
                self.x.open("text:list-item", &[]);
            }
            if item.is_empty() {
                self.x
                    .empty("text:p", &[("text:style-name", "Text_20_body")]);
            }
            for b in item {
                self.block(b, true);
            }
            self.x.close("text:list-item");
        }
        self.x.close("text:list");
    }

    fn table(&mut self, t: &Table) {
        self.tables += 1;
        let name = format!("T{}", self.tables);
        odt_styles::table_styles(&mut self.auto, &name, &t.columns);
        let label = format!("{}{}", self.table_label, self.tables);
        self.x.open(
            "table:table",
            &[("table:name", &label), ("table:style-name", &name)],
        );
        for k in 0..t.columns.len() {
            let col = format!("{name}.C{}", k + 1);
            self.x
                .empty("table:table-column", &[("table:style-name", &col)]);
        }
        for (r, row) in t.rows.iter().enumerate() {
            let head = r < t.header_rows;
            if head && r == 0 {
                self.x.open("table:table-header-rows", &[]);
            }
            self.x.open("table:table-row", &[]);
            for (k, cell) in row.iter().enumerate() {
                let align = t.columns.get(k).map_or(Align::Left, |c| c.align);
                let cell_style = match (head, cell.shade) {
                    (true, _) => "Cell_20_head",
                    (_, true) => "Cell_20_shade",
                    _ => "Cell",
                };
                self.x.open(
                    "table:table-cell",
                    &[
                        ("table:style-name", cell_style),
                        ("office:value-type", "string"),
                    ],
                );
                self.para(odt_styles::cell_para(head, align), &cell.runs);
                self.x.close("table:table-cell");
            }
            self.x.close("table:table-row");
            if head && r + 1 == t.header_rows {
                self.x.close("table:table-header-rows");
            }
        }
        self.x.close("table:table");
    }

    fn toc(&mut self, title: &str, entries: &[TocEntry]) {
        self.x.open(
            "text:table-of-content",
            &[("text:protected", "false"), ("text:name", title)],
        );
        odt_styles::toc_source(&mut self.x, title);
        self.x.open("text:index-body", &[]);
        let head = format!("{title}_Head");
        self.x.open("text:index-title", &[("text:name", &head)]);
        self.x.leaf(
            "text:p",
            &[("text:style-name", "Contents_20_Heading")],
            title,
        );
        self.x.close("text:index-title");
        for e in entries {
            let style = format!("Contents_20_{}", e.level.clamp(1, 3));
            let href = format!("#{}", e.anchor);
            self.x.open("text:p", &[("text:style-name", &style)]);
            self.x.open(
                "text:a",
                &[
                    ("xlink:type", "simple"),
                    ("xlink:href", &href),
                    ("text:style-name", "Index_20_Link"),
                    ("text:visited-style-name", "Index_20_Link"),
                ],
            );
            text(&mut self.x, &e.text);
            self.x.close("text:a").close("text:p");
        }
        self.x
            .close("text:index-body")
            .close("text:table-of-content");
    }
}

/// Text with ODF's whitespace rules: a space after a space is `text:s`,
/// a tab `text:tab`, a line feed `text:line-break`.
fn text(x: &mut Xml, s: &str) {
    let mut prev_space = false;
    let mut chunk = String::new();
    for ch in s.chars() {
        let special = match ch {
            ' ' if prev_space => Some("text:s"),
            '\t' => Some("text:tab"),
            '\n' => Some("text:line-break"),
            _ => None,
        };
        prev_space = ch == ' ';
        match special {
            Some(tag) => {
                x.text(&chunk);
                chunk.clear();
                x.empty(tag, &[]);
            }
            None => chunk.push(ch),
        }
    }
    x.text(&chunk);
}
