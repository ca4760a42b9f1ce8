//! The self-contradictions of the Bouches-du-Rhône source document
//! (seed 003), re-encoded in `tests/fixtures/contradictions-bdr/` as the
//! document writes them: each one the format does not make impossible must
//! be reported by `fdr check`. The list, with the contradictions the
//! format makes impossible, is the fixture's README.md.
//!
//! The test pins, for each contradiction number, the diagnostic code and
//! its `file:line:column`, and the exact list of diagnostics: a
//! contradiction that stops being reported fails here with its number; a
//! new diagnostic on the fixture (a silent contradiction now caught) fails
//! too, and its line is added with its number.

mod common;

use common::*;

/// (contradiction number as in README.md, `file:line:column severity
/// code`, a piece of the message).
const EXPECTED: &[(&str, &str, &str)] = &[
    (
        "7",
        "feuille.yaml:33:55 erreur fdr::texte::renvoi_discordant",
        "renvoi faux : « annexe 5 » mène à l'annexe 5 « Chronogramme des actions », que le texte \
         appelle « synthèse »",
    ),
    (
        "9",
        "feuille.yaml:35:15 avertissement fdr::texte::compte_incoherent",
        "le texte annonce 25 collectivités, la liste des structures participantes en compte 26",
    ),
    (
        "9 bis",
        "feuille.yaml:38:18 avertissement fdr::texte::compte_incoherent",
        "le texte annonce 25 collectivités, la liste des structures participantes en compte 26",
    ),
    (
        "9 ter",
        "feuille.yaml:108:42 avertissement fdr::concertation::compte_incoherent",
        "la concertation compte 25 structures de catégorie collectivite, la liste des \
         participants en nomme 26",
    ),
    (
        "8",
        "feuille.yaml:137:72 avertissement fdr::texte::renvoi_manuel",
        "renvoi écrit à la main vers une action 1 qui n'existe pas",
    ),
    (
        "8",
        "feuille.yaml:139:56 avertissement fdr::texte::renvoi_manuel",
        "renvoi écrit à la main vers une action 1 qui n'existe pas",
    ),
    (
        "8",
        "feuille.yaml:162:22 avertissement fdr::texte::renvoi_manuel",
        "renvoi écrit à la main vers une action 2 qui n'existe pas",
    ),
    (
        "8",
        "feuille.yaml:166:41 avertissement fdr::texte::renvoi_manuel",
        "écrivez [](#action:animation-reseau) pour l'action 1.2",
    ),
    (
        "12",
        "feuille.yaml:195:13 avertissement fdr::calendrier::jalon_hors_action",
        "(2023) tombe avant le début de l'action 1.2 (2024-T4)",
    ),
    (
        "12",
        "feuille.yaml:201:13 avertissement fdr::calendrier::jalon_hors_action",
        "(2024) tombe avant le début de l'action 1.5 (2025)",
    ),
    (
        "12",
        "feuille.yaml:207:13 avertissement fdr::calendrier::jalon_hors_action",
        "(2024-T2) tombe avant le début de l'action 2.1 (2024-T4)",
    ),
    (
        "11",
        "feuille.yaml:218:15 avertissement fdr::territoire::deux_valeurs",
        "l'indice de fragilité numérique de la commune « Arles » est écrit deux fois avec deux \
         valeurs : 6.6 (chiffre clé « IFN d'Arles ») et 6.9 (tableau des communes)",
    ),
    (
        "11",
        "feuille.yaml:221:15 avertissement fdr::territoire::deux_valeurs",
        "l'indice de fragilité numérique de la commune « Châteaurenard » est écrit deux fois avec \
         deux valeurs : 5.7",
    ),
    (
        "5",
        "feuille.yaml:237:114 erreur fdr::territoire::partie_superieure",
        "Saint-Antonin-sur-Bayon : population fragile (513) supérieure à la population (125)",
    ),
    (
        "6",
        "feuille.yaml:243:37 avertissement fdr::tableau::total_saisi",
        "la ligne « Moyenne département » du tableau « Liste des communes les plus exposées du \
         territoire » est une moyenne saisie à la main",
    ),
    (
        "13",
        "feuille.yaml:265:7 erreur fdr::texte::renvoi_discordant",
        "renvoi faux : « Axe 1 » mène à l'axe 1 «",
    ),
    (
        "13",
        "feuille.yaml:267:7 erreur fdr::texte::renvoi_discordant",
        "renvoi faux : « Axe 2 » mène à l'axe 2 «",
    ),
    (
        "13",
        "feuille.yaml:269:7 erreur fdr::texte::renvoi_discordant",
        "renvoi faux : « Axe 3 » mène à l'axe 3 «",
    ),
    (
        "13",
        "feuille.yaml:271:7 erreur fdr::texte::renvoi_discordant",
        "renvoi faux : « Axe 4 » mène à l'axe 4 «",
    ),
    (
        "13",
        "feuille.yaml:273:7 avertissement fdr::texte::renvoi_manuel",
        "renvoi écrit à la main vers un axe 5 qui n'existe pas",
    ),
];

