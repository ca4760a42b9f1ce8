//! « Ce qui a changé depuis le dernier COPIL »: the diff between the
//! revision of the last report and today's sources (`compute::diff`, the
//! machinery of `fdr diff`), in French plain text that each template
//! escapes for its format.

use crate::compute::bilan::NouvelleMesure;
use crate::compute::diff::{ActionRef, Amounts, Change, Diff};
use crate::model::{DateFlou, Roadmap, StatutFinancement};
use crate::render::view::indicateurs::qty;
use crate::render::{fmt, labels};
use serde::Serialize;

#[derive(Debug, Serialize, schemars::JsonSchema)]
pub struct EcartV {
    pub libelle: String,
    pub avant: String,
    pub apres: String,
    pub ecart: String,
}

#[derive(Debug, Serialize, schemars::JsonSchema)]
pub struct ActionChangeeV {
    /// « Action 1.2 « Titre » ».
    pub action: String,
    pub details: Vec<String>,
}

#[derive(Debug, Serialize, schemars::JsonSchema)]
pub struct ChangementsV {
    /// The revision compared with, as given (`copil-2026-03`).
    pub depuis: String,
    pub vide: bool,
    pub total: Option<EcartV>,
    pub ajoutees: Vec<String>,
    pub retirees: Vec<String>,
    pub modifiees: Vec<ActionChangeeV>,
    /// Status of financing lines: « action 1.1 — CAF : accordé → versé ».
    pub etats: Vec<String>,
    pub par_financeur: Vec<EcartV>,
    pub par_annee: Vec<EcartV>,
    pub enveloppes_depassees: Vec<String>,
    /// Measurements added since: « Indicateur : 1 700 personnes (juin 2026) ».
    pub mesures: Vec<String>,
}

fn action(a: &ActionRef) -> String {
    format!("{} {} « {} »", labels::FR.action, a.numero, a.titre)
}

fn ecart(libelle: String, m: &Amounts) -> EcartV {
    EcartV {
        libelle,
        avant: fmt::money(m.avant),
        apres: fmt::money(m.apres),
        ecart: fmt::money_signed(m.ecart),
    }
}

fn date(d: &Option<DateFlou>) -> String {
    d.map_or_else(|| "—".into(), fmt::date)
}

fn details(d: &Diff, c: &crate::compute::diff::ActionChange) -> Vec<String> {
    let name = |id: &String| d.acteurs.get(id).cloned().unwrap_or_else(|| id.clone());
    let mut out = Vec::new();
    if let Some(s) = &c.statut {
        out.push(format!(
            "statut : {} → {}",
            labels::statut(s.avant),
            labels::statut(s.apres)
        ));
    }
    if let Some(t) = &c.titre {
        out.push(format!("renommée « {} » → « {} »", t.avant, t.apres));
    }
    let dates = |label: &str, ch: &Option<Change<Option<DateFlou>>>| {
        ch.as_ref()
            .map(|ch| format!("{label} : {} → {}", date(&ch.avant), date(&ch.apres)))
    };
    out.extend(dates("début", &c.debut));
    out.extend(dates("fin", &c.fin));
    for (label, ids) in [
        ("référent ajouté", &c.referents_ajoutes),
        ("référent retiré", &c.referents_retires),
        ("partenaire ajouté", &c.partenaires_ajoutes),
        ("partenaire retiré", &c.partenaires_retires),
    ] {
        out.extend(ids.iter().map(|id| format!("{label} : {}", name(id))));
    }
    out.extend(
        c.indicateurs
            .iter()
            .map(|x| format!("indicateur mis à jour : {x}")),
    );
    out
}

/// New measurements in words, the action's number first when the
/// indicator is an action's.
fn mesures(m: &Roadmap, list: &[NouvelleMesure]) -> Vec<String> {
    list.iter()
        .filter_map(|n| {
            let (prefix, i) = match n.action {
                Some(ax) => {
                    let a = m.actions.get(ax)?;
                    let prefix = format!("{} {} — ", labels::FR.action, a.numero);
                    (prefix, a.indicateurs.get(n.indicateur)?)
                }
                None => (String::new(), m.indicateurs.get(n.indicateur)?),
            };
            let r = i.mesures.get(n.mesure)?;
            Some(format!(
                "{prefix}{} : {} ({})",
                i.libelle,
                qty(r.valeur, &i.unite),
                fmt::date(r.date)
            ))
        })
        .collect()
}

pub fn changements(
    m: &Roadmap,
    d: &Diff,
    depuis: &str,
    nouvelles: &[NouvelleMesure],
) -> ChangementsV {
    let name = |id: &String| d.acteurs.get(id).cloned().unwrap_or_else(|| id.clone());
    let etat = |s: Option<StatutFinancement>| s.map_or("non précisé", labels::statut_financement);
    ChangementsV {
        depuis: depuis.to_string(),
        vide: d.is_empty() && nouvelles.is_empty(),
        mesures: mesures(m, nouvelles),
        total: (d.total.avant != d.total.apres)
            .then(|| ecart(labels::FR.total.to_string(), &d.total)),
        ajoutees: d.actions_ajoutees.iter().map(action).collect(),
        retirees: d.actions_retirees.iter().map(action).collect(),
        modifiees: d
            .actions_modifiees
            .iter()
            .map(|c| ActionChangeeV {
                action: action(&c.action),
                details: details(d, c),
            })
            .collect(),
        etats: d
            .statuts
            .iter()
            .map(|s| {
                format!(
                    "{} {} — {} : {} → {}",
                    labels::FR.action,
                    s.action.numero,
                    name(&s.financeur),
                    etat(s.avant),
                    etat(s.apres)
                )
            })
            .collect(),
        par_financeur: d
            .par_financeur
            .iter()
            .map(|s| ecart(name(&s.financeur), &s.montant))
            .collect(),
        par_annee: d
            .par_annee
            .iter()
            .map(|y| {
                let label = y
                    .annee
                    .map_or_else(|| "année non précisée".into(), |a| a.to_string());
                ecart(label, &y.montant)
            })
            .collect(),
        enveloppes_depassees: d
            .enveloppes_depassees
            .iter()
            .map(|e| e.libelle.clone())
            .collect(),
    }
}
