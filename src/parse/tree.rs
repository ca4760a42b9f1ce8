//! A YAML tree with a span on every node, built from the parser's events.
//!
//! serde-saphyr stops at the first error of a document; this tree lets the
//! validate stage report every schema problem of a file at its position.
//! It also enforces the limits against hostile input: nesting depth, alias
//! expansion, several documents in one file, and duplicate keys.

use super::scalars::resolve_plain;
use crate::diagnostic::{Diagnostic, FileId};
use crate::format::Span;
use serde_saphyr::granit_parser::{Event, Marker, Parser, ScalarStyle, Span as ParserSpan};
use std::collections::HashMap;

/// Deepest nesting accepted.
pub const MAX_DEPTH: usize = 64;
/// Most nodes a file may produce, aliases expanded.
pub const MAX_NODES: usize = 500_000;

/// Parsing of a file stopped; its diagnostics say why.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Fatal;

#[derive(Debug, Clone)]
pub enum Value {
    Null,
    Bool(bool),
    Int(i64),
    UInt(u64),
    Float(f64),
    Str(String),
    Seq(Vec<Node>),
    Map(Vec<(Node, Node)>),
}

#[derive(Debug, Clone)]
pub struct Node {
    pub value: Value,
    pub span: Span,
    /// A plain scalar that YAML 1.1 read as a boolean (`yes`, `on`…).
    pub yaml11_bool: bool,
}

impl Node {
    fn count(&self) -> usize {
        match &self.value {
            Value::Seq(items) => 1 + items.iter().map(Node::count).sum::<usize>(),
            Value::Map(entries) => {
                1 + entries
                    .iter()
                    .map(|(k, v)| k.count() + v.count())
                    .sum::<usize>()
            }
            _ => 1,
        }
    }

    pub fn as_str(&self) -> Option<&str> {
        match &self.value {
            Value::Str(s) => Some(s),
            _ => None,
        }
    }
}

/// Byte offset of a parser marker in `text`: the one conversion every
/// span of the tree goes through. The parser's byte offset when it gives
/// one on a character boundary; otherwise its index, which counts
/// characters, converted to bytes (never used as a byte offset itself).
pub fn marker_offset(text: &str, m: &Marker) -> usize {
    match m.byte_offset() {
        Some(b) if text.is_char_boundary(b) => b,
        _ => text
            .char_indices()
            .nth(m.index())
            .map_or(text.len(), |(i, _)| i),
    }
}

fn span_of(text: &str, start: &Marker, end: &Marker) -> Span {
    let offset = marker_offset(text, start);
    let end_off = marker_offset(text, end);
    Span {
        offset,
        len: end_off.saturating_sub(offset),
        line: start.line(),
        col: start.col() + 1,
    }
}

enum Frame {
    Seq {
        items: Vec<Node>,
        start: Marker,
        anchor: usize,
    },
    Map {
        entries: Vec<(Node, Node)>,
        /// Span of each text key already seen: duplicates found in constant
        /// time (a linear scan made a map of 20,000 keys take minutes).
        seen: HashMap<String, Span>,
        key: Option<Node>,
        start: Marker,
        anchor: usize,
    },
}

/// Parse one file into a tree. `Ok(None)` for an empty document.
/// Every problem found is pushed to `diags`; on a fatal one, `Err(Fatal)`.
/// The tree under construction from the parser's events, with the limits
/// it enforces.
struct Builder<'t, 'd> {
    file: FileId,
    text: &'t str,
    diags: &'d mut Vec<Diagnostic>,
    stack: Vec<Frame>,
    anchors: HashMap<usize, Node>,
    root: Option<Node>,
    documents: usize,
    nodes: usize,
}

impl Builder<'_, '_> {
    fn fatal(&mut self, d: Diagnostic) -> Result<Option<(Node, usize)>, Fatal> {
        self.diags.push(d);
        Err(Fatal)
    }