/// `fdr --color never check roadmap ARGS…` on a copy of the fixture.
fn check(dir: &std::path::Path, extra: &[&str]) -> Outcome {
    let mut args = vec!["--color", "never", "check", ROOT];
    args.extend_from_slice(extra);
    run(dir, &args, &[], TIMEOUT)
}

#[test]
fn each_contradiction_of_the_seed_is_reported() {
    let dir = sandbox("contradictions-bdr");
    let json = check(dir.path(), &["--format", "json"]);
    assert_eq!(
        json.code, 1,
        "errors among the diagnostics:\n{}",
        json.stderr
    );
    let diags = parse_json(&json.stdout);
    let found = summarize(&diags);
    for (number, line, message) in EXPECTED {
        let at = found.iter().position(|l| l == line);
        let Some(at) = at else {
            panic!(
                "contradiction {number} no longer reported as « {line} »; diagnostics:\n{}",
                found.join("\n")
            );
        };
        let said = plain(diags[at]["message"].as_str().unwrap_or_default());
        let help = plain(diags[at]["help"].as_str().unwrap_or_default());
        assert!(
            said.contains(message) || help.contains(message),
            "contradiction {number} ({line}): « {message} » absent from\n{said}\n{help}"
        );
    }
    let expected: Vec<&str> = EXPECTED.iter().map(|(_, l, _)| *l).collect();
    assert_eq!(
        found, expected,
        "the diagnostics of the fixture changed: a contradiction lost or a silent one now \
         reported (add it to EXPECTED and to README.md with its number)"
    );
}

#[test]
fn the_human_report_names_every_code_and_counts() {
    let dir = sandbox("contradictions-bdr");
    let human = check(dir.path(), &[]);
    assert_eq!(human.code, 1, "{}", human.stderr);
    for (number, line, _) in EXPECTED {
        let code = line.rsplit(' ').next().unwrap_or_default();
        assert!(
            human.stderr.contains(code),
            "contradiction {number}: « {code} » absent from the report:\n{}",
            human.stderr
        );
    }
    let errors = EXPECTED
        .iter()
        .filter(|(_, l, _)| l.contains(" erreur "))
        .count();
    let warnings = EXPECTED.len() - errors;
    assert_eq!((errors, warnings), (6, 14));
    assert_reports(&human, "6 erreurs, 14 avertissements");
}

#[test]
fn the_readme_lists_every_reported_code() {
    let readme = std::fs::read_to_string(fixtures_dir().join("contradictions-bdr/README.md"))
        .expect("README.md of the fixture");
    for (number, line, _) in EXPECTED {
        let code = line.rsplit(' ').next().unwrap_or_default();
        let row = readme
            .lines()
            .find(|l| l.starts_with(&format!("| {number} |")))
            .unwrap_or_else(|| panic!("contradiction {number} absent from README.md"));
        assert!(
            row.contains(code),
            "README.md: the row of contradiction {number} does not name {code}:\n{row}"
        );
    }
}
