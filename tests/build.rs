//! `fdr build` on the example and on hostile fixtures: computed figures,
//! inert user text, pinned Markdown and HTML. (Identical bytes from build
//! to build, for every format, and the output folder rules are tested in
//! `tests/hostile.rs`.)

mod common;

use common::*;
use std::path::Path;

/// Build `dir` into a fresh temp folder, which must succeed.
fn build(dir: &Path, formats: &str) -> tempfile::TempDir {
    let (out, run) = build_into_temp(dir, formats);
    assert_eq!(run.code, 0, "{}", run.stderr);
    out
}

fn read(dir: &Path, name: &str) -> String {
    std::fs::read_to_string(dir.join(name)).unwrap()
}

#[test]
fn example_figures_are_computed() {
    let out = build(&repo().join("examples/bouches-du-rhone"), "md,html");
    let md = plain(&read(out.path(), "feuille-de-route.md"));
    // Total of the ten FNE lines.
    assert!(
        md.contains("| Financement des actions | 71 433 € |"),
        "total absent"
    );
    assert!(md.contains("| | **Total général** | **71 433 €** | | |"));
    // Milestones of the roadmap as a whole (no axe, no action).
    assert!(md.contains(
        "### Calendrier prévisionnel de la feuille de route\n\n- **2024**\n  - 30 juin 2024 : Fléchage du budget FNE"
    ));
    // Axe subtotals: 16 195 + 20 557 + 22 637 + 12 044 = 71 433.
    for (axe, total) in [
        ("1", "16 195 €"),
        ("2", "20 557 €"),
        ("3", "22 637 €"),
        ("4", "12 044 €"),
    ] {
        assert!(
            md.contains(&format!("| *Sous-total axe {axe}* | *{total}*")),
            "sous-total axe {axe}"
        );
    }
    // Counts come from the lists, not from prose.
    assert!(md.contains("26 collectivités, 20 associations et 4 centres sociaux"));
    assert!(md.contains("Cet axe est décliné en 5 actions."));
    assert!(md.contains("Cet axe est décliné en 1 action."));
    // Population total and a share.
    assert!(md.contains("**2 082 886 habitants**"));
    assert!(md.contains("| Métropole Aix-Marseille-Provence | 1 911 311 | 91,8 % |"));
    let html = plain(&read(out.path(), "feuille-de-route.html"));
    assert!(html.contains("<td class=\"nombre\">71 433 €</td>"));
    assert_eq!(html.matches("<h1").count(), 1, "exactly one h1");
}

#[test]
fn example_markdown_is_pinned() {
    let out = build(&repo().join("examples/bouches-du-rhone"), "md");
    insta::assert_snapshot!(
        "bouches_du_rhone_md",
        read(out.path(), "feuille-de-route.md")
    );
}

#[test]
fn example_html_is_pinned() {
    let out = build(&repo().join("examples/bouches-du-rhone"), "html");
    insta::assert_snapshot!(
        "bouches_du_rhone_html",
        read(out.path(), "feuille-de-route.html")
    );
}

#[test]
fn hostile_text_renders_inert_in_html() {
    let out = build(&repo().join("tests/fixtures/injection"), "md,html");
    let html = read(out.path(), "feuille-de-route.html");
    // No user-supplied tag or link survives; their text stays, escaped.
    for bad in [
        "<script",
        "<img",
        "<svg onload",
        "<iframe",
        "<style>body",
        "href=\"javascript:",
        "href=\"data:",
        "<b>",
    ] {
        let count = html.matches(bad).count();
        assert_eq!(count, 0, "« {bad} » found {count} times in the HTML");
    }
    assert!(
        html.contains("&lt;script&gt;alert("),
        "escaped title present"
    );
    assert!(
        html.contains("#panic(&quot;x&quot;)"),
        "typst-looking text kept literally"
    );
}

#[test]
fn export_json_has_the_example_totals() {
    let v = export_json(&repo().join("examples/bouches-du-rhone"));
    assert_eq!(v["modele"]["axes"].as_array().unwrap().len(), 4);
    assert_eq!(v["modele"]["actions"].as_array().unwrap().len(), 10);
    // Money in euro cents: 71 433 €.
    assert_eq!(v["calculs"]["argent"]["total"], 7_143_300);
    let per_action: i64 = v["calculs"]["argent"]["par_action"]
        .as_array()
        .unwrap()
        .iter()
        .map(|x| x.as_i64().unwrap())
        .sum();
    assert_eq!(per_action, 7_143_300);
}

