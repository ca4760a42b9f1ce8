//! Reading a spreadsheet into sparse sheets of typed cells: `.xlsx` and
//! `.ods` with calamine, `.csv` (`;` or `,`, UTF-8 with or without BOM)
//! here. Only the cells that hold something are kept, so that the memory
//! follows what the file holds, not the extent it claims.

use calamine::{Data, DataRef, Ods, Reader, Xlsx};
use std::collections::BTreeMap;
use std::io::Cursor;
use std::path::Path;

/// Largest spreadsheet read, in bytes.
pub const MAX_BYTES: u64 = 32 * 1024 * 1024;
/// Most non-empty cells read from one workbook.
const MAX_CELLS: usize = 2_000_000;

/// A cell's value, as the spreadsheet typed it.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Text(String),
    Int(i64),
    Number(f64),
    /// A date cell: year, month, day.
    Date(i32, u8, u8),
    Bool(bool),
    /// An error cell (`#DIV/0!`…), or a value fdr does not read (a duration).
    Other(String),
}

impl Value {
    /// The value as written, for messages and text fields.
    pub fn text(&self) -> String {
        match self {
            Value::Text(s) | Value::Other(s) => s.clone(),
            Value::Int(i) => i.to_string(),
            Value::Number(f) => f.to_string(),
            Value::Date(y, m, d) => format!("{y:04}-{m:02}-{d:02}"),
            Value::Bool(b) => if *b { "VRAI" } else { "FAUX" }.to_string(),
        }
    }
}

/// One sheet: its name (none for a CSV file) and its non-empty cells by
/// 0-based row, then 0-based column.
#[derive(Debug, Default)]
pub struct Sheet {
    pub name: Option<String>,
    pub rows: BTreeMap<u32, BTreeMap<u32, Value>>,
}

impl Sheet {
    #[cfg(test)]
    pub fn get(&self, row: u32, col: u32) -> Option<&Value> {
        self.rows.get(&row)?.get(&col)
    }

    fn put(&mut self, row: u32, col: u32, v: Value) {
        let empty = matches!(&v, Value::Text(s) if s.trim().is_empty());
        if !empty {
            self.rows.entry(row).or_default().insert(col, v);
        }
    }

    fn cells(&self) -> usize {
        self.rows.values().map(BTreeMap::len).sum()
    }
}

/// Line breaks as `\n` (a cell written on Windows holds `\r\n`).
fn text(s: &str) -> Value {
    Value::Text(s.replace("\r\n", "\n").replace('\r', "\n"))
}

fn from_ref(d: &DataRef<'_>) -> Option<Value> {
    Some(match d {
        DataRef::Empty => return None,
        DataRef::String(s) => text(s),
        DataRef::SharedString(s) => text(s),
        DataRef::Int(i) => Value::Int(*i),
        DataRef::Float(f) => Value::Number(*f),
        DataRef::Bool(b) => Value::Bool(*b),
        DataRef::DateTime(dt) => serial_date(dt),
        DataRef::DateTimeIso(s) => iso_date(s),
        DataRef::DurationIso(s) => Value::Other(s.clone()),
        DataRef::Error(e) => Value::Other(e.to_string()),
    })
}

fn from_data(d: &Data) -> Option<Value> {
    Some(match d {
        Data::Empty => return None,
        Data::String(s) => text(s),
        Data::Int(i) => Value::Int(*i),
        Data::Float(f) => Value::Number(*f),
        Data::Bool(b) => Value::Bool(*b),
        Data::DateTime(dt) => serial_date(dt),
        Data::DateTimeIso(s) => iso_date(s),
        Data::DurationIso(s) => Value::Other(s.clone()),
        Data::Error(e) => Value::Other(e.to_string()),
    })
}

fn serial_date(dt: &calamine::ExcelDateTime) -> Value {
    if dt.is_duration() {
        return Value::Other(dt.as_f64().to_string());
    }
    let (y, m, d, ..) = dt.to_ymd_hms_milli();
    Value::Date(i32::from(y), m, d)
}

/// `2025-03-14` or `2025-03-14T00:00:00` (ODS date cells).
fn iso_date(s: &str) -> Value {
    let day = s.split('T').next().unwrap_or(s);
    let mut parts = day.split('-').map(str::parse::<u32>);
    match (parts.next(), parts.next(), parts.next(), parts.next()) {
        (Some(Ok(y)), Some(Ok(m)), Some(Ok(d)), None) if y <= 9999 && m <= 12 && d <= 31 => {
            Value::Date(y as i32, m as u8, d as u8)
        }
        _ => Value::Other(s.to_string()),
    }
}

/// Why a spreadsheet could not be read, in French.
pub type ReadError = String;

/// Read the workbook at `path`, by its extension.
pub fn read(path: &Path) -> Result<Vec<Sheet>, ReadError> {
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
        .unwrap_or_default();
    if !matches!(ext.as_str(), "xlsx" | "ods" | "csv") {
        return Err("format non reconnu : fdr lit les tableurs .xlsx, .ods et .csv".into());
    }
    let io = |e: std::io::Error| match e.kind() {
        std::io::ErrorKind::NotFound => "fichier introuvable".to_string(),
        std::io::ErrorKind::PermissionDenied => "lecture refusée (permissions)".to_string(),
        _ => format!("lecture impossible : {e}"),
    };
    let size = std::fs::metadata(path).map_err(io)?.len();
    if size > MAX_BYTES {
        return Err(format!(
            "tableur trop gros ({size} octets ; au plus {MAX_BYTES})"
        ));
    }
    let bytes = std::fs::read(path).map_err(io)?;
    match ext.as_str() {
        "xlsx" => read_xlsx(bytes),
        "ods" => read_ods(bytes),
        _ => {
            let text = String::from_utf8(bytes).map_err(
                |_| "le fichier CSV n'est pas en UTF-8 : enregistrez-le en « CSV UTF-8 »",
            )?;
            Ok(vec![read_csv(&text)])
        }
    }
}

