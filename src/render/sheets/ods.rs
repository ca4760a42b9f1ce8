//! The workbook as an OpenDocument spreadsheet, written from the ODF 1.3
//! specification: `content.xml` (typed cells, column widths, the filter
//! of each sheet as an anonymous database range), `settings.xml` (header
//! rows frozen), `styles.xml`, `meta.xml` and the manifest, in a zip
//! package whose entries are all dated 1980-01-01. No clock, no map in
//! hash order: the same sources give the same bytes. (spreadsheet-ods
//! writes its namespaces and styles from `HashMap`s, in a different order
//! at each run, and dates its zip entries with the clock.)

use super::{Cell, Sheet, SheetError, Workbook};
use crate::render::fmt;
use crate::render::zip::Entry;
use std::collections::BTreeSet;

const VERSION: &str = "1.3";
const MIMETYPE: &str = "application/vnd.oasis.opendocument.spreadsheet";
const NS_OFFICE: &str = "urn:oasis:names:tc:opendocument:xmlns:office:1.0";

pub fn write(wb: &Workbook) -> Result<Vec<u8>, SheetError> {
    let entries = [
        ("mimetype", MIMETYPE.to_string()),
        ("META-INF/manifest.xml", manifest()),
        ("meta.xml", meta(wb)),
        ("settings.xml", settings(wb)),
        ("styles.xml", styles()),
        ("content.xml", content(wb)),
    ];
    package(entries).map_err(|e| SheetError(format!("écriture du classeur ods impossible : {e}")))
}

/// The zip package: `mimetype` first and stored (the ODF signature), the
/// other entries deflated (`render::zip`: every entry dated 1980-01-01).
fn package(entries: [(&'static str, String); 6]) -> Result<Vec<u8>, String> {
    let entries = entries
        .into_iter()
        .enumerate()
        .map(|(i, (path, text))| Entry {
            path,
            bytes: text.into_bytes(),
            stored: i == 0,
        })
        .collect();
    crate::render::zip::package(entries)
}

/// `s` escaped for a text node or a double-quoted attribute; characters
/// XML cannot hold (control characters) are left out.
fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    crate::render::templates::escape_xml(s, &mut out);
    out
}

/// A text as paragraphs: one `text:p` per line, runs of spaces and tabs
/// kept (ODF collapses plain white space: a space is written as such only
/// after a character, the others as `text:s`).
fn paragraphs(s: &str, out: &mut String) {
    fn flush(spaces: &mut usize, after_char: bool, out: &mut String) {
        let literal = usize::from(*spaces > 0 && after_char);
        if literal == 1 {
            out.push(' ');
        }
        if *spaces > literal {
            out.push_str(&format!("<text:s text:c=\"{}\"/>", *spaces - literal));
        }
        *spaces = 0;
    }
    for line in s.split('\n') {
        out.push_str("<text:p>");
        let (mut spaces, mut after_char) = (0usize, false);
        for c in line.chars().filter(|c| *c != '\r') {
            if c == ' ' {
                spaces += 1;
                continue;
            }
            flush(&mut spaces, after_char, out);
            if c == '\t' {
                out.push_str("<text:tab/>");
            } else {
                out.push_str(&esc(c.encode_utf8(&mut [0; 4])));
            }
            after_char = c != '\t';
        }
        flush(&mut spaces, false, out);
        out.push_str("</text:p>");
    }
}

fn manifest() -> String {
    let mut s = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<manifest:manifest xmlns:manifest=\"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0\" manifest:version=\"{VERSION}\">\n <manifest:file-entry manifest:full-path=\"/\" manifest:version=\"{VERSION}\" manifest:media-type=\"{MIMETYPE}\"/>\n"
    );
    for f in ["content.xml", "styles.xml", "meta.xml", "settings.xml"] {
        s.push_str(&format!(
            " <manifest:file-entry manifest:full-path=\"{f}\" manifest:media-type=\"text/xml\"/>\n"
        ));
    }
    s.push_str("</manifest:manifest>\n");
    s
}

/// The title and language; no date (the sources give none for the file).
fn meta(wb: &Workbook) -> String {
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<office:document-meta xmlns:office=\"{NS_OFFICE}\" xmlns:meta=\"urn:oasis:names:tc:opendocument:xmlns:meta:1.0\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\" office:version=\"{VERSION}\"><office:meta><meta:generator>fdr {}</meta:generator><dc:title>{}</dc:title><dc:language>fr-FR</dc:language></office:meta></office:document-meta>\n",
        env!("CARGO_PKG_VERSION"),
        esc(&wb.titre)
    )
}

