//! Scalars kept as written, parsed later by the validate stage so that every
//! malformed value is reported (not only the first).

use super::{DateBrute, DecimalBrut, MontantBrut};
use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde::Deserialize;
use serde::de::{self, Deserializer, Visitor};
use std::borrow::Cow;
use std::fmt;

struct RawVisitor;

impl Visitor<'_> for RawVisitor {
    type Value = String;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("un nombre ou une chaîne")
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<String, E> {
        Ok(v.to_string())
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<String, E> {
        Ok(v.to_string())
    }
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<String, E> {
        Ok(v.to_string())
    }
}

fn raw<'de, D: Deserializer<'de>>(d: D) -> Result<String, D::Error> {
    d.deserialize_str(RawVisitor)
}

macro_rules! raw_scalar {
    ($ty:ident, $name:literal, $schema:tt) => {
        impl<'de> Deserialize<'de> for $ty {
            fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                raw(d).map($ty)
            }
        }
        impl JsonSchema for $ty {
            fn inline_schema() -> bool {
                false
            }
            fn schema_name() -> Cow<'static, str> {
                $name.into()
            }
            fn json_schema(_: &mut SchemaGenerator) -> Schema {
                json_schema!($schema)
            }
        }
    };
}

raw_scalar!(MontantBrut, "Montant", {
    "description": "Montant en euros : entier (6000) ou chaîne avec au plus deux décimales (\"6000.50\", \"6 000,50 €\").",
    "anyOf": [
        {"type": "integer"},
        {"type": "number"},
        {"type": "string", "pattern": "^\\s*-?[0-9][0-9  ]*([.,][0-9]+)?\\s*€?\\s*$"}
    ]
});

raw_scalar!(DateBrute, "DateFlou", {
    "description": "Date : année (2025), trimestre (2025-T2), mois (2025-03) ou jour (2025-03-14).",
    "anyOf": [
        {"type": "integer", "minimum": 1900, "maximum": 2200},
        {"type": "string", "pattern": "^[0-9]{4}(-T[1-4]|-[0-9]{2}(-[0-9]{2})?)?$"}
    ]
});

raw_scalar!(DecimalBrut, "Decimal", {
    "description": "Nombre décimal (6.8 ou \"6,8\").",
    "anyOf": [
        {"type": "number"},
        {"type": "string", "pattern": "^\\s*-?[0-9]+([.,][0-9]+)?\\s*$"}
    ]
});
