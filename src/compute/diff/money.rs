//! Money in a diff: per line, action, axe, year and funder, status moves,
//! and envelopes newly overrun. Refused lines count nowhere, as in the
//! document.

use super::{ActionRef, AxeRef, Diff, by_numero, changed, find_action, find_axe};
use crate::compute::Computed;
use crate::compute::money::source_nom;
use crate::model::{Money, Roadmap, Source, StatutFinancement};
use serde::Serialize;
use std::collections::BTreeMap;

/// A money figure before and after, with the signed delta (cents).
#[derive(Debug, Clone, Copy, Serialize, PartialEq, Eq)]
pub struct Amounts {
    pub avant: Money,
    pub apres: Money,
    pub ecart: Money,
}

impl Amounts {
    pub(super) fn new(avant: Money, apres: Money) -> Amounts {
        Amounts {
            avant,
            apres,
            ecart: apres - avant,
        }
    }
}

/// One financing line: same action, source, récipiendaire and year.
#[derive(Debug, Serialize)]
pub struct LineChange {
    pub action: ActionRef,
    /// Id of the funder (acteur), cercle or envelope the money comes from.
    pub financeur: String,
    /// Acteur id, empty when the line names none.
    pub recipiendaire: String,
    pub annee: Option<u16>,
    #[serde(flatten)]
    pub montant: Amounts,
}

#[derive(Debug, Serialize)]
pub struct ActionMoney {
    pub action: ActionRef,
    #[serde(flatten)]
    pub montant: Amounts,
}

#[derive(Debug, Serialize)]
pub struct AxeMoney {
    pub axe: AxeRef,
    #[serde(flatten)]
    pub montant: Amounts,
}

/// Cash of one year (`None`: lines without a year).
#[derive(Debug, Serialize)]
pub struct YearMoney {
    pub annee: Option<u16>,
    #[serde(flatten)]
    pub montant: Amounts,
}

/// Cash of one source: funder (acteur), cercle or envelope, by id.
#[derive(Debug, Serialize)]
pub struct SourceMoney {
    pub financeur: String,
    #[serde(flatten)]
    pub montant: Amounts,
}

/// A line whose status moved (`accorde` → `verse`); `None` is a status
/// not given.
#[derive(Debug, Serialize)]
pub struct StatusChange {
    pub action: ActionRef,
    pub financeur: String,
    pub recipiendaire: String,
    pub avant: Option<StatutFinancement>,
    pub apres: Option<StatutFinancement>,
}

/// (action id, source id, récipiendaire id, year).
type LineKey = (String, String, String, Option<u16>);

pub(super) fn source_id(m: &Roadmap, s: Source) -> String {
    match s {
        Source::Acteur(a) => m.acteurs.get(a).map(|x| x.id.clone()),
        Source::Cercle(c) => m.cercles.get(c).map(|x| x.id.clone()),
        Source::Enveloppe(e) => m.enveloppes.get(e).map(|x| x.id.clone()),
    }
    .unwrap_or_default()
}

fn recipient_id(m: &Roadmap, r: Option<usize>) -> String {
    r.and_then(|r| m.acteurs.get(r))
        .map(|a| a.id.clone())
        .unwrap_or_default()
}

/// Counted cash, per line part (one per year).
fn per_line(m: &Roadmap) -> BTreeMap<LineKey, Money> {
    let mut out: BTreeMap<LineKey, Money> = BTreeMap::new();
    for l in m.lignes.iter().filter(|l| l.compte() && !l.en_nature()) {
        let Some(a) = m.actions.get(l.action) else {
            continue;
        };
        for (y, mo) in &l.montants {
            let key = (
                a.id.clone(),
                source_id(m, l.source),
                recipient_id(m, l.recipiendaire),
                *y,
            );
            let e = out.entry(key).or_default();
            *e = *e + *mo;
        }
    }
    out
}

/// (action id, source id, récipiendaire id) → statuses of its lines.
type StatusKey = (String, String, String);

fn statuses(m: &Roadmap) -> BTreeMap<StatusKey, Vec<Option<StatutFinancement>>> {
    let mut out: BTreeMap<StatusKey, Vec<_>> = BTreeMap::new();
    for l in &m.lignes {
        let Some(a) = m.actions.get(l.action) else {
            continue;
        };
        out.entry((
            a.id.clone(),
            source_id(m, l.source),
            recipient_id(m, l.recipiendaire),
        ))
        .or_default()
        .push(l.statut);
    }
    out
}

/// Lines found once on each side (same action, source and recipient)
/// whose status moved.
fn status_moves(old: &Roadmap, new: &Roadmap) -> Vec<StatusChange> {
    let (so, sn) = (statuses(old), statuses(new));
    let mut out: Vec<StatusChange> = so
        .iter()
        .filter_map(|(k, before)| {
            let after = sn.get(k)?;
            match (before.as_slice(), after.as_slice()) {
                ([b], [a]) if a != b => Some(StatusChange {
                    action: find_action(old, new, &k.0),
                    financeur: k.1.clone(),
                    recipiendaire: k.2.clone(),
                    avant: *b,
                    apres: *a,
                }),
                _ => None,
            }
        })
        .collect();
    out.sort_by(|a, b| by_numero(&a.action, &b.action).then_with(|| a.financeur.cmp(&b.financeur)));
    out
}

