//! `fdr import`: spreadsheets built here with rust_xlsxwriter (each
//! fixture reads in the test, one row per line) turned into roadmap
//! folders by the real binary, which then pass `fdr check`; the
//! diagnostics of a faulty sheet at their cells in every format; a CSV;
//! `--dry-run`; a folder that is not empty.

mod common;

use common::{TIMEOUT, parse_json, plain, run};
use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};
use std::collections::BTreeMap;
use std::path::Path;

/// A row of cells, `|`-separated: `€3686.5` euros (with the currency
/// format of the layout contract), `#2025` a number, `@2025-03-14` a date
/// cell, nothing an empty cell, anything else text.
fn add_sheet(wb: &mut Workbook, name: &str, rows: &[&str]) {
    let ws = wb.add_worksheet();
    ws.set_name(name).unwrap();
    let euros = Format::new().set_num_format("# ##0,00 €");
    let date = Format::new().set_num_format("yyyy-mm-dd");
    for (r, row) in rows.iter().enumerate() {
        for (c, v) in row.split('|').map(str::trim).enumerate() {
            let (r, c) = (r as u32, c as u16);
            if let Some(n) = v.strip_prefix('€') {
                let n: f64 = n.parse().unwrap();
                ws.write_number_with_format(r, c, n, &euros).unwrap();
            } else if let Some(n) = v.strip_prefix('#') {
                ws.write_number(r, c, n.parse::<f64>().unwrap()).unwrap();
            } else if let Some(d) = v.strip_prefix('@') {
                let p: Vec<u16> = d.split('-').map(|x| x.parse().unwrap()).collect();
                let dt = ExcelDateTime::from_ymd(p[0], p[1] as u8, p[2] as u8).unwrap();
                ws.write_datetime_with_format(r, c, &dt, &date).unwrap();
            } else if !v.is_empty() {
                ws.write_string(r, c, v).unwrap();
            }
        }
    }
}

/// A title that must not become YAML syntax.
const HOSTILE: &str = "Former : les aidants # « numériques »\n\"deuxième\" ligne: - [x]";

const ACTIONS: &[&str] = &[
    "Axe | Titre de l'axe | Numéro | Identifiant | Titre | Description | Statut | Priorité \
     | Pilotes | Partenaires | Début | Fin | Budget (€) | Financé (€)",
    "#1 | Se former | 1.2 | | Équiper les lieux | | À venir | | Département | | 2025 | 2027-12",
    "#2 | Coopérer | 2.1 | reseau | Animer le réseau | | Réalisée | Basse | Préfecture | | 2024 | 2025",
];

const FINANCEMENTS: &[&str] = &[
    "Action | Identifiant de l'action | Financeur | Cercle | Enveloppe | Nature | Statut \
     | Année | Montant (€) | Accordé (€) | Versé (€) | Jours | ETP | Libellé",
    "1.1 | former | Préfecture | | | subvention | accordé | #2025 | €2000 | €2000 | | | | FNE",
    "1.1 | former | Département | | | cofinancement | prévu | #2026 | €1686.5",
    "2.1 | reseau | Hub du Sud | | | valorisation (apport en nature) | | #2024 | €1200 | | | #12.5",
];

const ACTEURS: &[&str] = &[
    "Identifiant | Nom | Sigle | Catégorie | Secteur",
    "prefecture | Préfecture | | service de l'État",
    "departement | Département | CD | département",
    "hub | Hub du Sud | | association",
];

/// The fdr layout: Actions (the first action has the hostile title, a
/// multi-line description, a date cell and euros with cents), Financements
/// and Acteurs sheets.
fn fdr_workbook(dir: &Path) {
    let mut wb = Workbook::new();
    let first = format!(
        "#1 | Se former | 1.1 | former | {HOSTILE} | Des ateliers\nchaque mois. | En cours \
         | Haute | Hub du Sud | Département ; Préfecture | @2025-03-14 | 2026-T2 | €3686.5 | €3000"
    );
    let mut actions = ACTIONS.to_vec();
    actions.insert(1, &first);
    add_sheet(&mut wb, "Actions", &actions);
    add_sheet(&mut wb, "Financements", FINANCEMENTS);
    add_sheet(&mut wb, "Acteurs", ACTEURS);
    wb.save(dir.join("feuille.xlsx")).unwrap();
}

