//! `fdr export --format xlsx|ods -o FILE`: the workbook is read back with
//! calamine and its cells checked one by one — types (numbers, dates,
//! text) and figures (against the computed model of `--format json`) —
//! then the same sources must give the same bytes, and the output rules
//! (a new file, never a terminal, never through a link) must hold.

mod common;

use calamine::{Data, Reader, open_workbook_auto};
use common::{TIMEOUT, export_json, fixtures_dir, repo, run};
use std::path::{Path, PathBuf};

const FORMATS: [&str; 2] = ["xlsx", "ods"];

const SHEETS: [&str; 8] = [
    "Feuille de route",
    "Actions",
    "Financements",
    "Acteurs",
    "Par année",
    "Par financeur",
    "Indicateurs",
    "Mesures",
];

fn example(name: &str) -> PathBuf {
    repo().join("examples").join(name)
}

/// `fdr export DIR --format FORMAT -o FILE` into `tmp`; the file written.
fn export(dir: &Path, format: &str, tmp: &Path) -> PathBuf {
    let file = tmp.join(format!("classeur.{format}"));
    let out = run(
        &repo(),
        &[
            "--quiet",
            "export",
            dir.to_str().unwrap(),
            "--format",
            format,
            "-o",
            file.to_str().unwrap(),
        ],
        &[],
        TIMEOUT,
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
    file
}

/// Every sheet of the workbook, as rows of cells (header row first).
fn read(file: &Path) -> Book {
    let mut wb = open_workbook_auto(file).unwrap();
    let names = wb.sheet_names();
    names
        .into_iter()
        .map(|n| {
            let range = wb.worksheet_range(&n).unwrap();
            let rows = range.rows().map(<[Data]>::to_vec).collect();
            (n, rows)
        })
        .collect()
}

fn sheet<'a>(wb: &'a Book, name: &str) -> &'a [Vec<Data>] {
    &wb.iter().find(|(n, _)| n == name).unwrap().1
}

fn header(rows: &[Vec<Data>]) -> Vec<String> {
    rows[0].iter().map(|c| c.to_string()).collect()
}

fn col(rows: &[Vec<Data>], name: &str) -> usize {
    header(rows).iter().position(|h| h == name).unwrap()
}

/// A cell holding euros: a number (never text), in cents.
#[track_caller]
fn cents(c: &Data) -> i64 {
    match c {
        Data::Float(f) => (f * 100.0).round() as i64,
        other => panic!("montant attendu en nombre, trouvé {other:?}"),
    }
}

fn text(c: &Data) -> String {
    match c {
        Data::String(s) => s.clone(),
        Data::Empty => String::new(),
        other => panic!("texte attendu, trouvé {other:?}"),
    }
}

/// A date cell: a serial date (xlsx) or an ISO date (ods), as `AAAA-MM-JJ`.
#[track_caller]
fn date(c: &Data) -> String {
    match c {
        Data::DateTimeIso(s) => s.clone(),
        Data::DateTime(d) => {
            assert!(d.is_datetime(), "{d:?}");
            // Days since 1899-12-30, for the dates of these tests.
            match d.as_f64() as i64 {
                45730 => "2025-03-14".into(),
                45992 => "2025-12-01".into(),
                n => format!("série {n}"),
            }
        }
        other => panic!("date attendue, trouvée {other:?}"),
    }
}

/// Cash counted in the totals: rows neither in kind nor refused.
fn counted_cash(rows: &[Vec<Data>]) -> i64 {
    let (montant, nature, statut) = (
        col(rows, "Montant (€)"),
        col(rows, "Nature"),
        col(rows, "Statut"),
    );
    rows[1..]
        .iter()
        .filter(|r| !text(&r[nature]).starts_with("Valorisation"))
        .filter(|r| text(&r[statut]) != "Refusé")
        .filter(|r| r[montant] != Data::Empty)
        .map(|r| cents(&r[montant]))
        .sum()
}

