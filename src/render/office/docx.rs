//! Office Open XML text (ECMA-376, WordprocessingML), written part by part
//! with the same XML writer and zip as the ODF package: headings in the
//! built-in « heading N » styles with their outline levels, the sommaire a
//! TOC field whose entries are already filled in, bookmarks for internal
//! links, a footer with the PAGE field.

use super::docx_parts as parts;
use super::docx_styles;
use super::tree::{Align, Block, Document, Inline, Link, ParaStyle, Table, TocEntry, runs};
use super::xml::Xml;
use crate::render::zip::{Entry, package};
use std::collections::BTreeMap;

/// Width of the text area in twentieths of a point (A4, 2 cm margins).
const TEXT_WIDTH: u64 = 9638;

pub fn write(doc: &Document) -> Result<Vec<u8>, String> {
    // Word's bookmark names are short and plain: each anchor gets one.
    let bookmarks: BTreeMap<&str, String> = super::tree::anchors(&doc.blocks)
        .into_iter()
        .enumerate()
        .map(|(k, a)| (a, format!("_Toc{:06}", k + 1)))
        .collect();
    let mut w = Body {
        x: Xml::fragment(),
        bookmarks,
        links: Vec::new(),
        ordered: Vec::new(),
        bookmark_id: 0,
    };
    for b in &doc.blocks {
        w.block(b, 0);
    }
    let document = parts::document(&w.x.into_string());
    let entries = vec![
        entry("[Content_Types].xml", parts::content_types()),
        entry("_rels/.rels", parts::package_rels()),
        entry("docProps/core.xml", parts::core(&doc.meta)),
        entry("docProps/app.xml", parts::app()),
        entry("word/document.xml", document),
        entry(
            "word/_rels/document.xml.rels",
            parts::document_rels(&w.links),
        ),
        entry("word/styles.xml", docx_styles::styles(&doc.meta)),
        entry("word/numbering.xml", parts::numbering(&w.ordered)),
        entry("word/settings.xml", parts::settings()),
        entry("word/footer1.xml", parts::footer(&doc.footer)),
    ];
    package(entries)
}

fn entry(path: &'static str, bytes: Vec<u8>) -> Entry {
    Entry {
        path,
        bytes,
        stored: false,
    }
}

fn para_style(s: ParaStyle) -> &'static str {
    match s {
        ParaStyle::Body => "BodyText",
        ParaStyle::Title => "Title",
        ParaStyle::Subtitle => "Subtitle",
        ParaStyle::Kicker => "CoverLine",
        ParaStyle::Note => "Note",
        ParaStyle::Quote => "Quote",
        ParaStyle::Code => "Code",
        ParaStyle::Rule => "Rule",
        ParaStyle::Colophon => "Colophon",
    }
}

struct Body<'a> {
    x: Xml,
    bookmarks: BTreeMap<&'a str, String>,
    /// External links, in order: relationship `rIdL{n}`.
    links: Vec<String>,
    /// Each ordered list: (level, first number); numbering `{n + 2}`.
    ordered: Vec<(usize, u32)>,
    bookmark_id: usize,
}

/// Where a paragraph sits in a list: numbering id and level, or only
/// indented (a later paragraph of an item).
enum InList {
    No,
    Item(usize, usize),
    Indent(usize),
}

