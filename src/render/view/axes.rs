//! Part 4 of the document: the axes and their actions (status, period,
//! référents, partners, financing, indicators, calendar).

use super::indicateurs::{IndicateurV, indicateur};
use super::ligne::{LigneV, ligne};
use super::parts::{Barre, Partie, barres, partie};
use super::{Ctx, Heading, Headings};
use crate::model::Money;
use crate::model::Partie as P;
use crate::render::fmt;
use crate::render::labels;
use crate::render::markdown::Texte;
use serde::Serialize;
use std::collections::BTreeMap;

#[derive(Debug, Serialize, schemars::JsonSchema)]
pub struct ReferentV {
    pub nom: String,
    pub contact: Option<String>,
}

#[derive(Debug, Serialize, schemars::JsonSchema)]
pub struct ActionV {
    pub h: Heading,
    pub numero: String,
    pub statut: &'static str,
    pub statut_code: crate::model::Statut,
    pub periode: Option<String>,
    pub description: Option<Texte>,
    pub referents: Vec<ReferentV>,
    pub partenaires_publics: Vec<String>,
    pub partenaires_prives: Vec<String>,
    /// Neither public nor private by their category, and not said.
    pub partenaires_autres: Vec<String>,
    pub partenaires_note: Option<String>,
    pub financements: Vec<LigneV>,
    /// Some line names its recipient / gives a précision (else the column is left out).
    pub avec_recipiendaire: bool,
    pub avec_precisions: bool,
    /// Counted cash, when some.
    pub total: Option<String>,
    /// Counted in kind valued in euros, when some.
    pub total_nature: Option<String>,
    pub budget: Option<String>,
    /// « Reste à financer : 1 000 € » or « Au-delà du budget : 500 € ».
    pub reste: Option<String>,
    /// « 35 000 € ; valorisations : 5 000 € · budget : 50 000 € · Reste à
    /// financer : 10 000 € », from the pieces above that are given.
    pub resume: String,
    pub indicateurs: Vec<IndicateurV>,
    pub besoins: Vec<String>,
    pub priorite: Option<&'static str>,
    pub journal: Vec<NoteV>,
    pub etapes: Vec<EtapeV>,
    /// « 2 sur 5 », when the action has sub-steps.
    pub etapes_faites: Option<String>,
}

#[derive(Debug, Serialize, schemars::JsonSchema)]
pub struct JalonV {
    pub date: String,
    pub libelle: String,
    pub action: Option<String>,
}

#[derive(Debug, Serialize, schemars::JsonSchema)]
pub struct AnneeV {
    pub annee: u16,
    pub jalons: Vec<JalonV>,
}

#[derive(Debug, Serialize, schemars::JsonSchema)]
pub struct AxeV {
    pub h: Heading,
    pub numero: u32,
    pub enjeux: Option<Texte>,
    pub vigilance: Vec<Texte>,
    /// "Cet axe est décliné en 5 actions."
    pub declinaison: String,
    /// In a sub-roadmap: « Reprend l'objectif 1 « … » de la feuille de
    /// route départementale « … ». »
    pub reprend: Option<String>,
    pub nb_actions: usize,
    pub total: String,
    pub part: String,
    pub actions: Vec<ActionV>,
    pub calendrier: Vec<AnneeV>,
}

#[derive(Debug, Serialize, schemars::JsonSchema)]
pub struct AxesPartie {
    pub partie: Partie,
    /// Milestones of the whole roadmap (no axe, no action), by year.
    pub calendrier: Vec<AnneeV>,
    pub axes: Vec<AxeV>,
    /// Whether the sources give any financing line: without, the overview
    /// shows no « 0 € » column, share or chart.
    pub avec_financement: bool,
    pub total: String,
    pub barres: Vec<Barre>,
    /// The roadmap's own indicators, when it has some.
    pub evaluation: Option<EvaluationV>,
}

#[derive(Debug, Serialize, schemars::JsonSchema)]
pub struct NoteV {
    pub date: String,
    pub texte: Texte,
}

#[derive(Debug, Serialize, schemars::JsonSchema)]
pub struct EtapeV {
    pub libelle: String,
    pub faite: bool,
    pub date: Option<String>,
}

/// The roadmap's own indicators, at the head of the axes part.
#[derive(Debug, Serialize, schemars::JsonSchema)]
pub struct EvaluationV {
    pub h: Heading,
    pub indicateurs: Vec<IndicateurV>,
}

