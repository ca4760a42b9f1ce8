//! `fdr bilan DIR --au DATE [--depuis REV]`: the progress report, run by
//! the real binary on `tests/fixtures/bilan/` (a test case, not a real
//! roadmap: statuses, measurements, payments and meetings are made up).
//!
//! Pinned here: an action becomes late the day after its end; the exact
//! progress of an increasing and a decreasing indicator; a measurement
//! dated after the report date refused at its line; `--depuis` in a real
//! git repository with a tag; identical bytes for two runs.

mod common;

use common::*;
use std::path::Path;

/// `fdr --color never bilan roadmap --au AU ARGS… -o OUT` in `cwd`; the
/// Markdown report when it was written.
fn bilan(cwd: &Path, au: &str, extra: &[&str]) -> (Outcome, Option<String>, tempfile::TempDir) {
    let out = tempfile::tempdir().unwrap();
    let mut args = vec!["--color", "never", "bilan", ROOT, "--au", au];
    args.extend_from_slice(extra);
    args.extend(["-o", out.path().to_str().unwrap()]);
    let run = run(cwd, &args, &[], TIMEOUT);
    let md = std::fs::read_to_string(out.path().join(format!("bilan-{au}.md"))).ok();
    (run, md.map(|m| plain(&m)), out)
}

/// The lines of the « Actions en retard » part of a report.
fn late_part(md: &str) -> String {
    let start = md.find("### Actions en retard").expect("late actions part");
    let rest = &md[start..];
    let end = rest[4..].find("\n### ").map_or(rest.len(), |e| e + 4);
    rest[..end].to_string()
}

