//! `word/styles.xml`: the document defaults (font, size, language), the
//! paragraph styles (Word's built-in names where one exists, so that
//! « heading 1 » is Word's and LibreOffice's Heading 1), the link style
//! and the table style.

use super::docx_parts::lang;
use super::tree::Meta;
use super::xml::Xml;

const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const BLUE: &str = "000091";

/// Properties in schema order: (element, attributes).
type Props<'a> = &'a [(&'a str, &'a [(&'a str, &'a str)])];

struct Style<'a> {
    kind: &'a str,
    id: &'a str,
    name: &'a str,
    based: Option<&'a str>,
    next: Option<&'a str>,
    ppr: Props<'a>,
    rpr: Props<'a>,
}

fn props(x: &mut Xml, tag: &str, list: Props) {
    if list.is_empty() {
        return;
    }
    x.open(tag, &[]);
    for (el, attrs) in list {
        x.empty(el, attrs);
    }
    x.close(tag);
}

fn style(x: &mut Xml, s: &Style) {
    let mut attrs = vec![("w:type", s.kind), ("w:styleId", s.id)];
    if s.id == "Normal" {
        // The style of a paragraph that names none.
        attrs.push(("w:default", "1"));
    }
    x.open("w:style", &attrs);
    x.empty("w:name", &[("w:val", s.name)]);
    if let Some(b) = s.based {
        x.empty("w:basedOn", &[("w:val", b)]);
    }
    if let Some(n) = s.next {
        x.empty("w:next", &[("w:val", n)]);
    }
    x.empty("w:qFormat", &[]);
    props(x, "w:pPr", s.ppr);
    props(x, "w:rPr", s.rpr);
    x.close("w:style");
}

fn para<'a>(id: &'a str, name: &'a str, ppr: Props<'a>, rpr: Props<'a>) -> Style<'a> {
    Style {
        kind: "paragraph",
        id,
        name,
        based: Some("Normal"),
        next: None,
        ppr,
        rpr,
    }
}

const CENTER: (&str, &[(&str, &str)]) = ("w:jc", &[("w:val", "center")]);
const BOLD: (&str, &[(&str, &str)]) = ("w:b", &[]);
const ITALIC: (&str, &[(&str, &str)]) = ("w:i", &[]);
const COLOR: (&str, &[(&str, &str)]) = ("w:color", &[("w:val", BLUE)]);
const GREY: (&str, &[(&str, &str)]) = ("w:color", &[("w:val", "555555")]);
const BODY: (&str, &[(&str, &str)]) = (
    "w:spacing",
    &[
        ("w:after", "113"),
        ("w:line", "276"),
        ("w:lineRule", "auto"),
    ],
);
const NOTE: (&str, &[(&str, &str)]) = ("w:spacing", &[("w:after", "170")]);
const SPACED: (&str, &[(&str, &str)]) = ("w:spacing", &[("w:before", "567"), ("w:after", "113")]);
const SMALL: (&str, &[(&str, &str)]) = ("w:sz", &[("w:val", "17")]);

fn defaults(x: &mut Xml, m: &Meta) {
    let l = lang(m);
    x.open("w:docDefaults", &[])
        .open("w:rPrDefault", &[])
        .open("w:rPr", &[]);
    x.empty(
        "w:rFonts",
        &[
            ("w:ascii", "Arial"),
            ("w:hAnsi", "Arial"),
            ("w:cs", "Arial"),
        ],
    );
    x.empty("w:sz", &[("w:val", "20")]);
    x.empty("w:lang", &[("w:val", &l)]);
    x.close("w:rPr").close("w:rPrDefault");
    x.open("w:pPrDefault", &[]).open("w:pPr", &[]);
    x.empty(
        "w:spacing",
        &[("w:after", "0"), ("w:line", "240"), ("w:lineRule", "auto")],
    );
    x.close("w:pPr")
        .close("w:pPrDefault")
        .close("w:docDefaults");
}

/// Title, subtitle and first line of the cover.
fn cover_styles(x: &mut Xml) {
    let list = [
        para(
            "Title",
            "Title",
            &[
                ("w:spacing", &[("w:before", "567"), ("w:after", "340")]),
                CENTER,
            ],
            &[BOLD, COLOR, ("w:sz", &[("w:val", "52")])],
        ),
        para(
            "Subtitle",
            "Subtitle",
            &[("w:spacing", &[("w:after", "567")]), CENTER],
            &[ITALIC, ("w:sz", &[("w:val", "30")])],
        ),
        para(
            "CoverLine",
            "Cover Line",
            &[("w:spacing", &[("w:before", "2835")]), CENTER],
            &[BOLD, ("w:sz", &[("w:val", "28")])],
        ),
    ];
    for s in &list {
        style(x, s);
    }
}