    /// A node completed by `event` (a scalar, an alias, a closed
    /// collection), with its anchor; `None` for the other events.
    fn event(&mut self, event: Event, span: ParserSpan) -> Result<Option<(Node, usize)>, Fatal> {
        let (file, text) = (self.file, self.text);
        let here = span_of(text, &span.start, &span.end);
        match event {
            Event::DocumentStart(..) => {
                self.documents += 1;
                if self.documents > 1 {
                    return self.fatal(
                        Diagnostic::error(
                            crate::diagnostic::codes::YAML_PLUSIEURS_DOCUMENTS,
                            "plusieurs documents YAML dans un même fichier",
                        )
                        .at(file, here)
                        .label("deuxième document")
                        .help("retirez le séparateur « --- » ou placez ce document dans un autre fichier"),
                    );
                }
                Ok(None)
            }
            Event::Scalar(value, style, anchor, tag) => {
                let is_str_tag = tag.as_ref().is_some_and(|t| t.suffix() == "str");
                let (v, yaml11) = if style == ScalarStyle::Plain && !is_str_tag {
                    resolve_plain(&value)
                } else {
                    (Value::Str(value.into_owned()), false)
                };
                Ok(Some((
                    Node {
                        value: v,
                        span: here,
                        yaml11_bool: yaml11,
                    },
                    anchor,
                )))
            }
            Event::Alias(id) => self.alias(id, here),
            Event::SequenceStart(_, anchor, _) | Event::MappingStart(_, anchor, _) => {
                if self.stack.len() >= MAX_DEPTH {
                    return self.fatal(
                        Diagnostic::error(
                            crate::diagnostic::codes::YAML_TROP_PROFOND,
                            format!("imbrication trop profonde (plus de {MAX_DEPTH} niveaux)"),
                        )
                        .at(file, here)
                        .label("ce niveau dépasse la limite")
                        .help(
                            "une feuille de route n'a besoin que de quelques niveaux d'imbrication",
                        ),
                    );
                }
                let frame = if matches!(event, Event::SequenceStart(..)) {
                    Frame::Seq {
                        items: Vec::new(),
                        start: span.start,
                        anchor,
                    }
                } else {
                    Frame::Map {
                        entries: Vec::new(),
                        seen: HashMap::new(),
                        key: None,
                        start: span.start,
                        anchor,
                    }
                };
                self.stack.push(frame);
                Ok(None)
            }
            Event::SequenceEnd | Event::MappingEnd => Ok(self.close(&span)),
            _ => Ok(None),
        }
    }

    fn alias(&mut self, id: usize, here: Span) -> Result<Option<(Node, usize)>, Fatal> {
        let file = self.file;
        let Some(n) = self.anchors.get(&id) else {
            return self.fatal(
                Diagnostic::error(
                    crate::diagnostic::codes::YAML_SYNTAXE,
                    "alias vers une ancre inconnue",
                )
                .at(file, here),
            );
        };
        let mut n = n.clone();
        self.nodes += n.count();
        if self.nodes > MAX_NODES {
            return self.fatal(
                Diagnostic::error(
                    crate::diagnostic::codes::YAML_ALIAS_EXCESSIFS,
                    "les alias YAML produisent trop de valeurs (bombe d'alias ?)",
                )
                .at(file, here)
                .label("cet alias dépasse la limite")
                .help(format!("une feuille de route ne dépasse pas {MAX_NODES} valeurs une fois les alias développés")),
            );
        }
        n.span = here;
        Ok(Some((n, 0)))
    }

    /// The collection that `span` closes, as a node.
    fn close(&mut self, span: &ParserSpan) -> Option<(Node, usize)> {
        let text = self.text;
        let (value, start, anchor) = match self.stack.pop()? {
            Frame::Seq {
                items,
                start,
                anchor,
            } => (Value::Seq(items), start, anchor),
            Frame::Map {
                entries,
                start,
                anchor,
                ..
            } => (Value::Map(entries), start, anchor),
        };
        Some((
            Node {
                value,
                span: span_of(text, &start, &span.end),
                yaml11_bool: false,
            },
            anchor,
        ))
    }

    /// Put a completed node in its parent (or as the root); a duplicate
    /// key is reported at both places.
    fn attach(&mut self, node: Node, anchor: usize) -> Result<(), Fatal> {
        self.nodes += 1;
        if self.nodes > MAX_NODES {
            self.diags.push(
                Diagnostic::error(
                    crate::diagnostic::codes::YAML_TROP_DE_VALEURS,
                    "le fichier contient trop de valeurs",
                )
                .at(self.file, node.span)
                .help(format!(
                    "au plus {MAX_NODES} valeurs par fichier : découpez la feuille de route"
                )),
            );
            return Err(Fatal);
        }
        if anchor != 0 {
            self.anchors.insert(anchor, node.clone());
        }
        let file = self.file;
        match self.stack.last_mut() {
            None => self.root = Some(node),
            Some(Frame::Seq { items, .. }) => items.push(node),
            Some(Frame::Map {
                entries, seen, key, ..
            }) => match key.take() {
                None => *key = Some(node),
                Some(k) => {
                    let dup = k.as_str().and_then(|ks| match seen.get(ks) {
                        Some(first) => Some(*first),
                        None => {
                            seen.insert(ks.to_string(), k.span);
                            None
                        }
                    });
                    match dup {
                        Some(first) => self.diags.push(
                            Diagnostic::error(
                                crate::diagnostic::codes::YAML_CLE_DUPLIQUEE,
                                format!("clé « {} » définie deux fois", k.as_str().unwrap_or("")),
                            )
                            .at(file, k.span)
                            .label("deuxième définition")
                            .related(file, first, "première définition")
                            .help("gardez une seule de ces deux clés"),
                        ),
                        None => entries.push((k, node)),
                    }
                }
            },
        }
        Ok(())
    }
}