/// The workbook of an example agrees with the computed model: its actions,
/// its cash total, its amounts by funder; amounts are numbers.
fn check_example(name: &str, total_cents: i64) {
    let dir = example(name);
    let json = export_json(&dir);
    let argent = &json["calculs"]["argent"];
    assert_eq!(argent["total"].as_i64(), Some(total_cents));
    for format in FORMATS {
        let tmp = tempfile::tempdir().unwrap();
        let wb = read(&export(&dir, format, tmp.path()));
        let names: Vec<&str> = wb.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(names, SHEETS, "{name} {format}");
        let feuille = sheet(&wb, "Feuille de route");
        assert!(feuille.len() >= 9, "{name} {format}: {}", feuille.len());
        let actions = sheet(&wb, "Actions");
        assert_eq!(
            actions.len() - 1,
            json["modele"]["actions"].as_array().unwrap().len(),
            "{name} {format}"
        );
        let fin = sheet(&wb, "Financements");
        assert_eq!(counted_cash(fin), total_cents, "{name} {format}");
        let par_financeur = sheet(&wb, "Par financeur");
        let expected: Vec<i64> = argent["par_financeur"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| f["montant"].as_i64().unwrap())
            .collect();
        let got: Vec<i64> = par_financeur[1..].iter().map(|r| cents(&r[1])).collect();
        assert_eq!(got, expected, "{name} {format}");
    }
}

#[test]
fn bouches_du_rhone_workbook_holds_the_71_433_euros() {
    check_example("bouches-du-rhone", 7_143_300);
    let tmp = tempfile::tempdir().unwrap();
    for format in FORMATS {
        let wb = read(&export(&example("bouches-du-rhone"), format, tmp.path()));
        let actions = sheet(&wb, "Actions");
        assert_eq!(
            header(actions),
            [
                "Axe",
                "Titre de l'axe",
                "Numéro",
                "Identifiant",
                "Titre",
                "Description",
                "Statut",
                "Priorité",
                "Pilotes",
                "Partenaires",
                "Début",
                "Fin",
                "Budget (€)",
                "Financé (€)",
                "Reste à financer (€)",
            ],
            "{format}"
        );
        assert_eq!(actions[1][0], Data::Float(1.0), "{format}");
        assert_eq!(actions[1][2], Data::String("1.1".into()), "{format}");
        assert_eq!(cents(&actions[1][13]), 600_000, "{format}");
        assert_eq!(
            header(sheet(&wb, "Financements")),
            [
                "Action",
                "Identifiant de l'action",
                "Financeur",
                "Cercle",
                "Enveloppe",
                "Nature",
                "Statut",
                "Année",
                "Montant (€)",
                "Accordé (€)",
                "Versé (€)",
                "Jours",
                "ETP",
                "Libellé",
            ],
            "{format}"
        );
        assert_eq!(
            header(sheet(&wb, "Acteurs")),
            ["Identifiant", "Nom", "Sigle", "Catégorie", "Secteur"],
            "{format}"
        );
        std::fs::remove_file(tmp.path().join(format!("classeur.{format}"))).unwrap();
    }
}

#[test]
fn maine_et_loire_workbook_holds_its_cercle_of_funders() {
    check_example("maine-et-loire", 9_200_000);
    let tmp = tempfile::tempdir().unwrap();
    let wb = read(&export(&example("maine-et-loire"), "ods", tmp.path()));
    let fin = sheet(&wb, "Financements");
    assert_eq!(
        text(&fin[1][col(fin, "Cercle")]),
        "Cercle des financeurs de la MedNum 49"
    );
    let par_financeur = sheet(&wb, "Par financeur");
    assert_eq!(par_financeur[1][2], Data::Float(100.0));
}

/// The workbook of `tests/fixtures/classeur`, cell by cell. Cash: 3 × 1 000 €
/// (prefecture, 2025–2027) and 2 500,50 € (the cercle, 2026); 800 € in kind
/// and 999 € refused stay out of every total.
type Book = Vec<(String, Vec<Vec<Data>>)>;

/// The workbook of `tests/fixtures/classeur` in each format.
fn fixture_books() -> Vec<(&'static str, Book)> {
    let dir = fixtures_dir().join("classeur");
    FORMATS
        .iter()
        .map(|format| {
            let tmp = tempfile::tempdir().unwrap();
            (*format, read(&export(&dir, format, tmp.path())))
        })
        .collect()
}

