//! The workbook of `fdr export --format xlsx|ods`: sheets of typed cells
//! built once from the model and its computed figures, in the layout of
//! `/work/scratch/sheet-layout.md` (shared with `fdr import`), then written
//! by one writer per format ([`xlsx`], [`ods`]). The writers only map cells
//! to their format: every row and value is decided here.

mod content;
mod figures;
pub mod ods;
pub mod xlsx;

use crate::compute::Computed;
use crate::model::{DateFlou, Decimal, Money, Precision, Roadmap};

/// One cell, typed: the writers give each type its number format.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Empty,
    Text(String),
    /// A whole number: a year, a count.
    Int(i64),
    /// An exact decimal: days, ETP, an indicator's value.
    Decimal(Decimal),
    /// A percentage with one decimal, in tenths of a percent (`453` is
    /// 45,3): shown `0,0`, under a « (%) » header.
    Percent(i128),
    /// Euros, exact in cents: a number with the currency format.
    Euros(Money),
    /// A full date: a date cell.
    Date {
        annee: u16,
        mois: u8,
        jour: u8,
    },
}

impl Cell {
    pub fn text(s: impl Into<String>) -> Cell {
        Cell::Text(s.into())
    }

    /// An optional text: empty when absent.
    pub fn opt_text(s: Option<impl Into<String>>) -> Cell {
        s.map_or(Cell::Empty, |s| Cell::Text(s.into()))
    }

    pub fn opt_euros(m: Option<Money>) -> Cell {
        m.map_or(Cell::Empty, Cell::Euros)
    }

    pub fn opt_decimal(d: Option<Decimal>) -> Cell {
        d.map_or(Cell::Empty, Cell::Decimal)
    }

    /// A date written to the day is a date cell; « 2025 », « 2025-T2 »,
    /// « 2025-03 » stay text, as written.
    pub fn date(d: DateFlou) -> Cell {
        match d.precision {
            Precision::Jour => Cell::Date {
                annee: d.annee,
                mois: d.mois,
                jour: d.jour,
            },
            _ => Cell::Text(d.to_string()),
        }
    }

    pub fn opt_date(d: Option<DateFlou>) -> Cell {
        d.map_or(Cell::Empty, Cell::date)
    }

    /// The number of characters the cell shows, to size its column.
    fn shown_width(&self) -> usize {
        let digits = |n: u128| n.checked_ilog10().unwrap_or(0) as usize + 1;
        match self {
            Cell::Empty => 0,
            Cell::Text(s) => s.lines().map(|l| l.chars().count()).max().unwrap_or(0),
            Cell::Int(n) => digits(n.unsigned_abs().into()) + 1,
            Cell::Decimal(d) => d.to_string().len() + 1,
            Cell::Percent(p) => digits(p.unsigned_abs() / 10) + 3,
            // « 71 433,00 € »: digits, a space every three, « ,00 € ».
            Cell::Euros(m) => {
                let n = digits(m.0.unsigned_abs().into()).saturating_sub(2).max(1);
                n + (n - 1) / 3 + 6
            }
            Cell::Date { .. } => 10,
        }
    }
}

/// One sheet: its name, its header row (row 1) and its rows.
#[derive(Debug)]
pub struct Sheet {
    pub name: &'static str,
    pub headers: Vec<String>,
    pub rows: Vec<Vec<Cell>>,
}

/// Narrowest and widest column, in characters: long texts (descriptions)
/// are cut on screen, never in the cell.
const MIN_WIDTH: usize = 8;
const MAX_WIDTH: usize = 60;

impl Sheet {
    fn new(name: &'static str, headers: &[&str]) -> Sheet {
        Sheet {
            name,
            headers: headers.iter().map(|h| h.to_string()).collect(),
            rows: Vec::new(),
        }
    }

    /// The width of each column, in characters: its widest cell or header
    /// plus a margin for the filter button, within bounds.
    pub fn widths(&self) -> Vec<usize> {
        self.headers
            .iter()
            .enumerate()
            .map(|(c, h)| {
                let cells = self.rows.iter().filter_map(|r| r.get(c));
                let widest = cells
                    .map(Cell::shown_width)
                    .chain([h.chars().count() + 3])
                    .max()
                    .unwrap_or(0);
                widest.clamp(MIN_WIDTH, MAX_WIDTH)
            })
            .collect()
    }
}

