//! The financing annex: by axe and action with sub-totals, by funder, by
//! recipient, and the envelopes.

use super::parts::Barre;
use super::{Ctx, Heading, Headings};
use crate::render::fmt;
use serde::Serialize;

#[derive(Debug, Serialize, schemars::JsonSchema)]
pub struct LigneFinancementV {
    pub numero: String,
    pub titre: String,
    pub ancre: String,
    pub montant: String,
    pub referents: String,
    pub recipiendaires: String,
}

#[derive(Debug, Serialize, schemars::JsonSchema)]
pub struct AxeFinancementV {
    pub h: Heading,
    pub lignes: Vec<LigneFinancementV>,
    pub sous_total: String,
    pub part: String,
}

#[derive(Debug, Serialize, schemars::JsonSchema)]
pub struct MontantActeurV {
    pub nom: String,
    pub montant: String,
    pub part: String,
}

#[derive(Debug, Serialize, schemars::JsonSchema)]
pub struct EnveloppeV {
    pub libelle: String,
    pub financeur: String,
    pub periode: Option<String>,
    pub montant: String,
    pub affecte: String,
    pub disponible: String,
}

#[derive(Debug, Serialize, schemars::JsonSchema)]
pub struct FinancementV {
    pub axes: Vec<AxeFinancementV>,
    pub total: String,
    pub par_financeur: Vec<MontantActeurV>,
    pub par_recipiendaire: Vec<MontantActeurV>,
    pub par_annee: Vec<(u16, String)>,
    pub enveloppes: Vec<EnveloppeV>,
    pub barres: Vec<Barre>,
}

pub(super) fn financement(ctx: &Ctx, h: &Headings) -> FinancementV {
    let m = ctx.m;
    let names = |v: Vec<usize>| {
        let mut seen = Vec::new();
        for x in v {
            if !seen.contains(&x) {
                seen.push(x);
            }
        }
        seen.iter()
            .map(|i| ctx.acteur_nom(*i))
            .collect::<Vec<_>>()
            .join(" + ")
    };
    let axes = m
        .axes
        .iter()
        .enumerate()
        .map(|(ax, x)| AxeFinancementV {
            h: h.axes[ax].clone(),
            lignes: x
                .actions
                .iter()
                .map(|a| {
                    let act = &m.actions[*a];
                    LigneFinancementV {
                        numero: act.numero.clone(),
                        titre: act.titre.clone(),
                        ancre: h.actions[*a].ancre.clone(),
                        montant: fmt::money(ctx.c.par_action[*a]),
                        referents: names(act.referents.iter().map(|r| r.acteur).collect()),
                        recipiendaires: names(
                            ctx.lignes_par_action[*a]
                                .iter()
                                .map(|&i| m.lignes[i].recipiendaire)
                                .collect(),
                        ),
                    }
                })
                .collect(),
            sous_total: fmt::money(ctx.c.par_axe[ax]),
            part: fmt::opt_share(ctx.c.parts_axe[ax]),
        })
        .collect();
    let per = |v: &[crate::compute::Amount]| {
        v.iter()
            .map(|a| MontantActeurV {
                nom: ctx.acteur_nom(a.acteur),
                montant: fmt::money(a.montant),
                part: fmt::opt_share(a.part),
            })
            .collect()
    };
    let enveloppes = m
        .enveloppes
        .iter()
        .enumerate()
        .map(|(i, e)| EnveloppeV {
            libelle: e.libelle.clone(),
            financeur: ctx.acteur_nom(e.financeur),
            periode: fmt::date_range(e.debut, e.fin),
            montant: fmt::money(e.montant),
            affecte: fmt::money(ctx.c.par_enveloppe[i]),
            disponible: fmt::money(e.montant - ctx.c.par_enveloppe[i]),
        })
        .collect();
    FinancementV {
        axes,
        total: fmt::money(ctx.c.total),
        par_financeur: per(&ctx.c.par_financeur),
        par_recipiendaire: per(&ctx.c.par_recipiendaire),
        par_annee: ctx
            .c
            .par_annee
            .iter()
            .map(|(y, mo)| (*y, fmt::money(*mo)))
            .collect(),
        enveloppes,
        barres: Vec::new(),
    }
}
