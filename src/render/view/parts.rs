//! What every part of the document shares: a part's heading, text and
//! free sections, and the bars of a chart. The parts themselves are in
//! `methodologie`, `etat` and `axes`.

use super::{Ctx, Heading, Headings};
use crate::model::Partie as P;
use crate::render::markdown::Texte;
use serde::Serialize;

#[derive(Debug, Serialize, schemars::JsonSchema)]
pub struct SectionV {
    pub h: Heading,
    pub texte: Texte,
}

#[derive(Debug, Serialize, schemars::JsonSchema)]
pub struct Partie {
    /// Whether the part has anything to show: an empty one is left out
    /// with its heading, and the following parts are numbered on.
    pub present: bool,
    pub h: Heading,
    pub texte: Option<Texte>,
    /// Free sections placed in this part.
    pub sections: Vec<SectionV>,
}

pub fn partie(ctx: &Ctx, h: &Headings, n: usize, texte: &Option<String>, which: P) -> Partie {
    Partie {
        present: h.present[n],
        h: h.parts[n].clone(),
        texte: ctx.text(texte, 3),
        sections: sections(ctx, h, which),
    }
}

fn sections(ctx: &Ctx, h: &Headings, which: P) -> Vec<SectionV> {
    ctx.m
        .sections
        .iter()
        .zip(&h.sections)
        .filter(|(s, _)| s.partie == which)
        .map(|(s, hd)| SectionV {
            h: hd.clone(),
            texte: super::super::markdown::render(&s.texte, &ctx.refs, 4),
        })
        .collect()
}

/// A horizontal bar of a chart: `largeur` in tenths of a percent of the
/// longest bar.
#[derive(Debug, Serialize, schemars::JsonSchema)]
pub struct Barre {
    pub libelle: String,
    pub detail: String,
    pub valeur: String,
    pub part: String,
    pub largeur: u64,
}

pub fn barres(items: Vec<(String, String, u64, String, String)>) -> Vec<Barre> {
    let max = items.iter().map(|i| i.2).max().unwrap_or(0).max(1);
    items
        .into_iter()
        .map(|(libelle, detail, v, valeur, part)| Barre {
            libelle,
            detail,
            valeur,
            part,
            largeur: (v as u128 * 1000 / max as u128) as u64,
        })
        .collect()
}
