//! The sheets of computed figures, export only: money by year and by
//! funder (cash, refused lines left out, as in the document), indicators
//! with their figures, and every dated value of every indicator.

use super::{Cell, Sheet};
use crate::compute::indicateurs::IndicatorFigures;
use crate::compute::{Computed, money::source_nom};
use crate::model::{Decimal, Indicateur, Money, Roadmap};
use crate::render::{fmt::ucfirst, labels};
use std::collections::BTreeMap;

/// Cash by year and the ETP of the posts by year; a last row for the
/// amounts and posts without a year, when there are some.
pub fn par_annee(c: &Computed) -> Sheet {
    let mut s = Sheet::new("Par année", &["Année", "Financements (€)", "ETP"]);
    let a = &c.argent;
    let mut years: BTreeMap<u16, (Option<Money>, Option<Decimal>)> = BTreeMap::new();
    for (y, m) in &a.par_annee {
        years.entry(*y).or_default().0 = Some(*m);
    }
    for (y, e) in &a.etp_par_annee {
        years.entry(*y).or_default().1 = Some(*e);
    }
    for (y, (m, e)) in years {
        s.rows.push(vec![
            Cell::Int(y.into()),
            Cell::opt_euros(m),
            Cell::opt_decimal(e),
        ]);
    }
    let sans = Some(a.sans_annee).filter(|m| m.0 != 0);
    if sans.is_some() || a.etp_sans_periode.is_some() {
        s.rows.push(vec![
            Cell::text("Sans année"),
            Cell::opt_euros(sans),
            Cell::opt_decimal(a.etp_sans_periode),
        ]);
    }
    s
}

/// Cash by funder (structure, cercle or envelope), largest first.
pub fn par_financeur(m: &Roadmap, c: &Computed) -> Sheet {
    let mut s = Sheet::new("Par financeur", &["Financeur", "Montant (€)", "Part (%)"]);
    for f in &c.argent.par_financeur {
        s.rows.push(vec![
            Cell::text(source_nom(m, f.source)),
            Cell::Euros(f.montant),
            f.part
                .map_or(Cell::Empty, |p| Cell::Percent(p.per_mille().into())),
        ]);
    }
    s
}

/// Where an indicator is: the roadmap's (`None`) or an action's, and its
/// rank there.
type Place = (Option<usize>, usize);

/// Every indicator: the roadmap's first, then each action's (with its
/// number).
fn all(m: &Roadmap) -> impl Iterator<Item = (&str, &Indicateur, Place)> {
    let roadmap = m
        .indicateurs
        .iter()
        .enumerate()
        .map(|(k, i)| ("", i, (None, k)));
    let actions = m.actions.iter().enumerate().flat_map(|(a, action)| {
        action
            .indicateurs
            .iter()
            .enumerate()
            .map(move |(k, i)| (action.numero.as_str(), i, (Some(a), k)))
    });
    roadmap.chain(actions)
}

fn figures_at(c: &Computed, (a, k): Place) -> Option<&IndicatorFigures> {
    match a {
        None => c.indicateurs.get(k),
        Some(a) => c.indicateurs_actions.get(a).and_then(|v| v.get(k)),
    }
}

/// One row per indicator: baseline, the target progress is measured
/// toward, the latest value, progress and trend.
pub fn indicateurs(m: &Roadmap, c: &Computed) -> Sheet {
    let mut s = Sheet::new(
        "Indicateurs",
        &[
            "Action",
            "Identifiant",
            "Indicateur",
            "Unité",
            "Sens",
            "Référence",
            "Date de référence",
            "Cible",
            "Échéance",
            "Dernière valeur",
            "Date de la dernière valeur",
            "Progression (%)",
            "Tendance",
        ],
    );
    for (action, i, place) in all(m) {
        let f = figures_at(c, place);
        let cible = f.and_then(|f| f.cible).and_then(|k| i.cibles.get(k));
        let derniere = f.and_then(|f| f.derniere);
        s.rows.push(vec![
            Cell::opt_text(Some(action).filter(|a| !a.is_empty())),
            Cell::opt_text(i.id.as_deref()),
            Cell::text(&i.libelle),
            Cell::opt_text(i.unite.as_deref()),
            Cell::opt_text(i.sens.map(|x| ucfirst(labels::sens(x)))),
            Cell::opt_decimal(i.reference.as_ref().map(|r| r.valeur)),
            Cell::opt_date(i.reference.as_ref().map(|r| r.date)),
            Cell::opt_decimal(cible.map(|k| k.valeur)),
            Cell::opt_date(cible.and_then(|k| k.date)),
            Cell::opt_decimal(derniere.map(|d| d.valeur)),
            Cell::opt_date(derniere.and_then(|d| d.date)),
            f.and_then(|f| f.progression)
                .map_or(Cell::Empty, |p| Cell::Percent(p.per_mille())),
            Cell::opt_text(
                f.and_then(|f| f.tendance)
                    .map(|t| ucfirst(labels::tendance(t))),
            ),
        ]);
    }
    s
}

/// Every value of every indicator, one row each: the baseline, each
/// measurement, each target.
pub fn mesures(m: &Roadmap) -> Sheet {
    let mut s = Sheet::new(
        "Mesures",
        &[
            "Action",
            "Indicateur",
            "Type",
            "Date",
            "Valeur",
            "Source",
            "Commentaire",
        ],
    );
    for (action, i, _) in all(m) {
        let row = |genre: &str, date: Cell, valeur, source: Option<&String>, commentaire| {
            vec![
                Cell::opt_text(Some(action).filter(|a| !a.is_empty())),
                Cell::text(&i.libelle),
                Cell::text(genre),
                date,
                Cell::Decimal(valeur),
                Cell::opt_text(source),
                Cell::opt_text(commentaire),
            ]
        };
        let releves = i
            .reference
            .iter()
            .map(|r| ("Référence", r))
            .chain(i.mesures.iter().map(|r| ("Mesure", r)));
        for (genre, r) in releves {
            let c = r.commentaire.as_ref();
            s.rows.push(row(
                genre,
                Cell::date(r.date),
                r.valeur,
                r.source.as_ref(),
                c,
            ));
        }
        if let Some(v) = i.valeur {
            s.rows
                .push(row("Mesure", Cell::Empty, v, i.source.as_ref(), None));
        }
        for k in &i.cibles {
            s.rows
                .push(row("Cible", Cell::opt_date(k.date), k.valeur, None, None));
        }
    }
    s
}