/// The header row of every sheet frozen (the rows above row 2 stay on
/// screen), the first sheet shown.
fn settings(wb: &Workbook) -> String {
    let item = |name: &str, ty: &str, v: &str| {
        format!(
            "<config:config-item config:name=\"{name}\" config:type=\"{ty}\">{v}</config:config-item>"
        )
    };
    let mut tables = String::new();
    for sheet in &wb.sheets {
        tables.push_str(&format!(
            "<config:config-item-map-entry config:name=\"{}\">",
            esc(sheet.name)
        ));
        for (name, ty, v) in [
            ("CursorPositionX", "int", "0"),
            ("CursorPositionY", "int", "1"),
            ("HorizontalSplitMode", "short", "0"),
            ("VerticalSplitMode", "short", "2"),
            ("HorizontalSplitPosition", "int", "0"),
            ("VerticalSplitPosition", "int", "1"),
            ("ActiveSplitRange", "short", "2"),
            ("PositionLeft", "int", "0"),
            ("PositionRight", "int", "0"),
            ("PositionTop", "int", "0"),
            ("PositionBottom", "int", "1"),
        ] {
            tables.push_str(&item(name, ty, v));
        }
        tables.push_str("</config:config-item-map-entry>");
    }
    let active = wb.sheets.first().map_or("", |s| s.name);
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<office:document-settings xmlns:office=\"{NS_OFFICE}\" xmlns:config=\"urn:oasis:names:tc:opendocument:xmlns:config:1.0\" office:version=\"{VERSION}\"><office:settings><config:config-item-set config:name=\"ooo:view-settings\"><config:config-item-map-indexed config:name=\"Views\"><config:config-item-map-entry>{}<config:config-item-map-named config:name=\"Tables\">{tables}</config:config-item-map-named>{}</config:config-item-map-entry></config:config-item-map-indexed></config:config-item-set></office:settings></office:document-settings>\n",
        item("ViewId", "string", "view1"),
        item("ActiveTable", "string", &esc(active)),
    )
}

const NAMESPACES: &str = concat!(
    "xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" ",
    "xmlns:style=\"urn:oasis:names:tc:opendocument:xmlns:style:1.0\" ",
    "xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\" ",
    "xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\" ",
    "xmlns:number=\"urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0\" ",
    "xmlns:fo=\"urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0\""
);

/// The default cell style: French, so that a spreadsheet formats numbers
/// and checks spelling in French.
fn styles() -> String {
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<office:document-styles {NAMESPACES} office:version=\"{VERSION}\"><office:styles><style:default-style style:family=\"table-cell\"><style:text-properties fo:language=\"fr\" fo:country=\"FR\"/></style:default-style><style:style style:name=\"Default\" style:family=\"table-cell\"/></office:styles></office:document-styles>\n"
    )
}

/// Number formats (French), cell styles and one column style per width.
fn automatic_styles(widths: &BTreeSet<usize>) -> String {
    const FR: &str = "number:language=\"fr\" number:country=\"FR\"";
    let mut s = String::from("<office:automatic-styles>");
    s.push_str(&format!(
        "<number:currency-style style:name=\"N_EUR\" {FR}><number:number number:decimal-places=\"2\" number:min-decimal-places=\"2\" number:min-integer-digits=\"1\" number:grouping=\"true\"/><number:text> </number:text><number:currency-symbol {FR}>€</number:currency-symbol></number:currency-style>"
    ));
    s.push_str(&format!(
        "<number:date-style style:name=\"N_DATE\" {FR}><number:day number:style=\"long\"/><number:text>/</number:text><number:month number:style=\"long\"/><number:text>/</number:text><number:year number:style=\"long\"/></number:date-style>"
    ));
    s.push_str(&format!(
        "<number:number-style style:name=\"N_TENTHS\" {FR}><number:number number:decimal-places=\"1\" number:min-decimal-places=\"1\" number:min-integer-digits=\"1\"/></number:number-style>"
    ));
    s.push_str(&format!(
        "<number:number-style style:name=\"N_NUM\" {FR}><number:number number:min-integer-digits=\"1\"/></number:number-style>"
    ));
    s.push_str("<style:style style:name=\"ce_head\" style:family=\"table-cell\" style:parent-style-name=\"Default\"><style:text-properties fo:font-weight=\"bold\"/></style:style>");
    for (name, data) in [
        ("ce_eur", "N_EUR"),
        ("ce_date", "N_DATE"),
        ("ce_tenths", "N_TENTHS"),
        ("ce_num", "N_NUM"),
    ] {
        s.push_str(&format!(
            "<style:style style:name=\"{name}\" style:family=\"table-cell\" style:parent-style-name=\"Default\" style:data-style-name=\"{data}\"/>"
        ));
    }
    // Rows one line high, as in a spreadsheet: a text of several lines
    // (a description) would otherwise stretch its row to fit.
    s.push_str("<style:style style:name=\"ro1\" style:family=\"table-row\"><style:table-row-properties style:row-height=\"4.52mm\" style:use-optimal-row-height=\"false\"/></style:style>");
    for w in widths {
        // About 1.9 mm a character (as a spreadsheet's default font).
        s.push_str(&format!(
            "<style:style style:name=\"co{w}\" style:family=\"table-column\"><style:table-column-properties style:column-width=\"{}mm\"/></style:style>",
            w * 19 / 10 + 2
        ));
    }
    s.push_str("</office:automatic-styles>");
    s
}

