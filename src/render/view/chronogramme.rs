//! The chronogramme annex: one row per task, one cell per run of months.

use super::{Ctx, Heading, Headings};
use crate::render::fmt;
use serde::Serialize;

#[derive(Debug, Serialize, schemars::JsonSchema)]
pub struct MoisV {
    pub libelle: &'static str,
    pub annee: u16,
}

#[derive(Debug, Serialize, schemars::JsonSchema)]
pub struct AnneeSpan {
    pub annee: u16,
    pub mois: usize,
}

#[derive(Debug, Serialize, schemars::JsonSchema)]
pub struct TacheV {
    pub libelle: String,
    pub periode: String,
    pub debut: usize,
    pub duree: usize,
    pub cellules: Vec<bool>,
}

#[derive(Debug, Serialize, schemars::JsonSchema)]
pub struct ChronoActionV {
    pub h: Heading,
    pub axe: String,
    pub taches: Vec<TacheV>,
}

#[derive(Debug, Serialize, schemars::JsonSchema)]
pub struct ChronoV {
    pub mois: Vec<MoisV>,
    pub annees: Vec<AnneeSpan>,
    pub actions: Vec<ChronoActionV>,
    pub nb_lignes: usize,
}

pub(super) fn chronogramme(ctx: &Ctx, h: &Headings) -> Option<ChronoV> {
    let m = ctx.m;
    let first = m.taches.iter().map(|t| t.debut.month_index()).min()?;
    let last = m
        .taches
        .iter()
        .map(|t| t.fin.end_month_index().max(t.debut.month_index()))
        .max()?;
    // Whole years, so the grid reads like a calendar, and never wider than
    // the roadmap's period with a year on each side (a typo such as 2205
    // must not make a grid of centuries).
    let lo = m.feuille.debut.saturating_sub(1) as u32 * 12;
    let hi = (m.feuille.fin as u32 + 1) * 12 + 11;
    let (first, last) = (first.clamp(lo, hi), last.clamp(lo, hi));
    let first = first - first % 12;
    let last = last - last % 12 + 11;
    let n = (last - first + 1) as usize;
    let mois = (first..=last)
        .map(|i| MoisV {
            libelle: fmt::MONTHS_SHORT[(i % 12) as usize],
            annee: (i / 12) as u16,
        })
        .collect();
    let annees = (first / 12..=last / 12)
        .map(|y| AnneeSpan {
            annee: y as u16,
            mois: 12,
        })
        .collect();
    let mut actions: Vec<ChronoActionV> = Vec::new();
    let mut nb_lignes = 0;
    for (ix, a) in m.actions.iter().enumerate() {
        let taches: Vec<TacheV> = ctx.taches_par_action[ix]
            .iter()
            .map(|&i| &m.taches[i])
            .map(|t| {
                let d = (t.debut.month_index().clamp(first, last) - first) as usize;
                let f = (t
                    .fin
                    .end_month_index()
                    .max(t.debut.month_index())
                    .clamp(first, last)
                    - first) as usize;
                TacheV {
                    libelle: t.libelle.clone(),
                    periode: fmt::date_range(Some(t.debut), Some(t.fin)).unwrap_or_default(),
                    debut: d,
                    duree: f - d + 1,
                    cellules: (0..n).map(|i| i >= d && i <= f).collect(),
                }
            })
            .collect();
        if taches.is_empty() {
            continue;
        }
        nb_lignes += taches.len() + 1;
        actions.push(ChronoActionV {
            h: h.actions[ix].clone(),
            axe: h.axes[a.axe].texte.clone(),
            taches,
        });
    }
    Some(ChronoV {
        mois,
        annees,
        actions,
        nb_lignes,
    })
}
