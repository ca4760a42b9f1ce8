//! `fdr build --format odt,docx`: the packages read back (mimetype first
//! and stored, well-formed XML parts, every action title, the total, the
//! headings with their outline levels, the sommaire as a table of
//! contents), identical bytes from build to build, hostile text kept as
//! text, and — when LibreOffice is installed (`soffice`; required with
//! FDR_REQUIRE_SOFFICE=1) — their conversion to PDF.

mod common;

use common::*;
use quick_xml::Reader;
use quick_xml::events::Event;
use std::io::Read;
use std::path::Path;
use std::process::Command;

fn example() -> std::path::PathBuf {
    repo().join("examples/bouches-du-rhone")
}

/// Every entry of the package: (name, stored uncompressed, bytes).
fn entries(bytes: &[u8]) -> Vec<(String, bool, Vec<u8>)> {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    (0..zip.len())
        .map(|i| {
            let mut f = zip.by_index(i).unwrap();
            let stored = f.compression() == zip::CompressionMethod::Stored;
            let mut data = Vec::new();
            f.read_to_end(&mut data).unwrap();
            (f.name().unwrap().to_string(), stored, data)
        })
        .collect()
}

fn part(entries: &[(String, bool, Vec<u8>)], name: &str) -> String {
    let (_, _, data) = entries
        .iter()
        .find(|(n, _, _)| n == name)
        .unwrap_or_else(|| panic!("{name} absent"));
    String::from_utf8(data.clone()).unwrap()
}

/// Parse `xml` to the end (fails on malformed XML or unbalanced tags);
/// its text, a space after each element.
fn well_formed(name: &str, xml: &str) -> String {
    let mut r = Reader::from_str(xml);
    r.config_mut().check_end_names = true;
    let mut text = String::new();
    let mut depth = 0i64;
    loop {
        match r.read_event() {
            Ok(Event::Eof) => break,
            Ok(Event::Start(_)) => depth += 1,
            Ok(Event::End(_)) => {
                depth -= 1;
                text.push(' ');
            }
            Ok(Event::Text(t)) => text.push_str(&t.xml10_content()),
            Ok(Event::GeneralRef(e)) => {
                if let Ok(Some(c)) = e.resolve_char_ref() {
                    text.push(c);
                } else {
                    let name: &str = e.as_ref();
                    text.push_str(quick_xml::escape::resolve_xml_entity(name).unwrap());
                }
            }
            Ok(_) => {}
            Err(e) => panic!("{name} : XML invalide : {e}"),
        }
    }
    assert_eq!(depth, 0, "{name} : balises non refermées");
    text
}

fn build(dir: &Path) -> (tempfile::TempDir, Vec<u8>, Vec<u8>) {
    let (out, run) = build_into_temp(dir, "odt,docx");
    assert_eq!(run.code, 0, "{}", run.stderr);
    let odt = std::fs::read(out.path().join("feuille-de-route.odt")).unwrap();
    let docx = std::fs::read(out.path().join("feuille-de-route.docx")).unwrap();
    (out, odt, docx)
}

