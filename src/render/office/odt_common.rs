//! `styles.xml` of the ODF package: paragraph styles (LibreOffice's names
//! where one exists: Heading 1–6 with their outline levels, Text body,
//! Table Contents, Contents 1–3), lists, the unnumbered outline, the A4
//! page and its footer with the page number.

use super::odt_styles::{BLUE, FONTS, NS};
use super::tree::Document;
use super::xml::Xml;

/// A paragraph style: name, parent, paragraph and text properties.
fn para(
    x: &mut Xml,
    name: &str,
    parent: &str,
    extra: &[(&str, &str)],
    pp: &[(&str, &str)],
    tp: &[(&str, &str)],
) {
    let mut attrs = vec![("style:name", name), ("style:family", "paragraph")];
    if !parent.is_empty() {
        attrs.push(("style:parent-style-name", parent));
    }
    attrs.extend_from_slice(extra);
    x.open("style:style", &attrs);
    if !pp.is_empty() {
        x.empty("style:paragraph-properties", pp);
    }
    if !tp.is_empty() {
        x.empty("style:text-properties", tp);
    }
    x.close("style:style");
}

fn default_style(x: &mut Xml, doc: &Document) {
    x.open("style:default-style", &[("style:family", "paragraph")]);
    x.empty(
        "style:text-properties",
        &[
            ("style:font-name", "Liberation Sans"),
            ("fo:font-size", "10pt"),
            ("fo:language", &doc.meta.language),
            ("fo:country", &doc.meta.country),
            ("fo:hyphenate", "false"),
        ],
    );
    x.close("style:default-style");
}

fn headings(x: &mut Xml) {
    para(
        x,
        "Heading",
        "Standard",
        &[("style:next-style-name", "Text_20_body")],
        &[
            ("fo:margin-top", "0.45cm"),
            ("fo:margin-bottom", "0.2cm"),
            ("fo:keep-with-next", "always"),
        ],
        &[("fo:font-weight", "bold"), ("fo:color", BLUE)],
    );
    for (level, size) in [
        (1, "18pt"),
        (2, "14pt"),
        (3, "12pt"),
        (4, "11pt"),
        (5, "10.5pt"),
        (6, "10pt"),
    ] {
        let name = format!("Heading_20_{level}");
        let display = format!("Heading {level}");
        let lv = level.to_string();
        let mut pp = vec![];
        if level == 1 {
            // Each part starts a page.
            pp.push(("fo:break-before", "page"));
        }
        para(
            x,
            &name,
            "Heading",
            &[
                ("style:display-name", &display),
                ("style:default-outline-level", &lv),
                ("style:class", "text"),
            ],
            &pp,
            &[("fo:font-size", size)],
        );
    }
}

/// Title, subtitle and first line of the cover.
fn cover_styles(x: &mut Xml) {
    let center = ("fo:text-align", "center");
    para(
        x,
        "Title",
        "Standard",
        &[],
        &[
            center,
            ("fo:margin-top", "1cm"),
            ("fo:margin-bottom", "0.6cm"),
        ],
        &[
            ("fo:font-size", "26pt"),
            ("fo:font-weight", "bold"),
            ("fo:color", BLUE),
        ],
    );
    para(
        x,
        "Subtitle",
        "Standard",
        &[],
        &[center, ("fo:margin-bottom", "1cm")],
        &[("fo:font-size", "15pt"), ("fo:font-style", "italic")],
    );
    para(
        x,
        "Cover_20_line",
        "Standard",
        &[("style:display-name", "Cover line")],
        &[center, ("fo:margin-top", "5cm")],
        &[("fo:font-size", "14pt"), ("fo:font-weight", "bold")],
    );
}

