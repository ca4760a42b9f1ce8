//! Parse stage: YAML text → spanned tree (for schema diagnostics) and, once
//! the schema holds, → typed [`Fragment`] read from that same tree
//! ([`de`], spans carried into every [`Sp`](crate::format::Sp));
//! Markdown texts through comrak ([`markdown`]).

pub mod de;
pub mod markdown;
mod scalars;
mod syntax;
pub mod tree;

use crate::diagnostic::{Diagnostic, FileId};
use crate::format::{Fragment, Span};
use std::collections::HashMap;
use tree::{Node, Value};

/// Where each value (and each mapping key) of a file sits, by JSON pointer.
#[derive(Debug, Default)]
pub struct SpanIndex {
    pub values: HashMap<String, Span>,
    pub keys: HashMap<String, Span>,
}

impl SpanIndex {
    /// Span of the value at `pointer`, or of its closest ancestor.
    pub fn value(&self, pointer: &str) -> Option<Span> {
        let mut p = pointer;
        loop {
            if let Some(s) = self.values.get(p) {
                return Some(*s);
            }
            let cut = p.rfind('/')?;
            p = &p[..cut];
        }
    }
}

fn escape_pointer(key: &str) -> String {
    key.replace('~', "~0").replace('/', "~1")
}

/// Convert the tree to JSON for schema validation, recording spans when
/// an index is given (only needed once the schema has found errors).
pub fn to_json(
    node: &Node,
    pointer: &str,
    index: &mut Option<&mut SpanIndex>,
) -> serde_json::Value {
    use serde_json::Value as J;
    if let Some(index) = index.as_deref_mut() {
        index.values.insert(pointer.to_string(), node.span);
    }
    match &node.value {
        Value::Null => J::Null,
        Value::Bool(b) => J::Bool(*b),
        Value::Int(i) => J::from(*i),
        Value::UInt(u) => J::from(*u),
        Value::Float(f) => {
            serde_json::Number::from_f64(*f).map_or(J::String(format!("{f}")), J::Number)
        }
        Value::Str(s) => J::String(s.clone()),
        Value::Seq(items) => J::Array(
            items
                .iter()
                .enumerate()
                .map(|(i, n)| {
                    let child = if index.is_some() {
                        format!("{pointer}/{i}")
                    } else {
                        String::new()
                    };
                    to_json(n, &child, index)
                })
                .collect(),
        ),
        Value::Map(entries) => {
            let mut map = serde_json::Map::new();
            for (k, v) in entries {
                let key = match &k.value {
                    Value::Str(s) => s.clone(),
                    Value::Int(i) => i.to_string(),
                    Value::UInt(u) => u.to_string(),
                    Value::Bool(b) => b.to_string(),
                    Value::Float(f) => f.to_string(),
                    Value::Null => "null".into(),
                    Value::Seq(_) | Value::Map(_) => "?".into(),
                };
                let child = match index.as_deref_mut() {
                    Some(index) => {
                        let child = format!("{pointer}/{}", escape_pointer(&key));
                        index.keys.insert(child.clone(), k.span);
                        child
                    }
                    None => String::new(),
                };
                let jv = to_json(v, &child, index);
                map.insert(key, jv);
            }
            J::Object(map)
        }
    }
}

/// Plain scalars such as `yes` or `on` are text in YAML 1.2 but booleans in
/// YAML 1.1 tools: warn so the author knows which reading fdr made.
pub fn yaml11_warnings(file: FileId, node: &Node, out: &mut Vec<Diagnostic>) {
    if node.yaml11_bool {
        out.push(
            Diagnostic::warning(
                crate::diagnostic::codes::YAML_BOOLEEN_AMBIGU,
                format!(
                    "« {} » est lu comme du texte, pas comme un booléen",
                    node.as_str().unwrap_or("")
                ),
            )
            .at(file, node.span)
            .label("texte ou booléen ?")
            .help("écrivez true ou false pour un booléen, ou mettez le texte entre guillemets"),
        );
    }
    match &node.value {
        Value::Seq(items) => items.iter().for_each(|n| yaml11_warnings(file, n, out)),
        Value::Map(entries) => entries
            .iter()
            .for_each(|(_, v)| yaml11_warnings(file, v, out)),
        _ => {}
    }
}

/// serde's messages, in French (the location is shown separately).
fn typed_message(english: &str) -> String {
    if let Some(ty) = english.strip_prefix("invalid value: integer") {
        let _ = ty;
        return "nombre entier invalide ou trop grand".into();
    }
    if english.starts_with("invalid type") || english.starts_with("invalid value") {
        return format!("valeur invalide ({english})");
    }
    english.to_string()
}

/// Typed pass over a file's tree, once its schema holds: the fragment, its
/// spans taken from the tree.
pub fn typed(file: FileId, text: &str, tree: Option<&Node>) -> Result<Fragment, Box<Diagnostic>> {
    let Some(tree) = tree else {
        return Ok(Fragment::default());
    };
    let de = de::NodeDe { node: tree, text };
    <Option<Fragment> as serde::Deserialize>::deserialize(de)
        .map(Option::unwrap_or_default)
        .map_err(|e| {
            let mut d = Diagnostic::error(
                crate::diagnostic::codes::SCHEMA_INVALIDE,
                typed_message(&e.message),
            )
            .in_file(file);
            if let Some(span) = e.span {
                d = d.at(file, span);
            }
            Box::new(d)
        })
}