fn per_year(c: &Computed) -> BTreeMap<Option<u16>, Money> {
    let mut out: BTreeMap<Option<u16>, Money> = c
        .argent
        .par_annee
        .iter()
        .map(|(y, m)| (Some(*y), *m))
        .collect();
    if c.argent.sans_annee > Money(0) {
        out.insert(None, c.argent.sans_annee);
    }
    out
}

fn per_source(m: &Roadmap, c: &Computed) -> BTreeMap<String, Money> {
    c.argent
        .par_financeur
        .iter()
        .map(|s| (source_id(m, s.source), s.montant))
        .collect()
}

/// Names of the cercles and envelopes by id, for the diff's name table.
pub(super) fn source_names(m: &Roadmap) -> impl Iterator<Item = (String, String)> + '_ {
    (0..m.cercles.len())
        .map(Source::Cercle)
        .chain((0..m.enveloppes.len()).map(Source::Enveloppe))
        .map(|s| (source_id(m, s), source_nom(m, s).to_string()))
}

fn per_action(m: &Roadmap, c: &Computed) -> BTreeMap<String, Money> {
    m.actions
        .iter()
        .zip(&c.argent.par_action)
        .map(|(a, money)| (a.id.clone(), *money))
        .collect()
}

fn per_axe(m: &Roadmap, c: &Computed) -> BTreeMap<String, Money> {
    m.axes
        .iter()
        .zip(&c.argent.par_axe)
        .map(|(a, money)| (a.id.clone(), *money))
        .collect()
}

pub(super) fn exceeded(m: &Roadmap, c: &Computed) -> BTreeMap<String, String> {
    m.enveloppes
        .iter()
        .zip(&c.argent.par_enveloppe)
        .filter(|(e, spent)| e.montant_effectif().is_some_and(|t| **spent > t))
        .map(|(e, _)| (e.id.clone(), e.libelle.clone()))
        .collect()
}

pub(super) fn money_rows(old: &Roadmap, co: &Computed, new: &Roadmap, cn: &Computed) -> Diff {
    let mut lignes: Vec<LineChange> = changed(&per_line(old), &per_line(new))
        .into_iter()
        .map(
            |((action, financeur, recipiendaire, annee), montant)| LineChange {
                action: find_action(old, new, &action),
                financeur,
                recipiendaire,
                annee,
                montant,
            },
        )
        .collect();
    lignes.sort_by(|a, b| {
        by_numero(&a.action, &b.action)
            .then_with(|| a.financeur.cmp(&b.financeur))
            .then_with(|| a.recipiendaire.cmp(&b.recipiendaire))
            .then_with(|| a.annee.cmp(&b.annee))
    });
    let mut par_action: Vec<ActionMoney> = changed(&per_action(old, co), &per_action(new, cn))
        .into_iter()
        .map(|(id, montant)| ActionMoney {
            action: find_action(old, new, &id),
            montant,
        })
        .collect();
    par_action.sort_by(|a, b| by_numero(&a.action, &b.action));
    let mut par_axe: Vec<AxeMoney> = changed(&per_axe(old, co), &per_axe(new, cn))
        .into_iter()
        .map(|(id, montant)| AxeMoney {
            axe: find_axe(old, new, &id),
            montant,
        })
        .collect();
    par_axe.sort_by(|a, b| (a.axe.numero, &a.axe.id).cmp(&(b.axe.numero, &b.axe.id)));
    let mut par_annee: Vec<YearMoney> = changed(&per_year(co), &per_year(cn))
        .into_iter()
        .map(|(annee, montant)| YearMoney { annee, montant })
        .collect();
    // Without a year on either side, « année non précisée » only repeats the total.
    if par_annee.iter().all(|y| y.annee.is_none()) {
        par_annee.clear();
    }
    let mut par_financeur: Vec<SourceMoney> = changed(&per_source(old, co), &per_source(new, cn))
        .into_iter()
        .map(|(financeur, montant)| SourceMoney { financeur, montant })
        .collect();
    par_financeur.sort_by(|a, b| {
        b.montant
            .ecart
            .0
            .abs()
            .cmp(&a.montant.ecart.0.abs())
            .then_with(|| a.financeur.cmp(&b.financeur))
    });
    Diff {
        par_annee,
        par_financeur,
        statuts: status_moves(old, new),
        actions_ajoutees: Vec::new(),
        actions_retirees: Vec::new(),
        actions_modifiees: Vec::new(),
        lignes,
        par_action,
        par_axe,
        total: Amounts::new(co.argent.total, cn.argent.total),
        enveloppes_depassees: Vec::new(),
        acteurs: BTreeMap::new(),
    }
}