fn body_styles(x: &mut Xml) {
    let normal = Style {
        kind: "paragraph",
        id: "Normal",
        name: "Normal",
        based: None,
        next: None,
        ppr: &[],
        rpr: &[],
    };
    style(x, &normal);
    let list = [
        para("BodyText", "Body Text", &[BODY], &[]),
        para("Note", "Note", &[NOTE], &[GREY, SMALL]),
        para(
            "Quote",
            "Quote",
            &[BODY, ("w:ind", &[("w:left", "454"), ("w:right", "454")])],
            &[ITALIC],
        ),
        para(
            "Code",
            "HTML Preformatted",
            &[BODY],
            &[
                (
                    "w:rFonts",
                    &[("w:ascii", "Courier New"), ("w:hAnsi", "Courier New")],
                ),
                ("w:sz", &[("w:val", "18")]),
            ],
        ),
        para("Colophon", "Colophon", &[SPACED, CENTER], &[ITALIC, SMALL]),
        para("Footer", "footer", &[CENTER], &[GREY, SMALL]),
        para(
            "TableContents",
            "Table Contents",
            &[],
            &[("w:sz", &[("w:val", "18")])],
        ),
        para(
            "TableHeading",
            "Table Heading",
            &[],
            &[BOLD, ("w:sz", &[("w:val", "18")])],
        ),
        para(
            "AfterTable",
            "After Table",
            &[],
            &[("w:sz", &[("w:val", "12")])],
        ),
        para(
            "TOCHeading",
            "TOC Heading",
            &[("w:spacing", &[("w:after", "227")])],
            &[BOLD, COLOR, ("w:sz", &[("w:val", "36")])],
        ),
    ];
    for s in &list {
        style(x, s);
    }
    // A thematic break: a paragraph with a bottom border.
    x.raw(
        "<w:style w:type=\"paragraph\" w:styleId=\"Rule\"><w:name w:val=\"Horizontal Line\"/>\
         <w:basedOn w:val=\"Normal\"/><w:pPr><w:pBdr><w:bottom w:val=\"single\" w:sz=\"4\" \
         w:space=\"1\" w:color=\"9A9AA8\"/></w:pBdr><w:spacing w:after=\"170\"/></w:pPr>\
         <w:rPr><w:sz w:val=\"8\"/></w:rPr></w:style>",
    );
}

fn heading_styles(x: &mut Xml) {
    let sizes = ["36", "28", "24", "22", "21", "20"];
    for (k, size) in sizes.iter().enumerate() {
        let id = format!("Heading{}", k + 1);
        let name = format!("heading {}", k + 1);
        let lvl = k.to_string();
        let size_prop: [(&str, &[(&str, &str)]); 1] = [("w:sz", &[("w:val", size)])];
        let outline: [(&str, &str); 1] = [("w:val", &lvl)];
        let mut ppr: Vec<(&str, &[(&str, &str)])> = vec![("w:keepNext", &[])];
        if k == 0 {
            // Each part starts a page.
            ppr.push(("w:pageBreakBefore", &[]));
        }
        ppr.push(("w:spacing", &[("w:before", "255"), ("w:after", "113")]));
        ppr.push(("w:outlineLvl", &outline));
        let rpr = [BOLD, COLOR, size_prop[0]];
        style(
            x,
            &Style {
                next: Some("BodyText"),
                ..para(&id, &name, &ppr, &rpr)
            },
        );
    }
    for (k, indent) in ["0", "340", "680"].iter().enumerate() {
        let id = format!("TOC{}", k + 1);
        let name = format!("toc {}", k + 1);
        let ind: [(&str, &str); 1] = [("w:left", indent)];
        let before = if k == 0 { "113" } else { "0" };
        let spacing: [(&str, &str); 2] = [("w:before", before), ("w:after", "45")];
        let rpr: &[(&str, &[(&str, &str)])] = if k == 0 { &[BOLD] } else { &[] };
        style(
            x,
            &para(&id, &name, &[("w:spacing", &spacing), ("w:ind", &ind)], rpr),
        );
    }
}

fn link_and_table_styles(x: &mut Xml) {
    style(
        x,
        &Style {
            kind: "character",
            id: "Hyperlink",
            name: "Hyperlink",
            based: None,
            next: None,
            ppr: &[],
            rpr: &[COLOR, ("w:u", &[("w:val", "single")])],
        },
    );
    x.open("w:style", &[("w:type", "table"), ("w:styleId", "Grid")]);
    x.empty("w:name", &[("w:val", "Table Grid")]);
    x.open("w:tblPr", &[]).open("w:tblBorders", &[]);
    for side in [
        "w:top",
        "w:left",
        "w:bottom",
        "w:right",
        "w:insideH",
        "w:insideV",
    ] {
        x.empty(
            side,
            &[
                ("w:val", "single"),
                ("w:sz", "4"),
                ("w:space", "0"),
                ("w:color", "9A9AA8"),
            ],
        );
    }
    x.close("w:tblBorders").open("w:tblCellMar", &[]);
    for (side, w) in [
        ("w:top", "45"),
        ("w:left", "85"),
        ("w:bottom", "45"),
        ("w:right", "85"),
    ] {
        x.empty(side, &[("w:w", w), ("w:type", "dxa")]);
    }
    x.close("w:tblCellMar").close("w:tblPr").close("w:style");
}

pub fn styles(m: &Meta) -> Vec<u8> {
    let mut x = Xml::new();
    x.open("w:styles", &[("xmlns:w", W)]);
    defaults(&mut x, m);
    body_styles(&mut x);
    cover_styles(&mut x);
    heading_styles(&mut x);
    link_and_table_styles(&mut x);
    x.close("w:styles");
    x.finish()
}