/// Priority, journal and sub-steps of an action, as shown.
pub fn suivi(
    ctx: &Ctx,
    a: &crate::model::Action,
) -> (Option<&'static str>, Vec<NoteV>, Vec<EtapeV>) {
    let notes = a
        .suivi
        .notes
        .iter()
        .map(|n| NoteV {
            date: fmt::date(n.date),
            texte: crate::render::markdown::render(&n.texte, &ctx.refs, 6),
        })
        .collect();
    let etapes = a
        .suivi
        .etapes
        .iter()
        .map(|e| EtapeV {
            libelle: e.libelle.clone(),
            faite: e.faite,
            date: e.date.map(fmt::date),
        })
        .collect();
    (a.suivi.priorite.map(labels::priorite), notes, etapes)
}

fn action(ctx: &Ctx, h: &Headings, ix: usize) -> ActionV {
    let m = ctx.m;
    let a = &m.actions[ix];
    let referents = a
        .referents
        .iter()
        .map(|r| ReferentV {
            nom: ctx.acteur_nom(r.acteur),
            contact: r
                .contact
                .clone()
                .or_else(|| m.acteurs[r.acteur].email.clone()),
        })
        .collect();
    let side = |s: Option<crate::model::Secteur>| -> Vec<String> {
        a.partenaires
            .iter()
            .filter(|p| m.acteurs[**p].secteur == s)
            .map(|p| ctx.acteur_nom(*p))
            .collect()
    };
    let lignes: Vec<&crate::model::Ligne> = ctx.lignes_par_action[ix]
        .iter()
        .map(|&i| &m.lignes[i])
        .collect();
    let financements: Vec<LigneV> = lignes.iter().map(|l| ligne(ctx, l)).collect();
    let argent = &ctx.c.argent;
    let (priorite, journal, etapes) = suivi(ctx, a);
    let cash = lignes.iter().any(|l| l.compte() && !l.en_nature());
    let reste = argent.reste_a_financer[ix].and_then(|r| match r {
        0 => None,
        r if r > 0 => Some(format!("Reste à financer : {}", fmt::money(Money(r)))),
        r => Some(format!(
            "Au-delà du budget : {}",
            fmt::money(Money(r.saturating_neg()))
        )),
    });
    ActionV {
        h: h.actions[ix].clone(),
        numero: a.numero.clone(),
        statut: labels::statut(a.statut),
        statut_code: a.statut,
        periode: fmt::date_range(a.debut, a.fin),
        description: ctx.text(&a.description, 5),
        referents,
        partenaires_publics: side(Some(crate::model::Secteur::Public)),
        partenaires_prives: side(Some(crate::model::Secteur::Prive)),
        partenaires_autres: side(None),
        partenaires_note: a.partenaires_note.clone(),
        avec_recipiendaire: financements.iter().any(|l| l.recipiendaire.is_some()),
        avec_precisions: financements.iter().any(|l| !l.precisions.is_empty()),
        financements,
        total: cash.then(|| fmt::money(argent.par_action[ix])),
        total_nature: (argent.nature_par_action[ix] > Money(0))
            .then(|| fmt::money(argent.nature_par_action[ix])),
        resume: resume(argent, ix, cash, a.budget, &reste),
        budget: a.budget.map(fmt::money),
        reste,
        indicateurs: a
            .indicateurs
            .iter()
            .zip(&ctx.c.indicateurs_actions[ix])
            .map(|(i, f)| indicateur(i, f))
            .collect(),
        besoins: a.besoins.clone(),
        priorite,
        etapes_faites: (!etapes.is_empty()).then(|| {
            format!(
                "{} sur {}",
                etapes.iter().filter(|e| e.faite).count(),
                etapes.len()
            )
        }),
        journal,
        etapes,
    }
}