#[test]
fn an_action_is_late_the_day_after_its_end() {
    let dir = sandbox("bilan");
    // The strategy's measurements go up to June 2026: left out here, so
    // that a report in 2025 may be made.
    std::fs::remove_file(dir.path().join(ROOT).join("evaluation.yaml")).unwrap();
    // Action 1.1 ends in June 2025 and is still « en cours ».
    let (run, md, _out) = bilan(dir.path(), "2025-06-30", &["--format", "md"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let md = md.unwrap();
    let late = late_part(&md);
    assert!(
        late.contains("Aucune action en retard à cette date."),
        "{late}"
    );
    assert!(!md.contains("**en retard**"), "{md}");

    let (run, md, _out) = bilan(dir.path(), "2025-07-01", &["--format", "md"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let md = md.unwrap();
    let late = late_part(&md);
    assert!(
        late.contains("| 1.1 — Coordonner le réseau départemental | En cours | juin 2025 | Association de médiation |"),
        "{late}"
    );
    // Done, abandoned or not yet ended: never late.
    for other in ["1.2 —", "2.1 —", "2.2 —"] {
        assert!(!late.contains(other), "{late}");
    }
    assert!(md.contains("| 1.1 — Coordonner le réseau départemental | En cours · **en retard** | juin 2025 | 2 sur 3 | haute |"), "{md}");
}

#[test]
fn progress_is_exact_for_an_increasing_and_a_decreasing_indicator() {
    let dir = sandbox("bilan");
    let (run, md, _out) = bilan(dir.path(), "2026-11-27", &["--format", "md"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let md = md.unwrap();
    // (1 700 − 1 200) / (2 000 − 1 200): the 2025 target is past, 2027 is next.
    assert!(md.contains("| Personnes accompagnées dans l'année | 1 200 personnes (2024) | 1 700 personnes (juin 2026) | 2 000 personnes (2027) | 62,5 % | en hausse |"), "{md}");
    // (25 − 30) / (20 − 30): down is the way.
    assert!(md.contains("| Part des habitants éloignés du numérique | 30 % (2024) | 25 % (juin 2026) | 20 % (2027) | 50,0 % | en baisse |"), "{md}");
    // An action's indicator, its target due in June 2025: (30 − 20) / (40 − 20).
    assert!(md.contains("| Structures membres du réseau | 20 structures (octobre 2024) | 30 structures (mars 2025) | 40 structures (juin 2025) | 50,0 % | en hausse |"), "{md}");
}

#[test]
fn a_measurement_after_the_report_date_is_refused_at_its_line() {
    let dir = sandbox("bilan");
    let (run, md, out) = bilan(dir.path(), "2026-03-01", &[]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(md.is_none());
    assert_eq!(
        std::fs::read_dir(out.path()).unwrap().count(),
        0,
        "nothing written"
    );
    let report = plain(&run.stderr);
    for place in [
        "[roadmap/evaluation.yaml:16:33]",
        "[roadmap/evaluation.yaml:26:31]",
    ] {
        assert!(report.contains(place), "{report}");
    }
    assert_eq!(
        report
            .matches("fdr::indicateur::mesure_posterieure")
            .count(),
        2,
        "{report}"
    );
    assert_reports(&run, "datée 2026-06 est postérieure à la date");
    assert_reports(&run, "(2026-03-01)");
    // `check` has no report date: the same sources are valid.
    let check = run_check(dir.path());
    assert_eq!(check.code, 0, "{}", check.stderr);
}

fn run_check(cwd: &Path) -> Outcome {
    run(cwd, &["--color", "never", "check", ROOT], &[], TIMEOUT)
}

#[test]
fn the_report_date_is_a_whole_date() {
    let dir = sandbox("bilan");
    for bad in ["2026-11", "2026", "27/11/2026", "2026-02-30"] {
        let (run, _, _out) = bilan(dir.path(), bad, &[]);
        assert_eq!(run.code, 2, "--au {bad}: {}", run.stderr);
        assert_reports(&run, "AAAA-MM-JJ");
    }
}

#[test]
fn two_runs_write_identical_bytes() {
    let dir = sandbox("bilan");
    let (a, _, out_a) = bilan(dir.path(), "2026-11-27", &["--format", "md,html"]);
    let (b, _, out_b) = bilan(dir.path(), "2026-11-27", &["--format", "md,html"]);
    assert_eq!((a.code, b.code), (0, 0), "{}{}", a.stderr, b.stderr);
    for name in ["bilan-2026-11-27.md", "bilan-2026-11-27.html"] {
        let (x, y) = (
            std::fs::read(out_a.path().join(name)).unwrap(),
            std::fs::read(out_b.path().join(name)).unwrap(),
        );
        assert!(!x.is_empty());
        assert!(x == y, "{name} differs between two runs");
    }
}

#[test]
fn the_report_shows_money_meetings_and_milestones() {
    let dir = sandbox("bilan");
    let (run, md, _out) = bilan(dir.path(), "2026-11-27", &["--format", "md"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let md = md.unwrap();
    for line in [
        "| Conseil départemental d'essai | 45 000 € | 45 000 € | 40 000 € | 88,9 % |",
        "| Caisse d'allocations familiales | 20 000 € | 20 000 € | 10 000 € | 50,0 % |",
        "| **Total** | **95 000 €** | **65 000 €** | **50 000 €** | **52,6 %** |",
        "| 2025 | 65 000 € | 65 000 € | 50 000 € |",
        // Semestrial since September 2024: 26 whole months, 4 meetings due.
        "| Comité de pilotage (COPIL) | semestrielle | 3 | 4 | 12 mars 2026 |",
        "### Jalons passés depuis le COPIL du 12 mars 2026",
        "- **Mai 2026** : Annuaire publié",
        "- **Décembre 2026** : Bilan intermédiaire des ateliers (Action 2.1)",
    ] {
        assert!(md.contains(line), "« {line} » absent:\n{md}");
    }
    assert!(
        !md.contains("Évaluation finale"),
        "October 2027 is beyond six months"
    );
}

#[test]
fn depuis_shows_what_changed_since_a_tagged_revision() {
    let tmp = tempfile::tempdir().unwrap();
    let home = tmp.path().join("home");
    std::fs::create_dir_all(&home).unwrap();
    let repo = tmp.path().join("depot");
    copy_dir(&fixtures_dir().join("bilan"), &repo.join(ROOT));
    let g = |args: &[&str]| git(&repo, Some(&home), args);
    g(&["init", "-q", "-b", "main"]);
    g(&["add", "-A"]);
    g(&["commit", "-qm", "COPIL de mars"]);
    g(&["tag", "copil-2026-03"]);
    let file = repo.join(ROOT).join("feuille-de-route.yaml");
    let text = std::fs::read_to_string(&file).unwrap();
    let edited = text
        .replacen(
            "    titre: Ouvrir des ateliers dans les intercommunalités\n    statut: a_venir",
            "    titre: Ouvrir des ateliers dans les intercommunalités\n    statut: en_cours",
            1,
        )
        .replacen(
            "par_an: { montant: 15000, de: 2026, a: 2027 }, statut: demande }",
            "par_an: { montant: 18000, de: 2026, a: 2027 }, statut: accorde }",
            1,
        );
    assert_ne!(text, edited);
    std::fs::write(&file, edited).unwrap();
    let file = repo.join(ROOT).join("evaluation.yaml");
    let text = std::fs::read_to_string(&file).unwrap();
    let edited = text.replacen(
        "        - { valeur: 1700, date: 2026-06, source: Bilan semestriel }\n",
        "        - { valeur: 1700, date: 2026-06, source: Bilan semestriel }\n        - { valeur: 1800, date: 2026-09, source: Tableau de bord }\n",
        1,
    );
    assert_ne!(text, edited);
    std::fs::write(&file, edited).unwrap();
    g(&["commit", "-qam", "Avancement"]);

    let env_home = home.to_string_lossy().into_owned();
    let env = [("GIT_CONFIG_NOSYSTEM", "1"), ("HOME", env_home.as_str())];
    let out = tempfile::tempdir().unwrap();
    let run = run(
        &repo,
        &[
            "--color",
            "never",
            "bilan",
            ROOT,
            "--au",
            "2026-11-27",
            "--depuis",
            "copil-2026-03",
            "--format",
            "md",
            "-o",
            out.path().to_str().unwrap(),
        ],
        &env,
        TIMEOUT,
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    let md = plain(&std::fs::read_to_string(out.path().join("bilan-2026-11-27.md")).unwrap());
    let part = &md[md
        .find("Ce qui a changé depuis le dernier COPIL")
        .expect("changes part")..];
    for line in [
        "*Comparaison avec la version « copil-2026-03 ».*",
        "**Financement** : 95 000 € → 101 000 € (+6 000 €)",
        "- Action 2.1 « Ouvrir des ateliers dans les intercommunalités » : statut : À venir → En cours",
        "- Action 2.1 — Préfecture d'essai : demandé → accordé",
        "| Préfecture d'essai | 30 000 € | 36 000 € | **+6 000 €** |",
        "| 2026 | 15 000 € | 18 000 € | **+3 000 €** |",
        "### Nouvelles mesures des indicateurs",
        "- Personnes accompagnées dans l'année : 1 800 personnes (septembre 2026)",
    ] {
        assert!(part.contains(line), "« {line} » absent:\n{part}");
    }
    // Granted now: the new state is the report's.
    assert!(
        md.contains("| Préfecture d'essai | 36 000 € | 36 000 € | 0 € | 0,0 % |"),
        "{md}"
    );
}

#[test]
fn exports_carry_the_indicators_and_their_series() {
    let dir = repo().join("tests/fixtures/bilan");
    let out = run(
        &repo(),
        &[
            "export",
            dir.to_str().unwrap(),
            "--format",
            "csv",
            "--table",
            "indicateurs",
        ],
        &[],
        TIMEOUT,
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
    for line in [
        ";part-eloignes;Part des habitants éloignés du numérique;%;à la baisse;mesure;2025;27,5;;Enquête par sondage\r\n",
        "1.1;;Structures membres du réseau;structures;à la hausse;cible;2025-06;40;;\r\n",
    ] {
        assert!(out.stdout.contains(line), "{line}\n{}", out.stdout);
    }
    let json = export_json(&dir);
    let figures = &json["calculs"]["indicateurs"][0];
    assert_eq!(figures["progression"], "62.5", "{figures}");
    assert_eq!(figures["tendance"], "hausse");
    assert_eq!(
        json["modele"]["indicateurs"][1]["mesures"][0]["valeur"],
        "27.5"
    );
}

/// `tests/fixtures/bilan-bouches-du-rhone/`: the Bouches-du-Rhône example
/// with a made-up follow-up state (marked as such in each file it changes).
#[test]
fn a_bouches_du_rhone_variant_with_a_follow_up_state() {
    let dir = repo().join("tests/fixtures/bilan-bouches-du-rhone");
    let out = tempfile::tempdir().unwrap();
    let run = run(
        &repo(),
        &[
            "--color",
            "never",
            "bilan",
            dir.to_str().unwrap(),
            "--au",
            "2026-06-30",
            "--format",
            "md",
            "--deny-warnings",
            "-o",
            out.path().to_str().unwrap(),
        ],
        &[],
        TIMEOUT,
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    let md = plain(&std::fs::read_to_string(out.path().join("bilan-2026-06-30.md")).unwrap());
    for line in [
        // Ended in October 2025, still « en cours ».
        "| 3.1 — Mobiliser la communauté éducative autour d'événements | En cours | octobre 2025 |",
        // (16,3 − 17,5) / (14 − 17,5), a decreasing percentage.
        "| 17,5 % (2024) | 16,3 % (mars 2026) | 14 % (2027) | 34,3 % | en baisse |",
        "| 40 structures (novembre 2024) | 55 structures (janvier 2026) | 80 structures (2027) | 37,5 % | en hausse |",
        // One line paid, one granted with 5 000 € paid, the others planned.
        "| Agence nationale de la cohésion des territoires | 71 433 € | 14 905 € | 8 686 € | 12,2 % |",
        "| Comité de pilotage (COPIL) | semestrielle | 3 | 3 | 22 janvier 2026 |",
        "2024 (4 mois) : 1 sur 0 · 2025 : 1 sur 2 · 2026 (5 mois, année en cours) : 1 sur 0",
    ] {
        assert!(md.contains(line), "« {line} » absent:\n{md}");
    }
}
