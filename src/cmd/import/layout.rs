//! Column layouts: the fdr layout (the contract shared with `fdr export
//! --format xlsx|ods`, sheets Actions, Financements, Acteurs) and the plan
//! import template of Territoires en Transitions (one sheet, header on row
//! 2, a row of field types under it). Headers are matched leniently: case,
//! accents, spaces, a trailing `(€)`, `€ HT` or `(x.x)`.

use super::sheet::{Sheet, Value};

pub use crate::model::names::fold;

/// A header as compared: folded, without a unit or numbering hint.
pub fn header_key(s: &str) -> String {
    let mut k = fold(s);
    for suffix in [
        "(€)", "€ ht", "(€ ht)", "€", "(x)", "(x.x)", "(x.x.x)", "(%)",
    ] {
        if let Some(rest) = k.strip_suffix(suffix) {
            k = rest.trim_end().to_string();
        }
    }
    k
}

/// What a column of the actions sheet holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    /// fdr: the axe's number; the header may be the roadmap's word for it.
    AxeNumero,
    AxeTitre,
    /// TeT: « 1. Titre de l'axe » in one cell.
    AxeTet,
    SousAxe,
    SousSousAxe,
    Numero,
    Identifiant,
    Titre,
    Description,
    Statut,
    Priorite,
    Pilotes,
    Partenaires,
    Debut,
    Fin,
    Budget,
    /// TeT: « Financeur 1 » to « Financeur 3 ».
    Financeur(u8),
    /// TeT: the « Montant € HT » after a « Financeur N ».
    Montant(u8),
    /// Computed by the export (Financé, Reste à financer): ignored.
    Computed,
    /// A TeT column fdr has no field for: its content is reported, not taken.
    NotTaken(&'static str),
}

/// The two layouts of an actions sheet.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Layout {
    Fdr,
    Tet,
}

/// Words a roadmap may use for its axes (`vocabulaire.axe`).
pub const AXE_WORDS: &[(&str, &str)] = &[
    ("axe", "axe"),
    ("objectif", "objectif"),
    ("orientation", "orientation"),
    ("priorite", "priorite"),
    ("chantier", "chantier"),
];

const FDR: &[(&str, Field)] = &[
    ("numero", Field::Numero),
    ("identifiant", Field::Identifiant),
    ("titre", Field::Titre),
    ("description", Field::Description),
    ("statut", Field::Statut),
    ("priorite", Field::Priorite),
    ("pilotes", Field::Pilotes),
    ("partenaires", Field::Partenaires),
    ("debut", Field::Debut),
    ("fin", Field::Fin),
    ("budget", Field::Budget),
    ("finance", Field::Computed),
    ("reste a financer", Field::Computed),
];

const PERSONNES: &str = "fdr ne reprend pas de noms de personnes";
const SANS_CHAMP: &str = "fdr n'a pas de champ pour cette colonne : reportez-la à la main";

