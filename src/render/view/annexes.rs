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
    pub frequence: Option<&'static str>,
    /// « Instance stratégique, 2 à 3 réunions par an, active. », from the
    /// facts given only.
    pub description: String,
    pub role: Option<String>,
    pub membres: Vec<String>,
    pub colleges: Vec<CollegeV>,
    /// (date, objet, lieu).
    pub reunions: Vec<(String, Option<String>, Option<String>)>,
}

#[derive(Debug, Serialize, schemars::JsonSchema)]
pub struct CollegeV {
    pub nom: String,
    pub sieges: Option<String>,
    pub membres: Vec<String>,
    pub note: Option<String>,
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
                frequence: i.frequence.map(labels::frequence),
                description: description(i),
                role: i.role.clone(),
                membres: i.membres.iter().map(|a| ctx.acteur_nom(*a)).collect(),
                colleges: i
                    .colleges
                    .iter()
                    .map(|c| CollegeV {
                        nom: c.nom.clone(),
                        sieges: c.sieges.map(|n| fmt::count(n as usize, "siège", "sièges")),
                        membres: c.membres.iter().map(|a| ctx.acteur_nom(*a)).collect(),
                        note: c.note.clone(),
                    })
                    .collect(),
                reunions: i
                    .reunions
                    .iter()
                    .map(|r| {
                        let date = fmt::ucfirst(&fmt::date(r.date));
                        (date, r.objet.clone(), r.lieu.clone())
                    })
                    .collect(),
            })
            .collect(),
    }
}

/// « Instance technique, 2 à 3 réunions par an, active. »: the kind, the
/// rhythm and the state, each only when the sources give it.
fn description(i: &crate::model::Instance) -> String {
    use crate::model::{Frequence, TypeInstance};
    let mut parts: Vec<String> = match i.genre {
        TypeInstance::Autre => Vec::new(),
        g => vec![format!("Instance {}", labels::type_instance(g))],
    };
    if let Some(f) = i.frequence.filter(|f| *f != Frequence::Autre) {
        parts.push(format!("réunion {}", labels::frequence(f)));
    }
    match i.reunions_par_an {
        Some((de, Some(a))) => parts.push(format!("{de} à {a} réunions par an")),
        Some((n, None)) => parts.push(fmt::count(n as usize, "réunion par an", "réunions par an")),
        None => {}
    }
    parts.extend(i.statut.map(|s| labels::statut_instance(s).to_string()));
    if parts.is_empty() {
        return String::new();
    }
    format!("{}.", fmt::ucfirst(&parts.join(", ")))
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