/// The whole workbook, in sheet order.
#[derive(Debug)]
pub struct Workbook {
    /// The roadmap's title, for the file's properties.
    pub titre: String,
    /// The roadmap's date: the writers use it as the file's creation date,
    /// so that the same sources give the same bytes.
    pub date: (u16, u8, u8),
    pub sheets: Vec<Sheet>,
}

/// The workbook of a roadmap: the four sheets of the shared layout (the
/// roadmap itself, Actions, Financements, Acteurs), then the computed ones.
pub fn workbook(m: &Roadmap, c: &Computed) -> Workbook {
    Workbook {
        titre: m.feuille.titre.clone(),
        date: m.feuille.date.start(),
        sheets: vec![
            content::feuille(m),
            content::actions(m, c),
            content::financements(m),
            content::acteurs(m),
            figures::par_annee(c),
            figures::par_financeur(m, c),
            figures::indicateurs(m, c),
            figures::mesures(m),
        ],
    }
}

/// `Actions!F12`: the place of a cell (row and column 0-based, the header
/// row being row 0), as a spreadsheet names it.
pub fn address(sheet: &str, row: u32, col: usize) -> String {
    format!("{sheet}!{}{}", column(col), u64::from(row) + 1)
}

/// The letters of a column, 0-based: `0` → `A`, `26` → `AA`.
pub fn column(col: usize) -> String {
    let mut letters = Vec::new();
    let mut n = col + 1;
    while n > 0 {
        letters.push(char::from(b'A' + ((n - 1) % 26) as u8));
        n = (n - 1) / 26;
    }
    letters.into_iter().rev().collect()
}

/// Euros in plain decimal notation (`71433.00`), from the cents.
pub fn euros(m: Money) -> String {
    Decimal {
        mantissa: m.0,
        scale: 2,
    }
    .to_string()
}

/// Tenths of a percent as a plain decimal (`453` → `45.3`).
pub fn tenths(p: i128) -> String {
    Decimal {
        mantissa: i64::try_from(p).unwrap_or(if p < 0 { i64::MIN } else { i64::MAX }),
        scale: 1,
    }
    .to_string()
}

/// Why a workbook could not be written, in French.
#[derive(Debug)]
pub struct SheetError(pub String);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn widths_fit_the_content_within_bounds() {
        let mut s = Sheet::new("T", &["Montant (€)", "Jours", "Description"]);
        s.rows.push(vec![
            Cell::Euros(Money::euros(71_433)),
            Cell::Int(3),
            Cell::text("x".repeat(500)),
        ]);
        assert_eq!(s.widths(), vec![14, 8, MAX_WIDTH]);
        assert_eq!(Cell::Euros(Money(50)).shown_width(), 7);
        assert_eq!(Cell::Euros(Money::euros(1_000_000)).shown_width(), 15);
    }

    #[test]
    fn addresses_and_plain_numbers() {
        assert_eq!(address("Actions", 11, 5), "Actions!F12");
        assert_eq!(address("Acteurs", 0, 26), "Acteurs!AA1");
        assert_eq!(euros(Money(7_143_300)), "71433.00");
        assert_eq!(euros(Money(-5)), "-0.05");
        assert_eq!(tenths(453), "45.3");
        assert_eq!(tenths(-120), "-12.0");
    }

    #[test]
    fn only_full_dates_are_date_cells() {
        let d = |s| Cell::date(DateFlou::parse(s).unwrap());
        assert_eq!(
            d("2025-03-14"),
            Cell::Date {
                annee: 2025,
                mois: 3,
                jour: 14
            }
        );
        assert_eq!(d("2025-T2"), Cell::text("2025-T2"));
        assert_eq!(d("2025-03"), Cell::text("2025-03"));
        assert_eq!(d("2025"), Cell::text("2025"));
    }
}
