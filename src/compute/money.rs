//! Money figures: like is added to like. Cash and in-kind apart, refused
//! lines out of every total, amounts by year only where a year is given.

use super::Share;
use crate::model::{Decimal, Money, Roadmap, Source, StatutFinancement};
use serde::Serialize;
use std::collections::BTreeMap;

/// An amount of one source with its share of the total.
#[derive(Debug, Clone, Serialize)]
pub struct SourceAmount {
    pub source: Source,
    pub montant: Money,
    pub part: Option<Share>,
}

/// Cash by year (columns) and source (rows); the last column holds the
/// amounts whose year is not given, when there are some.
#[derive(Debug, Default, Serialize)]
pub struct Grid {
    pub annees: Vec<u16>,
    pub sans_annee: bool,
    pub lignes: Vec<(Source, Vec<Money>)>,
    pub totaux: Vec<Money>,
}

/// The leverage of a fund: over its projects with a known total cost, the
/// money raised alongside for the money of the fund.
#[derive(Debug, Clone, Copy, Serialize)]
pub struct Levier {
    pub fonds: Money,
    pub mobilise: Money,
}

#[derive(Debug, Default, Serialize)]
pub struct MoneyFigures {
    /// Cash (every line not in kind), refused lines excluded.
    pub total: Money,
    /// In kind valued in euros.
    pub total_nature: Money,
    pub jours_nature: Option<Decimal>,
    pub etp_nature: Option<Decimal>,
    /// Refused lines, cash and in kind, shown apart.
    pub refuse: Money,
    pub par_action: Vec<Money>,
    pub nature_par_action: Vec<Money>,
    pub par_axe: Vec<Money>,
    pub parts_axe: Vec<Option<Share>>,
    /// Whether a counted cash line finances the action / the axe: without
    /// one, its « 0 € » would state what the sources do not.
    pub action_financee: Vec<bool>,
    pub axe_finance: Vec<bool>,
    pub par_financeur: Vec<SourceAmount>,
    pub par_enveloppe: Vec<Money>,
    pub par_annee: Vec<(u16, Money)>,
    pub sans_annee: Money,
    pub grille: Grid,
    /// Cash by status as written (`None`: not given); refused excluded.
    pub par_statut: Vec<(Option<StatutFinancement>, Money)>,
    /// Sums of the amounts written under `accorde` and `verse`.
    pub accorde: Money,
    pub verse: Money,
    /// Per cercle: the cash of its lines, and each member's amount when
    /// shares are given (largest remainder: they sum to the total).
    pub cercles: Vec<(Money, Option<Vec<Money>>)>,
    pub leviers: Vec<Option<Levier>>,
    /// Budget minus every counted euro (cash and in kind), per action with
    /// a budget: positive is left to finance, negative is over budget.
    pub reste_a_financer: Vec<Option<i64>>,
    /// Cash by recipient, for the lines that name one.
    pub par_recipiendaire: Vec<super::Amount>,
    /// ETP of the posts dated from `debut` to `fin`, by year; and of the
    /// posts without both years.
    pub etp_par_annee: Vec<(u16, Decimal)>,
    pub etp_sans_periode: Option<Decimal>,
}

