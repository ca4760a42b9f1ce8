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

fn convert(loc: &serde_saphyr::Location) -> Span {
    if loc.line() == 0 {
        return Span::default();
    }
    let s = loc.span();
    Span {
        offset: s.byte_offset().unwrap_or(s.offset()) as usize,
        len: s.byte_len().unwrap_or(s.len()) as usize,
        line: loc.line() as usize,
        col: loc.column() as usize,
    }
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Sp<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = serde_saphyr::Spanned::<T>::deserialize(d)?;
        Ok(Sp {
            span: convert(&s.referenced),
            value: s.value,
        })
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
