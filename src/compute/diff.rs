//! What changed between two versions of a roadmap: actions (matched by id),
//! statuts, dates, référents and partenaires, money per line, action, axe
//! and in total, indicators. Input of `fdr diff`.

use super::{Computed, compute};
use crate::model::{Decimal, Money, Roadmap};
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet};

#[derive(Debug, Serialize, PartialEq, Eq)]
pub struct Change<T> {
    pub avant: T,
    pub apres: T,
}

#[derive(Debug, Serialize)]
pub struct ActionRef {
    pub id: String,
    pub numero: String,
    pub titre: String,
}

#[derive(Debug, Serialize)]
pub struct ActionChange {
    pub action: ActionRef,
    pub titre: Option<Change<String>>,
    pub numero: Option<Change<String>>,
    pub statut: Option<Change<String>>,
    pub debut: Option<Change<Option<String>>>,
    pub fin: Option<Change<Option<String>>>,
    pub referents_ajoutes: Vec<String>,
    pub referents_retires: Vec<String>,
    pub partenaires_ajoutes: Vec<String>,
    pub partenaires_retires: Vec<String>,
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

/// A money figure before and after, with the signed delta (cents).
#[derive(Debug, Serialize)]
pub struct MoneyChange {
    pub libelle: String,
    pub avant: Money,
    pub apres: Money,
    pub ecart: Money,
}

#[derive(Debug, Serialize)]
pub struct Diff {
    pub actions_ajoutees: Vec<ActionRef>,
    pub actions_retirees: Vec<ActionRef>,
    pub actions_modifiees: Vec<ActionChange>,
    pub lignes: Vec<MoneyChange>,
    pub par_action: Vec<MoneyChange>,
    pub par_axe: Vec<MoneyChange>,
    pub total: Change<Money>,
    pub enveloppes_depassees: Vec<String>,
}

impl Diff {
    pub fn is_empty(&self) -> bool {
        self.actions_ajoutees.is_empty()
            && self.actions_retirees.is_empty()
            && self.actions_modifiees.is_empty()
            && self.lignes.is_empty()
            && self.total.avant == self.total.apres
    }
}

fn aref(m: &Roadmap, ix: usize) -> ActionRef {
    let a = &m.actions[ix];
    ActionRef {
        id: a.id.clone(),
        numero: a.numero.clone(),
        titre: a.titre.clone(),
    }
}

/// Target and measured value of each indicator, by label.
fn indicators(a: &crate::model::Action) -> BTreeMap<&str, (Option<Decimal>, Option<Decimal>)> {
    a.indicateurs
        .iter()
        .map(|i| (i.libelle.as_str(), (i.cible, i.valeur)))
        .collect()
}

fn change<T: PartialEq>(a: T, b: T) -> Option<Change<T>> {
    (a != b).then_some(Change { avant: a, apres: b })
}

fn names(m: &Roadmap, ixs: impl Iterator<Item = usize>) -> BTreeSet<String> {
    ixs.map(|i| m.acteurs[i].nom.clone()).collect()
}

fn money_changes(
    before: BTreeMap<String, Money>,
    after: BTreeMap<String, Money>,
) -> Vec<MoneyChange> {
    let keys: BTreeSet<&String> = before.keys().chain(after.keys()).collect();
    keys.into_iter()
        .filter_map(|k| {
            let a = before.get(k).copied().unwrap_or_default();
            let b = after.get(k).copied().unwrap_or_default();
            (a != b).then(|| MoneyChange {
                libelle: k.clone(),
                avant: a,
                apres: b,
                ecart: b - a,
            })
        })
        .collect()
}

fn line_key(m: &Roadmap, l: &crate::model::Ligne) -> String {
    let a = &m.actions[l.action];
    let mut k = format!(
        "action {} — {} → {}",
        a.numero, m.acteurs[l.financeur].nom, m.acteurs[l.recipiendaire].nom
    );
    if let Some(y) = l.annee {
        k.push_str(&format!(" ({y})"));
    }
    k
}

fn per_line(m: &Roadmap) -> BTreeMap<String, Money> {
    let mut out: BTreeMap<String, Money> = BTreeMap::new();
    for l in &m.lignes {
        let e = out.entry(line_key(m, l)).or_default();
        *e = *e + l.montant;
    }
    out
}

fn per_action(m: &Roadmap, c: &Computed) -> BTreeMap<String, Money> {
    m.actions
        .iter()
        .enumerate()
        .map(|(i, a)| {
            (
                format!("action {} « {} »", a.numero, a.titre),
                c.par_action[i],
            )
        })
        .collect()
}

fn per_axe(m: &Roadmap, c: &Computed) -> BTreeMap<String, Money> {
    m.axes
        .iter()
        .enumerate()
        .map(|(i, a)| (format!("axe {} « {} »", a.numero, a.titre), c.par_axe[i]))
        .collect()
}

pub fn diff(old: &Roadmap, new: &Roadmap) -> Diff {
    let (co, cn) = (compute(old), compute(new));
    let old_ids: BTreeMap<&str, usize> = old
        .actions
        .iter()
        .enumerate()
        .map(|(i, a)| (a.id.as_str(), i))
        .collect();
    let new_ids: BTreeMap<&str, usize> = new
        .actions
        .iter()
        .enumerate()
        .map(|(i, a)| (a.id.as_str(), i))
        .collect();
    let actions_ajoutees = new_ids
        .iter()
        .filter(|(id, _)| !old_ids.contains_key(*id))
        .map(|(_, i)| aref(new, *i))
        .collect();
    let actions_retirees = old_ids
        .iter()
        .filter(|(id, _)| !new_ids.contains_key(*id))
        .map(|(_, i)| aref(old, *i))
        .collect();
    let mut actions_modifiees = Vec::new();
    for (id, &ni) in &new_ids {
        let Some(&oi) = old_ids.get(id) else { continue };
        let (a, b) = (&old.actions[oi], &new.actions[ni]);
        let (ro, rn) = (
            names(old, a.referents.iter().map(|r| r.acteur)),
            names(new, b.referents.iter().map(|r| r.acteur)),
        );
        let (po, pn) = (
            names(old, a.partenaires.iter().copied()),
            names(new, b.partenaires.iter().copied()),
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
        let c = ActionChange {
            action: aref(new, ni),
            titre: change(a.titre.clone(), b.titre.clone()),
            numero: change(a.numero.clone(), b.numero.clone()),
            statut: change(
                crate::render::labels::statut(a.statut).to_string(),
                crate::render::labels::statut(b.statut).to_string(),
            ),
            debut: change(
                a.debut.map(crate::render::fmt::date),
                b.debut.map(crate::render::fmt::date),
            ),
            fin: change(
                a.fin.map(crate::render::fmt::date),
                b.fin.map(crate::render::fmt::date),
            ),
            referents_ajoutes: rn.difference(&ro).cloned().collect(),
            referents_retires: ro.difference(&rn).cloned().collect(),
            partenaires_ajoutes: pn.difference(&po).cloned().collect(),
            partenaires_retires: po.difference(&pn).cloned().collect(),
            indicateurs,
        };
        if !c.is_empty() {
            actions_modifiees.push(c);
        }
    }
    actions_modifiees.sort_by(|a, b| a.action.numero.cmp(&b.action.numero));
    let exceeded = |m: &Roadmap, c: &Computed| -> BTreeSet<String> {
        m.enveloppes
            .iter()
            .enumerate()
            .filter(|(i, e)| c.par_enveloppe[*i] > e.montant)
            .map(|(_, e)| e.libelle.clone())
            .collect()
    };
    let (eo, en) = (exceeded(old, &co), exceeded(new, &cn));
    Diff {
        actions_ajoutees,
        actions_retirees,
        actions_modifiees,
        lignes: money_changes(per_line(old), per_line(new)),
        par_action: money_changes(per_action(old, &co), per_action(new, &cn)),
        par_axe: money_changes(per_axe(old, &co), per_axe(new, &cn)),
        total: Change {
            avant: co.total,
            apres: cn.total,
        },
        enveloppes_depassees: en.difference(&eo).cloned().collect(),
    }
}
