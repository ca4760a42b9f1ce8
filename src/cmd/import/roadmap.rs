//! What a spreadsheet says, as the roadmap's parts: axes, actions,
//! structures, financing lines, cercles and envelopes. Built from the
//! sheets (the Acteurs sheet first, so that cells name its structures,
//! then the actions, then the Financements sheet), written by `emit`.

use super::acteurs::Registry;
use super::layout::{Header, Layout, detect, fold};
use super::sheet::{Sheet, Value};
use super::values::{Reading, SHEET_FILE};
use crate::diagnostic::{Cell, Diagnostic, codes};
use crate::model::Money;
use std::collections::{BTreeMap, BTreeSet};

#[derive(Debug)]
pub struct Axe {
    pub id: String,
    pub numero: Option<u32>,
    /// `None`: the sheet gives no title (written as a marked placeholder).
    pub titre: Option<String>,
}

#[derive(Debug, Default)]
pub struct Action {
    pub id: String,
    pub axe: String,
    pub numero: Option<String>,
    pub titre: String,
    pub description: Option<String>,
    /// `None`: the sheet gives no status (written as a marked placeholder).
    pub statut: Option<String>,
    pub priorite: Option<String>,
    pub referents: Vec<String>,
    pub partenaires: Vec<String>,
    pub debut: Option<String>,
    pub fin: Option<String>,
    pub budget: Option<Money>,
}

#[derive(Debug, Default)]
pub struct Ligne {
    pub action: String,
    pub financeur: Option<String>,
    pub cercle: Option<String>,
    pub enveloppe: Option<String>,
    pub nature: Option<String>,
    pub statut: Option<String>,
    pub annee: Option<u16>,
    pub montant: Option<Money>,
    pub accorde: Option<Money>,
    pub verse: Option<Money>,
    pub jours: Option<String>,
    pub etp: Option<String>,
    pub libelle: Option<String>,
}

/// A cercle of funders or an envelope, named in a cell.
#[derive(Debug)]
pub struct Groupe {
    pub id: String,
    pub nom: String,
    pub membres: Vec<String>,
}

#[derive(Debug, Default)]
pub struct Roadmap {
    /// The roadmap's word for its axes, when not « axe ».
    pub mot: Option<&'static str>,
    pub axes: Vec<Axe>,
    pub actions: Vec<Action>,
    pub lignes: Vec<Ligne>,
    pub cercles: Vec<Groupe>,
    pub enveloppes: Vec<Groupe>,
    pub acteurs: Registry,
    /// Every year a date or a line names: the period when none is given.
    pub years: BTreeSet<u16>,
}

/// One row of a sheet, with the means to name its cells.
pub struct Row<'a> {
    pub sheet: &'a Sheet,
    pub row: u32,
    pub cells: &'a BTreeMap<u32, Value>,
}

impl Row<'_> {
    pub fn cell(&self, col: u32) -> Cell {
        at(self.sheet, self.row, col)
    }

    pub fn get(&self, col: Option<u32>) -> Option<&Value> {
        self.cells.get(&col?)
    }

    /// The text of a cell, trimmed; `None` when empty.
    pub fn text(&self, col: Option<u32>) -> Option<String> {
        let t = self.get(col)?.text();
        let t = t.trim();
        (!t.is_empty()).then(|| t.to_string())
    }
}

/// The cell at 0-based `row` and `col` of `sheet`.
pub fn at(sheet: &Sheet, row: u32, col: u32) -> Cell {
    Cell {
        sheet: sheet.name.clone(),
        row: row.saturating_add(1),
        col,
    }
}

/// The data rows under a header row: empty rows and the row of field
/// types of the Territoires en Transitions template are skipped.
pub fn data_rows(sheet: &Sheet, header: u32) -> impl Iterator<Item = Row<'_>> {
    sheet
        .rows
        .range(header.saturating_add(1)..)
        .filter(|(_, cells)| !super::layout::is_field_type_row(cells))
        .map(move |(&row, cells)| Row { sheet, row, cells })
}