fn content(wb: &Workbook) -> String {
    let widths: Vec<Vec<usize>> = wb.sheets.iter().map(Sheet::widths).collect();
    let distinct: BTreeSet<usize> = widths.iter().flatten().copied().collect();
    let mut s = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<office:document-content {NAMESPACES} office:version=\"{VERSION}\">"
    );
    s.push_str(&automatic_styles(&distinct));
    s.push_str("<office:body><office:spreadsheet>");
    for (sheet, w) in wb.sheets.iter().zip(&widths) {
        table(sheet, w, &mut s);
    }
    s.push_str("<table:database-ranges>");
    for (i, sheet) in wb.sheets.iter().enumerate() {
        s.push_str(&format!(
            "<table:database-range table:name=\"__Anonymous_Sheet_DB__{i}\" table:target-range-address=\"{}\" table:display-filter-buttons=\"true\"/>",
            esc(&range(sheet))
        ));
    }
    s.push_str(
        "</table:database-ranges></office:spreadsheet></office:body></office:document-content>\n",
    );
    s
}

/// `'Par année'.A1:C9`: the header row and every row below it.
fn range(sheet: &Sheet) -> String {
    let col = super::column(sheet.headers.len().saturating_sub(1));
    let name = sheet.name.replace('\'', "''");
    format!("'{name}'.A1:{col}{}", sheet.rows.len() + 1)
}

fn table(sheet: &Sheet, widths: &[usize], s: &mut String) {
    s.push_str(&format!("<table:table table:name=\"{}\">", esc(sheet.name)));
    for w in widths {
        s.push_str(&format!(
            "<table:table-column table:style-name=\"co{w}\" table:default-cell-style-name=\"Default\"/>"
        ));
    }
    s.push_str("<table:table-row table:style-name=\"ro1\">");
    for h in &sheet.headers {
        s.push_str("<table:table-cell table:style-name=\"ce_head\" office:value-type=\"string\">");
        paragraphs(h, s);
        s.push_str("</table:table-cell>");
    }
    s.push_str("</table:table-row>");
    for row in &sheet.rows {
        s.push_str("<table:table-row table:style-name=\"ro1\">");
        for c in row {
            cell(c, s);
        }
        s.push_str("</table:table-row>");
    }
    s.push_str("</table:table>");
}

/// One typed cell: its value in `office:value` (plain decimal notation),
/// its French rendering in the paragraph, for readers that only show text.
fn cell(c: &Cell, s: &mut String) {
    let (attrs, shown) = match c {
        Cell::Empty => {
            s.push_str("<table:table-cell/>");
            return;
        }
        Cell::Text(t) => ("office:value-type=\"string\"".to_string(), t.clone()),
        Cell::Int(n) => (
            format!("office:value-type=\"float\" office:value=\"{n}\""),
            n.to_string(),
        ),
        Cell::Decimal(d) => (
            format!("table:style-name=\"ce_num\" office:value-type=\"float\" office:value=\"{d}\""),
            d.to_string().replace('.', ","),
        ),
        Cell::Percent(p) => {
            let v = super::tenths(*p);
            (
                format!(
                    "table:style-name=\"ce_tenths\" office:value-type=\"float\" office:value=\"{v}\""
                ),
                v.replace('.', ","),
            )
        }
        Cell::Euros(m) => (
            format!(
                "table:style-name=\"ce_eur\" office:value-type=\"currency\" office:currency=\"EUR\" office:value=\"{}\"",
                super::euros(*m)
            ),
            fmt::money(*m),
        ),
        Cell::Date { annee, mois, jour } => (
            format!(
                "table:style-name=\"ce_date\" office:value-type=\"date\" office:date-value=\"{annee:04}-{mois:02}-{jour:02}\""
            ),
            format!("{jour:02}/{mois:02}/{annee:04}"),
        ),
    };
    s.push_str(&format!("<table:table-cell {attrs}>"));
    paragraphs(&shown, s);
    s.push_str("</table:table-cell>");
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(s: &str) -> String {
        let mut out = String::new();
        paragraphs(s, &mut out);
        out
    }

    #[test]
    fn paragraphs_keep_lines_and_spaces() {
        assert_eq!(p("a b"), "<text:p>a b</text:p>");
        assert_eq!(p("a\nb"), "<text:p>a</text:p><text:p>b</text:p>");
        assert_eq!(p("a   b"), "<text:p>a <text:s text:c=\"2\"/>b</text:p>");
        assert_eq!(p("  a"), "<text:p><text:s text:c=\"2\"/>a</text:p>");
        assert_eq!(
            p("a\tb "),
            "<text:p>a<text:tab/>b<text:s text:c=\"1\"/></text:p>"
        );
        assert_eq!(p("<&>\u{1}"), "<text:p>&lt;&amp;&gt;</text:p>");
    }

    #[test]
    fn ranges_quote_sheet_names() {
        let mut s = Sheet::new("Par année", &["A", "B", "C"]);
        s.rows.push(vec![Cell::Empty]);
        assert_eq!(range(&s), "'Par année'.A1:C2");
    }
}