pub fn axes(ctx: &Ctx, h: &Headings) -> AxesPartie {
    let m = ctx.m;
    let axes: Vec<AxeV> = m
        .axes
        .iter()
        .enumerate()
        .map(|(ix, x)| {
            let n = x.actions.len();
            AxeV {
                h: h.axes[ix].clone(),
                numero: x.numero,
                enjeux: ctx.text(&x.enjeux, 4),
                vigilance: x
                    .vigilance
                    .iter()
                    .map(|v| crate::render::markdown::render(v, &ctx.refs, 5))
                    .collect(),
                declinaison: declinaison(m.feuille.mot_axe, n),
                reprend: super::sous_feuilles::reprend(m, &x.reprend),
                nb_actions: n,
                total: axe_money(ctx, ix),
                part: axe_share(ctx, ix),
                actions: x.actions.iter().map(|a| action(ctx, h, *a)).collect(),
                calendrier: calendrier(ctx, ctx.jalons_par_axe[ix].iter().map(|&i| &m.jalons[i])),
            }
        })
        .collect();
    let barres = barres(
        m.axes
            .iter()
            .enumerate()
            .map(|(ix, x)| {
                (
                    format!("{} {}", labels::pour(m.feuille.mot_axe).axe, x.numero),
                    x.titre.clone(),
                    ctx.c.argent.par_axe[ix].0.max(0) as u64,
                    axe_money(ctx, ix),
                    axe_share(ctx, ix),
                )
            })
            .collect(),
    );
    AxesPartie {
        partie: partie(ctx, h, 3, &m.feuille.axes_introduction, P::Axes),
        calendrier: calendrier(ctx, m.jalons.iter().filter(|j| j.axe.is_none())),
        axes,
        avec_financement: ctx.c.argent.total > Money(0),
        total: fmt::money(ctx.c.argent.total),
        barres,
        evaluation: (!m.indicateurs.is_empty()).then(|| EvaluationV {
            h: h.evaluation.clone(),
            indicateurs: m
                .indicateurs
                .iter()
                .zip(&ctx.c.indicateurs)
                .map(|(i, f)| indicateur(i, f))
                .collect(),
        }),
    }
}

/// Milestones by year, in date order (the model sorts them).
fn calendrier<'a>(ctx: &Ctx, jalons: impl Iterator<Item = &'a crate::model::Jalon>) -> Vec<AnneeV> {
    let mut years: BTreeMap<u16, Vec<JalonV>> = BTreeMap::new();
    for j in jalons {
        years.entry(j.date.annee).or_default().push(jalon(ctx.m, j));
    }
    years
        .into_iter()
        .map(|(annee, jalons)| AnneeV { annee, jalons })
        .collect()
}

/// An axe's cash, « — » when no line finances it.
pub(super) fn axe_money(ctx: &Ctx, ix: usize) -> String {
    let a = &ctx.c.argent;
    if a.axe_finance[ix] {
        fmt::money(a.par_axe[ix])
    } else {
        "—".into()
    }
}

pub(super) fn axe_share(ctx: &Ctx, ix: usize) -> String {
    let a = &ctx.c.argent;
    if a.axe_finance[ix] {
        fmt::opt_share(a.parts_axe[ix])
    } else {
        "—".into()
    }
}

fn resume(
    argent: &crate::compute::money::MoneyFigures,
    ix: usize,
    cash: bool,
    budget: Option<Money>,
    reste: &Option<String>,
) -> String {
    let mut parts = Vec::new();
    if cash {
        parts.push(fmt::money(argent.par_action[ix]));
    }
    if argent.nature_par_action[ix] > Money(0) {
        parts.push(format!(
            "{} : {}",
            labels::FR.valorisations.to_lowercase(),
            fmt::money(argent.nature_par_action[ix])
        ));
    }
    if let Some(b) = budget {
        parts.push(format!(
            "{} de {}",
            labels::FR.budget.to_lowercase(),
            fmt::money(b)
        ));
    }
    parts.extend(reste.clone());
    parts.join(" · ")
}

/// « Cet axe est décliné en 5 actions. », « Cette priorité est déclinée en
/// 1 action. »
fn declinaison(mot: crate::model::MotAxe, n: usize) -> String {
    let ce = fmt::ucfirst(&mot.demonstratif());
    if n == 0 {
        return format!("{ce} n'a pas encore d'action.");
    }
    format!(
        "{ce} est {} en {}.",
        crate::diagnostic::fr::Nom::de_mot(mot).accorde("décliné", 1),
        fmt::count(n, "action", "actions")
    )
}

/// A milestone as the document and the progress report say it: its date
/// or span, its label, the action it belongs to.
pub fn jalon(m: &crate::model::Roadmap, j: &crate::model::Jalon) -> JalonV {
    JalonV {
        date: match j.fin {
            Some(f) => format!("{} → {}", fmt::date(j.date), fmt::date(f)),
            None => fmt::date(j.date),
        },
        libelle: j.libelle.clone(),
        action: j
            .action
            .map(|a| format!("{} {}", labels::FR.action, m.actions[a].numero)),
    }
}