const TET: &[(&str, Field)] = &[
    ("axe", Field::AxeTet),
    ("sous-axe", Field::SousAxe),
    ("sous-sous axe", Field::SousSousAxe),
    ("titre de l'action", Field::Titre),
    ("titre de la fiche action", Field::Titre),
    ("descriptif", Field::Description),
    ("structure pilote", Field::Pilotes),
    ("partenaires", Field::Partenaires),
    ("financeur 1", Field::Financeur(1)),
    ("financeur 2", Field::Financeur(2)),
    ("financeur 3", Field::Financeur(3)),
    ("budget previsionnel total", Field::Budget),
    ("statut", Field::Statut),
    ("niveau de priorite", Field::Priorite),
    ("date de debut", Field::Debut),
    ("date de fin", Field::Fin),
    ("personne pilote", Field::NotTaken(PERSONNES)),
    ("elue referente", Field::NotTaken(PERSONNES)),
    ("titre de la sous-action", Field::NotTaken(SANS_CHAMP)),
    ("instances de gouvernance", Field::NotTaken(SANS_CHAMP)),
    ("objectifs", Field::NotTaken(SANS_CHAMP)),
    ("indicateurs lies", Field::NotTaken(SANS_CHAMP)),
    ("moyens humains et techniques", Field::NotTaken(SANS_CHAMP)),
    ("direction ou service pilote", Field::NotTaken(SANS_CHAMP)),
    ("participation citoyenne", Field::NotTaken(SANS_CHAMP)),
    ("financements", Field::NotTaken(SANS_CHAMP)),
    (
        "action en amelioration continue",
        Field::NotTaken(SANS_CHAMP),
    ),
    ("calendrier", Field::NotTaken(SANS_CHAMP)),
    ("mesures liees", Field::NotTaken(SANS_CHAMP)),
    ("actions liees", Field::NotTaken(SANS_CHAMP)),
    ("actions des plans liees", Field::NotTaken(SANS_CHAMP)),
    ("fiches des plans liees", Field::NotTaken(SANS_CHAMP)),
    ("notes", Field::NotTaken(SANS_CHAMP)),
    ("notes de suivi", Field::NotTaken(SANS_CHAMP)),
    ("notes complementaires", Field::NotTaken(SANS_CHAMP)),
    ("etapes de l'action", Field::NotTaken(SANS_CHAMP)),
    ("etapes de la fiche action", Field::NotTaken(SANS_CHAMP)),
    ("documents et liens", Field::NotTaken(SANS_CHAMP)),
];

/// The headers of the financing lines sheet (fdr layout).
pub const FINANCEMENTS: &[&str] = &[
    "action",
    "identifiant de l'action",
    "financeur",
    "cercle",
    "enveloppe",
    "nature",
    "statut",
    "annee",
    "montant",
    "accorde",
    "verse",
    "jours",
    "etp",
    "libelle",
];

/// The headers of the structures sheet (fdr layout).
pub const ACTEURS: &[&str] = &["identifiant", "nom", "sigle", "categorie", "secteur"];

/// The axe word of a header (`Objectif` → `objectif`), if it is one.
fn axe_word(key: &str) -> Option<&'static str> {
    AXE_WORDS.iter().find(|(k, _)| *k == key).map(|(_, w)| *w)
}

/// « Titre de l'axe », « Titre de la priorité », « Titre du chantier ».
fn is_axe_title(key: &str) -> bool {
    ["titre de l'", "titre de la ", "titre du "]
        .iter()
        .filter_map(|p| key.strip_prefix(p))
        .any(|w| axe_word(w).is_some())
}

/// A header of the actions sheet in `layout`. In the fdr layout, the first
/// axe word before the title column names the axe column: « Priorité »
/// is the axe when the roadmap calls its axes priorités, and the priority
/// of actions after it (`axe_done`: the axe or the title column was seen).
fn field(layout: Layout, key: &str, axe_done: bool) -> Option<Field> {
    match layout {
        Layout::Fdr if is_axe_title(key) => Some(Field::AxeTitre),
        Layout::Fdr if !axe_done && axe_word(key).is_some() => Some(Field::AxeNumero),
        Layout::Fdr => FDR.iter().find(|(k, _)| *k == key).map(|(_, f)| *f),
        Layout::Tet if key == "montant" => None,
        Layout::Tet => TET.iter().find(|(k, _)| *k == key).map(|(_, f)| *f),
    }
}

/// The header of one column: its place, text and meaning.
#[derive(Debug, Clone)]
pub struct Column {
    pub col: u32,
    pub header: String,
    pub field: Option<Field>,
}

/// The columns of an actions sheet, read from its header row.
#[derive(Debug)]
pub struct Header {
    pub layout: Layout,
    /// 0-based row of the headers.
    pub row: u32,
    pub columns: Vec<Column>,
    /// The header of the axe column, folded, when it is an axe word other
    /// than « axe » (the roadmap's vocabulary).
    pub axe_word: Option<&'static str>,
}

