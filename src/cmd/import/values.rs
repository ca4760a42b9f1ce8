//! Cell values read leniently: statuses, priorities, categories and
//! natures by their French label (case, accents, near spellings, the
//! words of Territoires en Transitions), amounts to integer cents, dates
//! and numbers. A guess is a warning, a value that cannot be read an
//! error; both point at the cell.

use super::layout::fold;
use super::sheet::Value;
use crate::diagnostic::{Cell, Diagnostic, codes};
use crate::model::{
    Categorie, DateFlou, Decimal, Money, Nature, Priorite, Statut, StatutFinancement,
};
use crate::render::labels;
use serde::Serialize;

/// The file id of the spreadsheet in the import's diagnostics (the
/// command renumbers it once the roadmap's files are known).
pub const SHEET_FILE: usize = 0;

/// What can be read in a cell: its place and the diagnostics found.
pub struct Reading<'a> {
    pub diags: &'a mut Vec<Diagnostic>,
}

impl Reading<'_> {
    pub fn warn(&mut self, cell: &Cell, code: &'static str, message: String, help: Option<&str>) {
        let d = Diagnostic::warning(code, message).at_cell(SHEET_FILE, cell.clone());
        self.diags.push(d.help_opt(help.map(str::to_string)));
    }

    pub fn error(&mut self, cell: &Cell, code: &'static str, message: String, help: Option<&str>) {
        let d = Diagnostic::error(code, message).at_cell(SHEET_FILE, cell.clone());
        self.diags.push(d.help_opt(help.map(str::to_string)));
    }
}

/// One accepted spelling: folded text, the YAML value, and whether it
/// means the value exactly (`false`: reported as a reading).
type Alias = (&'static str, &'static str, bool);

/// A closed list of values: the YAML values with their French label, and
/// other spellings.
pub struct Choices {
    pub what: &'static str,
    pub values: Vec<(String, String)>,
    pub aliases: &'static [Alias],
}

/// The YAML spelling of an enum value (`a_venir`).
fn snake<T: Serialize>(v: T) -> String {
    serde_json::to_value(v)
        .ok()
        .and_then(|j| j.as_str().map(str::to_string))
        .unwrap_or_default()
}

fn choices<T: Serialize + Copy>(
    what: &'static str,
    all: &[T],
    label: impl Fn(T) -> String,
    aliases: &'static [Alias],
) -> Choices {
    Choices {
        what,
        values: all.iter().map(|&v| (label(v), snake(v))).collect(),
        aliases,
    }
}

pub fn statuts() -> Choices {
    use Statut::*;
    choices(
        "statut",
        &[AVenir, EnCours, Realisee, EnPause, Abandonnee],
        |s| labels::statut(s).to_string(),
        &[
            ("realise", "realisee", true),
            ("abandonne", "abandonnee", true),
            ("bloque", "en_pause", false),
            ("en retard", "en_cours", false),
            ("a discuter", "a_venir", false),
        ],
    )
}

pub fn priorites() -> Choices {
    use Priorite::*;
    choices(
        "priorité",
        &[Haute, Moyenne, Basse],
        |p| crate::render::fmt::ucfirst(labels::priorite(p)),
        &[
            ("eleve", "haute", true),
            ("elevee", "haute", true),
            ("moyen", "moyenne", true),
            ("bas", "basse", true),
        ],
    )
}

pub fn categories() -> Choices {
    // The catalogue's order (the document's): a new category is read as
    // soon as it exists.
    let all = Categorie::ALL;
    let mut c = choices(
        "catégorie",
        &all,
        |c| labels::categorie(c).0.to_string(),
        &[
            ("etat", "etat", true),
            ("commune", "collectivite", true),
            ("autre", "autre", true),
        ],
    );
    // The plural labels (« Collectivités », a group heading) too.
    c.values.extend(
        all.iter()
            .map(|&v| (labels::categorie(v).1.to_string(), snake(v))),
    );
    c
}

