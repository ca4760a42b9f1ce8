//! `fdr synthese DIR… -o OUT`: several roadmaps in one regional document,
//! run by the real binary on the bundled examples.

mod common;

use common::*;

const EXAMPLES: [&str; 4] = [
    "examples/bouches-du-rhone",
    "examples/landes",
    "examples/lot-et-garonne",
    "examples/maine-et-loire",
];

fn synthese(dirs: &[&str], out: &std::path::Path, formats: &str) -> Outcome {
    let mut args = vec!["--color", "never", "synthese"];
    args.extend_from_slice(dirs);
    args.extend(["-o", out.to_str().unwrap(), "--format", formats]);
    args.extend(["--titre", "Synthèse des exemples"]);
    run(&repo(), &args, &[], PDF_TIMEOUT)
}

#[test]
fn a_synthesis_of_the_examples_adds_up_their_figures() {
    let out = tempfile::tempdir().unwrap();
    let o = synthese(&EXAMPLES, out.path(), "md,html");
    assert_eq!(o.code, 0, "{}", o.stderr);
    let md = plain(&std::fs::read_to_string(out.path().join("synthese.md")).unwrap());
    // 4 + 2 + 3 + 2 axes, 10 + 3 + 11 + 3 actions; the cash of the three
    // roadmaps whose sources give lines: 71 433 + 150 000 + 92 000 €.
    for line in [
        "# Synthèse des exemples",
        "- **4** feuilles de route",
        "- **11** axes ou objectifs",
        "- **27** actions",
        "- **313 433 €** de lignes de financement (sources de 3 feuilles de route sur 4)",
        "| [Landes (40)](#feuille-2) | 2024–2027 | Préfecture des Landes et Agence landaise pour l'informatique | 2 axes | 3 actions | non précisé par les sources |",
        "- **Axe 1 — Organiser, coordonner et animer un réseau départemental de l'inclusion numérique** : 5 actions, 16 195 €",
        "- COPIL (Comité de pilotage du fonds départemental) : Instance stratégique, réunion annuelle, réservée aux financeurs.",
        "| Agence nationale de la cohésion des territoires | Bouches-du-Rhône, Landes et Lot-et-Garonne |",
    ] {
        assert!(md.contains(line), "missing {line:?} in:\n{md}");
    }
    let html = std::fs::read_to_string(out.path().join("synthese.html")).unwrap();
    assert!(
        html.contains("<h3 id=\"feuille-4\">Maine-et-Loire (49) — "),
        "{html}"
    );
    // The same sources give the same bytes.
    let again = tempfile::tempdir().unwrap();
    assert_eq!(synthese(&EXAMPLES, again.path(), "md,html").code, 0);
    for f in ["synthese.md", "synthese.html"] {
        assert_eq!(
            std::fs::read(out.path().join(f)).unwrap(),
            std::fs::read(again.path().join(f)).unwrap(),
            "{f}"
        );
    }
}

#[test]
fn a_roadmap_with_errors_is_reported_and_nothing_is_written() {
    let dir = sandbox("id-doublon");
    let bad = dir.path().join(ROOT);
    let out = tempfile::tempdir().unwrap();
    let target = out.path().join("synthese");
    let o = synthese(&["examples/landes", bad.to_str().unwrap()], &target, "md");
    assert_eq!(o.code, 1, "{}", o.stderr);
    assert!(o.stderr.contains("fdr::id::doublon"), "{}", o.stderr);
    assert!(!target.exists());
}

#[test]
fn a_roadmap_given_twice_is_refused() {
    let out = tempfile::tempdir().unwrap();
    let o = synthese(&["examples/landes", "examples/landes/"], out.path(), "md");
    assert_eq!(o.code, 2, "{}", o.stderr);
    assert!(o.stderr.contains("est donné deux fois"), "{}", o.stderr);
}

#[test]
fn the_output_may_not_hold_a_roadmap() {
    let dir = sandbox("valide");
    let root = dir.path().join(ROOT);
    let o = synthese(&[root.to_str().unwrap()], dir.path(), "md");
    assert_eq!(o.code, 2, "{}", o.stderr);
    assert!(
        o.stderr
            .contains("ne peut pas être le dossier de la feuille de route ni le contenir"),
        "{}",
        o.stderr
    );
    assert!(!dir.path().join("synthese.md").exists());
}

#[test]
fn a_departement_card_names_its_infra_departmental_roadmaps() {
    let out = tempfile::tempdir().unwrap();
    let o = synthese(&["examples/landes", "examples/vaucluse"], out.path(), "md");
    assert_eq!(o.code, 0, "{}", o.stderr);
    let md = plain(&std::fs::read_to_string(out.path().join("synthese.md")).unwrap());
    assert!(
        md.contains("**Feuilles de route infra-départementales** : Luberon Monts de Vaucluse (2 axes, 2 actions)"),
        "{md}"
    );
    assert!(md.contains("| [Vaucluse (84)](#feuille-2) |"), "{md}");
    assert_eq!(
        md.matches("\n**Feuilles de route infra-départementales** :")
            .count(),
        1,
        "only Vaucluse has some: {md}"
    );
}
