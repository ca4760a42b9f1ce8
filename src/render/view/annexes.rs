//! Annexes: their numbered list and the computed content each may show.

use super::parts::Barre;
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

#[derive(Debug, Serialize, schemars::JsonSchema)]
pub struct LigneFinancementV {
    pub numero: String,
    pub titre: String,
    pub ancre: String,
    pub montant: String,
    pub referents: String,
    pub recipiendaires: String,
}

#[derive(Debug, Serialize, schemars::JsonSchema)]
pub struct AxeFinancementV {
    pub h: Heading,
    pub lignes: Vec<LigneFinancementV>,
    pub sous_total: String,
    pub part: String,
}

#[derive(Debug, Serialize, schemars::JsonSchema)]
pub struct MontantActeurV {
    pub nom: String,
    pub montant: String,
    pub part: String,
}

#[derive(Debug, Serialize, schemars::JsonSchema)]
pub struct EnveloppeV {
    pub libelle: String,
    pub financeur: String,
    pub periode: Option<String>,
    pub montant: String,
    pub affecte: String,
    pub disponible: String,
}

#[derive(Debug, Serialize, schemars::JsonSchema)]
pub struct FinancementV {
    pub axes: Vec<AxeFinancementV>,
    pub total: String,
    pub par_financeur: Vec<MontantActeurV>,
    pub par_recipiendaire: Vec<MontantActeurV>,
    pub par_annee: Vec<(u16, String)>,
    pub enveloppes: Vec<EnveloppeV>,
    pub barres: Vec<Barre>,
}

#[derive(Debug, Serialize, schemars::JsonSchema)]
pub struct FondsV {
    pub nom: String,
    pub description: Option<Texte>,
    pub objectifs: Vec<String>,
    pub beneficiaires: Option<String>,
    pub cible: Option<String>,
    pub recipiendaire: Option<String>,
    pub montant: Option<String>,
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

fn chronogramme(ctx: &Ctx, h: &Headings) -> Option<ChronoV> {
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

fn financement(ctx: &Ctx, h: &Headings) -> FinancementV {
    let m = ctx.m;
    let names = |v: Vec<usize>| {
        let mut seen = Vec::new();
        for x in v {
            if !seen.contains(&x) {
                seen.push(x);
            }
        }
        seen.iter()
            .map(|i| ctx.acteur_nom(*i))
            .collect::<Vec<_>>()
            .join(" + ")
    };
    let axes = m
        .axes
        .iter()
        .enumerate()
        .map(|(ax, x)| AxeFinancementV {
            h: h.axes[ax].clone(),
            lignes: x
                .actions
                .iter()
                .map(|a| {
                    let act = &m.actions[*a];
                    LigneFinancementV {
                        numero: act.numero.clone(),
                        titre: act.titre.clone(),
                        ancre: h.actions[*a].ancre.clone(),
                        montant: fmt::money(ctx.c.par_action[*a]),
                        referents: names(act.referents.iter().map(|r| r.acteur).collect()),
                        recipiendaires: names(
                            ctx.lignes_par_action[*a]
                                .iter()
                                .map(|&i| m.lignes[i].recipiendaire)
                                .collect(),
                        ),
                    }
                })
                .collect(),
            sous_total: fmt::money(ctx.c.par_axe[ax]),
            part: fmt::opt_share(ctx.c.parts_axe[ax]),
        })
        .collect();
    let per = |v: &[crate::compute::Amount]| {
        v.iter()
            .map(|a| MontantActeurV {
                nom: ctx.acteur_nom(a.acteur),
                montant: fmt::money(a.montant),
                part: fmt::opt_share(a.part),
            })
            .collect()
    };
    let enveloppes = m
        .enveloppes
        .iter()
        .enumerate()
        .map(|(i, e)| EnveloppeV {
            libelle: e.libelle.clone(),
            financeur: ctx.acteur_nom(e.financeur),
            periode: fmt::date_range(e.debut, e.fin),
            montant: fmt::money(e.montant),
            affecte: fmt::money(ctx.c.par_enveloppe[i]),
            disponible: fmt::money(e.montant - ctx.c.par_enveloppe[i]),
        })
        .collect();
    FinancementV {
        axes,
        total: fmt::money(ctx.c.total),
        par_financeur: per(&ctx.c.par_financeur),
        par_recipiendaire: per(&ctx.c.par_recipiendaire),
        par_annee: ctx
            .c
            .par_annee
            .iter()
            .map(|(y, mo)| (*y, fmt::money(*mo)))
            .collect(),
        enveloppes,
        barres: Vec::new(),
    }
}

fn fonds(ctx: &Ctx) -> Vec<FondsV> {
    ctx.m
        .fonds
        .iter()
        .map(|f| FondsV {
            nom: f.nom.clone(),
            description: ctx.text(&f.description, 5),
            objectifs: f.objectifs.clone(),
            beneficiaires: f.beneficiaires.clone(),
            cible: f.cible.as_ref().map(|c| {
                let v = format!("{} {}", fmt::decimal(c.valeur), c.unite);
                let v = if c.minimum {
                    format!("au moins {v}")
                } else {
                    v
                };
                match c.echeance {
                    Some(e) => format!("{v} ({})", fmt::date(e)),
                    None => v,
                }
            }),
            recipiendaire: f.recipiendaire.map(|r| ctx.acteur_nom(r)),
            montant: f.montant.map(fmt::money),
        })
        .collect()
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
/// it ("Orange (direction Sud-Est)" with sigle « Orange »).
fn useful_sigle(nom: &str, sigle: Option<&str>) -> Option<String> {
    let sigle = sigle?.trim();
    let words: Vec<&str> = nom
        .split(|c: char| !c.is_alphanumeric() && c != '+' && c != '-')
        .collect();
    (!sigle.is_empty() && !words.iter().any(|w| w.eq_ignore_ascii_case(sigle)))
        .then(|| sigle.to_string())
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
        assert_eq!(useful_sigle("Hub du Sud", None), None);
    }
}