#[test]
fn nothing_is_written_when_the_sources_have_errors() {
    let tmp = tempfile::tempdir().unwrap();
    std::fs::write(tmp.path().join("f.yaml"), "feuille_de_route: {titre: x}\n").unwrap();
    let out = tmp.path().join("sortie");
    let o = run(tmp.path(), &["build", ".", "-o", "sortie"], &[], TIMEOUT);
    assert_eq!(o.code, 1, "{}", o.stderr);
    assert!(!out.exists(), "no output folder on failure");
}

/// A range of meetings and an instance's state are said in words, only as
/// given; a source's « autre » frequency says nothing.
#[test]
fn governance_rhythm_in_words() {
    let out = build(&repo().join("examples/lot-et-garonne"), "md");
    let md = plain(&read(out.path(), "feuille-de-route.md"));
    assert!(md.contains("*Instance stratégique, 2 à 3 réunions par an, active.*"));
    assert!(md.contains("*Réunion à la demande.*"));
    assert!(md.contains("*Instance technique.* Met en œuvre"));
    assert!(!md.contains("réunion autre"));
}

/// The European Union is a public body; a structure whose category does
/// not say its side (`autre`) is never silently private.
#[test]
fn sides_of_the_partners() {
    let out = build(&repo().join("examples/bouches-du-rhone"), "md");
    let md = plain(&read(out.path(), "feuille-de-route.md"));
    assert!(
        md.contains("- *Acteurs publics* : Union européenne (Fonds social européen plus), Région")
    );
    assert!(md.contains("- *Autres structures* : Eva 3D, Ecodair"));
    assert!(!md.contains("Structures privées* : Union européenne"));
}

/// Counts the sources give without a list, approximations said as such.
#[test]
fn concertation_counts_in_words() {
    let out = build(&fixtures_dir().join("concertation-effectifs"), "md");
    let md = plain(&read(out.path(), "feuille-de-route.md"));
    assert!(md.contains(
        "Plus de 60 personnes ont pris part aux échanges. 23 collectivités et environ 18 structures ont participé."
    ));
}

/// A roadmap that says « objectif » is answered with « objectif » in the
/// sommaire, the headings, the overview and the sentences.
#[test]
fn the_roadmap_names_its_axes() {
    let out = build(&fixtures_dir().join("vocabulaire-objectif"), "md");
    let md = plain(&read(out.path(), "feuille-de-route.md"));
    for text in [
        "| Contenu | 2 objectifs, 1 action |",
        "- [1. Les grands enjeux et objectifs]",
        "  - [Objectif 1 — Rechercher des financements]",
        "### Vue d'ensemble des objectifs",
        "| Objectif | Intitulé | Actions |",
        "### Objectif 2 — Territorialiser la feuille de route",
        "Cet objectif est décliné en 1 action.",
    ] {
        assert!(md.contains(text), "« {text} » absent");
    }
    assert!(!md.contains("Axe"), "{md}");
}