pub fn money(model: &Roadmap) -> MoneyFigures {
    let n = model.actions.len();
    let mut f = MoneyFigures {
        par_action: vec![Money(0); n],
        nature_par_action: vec![Money(0); n],
        par_axe: vec![Money(0); model.axes.len()],
        action_financee: vec![false; n],
        axe_finance: vec![false; model.axes.len()],
        par_enveloppe: vec![Money(0); model.enveloppes.len()],
        ..MoneyFigures::default()
    };
    let mut par_annee: BTreeMap<u16, Money> = BTreeMap::new();
    let mut par_statut: BTreeMap<Option<StatutFinancement>, Money> = BTreeMap::new();
    let mut par_source: BTreeMap<Source, Money> = BTreeMap::new();
    for l in &model.lignes {
        let total = l.total();
        if !l.compte() {
            f.refuse = f.refuse + total;
            continue;
        }
        if l.en_nature() {
            f.total_nature = f.total_nature + total;
            f.nature_par_action[l.action] = f.nature_par_action[l.action] + total;
            f.jours_nature = add_opt(f.jours_nature, l.jours);
            f.etp_nature = add_opt(f.etp_nature, l.etp);
            continue;
        }
        f.total = f.total + total;
        f.par_action[l.action] = f.par_action[l.action] + total;
        let axe = model.actions[l.action].axe;
        f.par_axe[axe] = f.par_axe[axe] + total;
        f.action_financee[l.action] = true;
        f.axe_finance[axe] = true;
        if let Some(e) = l.enveloppe {
            f.par_enveloppe[e] = f.par_enveloppe[e] + total;
        }
        for (y, mo) in &l.montants {
            match y {
                Some(y) => add(par_annee.entry(*y).or_default(), *mo),
                None => f.sans_annee = f.sans_annee + *mo,
            }
        }
        add(par_statut.entry(l.statut).or_default(), total);
        add(par_source.entry(l.source).or_default(), total);
        f.accorde = f.accorde + l.accorde.unwrap_or_default();
        f.verse = f.verse + l.verse.unwrap_or_default();
    }
    f.parts_axe = f
        .par_axe
        .iter()
        .map(|m| Share::new(m.0 as u64, f.total.0 as u64))
        .collect();
    f.par_annee = par_annee.into_iter().collect();
    f.par_statut = par_statut.into_iter().collect();
    f.par_financeur = by_source(model, &par_source, f.total);
    f.grille = grid(model, &f.par_annee, f.sans_annee > Money(0));
    f.cercles = cercles(model, &par_source);
    f.leviers = model.fonds.iter().map(levier).collect();
    f.reste_a_financer = reste(model, &f);
    f.par_recipiendaire = super::by_acteur(
        model
            .lignes
            .iter()
            .filter(|l| l.compte() && !l.en_nature())
            .filter_map(|l| l.recipiendaire.map(|r| (r, l.total()))),
        f.total,
        model,
    );
    (f.etp_par_annee, f.etp_sans_periode) = etp(model);
    f
}

fn etp(model: &Roadmap) -> (Vec<(u16, Decimal)>, Option<Decimal>) {
    let mut by_year: BTreeMap<u16, Decimal> = BTreeMap::new();
    let mut sans = None;
    for p in &model.postes {
        let Some(e) = p.etp else { continue };
        match (p.debut, p.fin) {
            (Some(d), Some(f)) => {
                for y in d..=f {
                    let slot = by_year.entry(y).or_insert(Decimal::ZERO);
                    *slot = slot.checked_add(e).unwrap_or(*slot);
                }
            }
            _ => sans = add_opt(sans, Some(e)),
        }
    }
    (by_year.into_iter().collect(), sans)
}

fn add(slot: &mut Money, v: Money) {
    *slot = *slot + v;
}

fn add_opt(a: Option<Decimal>, b: Option<Decimal>) -> Option<Decimal> {
    match (a, b) {
        (Some(a), Some(b)) => a.checked_add(b).or(Some(a)),
        (a, b) => a.or(b),
    }
}

/// A source's name, to order equal amounts.
pub fn source_nom(model: &Roadmap, s: Source) -> &str {
    match s {
        Source::Acteur(a) => &model.acteurs[a].nom,
        Source::Cercle(c) => &model.cercles[c].nom,
        Source::Enveloppe(e) => &model.enveloppes[e].libelle,
    }
}

fn by_source(model: &Roadmap, map: &BTreeMap<Source, Money>, total: Money) -> Vec<SourceAmount> {
    let mut v: Vec<SourceAmount> = map
        .iter()
        .map(|(s, m)| SourceAmount {
            source: *s,
            montant: *m,
            part: Share::new(m.0 as u64, total.0 as u64),
        })
        .collect();
    v.sort_by(|a, b| {
        b.montant
            .cmp(&a.montant)
            .then_with(|| source_nom(model, a.source).cmp(source_nom(model, b.source)))
    });
    v
}