/// The plan import template of Territoires en Transitions: a row of
/// groups, the headers (as the template writes them, trailing spaces
/// included), the row of field types, then the actions.
fn tet_workbook(dir: &Path) {
    let mut wb = Workbook::new();
    add_sheet(&mut wb, "Mode demploi", &["Importer un plan d'action"]);
    let types = vec!["Champ texte"; 19].join(" | ");
    let rows = [
        "Présentation de l’action",
        "Axe (x) | Sous-axe (x.x) | Sous-sous axe (x.x.x) | Titre de l'action | Descriptif \
         | Structure pilote | Partenaires  | Personne pilote | Financeur 1 | Montant € HT \
         | Financeur 2 | Montant € HT | Financeur 3 | Montant € HT \
         | Budget prévisionnel total € HT | Statut  | Niveau de priorité | Date de début \
         | Date de fin",
        &types,
        "1. Inclure par le numérique | 1.1. Former les aidants | | Former 200 aidants \
         | Des sessions dans chaque canton. | Hub du Sud | Département, Préfecture \
         | Une personne | Préfecture | #5000 | Région, Département | #2000 | | | #10000 \
         | Réalisé | Élevé | @2025-01-06 | @2026-06-30",
        "1. Inclure par le numérique | | | Ouvrir des lieux | | Département | | | | | | | | \
         | | Bloqué | Moyen | @2025-09-01",
        "2. Coopérer | 2.1. Animer | | Animer le réseau | | HUB DU SUD | | | | | | | | | \
         | En cours | Bas | 2024 | 2027",
    ];
    add_sheet(&mut wb, "Fichier dimport", &rows);
    wb.save(dir.join("tet.xlsx")).unwrap();
}

/// `fdr ARGS` in `dir`.
fn fdr(dir: &Path, args: &str) -> common::Outcome {
    let args: Vec<&str> = args.split_whitespace().collect();
    run(dir, &args, &[], TIMEOUT)
}

fn read(dir: &Path, rel: &str) -> String {
    std::fs::read_to_string(dir.join(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
}

/// Every file written, by path relative to the folder.
fn tree(dir: &Path) -> BTreeMap<String, String> {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .map(Result::unwrap)
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            let rel = e.path().strip_prefix(dir).unwrap().to_string_lossy();
            let text = std::fs::read_to_string(e.path()).unwrap();
            (rel.replace('\\', "/"), text)
        })
        .collect()
}

/// `cell severity code` of each diagnostic of a JSON report.
fn cells(stdout: &str) -> Vec<String> {
    parse_json(stdout)
        .iter()
        .map(|d| {
            format!(
                "{} {} {}",
                d["cell"].as_str().unwrap_or("-"),
                d["severity"].as_str().unwrap(),
                d["code"].as_str().unwrap()
            )
        })
        .collect()
}

fn check_passes(dir: &Path, out: &str) {
    let o = run(dir, &["check", out, "--format", "json"], &[], TIMEOUT);
    let errors: Vec<_> = cells(&o.stdout)
        .into_iter()
        .filter(|l| l.contains(" erreur "))
        .collect();
    assert_eq!((o.code, errors), (0, vec![]), "{}", o.stdout);
}

const IDENTITE: &str = "--territoire Bouches-du-Rhône --code 13 --date 2025-01";