/// Warn about each header of `sheet`'s row `row` that `known` does not
/// recognise; returns the recognised ones as (column, folded header).
pub fn simple_header(
    sheet: &Sheet,
    known: &[&'static str],
    r: &mut Reading,
) -> BTreeMap<&'static str, u32> {
    let mut cols = BTreeMap::new();
    for (&col, v) in sheet.rows.get(&0).into_iter().flatten() {
        let header = v.text();
        let key = super::layout::header_key(&header);
        match known.iter().find(|k| **k == key) {
            Some(k) => {
                cols.entry(*k).or_insert(col);
            }
            None => unknown_column(&at(sheet, 0, col), &header, known, "", r),
        }
    }
    cols
}

/// The warning for a column whose header is not recognised.
pub fn unknown_column(cell: &Cell, header: &str, known: &[&str], list: &str, r: &mut Reading) {
    let key = super::layout::header_key(header);
    let mut help = crate::diagnostic::did_you_mean(&key, known.iter().copied())
        .map(|h| format!("{h} "))
        .unwrap_or_default();
    let list = if list.is_empty() {
        known.join(", ")
    } else {
        list.to_string()
    };
    help.push_str(&format!("colonnes reconnues : {list}"));
    let msg = format!(
        "colonne « {} » inconnue : son contenu n'est pas repris",
        header.trim()
    );
    r.warn(cell, codes::IMPORT_COLONNE_INCONNUE, msg, Some(&help));
}

/// The sheet named `name` (folded), if any.
fn named<'a>(sheets: &'a [Sheet], name: &str) -> Option<&'a Sheet> {
    sheets
        .iter()
        .find(|s| s.name.as_deref().is_some_and(|n| fold(n) == name))
}

/// The actions sheet and its header: the sheet named Actions, else the
/// first sheet whose header row one layout recognises.
fn actions_sheet(sheets: &[Sheet]) -> Option<(&Sheet, Header)> {
    if let Some(s) = named(sheets, "actions") {
        return detect(s).map(|h| (s, h));
    }
    sheets.iter().find_map(|s| detect(s).map(|h| (s, h)))
}

/// Read every sheet fdr knows into a roadmap; the diagnostics point at
/// cells of the spreadsheet.
pub fn build(sheets: &[Sheet]) -> (Roadmap, Vec<Diagnostic>) {
    let mut diags = Vec::new();
    let mut r = Reading { diags: &mut diags };
    let mut map = Roadmap::default();
    let Some((sheet, header)) = actions_sheet(sheets) else {
        let d = Diagnostic::error(
            codes::IMPORT_FEUILLE_INTROUVABLE,
            "aucune feuille d'actions : ni une feuille « Actions », ni une ligne d'en-têtes reconnue",
        )
        .in_file(SHEET_FILE)
        .help(
            "la première ligne (ou l'une des cinq premières) porte les en-têtes : \
             Titre, Statut, Pilotes… (modèle fdr) ou Axe (x), Titre de l'action, Structure pilote… \
             (modèle Territoires en Transitions)",
        );
        return (map, vec![d]);
    };
    if header.layout == Layout::Fdr
        && let Some(s) = named(sheets, "acteurs")
    {
        super::lignes::acteurs_sheet(s, &mut map, &mut r);
    }
    super::actions::read(sheet, &header, &mut map, &mut r);
    if header.layout == Layout::Fdr
        && let Some(s) = named(sheets, "financements")
    {
        super::lignes::financements_sheet(s, &mut map, &mut r);
    }
    sort_by_cell(&mut diags);
    (map, diags)
}

/// Each sheet's diagnostics in the order of its cells (row, then column),
/// the sheets in the order they were read.
fn sort_by_cell(diags: &mut [Diagnostic]) {
    let mut sheets: Vec<Option<String>> = Vec::new();
    for d in diags.iter() {
        let sheet = d.cell.as_ref().and_then(|c| c.sheet.clone());
        if !sheets.contains(&sheet) {
            sheets.push(sheet);
        }
    }
    diags.sort_by_key(|d| {
        d.cell.as_ref().map(|c| {
            let rank = sheets.iter().position(|s| *s == c.sheet).unwrap_or(0);
            (rank, c.row, c.col)
        })
    });
}
