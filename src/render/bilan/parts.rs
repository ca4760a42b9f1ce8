//! The parts of the progress report: summary of the actions, money
//! planned / granted / paid, meetings held, journal since the last report.

use super::action_anchor;
use crate::compute::Share;
use crate::compute::bilan::{BilanFigures, Etat};
use crate::model::{Money, Roadmap, Statut};
use crate::render::markdown::{RefMap, Texte};
use crate::render::view::JalonV;
use crate::render::{fmt, labels};
use serde::Serialize;

const STATUTS: [Statut; 5] = [
    Statut::AVenir,
    Statut::EnCours,
    Statut::EnPause,
    Statut::Realisee,
    Statut::Abandonnee,
];

#[derive(Debug, Serialize, schemars::JsonSchema)]
pub struct StatutV {
    pub libelle: &'static str,
    pub code: Statut,
    pub nombre: usize,
    pub part: String,
}

#[derive(Debug, Serialize, schemars::JsonSchema)]
pub struct AxeBilanV {
    pub numero: String,
    pub ancre: String,
    pub titre: String,
    pub total: usize,
    /// Per status, in the order of `statuts`.
    pub comptes: Vec<usize>,
    pub en_retard: usize,
}

#[derive(Debug, Serialize, schemars::JsonSchema)]
pub struct ActionBilanV {
    pub numero: String,
    pub ancre: String,
    pub titre: String,
    pub statut: &'static str,
    pub statut_code: Statut,
    pub fin: Option<String>,
    pub en_retard: bool,
    pub priorite: Option<&'static str>,
    /// « 2 sur 3 ».
    pub etapes: Option<String>,
    pub referents: String,
}

#[derive(Debug, Serialize, schemars::JsonSchema)]
pub struct SyntheseV {
    pub nb_actions: String,
    pub realisees: usize,
    /// Done among the actions not abandoned.
    pub part_realisee: Option<String>,
    pub etapes: Option<String>,
    pub statuts: Vec<&'static str>,
    pub par_statut: Vec<StatutV>,
    pub par_axe: Vec<AxeBilanV>,
    pub actions: Vec<ActionBilanV>,
    pub en_retard: Vec<ActionBilanV>,
    pub jalons_passes: Vec<JalonV>,
    pub jalons_a_venir: Vec<JalonV>,
}

fn action_v(m: &Roadmap, b: &BilanFigures, k: usize) -> ActionBilanV {
    let a = &m.actions[k];
    let e = &a.suivi.etapes;
    let referents: Vec<String> = a
        .referents
        .iter()
        .map(|r| m.acteurs[r.acteur].nom.clone())
        .collect();
    ActionBilanV {
        numero: a.numero.clone(),
        ancre: action_anchor(&a.numero),
        titre: a.titre.clone(),
        statut: labels::statut(a.statut),
        statut_code: a.statut,
        fin: a.fin.map(fmt::date),
        en_retard: b.en_retard.contains(&k),
        priorite: a.suivi.priorite.map(labels::priorite),
        etapes: (!e.is_empty())
            .then(|| format!("{} sur {}", e.iter().filter(|x| x.faite).count(), e.len())),
        referents: crate::render::view::join_fr(&referents),
    }
}

fn jalon_v(m: &Roadmap, k: usize) -> JalonV {
    crate::render::view::jalon(m, &m.jalons[k])
}