#[test]
fn every_kind_of_cell_is_typed() {
    for (format, wb) in fixture_books() {
        let actions = sheet(&wb, "Actions");
        // The roadmap calls its axes « priorités ».
        assert_eq!(header(actions)[..2], ["Priorité", "Titre de la priorité"]);
        let a = &actions[1];
        assert_eq!(
            text(&a[5]),
            "=SOMME(A1:A2) n'est pas une formule.\nDeuxième  ligne,   avec des espaces.\n",
            "{format}"
        );
        assert_eq!(text(&a[7]), "Haute", "{format}");
        assert_eq!(
            text(&a[9]),
            "Préfecture du département exemple ; Département exemple"
        );
        assert_eq!(date(&a[10]), "2025-03-14", "{format}");
        assert_eq!(a[11], Data::String("2026-T2".into()), "{format}");
        // Budget 5 500,50 €, all financed: nothing left.
        assert_eq!(
            [cents(&a[12]), cents(&a[13]), cents(&a[14])],
            [550_050, 550_050, 0]
        );
        // In kind and refused only: no « Financé », no budget.
        let b = &actions[2];
        assert_eq!(b[10], Data::String("2026".into()), "{format}");
        assert_eq!([&b[12], &b[13], &b[14]], [&Data::Empty; 3], "{format}");

        let fin = sheet(&wb, "Financements");
        let years: Vec<Data> = fin[1..].iter().map(|r| r[7].clone()).collect();
        assert_eq!(
            years,
            [2025.0, 2026.0, 2027.0, 2026.0]
                .map(Data::Float)
                .into_iter()
                .chain([Data::Empty, Data::Empty])
                .collect::<Vec<_>>(),
            "{format}"
        );
        let amounts: Vec<i64> = fin[1..].iter().map(|r| cents(&r[8])).collect();
        assert_eq!(
            amounts,
            [100_000, 100_000, 100_000, 250_050, 80_000, 99_900],
            "{format}"
        );
        // Granted once, on the line's first row; days as a number.
        assert_eq!(cents(&fin[1][9]), 300_000, "{format}");
        assert_eq!(fin[2][9], Data::Empty, "{format}");
        assert_eq!(fin[5][11], Data::Float(12.5), "{format}");
        assert_eq!(text(&fin[5][5]), "Valorisation (apport en nature)");
        assert_eq!(text(&fin[6][6]), "Refusé");
        assert_eq!(counted_cash(fin), 550_050, "{format}");

        let acteurs = sheet(&wb, "Acteurs");
        assert_eq!(
            acteurs[3].iter().map(text).collect::<Vec<_>>(),
            [
                "association",
                "Association de médiation numérique",
                "AMN",
                "Association",
                "Privé"
            ]
        );
    }
}

#[test]
fn computed_sheets_hold_the_figures() {
    for (format, wb) in fixture_books() {
        let par_annee = sheet(&wb, "Par année");
        let rows: Vec<(Data, i64)> = par_annee[1..]
            .iter()
            .map(|r| (r[0].clone(), cents(&r[1])))
            .collect();
        assert_eq!(
            rows,
            [
                (Data::Float(2025.0), 100_000),
                (Data::Float(2026.0), 350_050),
                (Data::Float(2027.0), 100_000)
            ],
            "{format}"
        );
        let par_financeur = sheet(&wb, "Par financeur");
        assert_eq!(
            text(&par_financeur[1][0]),
            "Préfecture du département exemple"
        );
        assert_eq!(
            [&par_financeur[1][2], &par_financeur[2][2]],
            [&Data::Float(54.5), &Data::Float(45.5)],
            "{format}"
        );

        let ind = sheet(&wb, "Indicateurs");
        let i = &ind[1];
        assert_eq!(text(&i[0]), "1.1");
        assert_eq!(
            [&i[5], &i[7], &i[9]],
            [&Data::Float(40.0), &Data::Float(100.0), &Data::Float(55.5)]
        );
        assert_eq!([date(&i[6]), date(&i[10])], ["2025-03-14", "2025-12-01"]);
        assert_eq!(i[8], Data::String("2027".into()));
        // (55,5 − 40) / (100 − 40) = 25,8 %.
        assert_eq!(i[11], Data::Float(25.8), "{format}");
        assert_eq!(text(&i[12]), "En hausse");

        let mesures = sheet(&wb, "Mesures");
        let kinds: Vec<String> = mesures[1..].iter().map(|r| text(&r[2])).collect();
        assert_eq!(kinds, ["Référence", "Mesure", "Cible"], "{format}");
        assert_eq!(text(&mesures[2][5]), "Feuilles d'émargement");
    }
}

