//! The parts of the ODF package around the body: `content.xml`'s frame and
//! automatic styles (text formatting, tables), `meta.xml` and the manifest;
//! `styles.xml` is in [`super::odt_common`].

use super::tree::{Align, Column, Document};
use super::xml::Xml;

pub(super) const NS: &[(&str, &str)] = &[
    (
        "xmlns:office",
        "urn:oasis:names:tc:opendocument:xmlns:office:1.0",
    ),
    (
        "xmlns:style",
        "urn:oasis:names:tc:opendocument:xmlns:style:1.0",
    ),
    (
        "xmlns:text",
        "urn:oasis:names:tc:opendocument:xmlns:text:1.0",
    ),
    (
        "xmlns:table",
        "urn:oasis:names:tc:opendocument:xmlns:table:1.0",
    ),
    (
        "xmlns:fo",
        "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0",
    ),
    (
        "xmlns:svg",
        "urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0",
    ),
    ("xmlns:xlink", "http://www.w3.org/1999/xlink"),
    ("xmlns:dc", "http://purl.org/dc/elements/1.1/"),
    (
        "xmlns:meta",
        "urn:oasis:names:tc:opendocument:xmlns:meta:1.0",
    ),
    ("office:version", "1.3"),
];

pub(super) const FONTS: &str = "<office:font-face-decls>\
<style:font-face style:name=\"Liberation Sans\" svg:font-family=\"'Liberation Sans'\" style:font-family-generic=\"swiss\" style:font-pitch=\"variable\"/>\
<style:font-face style:name=\"Liberation Mono\" svg:font-family=\"'Liberation Mono'\" style:font-family-generic=\"modern\" style:font-pitch=\"fixed\"/>\
</office:font-face-decls>";

/// Blue of the headings and table heads.
pub(super) const BLUE: &str = "#000091";

/// The name of the automatic text style of a run, if it has formatting.
pub fn text_style(bold: bool, italic: bool, strike: bool, code: bool) -> Option<String> {
    let mut s = String::from("T_");
    for (on, c) in [(bold, 'b'), (italic, 'i'), (strike, 's'), (code, 'c')] {
        if on {
            s.push(c);
        }
    }
    (s.len() > 2).then_some(s)
}

fn text_styles(x: &mut Xml) {
    for bits in 1u8..16 {
        let on = |k: u8| bits & (1 << k) != 0;
        let Some(name) = text_style(on(0), on(1), on(2), on(3)) else {
            continue;
        };
        let mut props = vec![];
        if on(0) {
            props.push(("fo:font-weight", "bold"));
        }
        if on(1) {
            props.push(("fo:font-style", "italic"));
        }
        if on(2) {
            props.extend([
                ("style:text-line-through-style", "solid"),
                ("style:text-line-through-type", "single"),
            ]);
        }
        if on(3) {
            props.push(("style:font-name", "Liberation Mono"));
        }
        x.open(
            "style:style",
            &[("style:name", &name), ("style:family", "text")],
        );
        x.empty("style:text-properties", &props);
        x.close("style:style");
    }
}

/// The paragraph style of a table cell.
pub fn cell_para(head: bool, align: Align) -> &'static str {
    match (head, align) {
        (true, Align::Left) => "Table_20_Heading",
        (true, Align::Right) => "Table_20_Heading_20_right",
        (true, Align::Center) => "Table_20_Heading_20_center",
        (false, Align::Left) => "Table_20_Contents",
        (false, Align::Right) => "Table_20_Contents_20_right",
        (false, Align::Center) => "Table_20_Contents_20_center",
    }
}

/// Width of the text area, in thousandths of a centimetre (A4, 2 cm margins).
pub const TEXT_WIDTH: u64 = 17_000;

/// The style of table `name` and of each of its columns.
pub fn table_styles(x: &mut Xml, name: &str, cols: &[Column]) {
    x.open(
        "style:style",
        &[("style:name", name), ("style:family", "table")],
    );
    x.empty(
        "style:table-properties",
        &[
            ("style:width", "17cm"),
            ("table:align", "margins"),
            ("fo:margin-top", "0.1cm"),
            ("fo:margin-bottom", "0.3cm"),
        ],
    );
    x.close("style:style");
    let total: u64 = cols.iter().map(|c| u64::from(c.width.max(1))).sum();
    for (k, c) in cols.iter().enumerate() {
        let w = u64::from(c.width.max(1));
        let thousandths = TEXT_WIDTH * w / total.max(1);
        let width = format!("{}.{:03}cm", thousandths / 1000, thousandths % 1000);
        let rel = format!("{}*", w * 1000);
        let col = format!("{name}.C{}", k + 1);
        x.open(
            "style:style",
            &[("style:name", &col), ("style:family", "table-column")],
        );
        x.empty(
            "style:table-column-properties",
            &[
                ("style:column-width", &width),
                ("style:rel-column-width", &rel),
            ],
        );
        x.close("style:style");
    }
}

