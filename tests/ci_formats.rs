//! CI report formats and the cost of reporting: GitLab fingerprints that
//! survive line moves and are unique, and human reports that stay linear in
//! the number of diagnostics (issues #10 and #11).

mod common;

use common::{ROOT, TIMEOUT, run, sandbox};
use serde_json::Value;
use std::collections::{BTreeMap, HashSet};
use std::path::Path;
use std::time::{Duration, Instant};

/// Two acteurs whose names are the ambiguous `yes`: two warnings with the
/// same code, file, text and message.
const TWINS: &str = "acteurs:\n  - id: x-1\n    nom: yes\n    categorie: association\n  - id: x-2\n    nom: yes\n    categorie: association\n";

fn gitlab(dir: &Path) -> Vec<Value> {
    let o = run(dir, &["check", ROOT, "--format", "gitlab"], &[], TIMEOUT);
    serde_json::from_str(&o.stdout).unwrap_or_else(|e| panic!("{e}: {}", o.stdout))
}

/// fingerprint → (check_name, description, line), in report order.
fn by_fingerprint(issues: &[Value]) -> BTreeMap<String, (String, String, u64)> {
    issues
        .iter()
        .map(|i| {
            (
                i["fingerprint"].as_str().unwrap().to_string(),
                (
                    i["check_name"].as_str().unwrap().to_string(),
                    i["description"].as_str().unwrap().to_string(),
                    i["location"]["lines"]["begin"].as_u64().unwrap(),
                ),
            )
        })
        .collect()
}

#[test]
fn gitlab_fingerprints_are_unique_and_survive_line_moves() {
    let tmp = sandbox("valide");
    let root = tmp.path().join(ROOT);
    std::fs::write(root.join("jumeaux.yaml"), TWINS).unwrap();
    let before = gitlab(tmp.path());
    let fps: HashSet<_> = before.iter().map(|i| i["fingerprint"].clone()).collect();
    assert_eq!(
        fps.len(),
        before.len(),
        "fingerprints not unique: {before:#?}"
    );
    let twins = before
        .iter()
        .filter(|i| i["check_name"] == "fdr::yaml::booleen_ambigu")
        .count();
    assert_eq!(twins, 2, "{before:#?}");

    // Comment lines above every diagnostic: every line number moves.
    let text = std::fs::read_to_string(root.join("jumeaux.yaml")).unwrap();
    std::fs::write(
        root.join("jumeaux.yaml"),
        format!("# un commentaire\n# un autre\n{text}"),
    )
    .unwrap();
    let after = gitlab(tmp.path());
    let (b, a) = (by_fingerprint(&before), by_fingerprint(&after));
    assert_eq!(
        b.keys().collect::<Vec<_>>(),
        a.keys().collect::<Vec<_>>(),
        "fingerprints changed when lines moved"
    );
    let moved = b
        .iter()
        .filter(|(fp, (code, _, line))| code == "fdr::yaml::booleen_ambigu" && a[*fp].2 == line + 2)
        .count();
    assert_eq!(
        moved, 2,
        "the twin warnings should have moved down two lines"
    );
}

/// `fdr check DIR` (human report) must finish within `limit`.
fn check_within(dir: &Path, args: &[&str], limit: Duration) -> common::Outcome {
    let start = Instant::now();
    let o = run(dir, args, &[], limit + Duration::from_secs(5));
    let took = start.elapsed();
    assert!(took < limit, "fdr {args:?} took {took:?} (limit {limit:?})");
    o
}

#[test]
fn ten_thousand_unused_acteurs_report_quickly() {
    let tmp = sandbox("valide");
    let mut text = String::from("acteurs:\n");
    for i in 0..10_000 {
        text.push_str(&format!(
            "  - id: inutile-{i}\n    nom: Structure {i}\n    categorie: association\n"
        ));
    }
    std::fs::write(tmp.path().join(ROOT).join("inutiles.yaml"), text).unwrap();
    let o = check_within(tmp.path(), &["check", ROOT], Duration::from_secs(30));
    assert_eq!(o.code, 0, "{}", common::head(&o.stderr));
    assert!(
        o.stderr.contains("10000 avertissements") || o.stderr.contains("10 000 avertissements"),
        "{}",
        &o.stderr[o.stderr.len().saturating_sub(300)..]
    );
}

#[test]
fn twenty_thousand_unknown_keys_report_quickly() {
    let tmp = sandbox("valide");
    let mut text = String::from("feuille_de_route_bis:\n");
    for i in 0..20_000 {
        text.push_str(&format!("cle_inconnue_{i}: {i}\n"));
    }
    std::fs::write(tmp.path().join(ROOT).join("inconnues.yaml"), text).unwrap();
    let o = check_within(tmp.path(), &["check", ROOT], Duration::from_secs(30));
    assert_eq!(o.code, 1);
    assert!(
        o.stderr.contains("20001 erreurs") || o.stderr.contains("20 001 erreurs"),
        "{}",
        &o.stderr[o.stderr.len().saturating_sub(300)..]
    );
}

/// `fdr man`: one French page naming every subcommand, with exit status,
/// environment and examples, and none of clap's English help texts.
#[test]
fn man_page_is_complete_and_french() {
    let o = run(Path::new("."), &["man"], &[], TIMEOUT);
    assert_eq!(o.code, 0, "{}", o.stderr);
    let page = o.stdout;
    for sub in [
        "check",
        "build",
        "export",
        "schema",
        "diff",
        "init",
        "watch",
        "serve",
        "completions",
        "man",
    ] {
        assert!(
            page.contains(&format!(".SS \"fdr {sub}\"")),
            "no section for fdr {sub}"
        );
    }
    for section in [
        ".SH NOM",
        ".SH SYNOPSIS",
        ".SH OPTIONS",
        ".SH COMMANDES",
        ".SH CODE DE RETOUR",
        ".SH ENVIRONNEMENT",
        ".SH EXEMPLES",
    ] {
        assert!(page.contains(section), "no {section}");
    }
    assert!(page.contains("NO_COLOR"));
    for english in ["Print help", "Print version", "fdr-check(1)", "Usage:"] {
        assert!(!page.contains(english), "« {english} » in the man page");
    }
}

/// `fdr --help`, `fdr check --help` and `fdr help check` in French.
#[test]
fn help_is_french() {
    for args in [
        &["--help"][..],
        &["check", "--help"],
        &["help", "check"],
        &["help"],
    ] {
        let o = run(Path::new("."), args, &[], TIMEOUT);
        assert_eq!(o.code, 0, "{args:?}: {}", o.stderr);
        assert!(
            o.stdout.contains("Utilisation : fdr"),
            "{args:?}: {}",
            o.stdout
        );
        for english in [
            "Print help",
            "Print version",
            "Print this message",
            "[default:",
            "possible values",
            "Usage:",
        ] {
            assert!(!o.stdout.contains(english), "« {english} » in fdr {args:?}");
        }
    }
    let o = run(Path::new("."), &["help", "inconnue"], &[], TIMEOUT);
    assert_eq!(o.code, 2);
}