#[test]
fn the_fdr_layout_gives_a_roadmap_that_passes_check() {
    let tmp = tempfile::tempdir().unwrap();
    fdr_workbook(tmp.path());
    let o = fdr(
        tmp.path(),
        &format!("import feuille.xlsx -o fdr {IDENTITE} --format json"),
    );
    assert_eq!(o.code, 0, "{}\n{}", o.stdout, o.stderr);
    check_passes(tmp.path(), "fdr");
    let dir = tmp.path().join("fdr");
    let files: Vec<String> = tree(&dir).into_keys().collect();
    let expected = [
        "acteurs.yaml",
        "actions/1.1-former.yaml",
        "actions/1.2-equiper-les-lieux.yaml",
        "actions/2.1-reseau.yaml",
        "axes.yaml",
        "feuille-de-route.yaml",
    ];
    assert_eq!(files, expected);
    // The hostile title comes back as written; amounts in cents, exact.
    let action = read(&dir, "actions/1.1-former.yaml");
    let parsed: serde_json::Value = serde_saphyr::from_str(&action).unwrap();
    assert_eq!(parsed["actions"][0]["titre"], HOSTILE);
    let partenaires = serde_json::json!(["departement", "prefecture"]);
    assert_eq!(parsed["actions"][0]["partenaires"], partenaires);
    for part in [
        "    debut: \"2025-03-14\"\n    fin: \"2026-T2\"\n    budget: \"3686.50\"\n",
        "      montant: \"1686.50\"\n      annee: 2026\n      nature: cofinancement\n",
        "      financeur: hub\n      montant: 1200\n      annee: 2024\n      nature: valorisation\n",
    ] {
        let all: String = tree(&dir).into_values().collect();
        assert!(all.contains(part), "{part}\n{all}");
    }
    let json = fdr(tmp.path(), "export fdr");
    assert!(
        json.stdout.contains("368650"),
        "{}",
        common::head(&json.stdout)
    );
}

#[test]
fn the_acteurs_sheet_gives_categories_and_the_output_is_reproducible() {
    let tmp = tempfile::tempdir().unwrap();
    fdr_workbook(tmp.path());
    for out in ["un", "deux"] {
        let o = fdr(
            tmp.path(),
            &format!("import feuille.xlsx -o {out} {IDENTITE}"),
        );
        assert_eq!(o.code, 0, "{}", o.stderr);
    }
    let dir = tmp.path().join("un");
    assert_eq!(tree(&dir), tree(&tmp.path().join("deux")));
    assert_eq!(
        read(&dir, "acteurs.yaml"),
        "# Importé d'un tableur par fdr import ; vérifiez les valeurs « à préciser ».
acteurs:
  - id: departement
    nom: Département
    sigle: CD
    categorie: departement
  - id: hub
    nom: Hub du Sud
    categorie: association
  - id: prefecture
    nom: Préfecture
    categorie: etat
"
    );
    let feuille = read(&dir, "feuille-de-route.yaml");
    assert!(feuille.contains("    nom: Bouches-du-Rhône\n    code_departement: \"13\"\n"));
    assert!(feuille.contains("  date: \"2025-01\"\n"), "{feuille}");
}

#[test]
fn the_territoires_en_transitions_template_gives_a_roadmap_that_passes_check() {
    let tmp = tempfile::tempdir().unwrap();
    tet_workbook(tmp.path());
    let o = fdr(tmp.path(), "import tet.xlsx -o tet --format json");
    assert_eq!(o.code, 0, "{}\n{}", o.stdout, o.stderr);
    assert_eq!(
        cells(&o.stdout),
        [
            "'Fichier dimport'!H2 avertissement fdr::import::colonne_non_reprise",
            "'Fichier dimport'!P5 avertissement fdr::import::valeur_devinee",
            "'Fichier dimport'!F6 avertissement fdr::import::structure_fusionnee",
            "- avertissement fdr::import::a_preciser",
            "- avertissement fdr::import::a_preciser",
            "- avertissement fdr::financement::budget_desequilibre",
        ]
    );
    check_passes(tmp.path(), "tet");
    let dir = tmp.path().join("tet");
    assert_eq!(
        read(&dir, "actions/1.1-former-200-aidants.yaml"),
        TET_ACTION
    );
    let axes = read(&dir, "axes.yaml");
    assert!(axes.contains("  - id: cooperer\n    numero: 2\n    titre: Coopérer\n"));
    let feuille = read(&dir, "feuille-de-route.yaml");
    assert!(
        feuille.contains("    debut: 2024\n    fin: 2027\n"),
        "{feuille}"
    );
    let bloque = read(&dir, "actions/1.2-ouvrir-des-lieux.yaml");
    assert!(bloque.contains("    statut: en_pause\n"), "{bloque}");
}

