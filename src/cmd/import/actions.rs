//! The actions sheet, row by row: axes (fdr: number and title in two
//! columns; Territoires en Transitions: « 1. Titre » in one), actions and,
//! in the TeT layout, the funders of each action.
//!
//! fdr has no sub-axes: a TeT action belongs to its axe (x), and its
//! sous-axe and sous-sous-axe titles close its description, one line
//! each (« Sous-axe : 1.1. Titre »), so that the document still shows them.

use super::acteurs::{slug, split_names, valid_id};
use super::layout::{AXE_WORDS, Field, Header, Layout, fold, header_keys, known_headers};
use super::roadmap::{Action, Axe, Ligne, Roadmap, Row, at, data_rows, unknown_column};
use super::sheet::{Sheet, Value};
use super::values::{self, Reading};
use crate::diagnostic::codes;
use std::collections::{BTreeMap, BTreeSet};

/// Longest identifier made from a title.
const MAX_ID: usize = 48;

struct Columns<'a>(&'a Header);

impl Columns<'_> {
    fn of(&self, f: Field) -> Option<u32> {
        self.0
            .columns
            .iter()
            .find(|c| c.field == Some(f))
            .map(|c| c.col)
    }
}

pub fn read(sheet: &Sheet, header: &Header, map: &mut Roadmap, r: &mut Reading) {
    map.mot = header.axe_word;
    report_columns(sheet, header, r);
    let cols = Columns(header);
    let mut axes: BTreeMap<String, usize> = BTreeMap::new();
    for row in data_rows(sheet, header.row) {
        let Some(titre) = row.text(cols.of(Field::Titre)) else {
            let col = cols.of(Field::Titre).unwrap_or(0);
            let msg = "ligne sans titre d'action : elle n'est pas reprise".to_string();
            let help = "donnez un titre à l'action, ou supprimez la ligne";
            r.error(
                &row.cell(col),
                codes::IMPORT_TITRE_MANQUANT,
                msg,
                Some(help),
            );
            continue;
        };
        let axe = axe_of(&row, &cols, header.layout, map, &mut axes, r);
        let mut action = Action {
            id: action_id(&row, &cols, &titre, map, r),
            axe,
            numero: row.text(cols.of(Field::Numero)),
            description: description(&row, &cols),
            titre,
            ..Action::default()
        };
        fill(&mut action, &row, &cols, header.layout, map, r);
        if header.layout == Layout::Tet {
            funders(&action.id, &row, header, map, r);
        }
        map.actions.push(action);
    }
}

/// Unknown columns, columns filled without a header, and TeT columns
/// fdr does not take that hold something.
fn report_columns(sheet: &Sheet, header: &Header, r: &mut Reading) {
    let keys = header_keys(header.layout);
    let headed: BTreeSet<u32> = header.columns.iter().map(|c| c.col).collect();
    let unheaded: BTreeSet<u32> = data_rows(sheet, header.row)
        .flat_map(|row| row.cells.keys().copied().collect::<Vec<_>>())
        .filter(|c| !headed.contains(c))
        .collect();
    for col in unheaded {
        let cell = crate::diagnostic::Cell {
            sheet: None,
            row: 1,
            col,
        }
        .to_string();
        let letters = cell.trim_end_matches(|c: char| c.is_ascii_digit());
        let msg = format!("colonne {letters} remplie sans en-tête : son contenu n'est pas repris");
        let help = "donnez-lui un en-tête reconnu, ou videz-la";
        r.warn(
            &at(sheet, header.row, col),
            codes::IMPORT_COLONNE_INCONNUE,
            msg,
            Some(help),
        );
    }
    for c in &header.columns {
        let cell = at(sheet, header.row, c.col);
        match c.field {
            None if !c.header.is_empty() => {
                unknown_column(&cell, &c.header, &keys, known_headers(header.layout), r);
            }
            Some(Field::NotTaken(why)) => {
                let filled = data_rows(sheet, header.row)
                    .filter(|row| row.text(Some(c.col)).is_some())
                    .count();
                if filled > 0 {
                    let msg = format!(
                        "colonne « {} » non reprise ({filled} {}) : {why}",
                        c.header,
                        if filled == 1 {
                            "cellule remplie"
                        } else {
                            "cellules remplies"
                        }
                    );
                    r.warn(&cell, codes::IMPORT_COLONNE_NON_REPRISE, msg, None);
                }
            }
            _ => {}
        }
    }
}

