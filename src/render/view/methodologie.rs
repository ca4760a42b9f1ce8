//! Part 2 of the document: the method, its meetings and who took part,
//! with the sentences agreed in number.

use super::parts::{Partie, partie};
use super::{Ctx, Headings, join_fr};
use crate::model::{Categorie, Partie as P};
use crate::render::fmt;
use crate::render::labels;
use serde::Serialize;
use std::collections::BTreeMap;

#[derive(Debug, Serialize, schemars::JsonSchema)]
pub struct ReunionV {
    pub date: String,
    pub date_iso: String,
    pub genre: String,
    pub lieu: Option<String>,
    pub objet: String,
    /// Structures present, by name (concertation meetings only).
    pub participants: Vec<String>,
}

#[derive(Debug, Serialize, schemars::JsonSchema)]
pub struct GroupeV {
    pub libelle: String,
    pub nombre: usize,
    pub nombre_texte: String,
    pub acteurs: Vec<String>,
}

#[derive(Debug, Serialize, schemars::JsonSchema)]
pub struct Methodologie {
    pub partie: Partie,
    pub reunions: Vec<ReunionV>,
    /// Some meeting names the structures present: they are listed after
    /// the table.
    pub avec_participants: bool,
    pub nb_reunions: String,
    pub groupes: Vec<GroupeV>,
    /// "26 collectivités, 19 associations et 4 centres sociaux".
    pub participants_phrase: String,
    pub nb_structures: String,
    pub personnes: Option<String>,
    pub acteurs_informes: Option<String>,
    /// "3 réunions jalonnent la démarche :", agreed; absent without meetings.
    pub phrase_reunions: Option<String>,
    /// Who took part, agreed: "60 personnes ont pris part aux échanges.
    /// 17 structures ont participé : …"; absent when nothing is known.
    pub phrase_participants: Option<String>,
}

/// "Une réunion jalonne la démarche :", "3 réunions jalonnent la démarche :".
fn phrase_reunions(n: usize) -> Option<String> {
    match n {
        0 => None,
        1 => Some("Une réunion jalonne la démarche :".into()),
        n => Some(format!(
            "{} jalonnent la démarche :",
            fmt::count(n, "réunion", "réunions")
        )),
    }
}

/// The participation sentence, from what the sources give (people,
/// informed acteurs, participating structures), each agreed in number.
/// « 23 collectivités et plus de 18 structures », and whether the verb is
/// plural.
fn phrase_effectifs(effectifs: &[crate::model::Effectif]) -> Option<(String, bool)> {
    if effectifs.is_empty() {
        return None;
    }
    let parts: Vec<String> = effectifs
        .iter()
        .map(|e| {
            let n = e.nombre as usize;
            let (one, many) = match (&e.categorie, &e.libelle) {
                (Some(c), _) => labels::categorie(*c),
                (None, Some(l)) => (l.as_str(), l.as_str()),
                (None, None) => ("structure", "structures"),
            };
            let counted = fmt::count(n, one, many);
            match e.precision {
                Some(p) => format!("{} {counted}", labels::approximation(p)),
                None => counted,
            }
        })
        .collect();
    let plural = effectifs.len() > 1
        || effectifs
            .first()
            .is_some_and(|e| e.nombre > 1 || e.precision.is_some());
    Some((join_fr(&parts), plural))
}

fn phrase_participants(
    personnes: Option<(u64, Option<crate::model::Approximation>)>,
    informes: Option<u64>,
    effectifs: Option<(String, bool)>,
    structures: usize,
    detail: &str,
) -> Option<String> {
    let mut out = Vec::new();
    if let Some((p, approx)) = personnes {
        let mut s = match (p, approx) {
            (1, None) => "Une personne a pris part aux échanges".to_string(),
            (n, None) => format!(
                "{} personnes ont pris part aux échanges",
                fmt::int(n as i128)
            ),
            (n, Some(a)) => format!(
                "{} {} ont pris part aux échanges",
                fmt::ucfirst(labels::approximation(a)),
                fmt::count(n as usize, "personne", "personnes")
            ),
        };
        if let Some(i) = informes {
            s.push_str(&format!(
                ", sur {} de la démarche",
                fmt::count(i as usize, "acteur informé", "acteurs informés")
            ));
        }
        out.push(format!("{s}."));
    }
    if let Some((text, plural)) = effectifs {
        let verb = if plural {
            "ont participé"
        } else {
            "a participé"
        };
        out.push(format!("{} {verb}.", fmt::ucfirst(&text)));
        return Some(out.join(" "));
    }
    match structures {
        0 => {}
        1 => out.push(format!("Une structure a participé : {detail}.")),
        n => out.push(format!(
            "{} ont participé : {detail}.",
            fmt::count(n, "structure", "structures")
        )),
    }
    (!out.is_empty()).then(|| out.join(" "))
}