/// The first action of the TeT sheet: its sous-axe closes its description,
/// several funders in one cell are a cercle.
const TET_ACTION: &str =
    "# Importé d'un tableur par fdr import ; vérifiez les valeurs « à préciser ».
actions:
  - id: former-200-aidants
    axe: inclure-par-le-numerique
    titre: Former 200 aidants
    description: |-
      Des sessions dans chaque canton.

      Sous-axe : 1.1. Former les aidants
    statut: realisee
    priorite: haute
    referents:
      - acteur: hub-du-sud
    partenaires:
      - departement
      - prefecture
    debut: \"2025-01-06\"
    fin: \"2026-06-30\"
    budget: 10000

financements:
  lignes:
    - action: former-200-aidants
      financeur: prefecture
      montant: 5000
    - action: former-200-aidants
      cercle: region-departement
      montant: 2000
";

/// A misspelled status, an unknown column, a duplicated structure and a
/// non-numeric amount.
fn faulty_workbook(dir: &Path) {
    let mut wb = Workbook::new();
    add_sheet(
        &mut wb,
        "Actions",
        &[
            "Axe | Titre de l'axe | Titre | Statut | Pilotes | Budjet | Budget (€)",
            "#1 | Se former | Former | en crous | Hub du Sud | x | €100",
            "#1 | Se former | Équiper | À venir | hub du  sud | | mille euros",
        ],
    );
    wb.save(dir.join("erreurs.xlsx")).unwrap();
}

#[test]
fn a_faulty_sheet_gives_each_diagnostic_at_its_cell() {
    let tmp = tempfile::tempdir().unwrap();
    faulty_workbook(tmp.path());
    let o = fdr(tmp.path(), "import erreurs.xlsx -o out --format json");
    assert_eq!(o.code, 1, "{}", o.stderr);
    assert_eq!(
        cells(&o.stdout),
        [
            "Actions!F1 avertissement fdr::import::colonne_inconnue",
            "Actions!D2 avertissement fdr::import::valeur_devinee",
            "Actions!E3 avertissement fdr::import::structure_fusionnee",
            "Actions!G3 erreur fdr::import::montant_invalide",
        ]
    );
    assert!(!tmp.path().join("out").exists(), "nothing is written");
    let human = fdr(tmp.path(), "import erreurs.xlsx -o out");
    assert_eq!(human.code, 1);
    for line in [
        "erreurs.xlsx, Actions!D2 : « en crous » lu comme « En cours »",
        "erreurs.xlsx, Actions!G3 : « mille euros » n'est pas un montant",
        "erreurs.xlsx, Actions!F1 : colonne « Budjet » inconnue : son contenu n'est pas repris",
        "vouliez-vous dire « budget » ?",
        "erreurs.xlsx, Actions!E3 : « hub du sud » et « Hub du Sud » (Actions!E2) désignent la \
         même structure : fusionnées sous l'identifiant hub-du-sud",
        "rien n'est écrit",
    ] {
        let report = plain(&human.stderr.replace('│', " "))
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        let line = line.split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(report.contains(&line), "{line}\n{}", human.stderr);
    }
}