pub fn secteurs() -> Choices {
    Choices {
        what: "secteur",
        values: vec![
            ("Public".into(), "public".into()),
            ("Privé".into(), "prive".into()),
        ],
        aliases: &[
            ("acteur public", "public", true),
            ("structure privee", "prive", true),
        ],
    }
}

pub fn natures() -> Choices {
    use Nature::*;
    choices(
        "nature",
        &[Subvention, Cofinancement, Numeraire, Valorisation],
        |n| labels::nature(n).to_string(),
        &[("apport en nature", "valorisation", true)],
    )
}

pub fn statuts_financement() -> Choices {
    use StatutFinancement::*;
    choices(
        "statut de financement",
        &[Prevu, Demande, Accorde, Verse, Refuse],
        |s| labels::statut_financement(s).to_string(),
        &[],
    )
}

impl Choices {
    /// The label shown for a YAML value.
    fn label<'a>(&'a self, value: &'a str) -> &'a str {
        self.values
            .iter()
            .find(|(_, v)| *v == value)
            .map_or(value, |(l, _)| l.as_str())
    }

    /// The YAML value written in `raw`, reported when guessed; `None` (an
    /// error) when nothing is close.
    pub fn read(&self, raw: &str, cell: &Cell, r: &mut Reading) -> Option<String> {
        let key = fold(raw).replace('_', " ");
        let exact = self
            .values
            .iter()
            .find(|(l, v)| fold(l) == key || v.replace('_', " ") == key)
            .map(|(_, v)| (v.clone(), true));
        let found = exact.or_else(|| {
            self.aliases
                .iter()
                .find(|(a, _, _)| *a == key)
                .map(|(_, v, e)| (v.to_string(), *e))
        });
        match found.or_else(|| self.nearest(&key).map(|v| (v, false))) {
            Some((v, true)) => Some(v),
            Some((v, false)) => {
                let msg = format!("« {} » lu comme « {} »", raw.trim(), self.label(&v));
                let help = "écrivez la valeur exacte pour ne plus voir cet avertissement";
                r.warn(cell, codes::IMPORT_VALEUR_DEVINEE, msg, Some(help));
                Some(v)
            }
            None => {
                let known: Vec<&str> = self.values.iter().map(|(l, _)| l.as_str()).collect();
                let msg = format!("{} « {} » inconnu", self.what, raw.trim());
                let help = format!("valeurs reconnues : {}", known.join(", "));
                r.error(cell, codes::IMPORT_VALEUR_INCONNUE, msg, Some(&help));
                None
            }
        }
    }

    /// The value whose label or alias is nearest to `key`, when near enough.
    fn nearest(&self, key: &str) -> Option<String> {
        let labels = self.values.iter().map(|(l, v)| (fold(l), v.clone()));
        let aliases = self
            .aliases
            .iter()
            .map(|(a, v, _)| (a.to_string(), v.to_string()));
        labels
            .chain(aliases)
            .map(|(k, v)| (strsim::jaro_winkler(key, &k), v))
            .filter(|(score, _)| *score >= 0.85)
            .max_by(|a, b| a.0.total_cmp(&b.0))
            .map(|(_, v)| v)
    }
}

/// An amount in integer cents: a number cell, or text like `3 686,50 €`.
/// More than two decimals, zero or less, or text that is no amount, are
/// errors.
pub fn montant(v: &Value, cell: &Cell, r: &mut Reading) -> Option<Money> {
    let raw = match v {
        Value::Int(i) => i.to_string(),
        // Shortest decimal form that reads back as the same float: what
        // the cell shows with enough decimals, never a rounding.
        Value::Number(f) if f.is_finite() => format!("{f}"),
        other => other.text(),
    };
    match Money::parse(&raw) {
        Ok(m) if m.0 > 0 => Some(m),
        Ok(_) => {
            let msg = format!(
                "montant « {} » : un montant est strictement positif",
                raw.trim()
            );
            let help = "laissez la cellule vide si le montant n'est pas connu";
            r.error(cell, codes::IMPORT_MONTANT_INVALIDE, msg, Some(help));
            None
        }
        Err(e) => {
            let help = "écrivez un nombre d'euros, avec au plus deux décimales (3686,50)";
            r.error(cell, codes::IMPORT_MONTANT_INVALIDE, e, Some(help));
            None
        }
    }
}

