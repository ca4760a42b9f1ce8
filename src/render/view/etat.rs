//! Part 3 of the document: the état des lieux (key figures, population by
//! EPCI, rates, exposed communes, sourced tables).

use super::parts::{Barre, Partie, partie};
use super::{Ctx, Heading, Headings};
use crate::model::Partie as P;
use crate::render::fmt;
use serde::Serialize;

#[derive(Debug, Serialize, schemars::JsonSchema)]
pub struct ChiffreV {
    pub valeur: String,
    pub libelle: String,
    pub description: Option<String>,
    pub source: Option<String>,
}

#[derive(Debug, Serialize, schemars::JsonSchema)]
pub struct LignePopulation {
    pub nom: String,
    pub population: String,
    pub part: String,
}

#[derive(Debug, Serialize, schemars::JsonSchema)]
pub struct PopulationsV {
    pub annee: u16,
    pub source: String,
    pub lignes: Vec<LignePopulation>,
    pub total: String,
    pub nb_epci: String,
    pub barres: Vec<Barre>,
}

#[derive(Debug, Serialize, schemars::JsonSchema)]
pub struct SerieV {
    pub titre: String,
    pub source: Option<String>,
    pub valeurs: Vec<(String, String)>,
}

#[derive(Debug, Serialize, schemars::JsonSchema)]
pub struct TableauV {
    pub titre: String,
    pub source: Option<String>,
    pub colonnes: Vec<String>,
    /// Cells formatted; `true` for numeric cells (right-aligned).
    pub lignes: Vec<Vec<(String, bool)>>,
    pub ligne_total: Option<Vec<(String, bool)>>,
}

#[derive(Debug, Serialize, schemars::JsonSchema)]
pub struct EtatDesLieux {
    pub partie: Partie,
    pub chiffres: Vec<ChiffreV>,
    pub populations: Option<PopulationsV>,
    pub taux: Vec<SerieV>,
    /// "23 communes, 118 010 personnes exposées (16,4 % de leur population)".
    pub communes_resume: Option<String>,
    pub communes_annexe: Option<Heading>,
    pub tableaux: Vec<TableauV>,
}

/// "source, année", whichever of the two the sources give.
fn source_annee(source: &Option<String>, annee: Option<u16>) -> Option<String> {
    match (source, annee) {
        (Some(s), Some(a)) => Some(format!("{s}, {a}")),
        (Some(s), None) => Some(s.clone()),
        (None, Some(a)) => Some(a.to_string()),
        (None, None) => None,
    }
}

fn chiffres(ctx: &Ctx) -> Vec<ChiffreV> {
    ctx.m
        .territoire
        .chiffres_cles
        .iter()
        .map(|c| ChiffreV {
            valeur: fmt::decimal(c.valeur),
            libelle: c.libelle.clone(),
            description: c.description.clone(),
            source: source_annee(&c.source, c.annee),
        })
        .collect()
}

fn populations(ctx: &Ctx) -> Option<PopulationsV> {
    let p = ctx.m.territoire.populations.as_ref()?;
    let rows = || p.epci.iter().zip(&ctx.c.parts_epci);
    let lignes = rows()
        .map(|(e, s)| LignePopulation {
            nom: e.nom.clone(),
            population: fmt::int(e.population as i128),
            part: fmt::opt_share(*s),
        })
        .collect();
    let barres = super::parts::barres(
        rows()
            .map(|(e, s)| {
                (
                    e.nom.clone(),
                    String::new(),
                    e.population,
                    fmt::int(e.population as i128),
                    fmt::opt_share(*s),
                )
            })
            .collect(),
    );
    Some(PopulationsV {
        annee: p.annee,
        source: p.source.clone(),
        lignes,
        total: fmt::int(ctx.c.population_totale as i128),
        nb_epci: fmt::count(p.epci.len(), "intercommunalité", "intercommunalités"),
        barres,
    })
}

fn taux(ctx: &Ctx) -> Vec<SerieV> {
    ctx.m
        .territoire
        .taux
        .iter()
        .map(|s| SerieV {
            titre: s.titre.clone(),
            source: match (&s.source, s.annee) {
                (Some(x), Some(a)) => Some(format!("{x}, {a}")),
                (x, _) => x.clone(),
            },
            valeurs: s
                .valeurs
                .iter()
                .map(|(n, d)| (n.clone(), format!("{}\u{a0}%", fmt::decimal(*d))))
                .collect(),
        })
        .collect()
}

pub fn etat(ctx: &Ctx, h: &Headings) -> EtatDesLieux {
    let m = ctx.m;
    let t = &m.territoire;
    let communes_resume = t.communes.as_ref().map(|c| {
        format!(
            "{} ; {} personnes en situation de fragilité socio-numérique, soit {} de leur population ({} habitants).",
            fmt::count(c.lignes.len(), "commune ou arrondissement retenu", "communes ou arrondissements retenus"),
            fmt::int(ctx.c.communes_fragile as i128),
            fmt::opt_share(ctx.c.communes_part_totale),
            fmt::int(ctx.c.communes_population as i128)
        )
    });
    let communes_annexe = m
        .annexes
        .iter()
        .zip(&h.annexes)
        .find(|(a, _)| a.contenu == crate::model::GenreAnnexe::Communes)
        .map(|(_, hd)| hd.clone());
    let tableaux = t
        .tableaux
        .iter()
        .zip(&ctx.c.tableaux)
        .map(|(tb, tot)| tableau(tb, tot))
        .collect();
    EtatDesLieux {
        partie: partie(ctx, h, 2, &m.feuille.etat_des_lieux, P::EtatDesLieux),
        chiffres: chiffres(ctx),
        populations: populations(ctx),
        taux: taux(ctx),
        communes_resume,
        communes_annexe,
        tableaux,
    }
}

fn tableau(tb: &crate::model::Tableau, tot: &crate::compute::TableTotals) -> TableauV {
    use crate::model::Cellule;
    let cell = |c: &Cellule| match c {
        Cellule::Nombre(n) => (fmt::int(*n as i128), true),
        Cellule::Texte(s) => (s.clone(), false),
        Cellule::Vide => (String::new(), false),
    };
    let mut colonnes = tb.colonnes.clone();
    if let Some(ct) = &tb.colonne_total {
        colonnes.push(ct.clone());
    }
    let lignes = tb
        .lignes
        .iter()
        .zip(&tot.par_ligne)
        .map(|(r, t)| {
            let mut row: Vec<(String, bool)> = r.iter().map(cell).collect();
            if tb.colonne_total.is_some() {
                row.push((t.map(|v| fmt::int(v as i128)).unwrap_or_default(), true));
            }
            row
        })
        .collect();
    let ligne_total = tb.ligne_total.as_ref().map(|lt| {
        let mut row: Vec<(String, bool)> = tot
            .par_colonne
            .iter()
            .enumerate()
            .map(|(i, v)| match (i, v) {
                (0, _) => (lt.clone(), false),
                (_, Some(v)) => (fmt::int(*v as i128), true),
                (_, None) => (String::new(), false),
            })
            .collect();
        if tb.colonne_total.is_some() {
            row.push((
                tot.general.map(|v| fmt::int(v as i128)).unwrap_or_default(),
                true,
            ));
        }
        row
    });
    TableauV {
        titre: tb.titre.clone(),
        source: tb.source.clone(),
        colonnes,
        lignes,
        ligne_total,
    }
}