fn too_many() -> ReadError {
    format!("tableur trop gros (plus de {MAX_CELLS} cellules remplies)")
}

fn read_xlsx(bytes: Vec<u8>) -> Result<Vec<Sheet>, ReadError> {
    let bad = |e: calamine::XlsxError| format!("ce fichier .xlsx ne peut être lu ({e})");
    let mut wb: Xlsx<_> = calamine::open_workbook_from_rs(Cursor::new(bytes)).map_err(bad)?;
    let mut sheets = Vec::new();
    let mut total = 0;
    for name in wb.sheet_names() {
        let mut sheet = Sheet {
            name: Some(name.clone()),
            ..Sheet::default()
        };
        let mut reader = wb.worksheet_cells_reader(&name).map_err(bad)?;
        while let Some(cell) = reader.next_cell().map_err(bad)? {
            let (r, c) = cell.get_position();
            if let Some(v) = from_ref(cell.get_value()) {
                sheet.put(r, c, v);
                total += 1;
                if total > MAX_CELLS {
                    return Err(too_many());
                }
            }
        }
        sheets.push(sheet);
    }
    Ok(sheets)
}

fn read_ods(bytes: Vec<u8>) -> Result<Vec<Sheet>, ReadError> {
    let bad = |e: calamine::OdsError| format!("ce fichier .ods ne peut être lu ({e})");
    let mut wb: Ods<_> = calamine::open_workbook_from_rs(Cursor::new(bytes)).map_err(bad)?;
    let mut sheets = Vec::new();
    let mut total = 0;
    for name in wb.sheet_names() {
        let range = wb.worksheet_range(&name).map_err(bad)?;
        let mut sheet = Sheet {
            name: Some(name.clone()),
            ..Sheet::default()
        };
        for (r, c, d) in range.used_cells() {
            if let Some(v) = from_data(d) {
                let (r0, c0) = range.start().unwrap_or((0, 0));
                sheet.put(r0 + r as u32, c0 + c as u32, v);
            }
        }
        total += sheet.cells();
        if total > MAX_CELLS {
            return Err(too_many());
        }
        sheets.push(sheet);
    }
    Ok(sheets)
}

/// The separator of a CSV file: `;` or `,`, whichever the first line
/// (outside quotes) holds more of; `;` on a tie (the French default).
fn separator(text: &str) -> char {
    let (mut semi, mut comma, mut quoted) = (0, 0, false);
    for c in text.chars() {
        match c {
            '"' => quoted = !quoted,
            '\n' if !quoted => break,
            ';' if !quoted => semi += 1,
            ',' if !quoted => comma += 1,
            _ => {}
        }
    }
    if comma > semi { ',' } else { ';' }
}

/// A CSV file (RFC 4180 quotes; a BOM is skipped) as one sheet of text cells.
pub fn read_csv(text: &str) -> Sheet {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let sep = separator(text);
    let mut sheet = Sheet::default();
    let (mut row, mut col) = (0u32, 0u32);
    let mut field = String::new();
    let mut quoted = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '"' if quoted && chars.peek() == Some(&'"') => {
                chars.next();
                field.push('"');
            }
            '"' if quoted => quoted = false,
            '"' if field.is_empty() => quoted = true,
            c if quoted => field.push(c),
            c if c == sep => {
                sheet.put(row, col, text_cell(&mut field));
                col = col.saturating_add(1);
            }
            '\r' if chars.peek() == Some(&'\n') => {}
            '\n' | '\r' => {
                sheet.put(row, col, text_cell(&mut field));
                row = row.saturating_add(1);
                col = 0;
            }
            c => field.push(c),
        }
    }
    sheet.put(row, col, text_cell(&mut field));
    sheet
}

fn text_cell(field: &mut String) -> Value {
    text(&std::mem::take(field))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cell(s: &Sheet, r: u32, c: u32) -> Option<String> {
        s.get(r, c).map(Value::text)
    }

    #[test]
    fn reads_csv_with_either_separator_and_quotes() {
        let s = read_csv(
            "\u{feff}Titre;Budget (€)\r\n\"Un; deux\";\"3 686,50\"\n\"dit \"\"oui\"\"\nfin\";\n",
        );
        assert_eq!(cell(&s, 0, 0).as_deref(), Some("Titre"));
        assert_eq!(cell(&s, 1, 0).as_deref(), Some("Un; deux"));
        assert_eq!(cell(&s, 1, 1).as_deref(), Some("3 686,50"));
        assert_eq!(cell(&s, 2, 0).as_deref(), Some("dit \"oui\"\nfin"));
        assert_eq!(cell(&s, 2, 1), None);
        let s = read_csv("Titre,Statut\n\"a, b\",En cours");
        assert_eq!(cell(&s, 1, 0).as_deref(), Some("a, b"));
        assert_eq!(cell(&s, 1, 1).as_deref(), Some("En cours"));
    }

    #[test]
    fn reads_iso_dates_of_ods_cells() {
        assert_eq!(iso_date("2025-03-14T00:00:00"), Value::Date(2025, 3, 14));
        assert_eq!(iso_date("2025-03-14"), Value::Date(2025, 3, 14));
        assert!(matches!(iso_date("14/03/2025"), Value::Other(_)));
    }
}
