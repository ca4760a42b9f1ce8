//! The view as a document tree, in the order and with the content of the
//! Markdown and HTML editions (`templates/feuille-de-route.md.j2`): every
//! word that is not data comes from the view's labels.

mod annexes;
mod axes;
mod debut;
mod financement;
mod indicateurs;
mod territoires;

use super::inline;
use super::tree::{Align, Block, Cell, Column, Document, Inline, Link, Meta, ParaStyle, Table};
use crate::render::labels::Labels;
use crate::render::markdown::Texte;
use crate::render::view::{Heading, View};

/// The whole document.
pub fn document(v: &View) -> Document {
    let c = &v.couverture;
    let mut o = Out::new(v.l);
    debut::couverture(&mut o, v);
    debut::sommaire(&mut o, v);
    debut::parties(&mut o, v);
    axes::axes(&mut o, &v.axes);
    if v.conclusion.present {
        debut::partie(&mut o, &v.conclusion);
    }
    if v.annexes.present {
        annexes::annexes(&mut o, &v.annexes);
    }
    o.para_in(ParaStyle::Colophon, vec![t(v.l.genere_par)]);
    Document {
        meta: Meta {
            title: format!("{} — {} {}", c.titre, c.territoire, c.periode),
            subject: c.sous_titre.clone(),
            authors: c.co_porteurs.clone(),
            language: v.l.lang.to_string(),
            country: if v.l.lang == "fr" { "FR" } else { "" }.to_string(),
        },
        footer: format!("{} · {}", c.territoire, c.periode),
        table_label: v.l.tableau.to_string(),
        blocks: o.blocks,
    }
}

/// Blocks being built, and the labels.
pub struct Out {
    pub l: &'static Labels,
    pub blocks: Vec<Block>,
}

pub fn t(s: impl Into<String>) -> Inline {
    Inline::Text(s.into())
}

pub fn b(s: impl Into<String>) -> Inline {
    Inline::Bold(vec![t(s)])
}

pub fn i(s: impl Into<String>) -> Inline {
    Inline::Italic(vec![t(s)])
}

/// A link to a heading of the document (plain text without an anchor).
pub fn to(anchor: &str, runs: Vec<Inline>) -> Inline {
    if anchor.is_empty() {
        Inline::Span(runs)
    } else {
        Inline::Link(Link::Anchor(anchor.to_string()), runs)
    }
}

/// A cell of plain text (empty for "").
pub fn c(s: &str) -> Vec<Inline> {
    if s.is_empty() { Vec::new() } else { vec![t(s)] }
}

/// A cell of an optional text.
pub fn co(s: &Option<String>) -> Vec<Inline> {
    c(s.as_deref().unwrap_or_default())
}

impl Out {
    pub fn new(l: &'static Labels) -> Self {
        Self {
            l,
            blocks: Vec::new(),
        }
    }

    /// A heading of the view, with its anchor.
    pub fn heading(&mut self, level: u8, h: &Heading) {
        self.blocks.push(Block::Heading {
            level,
            anchor: (!h.ancre.is_empty()).then(|| h.ancre.clone()),
            runs: vec![t(&h.texte)],
        });
    }

    /// A heading without anchor.
    pub fn title(&mut self, level: u8, runs: Vec<Inline>) {
        self.blocks.push(Block::Heading {
            level,
            anchor: None,
            runs,
        });
    }

    pub fn para(&mut self, runs: Vec<Inline>) {
        self.para_in(ParaStyle::Body, runs);
    }

    pub fn para_in(&mut self, style: ParaStyle, runs: Vec<Inline>) {
        self.blocks.push(Block::Para(style, runs));
    }

    /// « Source : … » under a table.
    pub fn source(&mut self, source: &Option<String>) {
        if let Some(s) = source {
            self.para_in(ParaStyle::Note, vec![i(format!("{} : {s}", self.l.source))]);
        }
    }

    pub fn texte(&mut self, tx: &Option<Texte>) {
        if let Some(tx) = tx {
            self.blocks.extend(inline::blocks(tx));
        }
    }

    pub fn bullets(&mut self, items: Vec<Vec<Inline>>) {
        if !items.is_empty() {
            self.blocks.push(Block::List {
                ordered: false,
                start: 1,
                items: items
                    .into_iter()
                    .map(|runs| vec![Block::Para(ParaStyle::Body, runs)])
                    .collect(),
            });
        }
    }

    /// « **Libellé** : texte ».
    pub fn field(&mut self, label: &str, value: &str) {
        self.para(vec![b(label), t(format!(" : {value}"))]);
    }

    pub fn table(&mut self, tb: Tab) {
        self.blocks.push(Block::Table(tb.0));
    }
}

/// A table being built: its header row, then rows of cells.
pub struct Tab(Table);

impl Tab {
    /// Columns (header, alignment, relative width); the header row is
    /// repeated on each page.
    pub fn new(cols: &[(&str, Align, u32)]) -> Self {
        Self(Table {
            columns: cols
                .iter()
                .map(|&(_, align, width)| Column { align, width })
                .collect(),
            header_rows: 1,
            rows: vec![cols.iter().map(|(h, _, _)| cell(c(h))).collect()],
        })
    }

    /// Columns without a header row (the cover's facts).
    pub fn bare(cols: &[(Align, u32)]) -> Self {
        Self(Table {
            columns: cols
                .iter()
                .map(|&(align, width)| Column { align, width })
                .collect(),
            header_rows: 0,
            rows: Vec::new(),
        })
    }

    pub fn row(&mut self, cells: Vec<Vec<Inline>>) {
        self.0.rows.push(cells.into_iter().map(cell).collect());
    }

    /// A row of plain texts.
    pub fn texts(&mut self, cells: &[&str]) {
        self.row(cells.iter().map(|s| c(s)).collect());
    }

    /// A total row: every cell in bold.
    pub fn strong(&mut self, cells: &[&str]) {
        self.row(
            cells
                .iter()
                .map(|s| {
                    if s.is_empty() {
                        Vec::new()
                    } else {
                        vec![b(*s)]
                    }
                })
                .collect(),
        );
    }

    pub fn shaded(&mut self, cells: Vec<(Vec<Inline>, bool)>) {
        self.0.rows.push(
            cells
                .into_iter()
                .map(|(runs, shade)| Cell { runs, shade })
                .collect(),
        );
    }
}

fn cell(runs: Vec<Inline>) -> Cell {
    Cell { runs, shade: false }
}
