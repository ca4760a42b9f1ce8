//! The format-neutral document both office writers print: headings with
//! their anchors, paragraphs of inline runs, lists, tables, page breaks and
//! the table of contents. Built from the view by [`super::blocks`].

/// Inline content of a paragraph, a heading or a cell.
#[derive(Debug, Clone, PartialEq)]
pub enum Inline {
    Text(String),
    Bold(Vec<Inline>),
    Italic(Vec<Inline>),
    Strike(Vec<Inline>),
    Code(String),
    Link(Link, Vec<Inline>),
    /// Children without formatting of their own.
    Span(Vec<Inline>),
    Break,
}

/// Where a link leads: a heading of the document, or a web page / address.
#[derive(Debug, Clone, PartialEq)]
pub enum Link {
    Anchor(String),
    Url(String),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ParaStyle {
    Body,
    /// The cover's title.
    Title,
    /// The cover's subtitle.
    Subtitle,
    /// The cover's first line (territory, period).
    Kicker,
    /// « Source : … », notes under a table.
    Note,
    Quote,
    Code,
    /// A thematic break.
    Rule,
    /// The closing line of the document.
    Colophon,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Align {
    Left,
    Center,
    Right,
}

#[derive(Debug, Clone, Copy)]
pub struct Column {
    pub align: Align,
    /// Relative width.
    pub width: u32,
}

#[derive(Debug, Clone)]
pub struct Cell {
    pub runs: Vec<Inline>,
    /// Filled (a month of the chronogramme).
    pub shade: bool,
}

#[derive(Debug, Clone)]
pub struct Table {
    pub columns: Vec<Column>,
    /// The first rows, repeated on each page.
    pub header_rows: usize,
    pub rows: Vec<Vec<Cell>>,
}

#[derive(Debug, Clone)]
pub struct TocEntry {
    /// 1 for a part.
    pub level: u8,
    pub text: String,
    pub anchor: String,
}

#[derive(Debug, Clone)]
pub enum Block {
    /// `level` 1 is a part of the document (a page starts with it).
    Heading {
        level: u8,
        anchor: Option<String>,
        runs: Vec<Inline>,
    },
    Para(ParaStyle, Vec<Inline>),
    List {
        ordered: bool,
        start: u32,
        items: Vec<Vec<Block>>,
    },
    Table(Table),
    PageBreak,
    /// The sommaire: a table-of-contents field whose entries are already
    /// filled in.
    Toc {
        title: String,
        entries: Vec<TocEntry>,
    },
}

/// What the package says about itself.
#[derive(Debug, Clone)]
pub struct Meta {
    pub title: String,
    pub subject: Option<String>,
    pub authors: Vec<String>,
    /// "fr".
    pub language: String,
    /// "FR".
    pub country: String,
}

#[derive(Debug, Clone)]
pub struct Document {
    pub meta: Meta,
    /// Text before the page number in the footer.
    pub footer: String,
    /// Name of the tables (« Tableau »), numbered.
    pub table_label: String,
    pub blocks: Vec<Block>,
}

/// One run of text with its formatting, flattened from nested inlines.
#[derive(Debug, Clone, PartialEq)]
pub struct Run<'a> {
    /// `None` for a line break.
    pub text: Option<&'a str>,
    pub bold: bool,
    pub italic: bool,
    pub strike: bool,
    pub code: bool,
    pub link: Option<&'a Link>,
}

/// The runs of `inlines`, in order, each with the formatting of the
/// elements around it.
pub fn runs(inlines: &[Inline]) -> Vec<Run<'_>> {
    let mut out = Vec::new();
    let base = Run {
        text: None,
        bold: false,
        italic: false,
        strike: false,
        code: false,
        link: None,
    };
    // An explicit stack: nesting depth is bounded by the check, but the
    // walk never recurses on user data.
    let mut stack: Vec<(std::slice::Iter<'_, Inline>, Run<'_>)> = vec![(inlines.iter(), base)];
    while let Some((iter, fmt)) = stack.last_mut() {
        let Some(item) = iter.next() else {
            stack.pop();
            continue;
        };
        let fmt = fmt.clone();
        let (children, inner) = match item {
            Inline::Text(t) => {
                out.push(Run {
                    text: Some(t),
                    ..fmt
                });
                continue;
            }
            Inline::Code(t) => {
                out.push(Run {
                    text: Some(t),
                    code: true,
                    ..fmt
                });
                continue;
            }
            Inline::Break => {
                out.push(Run { text: None, ..fmt });
                continue;
            }
            Inline::Bold(c) => (c, Run { bold: true, ..fmt }),
            Inline::Italic(c) => (
                c,
                Run {
                    italic: true,
                    ..fmt
                },
            ),
            Inline::Strike(c) => (
                c,
                Run {
                    strike: true,
                    ..fmt
                },
            ),
            Inline::Link(l, c) => (
                c,
                Run {
                    link: Some(l),
                    ..fmt
                },
            ),
            Inline::Span(c) => (c, fmt),
        };
        stack.push((children.iter(), inner));
    }
    out
}

/// Plain text of inlines (line breaks as spaces).
pub fn plain(inlines: &[Inline]) -> String {
    runs(inlines)
        .iter()
        .map(|r| r.text.unwrap_or(" "))
        .collect()
}

/// Every heading anchor, in document order.
pub fn anchors(blocks: &[Block]) -> Vec<&str> {
    let mut out = Vec::new();
    let mut stack = vec![blocks.iter()];
    while let Some(iter) = stack.last_mut() {
        let Some(b) = iter.next() else {
            stack.pop();
            continue;
        };
        match b {
            Block::Heading {
                anchor: Some(a), ..
            } => out.push(a.as_str()),
            Block::List { items, .. } => {
                for item in items.iter().rev() {
                    stack.push(item.iter());
                }
            }
            _ => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn runs_carry_the_formatting_of_their_parents() {
        let link = Link::Url("https://example.org".into());
        let i = vec![
            Inline::Text("a".into()),
            Inline::Bold(vec![
                Inline::Italic(vec![Inline::Text("b".into())]),
                Inline::Link(link.clone(), vec![Inline::Text("c".into())]),
            ]),
            Inline::Break,
        ];
        let r = runs(&i);
        assert_eq!(r.len(), 4);
        assert!(!r[0].bold);
        assert!(r[1].bold && r[1].italic);
        assert!(r[2].bold && !r[2].italic && r[2].link == Some(&link));
        assert_eq!(r[3].text, None);
        assert_eq!(plain(&i), "abc ");
    }
}
