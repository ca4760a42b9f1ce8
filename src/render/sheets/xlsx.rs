//! The workbook as an Excel file (Office Open XML), with rust_xlsxwriter.
//! Number formats carry the French locale (`[$-40C]`): a spreadsheet set
//! to another language still shows `71 433,00 €`. Its creation date is the roadmap's date (the library would write the
//! clock's) and its zip entries are dated 1980-01-01 by the library: the
//! same sources give the same bytes.

use super::{Cell, SheetError, Workbook, address};
use rust_xlsxwriter::{DocProperties, ExcelDateTime, Format, Worksheet, XlsxError};

/// Longest text an Excel cell holds.
const MAX_TEXT: usize = 32_767;

struct Formats {
    header: Format,
    euros: Format,
    date: Format,
    percent: Format,
    decimal: Format,
}

fn error(e: &XlsxError) -> SheetError {
    SheetError(format!("écriture du classeur xlsx impossible : {e}"))
}

pub fn write(wb: &Workbook) -> Result<Vec<u8>, SheetError> {
    let mut book = rust_xlsxwriter::Workbook::new();
    let (y, m, d) = wb.date;
    let created = ExcelDateTime::from_ymd(y, m, d).map_err(|e| error(&e))?;
    book.set_properties(
        &DocProperties::new()
            .set_title(&wb.titre)
            .set_creation_datetime(&created),
    );
    let f = Formats {
        header: Format::new().set_bold(),
        euros: Format::new().set_num_format("[$-40C]#,##0.00 \"€\""),
        date: Format::new().set_num_format("dd/mm/yyyy"),
        percent: Format::new().set_num_format("[$-40C]0.0"),
        decimal: Format::new().set_num_format("[$-40C]General"),
    };
    for sheet in &wb.sheets {
        let ws = book.add_worksheet();
        ws.set_name(sheet.name).map_err(|e| error(&e))?;
        for (c, h) in sheet.headers.iter().enumerate() {
            ws.write_string_with_format(0, col(c)?, h, &f.header)
                .map_err(|e| error(&e))?;
        }
        for (r, row) in sheet.rows.iter().enumerate() {
            let r = u32::try_from(r + 1).map_err(|_| too_big())?;
            for (c, cell) in row.iter().enumerate() {
                write_cell(ws, &f, r, col(c)?, cell)
                    .map_err(|e| match e {
                        XlsxError::MaxStringLengthExceeded => SheetError(format!(
                            "{} : texte de plus de {MAX_TEXT} caractères, la limite d'une cellule Excel (l'export ods n'a pas cette limite)",
                            address(sheet.name, r, c)
                        )),
                        e => error(&e),
                    })?;
            }
        }
        for (c, w) in sheet.widths().into_iter().enumerate() {
            ws.set_column_width(col(c)?, w as f64)
                .map_err(|e| error(&e))?;
        }
        let last = u32::try_from(sheet.rows.len()).map_err(|_| too_big())?;
        let last_col = col(sheet.headers.len().saturating_sub(1))?;
        ws.set_freeze_panes(1, 0).map_err(|e| error(&e))?;
        ws.autofilter(0, 0, last, last_col).map_err(|e| error(&e))?;
    }
    book.save_to_buffer().map_err(|e| error(&e))
}

fn too_big() -> SheetError {
    SheetError("trop de lignes ou de colonnes pour un classeur xlsx".into())
}

fn col(c: usize) -> Result<u16, SheetError> {
    u16::try_from(c).map_err(|_| too_big())
}

/// An exact decimal as the nearest binary number (what a spreadsheet
/// stores): parsed from its decimal writing, never computed.
fn number(s: &str) -> f64 {
    s.parse().unwrap_or(0.0)
}

fn write_cell(
    ws: &mut Worksheet,
    f: &Formats,
    r: u32,
    c: u16,
    cell: &Cell,
) -> Result<(), XlsxError> {
    match cell {
        Cell::Empty => {}
        Cell::Text(s) => {
            ws.write_string(r, c, s)?;
        }
        Cell::Int(n) => {
            ws.write_number(r, c, number(&n.to_string()))?;
        }
        Cell::Decimal(d) => {
            ws.write_number_with_format(r, c, number(&d.to_string()), &f.decimal)?;
        }
        Cell::Percent(p) => {
            ws.write_number_with_format(r, c, number(&super::tenths(*p)), &f.percent)?;
        }
        Cell::Euros(m) => {
            ws.write_number_with_format(r, c, number(&super::euros(*m)), &f.euros)?;
        }
        Cell::Date { annee, mois, jour } => {
            let d = ExcelDateTime::from_ymd(*annee, *mois, *jour)?;
            ws.write_datetime_with_format(r, c, d, &f.date)?;
        }
    }
    Ok(())
}
