//! The funds annex: each fund with its rules, eligibility, calls for
//! projects and the projects they selected, and its computed leverage.

use super::Ctx;
use crate::model::{Fonds, Money};
use crate::render::fmt;
use crate::render::markdown::Texte;
use serde::Serialize;

#[derive(Debug, Serialize, schemars::JsonSchema)]
pub struct ProjetV {
    pub titre: String,
    pub porteur: Option<String>,
    pub montant: String,
    pub cout_total: Option<String>,
    pub beneficiaires: Option<String>,
}

#[derive(Debug, Serialize, schemars::JsonSchema)]
pub struct AppelV {
    pub libelle: String,
    pub periode: Option<String>,
    pub budget: Option<String>,
    pub projets: Vec<ProjetV>,
    /// Sum of the aid to the selected projects, when some.
    pub total: Option<String>,
    /// « 2 projets retenus ».
    pub nb_projets: String,
}

#[derive(Debug, Serialize, schemars::JsonSchema)]
pub struct FondsV {
    pub nom: String,
    pub description: Option<Texte>,
    pub objectifs: Vec<String>,
    pub beneficiaires: Option<String>,
    pub cible: Option<String>,
    pub recipiendaire: Option<String>,
    /// The envelope that feeds it, by name.
    pub enveloppe: Option<String>,
    pub montant: Option<String>,
    pub regles: Option<Texte>,
    pub eligibilite: Option<Texte>,
    pub appels: Vec<AppelV>,
    /// « 1 € du fonds pour 2,40 € mobilisés par ailleurs (sur 3 projets
    /// dont le coût total est connu) ».
    pub levier: Option<String>,
}

fn cible(f: &Fonds) -> Option<String> {
    f.cible.as_ref().map(|c| {
        let v = format!("{} {}", fmt::decimal(c.valeur), c.unite);
        let v = if c.minimum {
            format!("au moins {v}")
        } else {
            v
        };
        match c.echeance {
            Some(e) => format!("{v} ({})", fmt::date(e)),
            None => v,
        }
    })
}

/// Euros raised per euro of the fund, to the cent, rounded half up.
fn levier(l: crate::compute::money::Levier, n: usize) -> Option<String> {
    if l.fonds.0 <= 0 {
        return None;
    }
    let num = i128::from(l.mobilise.0) * 100;
    let den = i128::from(l.fonds.0);
    let cents = (num * 2 + den) / (den * 2);
    let ratio = fmt::money(Money(i64::try_from(cents).ok()?));
    Some(format!(
        "1 € du fonds pour {ratio} mobilisés par ailleurs ({})",
        fmt::count(
            n,
            "projet dont le coût total est connu",
            "projets dont le coût total est connu"
        )
    ))
}

fn appel(ctx: &Ctx, a: &crate::model::Appel) -> AppelV {
    AppelV {
        libelle: a.libelle.clone(),
        periode: fmt::date_range(a.ouverture, a.cloture),
        budget: a.budget.map(fmt::money),
        total: (!a.projets.is_empty())
            .then(|| fmt::money(a.projets.iter().map(|p| p.montant).sum())),
        nb_projets: fmt::count(a.projets.len(), "projet retenu", "projets retenus"),
        projets: a
            .projets
            .iter()
            .map(|p| ProjetV {
                titre: p.titre.clone(),
                porteur: p.porteur.map(|x| ctx.acteur_nom(x)),
                montant: fmt::money(p.montant),
                cout_total: p.cout_total.map(fmt::money),
                beneficiaires: p.beneficiaires.clone(),
            })
            .collect(),
    }
}

pub(super) fn fonds(ctx: &Ctx) -> Vec<FondsV> {
    ctx.m
        .fonds
        .iter()
        .zip(&ctx.c.argent.leviers)
        .map(|(f, lev)| {
            let known = f
                .appels
                .iter()
                .flat_map(|a| &a.projets)
                .filter(|p| p.cout_total.is_some())
                .count();
            FondsV {
                nom: f.nom.clone(),
                description: ctx.text(&f.description, 5),
                objectifs: f.objectifs.clone(),
                beneficiaires: f.beneficiaires.clone(),
                cible: cible(f),
                recipiendaire: f.recipiendaire.map(|r| ctx.acteur_nom(r)),
                enveloppe: f.enveloppe.map(|e| ctx.m.enveloppes[e].libelle.clone()),
                montant: f.montant.map(fmt::money),
                regles: ctx.text(&f.regles, 5),
                eligibilite: ctx.text(&f.eligibilite, 5),
                appels: f.appels.iter().map(|a| appel(ctx, a)).collect(),
                levier: lev.and_then(|l| levier(l, known)),
            }
        })
        .collect()
}
