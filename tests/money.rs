//! The money model on `tests/fixtures/argent-valide`: the figures the
//! computed model exports and the document prints, asserted one by one.
//! The invalid twin (`argent-erreurs`) and the balance warning
//! (`budget-desequilibre`) are pinned in `tests/check.rs`.

mod common;

use common::*;
use serde_json::Value;

fn fixture() -> std::path::PathBuf {
    fixtures_dir().join("argent-valide")
}

fn cents(v: &Value) -> i64 {
    v.as_i64().unwrap_or_else(|| panic!("not cents: {v}"))
}

#[test]
fn a_yearly_line_is_expanded_and_totalled_per_year() {
    let v = export_json(&fixture());
    let a = &v["calculs"]["argent"];
    // 92 000 € a year from 2025 to 2027 (cercle) + 30 000 € in 2025 and
    // 10 000 € in 2026 (fund); the refused 5 000 € of 2026 counts nowhere.
    let years: Vec<(i64, i64)> = a["par_annee"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| (p[0].as_i64().unwrap(), cents(&p[1])))
        .collect();
    assert_eq!(
        years,
        vec![(2025, 12_200_000), (2026, 10_200_000), (2027, 9_200_000)]
    );
    let line = &v["modele"]["lignes"][0];
    assert_eq!(line["montants"].as_array().unwrap().len(), 3);
    assert_eq!(line["forme"]["forme"], "par_an");
    let (_, md) = build_into_temp(&fixture(), "md");
    assert_eq!(md.code, 0, "{}", md.stderr);
}

fn markdown() -> String {
    let (tmp, out) = build_into_temp(&fixture(), "md");
    assert_eq!(out.code, 0, "{}", out.stderr);
    let text = std::fs::read_to_string(tmp.path().join("feuille-de-route.md")).unwrap();
    plain(&text)
}

#[test]
fn the_document_says_the_yearly_line_as_written_and_its_year_grid() {
    let md = markdown();
    assert!(md.contains("| 92 000 € par an de 2025 à 2027 (276 000 €) | Cercle des financeurs |"));
    assert!(md.contains("| Cercle des financeurs | 92 000 € | 92 000 € | 92 000 € | 276 000 € |"));
    assert!(
        md.contains("| **Total** | **122 000 €** | **102 000 €** | **92 000 €** | **316 000 €** |")
    );
}

#[test]
fn cash_and_in_kind_are_never_added() {
    let v = export_json(&fixture());
    let a = &v["calculs"]["argent"];
    assert_eq!(cents(&a["total"]), 31_600_000);
    assert_eq!(cents(&a["total_nature"]), 0);
    assert_eq!(a["jours_nature"], "20");
    let md = markdown();
    // The in-kind line shows its days, not « 0 € », and stays out of the total.
    assert!(md.contains("| 20 jours | Hub territorial |"));
    assert!(md.contains("Valorisations (apports en nature) : 20 jours."));
    assert!(md.contains("| | **Total général** | **316 000 €** | | |"));
}

#[test]
fn refused_lines_are_out_of_every_total() {
    let v = export_json(&fixture());
    let a = &v["calculs"]["argent"];
    assert_eq!(cents(&a["refuse"]), 500_000);
    let by_status: Vec<(Value, i64)> = a["par_statut"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| (p[0].clone(), cents(&p[1])))
        .collect();
    assert_eq!(
        by_status,
        vec![(Value::Null, 27_600_000), ("accorde".into(), 4_000_000)]
    );
    let md = markdown();
    assert!(md.contains("| ~~5 000 €~~ | Conseil départemental | 2026 · refusé |"));
    assert!(md.contains("| Financements refusés (hors totaux) | 5 000 € |"));
}

#[test]
fn a_cercle_with_shares_splits_its_money_to_the_cent() {
    let v = export_json(&fixture());
    let (total, parts) = (
        &v["calculs"]["argent"]["cercles"][0][0],
        &v["calculs"]["argent"]["cercles"][0][1],
    );
    assert_eq!(cents(total), 27_600_000);
    let parts: Vec<i64> = parts.as_array().unwrap().iter().map(cents).collect();
    // 25 %, 25 %, 12,5 %, 37,5 % of 276 000 €.
    assert_eq!(parts, vec![6_900_000, 6_900_000, 3_450_000, 10_350_000]);
    assert_eq!(parts.iter().sum::<i64>(), 27_600_000);
}

#[test]
fn an_envelope_with_three_contributors_and_its_use() {
    let md = markdown();
    assert!(md.contains(
        "| Fonds départemental | 3 contributeurs | 2024 → 2026 | 90 000 € | 40 000 € | 50 000 € |"
    ));
    assert!(md.contains("| CPAM | 2026 | 40 000 € |"));
    assert!(md.contains("Plafond annuel : 50 000 €"));
}

#[test]
fn a_fund_shows_its_rules_calls_and_computed_leverage() {
    let md = markdown();
    assert!(md.contains("**Règles d'intervention**"));
    assert!(md.contains("| **Total** | | **25 000 €** | | |"));
    // 15 000 € of the fund in a 45 000 € project: 30 000 € raised alongside.
    assert!(md.contains(
        "1 € du fonds pour 2 € mobilisés par ailleurs (1 projet dont le coût total est connu)"
    ));
}

#[test]
fn posts_give_the_etp_per_year() {
    let md = markdown();
    assert!(md.contains(
        "| Fédération des centres sociaux | Coordination du réseau | 1,75 |  | 1.1 | 2025–2027 |"
    ));
    assert!(md.contains("| ETP | 1,75 | 1,75 | 1,75 |"));
    assert!(md.contains("| Conseil départemental | Conseillers numériques |  | 4 |  |  |"));
}

#[test]
fn no_year_nature_or_status_is_printed_that_the_sources_do_not_give() {
    let text =
        std::fs::read_to_string(repo().join("tests/snapshots/build__bouches_du_rhone_md.snap"))
            .unwrap();
    for invented in ["| 2024 |", "subvention", "accordé"] {
        assert!(
            !text.contains(invented),
            "« {invented} » in the Bouches-du-Rhône document, which never says it"
        );
    }
}
