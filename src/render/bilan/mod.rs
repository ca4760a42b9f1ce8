//! The progress report (`fdr bilan`): its view model, built from the
//! model, the figures computed at the report date (`compute::bilan`) and,
//! with `--depuis`, the diff since the last report; then rendered by the
//! templates `bilan.md.j2`, `bilan.html.j2` and `bilan.typ`, overridable
//! like the document's.

mod changements;
mod parts;
pub mod render;

pub use changements::*;
pub use parts::*;

use super::fmt;
use super::labels::{self, FR, Labels, bilan::LabelsBilan};
use super::markdown::{RefMap, RefTarget};
use super::view::IndicateurV;
use super::view::indicateurs::indicateur;
use crate::compute::bilan::BilanFigures;
use crate::compute::diff::Diff;
use crate::model::Roadmap;
use serde::Serialize;

/// Version of this view's shape, raised when a field changes or goes.
pub const BILAN_VIEW_VERSION: u32 = 1;

#[derive(Debug, Serialize, schemars::JsonSchema)]
pub struct EnteteV {
    /// « Bilan d'étape au 27 novembre 2026 ».
    pub titre: String,
    /// The roadmap's title.
    pub feuille: String,
    pub territoire: String,
    pub code_departement: Option<String>,
    pub periode: String,
    /// « 27 novembre 2026 ».
    pub au: String,
    /// « 2026-11-27 ».
    pub au_iso: String,
    /// Where « since the last report » starts: « depuis le COPIL du 12 mars
    /// 2026 », or « des six derniers mois, depuis mai 2026 » when no
    /// meeting of a strategic instance is dated before the report.
    pub depuis: String,
    pub co_porteurs: String,
}

#[derive(Debug, Serialize, schemars::JsonSchema)]
pub struct ActionIndicateursV {
    pub action: String,
    pub ancre: String,
    pub indicateurs: Vec<IndicateurV>,
}

#[derive(Debug, Serialize, schemars::JsonSchema)]
pub struct BilanView {
    pub version_vue: u32,
    pub l: &'static Labels,
    pub lb: &'static LabelsBilan,
    pub entete: EnteteV,
    pub synthese: SyntheseV,
    pub indicateurs: Vec<IndicateurV>,
    pub indicateurs_actions: Vec<ActionIndicateursV>,
    /// Absent when the sources give no cash line.
    pub argent: Option<ArgentV>,
    pub gouvernance: Vec<InstanceBilanV>,
    pub journal: Vec<NoteBilanV>,
    pub changements: Option<ChangementsV>,
}

/// Cross-references of the journal's texts lead to the actions' rows of
/// the report and to the axes' rows (in Markdown, to those tables);
/// annexes and sections of the document are named only.
fn refs(m: &Roadmap) -> RefMap {
    let mut r = RefMap::new();
    for x in &m.actions {
        r.insert(
            ("action".into(), x.id.clone()),
            RefTarget {
                label: format!("action {} « {} »", x.numero, x.titre),
                anchor: action_anchor(&x.numero),
                anchor_md: "avancement-des-actions".into(),
            },
        );
    }
    for x in &m.axes {
        r.insert(
            ("axe".into(), x.id.clone()),
            RefTarget {
                label: format!("axe {} « {} »", x.numero, x.titre),
                anchor: format!("axe-{}", x.numero),
                anchor_md: "actions-par-axe".into(),
            },
        );
    }
    for x in &m.annexes {
        r.insert(
            ("annexe".into(), x.id.clone()),
            RefTarget {
                label: format!("annexe {} « {} »", x.numero, x.titre),
                anchor: String::new(),
                anchor_md: String::new(),
            },
        );
    }
    for x in &m.sections {
        r.insert(
            ("section".into(), x.id.clone()),
            RefTarget {
                label: format!("« {} »", x.titre),
                anchor: String::new(),
                anchor_md: String::new(),
            },
        );
    }
    r
}

pub(super) fn action_anchor(numero: &str) -> String {
    format!("action-{}", numero.replace('.', "-"))
}

fn entete(m: &Roadmap, b: &BilanFigures) -> EnteteV {
    let f = &m.feuille;
    let au = fmt::date(b.au);
    let depuis = match b.depuis_copil {
        Some(d) => format!("depuis le COPIL du {}", fmt::date(d)),
        None => {
            let (y, mo, d) = b.depuis;
            let since = crate::model::DateFlou {
                annee: y,
                mois: mo,
                jour: d.min(28),
                precision: crate::model::Precision::Mois,
            };
            format!("des six derniers mois, depuis {}", fmt::date(since))
        }
    };
    let co: Vec<String> = f
        .co_porteurs
        .iter()
        .map(|i| m.acteurs[*i].nom.clone())
        .collect();
    EnteteV {
        titre: format!("{} {} {au}", labels::bilan::FR.titre, labels::bilan::FR.au),
        feuille: f.titre.clone(),
        territoire: f.territoire.clone(),
        code_departement: f.code_departement.clone(),
        periode: format!("{}–{}", f.debut, f.fin),
        au,
        au_iso: b.au.to_string(),
        depuis,
        co_porteurs: super::view::join_fr(&co),
    }
}

/// What `--depuis` compared: the diff, the revision as given, the
/// measurements added since.
pub struct Depuis<'a> {
    pub diff: &'a Diff,
    pub rev: &'a str,
    pub mesures: &'a [crate::compute::bilan::NouvelleMesure],
}

/// Build the view of the progress report.
pub fn build(m: &Roadmap, b: &BilanFigures, depuis: Option<Depuis>) -> BilanView {
    let refs = refs(m);
    let indicateurs_actions = m
        .actions
        .iter()
        .zip(&b.indicateurs_actions)
        .filter(|(a, _)| !a.indicateurs.is_empty())
        .map(|(a, figs)| ActionIndicateursV {
            action: format!("{} {} — {}", FR.action, a.numero, a.titre),
            ancre: format!("indicateurs-{}", action_anchor(&a.numero)),
            indicateurs: a
                .indicateurs
                .iter()
                .zip(figs)
                .map(|(i, f)| indicateur(i, f))
                .collect(),
        })
        .collect();
    BilanView {
        version_vue: BILAN_VIEW_VERSION,
        l: &FR,
        lb: &labels::bilan::FR,
        entete: entete(m, b),
        synthese: synthese(m, b),
        indicateurs: m
            .indicateurs
            .iter()
            .zip(&b.indicateurs)
            .map(|(i, f)| indicateur(i, f))
            .collect(),
        indicateurs_actions,
        argent: argent(m, b),
        gouvernance: gouvernance(m, b),
        journal: journal(m, b, &refs),
        changements: depuis.map(|x| changements(m, x.diff, x.rev, x.mesures)),
    }
}
