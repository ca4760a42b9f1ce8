//! The body of the document: introduction, méthodologie, état des lieux,
//! axes and actions, conclusion.

use super::{Ctx, Heading, Headings, join_fr};
use crate::model::{Categorie, Partie as P};
use crate::render::fmt;
use crate::render::labels;
use crate::render::markdown::Texte;
use serde::Serialize;
use std::collections::BTreeMap;

#[derive(Debug, Serialize, schemars::JsonSchema)]
pub struct SectionV {
    pub h: Heading,
    pub texte: Texte,
}

#[derive(Debug, Serialize, schemars::JsonSchema)]
pub struct Partie {
    pub h: Heading,
    pub texte: Option<Texte>,
    /// Free sections placed in this part.
    pub sections: Vec<SectionV>,
}

pub fn partie(ctx: &Ctx, h: &Headings, n: usize, texte: &Option<String>, which: P) -> Partie {
    Partie {
        h: h.parts[n].clone(),
        texte: ctx.text(texte, 3),
        sections: sections(ctx, h, which),
    }
}

fn sections(ctx: &Ctx, h: &Headings, which: P) -> Vec<SectionV> {
    ctx.m
        .sections
        .iter()
        .zip(&h.sections)
        .filter(|(s, _)| s.partie == which)
        .map(|(s, hd)| SectionV {
            h: hd.clone(),
            texte: super::super::markdown::render(&s.texte, &ctx.refs, 4),
        })
        .collect()
}

/// A horizontal bar of a chart: `largeur` in tenths of a percent of the
/// longest bar.
#[derive(Debug, Serialize, schemars::JsonSchema)]
pub struct Barre {
    pub libelle: String,
    pub detail: String,
    pub valeur: String,
    pub part: String,
    pub largeur: u64,
}

pub fn barres(items: Vec<(String, String, u64, String, String)>) -> Vec<Barre> {
    let max = items.iter().map(|i| i.2).max().unwrap_or(0).max(1);
    items
        .into_iter()
        .map(|(libelle, detail, v, valeur, part)| Barre {
            libelle,
            detail,
            valeur,
            part,
            largeur: (v as u128 * 1000 / max as u128) as u64,
        })
        .collect()
}

#[derive(Debug, Serialize, schemars::JsonSchema)]
pub struct ReunionV {
    pub date: String,
    pub date_iso: String,
    pub genre: String,
    pub lieu: Option<String>,
    pub objet: String,
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
fn phrase_participants(
    personnes: Option<u64>,
    informes: Option<u64>,
    structures: usize,
    detail: &str,
) -> Option<String> {
    let mut out = Vec::new();
    if let Some(p) = personnes {
        let mut s = match p {
            1 => "Une personne a pris part aux échanges".to_string(),
            n => format!(
                "{} personnes ont pris part aux échanges",
                fmt::int(n as i128)
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
                },
            ));
        }
    }
    reunions.sort_by(|a, b| {
        a.0.start()
            .cmp(&b.0.start())
            .then_with(|| a.1.genre.cmp(&b.1.genre))
    });
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
        reunions: reunions.into_iter().map(|r| r.1).collect(),
        participants_phrase: phrase.clone(),
        nb_structures: fmt::count(m.concertation.participants.len(), "structure", "structures"),
        groupes,
        personnes: m.concertation.personnes.map(|n| fmt::int(n as i128)),
        acteurs_informes: m.concertation.acteurs_informes.map(|n| fmt::int(n as i128)),
        phrase_reunions: phrase_reunions(nb_reunions),
        phrase_participants: phrase_participants(
            m.concertation.personnes.map(u64::from),
            m.concertation.acteurs_informes.map(u64::from),
            m.concertation.participants.len(),
            &phrase,
        ),
    }
}

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

