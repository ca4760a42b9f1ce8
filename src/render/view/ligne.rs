//! One financing line as the document says it back: the amount in the form
//! it was written, the source by name, and only the facts the sources give.

use super::Ctx;
use crate::model::{Forme, Ligne, Source};
use crate::render::{fmt, labels};
use serde::Serialize;

#[derive(Debug, Serialize, schemars::JsonSchema)]
pub struct LigneV {
    /// « 6 000 € », « 92 000 € par an de 2025 à 2027 (276 000 €) »; empty
    /// for an in-kind line given in days or ETP only.
    pub montant: String,
    /// Funder, cercle or envelope, by name.
    pub financeur: String,
    pub recipiendaire: Option<String>,
    /// The facts given, in reading order: year, nature, section, status,
    /// amounts granted and paid, days, ETP, free précision.
    pub precisions: Vec<String>,
    /// Left out of every total.
    pub refusee: bool,
}

pub fn source_nom(ctx: &Ctx, s: Source) -> String {
    crate::compute::money::source_nom(ctx.m, s).to_string()
}

fn quantites(l: &Ligne) -> Vec<String> {
    let mut out = Vec::new();
    out.extend(l.jours.map(|j| {
        let one = j.cmp_int(1).is_le();
        format!("{} {}", fmt::decimal(j), if one { "jour" } else { "jours" })
    }));
    out.extend(l.etp.map(|e| format!("{} ETP", fmt::decimal(e))));
    out
}

/// The amount as written; for an in-kind line without euros, its days or ETP.
pub fn montant(l: &Ligne) -> String {
    let total = fmt::money(l.total());
    match l.forme {
        _ if l.montants.is_empty() => quantites(l).join(", "),
        Forme::Total => total,
        Forme::ParAn { montant, de, a } if de == a => format!("{} en {de}", fmt::money(montant)),
        Forme::ParAn { montant, de, a } => {
            format!("{} par an de {de} à {a} ({total})", fmt::money(montant))
        }
        Forme::Annees => {
            let parts: Vec<String> = l
                .montants
                .iter()
                .map(|(y, m)| match y {
                    Some(y) => format!("{y} : {}", fmt::money(*m)),
                    None => fmt::money(*m),
                })
                .collect();
            format!("{} ({total})", parts.join(" ; "))
        }
    }
}

fn precisions(l: &Ligne) -> Vec<String> {
    let mut out = Vec::new();
    if let (Forme::Total, Some((Some(y), _))) = (l.forme, l.montants.first()) {
        out.push(y.to_string());
    }
    out.extend(l.nature.map(|n| labels::nature(n).to_string()));
    out.extend(l.section.map(|s| labels::section_budgetaire(s).to_string()));
    out.extend(l.statut.map(|s| labels::statut_financement(s).to_string()));
    out.extend(l.accorde.map(|m| format!("accordé : {}", fmt::money(m))));
    out.extend(l.verse.map(|m| format!("versé : {}", fmt::money(m))));
    if !l.montants.is_empty() {
        out.extend(quantites(l));
    }
    out.extend(l.libelle.clone());
    out
}

pub fn ligne(ctx: &Ctx, l: &Ligne) -> LigneV {
    LigneV {
        montant: montant(l),
        financeur: source_nom(ctx, l.source),
        recipiendaire: l.recipiendaire.map(|r| ctx.acteur_nom(r)),
        precisions: precisions(l),
        refusee: !l.compte(),
    }
}