impl Body<'_> {
    fn block(&mut self, b: &Block, depth: usize) {
        match b {
            Block::Heading {
                level,
                anchor,
                runs,
            } if depth == 0 => {
                let style = format!("Heading{}", level.clamp(&1, &6));
                self.x.open("w:p", &[]).open("w:pPr", &[]);
                self.x.empty("w:pStyle", &[("w:val", &style)]);
                self.x.close("w:pPr");
                let mark = anchor
                    .as_deref()
                    .and_then(|a| self.bookmarks.get(a))
                    .cloned();
                if let Some(name) = &mark {
                    self.bookmark_id += 1;
                    let id = self.bookmark_id.to_string();
                    self.x
                        .empty("w:bookmarkStart", &[("w:id", &id), ("w:name", name)]);
                    self.inlines(runs);
                    self.x.empty("w:bookmarkEnd", &[("w:id", &id)]);
                } else {
                    self.inlines(runs);
                }
                self.x.close("w:p");
            }
            Block::Heading { runs, .. } => self.para(
                "BodyText",
                &[Inline::Bold(runs.clone())],
                InList::Indent(depth),
                None,
            ),
            Block::Para(style, runs) => {
                let place = if depth == 0 {
                    InList::No
                } else {
                    InList::Indent(depth)
                };
                self.para(para_style(*style), runs, place, None)
            }
            Block::List {
                ordered,
                start,
                items,
            } => self.list(*ordered, *start, items, depth),
            Block::Table(t) if depth == 0 => self.table(t),
            Block::Table(t) => {
                for row in &t.rows {
                    let cells: Vec<String> =
                        row.iter().map(|c| super::tree::plain(&c.runs)).collect();
                    let text = [Inline::Text(cells.join(" · "))];
                    self.para("BodyText", &text, InList::Indent(depth), None);
                }
            }
            Block::PageBreak => {
                self.x.open("w:p", &[]).open("w:r", &[]);
                self.x.empty("w:br", &[("w:type", "page")]);
                self.x.close("w:r").close("w:p");
            }
            Block::Toc { title, entries } => self.toc(title, entries),
        }
    }

    fn para(&mut self, style: &str, runs: &[Inline], place: InList, align: Option<Align>) {
        self.x.open("w:p", &[]).open("w:pPr", &[]);
        self.x.empty("w:pStyle", &[("w:val", style)]);
        match place {
            InList::No => {}
            InList::Item(num, level) => {
                let (num, level) = (num.to_string(), level.to_string());
                self.x.open("w:numPr", &[]);
                self.x.empty("w:ilvl", &[("w:val", &level)]);
                self.x.empty("w:numId", &[("w:val", &num)]);
                self.x.close("w:numPr");
            }
            InList::Indent(depth) => {
                let left = (360 * depth).to_string();
                self.x.empty("w:ind", &[("w:left", &left)]);
            }
        }
        match align {
            Some(Align::Right) => {
                self.x.empty("w:jc", &[("w:val", "right")]);
            }
            Some(Align::Center) => {
                self.x.empty("w:jc", &[("w:val", "center")]);
            }
            _ => {}
        }
        self.x.close("w:pPr");
        self.inlines(runs);
        self.x.close("w:p");
    }

    fn inlines(&mut self, inlines: &[Inline]) {
        for r in runs(inlines) {
            let link = match r.link {
                Some(Link::Anchor(a)) => self
                    .bookmarks
                    .get(a.as_str())
                    .map(|b| ("w:anchor", b.clone())),
                Some(Link::Url(u)) => {
                    self.links.push(u.clone());
                    Some(("r:id", format!("rIdL{}", self.links.len())))
                }
                None => None,
            };
            if let Some((k, v)) = &link {
                self.x.open("w:hyperlink", &[(k, v), ("w:history", "1")]);
            }
            self.x.open("w:r", &[]);
            if r.bold || r.italic || r.strike || r.code || link.is_some() {
                self.x.open("w:rPr", &[]);
                if link.is_some() {
                    self.x.empty("w:rStyle", &[("w:val", "Hyperlink")]);
                }
                if r.code {
                    self.x.empty(
                        "w:rFonts",
                        &[("w:ascii", "Courier New"), ("w:hAnsi", "Courier New")],
                    );
                }
                if r.bold {
                    self.x.empty("w:b", &[]);
                }
                if r.italic {
                    self.x.empty("w:i", &[]);
                }
                if r.strike {
                    self.x.empty("w:strike", &[]);
                }
                self.x.close("w:rPr");
            }
            match r.text {
                Some(t) => {
                    self.x.leaf("w:t", &[("xml:space", "preserve")], t);
                }
                None => {
                    self.x.empty("w:br", &[]);
                }
            }
            self.x.close("w:r");
            if link.is_some() {
                self.x.close("w:hyperlink");
            }
        }
    }

    fn list(&mut self, ordered: bool, start: u32, items: &[Vec<Block>], depth: usize) {
        let num = if ordered {
            self.ordered.push((depth, start));
            self.ordered.len() + 1
        } else {
            1
        };
        for item in items {
            let mut first = true;
            for b in item {
                match b {
                    Block::Para(style, runs) if first => {
                        self.para(para_style(*style), runs, InList::Item(num, depth), None)
                    }
                    _ => self.block(b, depth + 1),
                }
                first = false;
            }
            if item.is_empty() {
                self.para("BodyText", &[], InList::Item(num, depth), None);
            }
        }
    }

    fn table(&mut self, t: &Table) {
        let total: u64 = t.columns.iter().map(|c| u64::from(c.width.max(1))).sum();
        let widths: Vec<String> = t
            .columns
            .iter()
            .map(|c| (TEXT_WIDTH * u64::from(c.width.max(1)) / total.max(1)).to_string())
            .collect();
        self.x.open("w:tbl", &[]).open("w:tblPr", &[]);
        self.x.empty("w:tblStyle", &[("w:val", "Grid")]);
        self.x
            .empty("w:tblW", &[("w:w", "5000"), ("w:type", "pct")]);
        self.x.empty("w:tblLayout", &[("w:type", "fixed")]);
        self.x.close("w:tblPr").open("w:tblGrid", &[]);
        for w in &widths {
            self.x.empty("w:gridCol", &[("w:w", w)]);
        }
        self.x.close("w:tblGrid");
        for (r, row) in t.rows.iter().enumerate() {
            let head = r < t.header_rows;
            self.x.open("w:tr", &[]).open("w:trPr", &[]);
            self.x.empty("w:cantSplit", &[]);
            if head {
                self.x.empty("w:tblHeader", &[]);
            }
            self.x.close("w:trPr");
            for (k, cell) in row.iter().enumerate() {
                let width = widths.get(k).map_or("0", String::as_str);
                self.x.open("w:tc", &[]).open("w:tcPr", &[]);
                self.x.empty("w:tcW", &[("w:w", width), ("w:type", "dxa")]);
                let fill = match (head, cell.shade) {
                    (true, _) => Some("E3E3FD"),
                    (_, true) => Some("6A6AF4"),
                    _ => None,
                };
                if let Some(f) = fill {
                    self.x.empty(
                        "w:shd",
                        &[("w:val", "clear"), ("w:color", "auto"), ("w:fill", f)],
                    );
                }
                self.x.close("w:tcPr");
                let align = t.columns.get(k).map_or(Align::Left, |c| c.align);
                let style = if head {
                    "TableHeading"
                } else {
                    "TableContents"
                };
                self.para(style, &cell.runs, InList::No, Some(align));
                self.x.close("w:tc");
            }
            self.x.close("w:tr");
        }
        self.x.close("w:tbl");
        // Two tables in a row would merge into one: a small paragraph
        // keeps them apart.
        self.para("AfterTable", &[], InList::No, None);
    }

    fn toc(&mut self, title: &str, entries: &[TocEntry]) {
        self.x
            .open("w:sdt", &[])
            .open("w:sdtPr", &[])
            .open("w:docPartObj", &[]);
        self.x
            .empty("w:docPartGallery", &[("w:val", "Table of Contents")]);
        self.x.empty("w:docPartUnique", &[]);
        self.x
            .close("w:docPartObj")
            .close("w:sdtPr")
            .open("w:sdtContent", &[]);
        self.para(
            "TOCHeading",
            &[Inline::Text(title.to_string())],
            InList::No,
            None,
        );
        for (k, e) in entries.iter().enumerate() {
            let style = format!("TOC{}", e.level.clamp(1, 3));
            self.x.open("w:p", &[]).open("w:pPr", &[]);
            self.x.empty("w:pStyle", &[("w:val", &style)]);
            self.x.close("w:pPr");
            if k == 0 {
                field_start(&mut self.x, " TOC \\o \"1-3\" \\h \\z \\u ");
            }
            let runs = [Inline::Link(
                Link::Anchor(e.anchor.clone()),
                vec![Inline::Text(e.text.clone())],
            )];
            self.inlines(&runs);
            if k + 1 == entries.len() {
                field_end(&mut self.x);
            }
            self.x.close("w:p");
        }
        self.x.close("w:sdtContent").close("w:sdt");
    }
}

/// A field's start, instruction and separator (its result follows).
pub fn field_start(x: &mut Xml, instr: &str) {
    x.open("w:r", &[])
        .empty("w:fldChar", &[("w:fldCharType", "begin")])
        .close("w:r");
    x.open("w:r", &[])
        .leaf("w:instrText", &[("xml:space", "preserve")], instr)
        .close("w:r");
    x.open("w:r", &[])
        .empty("w:fldChar", &[("w:fldCharType", "separate")])
        .close("w:r");
}

pub fn field_end(x: &mut Xml) {
    x.open("w:r", &[])
        .empty("w:fldChar", &[("w:fldCharType", "end")])
        .close("w:r");
}