pub fn methodologie(ctx: &Ctx, h: &Headings) -> Methodologie {
    let m = ctx.m;
    let reunions = reunions(ctx);
    let mut by_cat: BTreeMap<Categorie, Vec<String>> = BTreeMap::new();
    for p in &m.concertation.participants {
        by_cat
            .entry(m.acteurs[*p].categorie)
            .or_default()
            .push(ctx.acteur_nom(*p));
    }
    let groupes: Vec<GroupeV> = by_cat
        .into_iter()
        .map(|(c, acteurs)| {
            let (one, many) = labels::categorie(c);
            GroupeV {
                libelle: labels::categorie_titre(c),
                nombre: acteurs.len(),
                nombre_texte: fmt::count(acteurs.len(), one, many),
                acteurs,
            }
        })
        .collect();
    let phrase = join_fr(
        &groupes
            .iter()
            .map(|g| g.nombre_texte.clone())
            .collect::<Vec<_>>(),
    );
    let nb_reunions = reunions.len();
    Methodologie {
        partie: partie(ctx, h, 1, &m.feuille.methodologie, P::Methodologie),
        nb_reunions: fmt::count(reunions.len(), "réunion", "réunions"),
        avec_participants: reunions.iter().any(|r| !r.1.participants.is_empty()),
        reunions: reunions.into_iter().map(|r| r.1).collect(),
        participants_phrase: phrase.clone(),
        nb_structures: fmt::count(m.concertation.participants.len(), "structure", "structures"),
        groupes,
        personnes: m.concertation.personnes.map(|n| fmt::int(n as i128)),
        acteurs_informes: m.concertation.acteurs_informes.map(|n| fmt::int(n as i128)),
        phrase_reunions: phrase_reunions(nb_reunions),
        phrase_participants: phrase_participants(
            m.concertation
                .personnes
                .map(|p| (u64::from(p), m.concertation.personnes_precision)),
            m.concertation.acteurs_informes.map(u64::from),
            phrase_effectifs(&m.concertation.effectifs),
            m.concertation.participants.len(),
            &phrase,
        ),
    }
}

/// The meetings of the concertation and of the instances, by date.
fn reunions(ctx: &Ctx) -> Vec<(crate::model::DateFlou, ReunionV)> {
    let m = ctx.m;
    let mut reunions: Vec<(crate::model::DateFlou, ReunionV)> = Vec::new();
    for r in &m.concertation.reunions {
        reunions.push((
            r.date,
            ReunionV {
                date: fmt::date(r.date),
                date_iso: r.date.to_string(),
                genre: fmt::ucfirst(labels::type_reunion(r.genre)),
                lieu: r.lieu.clone(),
                objet: r.objet.clone(),
                participants: r.participants.iter().map(|p| ctx.acteur_nom(*p)).collect(),
            },
        ));
    }
    for i in &m.gouvernance.instances {
        for r in &i.reunions {
            reunions.push((
                r.date,
                ReunionV {
                    date: fmt::date(r.date),
                    date_iso: r.date.to_string(),
                    genre: i.sigle.clone().unwrap_or_else(|| i.nom.clone()),
                    lieu: r.lieu.clone(),
                    objet: r.objet.clone().unwrap_or_else(|| i.nom.clone()),
                    participants: Vec::new(),
                },
            ));
        }
    }
    reunions.sort_by(|a, b| {
        a.0.start()
            .cmp(&b.0.start())
            .then_with(|| a.1.genre.cmp(&b.1.genre))
    });
    reunions
}