/// Money as YAML: whole euros as an integer, cents as a quoted decimal.
pub fn money_yaml(m: Money) -> String {
    if m.0 % 100 == 0 {
        (m.0 / 100).to_string()
    } else {
        format!("\"{}.{:02}\"", m.0 / 100, (m.0 % 100).abs())
    }
}

/// Days from 1970-01-01 to a civil date (H. Hinnant's algorithm).
fn civil_from_days(z: i64) -> (i64, u8, u8) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u8;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
    let y = yoe + era * 400 + i64::from(m <= 2);
    (y, m, d)
}

/// A date: a date cell, a year (2025), a partial date written as text
/// (`2025-T2`, `2025-03`), `14/03/2025` or `03/2025`; a number that is no
/// year is read as a spreadsheet serial date, and reported.
pub fn date(v: &Value, cell: &Cell, r: &mut Reading) -> Option<String> {
    let text = match v {
        Value::Date(y, m, d) => format!("{y:04}-{m:02}-{d:02}"),
        Value::Int(i) if (1900..=2200).contains(i) => i.to_string(),
        Value::Number(f) if f.fract() == 0.0 && (1900.0..=2200.0).contains(f) => format!("{f}"),
        Value::Int(_) | Value::Number(_) => {
            let serial = match v {
                Value::Int(i) => *i as f64,
                Value::Number(f) => *f,
                _ => 0.0,
            };
            let s = serial_text(serial);
            if let Some(s) = &s {
                let msg = format!(
                    "le nombre {} lu comme la date {s} (numéro de série de tableur)",
                    v.text()
                );
                let help = "donnez à la cellule un format de date";
                r.warn(cell, codes::IMPORT_VALEUR_DEVINEE, msg, Some(help));
            }
            s.unwrap_or_else(|| v.text())
        }
        other => french_date(other.text().trim()),
    };
    match DateFlou::parse(&text) {
        Ok(_) => Some(text),
        Err(e) => {
            let help = "écrivez une date (14/03/2025), un mois (2025-03), un trimestre (2025-T2) \
                        ou une année (2025)";
            r.error(cell, codes::IMPORT_DATE_INVALIDE, e, Some(help));
            None
        }
    }
}

/// A serial date of the 1900 system (day 1 is 1900-01-01), in range.
fn serial_text(serial: f64) -> Option<String> {
    if !(1.0..2_958_466.0).contains(&serial) || serial.fract() != 0.0 {
        return None;
    }
    let (y, m, d) = civil_from_days(serial as i64 - 25_569);
    Some(format!("{y:04}-{m:02}-{d:02}"))
}

/// `14/03/2025` → `2025-03-14`, `03/2025` → `2025-03`; anything else as is.
fn french_date(s: &str) -> String {
    let parts: Vec<&str> = s.split('/').map(str::trim).collect();
    let digits =
        |p: &str, n: usize| p.len() <= n && !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit());
    match parts.as_slice() {
        [d, m, y] if digits(d, 2) && digits(m, 2) && y.len() == 4 && digits(y, 4) => {
            format!("{y}-{m:0>2}-{d:0>2}")
        }
        [m, y] if digits(m, 2) && y.len() == 4 && digits(y, 4) => format!("{y}-{m:0>2}"),
        _ => s.to_string(),
    }
}

/// A year (1900 to 2200).
pub fn annee(v: &Value, cell: &Cell, r: &mut Reading) -> Option<u16> {
    let text = v.text();
    match text.trim().parse::<u16>() {
        Ok(y) if (1900..=2200).contains(&y) => Some(y),
        _ => {
            let msg = format!("« {} » n'est pas une année (1900 à 2200)", text.trim());
            r.error(cell, codes::IMPORT_NOMBRE_INVALIDE, msg, None);
            None
        }
    }
}

