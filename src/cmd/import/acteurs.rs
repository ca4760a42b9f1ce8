//! Structures named in cells become acteurs with stable identifiers (the
//! slug of the first spelling met). Spellings that differ only by case,
//! accents, spaces or punctuation are one structure, reported once per
//! spelling; a sigle or identifier of the Acteurs sheet names it too.

use super::layout::fold;
use super::values::Reading;
use crate::diagnostic::{Cell, codes};
use std::collections::{BTreeSet, HashMap};

/// Longest identifier made from a name.
const MAX_ID: usize = 48;

/// `Hub du Sud (13)` → `hub-du-sud-13`: lower case ASCII letters, digits
/// and dashes, cut at a dash before `max` characters; `None` when nothing
/// is left.
pub fn slug(s: &str, max: usize) -> Option<String> {
    let mut out = String::new();
    for c in fold(s).chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    let mut out = out.trim_end_matches('-').to_string();
    if out.len() > max {
        let cut = out[..max].rfind('-').unwrap_or(max);
        out.truncate(cut);
    }
    (!out.is_empty()).then_some(out)
}

/// An identifier written in the sheet: the roadmap's pattern.
pub fn valid_id(s: &str) -> bool {
    !s.is_empty()
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b"._-".contains(&b))
}

/// A structure of the roadmap.
#[derive(Debug, Clone)]
pub struct Acteur {
    pub id: String,
    pub nom: String,
    pub sigle: Option<String>,
    pub categorie: Option<String>,
    pub secteur: Option<String>,
    /// Where it was first named.
    pub first: Cell,
}

/// The structures met so far, by the slug of their names.
#[derive(Debug, Default)]
pub struct Registry {
    pub acteurs: Vec<Acteur>,
    by_key: HashMap<String, usize>,
    ids: BTreeSet<String>,
    /// (structure, spelling) already reported as merged.
    reported: BTreeSet<(usize, String)>,
}

impl Registry {
    fn free_id(&self, base: &str) -> String {
        let mut id = base.to_string();
        let mut n = 2;
        while self.ids.contains(&id) {
            id = format!("{base}-{n}");
            n += 1;
        }
        id
    }

    fn insert(&mut self, a: Acteur) -> usize {
        let i = self.acteurs.len();
        for key in [
            Some(a.nom.as_str()),
            a.sigle.as_deref(),
            Some(a.id.as_str()),
        ]
        .into_iter()
        .flatten()
        .filter_map(|k| slug(k, usize::MAX))
        {
            self.by_key.entry(key).or_insert(i);
        }
        self.ids.insert(a.id.clone());
        self.acteurs.push(a);
        i
    }

    /// A structure of the Acteurs sheet. An identifier already used is an
    /// error; the structure is kept under a free one.
    pub fn declare(&mut self, mut a: Acteur, r: &mut Reading) {
        if self.ids.contains(&a.id) {
            let msg = format!("identifiant « {} » déjà donné à une autre structure", a.id);
            r.error(&a.first, codes::IMPORT_IDENTIFIANT_INVALIDE, msg, None);
            a.id = self.free_id(&a.id);
        }
        self.insert(a);
    }

    /// The identifier of the structure named `raw` (by name, sigle or
    /// identifier), if the workbook has it.
    pub fn find(&self, raw: &str) -> Option<String> {
        let key = slug(raw.trim(), usize::MAX)?;
        self.by_key.get(&key).map(|&i| self.acteurs[i].id.clone())
    }

    /// The identifier of the structure named `raw` at `cell`: an existing
    /// one (by name, sigle or identifier) or a new one.
    pub fn name(&mut self, raw: &str, cell: &Cell, r: &mut Reading) -> Option<String> {
        let nom = raw.split_whitespace().collect::<Vec<_>>().join(" ");
        let key = slug(&nom, usize::MAX)?;
        if let Some(&i) = self.by_key.get(&key) {
            let a = &self.acteurs[i];
            let same = a.nom == nom || a.sigle.as_deref() == Some(&nom) || a.id == nom;
            if !same && self.reported.insert((i, nom.clone())) {
                let msg = format!(
                    "« {nom} » et « {} » ({}) désignent la même structure : fusionnées sous l'identifiant {}",
                    a.nom, a.first, a.id
                );
                let help =
                    "écrivez le nom de la même façon partout, ou renommez-la dans acteurs.yaml";
                r.warn(cell, codes::IMPORT_STRUCTURE_FUSIONNEE, msg, Some(help));
            }
            return Some(self.acteurs[i].id.clone());
        }
        let id = self.free_id(&slug(&nom, MAX_ID)?);
        let i = self.insert(Acteur {
            id,
            nom,
            sigle: None,
            categorie: None,
            secteur: None,
            first: cell.clone(),
        });
        Some(self.acteurs[i].id.clone())
    }
}

/// The names in a cell of structures: separated by `;` (fdr) or by `,`
/// too (Territoires en Transitions), or one per line, list marks removed.
pub fn split_names(cell: &str, commas: bool) -> Vec<String> {
    cell.split(|c| c == ';' || c == '\n' || (commas && c == ','))
        .map(|s| s.trim().trim_start_matches(['-', '•', '*']).trim())
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(row: u32) -> Cell {
        Cell {
            sheet: Some("Actions".into()),
            row,
            col: 8,
        }
    }

    #[test]
    fn slugs_are_stable_ascii() {
        assert_eq!(
            slug("Hub du Sud (13)", 48).as_deref(),
            Some("hub-du-sud-13")
        );
        assert_eq!(
            slug("  Préfecture — Bouches-du-Rhône ", 48).as_deref(),
            Some("prefecture-bouches-du-rhone")
        );
        assert_eq!(slug("«»", 48), None);
        assert_eq!(slug("un deux trois", 9).as_deref(), Some("un-deux"));
    }

    #[test]
    fn merges_spellings_and_reports_each_once() {
        let mut diags = Vec::new();
        let mut r = Reading { diags: &mut diags };
        let mut reg = Registry::default();
        assert_eq!(
            reg.name("Hub du Sud", &at(2), &mut r).as_deref(),
            Some("hub-du-sud")
        );
        assert_eq!(
            reg.name("HUB  du sud", &at(3), &mut r).as_deref(),
            Some("hub-du-sud")
        );
        assert_eq!(
            reg.name("HUB du sud", &at(4), &mut r).as_deref(),
            Some("hub-du-sud")
        );
        assert_eq!(
            reg.name("Hub du Sud", &at(5), &mut r).as_deref(),
            Some("hub-du-sud")
        );
        assert_eq!(
            reg.name("Hub-du-Süd", &at(6), &mut r).as_deref(),
            Some("hub-du-sud")
        );
        assert_eq!(reg.acteurs.len(), 1);
        let cells: Vec<String> = diags
            .iter()
            .map(|d| d.cell.as_ref().unwrap().to_string())
            .collect();
        assert_eq!(cells, ["Actions!I3", "Actions!I6"]);
        assert_eq!(
            diags[0].message,
            "« HUB du sud » et « Hub du Sud » (Actions!I2) désignent la même structure : \
             fusionnées sous l'identifiant hub-du-sud"
        );
    }

    #[test]
    fn splits_lists_of_names() {
        assert_eq!(split_names("A ; B;\n- C", false), ["A", "B", "C"]);
        assert_eq!(
            split_names("La collectivité 1, La collectivité 2", true).len(),
            2
        );
        assert_eq!(split_names("A, B", false), ["A, B"]);
    }
}