/// The example's action titles, from `export`.
fn action_titles() -> Vec<String> {
    let v = export_json(&example());
    let titles: Vec<String> = v["modele"]["actions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["titre"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(titles.len(), 10);
    titles
}

/// Text with typographic spaces folded and whitespace runs joined.
fn squash(s: &str) -> String {
    plain(s).split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn odt_package_holds_the_whole_document() {
    let (_out, odt, _) = build(&example());
    let e = entries(&odt);
    // ODF 1.3 part 3, 3.3: `mimetype` first, stored, no extra field.
    assert_eq!(e[0].0, "mimetype");
    assert!(e[0].1, "mimetype compressé");
    assert_eq!(e[0].2, b"application/vnd.oasis.opendocument.text");
    // Its local header: name at 30, no extra field (length at 28), data next.
    assert_eq!(&odt[30..38], b"mimetype");
    assert_eq!(&odt[28..30], [0, 0], "champ supplémentaire pour mimetype");
    assert!(odt[38..].starts_with(b"application/vnd.oasis.opendocument.text"));
    let names: Vec<&str> = e.iter().map(|(n, _, _)| n.as_str()).collect();
    assert_eq!(
        names,
        [
            "mimetype",
            "content.xml",
            "styles.xml",
            "meta.xml",
            "META-INF/manifest.xml"
        ]
    );
    for (name, _, data) in &e[1..] {
        well_formed(name, std::str::from_utf8(data).unwrap());
    }
    let content = plain(&part(&e, "content.xml"));
    let text = squash(&well_formed("content.xml", &content));
    for t in action_titles() {
        assert!(text.contains(&squash(&t)), "titre absent : {t}");
    }
    assert!(text.contains("71 433 €"), "total absent");
    assert!(
        content.contains("<text:table-of-content "),
        "pas de table des matières"
    );
    assert!(content.contains("<text:index-body>"));
    assert!(content.contains("text:style-name=\"Heading_20_1\" text:outline-level=\"1\""));
    assert!(content.contains("text:style-name=\"Heading_20_3\" text:outline-level=\"3\"><text:bookmark text:name=\"action-1-1\"/>Action 1.1 — "));
    assert!(content.contains("<text:a xlink:type=\"simple\" xlink:href=\"#action-1-2\""));
    assert!(content.contains("<table:table-header-rows>"));
    assert!(content.contains("Table_20_Contents_20_right\">71 433 €"));
    let styles = part(&e, "styles.xml");
    assert!(styles.contains("<text:page-number text:select-page=\"current\">"));
    let meta = part(&e, "meta.xml");
    assert!(meta.contains("<dc:language>fr-FR</dc:language>"));
    assert!(meta.contains(
        "<dc:creator>Préfecture des Bouches-du-Rhône; Métropole Aix-Marseille-Provence</dc:creator>"
    ));
}

#[test]
fn docx_package_holds_the_whole_document() {
    let (_out, _, docx) = build(&example());
    let e = entries(&docx);
    assert_eq!(e[0].0, "[Content_Types].xml");
    for (name, _, data) in &e {
        well_formed(name, std::str::from_utf8(data).unwrap());
    }
    let doc = plain(&part(&e, "word/document.xml"));
    let text = squash(&well_formed("document.xml", &doc));
    for t in action_titles() {
        assert!(text.contains(&squash(&t)), "titre absent : {t}");
    }
    assert!(text.contains("71 433 €"), "total absent");
    assert!(doc.contains("<w:docPartGallery w:val=\"Table of Contents\"/>"));
    assert!(doc.contains(" TOC \\o &quot;1-3&quot; \\h \\z \\u "));
    assert!(doc.contains("<w:pStyle w:val=\"Heading3\"/></w:pPr><w:bookmarkStart"));
    assert!(doc.contains("<w:tblHeader/>"));
    assert!(doc.contains("<w:jc w:val=\"right\"/></w:pPr><w:r><w:rPr><w:b/></w:rPr><w:t xml:space=\"preserve\">71 433 €"));
    let styles = part(&e, "word/styles.xml");
    assert!(styles.contains("<w:name w:val=\"heading 1\"/>"));
    assert!(styles.contains("<w:outlineLvl w:val=\"2\"/>"));
    assert!(part(&e, "word/footer1.xml").contains(" PAGE "));
    let core = part(&e, "docProps/core.xml");
    assert!(core.contains("<dc:language>fr-FR</dc:language>"));
    assert!(
        !core.contains("dcterms:created"),
        "une date rendrait le fichier variable"
    );
}

#[test]
fn two_builds_give_identical_bytes() {
    let (_a, odt1, docx1) = build(&example());
    let (_b, odt2, docx2) = build(&example());
    assert!(odt1 == odt2, "ODT différent d'une construction à l'autre");
    assert!(
        docx1 == docx2,
        "DOCX différent d'une construction à l'autre"
    );
}

#[test]
fn hostile_text_stays_text() {
    let (_out, odt, docx) = build(&repo().join("tests/fixtures/injection"));
    for (bytes, part_name) in [(odt, "content.xml"), (docx, "word/document.xml")] {
        let e = entries(&bytes);
        for (name, _, data) in &e {
            well_formed(name, std::str::from_utf8(data).unwrap());
        }
        let xml = part(&e, part_name);
        let text = well_formed(part_name, &xml);
        assert!(
            text.contains("<script>alert('titre')</script>"),
            "{part_name}"
        );
        assert!(
            !xml.contains("<script"),
            "{part_name} : balise de l'utilisateur"
        );
        assert!(!xml.contains("javascript:"), "{part_name} : lien dangereux");
    }
}

#[test]
fn every_field_fixture_gives_well_formed_packages() {
    let (_out, odt, docx) = build(&repo().join("tests/fixtures/chaque-champ"));
    for bytes in [odt, docx] {
        for (name, _, data) in entries(&bytes) {
            well_formed(&name, std::str::from_utf8(&data).unwrap());
        }
    }
}

/// `soffice`, when installed (Debian: libreoffice-writer-nogui).
fn soffice() -> Option<&'static str> {
    let found = Command::new("soffice")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    if !found && std::env::var("FDR_REQUIRE_SOFFICE").is_ok_and(|v| v == "1") {
        panic!("soffice (LibreOffice) est requis : apt-get install libreoffice-writer-nogui");
    }
    found.then_some("soffice")
}

#[test]
fn libreoffice_converts_both_to_a_pdf_with_the_whole_text() {
    let Some(soffice) = soffice() else {
        eprintln!("soffice absent : conversion non vérifiée");
        return;
    };
    let (out, _, _) = build(&example());
    let titles = action_titles();
    let profile = tempfile::tempdir().unwrap();
    let profile_url = format!("-env:UserInstallation=file://{}", profile.path().display());
    for ext in ["odt", "docx"] {
        let pdf_dir = out.path().join(format!("pdf-{ext}"));
        let src = out.path().join(format!("feuille-de-route.{ext}"));
        let o = Command::new(soffice)
            .args([
                &profile_url,
                "--headless",
                "--convert-to",
                "pdf",
                "--outdir",
            ])
            .arg(&pdf_dir)
            .arg(&src)
            .output()
            .unwrap();
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
        let pdf = pdf_dir.join("feuille-de-route.pdf");
        let t = Command::new("pdftotext")
            .args(["-enc", "UTF-8"])
            .arg(&pdf)
            .arg("-")
            .output()
            .expect("pdftotext (poppler-utils) est nécessaire pour ce test");
        let text = squash(&String::from_utf8_lossy(&t.stdout));
        assert!(text.contains("Sommaire"), "{ext} : sommaire absent");
        assert!(text.contains("71 433"), "{ext} : total absent");
        for title in &titles {
            assert!(
                text.contains(&squash(title)),
                "{ext} : titre absent : {title}"
            );
        }
    }
}