pub fn synthese(m: &Roadmap, b: &BilanFigures) -> SyntheseV {
    let n = m.actions.len();
    let count = |s: Statut, list: &[(Statut, usize)]| {
        list.iter().find(|(x, _)| *x == s).map_or(0, |(_, c)| *c)
    };
    let par_statut = STATUTS
        .iter()
        .map(|s| {
            let nombre = count(*s, &b.par_statut);
            StatutV {
                libelle: labels::statut(*s),
                code: *s,
                nombre,
                part: fmt::opt_share(Share::new(nombre as u64, n as u64)),
            }
        })
        .collect();
    let par_axe = m
        .axes
        .iter()
        .zip(&b.par_axe)
        .map(|(x, f)| AxeBilanV {
            numero: format!("{} {}", labels::FR.axe, x.numero),
            ancre: format!("axe-{}", x.numero),
            titre: x.titre.clone(),
            total: f.total,
            comptes: STATUTS.iter().map(|s| count(*s, &f.par_statut)).collect(),
            en_retard: f.en_retard,
        })
        .collect();
    let (faites, toutes) = b.etapes;
    SyntheseV {
        nb_actions: fmt::count(n, "action", "actions"),
        realisees: count(Statut::Realisee, &b.par_statut),
        part_realisee: b.part_realisee.map(fmt::share),
        etapes: (toutes > 0).then(|| format!("{faites} sur {toutes}")),
        statuts: STATUTS.iter().map(|s| labels::statut(*s)).collect(),
        par_statut,
        par_axe,
        actions: (0..n).map(|k| action_v(m, b, k)).collect(),
        en_retard: b.en_retard.iter().map(|&k| action_v(m, b, k)).collect(),
        jalons_passes: b.jalons_passes.iter().map(|&k| jalon_v(m, k)).collect(),
        jalons_a_venir: b.jalons_a_venir.iter().map(|&k| jalon_v(m, k)).collect(),
    }
}

#[derive(Debug, Serialize, schemars::JsonSchema)]
pub struct EtatV {
    pub libelle: String,
    pub prevu: String,
    pub accorde: String,
    pub verse: String,
    /// Paid of planned.
    pub part_versee: String,
    /// Bars in thousandths of the largest planned amount of the table.
    pub largeur_prevu: u64,
    pub largeur_accorde: u64,
    pub largeur_verse: u64,
}

#[derive(Debug, Serialize, schemars::JsonSchema)]
pub struct ArgentV {
    pub par_financeur: Vec<EtatV>,
    pub par_annee: Vec<EtatV>,
    pub total: EtatV,
}

fn width(v: Money, max: Money) -> u64 {
    if max.0 <= 0 {
        return 0;
    }
    u64::try_from(i128::from(v.0.max(0)) * 1000 / i128::from(max.0)).unwrap_or(0)
}

fn etats(rows: Vec<(String, Etat)>) -> Vec<EtatV> {
    let max = rows.iter().map(|(_, e)| e.prevu).max().unwrap_or_default();
    rows.into_iter().map(|(l, e)| etat_v(l, e, max)).collect()
}

fn etat_v(libelle: String, e: Etat, max: Money) -> EtatV {
    EtatV {
        libelle,
        prevu: fmt::money(e.prevu),
        accorde: fmt::money(e.accorde),
        verse: fmt::money(e.verse),
        part_versee: fmt::opt_share(Share::new(e.verse.0.max(0) as u64, e.prevu.0.max(0) as u64)),
        largeur_prevu: width(e.prevu, max),
        largeur_accorde: width(e.accorde, max),
        largeur_verse: width(e.verse, max),
    }
}

pub fn argent(m: &Roadmap, b: &BilanFigures) -> Option<ArgentV> {
    if b.par_financeur.is_empty() {
        return None;
    }
    let sources = b
        .par_financeur
        .iter()
        .map(|(s, e)| (crate::compute::money::source_nom(m, *s).to_string(), *e))
        .collect();
    let years = b
        .par_annee
        .iter()
        .map(|(y, e)| {
            let label = y.map_or_else(
                || labels::bilan::FR.annee_non_precisee.to_string(),
                |y| y.to_string(),
            );
            (label, *e)
        })
        .collect();
    Some(ArgentV {
        par_financeur: etats(sources),
        par_annee: etats(years),
        total: etat_v(labels::FR.total.to_string(), b.total, b.total.prevu),
    })
}

