//! Annexes: their numbered list and the computed content each may show.

use super::chronogramme::{ChronoV, chronogramme};
use super::financement::{FinancementV, financement};
use super::fonds::{FondsV, fonds};
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
pub struct InstanceV {
    pub nom: String,
    pub sigle: Option<String>,
    pub genre: &'static str,
    pub frequence: &'static str,
    pub role: Option<String>,
    pub membres: Vec<String>,
    pub reunions: Vec<(String, Option<String>)>,
}

#[derive(Debug, Serialize, schemars::JsonSchema)]
pub struct MembreV {
    pub nom: String,
    pub roles: String,
}

#[derive(Debug, Serialize, schemars::JsonSchema)]
pub struct GouvernanceV {
    pub membres: Vec<MembreV>,
    pub instances: Vec<InstanceV>,
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
    }
}

fn acteurs(ctx: &Ctx) -> Vec<SecteurV> {
    let mut by: BTreeMap<(bool, Categorie), Vec<ActeurV>> = BTreeMap::new();
    for a in &ctx.m.acteurs {
        by.entry((!a.categorie.est_public(), a.categorie))
            .or_default()
            .push(ActeurV {
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
    for ((prive, cat), mut acteurs) in by {
        acteurs.sort_by_key(|a| a.nom.to_lowercase());
        let libelle = if prive {
            labels::FR.structures_privees
        } else {
            labels::FR.acteurs_publics
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

fn gouvernance(ctx: &Ctx) -> GouvernanceV {
    let g = &ctx.m.gouvernance;
    GouvernanceV {
        membres: g
            .membres
            .iter()
            .map(|mb| MembreV {
                nom: ctx.acteur_nom(mb.acteur),
                roles: mb
                    .roles
                    .iter()
                    .map(|r| labels::role(*r))
                    .collect::<Vec<_>>()
                    .join(", "),
            })
            .collect(),
        instances: g
            .instances
            .iter()
            .map(|i| InstanceV {
                nom: i.nom.clone(),
                sigle: useful_sigle(&i.nom, i.sigle.as_deref()),
                genre: labels::type_instance(i.genre),
                frequence: labels::frequence(i.frequence),
                role: i.role.clone(),
                membres: i.membres.iter().map(|a| ctx.acteur_nom(*a)).collect(),
                reunions: i
                    .reunions
                    .iter()
                    .map(|r| (fmt::ucfirst(&fmt::date(r.date)), r.objet.clone()))
                    .collect(),
            })
            .collect(),
    }
}

/// A sigle worth printing after the name: not when the name already says
/// it, word for word ("Orange (direction Sud-Est)" with sigle « Orange »,
/// "Région Provence-Alpes-Côte d'Azur (Région Sud)" with « Région Sud »).
fn useful_sigle(nom: &str, sigle: Option<&str>) -> Option<String> {
    let sigle = sigle?.trim();
    let words = |s: &str| -> Vec<String> {
        s.split(|c: char| !c.is_alphanumeric() && c != '+' && c != '-')
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .collect()
    };
    let (name, short) = (words(nom), words(sigle));
    let said = !short.is_empty() && name.windows(short.len()).any(|w| w == short.as_slice());
    (!sigle.is_empty() && !said).then(|| sigle.to_string())
}

#[cfg(test)]
mod sigle_tests {
    use super::useful_sigle;

    #[test]
    fn a_sigle_the_name_already_says_is_not_repeated() {
        assert_eq!(
            useful_sigle("Orange (direction Sud-Est)", Some("Orange")),
            None
        );
        assert_eq!(
            useful_sigle(
                "Union européenne (Fonds social européen plus)",
                Some("FSE+")
            ),
            Some("FSE+".into())
        );
        assert_eq!(
            useful_sigle(
                "Région Provence-Alpes-Côte d'Azur (Région Sud)",
                Some("Région Sud")
            ),
            None
        );
        assert_eq!(
            useful_sigle(
                "Fondation Orange (délégation Sud-Est)",
                Some("Fondation Orange")
            ),
            None
        );
        assert_eq!(
            useful_sigle("Maison des jeunes et de la culture", Some("MJC")),
            Some("MJC".into())
        );
        assert_eq!(useful_sigle("Hub du Sud", None), None);
    }
}