fn body_styles(x: &mut Xml) {
    para(x, "Standard", "", &[("style:class", "text")], &[], &[]);
    let body = [
        ("fo:margin-top", "0cm"),
        ("fo:margin-bottom", "0.2cm"),
        ("fo:line-height", "115%"),
    ];
    para(
        x,
        "Text_20_body",
        "Standard",
        &[("style:display-name", "Text body")],
        &body,
        &[],
    );
    let center = ("fo:text-align", "center");
    para(
        x,
        "Note",
        "Standard",
        &[],
        &[("fo:margin-bottom", "0.3cm")],
        &[("fo:font-size", "8.5pt"), ("fo:color", "#555555")],
    );
    para(
        x,
        "Quotations",
        "Text_20_body",
        &[],
        &[("fo:margin-left", "0.8cm"), ("fo:margin-right", "0.8cm")],
        &[("fo:font-style", "italic")],
    );
    para(
        x,
        "Preformatted_20_Text",
        "Standard",
        &[("style:display-name", "Preformatted Text")],
        &[("fo:margin-bottom", "0.2cm")],
        &[
            ("style:font-name", "Liberation Mono"),
            ("fo:font-size", "9pt"),
        ],
    );
    para(
        x,
        "Horizontal_20_Line",
        "Standard",
        &[("style:display-name", "Horizontal Line")],
        &[
            ("fo:border-bottom", "0.5pt solid #9a9aa8"),
            ("fo:margin-bottom", "0.3cm"),
        ],
        &[("fo:font-size", "4pt")],
    );
    para(
        x,
        "Colophon",
        "Standard",
        &[],
        &[center, ("fo:margin-top", "1cm")],
        &[("fo:font-size", "8.5pt"), ("fo:font-style", "italic")],
    );
    para(
        x,
        "Page_20_break",
        "Standard",
        &[("style:display-name", "Page break")],
        &[("fo:break-after", "page")],
        &[],
    );
    para(
        x,
        "Footer",
        "Standard",
        &[],
        &[center],
        &[("fo:font-size", "8.5pt"), ("fo:color", "#555555")],
    );
}

fn table_para_styles(x: &mut Xml) {
    let small = [("fo:font-size", "9pt")];
    para(
        x,
        "Table_20_Contents",
        "Standard",
        &[("style:display-name", "Table Contents")],
        &[],
        &small,
    );
    para(
        x,
        "Table_20_Heading",
        "Table_20_Contents",
        &[("style:display-name", "Table Heading")],
        &[],
        &[("fo:font-weight", "bold")],
    );
    for (base, display) in [
        ("Table_20_Contents", "Table Contents"),
        ("Table_20_Heading", "Table Heading"),
    ] {
        for align in ["right", "center"] {
            let name = format!("{base}_20_{align}");
            let disp = format!("{display} {align}");
            para(
                x,
                &name,
                base,
                &[("style:display-name", &disp)],
                &[(
                    "fo:text-align",
                    if align == "right" { "end" } else { "center" },
                )],
                &[],
            );
        }
    }
}

fn toc_styles(x: &mut Xml) {
    para(
        x,
        "Contents_20_Heading",
        "Standard",
        &[("style:display-name", "Contents Heading")],
        &[("fo:margin-bottom", "0.4cm")],
        &[
            ("fo:font-size", "18pt"),
            ("fo:font-weight", "bold"),
            ("fo:color", BLUE),
        ],
    );
    for (level, indent) in [(1, "0cm"), (2, "0.6cm"), (3, "1.2cm")] {
        let name = format!("Contents_20_{level}");
        let display = format!("Contents {level}");
        let weight = if level == 1 { "bold" } else { "normal" };
        x.open(
            "style:style",
            &[
                ("style:name", &name),
                ("style:display-name", &display),
                ("style:family", "paragraph"),
                ("style:parent-style-name", "Standard"),
            ],
        );
        x.open(
            "style:paragraph-properties",
            &[
                ("fo:margin-left", indent),
                ("fo:margin-top", if level == 1 { "0.2cm" } else { "0cm" }),
                ("fo:margin-bottom", "0.08cm"),
            ],
        );
        x.open("style:tab-stops", &[]);
        x.empty(
            "style:tab-stop",
            &[
                ("style:position", "17cm"),
                ("style:type", "right"),
                ("style:leader-style", "dotted"),
                ("style:leader-text", "."),
            ],
        );
        x.close("style:tab-stops")
            .close("style:paragraph-properties");
        x.empty("style:text-properties", &[("fo:font-weight", weight)]);
        x.close("style:style");
    }
}

