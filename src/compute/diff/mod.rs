//! What changed between two versions of a roadmap: actions (matched by id),
//! statuts, dates, référents and partenaires, money per line, action, axe
//! and in total, indicators. Input of `fdr diff`.
//!
//! Everything is keyed by ids and carries codes (statut `en_cours`, dates
//! as written, acteurs by id): French labels belong to the Markdown
//! renderer. The JSON form is described by `schemas/diff.schema.json`.

mod money;

use super::compute;
use crate::model::{Action, DateFlou, Indicateur, Money, Roadmap, Statut};
pub use money::*;
use serde::Serialize;
use std::cmp::Ordering;
use std::collections::{BTreeMap, BTreeSet};

#[derive(Debug, Serialize, PartialEq, Eq)]
pub struct Change<T> {
    pub avant: T,
    pub apres: T,
}

#[derive(Debug, Clone, Serialize)]
pub struct ActionRef {
    pub id: String,
    pub numero: String,
    pub titre: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct AxeRef {
    pub id: String,
    pub numero: u32,
    pub titre: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct EnveloppeRef {
    pub id: String,
    pub libelle: String,
}

#[derive(Debug, Serialize)]
pub struct ActionChange {
    pub action: ActionRef,
    pub titre: Option<Change<String>>,
    pub numero: Option<Change<String>>,
    pub statut: Option<Change<Statut>>,
    pub debut: Option<Change<Option<DateFlou>>>,
    pub fin: Option<Change<Option<DateFlou>>>,
    /// Acteur ids.
    pub referents_ajoutes: Vec<String>,
    pub referents_retires: Vec<String>,
    pub partenaires_ajoutes: Vec<String>,
    pub partenaires_retires: Vec<String>,
    /// Labels of the indicators whose target or value changed.
    pub indicateurs: Vec<String>,
}

impl ActionChange {
    fn is_empty(&self) -> bool {
        self.titre.is_none()
            && self.numero.is_none()
            && self.statut.is_none()
            && self.debut.is_none()
            && self.fin.is_none()
            && self.referents_ajoutes.is_empty()
            && self.referents_retires.is_empty()
            && self.partenaires_ajoutes.is_empty()
            && self.partenaires_retires.is_empty()
            && self.indicateurs.is_empty()
    }
}

#[derive(Debug, Serialize)]
pub struct Diff {
    pub actions_ajoutees: Vec<ActionRef>,
    pub actions_retirees: Vec<ActionRef>,
    pub actions_modifiees: Vec<ActionChange>,
    pub lignes: Vec<LineChange>,
    pub par_action: Vec<ActionMoney>,
    pub par_axe: Vec<AxeMoney>,
    pub par_annee: Vec<YearMoney>,
    pub par_financeur: Vec<SourceMoney>,
    pub statuts: Vec<StatusChange>,
    pub total: Amounts,
    pub enveloppes_depassees: Vec<EnveloppeRef>,
    /// Name of every acteur the diff cites, by id (the new version's name when both have it).
    pub acteurs: BTreeMap<String, String>,
}

impl Diff {
    pub fn is_empty(&self) -> bool {
        self.actions_ajoutees.is_empty()
            && self.actions_retirees.is_empty()
            && self.actions_modifiees.is_empty()
            && self.lignes.is_empty()
            && self.par_action.is_empty()
            && self.par_axe.is_empty()
            && self.par_annee.is_empty()
            && self.par_financeur.is_empty()
            && self.statuts.is_empty()
            && self.total.avant == self.total.apres
            && self.enveloppes_depassees.is_empty()
    }
}

/// Order of action numbers: `1.2` before `1.10`, numbers before words.
pub fn cmp_numero(a: &str, b: &str) -> Ordering {
    let key = |s: &str| -> Vec<(u64, String)> {
        s.split('.')
            .map(|p| match p.parse::<u64>() {
                Ok(n) => (n, String::new()),
                Err(_) => (u64::MAX, p.to_string()),
            })
            .collect()
    };
    key(a).cmp(&key(b)).then_with(|| a.cmp(b))
}

fn aref(a: &Action) -> ActionRef {
    ActionRef {
        id: a.id.clone(),
        numero: a.numero.clone(),
        titre: a.titre.clone(),
    }
}

/// Each indicator (baseline, targets, measurements…), by label.
fn indicators(a: &Action) -> BTreeMap<&str, &Indicateur> {
    a.indicateurs
        .iter()
        .map(|i| (i.libelle.as_str(), i))
        .collect()
}

fn change<T: PartialEq>(a: T, b: T) -> Option<Change<T>> {
    (a != b).then_some(Change { avant: a, apres: b })
}

fn ids(m: &Roadmap, ixs: impl Iterator<Item = usize>) -> BTreeSet<String> {
    ixs.filter_map(|i| m.acteurs.get(i).map(|a| a.id.clone()))
        .collect()
}

/// Pairs of (before, after) for every key of either map that changed.
pub(super) fn changed<K: Ord + Clone>(
    before: &BTreeMap<K, Money>,
    after: &BTreeMap<K, Money>,
) -> Vec<(K, Amounts)> {
    let keys: BTreeSet<&K> = before.keys().chain(after.keys()).collect();
    keys.into_iter()
        .filter_map(|k| {
            let a = before.get(k).copied().unwrap_or_default();
            let b = after.get(k).copied().unwrap_or_default();
            (a != b).then(|| (k.clone(), Amounts::new(a, b)))
        })
        .collect()
}

/// The action of that id, as the new version names it, else the old one.
pub(super) fn find_action(old: &Roadmap, new: &Roadmap, id: &str) -> ActionRef {
    new.actions
        .iter()
        .chain(&old.actions)
        .find(|a| a.id == id)
        .map(aref)
        .unwrap_or_else(|| ActionRef {
            id: id.to_string(),
            numero: String::new(),
            titre: String::new(),
        })
}

pub(super) fn find_axe(old: &Roadmap, new: &Roadmap, id: &str) -> AxeRef {
    let found = new.axes.iter().chain(&old.axes).find(|a| a.id == id);
    AxeRef {
        id: id.to_string(),
        numero: found.map_or(0, |a| a.numero),
        titre: found.map(|a| a.titre.clone()).unwrap_or_default(),
    }
}

fn action_change(old: &Roadmap, a: &Action, new: &Roadmap, b: &Action) -> ActionChange {
    let (ro, rn) = (
        ids(old, a.referents.iter().map(|r| r.acteur)),
        ids(new, b.referents.iter().map(|r| r.acteur)),
    );
    let (po, pn) = (
        ids(old, a.partenaires.iter().copied()),
        ids(new, b.partenaires.iter().copied()),
    );
    let (ind_o, ind_n) = (indicators(a), indicators(b));
    let indicateurs = ind_o
        .keys()
        .chain(ind_n.keys())
        .collect::<BTreeSet<_>>()
        .into_iter()
        .filter(|k| ind_o.get(*k) != ind_n.get(*k))
        .map(|k| k.to_string())
        .collect();
    ActionChange {
        action: aref(b),
        titre: change(a.titre.clone(), b.titre.clone()),
        numero: change(a.numero.clone(), b.numero.clone()),
        statut: change(a.statut, b.statut),
        debut: change(a.debut, b.debut),
        fin: change(a.fin, b.fin),
        referents_ajoutes: rn.difference(&ro).cloned().collect(),
        referents_retires: ro.difference(&rn).cloned().collect(),
        partenaires_ajoutes: pn.difference(&po).cloned().collect(),
        partenaires_retires: po.difference(&pn).cloned().collect(),
        indicateurs,
    }
}

pub(super) fn by_numero(a: &ActionRef, b: &ActionRef) -> Ordering {
    cmp_numero(&a.numero, &b.numero).then_with(|| a.id.cmp(&b.id))
}

/// Added, removed and changed actions, each in number order.
type ActionDiff = (Vec<ActionRef>, Vec<ActionRef>, Vec<ActionChange>);

fn actions(old: &Roadmap, new: &Roadmap) -> ActionDiff {
    let index = |m: &Roadmap| -> BTreeMap<String, usize> {
        m.actions
            .iter()
            .enumerate()
            .map(|(i, a)| (a.id.clone(), i))
            .collect()
    };
    let (old_ids, new_ids) = (index(old), index(new));
    let mut added: Vec<ActionRef> = new
        .actions
        .iter()
        .filter(|a| !old_ids.contains_key(&a.id))
        .map(aref)
        .collect();
    let mut removed: Vec<ActionRef> = old
        .actions
        .iter()
        .filter(|a| !new_ids.contains_key(&a.id))
        .map(aref)
        .collect();
    let mut changed: Vec<ActionChange> = new
        .actions
        .iter()
        .filter_map(|b| {
            let a = old.actions.get(*old_ids.get(&b.id)?)?;
            Some(action_change(old, a, new, b))
        })
        .filter(|c| !c.is_empty())
        .collect();
    added.sort_by(by_numero);
    removed.sort_by(by_numero);
    changed.sort_by(|a, b| by_numero(&a.action, &b.action));
    (added, removed, changed)
}

/// Names of the acteurs `d` cites, by id; the new version's name wins.
fn cited_names(old: &Roadmap, new: &Roadmap, d: &Diff) -> BTreeMap<String, String> {
    let cited: BTreeSet<&String> = d
        .actions_modifiees
        .iter()
        .flat_map(|c| {
            c.referents_ajoutes
                .iter()
                .chain(&c.referents_retires)
                .chain(&c.partenaires_ajoutes)
                .chain(&c.partenaires_retires)
        })
        .chain(
            d.lignes
                .iter()
                .flat_map(|l| [&l.financeur, &l.recipiendaire]),
        )
        .chain(d.par_financeur.iter().map(|s| &s.financeur))
        .chain(
            d.statuts
                .iter()
                .flat_map(|l| [&l.financeur, &l.recipiendaire]),
        )
        .collect();
    let acteurs = |m: &Roadmap| -> Vec<(String, String)> {
        m.acteurs
            .iter()
            .map(|a| (a.id.clone(), a.nom.clone()))
            .chain(source_names(m))
            .collect()
    };
    acteurs(old)
        .into_iter()
        .chain(acteurs(new))
        .filter(|(id, _)| cited.contains(id))
        .collect()
}

pub fn diff(old: &Roadmap, new: &Roadmap) -> Diff {
    let (co, cn) = (compute(old), compute(new));
    let mut d = money_rows(old, &co, new, &cn);
    (d.actions_ajoutees, d.actions_retirees, d.actions_modifiees) = actions(old, new);
    let (eo, en) = (exceeded(old, &co), exceeded(new, &cn));
    d.enveloppes_depassees = en
        .into_iter()
        .filter(|(id, _)| !eo.contains_key(id))
        .map(|(id, libelle)| EnveloppeRef { id, libelle })
        .collect();
    d.acteurs = cited_names(old, new, &d);
    d
}

#[cfg(test)]
mod tests {
    use super::cmp_numero;
    use std::cmp::Ordering;

    #[test]
    fn numbers_sort_numerically() {
        assert_eq!(cmp_numero("1.2", "1.10"), Ordering::Less);
        assert_eq!(cmp_numero("2.1", "10.1"), Ordering::Less);
        assert_eq!(cmp_numero("1.1", "1.1"), Ordering::Equal);
        assert_eq!(cmp_numero("1.9", "1.x"), Ordering::Less);
    }
}