/// Same sources, same bytes: two exports seconds apart (a clock read
/// anywhere, in a zip entry or in the file's properties, would differ).
#[test]
fn the_same_sources_give_the_same_bytes() {
    let dir = example("maine-et-loire");
    let (a, b) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    let first: Vec<Vec<u8>> = FORMATS
        .iter()
        .map(|f| std::fs::read(export(&dir, f, a.path())).unwrap())
        .collect();
    std::thread::sleep(std::time::Duration::from_millis(2100));
    for (f, bytes) in FORMATS.iter().zip(&first) {
        let again = std::fs::read(export(&dir, f, b.path())).unwrap();
        assert!(again == *bytes, "{f} : deux exports diffèrent");
    }
}

#[test]
fn a_workbook_is_written_to_a_new_file_only() {
    let dir = example("minimal");
    let tmp = tempfile::tempdir().unwrap();
    let d = dir.to_str().unwrap();
    let fdr = |args: &[&str]| run(tmp.path(), args, &[], TIMEOUT);

    let out = fdr(&["export", d, "--format", "xlsx"]);
    assert_eq!(out.code, 2);
    assert!(
        out.stderr
            .contains("--format xlsx produit un classeur : donnez le fichier à créer avec -o"),
        "{}",
        out.stderr
    );

    std::fs::write(tmp.path().join("pris.ods"), "intact").unwrap();
    let out = fdr(&["export", d, "--format", "ods", "-o", "pris.ods"]);
    assert_eq!(out.code, 2);
    assert!(
        out.stderr.contains("« pris.ods » existe déjà"),
        "{}",
        out.stderr
    );
    assert_eq!(
        std::fs::read_to_string(tmp.path().join("pris.ods")).unwrap(),
        "intact"
    );

    let out = fdr(&["export", d, "--format", "ods", "-o", "classeur.xlsx"]);
    assert_eq!(out.code, 2);
    assert!(
        out.stderr
            .contains("l'extension .xlsx ne correspond pas au format ods"),
        "{}",
        out.stderr
    );
    assert!(!tmp.path().join("classeur.xlsx").exists());

    #[cfg(unix)]
    {
        std::fs::write(tmp.path().join("cible"), "intact").unwrap();
        std::os::unix::fs::symlink("cible", tmp.path().join("lien.xlsx")).unwrap();
        let out = fdr(&["export", d, "--format", "xlsx", "-o", "lien.xlsx"]);
        assert_eq!(out.code, 2);
        assert_eq!(
            std::fs::read_to_string(tmp.path().join("cible")).unwrap(),
            "intact"
        );
    }

    // `-o -` writes to a pipe (not a terminal), the same bytes as a file.
    let out = fdr(&[
        "export",
        d,
        "--format",
        "ods",
        "-o",
        "sous/dossier/feuille.ods",
    ]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(
        out.stderr
            .contains("classeur écrit : sous/dossier/feuille.ods")
    );
    let file = std::fs::read(tmp.path().join("sous/dossier/feuille.ods")).unwrap();
    let piped = std::process::Command::new(env!("CARGO_BIN_EXE_fdr"))
        .args(["export", d, "--format", "ods", "-o", "-"])
        .output()
        .unwrap();
    assert_eq!(piped.status.code(), Some(0));
    assert!(piped.stdout == file, "-o - et -o FICHIER diffèrent");
}
