//! The parts of the DOCX package around `document.xml`: content types,
//! relationships, properties (no date: the same sources give the same
//! bytes), styles, numbering, settings and the footer.

use super::docx::{field_end, field_start};
use super::tree::Meta;
use super::xml::Xml;

const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const R: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const REL: &str = "http://schemas.openxmlformats.org/package/2006/relationships";
const OFFICE_REL: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

pub fn document(body: &str) -> Vec<u8> {
    let mut x = Xml::new();
    x.open("w:document", &[("xmlns:w", W), ("xmlns:r", R)]);
    x.open("w:body", &[]).raw(body);
    x.open("w:sectPr", &[]);
    x.empty(
        "w:footerReference",
        &[("w:type", "default"), ("r:id", "rIdFooter")],
    );
    x.empty("w:pgSz", &[("w:w", "11906"), ("w:h", "16838")]);
    x.empty(
        "w:pgMar",
        &[
            ("w:top", "1134"),
            ("w:right", "1134"),
            ("w:bottom", "850"),
            ("w:left", "1134"),
            ("w:header", "567"),
            ("w:footer", "454"),
            ("w:gutter", "0"),
        ],
    );
    x.close("w:sectPr").close("w:body").close("w:document");
    x.finish()
}

pub fn content_types() -> Vec<u8> {
    let mut x = Xml::new();
    let ct = "application/vnd.openxmlformats-officedocument.wordprocessingml.";
    x.open(
        "Types",
        &[(
            "xmlns",
            "http://schemas.openxmlformats.org/package/2006/content-types",
        )],
    );
    x.empty(
        "Default",
        &[
            ("Extension", "rels"),
            (
                "ContentType",
                "application/vnd.openxmlformats-package.relationships+xml",
            ),
        ],
    );
    x.empty(
        "Default",
        &[("Extension", "xml"), ("ContentType", "application/xml")],
    );
    let parts = [
        ("/word/document.xml", format!("{ct}document.main+xml")),
        ("/word/styles.xml", format!("{ct}styles+xml")),
        ("/word/numbering.xml", format!("{ct}numbering+xml")),
        ("/word/settings.xml", format!("{ct}settings+xml")),
        ("/word/footer1.xml", format!("{ct}footer+xml")),
        (
            "/docProps/core.xml",
            "application/vnd.openxmlformats-package.core-properties+xml".into(),
        ),
        (
            "/docProps/app.xml",
            "application/vnd.openxmlformats-officedocument.extended-properties+xml".into(),
        ),
    ];
    for (part, t) in &parts {
        x.empty("Override", &[("PartName", part), ("ContentType", t)]);
    }
    x.close("Types");
    x.finish()
}

fn rels(list: &[(String, String, String, bool)]) -> Vec<u8> {
    let mut x = Xml::new();
    x.open("Relationships", &[("xmlns", REL)]);
    for (id, t, target, external) in list {
        let mut attrs = vec![("Id", id.as_str()), ("Type", t), ("Target", target)];
        if *external {
            attrs.push(("TargetMode", "External"));
        }
        x.empty("Relationship", &attrs);
    }
    x.close("Relationships");
    x.finish()
}

pub fn package_rels() -> Vec<u8> {
    rels(&[
        (
            "rId1".into(),
            format!("{OFFICE_REL}/officeDocument"),
            "word/document.xml".into(),
            false,
        ),
        (
            "rId2".into(),
            format!("{REL}/metadata/core-properties"),
            "docProps/core.xml".into(),
            false,
        ),
        (
            "rId3".into(),
            format!("{OFFICE_REL}/extended-properties"),
            "docProps/app.xml".into(),
            false,
        ),
    ])
}

/// The document's relationships: its parts, then each external link.
pub fn document_rels(links: &[String]) -> Vec<u8> {
    let mut list: Vec<(String, String, String, bool)> = [
        ("rIdStyles", "styles", "styles.xml"),
        ("rIdNumbering", "numbering", "numbering.xml"),
        ("rIdSettings", "settings", "settings.xml"),
        ("rIdFooter", "footer", "footer1.xml"),
    ]
    .iter()
    .map(|(id, t, target)| {
        (
            id.to_string(),
            format!("{OFFICE_REL}/{t}"),
            target.to_string(),
            false,
        )
    })
    .collect();
    for (k, url) in links.iter().enumerate() {
        list.push((
            format!("rIdL{}", k + 1),
            format!("{OFFICE_REL}/hyperlink"),
            url.clone(),
            true,
        ));
    }
    rels(&list)
}

