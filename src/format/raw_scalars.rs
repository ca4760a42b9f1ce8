//! Scalars kept as written, parsed later by the validate stage so that every
//! malformed value is reported (not only the first).

use super::{
    DATE_PATTERN, DECIMAL_PATTERN, DateBrute, DecimalBrut, MONTANT_MAX, MONTANT_PATTERN,
    MontantBrut,
};
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
    "description": "Montant en euros, strictement positif : entier (6000) ou chaîne avec au plus deux décimales (\"6000.50\", \"6 000,50 €\"). Un nombre décimal écrit sans guillemets (6000.5) n'est vérifié à deux décimales que par fdr check : le schéma ne peut pas compter les décimales d'un nombre flottant.",
    "anyOf": [
        {"type": "integer", "exclusiveMinimum": 0, "maximum": MONTANT_MAX},
        {"type": "number", "exclusiveMinimum": 0, "maximum": MONTANT_MAX},
        {"type": "string", "pattern": MONTANT_PATTERN}
    ]
});

raw_scalar!(DateBrute, "DateFlou", {
    "description": "Date : année (2025), trimestre (2025-T2), mois (2025-03) ou jour (2025-03-14), de 1900 à 2200 ; le jour existe dans le mois (29 février des années bissextiles seulement).",
    "anyOf": [
        {"type": "integer", "minimum": 1900, "maximum": 2200},
        {"type": "string", "pattern": DATE_PATTERN}
    ]
});

raw_scalar!(DecimalBrut, "Decimal", {
    "description": "Nombre décimal (6.8 ou \"6,8\"), au plus six décimales.",
    "anyOf": [
        {"type": "number"},
        {"type": "string", "pattern": DECIMAL_PATTERN}
    ]
});
