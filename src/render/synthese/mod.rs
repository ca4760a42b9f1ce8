//! The regional synthesis (`fdr synthese`): one view over several
//! roadmaps, each taken from its own document's view (same words, same
//! figures), then rendered by `synthese.md.j2`, `synthese.html.j2` and
//! `synthese.typ`.

pub mod render;

use super::fmt;
use super::labels::{self, FR, Labels, synthese::LabelsSynthese};
use super::view::{self, Couverture};
use crate::compute::Computed;
use crate::compute::money::source_nom;
use crate::compute::synthese::SyntheseFigures;
use crate::model::{Money, Roadmap};
use serde::Serialize;

/// Version of this view's shape, raised when a field changes or goes.
pub const SYNTHESE_VIEW_VERSION: u32 = 1;

/// How many funders each roadmap's card lists.
const TOP_FUNDERS: usize = 5;

#[derive(Debug, Serialize, schemars::JsonSchema)]
pub struct SyntheseView {
    pub version_vue: u32,
    pub l: &'static Labels,
    pub ls: &'static LabelsSynthese,
    pub titre: String,
    /// « 4 feuilles de route, 13 axes, 40 actions ».
    pub chiffres: Vec<ChiffreV>,
    pub feuilles: Vec<FeuilleV>,
    pub partages: Vec<PartageV>,
}

#[derive(Debug, Serialize, schemars::JsonSchema)]
pub struct ChiffreV {
    pub valeur: String,
    pub libelle: String,
}

#[derive(Debug, Serialize, schemars::JsonSchema)]
pub struct FeuilleV {
    pub ancre: String,
    pub couverture: Couverture,
    /// « Axe 1 — Titre », « Objectif 2 — Titre »… with their actions.
    pub axes: Vec<AxeSyntheseV>,
    /// Whether its sources give any cash line.
    pub avec_financement: bool,
    /// (label, count) of the statuses that have actions.
    pub statuts: Vec<(String, String)>,
    pub financeurs: Vec<FinanceurV>,
    /// « COPIL (Comité de pilotage) : Instance stratégique, … ».
    pub instances: Vec<String>,
    /// Its infra-departmental roadmaps: « Luberon Monts de Vaucluse (2
    /// axes, 2 actions) ».
    pub sous_feuilles: Vec<String>,
}

#[derive(Debug, Serialize, schemars::JsonSchema)]
pub struct AxeSyntheseV {
    pub texte: String,
    pub actions: String,
    /// Cash of the axe, when the roadmap gives lines.
    pub total: Option<String>,
}

#[derive(Debug, Serialize, schemars::JsonSchema)]
pub struct FinanceurV {
    pub nom: String,
    pub montant: String,
    pub part: String,
}

#[derive(Debug, Serialize, schemars::JsonSchema)]
pub struct PartageV {
    pub nom: String,
    /// « Landes, Lot-et-Garonne ».
    pub territoires: String,
    pub nombre: usize,
}

pub fn build(
    titre: Option<&str>,
    roadmaps: &[(&Roadmap, &Computed)],
    figures: &SyntheseFigures,
) -> SyntheseView {
    let feuilles: Vec<FeuilleV> = roadmaps
        .iter()
        .enumerate()
        .map(|(ix, (m, c))| feuille(ix, m, c))
        .collect();
    let territoires: Vec<String> = roadmaps
        .iter()
        .map(|(m, _)| m.feuille.territoire.clone())
        .collect();
    SyntheseView {
        version_vue: SYNTHESE_VIEW_VERSION,
        l: &FR,
        ls: &labels::synthese::FR,
        titre: titre.map_or_else(
            || labels::synthese::FR.titre_defaut.to_string(),
            str::to_string,
        ),
        chiffres: chiffres(roadmaps.len(), figures),
        feuilles,
        partages: figures
            .partages
            .iter()
            .map(|p| PartageV {
                nom: p.nom.clone(),
                territoires: view::join_fr(
                    &p.feuilles
                        .iter()
                        .filter_map(|i| territoires.get(*i).cloned())
                        .collect::<Vec<_>>(),
                ),
                nombre: p.feuilles.len(),
            })
            .collect(),
    }
}

fn chiffres(n: usize, f: &SyntheseFigures) -> Vec<ChiffreV> {
    let chiffre = |valeur: String, libelle: &str| ChiffreV {
        valeur,
        libelle: libelle.to_string(),
    };
    let mut out = vec![
        chiffre(
            n.to_string(),
            if n > 1 {
                "feuilles de route"
            } else {
                "feuille de route"
            },
        ),
        chiffre(
            f.axes.to_string(),
            if f.axes > 1 {
                "axes ou objectifs"
            } else {
                "axe ou objectif"
            },
        ),
        chiffre(
            f.actions.to_string(),
            if f.actions > 1 { "actions" } else { "action" },
        ),
    ];
    if f.total > Money(0) {
        let sur = if f.avec_argent == n {
            "de lignes de financement".to_string()
        } else {
            format!(
                "de lignes de financement (sources de {} sur {n})",
                fmt::count(f.avec_argent, "feuille de route", "feuilles de route")
            )
        };
        out.push(chiffre(fmt::money(f.total), &sur));
    }
    if f.total_nature > Money(0) {
        out.push(chiffre(
            fmt::money(f.total_nature),
            "de valorisations (en nature)",
        ));
    }
    out
}

fn feuille(ix: usize, m: &Roadmap, c: &Computed) -> FeuilleV {
    let v = view::build(m, c);
    let avec = v.axes.avec_financement;
    FeuilleV {
        ancre: format!("feuille-{}", ix + 1),
        axes: v
            .axes
            .axes
            .iter()
            .map(|a| AxeSyntheseV {
                texte: a.h.texte.clone(),
                actions: fmt::count(a.nb_actions, "action", "actions"),
                total: avec.then(|| a.total.clone()),
            })
            .collect(),
        avec_financement: avec,
        statuts: c
            .actions_par_statut
            .iter()
            .filter(|(_, n)| *n > 0)
            .map(|(s, n)| {
                let label = fmt::ucfirst(labels::statut(*s));
                (label, fmt::count(*n, "action", "actions"))
            })
            .collect(),
        financeurs: c
            .argent
            .par_financeur
            .iter()
            .take(TOP_FUNDERS)
            .map(|s| FinanceurV {
                nom: source_nom(m, s.source).to_string(),
                montant: fmt::money(s.montant),
                part: s.part.map(fmt::share).unwrap_or_default(),
            })
            .collect(),
        instances: v
            .annexes
            .gouvernance
            .instances
            .iter()
            .map(|i| {
                let nom = match &i.sigle {
                    Some(s) => format!("{s} ({})", i.nom),
                    None => i.nom.clone(),
                };
                match i.description.is_empty() {
                    true => nom,
                    false => format!("{nom} : {}", i.description),
                }
            })
            .collect(),
        sous_feuilles: m
            .sous_feuilles
            .iter()
            .map(|s| {
                let f = &s.feuille;
                let mot = f.feuille.mot_axe;
                format!(
                    "{} ({}, {})",
                    f.feuille.territoire,
                    fmt::count(f.axes.len(), mot.singulier(), mot.pluriel()),
                    fmt::count(f.actions.len(), "action", "actions")
                )
            })
            .collect(),
        couverture: v.couverture,
    }
}
