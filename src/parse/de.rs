//! A serde `Deserializer` over the spanned YAML tree: the typed fragments
//! are read from the same tree the schema checked, so each file is parsed
//! once and scalars are resolved by one resolver ([`super::tree`]). A
//! [`Sp`](crate::format::Sp) receives the span of its node; an error carries
//! the span of the innermost node it concerns.

use super::tree::{Node, Value};
use crate::format::Span;
use crate::format::spanned::{SP_FIELDS, SP_NAME};
use serde::de::{self, DeserializeSeed, IntoDeserializer, Visitor};
use serde::forward_to_deserialize_any;

/// Why a typed read failed, and where.
#[derive(Debug)]
pub struct DeError {
    pub message: String,
    pub span: Option<Span>,
}

impl DeError {
    /// Give the error a place, unless a deeper node already did.
    fn at(mut self, span: Span) -> Self {
        self.span.get_or_insert(span);
        self
    }
}

impl std::fmt::Display for DeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for DeError {}

impl de::Error for DeError {
    fn custom<T: std::fmt::Display>(msg: T) -> Self {
        DeError {
            message: msg.to_string(),
            span: None,
        }
    }
}

/// Deserialize one node; `text` is its file, for the raw text of numbers.
#[derive(Clone, Copy)]
pub struct NodeDe<'de> {
    pub node: &'de Node,
    pub text: &'de str,
}

impl<'de> NodeDe<'de> {
    fn child(&self, node: &'de Node) -> Self {
        NodeDe {
            node,
            text: self.text,
        }
    }

    /// A scalar as written: numbers keep their text (`3686.50` stays
    /// "3686.50", never a float).
    fn raw_text(&self) -> Option<&'de str> {
        let s = self.node.span;
        self.text.get(s.offset..s.offset + s.len)
    }

    fn any<V: Visitor<'de>>(self, v: V) -> Result<V::Value, DeError> {
        match &self.node.value {
            Value::Null => v.visit_unit(),
            Value::Bool(b) => v.visit_bool(*b),
            Value::Int(i) => v.visit_i64(*i),
            Value::UInt(u) => v.visit_u64(*u),
            Value::Float(f) => v.visit_f64(*f),
            Value::Str(s) => v.visit_borrowed_str(s),
            Value::Seq(items) => v.visit_seq(Seq {
                de: self,
                items: items.iter(),
            }),
            Value::Map(entries) => v.visit_map(Map {
                de: self,
                entries: entries.iter(),
                value: None,
            }),
        }
    }
}

impl<'de> de::Deserializer<'de> for NodeDe<'de> {
    type Error = DeError;

    fn deserialize_any<V: Visitor<'de>>(self, v: V) -> Result<V::Value, DeError> {
        let span = self.node.span;
        self.any(v).map_err(|e| e.at(span))
    }

    fn deserialize_option<V: Visitor<'de>>(self, v: V) -> Result<V::Value, DeError> {
        let span = self.node.span;
        match self.node.value {
            Value::Null => v.visit_none(),
            _ => v.visit_some(self),
        }
        .map_err(|e| e.at(span))
    }

    fn deserialize_str<V: Visitor<'de>>(self, v: V) -> Result<V::Value, DeError> {
        let span = self.node.span;
        match (&self.node.value, self.raw_text()) {
            (Value::Int(_) | Value::UInt(_) | Value::Float(_), Some(raw)) => {
                v.visit_borrowed_str(raw)
            }
            _ => self.any(v),
        }
        .map_err(|e| e.at(span))
    }

    fn deserialize_string<V: Visitor<'de>>(self, v: V) -> Result<V::Value, DeError> {
        self.deserialize_str(v)
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        _fields: &'static [&'static str],
        v: V,
    ) -> Result<V::Value, DeError> {
        if name == SP_NAME {
            return v.visit_map(SpMap { de: self, step: 0 });
        }
        self.deserialize_any(v)
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _variants: &'static [&'static str],
        v: V,
    ) -> Result<V::Value, DeError> {
        let span = self.node.span;
        match &self.node.value {
            Value::Str(s) => v.visit_enum(s.as_str().into_deserializer()),
            Value::Map(entries) if entries.len() == 1 => v.visit_enum(Enum {
                de: self,
                key: &entries[0].0,
                value: &entries[0].1,
            }),
            _ => Err(de::Error::custom("valeur attendue : un des mots permis")),
        }
        .map_err(|e: DeError| e.at(span))
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        v: V,
    ) -> Result<V::Value, DeError> {
        v.visit_newtype_struct(self)
    }

    forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char bytes byte_buf
        unit unit_struct seq tuple tuple_struct map identifier ignored_any
    }
}