/// `Axe 1. Titre`, `1. Titre`, `1 - Titre`, `Titre` → (number, title).
fn split_axe(text: &str) -> (Option<u32>, Option<String>) {
    let mut rest = text.trim();
    let folded = fold(rest);
    if let Some((w, _)) = AXE_WORDS
        .iter()
        .find(|(w, _)| folded.starts_with(&format!("{w} ")))
    {
        rest = rest[rest
            .char_indices()
            .nth(w.chars().count())
            .map_or(0, |(i, _)| i)..]
            .trim_start();
    }
    let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
    let numero = digits.parse().ok();
    if numero.is_some() {
        rest = rest[digits.len()..].trim_start_matches(['.', ')', '-', '–', ':', ' ']);
    }
    let titre = rest.trim();
    (numero, (!titre.is_empty()).then(|| titre.to_string()))
}

/// The axe of a row: created on its first row, by number and title.
fn axe_of(
    row: &Row,
    cols: &Columns,
    layout: Layout,
    map: &mut Roadmap,
    axes: &mut BTreeMap<String, usize>,
    r: &mut Reading,
) -> String {
    let (numero, titre) = match layout {
        Layout::Tet => row
            .text(cols.of(Field::AxeTet))
            .map_or((None, None), |t| split_axe(&t)),
        Layout::Fdr => {
            let col = cols.of(Field::AxeNumero);
            let numero = row.text(col).and_then(|t| match t.parse::<u32>() {
                Ok(n) => Some(n),
                Err(_) => {
                    let msg =
                        format!("numéro d'axe « {t} » : un nombre entier est attendu (1, 2…)");
                    r.error(
                        &row.cell(col.unwrap_or(0)),
                        codes::IMPORT_NOMBRE_INVALIDE,
                        msg,
                        None,
                    );
                    None
                }
            });
            (numero, row.text(cols.of(Field::AxeTitre)))
        }
    };
    let key = format!(
        "{}\u{0}{}",
        numero.map_or(String::new(), |n| n.to_string()),
        titre.as_deref().map(fold).unwrap_or_default()
    );
    if let Some(&i) = axes.get(&key) {
        return map.axes[i].id.clone();
    }
    let base = titre
        .as_deref()
        .and_then(|t| slug(t, MAX_ID))
        .unwrap_or_else(|| numero.map_or("axe".into(), |n| format!("axe-{n}")));
    let mut id = base.clone();
    let mut n = 2;
    while map.axes.iter().any(|a| a.id == id) {
        id = format!("{base}-{n}");
        n += 1;
    }
    if titre.is_none() {
        let col = cols
            .of(Field::AxeTitre)
            .or(cols.of(Field::AxeTet))
            .or(cols.of(Field::Titre));
        let msg = format!("axe sans titre dans le tableur : « {id} », titre à préciser");
        r.warn(
            &row.cell(col.unwrap_or(0)),
            codes::IMPORT_A_PRECISER,
            msg,
            None,
        );
    }
    axes.insert(key, map.axes.len());
    map.axes.push(Axe {
        id: id.clone(),
        numero,
        titre,
    });
    id
}

/// The action's identifier: the Identifiant column, else the slug of its
/// title, made unique in the order of the rows.
fn action_id(row: &Row, cols: &Columns, titre: &str, map: &Roadmap, r: &mut Reading) -> String {
    let taken = |id: &str| map.actions.iter().any(|a| a.id == id);
    let col = cols.of(Field::Identifiant);
    if let Some(id) = row.text(col) {
        let cell = row.cell(col.unwrap_or(0));
        if !valid_id(&id) {
            let msg =
                format!("identifiant « {id} » invalide : minuscules, chiffres, points et tirets");
            r.error(&cell, codes::IMPORT_IDENTIFIANT_INVALIDE, msg, None);
        } else if taken(&id) {
            let msg = format!("identifiant « {id} » déjà donné à une autre action");
            r.error(&cell, codes::IMPORT_IDENTIFIANT_INVALIDE, msg, None);
        } else {
            return id;
        }
    }
    let base = slug(titre, MAX_ID).unwrap_or_else(|| "action".into());
    let mut id = base.clone();
    let mut n = 2;
    while taken(&id) {
        id = format!("{base}-{n}");
        n += 1;
    }
    id
}

/// The description, then the sous-axe and sous-sous-axe lines.
fn description(row: &Row, cols: &Columns) -> Option<String> {
    let mut parts: Vec<String> = row.text(cols.of(Field::Description)).into_iter().collect();
    for (f, label) in [
        (Field::SousAxe, "Sous-axe"),
        (Field::SousSousAxe, "Sous-sous-axe"),
    ] {
        if let Some(t) = row.text(cols.of(f)) {
            parts.push(format!(
                "{label} : {}",
                t.split_whitespace().collect::<Vec<_>>().join(" ")
            ));
        }
    }
    (!parts.is_empty()).then(|| parts.join("\n\n"))
}