pub fn etat(ctx: &Ctx, h: &Headings) -> EtatDesLieux {
    let m = ctx.m;
    let t = &m.territoire;
    let chiffres = t
        .chiffres_cles
        .iter()
        .map(|c| ChiffreV {
            valeur: fmt::decimal(c.valeur),
            libelle: c.libelle.clone(),
            description: c.description.clone(),
            source: match (&c.source, c.annee) {
                (Some(s), Some(a)) => Some(format!("{s}, {a}")),
                (Some(s), None) => Some(s.clone()),
                (None, Some(a)) => Some(a.to_string()),
                (None, None) => None,
            },
        })
        .collect();
    let populations = t.populations.as_ref().map(|p| {
        let lignes = p
            .epci
            .iter()
            .zip(&ctx.c.parts_epci)
            .map(|(e, s)| LignePopulation {
                nom: e.nom.clone(),
                population: fmt::int(e.population as i128),
                part: fmt::opt_share(*s),
            })
            .collect();
        let barres = super::parts::barres(
            p.epci
                .iter()
                .zip(&ctx.c.parts_epci)
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
        PopulationsV {
            annee: p.annee,
            source: p.source.clone(),
            lignes,
            total: fmt::int(ctx.c.population_totale as i128),
            nb_epci: fmt::count(p.epci.len(), "intercommunalité", "intercommunalités"),
            barres,
        }
    });
    let taux = t
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
        .collect();
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
        chiffres,
        populations,
        taux,
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

#[derive(Debug, Serialize, schemars::JsonSchema)]
pub struct ReferentV {
    pub nom: String,
    pub contact: Option<String>,
}

#[derive(Debug, Serialize, schemars::JsonSchema)]
pub struct LigneV {
    pub montant: String,
    pub financeur: String,
    pub recipiendaire: String,
    pub annee: Option<u16>,
    pub nature: &'static str,
    pub statut: &'static str,
    pub libelle: Option<String>,
}

#[derive(Debug, Serialize, schemars::JsonSchema)]
pub struct IndicateurV {
    pub libelle: String,
    pub cible: Option<String>,
    pub valeur: Option<String>,
    pub echeance: Option<String>,
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
    pub partenaires_note: Option<String>,
    pub financements: Vec<LigneV>,
    pub total: String,
    pub indicateurs: Vec<IndicateurV>,
    pub besoins: Vec<String>,
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
    pub nb_actions: usize,
    pub total: String,
    pub part: String,
    pub actions: Vec<ActionV>,
    pub calendrier: Vec<AnneeV>,
}

#[derive(Debug, Serialize, schemars::JsonSchema)]
pub struct AxesPartie {
    pub partie: Partie,
    pub axes: Vec<AxeV>,
    pub total: String,
    pub barres: Vec<Barre>,
}

fn qty(d: &Option<crate::model::Decimal>, unite: &Option<String>) -> Option<String> {
    d.map(|v| match unite {
        Some(u) => format!("{} {u}", fmt::decimal(v)),
        None => fmt::decimal(v),
    })
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
    let (publics, prives): (Vec<usize>, Vec<usize>) = a
        .partenaires
        .iter()
        .partition(|p| m.acteurs[**p].categorie.est_public());
    let financements = ctx.lignes_par_action[ix]
        .iter()
        .map(|&i| &m.lignes[i])
        .map(|l| LigneV {
            montant: fmt::money(l.montant),
            financeur: ctx.acteur_nom(l.financeur),
            recipiendaire: ctx.acteur_nom(l.recipiendaire),
            annee: l.annee,
            nature: labels::nature(l.nature),
            statut: labels::statut_financement(l.statut),
            libelle: l.libelle.clone(),
        })
        .collect();
    ActionV {
        h: h.actions[ix].clone(),
        numero: a.numero.clone(),
        statut: labels::statut(a.statut),
        statut_code: a.statut,
        periode: fmt::date_range(a.debut, a.fin),
        description: ctx.text(&a.description, 5),
        referents,
        partenaires_publics: publics.iter().map(|p| ctx.acteur_nom(*p)).collect(),
        partenaires_prives: prives.iter().map(|p| ctx.acteur_nom(*p)).collect(),
        partenaires_note: a.partenaires_note.clone(),
        financements,
        total: fmt::money(ctx.c.par_action[ix]),
        indicateurs: a
            .indicateurs
            .iter()
            .map(|i| IndicateurV {
                libelle: i.libelle.clone(),
                cible: qty(&i.cible, &i.unite),
                valeur: qty(&i.valeur, &i.unite),
                echeance: i.echeance.map(fmt::date),
            })
            .collect(),
        besoins: a.besoins.clone(),
    }
}

pub fn axes(ctx: &Ctx, h: &Headings) -> AxesPartie {
    let m = ctx.m;
    let axes: Vec<AxeV> = m
        .axes
        .iter()
        .enumerate()
        .map(|(ix, x)| {
            let mut years: BTreeMap<u16, Vec<JalonV>> = BTreeMap::new();
            for j in ctx.jalons_par_axe[ix].iter().map(|&i| &m.jalons[i]) {
                years.entry(j.date.annee).or_default().push(JalonV {
                    date: match j.fin {
                        Some(f) => format!("{} → {}", fmt::date(j.date), fmt::date(f)),
                        None => fmt::date(j.date),
                    },
                    libelle: j.libelle.clone(),
                    action: j
                        .action
                        .map(|a| format!("{} {}", labels::FR.action, m.actions[a].numero)),
                });
            }
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
                declinaison: if n == 0 {
                    "Cet axe n'a pas encore d'action.".into()
                } else {
                    format!(
                        "Cet axe est décliné en {}.",
                        fmt::count(n, "action", "actions")
                    )
                },
                nb_actions: n,
                total: fmt::money(ctx.c.par_axe[ix]),
                part: fmt::opt_share(ctx.c.parts_axe[ix]),
                actions: x.actions.iter().map(|a| action(ctx, h, *a)).collect(),
                calendrier: years
                    .into_iter()
                    .map(|(annee, jalons)| AnneeV { annee, jalons })
                    .collect(),
            }
        })
        .collect();
    let barres = barres(
        m.axes
            .iter()
            .enumerate()
            .map(|(ix, x)| {
                (
                    format!("{} {}", labels::FR.axe, x.numero),
                    x.titre.clone(),
                    ctx.c.par_axe[ix].0.max(0) as u64,
                    fmt::money(ctx.c.par_axe[ix]),
                    fmt::opt_share(ctx.c.parts_axe[ix]),
                )
            })
            .collect(),
    );
    AxesPartie {
        partie: partie(ctx, h, 3, &m.feuille.axes_introduction, P::Axes),
        axes,
        total: fmt::money(ctx.c.total),
        barres,
    }
}
