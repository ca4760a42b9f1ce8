//! Compute stage: every figure the document shows that can be derived from
//! the sources — totals, shares, counts — computed once, here.

pub mod bilan;
pub mod diff;
pub mod indicateurs;
pub mod money;
pub mod synthese;

pub use indicateurs::cmp_decimal;

use crate::model::{ActeurIx, Categorie, Cellule, Money, Roadmap, Statut};
use serde::Serialize;
use std::collections::BTreeMap;

/// A share `num / den`, kept exact; shown rounded to one decimal.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Share {
    pub num: u64,
    pub den: u64,
}

impl Share {
    pub fn new(num: u64, den: u64) -> Option<Share> {
        (den > 0).then_some(Share { num, den })
    }

    /// Tenths of a percent, rounded half up.
    pub fn per_mille(&self) -> u64 {
        ((self.num as u128 * 2000 + self.den as u128) / (self.den as u128 * 2)) as u64
    }
}

impl Serialize for Share {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let pm = self.per_mille();
        s.serialize_str(&format!("{}.{}", pm / 10, pm % 10))
    }
}

#[derive(Debug, Serialize)]
pub struct Amount {
    pub acteur: ActeurIx,
    pub montant: Money,
    pub part: Option<Share>,
}

#[derive(Debug, Serialize)]
pub struct TableTotals {
    /// Per row: the sum of its numeric cells (when a total column is asked).
    pub par_ligne: Vec<Option<i64>>,
    /// Per column: the sum of its numeric cells (when a total row is asked).
    pub par_colonne: Vec<Option<i64>>,
    /// Sum of the total column.
    pub general: Option<i64>,
}

#[derive(Debug, Serialize)]
pub struct Computed {
    pub argent: money::MoneyFigures,
    pub population_totale: u64,
    pub parts_epci: Vec<Option<Share>>,
    pub communes_population: u64,
    pub communes_fragile: u64,
    pub communes_parts: Vec<Option<Share>>,
    pub communes_part_totale: Option<Share>,
    /// Participants of the concertation by category, in category order.
    pub participants_par_categorie: Vec<(Categorie, usize)>,
    pub participants_publics: usize,
    pub participants_prives: usize,
    pub actions_par_statut: Vec<(Statut, usize)>,
    pub tableaux: Vec<TableTotals>,
    /// Meetings of the concertation and of the instances.
    pub nombre_reunions: usize,
    /// Figures of the roadmap's indicators, then of each action's, with
    /// every measurement known (a progress report computes them at its date).
    pub indicateurs: Vec<indicateurs::IndicatorFigures>,
    pub indicateurs_actions: Vec<Vec<indicateurs::IndicatorFigures>>,
    /// The figures of each sub-roadmap, as of a roadmap of its own.
    pub sous_feuilles: Vec<Computed>,
}

pub(crate) fn by_acteur(
    items: impl Iterator<Item = (ActeurIx, Money)>,
    total: Money,
    model: &Roadmap,
) -> Vec<Amount> {
    let mut map: BTreeMap<ActeurIx, Money> = BTreeMap::new();
    for (a, m) in items {
        *map.entry(a).or_default() = map.get(&a).copied().unwrap_or_default() + m;
    }
    let mut v: Vec<Amount> = map
        .into_iter()
        .map(|(acteur, montant)| Amount {
            acteur,
            montant,
            part: Share::new(montant.0 as u64, total.0 as u64),
        })
        .collect();
    v.sort_by(|a, b| {
        b.montant.cmp(&a.montant).then_with(|| {
            model.acteurs[a.acteur]
                .nom
                .cmp(&model.acteurs[b.acteur].nom)
        })
    });
    v
}

// Sums below never wrap nor panic. The validate stage reports any total
// that leaves its type (`validate::totals`) and compute only runs on a
// model free of errors, so the saturation is never reached in practice.

/// Sum of table cells, exact in `i128`, then kept within `i64`.
fn sum_i64(nums: Vec<i64>) -> i64 {
    let exact: i128 = nums.into_iter().map(i128::from).sum();
    i64::try_from(exact).unwrap_or(if exact < 0 { i64::MIN } else { i64::MAX })
}

/// Sum of populations, saturating at `u64::MAX`.
fn sum_u64(values: impl Iterator<Item = u64>) -> u64 {
    values.fold(0, u64::saturating_add)
}

