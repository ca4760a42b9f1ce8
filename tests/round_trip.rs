//! `fdr export --format xlsx|ods` then `fdr import` (without options): the
//! roadmap read back from its own workbook has the same identity (title,
//! territory, perimeter, period, date, version, co-porteurs), the same
//! actions (number, title, status, dates, budget), the same financing lines
//! and the same totals, and passes `check`.

mod common;

use common::*;
use serde_json::Value;
use std::path::Path;

fn fdr(args: &[&str]) -> Outcome {
    run(&repo(), args, &[], PDF_TIMEOUT)
}

/// (numero, titre, statut, debut, fin, budget) of each action.
fn actions(json: &Value) -> Vec<String> {
    json["modele"]["actions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| {
            format!(
                "{} | {} | {} | {} | {} | {}",
                a["numero"], a["titre"], a["statut"], a["debut"], a["fin"], a["budget"]
            )
        })
        .collect()
}

/// The roadmap's identity, its co-porteurs by name.
fn feuille(json: &Value) -> Vec<String> {
    let f = &json["modele"]["feuille"];
    let mut v: Vec<String> = [
        "titre",
        "sous_titre",
        "territoire",
        "code_departement",
        "perimetre",
        "debut",
        "fin",
        "date",
        "version",
    ]
    .iter()
    .map(|k| format!("{k}: {}", f[*k]))
    .collect();
    for ix in f["co_porteurs"].as_array().unwrap() {
        let i = ix.as_u64().unwrap() as usize;
        v.push(format!(
            "co-porteur: {}",
            json["modele"]["acteurs"][i]["nom"]
        ));
    }
    v
}

/// (action number, amounts by year, nature, statut, granted, paid) of each
/// financing line,
/// sorted.
fn lines(json: &Value) -> Vec<String> {
    let numero = |ix: &Value| {
        let i = ix.as_u64().unwrap() as usize;
        json["modele"]["actions"][i]["numero"].to_string()
    };
    let mut v: Vec<String> = json["modele"]["lignes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| {
            format!(
                "{} | {} | {} | {} | {} | {}",
                numero(&l["action"]),
                l["montants"],
                l["nature"],
                l["statut"],
                l["accorde"],
                l["verse"]
            )
        })
        .collect();
    v.sort();
    v
}

fn round_trip(example: &str, format: &str) {
    let tmp = tempfile::tempdir().unwrap();
    let book = tmp.path().join(format!("feuille.{format}"));
    let src = repo().join("examples").join(example);
    let (src_s, book_s) = (src.to_str().unwrap(), book.to_str().unwrap());
    let o = fdr(&["-q", "export", src_s, "--format", format, "-o", book_s]);
    assert_eq!(o.code, 0, "{}", o.stderr);
    let out = tmp.path().join("relu");
    let out_s = out.to_str().unwrap();
    // No option: the sheet « Feuille de route » gives the identity.
    let o = fdr(&["--color", "never", "import", book_s, "-o", out_s]);
    assert_eq!(o.code, 0, "{example}.{format}: {}", o.stderr);
    let o = fdr(&["--color", "never", "check", out_s]);
    assert_eq!(
        o.code, 0,
        "{example}.{format} read back fails check:\n{}",
        o.stderr
    );
    let (a, b) = (export_json(&src), export_json(Path::new(out_s)));
    assert_eq!(
        feuille(&a),
        feuille(&b),
        "{example}.{format}: the roadmap itself"
    );
    assert_eq!(actions(&a), actions(&b), "{example}.{format}: actions");
    assert_eq!(lines(&a), lines(&b), "{example}.{format}: financing lines");
    for figure in [
        "total",
        "total_nature",
        "par_action",
        "par_axe",
        "par_annee",
    ] {
        assert_eq!(
            a["calculs"]["argent"][figure], b["calculs"]["argent"][figure],
            "{example}.{format}: {figure}"
        );
    }
}

#[test]
fn the_bouches_du_rhone_example_survives_xlsx_and_ods() {
    round_trip("bouches-du-rhone", "xlsx");
    round_trip("bouches-du-rhone", "ods");
}

#[test]
fn several_funders_and_years_survive_the_round_trip() {
    round_trip("maine-et-loire", "xlsx");
    round_trip("lot-et-garonne", "xlsx");
}