/// Title, subject, authors (the co-porteurs), language; no date.
pub fn core(m: &Meta) -> Vec<u8> {
    let mut x = Xml::new();
    x.open(
        "cp:coreProperties",
        &[
            (
                "xmlns:cp",
                "http://schemas.openxmlformats.org/package/2006/metadata/core-properties",
            ),
            ("xmlns:dc", "http://purl.org/dc/elements/1.1/"),
            ("xmlns:dcterms", "http://purl.org/dc/terms/"),
        ],
    );
    x.leaf("dc:title", &[], &m.title);
    if let Some(s) = &m.subject {
        x.leaf("dc:subject", &[], s);
    }
    x.leaf("dc:creator", &[], &m.authors.join("; "));
    x.leaf("dc:language", &[], &lang(m));
    x.close("cp:coreProperties");
    x.finish()
}

/// "fr-FR".
pub fn lang(m: &Meta) -> String {
    if m.country.is_empty() {
        m.language.clone()
    } else {
        format!("{}-{}", m.language, m.country)
    }
}

pub fn app() -> Vec<u8> {
    let mut x = Xml::new();
    x.open(
        "Properties",
        &[(
            "xmlns",
            "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties",
        )],
    );
    x.leaf("Application", &[], "fdr");
    x.close("Properties");
    x.finish()
}

pub fn settings() -> Vec<u8> {
    let mut x = Xml::new();
    x.open("w:settings", &[("xmlns:w", W)]);
    x.empty("w:defaultTabStop", &[("w:val", "708")]);
    x.open("w:compat", &[]);
    x.empty(
        "w:compatSetting",
        &[
            ("w:name", "compatibilityMode"),
            ("w:uri", "http://schemas.microsoft.com/office/word"),
            ("w:val", "15"),
        ],
    );
    x.close("w:compat").close("w:settings");
    x.finish()
}

/// The footer: its text, then the page number.
pub fn footer(text: &str) -> Vec<u8> {
    let mut x = Xml::new();
    x.open("w:ftr", &[("xmlns:w", W), ("xmlns:r", R)]);
    x.open("w:p", &[]).open("w:pPr", &[]);
    x.empty("w:pStyle", &[("w:val", "Footer")]);
    x.close("w:pPr");
    x.open("w:r", &[])
        .leaf("w:t", &[("xml:space", "preserve")], &format!("{text} — "))
        .close("w:r");
    field_start(&mut x, " PAGE ");
    x.open("w:r", &[]).leaf("w:t", &[], "1").close("w:r");
    field_end(&mut x);
    x.close("w:p").close("w:ftr");
    x.finish()
}

/// Bullets (numbering 1), and one numbering per ordered list (level and
/// first number), over one abstract definition each.
pub fn numbering(ordered: &[(usize, u32)]) -> Vec<u8> {
    let mut x = Xml::new();
    x.open("w:numbering", &[("xmlns:w", W)]);
    for (id, bullet) in [("1", true), ("2", false)] {
        x.open("w:abstractNum", &[("w:abstractNumId", id)]);
        x.empty("w:multiLevelType", &[("w:val", "hybridMultilevel")]);
        for level in 0..9usize {
            let lv = level.to_string();
            x.open("w:lvl", &[("w:ilvl", &lv)]);
            x.empty("w:start", &[("w:val", "1")]);
            let (fmt, text) = if bullet {
                ("bullet", ["•", "◦", "▪"][level % 3].to_string())
            } else {
                ("decimal", format!("%{}.", level + 1))
            };
            x.empty("w:numFmt", &[("w:val", fmt)]);
            x.empty("w:lvlText", &[("w:val", &text)]);
            x.empty("w:lvlJc", &[("w:val", "left")]);
            let left = (340 * (level + 1)).to_string();
            x.open("w:pPr", &[]);
            x.empty("w:ind", &[("w:left", &left), ("w:hanging", "283")]);
            x.close("w:pPr").close("w:lvl");
        }
        x.close("w:abstractNum");
    }
    x.open("w:num", &[("w:numId", "1")]);
    x.empty("w:abstractNumId", &[("w:val", "1")]);
    x.close("w:num");
    for (k, (level, start)) in ordered.iter().enumerate() {
        let id = (k + 2).to_string();
        let (lv, st) = (level.min(&8).to_string(), start.to_string());
        x.open("w:num", &[("w:numId", &id)]);
        x.empty("w:abstractNumId", &[("w:val", "2")]);
        x.open("w:lvlOverride", &[("w:ilvl", &lv)]);
        x.empty("w:startOverride", &[("w:val", &st)]);
        x.close("w:lvlOverride").close("w:num");
    }
    x.close("w:numbering");
    x.finish()
}