/// A decimal number (days, ETP), written back as text with a dot.
pub fn decimal(v: &Value, cell: &Cell, r: &mut Reading) -> Option<String> {
    let raw = match v {
        Value::Number(f) => format!("{f}"),
        other => other.text(),
    };
    match Decimal::parse(&raw) {
        Ok(d) if d.is_positive() => Some(d.to_string()),
        _ => {
            let msg = format!("« {} » n'est pas un nombre positif", raw.trim());
            r.error(cell, codes::IMPORT_NOMBRE_INVALIDE, msg, None);
            None
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cell() -> Cell {
        Cell {
            sheet: Some("Actions".into()),
            row: 2,
            col: 6,
        }
    }

    #[test]
    fn reads_statuses_leniently() {
        let mut diags = Vec::new();
        let mut r = Reading { diags: &mut diags };
        let s = statuts();
        let mut read = |t: &str| s.read(t, &cell(), &mut r);
        assert_eq!(read("EN COURS").as_deref(), Some("en_cours"));
        assert_eq!(read("Réalisé").as_deref(), Some("realisee"));
        assert_eq!(read("a_venir").as_deref(), Some("a_venir"));
        assert_eq!(read("en crous").as_deref(), Some("en_cours"));
        assert_eq!(read("Bloqué ").as_deref(), Some("en_pause"));
        assert_eq!(read("peut-être"), None);
        let got: Vec<_> = diags.iter().map(|d| (d.code, d.message.as_str())).collect();
        assert_eq!(
            got,
            [
                (
                    codes::IMPORT_VALEUR_DEVINEE,
                    "« en crous » lu comme « En cours »"
                ),
                (
                    codes::IMPORT_VALEUR_DEVINEE,
                    "« Bloqué » lu comme « En pause »"
                ),
                (
                    codes::IMPORT_VALEUR_INCONNUE,
                    "statut « peut-être » inconnu"
                ),
            ]
        );
    }

    #[test]
    fn reads_amounts_to_cents_without_rounding() {
        let mut diags = Vec::new();
        let mut r = Reading { diags: &mut diags };
        let m = |v: Value, r: &mut Reading| montant(&v, &cell(), r).map(|m| m.0);
        assert_eq!(m(Value::Number(3686.5), &mut r), Some(368_650));
        assert_eq!(m(Value::Number(0.1), &mut r), Some(10));
        assert_eq!(m(Value::Int(5000), &mut r), Some(500_000));
        assert_eq!(m(Value::Text("3 686,50 €".into()), &mut r), Some(368_650));
        assert!(r.diags.is_empty());
        assert_eq!(m(Value::Number(10.125), &mut r), None);
        assert_eq!(m(Value::Text("mille euros".into()), &mut r), None);
        assert_eq!(m(Value::Int(0), &mut r), None);
        assert_eq!(diags.len(), 3);
        assert_eq!(money_yaml(Money(368_650)), "\"3686.50\"");
        assert_eq!(money_yaml(Money(500_000)), "5000");
    }

    #[test]
    fn reads_dates() {
        let mut diags = Vec::new();
        let mut r = Reading { diags: &mut diags };
        let d = |v: Value, r: &mut Reading| date(&v, &cell(), r);
        assert_eq!(
            d(Value::Date(2025, 3, 14), &mut r).as_deref(),
            Some("2025-03-14")
        );
        assert_eq!(d(Value::Int(2025), &mut r).as_deref(), Some("2025"));
        assert_eq!(
            d(Value::Text("14/3/2025".into()), &mut r).as_deref(),
            Some("2025-03-14")
        );
        assert_eq!(
            d(Value::Text("2025-T2".into()), &mut r).as_deref(),
            Some("2025-T2")
        );
        assert!(r.diags.is_empty());
        // 45901 is 2025-09-01 in the 1900 date system.
        assert_eq!(
            d(Value::Number(45901.0), &mut r).as_deref(),
            Some("2025-09-01")
        );
        assert_eq!(d(Value::Text("12/14/20".into()), &mut r), None);
        let codes: Vec<_> = diags.iter().map(|d| d.code).collect();
        assert_eq!(
            codes,
            [codes::IMPORT_VALEUR_DEVINEE, codes::IMPORT_DATE_INVALIDE]
        );
    }
}