fn grid(model: &Roadmap, par_annee: &[(u16, Money)], sans_annee: bool) -> Grid {
    let annees: Vec<u16> = par_annee.iter().map(|(y, _)| *y).collect();
    let width = annees.len() + usize::from(sans_annee);
    let col = |y: Option<u16>| match y {
        Some(y) => annees.iter().position(|a| *a == y),
        None => sans_annee.then_some(annees.len()),
    };
    let mut rows: BTreeMap<Source, Vec<Money>> = BTreeMap::new();
    let mut totaux = vec![Money(0); width];
    for l in model.lignes.iter().filter(|l| l.compte() && !l.en_nature()) {
        let row = rows
            .entry(l.source)
            .or_insert_with(|| vec![Money(0); width]);
        for (y, mo) in &l.montants {
            if let Some(c) = col(*y) {
                add(&mut row[c], *mo);
                add(&mut totaux[c], *mo);
            }
        }
    }
    let mut lignes: Vec<(Source, Vec<Money>)> = rows.into_iter().collect();
    lignes.sort_by(|a, b| source_nom(model, a.0).cmp(source_nom(model, b.0)));
    Grid {
        annees,
        sans_annee,
        lignes,
        totaux,
    }
}

fn cercles(
    model: &Roadmap,
    par_source: &BTreeMap<Source, Money>,
) -> Vec<(Money, Option<Vec<Money>>)> {
    model
        .cercles
        .iter()
        .enumerate()
        .map(|(i, c)| {
            let total = par_source
                .get(&Source::Cercle(i))
                .copied()
                .unwrap_or_default();
            let parts: Option<Vec<Decimal>> = c.membres.iter().map(|(_, p)| *p).collect();
            (total, parts.and_then(|p| split(total, &p)))
        })
        .collect()
}

/// Split `total` by percentages summing to 100, to the cent, by largest
/// remainder so that the parts add up exactly.
pub fn split(total: Money, parts: &[Decimal]) -> Option<Vec<Money>> {
    let scale = parts.iter().map(|p| p.scale).max()?;
    let den = 100i128 * 10i128.pow(u32::from(scale));
    let mut floors = Vec::with_capacity(parts.len());
    let mut rems = Vec::with_capacity(parts.len());
    for p in parts {
        let mant = i128::from(p.mantissa) * 10i128.pow(u32::from(scale - p.scale));
        let exact = i128::from(total.0) * mant;
        floors.push(exact / den);
        rems.push(exact % den);
    }
    let given: i128 = floors.iter().sum();
    let mut left = i128::from(total.0) - given;
    let mut order: Vec<usize> = (0..parts.len()).collect();
    order.sort_by(|a, b| rems[*b].cmp(&rems[*a]).then(a.cmp(b)));
    for i in order {
        if left <= 0 {
            break;
        }
        floors[i] += 1;
        left -= 1;
    }
    floors
        .into_iter()
        .map(|c| i64::try_from(c).ok().map(Money))
        .collect()
}

fn levier(fo: &crate::model::Fonds) -> Option<Levier> {
    let known: Vec<(Money, Money)> = fo
        .appels
        .iter()
        .flat_map(|a| &a.projets)
        .filter_map(|p| p.cout_total.map(|c| (p.montant, c)))
        .collect();
    if known.is_empty() {
        return None;
    }
    let fonds: Money = known.iter().map(|(m, _)| *m).sum();
    let cout: Money = known.iter().map(|(_, c)| *c).sum();
    Some(Levier {
        fonds,
        mobilise: cout - fonds,
    })
}

/// Only for actions with a budget and at least one counted line: a budget
/// whose financing is not described has nothing « left to finance » yet.
fn reste(model: &Roadmap, f: &MoneyFigures) -> Vec<Option<i64>> {
    let mut with_lines = vec![false; model.actions.len()];
    for l in model.lignes.iter().filter(|l| l.compte()) {
        with_lines[l.action] = true;
    }
    model
        .actions
        .iter()
        .enumerate()
        .map(|(i, a)| {
            a.budget.filter(|_| with_lines[i]).map(|b| {
                let got = f.par_action[i] + f.nature_par_action[i];
                b.0.saturating_sub(got.0)
            })
        })
        .collect()
}