/// Map the header row `row` in `layout`.
fn map_row(sheet: &Sheet, row: u32, layout: Layout) -> Header {
    let mut columns = Vec::new();
    let (mut axe_done, mut axe_word_found, mut financeur) = (false, None, None);
    for (&col, v) in sheet.rows.get(&row).into_iter().flatten() {
        let header = v.text().trim().to_string();
        let key = header_key(&header);
        let f = match field(layout, &key, axe_done) {
            None if layout == Layout::Tet && key == "montant" => financeur.map(Field::Montant),
            f => f,
        };
        match f {
            Some(Field::AxeNumero) => {
                axe_done = true;
                axe_word_found = axe_word(&key).filter(|w| *w != "axe");
            }
            Some(Field::Titre) => axe_done = true,
            Some(Field::Financeur(n)) => financeur = Some(n),
            Some(Field::Montant(_)) => financeur = None,
            _ => {}
        }
        columns.push(Column {
            col,
            header,
            field: f,
        });
    }
    Header {
        layout,
        row,
        columns,
        axe_word: axe_word_found,
    }
}

fn known(h: &Header) -> usize {
    h.columns.iter().filter(|c| c.field.is_some()).count()
}

/// The header of an actions sheet: among its first five rows, the one
/// where one layout recognises the most headers (at least two, one of
/// them the title). The fdr layout wins a tie.
pub fn detect(sheet: &Sheet) -> Option<Header> {
    let mut best: Option<Header> = None;
    for row in 0..5 {
        for layout in [Layout::Fdr, Layout::Tet] {
            let h = map_row(sheet, row, layout);
            let has_title = h.columns.iter().any(|c| c.field == Some(Field::Titre));
            if has_title && known(&h) >= 2 && best.as_ref().is_none_or(|b| known(&h) > known(b)) {
                best = Some(h);
            }
        }
    }
    best
}

/// A TeT row that describes the fields (« Champ texte », « Champ date »)
/// rather than an action.
pub fn is_field_type_row(cells: &std::collections::BTreeMap<u32, Value>) -> bool {
    !cells.is_empty()
        && cells
            .values()
            .all(|v| matches!(v, Value::Text(s) if fold(s).starts_with("champ ")))
}

/// The known headers of `layout`, as written, for help messages.
pub fn known_headers(layout: Layout) -> &'static str {
    match layout {
        Layout::Fdr => {
            "Axe, Titre de l'axe, Numéro, Identifiant, Titre, Description, Statut, Priorité, \
             Pilotes, Partenaires, Début, Fin, Budget (€), Financé (€), Reste à financer (€)"
        }
        Layout::Tet => {
            "Axe (x), Sous-axe (x.x), Sous-sous axe (x.x.x), Titre de l'action, Descriptif, \
             Structure pilote, Partenaires, Financeur 1 à 3 et leur Montant € HT, \
             Budget prévisionnel total € HT, Statut, Niveau de priorité, Date de début, \
             Date de fin (et les autres colonnes du modèle, signalées mais non reprises)"
        }
    }
}

/// Every header key of `layout`, for « vouliez-vous dire » help.
pub fn header_keys(layout: Layout) -> Vec<&'static str> {
    match layout {
        Layout::Fdr => FDR
            .iter()
            .map(|(k, _)| *k)
            .chain(["axe", "titre de l'axe"])
            .collect(),
        Layout::Tet => TET.iter().map(|(k, _)| *k).chain(["montant"]).collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_headers() {
        assert_eq!(header_key("  Budget   (€) "), "budget");
        assert_eq!(
            header_key("Budget prévisionnel total € HT"),
            "budget previsionnel total"
        );
        assert_eq!(header_key("Élu·e référent·e "), "elue referente");
        assert_eq!(header_key("Titre de l’action"), "titre de l'action");
        assert_eq!(header_key("Sous-axe (x.x)"), "sous-axe");
        assert_eq!(header_key("Statut "), "statut");
    }

    #[test]
    fn priorite_is_the_axe_when_it_comes_first() {
        assert_eq!(
            field(Layout::Fdr, "priorite", false),
            Some(Field::AxeNumero)
        );
        assert_eq!(field(Layout::Fdr, "priorite", true), Some(Field::Priorite));
        assert_eq!(
            field(Layout::Fdr, "titre de la priorite", true),
            Some(Field::AxeTitre)
        );
    }
}
