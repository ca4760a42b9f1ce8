//! Annexes: their numbered list and the computed content each may show.

use super::chronogramme::{ChronoV, chronogramme};
use super::financement::{FinancementV, financement};
use super::fonds::{FondsV, fonds};
use super::gouvernance::{GouvernanceV, gouvernance, useful_sigle};
use super::{Ctx, Heading, Headings};
use crate::model::{Categorie, GenreAnnexe};
use crate::render::fmt;
use crate::render::labels;
use crate::render::markdown::Texte;
use serde::Serialize;
use std::collections::BTreeMap;

#[derive(Debug, Serialize, schemars::JsonSchema)]
pub struct AnnexeV {
    pub h: Heading,
    pub contenu: GenreAnnexe,
    pub texte: Option<Texte>,
}

#[derive(Debug, Serialize, schemars::JsonSchema)]
pub struct ActeurV {
    pub nom: String,
    pub sigle: Option<String>,
    pub commune: Option<String>,
    pub email: Option<String>,
    pub site: Option<String>,
    /// The site is an `http(s)://` address, safe to link to.
    pub site_lien: bool,
}

#[derive(Debug, Serialize, schemars::JsonSchema)]
pub struct CategorieV {
    pub libelle: String,
    pub nombre: String,
    pub acteurs: Vec<ActeurV>,
}

#[derive(Debug, Serialize, schemars::JsonSchema)]
pub struct SecteurV {
    pub libelle: &'static str,
    pub nombre: String,
    pub categories: Vec<CategorieV>,
}

#[derive(Debug, Serialize, schemars::JsonSchema)]
pub struct LigneCommune {
    pub code_postal: String,
    pub commune: String,
    pub population: String,
    pub ifn: String,
    pub fragile: String,
    pub part: String,
}

#[derive(Debug, Serialize, schemars::JsonSchema)]
pub struct CommunesV {
    pub titre: String,
    pub source: Option<String>,
    pub lignes: Vec<LigneCommune>,
    pub total_population: String,
    pub total_fragile: String,
    pub total_part: String,
    pub ifn_moyen: Option<String>,
    pub nombre: String,
}

#[derive(Debug, Serialize, schemars::JsonSchema)]
pub struct AnnexesPartie {
    /// Whether there is any annex: without, the part is left out.
    pub present: bool,
    pub h: Heading,
    pub liste: Vec<AnnexeV>,
    pub acteurs: Vec<SecteurV>,
    pub communes: Option<CommunesV>,
    pub chronogramme: Option<ChronoV>,
    pub financement: FinancementV,
    pub fonds: Vec<FondsV>,
    pub gouvernance: GouvernanceV,
    pub sous_feuilles: super::SousFeuillesV,
}

pub fn annexes(ctx: &Ctx, h: &Headings) -> AnnexesPartie {
    let liste = ctx
        .m
        .annexes
        .iter()
        .zip(&h.annexes)
        .map(|(a, hd)| AnnexeV {
            h: hd.clone(),
            contenu: a.contenu,
            texte: ctx.text(&a.texte, 4),
        })
        .collect();
    AnnexesPartie {
        present: h.present[5],
        h: h.parts[5].clone(),
        liste,
        acteurs: acteurs(ctx),
        communes: communes(ctx),
        chronogramme: chronogramme(ctx, h),
        financement: financement(ctx, h),
        fonds: fonds(ctx),
        gouvernance: gouvernance(ctx),
        sous_feuilles: super::sous_feuilles::sous_feuilles(ctx),
    }
}

fn acteurs(ctx: &Ctx) -> Vec<SecteurV> {
    // Public, then private, then the structures neither side claims.
    let mut by: BTreeMap<(u8, Categorie), Vec<ActeurV>> = BTreeMap::new();
    for a in &ctx.m.acteurs {
        let side = match a.secteur {
            Some(crate::model::Secteur::Public) => 0,
            Some(crate::model::Secteur::Prive) => 1,
            None => 2,
        };
        by.entry((side, a.categorie)).or_default().push(ActeurV {
            nom: a.nom.clone(),
            sigle: useful_sigle(&a.nom, a.sigle.as_deref()),
            commune: a.commune.clone(),
            email: a.email.clone(),
            site: a.site.clone(),
            site_lien: a
                .site
                .as_deref()
                .is_some_and(|s| s.starts_with("https://") || s.starts_with("http://")),
        });
    }
    let mut out: Vec<SecteurV> = Vec::new();
    for ((side, cat), mut acteurs) in by {
        acteurs.sort_by_key(|a| a.nom.to_lowercase());
        let libelle = match side {
            0 => labels::FR.acteurs_publics,
            1 => labels::FR.structures_privees,
            _ => labels::FR.autres_structures,
        };
        if out.last().is_none_or(|s| s.libelle != libelle) {
            out.push(SecteurV {
                libelle,
                nombre: String::new(),
                categories: Vec::new(),
            });
        }
        let (one, many) = labels::categorie(cat);
        if let Some(s) = out.last_mut() {
            s.categories.push(CategorieV {
                libelle: labels::categorie_titre(cat),
                nombre: fmt::count(acteurs.len(), one, many),
                acteurs,
            });
        }
    }
    for s in &mut out {
        let n: usize = s.categories.iter().map(|c| c.acteurs.len()).sum();
        s.nombre = fmt::count(n, "structure", "structures");
    }
    out
}

fn communes(ctx: &Ctx) -> Option<CommunesV> {
    let c = ctx.m.territoire.communes.as_ref()?;
    Some(CommunesV {
        titre: c.titre.clone(),
        source: c.source.clone(),
        lignes: c
            .lignes
            .iter()
            .zip(&ctx.c.communes_parts)
            .map(|(l, s)| LigneCommune {
                code_postal: l.code_postal.clone(),
                commune: l.commune.clone(),
                population: fmt::int(l.population as i128),
                ifn: l.ifn.map(fmt::decimal).unwrap_or_default(),
                fragile: l
                    .population_fragile
                    .map(|f| fmt::int(f as i128))
                    .unwrap_or_else(|| "—".into()),
                part: s.map(fmt::share).unwrap_or_else(|| "—".into()),
            })
            .collect(),
        total_population: fmt::int(ctx.c.communes_population as i128),
        total_fragile: fmt::int(ctx.c.communes_fragile as i128),
        total_part: fmt::opt_share(ctx.c.communes_part_totale),
        ifn_moyen: c.ifn_moyen.map(fmt::decimal),
        nombre: fmt::count(c.lignes.len(), "commune", "communes"),
    })
}