/// Status, priority, structures, dates and budget of an action.
fn fill(
    a: &mut Action,
    row: &Row,
    cols: &Columns,
    layout: Layout,
    map: &mut Roadmap,
    r: &mut Reading,
) {
    let col = cols.of(Field::Statut);
    let statut_cell = row.cell(col.or(cols.of(Field::Titre)).unwrap_or(0));
    match row.text(col) {
        Some(t) => a.statut = values::statuts().read(&t, &statut_cell, r),
        None => {
            let msg = format!(
                "statut de l'action « {} » non donné : « À venir » écrit à sa place, à préciser",
                a.id
            );
            r.warn(&statut_cell, codes::IMPORT_A_PRECISER, msg, None);
        }
    }
    let col = cols.of(Field::Priorite);
    if let Some(t) = row.text(col) {
        a.priorite = values::priorites().read(&t, &row.cell(col.unwrap_or(0)), r);
    }
    let commas = layout == Layout::Tet;
    for (f, list) in [
        (Field::Pilotes, &mut a.referents),
        (Field::Partenaires, &mut a.partenaires),
    ] {
        let col = cols.of(f);
        for name in row
            .text(col)
            .map(|t| split_names(&t, commas))
            .unwrap_or_default()
        {
            if let Some(id) = map.acteurs.name(&name, &row.cell(col.unwrap_or(0)), r)
                && !list.contains(&id)
            {
                list.push(id);
            }
        }
    }
    for (f, slot) in [(Field::Debut, &mut a.debut), (Field::Fin, &mut a.fin)] {
        let col = cols.of(f);
        if let Some(v) = row.get(col) {
            *slot = values::date(v, &row.cell(col.unwrap_or(0)), r);
            if let Some(y) = slot.as_deref().and_then(|d| d.get(..4)?.parse().ok()) {
                map.years.insert(y);
            }
        }
    }
    let col = cols.of(Field::Budget);
    if let Some(v) = row.get(col) {
        a.budget = values::montant(v, &row.cell(col.unwrap_or(0)), r);
    }
}

/// TeT: « Financeur N » and its « Montant € HT »: one line each. Several
/// structures in one cell fund together: a cercle, without shares.
fn funders(action: &str, row: &Row, header: &Header, map: &mut Roadmap, r: &mut Reading) {
    for n in 1..=3u8 {
        let col = |f| {
            header
                .columns
                .iter()
                .find(|c| c.field == Some(f))
                .map(|c| c.col)
        };
        let (fcol, mcol) = (col(Field::Financeur(n)), col(Field::Montant(n)));
        let names = row
            .text(fcol)
            .map(|t| split_names(&t, true))
            .unwrap_or_default();
        let montant = row
            .get(mcol)
            .and_then(|v: &Value| values::montant(v, &row.cell(mcol.unwrap_or(0)), r));
        if montant.is_none() {
            if !names.is_empty() && row.get(mcol).is_none() {
                let msg = format!(
                    "financeur « {} » sans montant : aucune ligne de financement créée",
                    names.join(", ")
                );
                r.warn(
                    &row.cell(fcol.unwrap_or(0)),
                    codes::IMPORT_A_PRECISER,
                    msg,
                    None,
                );
            }
            continue;
        }
        let cell = row.cell(fcol.unwrap_or(0));
        let ids: Vec<String> = names
            .iter()
            .filter_map(|nm| map.acteurs.name(nm, &cell, r))
            .collect();
        let mut ligne = Ligne {
            action: action.to_string(),
            montant,
            ..Ligne::default()
        };
        match ids.as_slice() {
            [] => {}
            [one] => ligne.financeur = Some(one.clone()),
            _ => ligne.cercle = Some(super::lignes::cercle(&names.join(", "), ids, map)),
        }
        map.lignes.push(ligne);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_axe_cells() {
        assert_eq!(
            split_axe("1. Un territoire"),
            (Some(1), Some("Un territoire".into()))
        );
        assert_eq!(
            split_axe("Axe 2. ACCÈS AUX SOINS"),
            (Some(2), Some("ACCÈS AUX SOINS".into()))
        );
        assert_eq!(
            split_axe("Objectif 3 – Former"),
            (Some(3), Some("Former".into()))
        );
        assert_eq!(split_axe("Former"), (None, Some("Former".into())));
        assert_eq!(split_axe("Axe 4"), (Some(4), None));
    }
}
