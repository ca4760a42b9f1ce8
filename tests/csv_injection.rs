//! CSV export: a text a spreadsheet would read as a formula (OWASP's CSV
//! injection rule) is written with a leading `'`; amounts stay numbers.

mod common;

use common::{TIMEOUT, copy_dir, repo, run};

#[test]
fn csv_cells_starting_a_formula_are_neutralised() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().join("roadmap");
    copy_dir(&repo().join("examples/bouches-du-rhone"), &root);
    let action = root.join("actions/1.1-participation-gouvernance.yaml");
    let text = std::fs::read_to_string(&action).unwrap().replacen(
        "titre: Participation aux instances de gouvernance et aux travaux d'élaboration de la feuille de route",
        "titre: '=HYPERLINK(\"https://exemple.invalid\",\"clic\")'",
        1,
    );
    assert!(text.contains("HYPERLINK"), "the example changed");
    std::fs::write(&action, text).unwrap();
    let o = run(
        tmp.path(),
        &["export", "--format", "csv", "roadmap"],
        &[],
        TIMEOUT,
    );
    assert_eq!(o.code, 0, "{}", o.stderr);
    let lines: Vec<&str> = o.stdout.trim_end().split("\r\n").collect();
    assert!(
        o.stdout
            .contains("\"'=HYPERLINK(\"\"https://exemple.invalid\"\",\"\"clic\"\")\""),
        "{}",
        o.stdout
    );
    let col = lines[0]
        .split(';')
        .position(|h| h == "Montant (€)")
        .expect("amount column");
    for line in &lines[1..] {
        for cell in line.split(';') {
            let cell = cell.trim_start_matches('"');
            assert!(
                !cell.starts_with(['=', '+', '@', '\t', '\r']),
                "formula cell {cell:?} in {line}"
            );
        }
        // The amount column is still a plain number.
        let montant = line.split(';').nth(col).unwrap_or_default();
        assert!(
            montant.replace(',', ".").parse::<f64>().is_ok(),
            "amount {montant:?} in {line}"
        );
    }
}
