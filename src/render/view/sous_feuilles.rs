//! Sub-roadmaps in the documents: the departmental document's annex (each
//! sub-roadmap's perimeter and figures, and which departmental axes each
//! takes up), and what a sub-roadmap's own document says of the roadmap it
//! declines.

use super::{Ctx, join_fr};
use crate::compute::Computed;
use crate::model::{AxeRepris, MotAxe, Roadmap};
use crate::render::{fmt, labels};
use serde::Serialize;

#[derive(Debug, Default, Serialize, schemars::JsonSchema)]
pub struct SousFeuillesV {
    /// « Chaque feuille de route infra-départementale reprend au moins 2
    /// objectifs de la feuille de route départementale. », when stated.
    pub regle: Option<String>,
    pub liste: Vec<SousFeuilleV>,
    /// Columns of the coverage matrix: each sub-roadmap's territory.
    pub territoires: Vec<String>,
    /// Rows of the coverage matrix: one per departmental axe.
    pub couverture: Vec<CouvertureV>,
}

#[derive(Debug, Serialize, schemars::JsonSchema)]
pub struct SousFeuilleV {
    pub id: String,
    pub titre: String,
    pub territoire: String,
    /// « Groupements de communes »…
    pub perimetre: &'static str,
    pub epci: Vec<String>,
    pub communes: Vec<String>,
    /// Inhabitants: written, else the sum of its EPCI's populations.
    pub population: Option<String>,
    pub nb_axes: String,
    pub nb_actions: String,
    /// Cash of its financing lines; absent when it has none.
    pub budget: Option<String>,
    pub valorisations: Option<String>,
    /// « Objectifs 1, 2 et 5 » of the departmental roadmap.
    pub axes_repris: String,
    /// Its own document, relative to this one, without the extension.
    pub document: String,
}

#[derive(Debug, Serialize, schemars::JsonSchema)]
pub struct CouvertureV {
    /// « Objectif 1 ».
    pub numero: String,
    pub titre: String,
    /// Per territory (column): whether it takes this axe up.
    pub cellules: Vec<bool>,
    /// « 2 territoires sur 3 ».
    pub nombre: String,
}

/// « Objectif 1 », « Objectifs 1, 2 et 5 », « aucun objectif ».
fn numeros(mot: MotAxe, mut n: Vec<u32>) -> String {
    n.sort_unstable();
    let label = labels::pour(mot).axe;
    match n.as_slice() {
        [] => crate::diagnostic::fr::Nom::de_mot(mot).aucun(),
        [one] => format!("{label} {one}"),
        _ => {
            let items: Vec<String> = n.iter().map(u32::to_string).collect();
            format!("{label}s {}", join_fr(&items))
        }
    }
}

fn population(m: &Roadmap, c: &Computed) -> Option<String> {
    let n = m
        .feuille
        .population
        .or((c.population_totale > 0).then_some(c.population_totale))?;
    Some(fmt::count(n as usize, "habitant", "habitants"))
}

fn sous_feuille(
    parent_mot: MotAxe,
    m: &Roadmap,
    c: &Computed,
    id: &str,
    repris: Vec<u32>,
) -> SousFeuilleV {
    let f = &m.feuille;
    SousFeuilleV {
        id: id.to_string(),
        titre: f.titre.clone(),
        territoire: f.territoire.clone(),
        perimetre: labels::perimetre(f.perimetre),
        epci: f.epci.clone(),
        communes: f.communes.clone(),
        population: population(m, c),
        nb_axes: fmt::count(m.axes.len(), f.mot_axe.singulier(), f.mot_axe.pluriel()),
        nb_actions: fmt::count(m.actions.len(), "action", "actions"),
        budget: (c.argent.total.0 > 0).then(|| fmt::money(c.argent.total)),
        valorisations: (c.argent.total_nature.0 > 0).then(|| fmt::money(c.argent.total_nature)),
        axes_repris: numeros(parent_mot, repris),
        document: format!("sous-feuilles/{id}/feuille-de-route"),
    }
}

/// The annex of the departmental document.
pub fn sous_feuilles(ctx: &Ctx) -> SousFeuillesV {
    let m = ctx.m;
    let mot = m.feuille.mot_axe;
    let subs = &m.sous_feuilles;
    let liste = subs
        .iter()
        .zip(&ctx.c.sous_feuilles)
        .map(|(s, c)| {
            let repris = s
                .axes_repris
                .iter()
                .filter_map(|ix| m.axes.get(*ix).map(|a| a.numero))
                .collect();
            sous_feuille(mot, &s.feuille, c, &s.id, repris)
        })
        .collect();
    let couverture = m
        .axes
        .iter()
        .enumerate()
        .map(|(ix, a)| {
            let cellules: Vec<bool> = subs.iter().map(|s| s.axes_repris.contains(&ix)).collect();
            let n = cellules.iter().filter(|c| **c).count();
            CouvertureV {
                numero: format!("{} {}", labels::pour(mot).axe, a.numero),
                titre: a.titre.clone(),
                nombre: format!(
                    "{} sur {}",
                    fmt::count(n, "territoire", "territoires"),
                    subs.len()
                ),
                cellules,
            }
        })
        .collect();
    SousFeuillesV {
        regle: m.feuille.axes_repris_minimum.map(|n| {
            format!(
                "Chaque feuille de route infra-départementale reprend au moins {} de la feuille de route départementale.",
                fmt::count(n as usize, mot.singulier(), mot.pluriel())
            )
        }),
        territoires: subs.iter().map(|s| s.feuille.feuille.territoire.clone()).collect(),
        liste,
        couverture,
    }
}

/// « Reprend l'objectif 1 « … » de la feuille de route départementale. »
pub fn reprend(m: &Roadmap, repris: &[AxeRepris]) -> Option<String> {
    let dep = m.feuille.departementale.as_ref()?;
    if repris.is_empty() {
        return None;
    }
    let mot = dep.mot_axe;
    let items: Vec<String> = repris
        .iter()
        .map(|r| format!("{} {} « {} »", mot.defini(), r.numero, r.titre))
        .collect();
    Some(format!(
        "Reprend {} de la feuille de route départementale « {} ».",
        join_fr(&items),
        dep.titre
    ))
}

/// The perimeter on a roadmap's cover: its EPCI, its communes, its
/// inhabitants, from the facts given only.
pub fn perimetre_detail(m: &Roadmap, c: &Computed) -> Option<String> {
    let f = &m.feuille;
    let mut parts = Vec::new();
    if !f.epci.is_empty() {
        parts.push(join_fr(&f.epci));
    }
    if !f.communes.is_empty() {
        parts.push(join_fr(&f.communes));
    }
    if let Some(p) = population(m, c).filter(|_| f.population.is_some()) {
        parts.push(p);
    }
    (!parts.is_empty()).then(|| parts.join(" ; "))
}

/// « Déclinaison de la feuille de route départementale « … » (Vaucluse). »
pub fn departementale(m: &Roadmap) -> Option<String> {
    let d = m.feuille.departementale.as_ref()?;
    Some(format!(
        "Déclinaison de la feuille de route départementale « {} » ({}).",
        d.titre, d.territoire
    ))
}
