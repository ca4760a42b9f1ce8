//! The sheet « Feuille de route » that `fdr export` writes (one field a
//! row: Champ | Valeur): the roadmap's title, territory, perimeter,
//! period, date, co-porteurs and version, so that an exported workbook is
//! imported without repeating them as options. Absent or partial, the
//! options and the placeholders « à préciser » fill in the rest.

use super::layout::fold;
use super::sheet::{Sheet, Value};
use crate::model::DateFlou;

/// What the sheet says, each field only when given and readable.
#[derive(Debug, Default)]
pub struct DuTableur {
    pub titre: Option<String>,
    pub sous_titre: Option<String>,
    pub territoire: Option<String>,
    pub code: Option<String>,
    /// The perimeter's code (`departemental`…).
    pub perimetre: Option<&'static str>,
    pub debut: Option<u16>,
    pub fin: Option<u16>,
    pub date: Option<String>,
    pub version: Option<String>,
    /// Structures' names, as written.
    pub co_porteurs: Vec<String>,
}

fn year(v: &Value) -> Option<u16> {
    let n: i64 = match v {
        Value::Int(n) => *n,
        Value::Number(f) if f.fract() == 0.0 && f.abs() < 1e6 => format!("{f:.0}").parse().ok()?,
        other => other.text().trim().parse().ok()?,
    };
    u16::try_from(n).ok().filter(|y| (1900..=2200).contains(y))
}

fn perimetre(v: &str) -> Option<&'static str> {
    let v = fold(v);
    if v.contains("infra") || v.contains("groupement") {
        Some("groupements_de_communes")
    } else if v.starts_with("departemental") {
        Some("departemental")
    } else if v.starts_with("regional") {
        Some("regional")
    } else {
        None
    }
}

/// The sheet « Feuille de route », if the workbook has one.
pub fn read(sheets: &[Sheet]) -> DuTableur {
    let mut d = DuTableur::default();
    let Some(s) = sheets
        .iter()
        .find(|s| s.name.as_deref().map(fold).as_deref() == Some("feuille de route"))
    else {
        return d;
    };
    for cells in s.rows.values().skip(1) {
        let (Some(k), Some(v)) = (cells.get(&0), cells.get(&1)) else {
            continue;
        };
        let text = v.text().trim().to_string();
        let some = || Some(text.clone()).filter(|t| !t.is_empty());
        match fold(&k.text()).as_str() {
            "titre" => d.titre = some(),
            "sous-titre" => d.sous_titre = some(),
            "territoire" => d.territoire = some(),
            "code du departement" => d.code = some(),
            "perimetre" => d.perimetre = perimetre(&text),
            "debut" => d.debut = year(v),
            "fin" => d.fin = year(v),
            "date" => d.date = some().filter(|t| DateFlou::parse(t).is_ok()),
            "version" => d.version = some(),
            "co-porteurs" => {
                d.co_porteurs = text
                    .split(';')
                    .map(str::trim)
                    .filter(|n| !n.is_empty())
                    .map(str::to_string)
                    .collect();
            }
            _ => {}
        }
    }
    d
}