impl<'de> IntoDeserializer<'de, DeError> for NodeDe<'de> {
    type Deserializer = Self;
    fn into_deserializer(self) -> Self {
        self
    }
}

struct Seq<'de> {
    de: NodeDe<'de>,
    items: std::slice::Iter<'de, Node>,
}

impl<'de> de::SeqAccess<'de> for Seq<'de> {
    type Error = DeError;
    fn next_element_seed<T: DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, DeError> {
        match self.items.next() {
            Some(n) => seed
                .deserialize(self.de.child(n))
                .map(Some)
                .map_err(|e| e.at(n.span)),
            None => Ok(None),
        }
    }
    fn size_hint(&self) -> Option<usize> {
        Some(self.items.len())
    }
}

struct Map<'de> {
    de: NodeDe<'de>,
    entries: std::slice::Iter<'de, (Node, Node)>,
    value: Option<&'de Node>,
}

impl<'de> de::MapAccess<'de> for Map<'de> {
    type Error = DeError;
    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, DeError> {
        match self.entries.next() {
            Some((k, v)) => {
                self.value = Some(v);
                seed.deserialize(self.de.child(k))
                    .map(Some)
                    .map_err(|e| e.at(k.span))
            }
            None => Ok(None),
        }
    }
    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, DeError> {
        match self.value.take() {
            Some(n) => seed.deserialize(self.de.child(n)).map_err(|e| e.at(n.span)),
            None => Err(de::Error::custom("valeur absente")),
        }
    }
    fn size_hint(&self) -> Option<usize> {
        Some(self.entries.len())
    }
}

/// The fields of an [`Sp`](crate::format::Sp): the node's span, then its
/// value.
struct SpMap<'de> {
    de: NodeDe<'de>,
    step: usize,
}

impl<'de> de::MapAccess<'de> for SpMap<'de> {
    type Error = DeError;
    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, DeError> {
        match SP_FIELDS.get(self.step) {
            Some(name) => seed
                .deserialize(de::value::BorrowedStrDeserializer::new(name))
                .map(Some),
            None => Ok(None),
        }
    }
    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, DeError> {
        let mut s = self.de.node.span;
        // A mapping or a list is shown by where it starts, not underlined
        // whole.
        if matches!(self.de.node.value, Value::Map(_) | Value::Seq(_)) {
            s.len = 0;
        }
        let step = self.step;
        self.step += 1;
        match step {
            0 => seed.deserialize(self.de),
            1 => seed.deserialize(s.offset.into_deserializer()),
            2 => seed.deserialize(s.len.into_deserializer()),
            3 => seed.deserialize(s.line.into_deserializer()),
            _ => seed.deserialize(s.col.into_deserializer()),
        }
    }
}

struct Enum<'de> {
    de: NodeDe<'de>,
    key: &'de Node,
    value: &'de Node,
}

impl<'de> de::EnumAccess<'de> for Enum<'de> {
    type Error = DeError;
    type Variant = NodeDe<'de>;
    fn variant_seed<V: DeserializeSeed<'de>>(
        self,
        seed: V,
    ) -> Result<(V::Value, NodeDe<'de>), DeError> {
        let variant = seed.deserialize(self.de.child(self.key))?;
        Ok((variant, self.de.child(self.value)))
    }
}

impl<'de> de::VariantAccess<'de> for NodeDe<'de> {
    type Error = DeError;
    fn unit_variant(self) -> Result<(), DeError> {
        de::Deserialize::deserialize(self)
    }
    fn newtype_variant_seed<T: DeserializeSeed<'de>>(self, seed: T) -> Result<T::Value, DeError> {
        seed.deserialize(self)
    }
    fn tuple_variant<V: Visitor<'de>>(self, _len: usize, v: V) -> Result<V::Value, DeError> {
        de::Deserializer::deserialize_seq(self, v)
    }
    fn struct_variant<V: Visitor<'de>>(
        self,
        _fields: &'static [&'static str],
        v: V,
    ) -> Result<V::Value, DeError> {
        de::Deserializer::deserialize_map(self, v)
    }
}
