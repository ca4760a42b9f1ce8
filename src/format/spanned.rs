//! `Sp<T>`: a value with its position in the source file.

use schemars::{JsonSchema, SchemaGenerator};
use serde::{Deserialize, Deserializer};
use std::borrow::Cow;

/// Byte range of a value in its file, with 1-based line and column.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub struct Span {
    pub offset: usize,
    pub len: usize,
    pub line: usize,
    pub col: usize,
}

impl Span {
    /// The span of `len` bytes at byte `offset` of `text`, with its line and
    /// column (in characters): the one conversion from a byte offset that
    /// every span built outside the parser goes through. An offset inside a
    /// character, or past the end, moves back to a character boundary.
    pub fn locate(text: &str, offset: usize, len: usize) -> Span {
        let offset = floor_boundary(text, offset);
        let (line, col) = line_col(text, offset);
        Span {
            offset,
            len: len.min(text.len() - offset),
            line,
            col,
        }
    }
}

/// The closest character boundary of `text` at or before `offset`.
pub fn floor_boundary(text: &str, offset: usize) -> usize {
    let mut o = offset.min(text.len());
    while !text.is_char_boundary(o) {
        o -= 1;
    }
    o
}

/// 1-based line and column (in characters) of a byte offset in `text`.
pub fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let before = &text[..floor_boundary(text, offset)];
    let line = before.matches('\n').count() + 1;
    let col = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, col)
}

/// A value and where it was written.
#[derive(Debug, Clone)]
pub struct Sp<T> {
    pub value: T,
    pub span: Span,
}

impl<T> Sp<T> {
    pub fn new(value: T, span: Span) -> Self {
        Self { value, span }
    }
}

impl<T> std::ops::Deref for Sp<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.value
    }
}

/// The struct name by which a [`Sp`] asks the tree deserializer
/// (`parse::de`) for its node's span.
pub const SP_NAME: &str = "$fdr::Sp";
/// Its fields, in the order the deserializer gives them.
pub const SP_FIELDS: &[&str] = &["$value", "$offset", "$len", "$line", "$col"];

struct SpVisitor<T>(std::marker::PhantomData<T>);

impl<'de, T: Deserialize<'de>> serde::de::Visitor<'de> for SpVisitor<T> {
    type Value = Sp<T>;
    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("une valeur")
    }
    fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<Sp<T>, A::Error> {
        let missing = || serde::de::Error::custom("valeur sans position");
        let value = match map.next_key::<&str>()? {
            Some("$value") => map.next_value::<T>()?,
            _ => return Err(missing()),
        };
        let mut span = Span::default();
        for field in [
            &mut span.offset,
            &mut span.len,
            &mut span.line,
            &mut span.col,
        ] {
            map.next_key::<&str>()?.ok_or_else(missing)?;
            *field = map.next_value()?;
        }
        Ok(Sp { value, span })
    }
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Sp<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_struct(SP_NAME, SP_FIELDS, SpVisitor(std::marker::PhantomData))
    }
}

impl<T: JsonSchema> JsonSchema for Sp<T> {
    fn inline_schema() -> bool {
        T::inline_schema()
    }
    fn schema_name() -> Cow<'static, str> {
        T::schema_name()
    }
    fn schema_id() -> Cow<'static, str> {
        T::schema_id()
    }
    fn json_schema(g: &mut SchemaGenerator) -> schemars::Schema {
        T::json_schema(g)
    }
}