/// Bullets and numbers, indented by level.
fn list_styles(x: &mut Xml) {
    for (name, ordered) in [("List_20_bullet", false), ("List_20_number", true)] {
        x.open("text:list-style", &[("style:name", name)]);
        for level in 1..=10u32 {
            let lv = level.to_string();
            let bullet = ["•", "◦", "▪"][(level as usize - 1) % 3];
            if ordered {
                x.open(
                    "text:list-level-style-number",
                    &[
                        ("text:level", &lv),
                        ("style:num-format", "1"),
                        ("style:num-suffix", "."),
                    ],
                );
            } else {
                x.open(
                    "text:list-level-style-bullet",
                    &[("text:level", &lv), ("text:bullet-char", bullet)],
                );
            }
            let margin = format!("{:.2}cm", 0.6 * f64::from(level));
            x.open(
                "style:list-level-properties",
                &[("text:list-level-position-and-space-mode", "label-alignment")],
            );
            x.empty(
                "style:list-level-label-alignment",
                &[
                    ("text:label-followed-by", "listtab"),
                    ("text:list-tab-stop-position", &margin),
                    ("fo:text-indent", "-0.5cm"),
                    ("fo:margin-left", &margin),
                ],
            );
            x.close("style:list-level-properties");
            x.close(if ordered {
                "text:list-level-style-number"
            } else {
                "text:list-level-style-bullet"
            });
        }
        x.close("text:list-style");
    }
}

/// Headings are not numbered: their texts carry their numbers.
fn outline_style(x: &mut Xml) {
    x.open("text:outline-style", &[("style:name", "Outline")]);
    for level in 1..=10 {
        let lv = level.to_string();
        x.open(
            "text:outline-level-style",
            &[("text:level", &lv), ("style:num-format", "")],
        );
        x.close("text:outline-level-style");
    }
    x.close("text:outline-style");
}

/// `styles.xml`: common styles, the A4 page and its footer.
pub fn styles(doc: &Document) -> Vec<u8> {
    let mut x = Xml::new();
    x.open("office:document-styles", NS).raw(FONTS);
    x.open("office:styles", &[]);
    default_style(&mut x, doc);
    body_styles(&mut x);
    cover_styles(&mut x);
    headings(&mut x);
    table_para_styles(&mut x);
    toc_styles(&mut x);
    x.open(
        "style:style",
        &[
            ("style:name", "Internet_20_link"),
            ("style:display-name", "Internet link"),
            ("style:family", "text"),
        ],
    );
    x.empty(
        "style:text-properties",
        &[
            ("fo:color", BLUE),
            ("style:text-underline-style", "solid"),
            ("style:text-underline-width", "auto"),
            ("style:text-underline-color", "font-color"),
        ],
    );
    x.close("style:style");
    x.empty(
        "style:style",
        &[
            ("style:name", "Index_20_Link"),
            ("style:display-name", "Index Link"),
            ("style:family", "text"),
        ],
    );
    list_styles(&mut x);
    outline_style(&mut x);
    x.close("office:styles");
    x.open("office:automatic-styles", &[]);
    x.open("style:page-layout", &[("style:name", "A4")]);
    x.empty(
        "style:page-layout-properties",
        &[
            ("fo:page-width", "21cm"),
            ("fo:page-height", "29.7cm"),
            ("style:print-orientation", "portrait"),
            ("fo:margin-top", "2cm"),
            ("fo:margin-bottom", "1.5cm"),
            ("fo:margin-left", "2cm"),
            ("fo:margin-right", "2cm"),
        ],
    );
    x.open("style:footer-style", &[]);
    x.empty(
        "style:header-footer-properties",
        &[("fo:min-height", "0.5cm"), ("fo:margin-top", "0.4cm")],
    );
    x.close("style:footer-style").close("style:page-layout");
    x.close("office:automatic-styles");
    x.open("office:master-styles", &[]);
    x.open(
        "style:master-page",
        &[("style:name", "Standard"), ("style:page-layout-name", "A4")],
    );
    x.open("style:footer", &[])
        .open("text:p", &[("text:style-name", "Footer")]);
    x.text(&doc.footer).text(" — ");
    x.leaf("text:page-number", &[("text:select-page", "current")], "1");
    x.close("text:p")
        .close("style:footer")
        .close("style:master-page");
    x.close("office:master-styles")
        .close("office:document-styles");
    x.finish()
}
