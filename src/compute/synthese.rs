//! The regional synthesis (`fdr synthese`): figures over several roadmaps,
//! each checked and computed on its own first. Linear in the roadmaps'
//! sizes: one pass over each roadmap's structures, a map by name.

use super::Computed;
use crate::model::{Money, Roadmap};
use serde::Serialize;
use std::collections::BTreeMap;

/// A structure named in several roadmaps.
#[derive(Debug, Serialize)]
pub struct Partage {
    /// The name as the first roadmap writes it.
    pub nom: String,
    /// Indexes of the roadmaps naming it, in the order given.
    pub feuilles: Vec<usize>,
}

#[derive(Debug, Serialize)]
pub struct SyntheseFigures {
    pub axes: usize,
    pub actions: usize,
    /// Cash of every roadmap, refused lines excluded.
    pub total: Money,
    /// In kind valued in euros, never added to `total`.
    pub total_nature: Money,
    /// Roadmaps whose sources give at least one cash line: a total over
    /// some of them only says so.
    pub avec_argent: usize,
    /// Structures named in two roadmaps or more, most shared first.
    pub partages: Vec<Partage>,
}

pub fn synthese(roadmaps: &[(&Roadmap, &Computed)]) -> SyntheseFigures {
    let mut by_name: BTreeMap<String, Partage> = BTreeMap::new();
    for (ix, (m, _)) in roadmaps.iter().enumerate() {
        for a in &m.acteurs {
            let p = by_name.entry(key(&a.nom)).or_insert_with(|| Partage {
                nom: a.nom.clone(),
                feuilles: Vec::new(),
            });
            // Two structures of one roadmap may fold to one key: count the
            // roadmap once.
            if p.feuilles.last() != Some(&ix) {
                p.feuilles.push(ix);
            }
        }
    }
    let mut partages: Vec<Partage> = by_name
        .into_values()
        .filter(|p| p.feuilles.len() > 1)
        .collect();
    partages.sort_by(|a, b| {
        b.feuilles
            .len()
            .cmp(&a.feuilles.len())
            .then_with(|| key(&a.nom).cmp(&key(&b.nom)))
    });
    SyntheseFigures {
        axes: roadmaps.iter().map(|(m, _)| m.axes.len()).sum(),
        actions: roadmaps.iter().map(|(m, _)| m.actions.len()).sum(),
        total: roadmaps
            .iter()
            .fold(Money(0), |t, (_, c)| t + c.argent.total),
        total_nature: roadmaps
            .iter()
            .fold(Money(0), |t, (_, c)| t + c.argent.total_nature),
        avec_argent: roadmaps
            .iter()
            .filter(|(_, c)| c.argent.total > Money(0))
            .count(),
        partages,
    }
}

/// A name folded for comparison: lower case, French accents and ligatures
/// removed, every run of other characters one space.
pub fn key(name: &str) -> String {
    crate::model::names::fold(name)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::key;

    #[test]
    fn names_fold_case_accents_and_punctuation() {
        assert_eq!(key("  Emmaüs  Connect "), "emmaus connect");
        assert_eq!(
            key("Agence nationale de la cohésion des territoires"),
            key("AGENCE NATIONALE DE LA COHESION DES TERRITOIRES")
        );
        assert_eq!(
            key("La Poste (direction régionale)"),
            "la poste direction regionale"
        );
        assert_eq!(key("Œuvre d'Orient"), "oeuvre d orient");
    }
}