fn table_totals(t: &crate::model::Tableau) -> TableTotals {
    let num = |c: &Cellule| match c {
        Cellule::Nombre(n) => Some(*n),
        _ => None,
    };
    let par_ligne: Vec<Option<i64>> = t
        .lignes
        .iter()
        .map(|r| {
            t.colonne_total.as_ref()?;
            let nums: Vec<i64> = r.iter().filter_map(num).collect();
            (!nums.is_empty()).then(|| sum_i64(nums))
        })
        .collect();
    let par_colonne = (0..t.colonnes.len())
        .map(|c| {
            t.ligne_total.as_ref()?;
            let nums: Vec<i64> = t
                .lignes
                .iter()
                .filter_map(|r| r.get(c).and_then(num))
                .collect();
            (!nums.is_empty()).then(|| sum_i64(nums))
        })
        .collect();
    let general = match (&t.colonne_total, &t.ligne_total) {
        (Some(_), Some(_)) => Some(sum_i64(par_ligne.iter().flatten().copied().collect())),
        _ => None,
    };
    TableTotals {
        par_ligne,
        par_colonne,
        general,
    }
}

/// Population of the exposed communes, their fragile population, each
/// commune's share and the share of those whose fragile figure is known.
fn communes_figures(model: &Roadmap) -> (u64, u64, Vec<Option<Share>>, Option<Share>) {
    let communes = model
        .territoire
        .communes
        .as_ref()
        .map(|c| c.lignes.as_slice())
        .unwrap_or(&[]);
    let communes_population = sum_u64(communes.iter().map(|c| c.population));
    let communes_fragile = sum_u64(communes.iter().filter_map(|c| c.population_fragile));
    let communes_parts = communes
        .iter()
        .map(|c| {
            c.population_fragile
                .and_then(|f| Share::new(f, c.population))
        })
        .collect();
    // The share only counts communes whose fragile population is known.
    let known_population = sum_u64(
        communes
            .iter()
            .filter(|c| c.population_fragile.is_some())
            .map(|c| c.population),
    );
    let communes_part_totale = Share::new(communes_fragile, known_population);
    (
        communes_population,
        communes_fragile,
        communes_parts,
        communes_part_totale,
    )
}

/// Participating structures by category, then how many are public and
/// private.
fn participants(model: &Roadmap) -> (BTreeMap<Categorie, usize>, usize, usize) {
    let mut cats: BTreeMap<Categorie, usize> = BTreeMap::new();
    for p in &model.concertation.participants {
        *cats.entry(model.acteurs[*p].categorie).or_default() += 1;
    }
    let side = |s: crate::model::Secteur| {
        model
            .concertation
            .participants
            .iter()
            .filter(|p| model.acteurs[**p].secteur == Some(s))
            .count()
    };
    let participants_publics = side(crate::model::Secteur::Public);
    let participants_prives = side(crate::model::Secteur::Prive);
    (cats, participants_publics, participants_prives)
}

pub fn compute(model: &Roadmap) -> Computed {
    let epci = model
        .territoire
        .populations
        .as_ref()
        .map(|p| p.epci.as_slice())
        .unwrap_or(&[]);
    let population_totale = sum_u64(epci.iter().map(|e| e.population));
    let parts_epci = epci
        .iter()
        .map(|e| Share::new(e.population, population_totale))
        .collect();

    let (communes_population, communes_fragile, communes_parts, communes_part_totale) =
        communes_figures(model);

    let (cats, participants_publics, participants_prives) = participants(model);
    let mut statuts: BTreeMap<Statut, usize> = BTreeMap::new();
    for a in &model.actions {
        *statuts.entry(a.statut).or_default() += 1;
    }
    let nombre_reunions = model.concertation.reunions.len()
        + model
            .gouvernance
            .instances
            .iter()
            .map(|i| i.reunions.len())
            .sum::<usize>();
    Computed {
        argent: money::money(model),
        population_totale,
        parts_epci,
        communes_population,
        communes_fragile,
        communes_parts,
        communes_part_totale,
        participants_par_categorie: cats.into_iter().collect(),
        participants_publics,
        participants_prives,
        actions_par_statut: statuts.into_iter().collect(),
        tableaux: model.territoire.tableaux.iter().map(table_totals).collect(),
        nombre_reunions,
        indicateurs: model
            .indicateurs
            .iter()
            .map(|i| indicateurs::figures(i, None))
            .collect(),
        indicateurs_actions: model
            .actions
            .iter()
            .map(|a| {
                a.indicateurs
                    .iter()
                    .map(|i| indicateurs::figures(i, None))
                    .collect()
            })
            .collect(),
        sous_feuilles: model
            .sous_feuilles
            .iter()
            .map(|s| compute(&s.feuille))
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shares_round_half_up() {
        assert_eq!(Share::new(1_911_311, 2_082_886).unwrap().per_mille(), 918);
        assert_eq!(Share::new(27_712, 2_082_886).unwrap().per_mille(), 13);
        assert_eq!(Share::new(1, 8).unwrap().per_mille(), 125);
        assert_eq!(Share::new(1, 0), None);
    }
}