#[derive(Debug, Serialize, schemars::JsonSchema)]
pub struct AnneeReunionsV {
    pub annee: u16,
    pub tenues: usize,
    pub attendues: Option<u32>,
    pub en_cours: bool,
    /// Whole months of the year counted (12: a full year).
    pub mois: u32,
}

#[derive(Debug, Serialize, schemars::JsonSchema)]
pub struct InstanceBilanV {
    pub nom: String,
    pub sigle: Option<String>,
    /// « trimestrielle », « 2 à 3 réunions par an », or « non précisée ».
    pub frequence: String,
    /// `None` when the sources date no meeting of the instance at all:
    /// « 0 » would state what they do not say.
    pub tenues: Option<usize>,
    pub attendues: Option<u32>,
    /// « conforme à la fréquence », « 1 réunion de moins que prévu »…
    pub ecart: Option<String>,
    pub derniere: Option<String>,
    pub annees: Vec<AnneeReunionsV>,
}

fn ecart(tenues: usize, attendues: u32) -> String {
    let t = tenues as i64;
    let a = i64::from(attendues);
    match t - a {
        0 => "conforme à la fréquence".into(),
        d if d < 0 => format!(
            "{} de moins que prévu",
            fmt::count((-d) as usize, "réunion", "réunions")
        ),
        d => format!(
            "{} de plus que prévu",
            fmt::count(d as usize, "réunion", "réunions")
        ),
    }
}

pub fn gouvernance(m: &Roadmap, b: &BilanFigures) -> Vec<InstanceBilanV> {
    m.gouvernance
        .instances
        .iter()
        .zip(&b.instances)
        .map(|(i, f)| InstanceBilanV {
            nom: i.nom.clone(),
            sigle: i.sigle.clone(),
            frequence: rythme(i),
            tenues: (!i.reunions.is_empty()).then_some(f.tenues),
            attendues: f.attendues,
            ecart: f
                .attendues
                .filter(|_| !i.reunions.is_empty())
                .map(|a| ecart(f.tenues, a)),
            derniere: f.derniere.map(fmt::date),
            annees: f
                .par_annee
                .iter()
                .map(|y| AnneeReunionsV {
                    annee: y.annee,
                    tenues: y.tenues,
                    attendues: y.attendues,
                    en_cours: y.annee == b.au.annee,
                    mois: y.mois,
                })
                .collect(),
        })
        .collect()
}

#[derive(Debug, Serialize, schemars::JsonSchema)]
pub struct NoteBilanV {
    pub date: String,
    pub action: String,
    pub ancre: String,
    pub texte: Texte,
}

/// Journal notes dated from the start of « since the last report » to
/// the report date, oldest first.
pub fn journal(m: &Roadmap, b: &BilanFigures, refs: &RefMap) -> Vec<NoteBilanV> {
    let mut notes: Vec<(&crate::model::NoteSuivi, &crate::model::Action)> = m
        .actions
        .iter()
        .flat_map(|a| a.suivi.notes.iter().map(move |n| (n, a)))
        .filter(|(n, _)| n.date.end() >= b.depuis && n.date.start() <= b.au.end())
        .collect();
    notes.sort_by_key(|(n, _)| n.date.start());
    notes
        .into_iter()
        .map(|(n, a)| NoteBilanV {
            date: fmt::date(n.date),
            action: format!("{} {} — {}", labels::FR.action, a.numero, a.titre),
            ancre: action_anchor(&a.numero),
            texte: crate::render::markdown::render(&n.texte, refs, 5),
        })
        .collect()
}

/// The rhythm an instance promises, as the sources give it.
fn rythme(i: &crate::model::Instance) -> String {
    match (i.reunions_par_an, i.frequence) {
        (Some((de, Some(a))), _) => format!("{de} à {a} réunions par an"),
        (Some((n, None)), _) => fmt::count(n as usize, "réunion par an", "réunions par an"),
        (None, Some(f)) if f != crate::model::Frequence::Autre => labels::frequence(f).to_string(),
        _ => "non précisée".to_string(),
    }
}
