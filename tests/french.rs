//! The document's French on roadmaps the example does not exercise
//! (issue « A document that tells the truth on any roadmap »): parts with
//! nothing to show are left out, counts agree with their noun and verb,
//! prepositions agree with the date.

mod common;

use common::*;

/// The minimal example with `from` replaced by `to` and `extra` appended,
/// built in Markdown and HTML: (md, html).
fn minimal_with(from: &str, to: &str, extra: &str) -> (String, String) {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join(ROOT);
    copy_dir(&repo().join("examples/minimal"), &dir);
    let main = dir.join("feuille-de-route.yaml");
    let text = std::fs::read_to_string(&main).unwrap();
    assert!(text.contains(from), "« {from} »");
    std::fs::write(&main, text.replace(from, to) + extra).unwrap();
    let out = run(
        tmp.path(),
        &[
            "--quiet", "build", ROOT, "-o", "sortie", "--format", "md,html",
        ],
        &[],
        TIMEOUT,
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
    let read = |f: &str| std::fs::read_to_string(tmp.path().join("sortie").join(f)).unwrap();
    (read("feuille-de-route.md"), read("feuille-de-route.html"))
}

fn minimal(extra: &str) -> (String, String) {
    minimal_with("", "", extra)
}

#[test]
fn a_roadmap_without_meetings_or_participants_says_nothing_about_them() {
    let (md, html) = minimal("");
    for doc in [&md, &html] {
        assert!(!doc.contains("0 réunion"), "an empty count");
        assert!(!doc.contains("jalonnent"), "no meeting sentence");
        assert!(!doc.contains("ont participé"), "no participation sentence");
        assert!(!doc.contains("Réunions de la démarche"), "no empty heading");
        assert!(!doc.contains(" : ."), "no empty list after a colon");
    }
}

#[test]
fn one_meeting_and_one_structure_agree_in_the_singular() {
    let (md, html) = minimal(
        "\nconcertation:\n  participants: [prefecture]\n  reunions:\n    - date: \"2024-05-14\"\n      type: atelier\n      objet: Lancement\n",
    );
    assert!(md.contains("Une réunion jalonne la démarche :"), "{md}");
    for doc in [&md, &html] {
        assert!(
            doc.contains("Une structure a participé : 1 service de l"),
            "{doc}"
        );
        assert!(!doc.contains("1 réunion jalonnent"));
    }
}

#[test]
fn an_open_span_from_a_quarter_says_du() {
    let (md, _) = minimal("");
    assert!(md.contains("*à partir de 2025*"), "{md}");
    let (md, html) = minimal_with("    debut: 2025\n", "    debut: \"2025-T1\"\n", "");
    assert!(md.contains("à partir du 1er trimestre 2025"), "{md}");
    assert!(html.contains("à partir du 1er trimestre 2025"));
}

#[test]
fn a_roadmap_without_financing_lines_prints_no_total_on_its_cover() {
    let (md, html) = minimal("");
    assert!(!md.contains("| Financement | 0"), "{md}");
    assert!(
        !html.contains("<dt>Financement</dt>"),
        "no « 0 € » as a fact"
    );
}

#[test]
fn parts_with_nothing_to_show_are_left_out_and_the_others_numbered_on() {
    let (md, html) = minimal("");
    for part in [
        "Introduction",
        "Méthodologie et concertation",
        "Synthèse de l'état des lieux",
        "Conclusion et perspectives",
        "Annexes",
    ] {
        assert!(
            !md.contains(&format!(". {part}")),
            "« {part} » is empty: {md}"
        );
        assert!(!html.contains(&format!(". {part}<")), "« {part} » is empty");
    }
    assert!(
        md.contains("\n## 1. Les grands enjeux et axes de travail\n"),
        "{md}"
    );
    assert!(md.contains(
        "- [1. Les grands enjeux et axes de travail](#1-les-grands-enjeux-et-axes-de-travail)"
    ));
    // A part with a text is back, and numbered before the axes.
    let (md, _) = minimal_with(
        "  co_porteurs:",
        "  conclusion: La feuille de route sera revue chaque année.\n  co_porteurs:",
        "",
    );
    assert!(md.contains("\n## 2. Conclusion et perspectives\n"), "{md}");
}

#[test]
fn without_financing_lines_the_axes_overview_shows_no_money() {
    let (md, html) = minimal("");
    assert!(!md.contains("0\u{a0}€"), "no « 0 € » as a fact: {md}");
    assert!(!html.contains("0\u{a0}€"), "no « 0 € » as a fact");
    assert!(
        !html.contains("graphique-financement"),
        "no chart of nothing"
    );
    assert!(
        md.contains("| Axe | Intitulé | Actions |\n|---|---|---:|"),
        "{md}"
    );
}
