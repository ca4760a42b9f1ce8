//! The sheets besides the actions (fdr layout): Acteurs (structures, with
//! their category) and Financements (one row per line and year), and the
//! cercles and envelopes their cells name.

use super::acteurs::{Acteur, slug, valid_id};
use super::layout::{ACTEURS, FINANCEMENTS, fold};
use super::roadmap::{Groupe, Ligne, Roadmap, Row, data_rows, simple_header};
use super::sheet::Sheet;
use super::values::{self, Reading};
use crate::diagnostic::codes;
use std::collections::BTreeMap;

/// The cercle of funders named `nom`, created on first use.
pub fn cercle(nom: &str, membres: Vec<String>, map: &mut Roadmap) -> String {
    groupe(nom, membres, &mut map.cercles, "cercle")
}

fn groupe(nom: &str, membres: Vec<String>, list: &mut Vec<Groupe>, kind: &str) -> String {
    if let Some(g) = list.iter().find(|g| fold(&g.nom) == fold(nom)) {
        return g.id.clone();
    }
    let base = slug(nom, 48).unwrap_or_else(|| kind.to_string());
    let mut id = base.clone();
    let mut n = 2;
    while list.iter().any(|g| g.id == id) {
        id = format!("{base}-{n}");
        n += 1;
    }
    list.push(Groupe {
        id: id.clone(),
        nom: nom.to_string(),
        membres,
    });
    id
}

/// Column of a recognised header.
fn col(cols: &BTreeMap<&'static str, u32>, key: &str) -> Option<u32> {
    cols.get(key).copied()
}

/// The Acteurs sheet: Identifiant, Nom, Sigle, Catégorie, Secteur.
pub fn acteurs_sheet(sheet: &Sheet, map: &mut Roadmap, r: &mut Reading) {
    let cols = simple_header(sheet, ACTEURS, r);
    for row in data_rows(sheet, 0) {
        let Some(nom) = row.text(col(&cols, "nom")) else {
            let msg = "structure sans nom : elle n'est pas reprise".to_string();
            let cell = row.cell(col(&cols, "nom").unwrap_or(0));
            r.error(&cell, codes::IMPORT_TITRE_MANQUANT, msg, None);
            continue;
        };
        let cell = row.cell(col(&cols, "identifiant").unwrap_or(0));
        let id = match row.text(col(&cols, "identifiant")) {
            Some(id) if valid_id(&id) => Some(id),
            Some(id) => {
                let msg = format!(
                    "identifiant « {id} » invalide : minuscules, chiffres, points et tirets"
                );
                r.error(&cell, codes::IMPORT_IDENTIFIANT_INVALIDE, msg, None);
                None
            }
            None => None,
        };
        let Some(id) = id.or_else(|| slug(&nom, 48)) else {
            continue;
        };
        let choice = |key: &str, c: values::Choices, r: &mut Reading| {
            let k = col(&cols, key);
            row.text(k)
                .and_then(|t| c.read(&t, &row.cell(k.unwrap_or(0)), r))
        };
        let acteur = Acteur {
            id,
            nom,
            sigle: row.text(col(&cols, "sigle")),
            categorie: choice("categorie", values::categories(), r),
            secteur: choice("secteur", values::secteurs(), r),
            first: cell,
        };
        map.acteurs.declare(acteur, r);
    }
}

/// The action a row of the Financements sheet funds: by identifier, else
/// by number.
fn action_of(
    row: &Row,
    cols: &BTreeMap<&'static str, u32>,
    map: &Roadmap,
    r: &mut Reading,
) -> Option<String> {
    let by_id = row.text(col(cols, "identifiant de l'action"));
    let by_num = row.text(col(cols, "action"));
    let found = match (&by_id, &by_num) {
        (Some(id), _) => map.actions.iter().find(|a| &a.id == id),
        (None, Some(n)) => map.actions.iter().find(|a| a.numero.as_ref() == Some(n)),
        (None, None) => None,
    };
    if let Some(a) = found {
        return Some(a.id.clone());
    }
    let (key, what) = match (&by_id, &by_num) {
        (Some(id), _) => (
            "identifiant de l'action",
            format!("aucune action n'a l'identifiant « {id} »"),
        ),
        (None, Some(n)) => ("action", format!("aucune action n'a le numéro « {n} »")),
        (None, None) => ("action", "ligne de financement sans action".to_string()),
    };
    let cell = row.cell(col(cols, key).unwrap_or(0));
    let help = "donnez le numéro ou l'identifiant d'une action de la feuille Actions";
    r.error(&cell, codes::IMPORT_ACTION_INCONNUE, what, Some(help));
    None
}

/// The Financements sheet: one line per row (a line given per year in
/// the export comes back as one line per year, same totals).
pub fn financements_sheet(sheet: &Sheet, map: &mut Roadmap, r: &mut Reading) {
    let cols = simple_header(sheet, FINANCEMENTS, r);
    for row in data_rows(sheet, 0) {
        let Some(action) = action_of(&row, &cols, map, r) else {
            continue;
        };
        let cell = |key: &str| row.cell(col(&cols, key).unwrap_or(0));
        let money = |key: &str, r: &mut Reading| {
            row.get(col(&cols, key))
                .and_then(|v| values::montant(v, &cell(key), r))
        };
        let choice = |key: &str, c: values::Choices, r: &mut Reading| {
            row.text(col(&cols, key))
                .and_then(|t| c.read(&t, &cell(key), r))
        };
        let decimal = |key: &str, r: &mut Reading| {
            row.get(col(&cols, key))
                .and_then(|v| values::decimal(v, &cell(key), r))
        };
        let mut ligne = Ligne {
            action,
            montant: money("montant", r),
            accorde: money("accorde", r),
            verse: money("verse", r),
            nature: choice("nature", values::natures(), r),
            statut: choice("statut", values::statuts_financement(), r),
            jours: decimal("jours", r),
            etp: decimal("etp", r),
            libelle: row.text(col(&cols, "libelle")),
            annee: row
                .get(col(&cols, "annee"))
                .and_then(|v| values::annee(v, &cell("annee"), r)),
            ..Ligne::default()
        };
        if let Some(nom) = row.text(col(&cols, "financeur")) {
            ligne.financeur = map.acteurs.name(&nom, &cell("financeur"), r);
        }
        if let Some(nom) = row.text(col(&cols, "cercle")) {
            ligne.cercle = Some(cercle(&nom, Vec::new(), map));
        }
        if let Some(nom) = row.text(col(&cols, "enveloppe")) {
            ligne.enveloppe = Some(groupe(&nom, Vec::new(), &mut map.enveloppes, "enveloppe"));
        }
        if let Some(y) = ligne.annee {
            map.years.insert(y);
        }
        map.lignes.push(ligne);
    }
}