#[test]
fn ci_formats_name_the_cell() {
    let tmp = tempfile::tempdir().unwrap();
    faulty_workbook(tmp.path());
    let gh = fdr(tmp.path(), "import erreurs.xlsx -o out --format github");
    assert_eq!(gh.code, 1);
    let line = "::error file=erreurs.xlsx,title=fdr%3A%3Aimport%3A%3Amontant_invalide\
                ::Actions!G3 : « mille euros » n'est pas un montant";
    assert!(gh.stdout.contains(line), "{}", gh.stdout);
    let gl = fdr(tmp.path(), "import erreurs.xlsx -o out --format gitlab");
    let issues: serde_json::Value = serde_json::from_str(&gl.stdout).unwrap();
    assert_eq!(issues[3]["location"]["path"], "erreurs.xlsx");
    let description = issues[3]["description"].as_str().unwrap();
    assert!(
        description.starts_with("Actions!G3 : « mille euros »"),
        "{issues}"
    );
}

#[test]
fn a_csv_file_is_imported_too() {
    let tmp = tempfile::tempdir().unwrap();
    let csv = "\u{feff}Axe;Titre de l'axe;Titre;Statut;Pilotes;Début;Budget (€)\r\n\
               1;Se former;\"Former ; vite\";En cours;Hub du Sud;14/03/2025;\"3 686,50\"\r\n\
               2;Coopérer;Animer;Réalisée;Préfecture;2024;;en trop\r\n";
    std::fs::write(tmp.path().join("actions.csv"), csv).unwrap();
    let o = fdr(tmp.path(), "import actions.csv -o csv --format json");
    assert_eq!(o.code, 0, "{}\n{}", o.stdout, o.stderr);
    // A CSV file has one sheet: cells have no sheet name.
    let found = cells(&o.stdout);
    assert_eq!(found[0], "H1 avertissement fdr::import::colonne_inconnue");
    check_passes(tmp.path(), "csv");
    let action = read(&tmp.path().join("csv"), "actions/1.1-former-vite.yaml");
    assert!(action.contains("    titre: Former ; vite\n"), "{action}");
    assert!(
        action.contains("    debut: \"2025-03-14\"\n    budget: \"3686.50\"\n"),
        "{action}"
    );
}

#[test]
fn dry_run_prints_the_files_and_writes_nothing() {
    let tmp = tempfile::tempdir().unwrap();
    tet_workbook(tmp.path());
    let o = fdr(tmp.path(), "import tet.xlsx -o tet --dry-run");
    assert_eq!(o.code, 0, "{}", o.stderr);
    assert!(!tmp.path().join("tet").exists());
    assert!(
        o.stdout.contains("--- tet/feuille-de-route.yaml\n"),
        "{}",
        o.stdout
    );
    assert!(
        o.stdout
            .contains("--- tet/actions/1.1-former-200-aidants.yaml\n"),
        "{}",
        o.stdout
    );
    // The check ran on the files, shown at their would-be paths.
    assert!(
        o.stderr
            .contains("tet/feuille-de-route.yaml : identité de la feuille de route"),
        "{}",
        o.stderr
    );
    assert!(
        o.stderr
            .contains("feuille de route serait créée dans tet : 2 axes, 3 actions"),
        "{}",
        o.stderr
    );
}

#[test]
fn a_folder_that_is_not_empty_is_refused() {
    let tmp = tempfile::tempdir().unwrap();
    tet_workbook(tmp.path());
    std::fs::create_dir(tmp.path().join("pris")).unwrap();
    std::fs::write(tmp.path().join("pris/axes.yaml"), "intact").unwrap();
    let o = fdr(tmp.path(), "import tet.xlsx -o pris");
    assert_eq!(o.code, 2, "{}", o.stderr);
    assert!(
        o.stderr
            .contains("fdr import n'écrase rien : « pris » existe et n'est pas vide"),
        "{}",
        o.stderr
    );
    assert_eq!(read(tmp.path(), "pris/axes.yaml"), "intact");
    // An empty folder is fine.
    std::fs::create_dir(tmp.path().join("vide")).unwrap();
    let o = fdr(tmp.path(), "import tet.xlsx -o vide");
    assert_eq!(o.code, 0, "{}", o.stderr);
}