/// A roadmap declined per group of communes: the departmental document
/// summarises each sub-roadmap and shows which departmental axes each one
/// takes up; each sub-roadmap gets its own documents under
/// `sous-feuilles/ID/`, which say what they decline.
#[test]
fn sub_roadmaps_get_an_annex_and_their_own_documents() {
    let out = build(&fixtures_dir().join("sous-feuilles"), "md,html");
    let md = plain(&read(out.path(), "feuille-de-route.md"));
    for text in [
        "Chaque feuille de route infra-départementale reprend au moins 2 objectifs de la feuille de route départementale.",
        "#### Var Nord",
        "| Sa feuille de route | [Feuille de route du Var Nord](sous-feuilles/nord/feuille-de-route.md) |",
        "| Intercommunalités | Communauté de communes Nord, Communauté de communes Est |",
        "| Population | 45 000 habitants |",
        "| Contenu | 2 axes, 2 actions |",
        "| Objectifs départementaux repris | Objectifs 1, 2 et 3 |",
        // 12 000 + 3 500, through compute::money of the sub-roadmap.
        "| Financement des actions | 15 500 € |",
        "| Communes | Hyères, La Crau |",
        "| Objectifs départementaux repris | Objectifs 1 et 3 |",
        "| Objectif | Var Nord | Var Sud | Total |",
        "| Objectif 1 — Accompagner les publics | ✓ | ✓ | 2 territoires sur 2 |",
        "| Objectif 2 — Outiller les aidants | ✓ | — | 1 territoire sur 2 |",
    ] {
        assert!(md.contains(text), "« {text} » absent:\n{md}");
    }
    // Var Sud has no financing line: no « 0 € » stated for it.
    let sud = &md[md.find("#### Var Sud").unwrap()..];
    assert!(
        !sud[..sud
            .find("####")
            .map_or(sud.len(), |_| sud[5..].find("####").unwrap_or(sud.len()))]
            .contains("0 €")
    );
    let html = plain(&read(out.path(), "feuille-de-route.html"));
    assert!(html.contains("<a href=\"sous-feuilles&#x2f;nord&#x2f;feuille-de-route.html\">Feuille de route du Var Nord</a>"));
    assert_eq!(
        html.matches("<span aria-hidden=\"true\">✓</span>").count(),
        5
    );
    let nord = plain(&read(out.path(), "sous-feuilles/nord/feuille-de-route.md"));
    for text in [
        "*Déclinaison de la feuille de route départementale « Feuille de route de test » (Var).*",
        "| Périmètre | Infra-départemental (groupements de communes) : Communauté de communes Nord et Communauté de communes Est ; 45 000 habitants |",
        "*Reprend l'objectif 1 « Accompagner les publics » de la feuille de route départementale « Feuille de route de test ».*",
        "*Reprend l'objectif 2 « Outiller les aidants » et l'objectif 3 « Rechercher des financements » de la feuille de route départementale « Feuille de route de test ».*",
        // A departmental acteur cited by the sub-roadmap, typed once.
        "Hub du Sud",
    ] {
        assert!(nord.contains(text), "« {text} » absent:\n{nord}");
    }
    assert!(
        out.path()
            .join("sous-feuilles/sud/feuille-de-route.html")
            .is_file()
    );
}

/// Every bundled example passes `fdr check --deny-warnings`: an example
/// nobody could copy without warnings would teach the wrong thing.
#[test]
fn every_example_checks_without_warnings() {
    let mut dirs: Vec<_> = std::fs::read_dir(repo().join("examples"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_dir())
        .collect();
    dirs.sort();
    assert!(dirs.len() >= 5, "{dirs:?}");
    for dir in dirs {
        let o = run(
            &repo(),
            &[
                "--color",
                "never",
                "check",
                "--deny-warnings",
                dir.to_str().unwrap(),
            ],
            &[],
            TIMEOUT,
        );
        assert_eq!(o.code, 0, "{}:\n{}", dir.display(), o.stderr);
    }
}

/// The governance annex draws who sits where: one column per instance, or
/// per collège under its instance, with the seats the sources give, and a
/// dot where a structure is named.
#[test]
fn the_seating_diagram_shows_instances_collèges_and_seats() {
    let (out, o) = build_into_temp(&repo().join("examples/landes"), "md,html");
    assert_eq!(o.code, 0, "{}", o.stderr);
    let md = std::fs::read_to_string(out.path().join("feuille-de-route.md")).unwrap();
    assert!(md.contains(
        "| Structure | COPIL | Comité syndical de l'ALPI, Représentants du Département des Landes (5 sièges) | Comité syndical de l'ALPI, Représentants des communes (10 sièges) |"
    ), "{md}");
    assert!(md.contains("| Conseil départemental des Landes | ● | ● |  |  |  |"));
    assert!(md.contains("| Préfecture des Landes | ● |  |  |  |  |"));
    let html = std::fs::read_to_string(out.path().join("feuille-de-route.html")).unwrap();
    let svg = &html[html.find("-schema-titre\">Qui siège où").unwrap()..];
    let svg = &svg[..svg.find("</svg>").unwrap()];
    // The instance is named once above its four collèges; three dots in all.
    assert_eq!(
        svg.matches(">Comité syndical de l&#x27;ALPI</text>")
            .count(),
        1,
        "{svg}"
    );
    assert_eq!(svg.matches("<circle ").count(), 3, "{svg}");
    assert!(svg.contains("Représentants des communes (10 sièges)"));
}
