//! The governance annex: instances, collèges, members and their roles, and
//! the seating diagram (who sits in which instance or collège).

use super::Ctx;
use crate::render::fmt;
use crate::render::labels;
use serde::Serialize;

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
    /// Who sits where, when at least one instance or collège names its members.
    pub schema: Option<SchemaV>,
}

/// The seating diagram: one row per structure that sits somewhere, one
/// column per instance (or per collège of an instance that has some).
#[derive(Debug, Serialize, schemars::JsonSchema)]
pub struct SchemaV {
    pub colonnes: Vec<ColonneV>,
    pub lignes: Vec<LigneSchemaV>,
    /// Width of the label column of the SVG, in pixels (longest label).
    pub largeur_etiquettes: u32,
    /// Height of the rotated column headings of the SVG, in pixels.
    pub hauteur_entetes: u32,
    /// Height of the band naming the instances above their collèges (0 without collèges).
    pub hauteur_groupes: u32,
    /// Width of a column and height of a row of the SVG, in pixels.
    pub pas_colonne: u32,
    pub pas_ligne: u32,
    /// Size of the whole SVG, in pixels.
    pub largeur: u32,
    pub hauteur: u32,
    /// Text alternative: « COPIL : Préfecture, Département ; … ».
    pub description: String,
}

#[derive(Debug, Serialize, schemars::JsonSchema)]
pub struct ColonneV {
    /// « COPIL », or « Comité syndical, collège des EPCI ».
    pub libelle: String,
    /// The rotated heading: the instance, or the collège under its
    /// instance's group, cut to fit.
    pub etiquette: String,
    /// « 5 sièges » when the collège's seats are known.
    pub sieges: Option<String>,
    /// On the first column of an instance with collèges: the instance,
    /// printed above its columns.
    pub groupe: Option<GroupeInstanceV>,
}

#[derive(Debug, Serialize, schemars::JsonSchema)]
pub struct GroupeInstanceV {
    pub nom: String,
    /// How many columns it spans.
    pub colonnes: usize,
}

#[derive(Debug, Serialize, schemars::JsonSchema)]
pub struct LigneSchemaV {
    pub nom: String,
    /// The name cut to fit the SVG's label column (full name in `nom`).
    pub etiquette: String,
    /// One per column: whether the structure sits there.
    pub cases: Vec<bool>,
}