pub fn parse_tree(
    file: FileId,
    text: &str,
    diags: &mut Vec<Diagnostic>,
) -> Result<Option<Node>, Fatal> {
    let mut b = Builder {
        file,
        text,
        diags,
        stack: Vec::new(),
        anchors: HashMap::new(),
        root: None,
        documents: 0,
        nodes: 0,
    };
    for next in Parser::new_from_str(text) {
        let (event, span) = match next {
            Ok(x) => x,
            Err(e) => {
                b.diags.push(super::syntax::scan_error(file, &e, text));
                return Err(Fatal);
            }
        };
        if let Some((node, anchor)) = b.event(event, span)? {
            b.attach(node, anchor)?;
        }
    }
    Ok(b.root.filter(|r| !matches!(r.value, Value::Null)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> (Result<Option<Node>, Fatal>, Vec<Diagnostic>) {
        let mut d = Vec::new();
        (parse_tree(0, text, &mut d), d)
    }

    #[test]
    fn spans_point_at_values() {
        let (tree, d) = parse("a: 1\nb:\n  - x\n  - 'y'\n");
        assert!(d.is_empty());
        let tree = tree.unwrap().unwrap();
        let Value::Map(entries) = tree.value else {
            panic!("map expected")
        };
        let (_, b) = &entries[1];
        let Value::Seq(items) = &b.value else {
            panic!("seq expected")
        };
        assert_eq!((items[1].span.line, items[1].span.col), (4, 5));
        assert_eq!(items[1].as_str(), Some("y"));
    }

    #[test]
    fn resolves_core_schema() {
        assert!(matches!(resolve_plain("12").0, Value::Int(12)));
        assert!(matches!(resolve_plain("1.5").0, Value::Float(_)));
        assert!(matches!(resolve_plain("2025-T2").0, Value::Str(_)));
        assert!(matches!(resolve_plain("2025-03").0, Value::Str(_)));
        assert!(matches!(resolve_plain("yes"), (Value::Str(_), true)));
        assert!(matches!(
            resolve_plain("99999999999999999999999").0,
            Value::Str(_)
        ));
    }

    #[test]
    fn reports_duplicate_keys_with_both_places() {
        let (_, d) = parse("a: 1\na: 2\n");
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].code, crate::diagnostic::codes::YAML_CLE_DUPLIQUEE);
        assert_eq!(d[0].span.unwrap().line, 2);
        assert_eq!(d[0].related[0].span.line, 1);
    }

    #[test]
    fn marker_index_counts_characters_not_bytes() {
        // A marker without a byte offset gives its position in characters:
        // after « é😀 » (2 characters, 6 bytes), index 2 is byte 6.
        let text = "é😀: x\n";
        let m = Marker::new(2, 1, 2);
        assert_eq!(marker_offset(text, &m), 6);
        let sp = span_of(text, &m, &Marker::new(3, 1, 3));
        assert_eq!((sp.offset, sp.len, sp.line, sp.col), (6, 1, 1, 3));
        // Past the end, or inside a character: clamped to a boundary.
        assert_eq!(marker_offset(text, &Marker::new(99, 1, 0)), text.len());
        let inside = Marker::new(1, 1, 1).with_byte_offset(Some(1));
        assert_eq!(marker_offset(text, &inside), 2);
    }

    #[test]
    fn stops_alias_bombs() {
        let mut y = String::from("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for i in 1..12 {
            let p = i - 1;
            y.push_str(&format!("a{i}: &a{i} [*a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}]\n"));
        }
        let (r, d) = parse(&y);
        assert!(r.is_err());
        assert_eq!(d[0].code, crate::diagnostic::codes::YAML_ALIAS_EXCESSIFS);
    }

    #[test]
    fn stops_deep_nesting() {
        let y = "[".repeat(10_000) + &"]".repeat(10_000);
        let (r, d) = parse(&y);
        assert!(r.is_err());
        assert_eq!(
            d[0].code,
            crate::diagnostic::codes::YAML_TROP_PROFOND,
            "{}",
            d[0].message
        );
    }

    #[test]
    fn reports_tabs() {
        let (r, d) = parse("a:\n\t- x\n");
        assert!(r.is_err());
        assert_eq!(d[0].code, crate::diagnostic::codes::YAML_SYNTAXE);
        assert!(d[0].message.contains("tabulation"), "{}", d[0].message);
    }
}