fn cell_styles(x: &mut Xml) {
    let border = "0.5pt solid #9a9aa8";
    for (name, bg) in [
        ("Cell", "transparent"),
        ("Cell_20_head", "#e3e3fd"),
        ("Cell_20_shade", "#6a6af4"),
    ] {
        x.open(
            "style:style",
            &[("style:name", name), ("style:family", "table-cell")],
        );
        x.empty(
            "style:table-cell-properties",
            &[
                ("fo:border", border),
                ("fo:padding", "0.08cm"),
                ("fo:background-color", bg),
            ],
        );
        x.close("style:style");
    }
}

/// `content.xml`: the automatic styles and the body.
pub fn content(table_styles: &str, body: &str) -> Vec<u8> {
    let mut x = Xml::new();
    x.open("office:document-content", NS).raw(FONTS);
    x.open("office:automatic-styles", &[]);
    text_styles(&mut x);
    cell_styles(&mut x);
    x.raw(table_styles);
    x.close("office:automatic-styles");
    x.open("office:body", &[]).open("office:text", &[]);
    x.raw(body);
    x.close("office:text")
        .close("office:body")
        .close("office:document-content");
    x.finish()
}

/// How LibreOffice regenerates the sommaire (Outils › Mettre à jour):
/// three outline levels, each entry a link with its page number.
pub fn toc_source(x: &mut Xml, title: &str) {
    x.open(
        "text:table-of-content-source",
        &[
            ("text:outline-level", "3"),
            ("text:use-index-marks", "false"),
        ],
    );
    x.leaf(
        "text:index-title-template",
        &[("text:style-name", "Contents_20_Heading")],
        title,
    );
    for level in 1..=3 {
        let lv = level.to_string();
        let style = format!("Contents_20_{level}");
        x.open(
            "text:table-of-content-entry-template",
            &[("text:outline-level", &lv), ("text:style-name", &style)],
        );
        x.empty("text:index-entry-link-start", &[]);
        x.empty("text:index-entry-text", &[]);
        x.empty(
            "text:index-entry-tab-stop",
            &[("style:type", "right"), ("style:leader-char", ".")],
        );
        x.empty("text:index-entry-page-number", &[]);
        x.empty("text:index-entry-link-end", &[]);
        x.close("text:table-of-content-entry-template");
    }
    x.close("text:table-of-content-source");
}

/// `meta.xml`: title, subject, authors (the co-porteurs), language.
pub fn meta(doc: &Document) -> Vec<u8> {
    let m = &doc.meta;
    let mut x = Xml::new();
    x.open("office:document-meta", NS).open("office:meta", &[]);
    x.leaf("meta:generator", &[], "fdr");
    x.leaf("dc:title", &[], &m.title);
    if let Some(s) = &m.subject {
        x.leaf("dc:subject", &[], s);
    }
    let authors = m.authors.join("; ");
    x.leaf("meta:initial-creator", &[], &authors);
    x.leaf("dc:creator", &[], &authors);
    let lang = if m.country.is_empty() {
        m.language.clone()
    } else {
        format!("{}-{}", m.language, m.country)
    };
    x.leaf("dc:language", &[], &lang);
    x.close("office:meta").close("office:document-meta");
    x.finish()
}

pub fn manifest() -> Vec<u8> {
    let mut x = Xml::new();
    x.open(
        "manifest:manifest",
        &[
            (
                "xmlns:manifest",
                "urn:oasis:names:tc:opendocument:xmlns:manifest:1.0",
            ),
            ("manifest:version", "1.3"),
        ],
    );
    x.empty(
        "manifest:file-entry",
        &[
            ("manifest:full-path", "/"),
            ("manifest:version", "1.3"),
            (
                "manifest:media-type",
                "application/vnd.oasis.opendocument.text",
            ),
        ],
    );
    for part in ["content.xml", "styles.xml", "meta.xml"] {
        x.empty(
            "manifest:file-entry",
            &[
                ("manifest:full-path", part),
                ("manifest:media-type", "text/xml"),
            ],
        );
    }
    x.close("manifest:manifest");
    x.finish()
}