pub(super) fn gouvernance(ctx: &Ctx) -> GouvernanceV {
    let g = &ctx.m.gouvernance;
    GouvernanceV {
        schema: schema(ctx),
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

/// Longest label kept whole in the SVG; longer names are cut with « … ».
const LABEL_CHARS: usize = 42;
/// Upper bound of the advance of a character of the SVG's 11 px font, in pixels.
const CHAR_PX: usize = 6;
/// Width of a column and height of a row of the SVG, in pixels.
const COLUMN: u32 = 34;
const ROW: u32 = 26;

/// The columns, who sits in each, and the text alternative.
type Columns = (Vec<ColonneV>, Vec<Vec<usize>>, Vec<String>);

fn columns(ctx: &Ctx) -> Columns {
    let mut colonnes = Vec::new();
    let mut seated: Vec<Vec<usize>> = Vec::new();
    let mut description = Vec::new();
    for i in &ctx.m.gouvernance.instances {
        let first = colonnes.len();
        for (etiquette, sieges, membres) in seats(i) {
            let libelle = if i.colleges.is_empty() {
                etiquette.clone()
            } else {
                format!("{}, {etiquette}", short_name(i))
            };
            if !membres.is_empty() {
                let noms: Vec<String> = membres.iter().map(|a| ctx.acteur_nom(*a)).collect();
                description.push(format!("{libelle} : {}", noms.join(", ")));
            }
            colonnes.push(ColonneV {
                etiquette: fmt::truncate(&etiquette, LABEL_CHARS),
                libelle,
                sieges: sieges.map(|n| fmt::count(n as usize, "siège", "sièges")),
                groupe: None,
            });
            seated.push(membres.to_vec());
        }
        let taille = colonnes.len() - first;
        if let Some(c) = colonnes.get_mut(first).filter(|_| !i.colleges.is_empty()) {
            c.groupe = Some(GroupeInstanceV {
                nom: fmt::truncate(&short_name(i), LABEL_CHARS),
                colonnes: taille,
            });
        }
    }
    (colonnes, seated, description)
}

fn schema(ctx: &Ctx) -> Option<SchemaV> {
    let (colonnes, seated, description) = columns(ctx);
    let mut rows: Vec<usize> = Vec::new();
    for a in seated.iter().flatten() {
        if !rows.contains(a) {
            rows.push(*a);
        }
    }
    if rows.is_empty() {
        return None;
    }
    let lignes: Vec<LigneSchemaV> = rows
        .iter()
        .map(|a| {
            let nom = ctx.acteur_nom(*a);
            LigneSchemaV {
                etiquette: fmt::truncate(&nom, LABEL_CHARS),
                cases: seated.iter().map(|s| s.contains(a)).collect(),
                nom,
            }
        })
        .collect();
    let label = lignes
        .iter()
        .map(|l| l.etiquette.chars().count())
        .max()
        .unwrap_or(0);
    let heading = colonnes
        .iter()
        .map(|c| c.etiquette.chars().count() + c.sieges.as_ref().map_or(0, |s| s.len() + 3))
        .max()
        .unwrap_or(0);
    // A group's name may run past its last column: the SVG widens for it.
    let overflow = colonnes
        .iter()
        .enumerate()
        .filter_map(|(x, c)| c.groupe.as_ref().map(|g| (x, g)))
        .map(|(x, g)| {
            let x = u32::try_from(x).unwrap_or(u32::MAX);
            x.saturating_mul(COLUMN)
                .saturating_add(px(g.nom.chars().count()))
        })
        .max()
        .unwrap_or(0);
    let groups = colonnes.iter().any(|c| c.groupe.is_some());
    // Headings are 11 px text: about 5.5 px a character, plus a margin.
    let hh = u32::try_from(heading.saturating_mul(11) / 2 + 12).unwrap_or(u32::MAX);
    let (lw, gh) = (px(label + 2), if groups { 20 } else { 0 });
    let ncols = u32::try_from(colonnes.len()).unwrap_or(u32::MAX);
    let nrows = u32::try_from(lignes.len()).unwrap_or(u32::MAX);
    Some(SchemaV {
        largeur_etiquettes: lw,
        hauteur_entetes: hh,
        hauteur_groupes: gh,
        pas_colonne: COLUMN,
        pas_ligne: ROW,
        largeur: lw
            .saturating_add(COLUMN.saturating_mul(ncols).max(overflow))
            .saturating_add(10),
        hauteur: gh
            .saturating_add(hh)
            .saturating_add(ROW.saturating_mul(nrows))
            .saturating_add(10),
        colonnes,
        lignes,
        description: format!("{}.", description.join(" ; ")),
    })
}

fn px(chars: usize) -> u32 {
    u32::try_from(chars.saturating_mul(CHAR_PX)).unwrap_or(u32::MAX)
}

fn short_name(i: &crate::model::Instance) -> String {
    i.sigle.clone().unwrap_or_else(|| i.nom.clone())
}

/// The columns of one instance: its own members, then one per collège; an
/// instance nobody is named in, without seats, says nothing of who sits
/// where and has none.
fn seats(i: &crate::model::Instance) -> Vec<(String, Option<u32>, &[usize])> {
    let mut out: Vec<(String, Option<u32>, &[usize])> = Vec::new();
    if !i.membres.is_empty() {
        out.push((short_name(i), None, &i.membres));
    }
    for c in &i.colleges {
        if !c.membres.is_empty() || c.sieges.is_some() {
            out.push((c.nom.clone(), c.sieges, &c.membres));
        }
    }
    out
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
    if i.reservee_aux_financeurs {
        parts.push("réservée aux financeurs".to_string());
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
pub(super) fn useful_sigle(nom: &str, sigle: Option<&str>) -> Option<String> {
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
