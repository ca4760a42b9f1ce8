//! Overflow and quadratic corners reachable from input, on the real
//! binary: roadmaps too large to keep as fixtures are generated here.
//! (Fixtures for the smaller cases are in `tests/check.rs`:
//! `numero-trop-grand`, `population-depassement`, `tableau-depassement`,
//! `enveloppe-invalide-decalage`.)

mod common;

use common::*;
use std::path::Path;
use std::time::{Duration, Instant};

/// A one-file roadmap: feuille_de_route, 2 acteurs, 1 axe, 1 action.
const HEAD: &str = "\
feuille_de_route:
  titre: Feuille de route de test
  territoire:
    nom: Var
    perimetre: departemental
  periode:
    debut: 2025
    fin: 2027
  date: 2025-03-14
  co_porteurs: [prefecture-83]

acteurs:
  - id: prefecture-83
    nom: Préfecture du Var
    categorie: etat
  - id: hub-sud
    nom: Hub du Sud
    categorie: association

axes:
  - id: accompagner
    titre: Accompagner les publics

actions:
  - id: reseau-aidants
    axe: accompagner
    titre: Structurer le réseau des aidants
    statut: en_cours
    referents:
      - acteur: hub-sud
";

/// A temporary folder with `roadmap/feuille.yaml` holding `text`.
fn roadmap(text: &str) -> tempfile::TempDir {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join(ROOT);
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("feuille.yaml"), text).unwrap();
    tmp
}

/// `fdr check roadmap --format json` in `dir`, killed after `limit`.
fn check_json(dir: &Path, limit: Duration) -> (i32, Vec<String>, String) {
    let out = run(
        dir,
        &["--color", "never", "check", ROOT, "--format", "json"],
        &[],
        limit,
    );
    let diags = parse_json(&out.stdout);
    let messages = diags
        .iter()
        .map(|d| d["message"].as_str().unwrap_or("").to_string())
        .collect::<Vec<_>>()
        .join("\n");
    (out.code, summarize(&diags), messages)
}

/// 1-based line of the first line of `text` after `HEAD`.
fn after_head() -> usize {
    HEAD.lines().count() + 1
}

#[test]
fn amounts_summing_past_i64_are_reported_at_the_line_that_overflows() {
    // Each amount is just under the cap of one amount (10^13 €); 9 224 of
    // them pass i64::MAX cents (92 233 720 368 547 758,07 €).
    let mut y = format!("{HEAD}\nfinancements:\n  lignes:\n");
    for _ in 0..9_300 {
        y.push_str(
            "    - action: reseau-aidants\n      montant: \"9999999999999.99\"\n      \
             recipiendaire: hub-sud\n      financeur: prefecture-83\n      \
             nature: subvention\n      statut: accorde\n",
        );
    }
    let tmp = roadmap(&y);
    let (code, diags, messages) = check_json(tmp.path(), TIMEOUT);
    assert_eq!(code, 1, "{diags:?}");
    // Blank line, `financements:`, `lignes:`, then 6 lines per item, the
    // amount second; item 9 224 (index 9 223) makes the total overflow.
    let line = after_head() + 3 + 6 * 9_223 + 1;
    assert_eq!(
        diags,
        [format!(
            "feuille.yaml:{line}:16 erreur fdr::nombre::depassement"
        )]
    );
    assert!(
        messages.contains("le total des lignes de financement dépasse"),
        "{messages}"
    );
}

#[test]
fn a_quarter_million_keys_are_checked_in_bounded_time() {
    // 250 000 keys, the last one a duplicate of the first: finding it
    // compares every key. Quadratic detection took minutes; the bound
    // leaves room for a debug build on a busy machine.
    let n = 250_000;
    let mut y = String::with_capacity(n * 16);
    for i in 0..n - 1 {
        y.push_str(&format!("k{i}: {i}\n"));
    }
    y.push_str("k0: again\n");
    let tmp = roadmap(&y);
    let started = Instant::now();
    let (code, diags, _) = check_json(tmp.path(), Duration::from_secs(10));
    let took = started.elapsed();
    assert!(took < Duration::from_secs(10), "took {took:?}");
    assert_eq!(code, 1);
    // The duplicate is found; then the mapping, its 500 001st value, is
    // over the limit of values per file.
    // (Reported in file order.)
    assert_eq!(
        diags,
        [
            "feuille.yaml:1:1 erreur fdr::yaml::trop_de_valeurs".to_string(),
            format!("feuille.yaml:{n}:1 erreur fdr::yaml::cle_dupliquee"),
        ]
    );
}

#[test]
fn a_syntax_error_after_multibyte_characters_has_its_column_in_characters() {
    // « é » is 2 bytes and « 😀 » 4: the second `:` is the 31st character
    // of line 2 and its 35th byte.
    let y = "feuille_de_route:\n  titre: Numérique 😀 pour tous: oui\n";
    let tmp = roadmap(y);
    let (code, diags, messages) = check_json(tmp.path(), TIMEOUT);
    assert_eq!(code, 1);
    assert_eq!(diags, ["feuille.yaml:2:31 erreur fdr::yaml::syntaxe"]);
    assert!(messages.contains("deux-points"), "{messages}");
    // The human report draws the same place, without a panic.
    let human = run(
        tmp.path(),
        &["--color", "never", "check", ROOT],
        &[],
        TIMEOUT,
    );
    assert_reports(&human, "feuille.yaml:2:31");
}

#[test]
fn twenty_thousand_diagnostics_are_reported_in_bounded_time() {
    // Each report used to copy and rescan the file from its start: the
    // human and JSON reports were quadratic in the number of diagnostics.
    let n = 20_000;
    let y: String = (0..n).map(|i| format!("cle{i}: {i}\n")).collect();
    let tmp = roadmap(&y);
    let limit = Duration::from_secs(10);
    let started = Instant::now();
    let (code, diags, _) = check_json(tmp.path(), limit);
    assert_eq!(code, 1);
    let unknown = diags
        .iter()
        .filter(|d| d.ends_with("fdr::schema::cle_inconnue"))
        .count();
    assert_eq!(unknown, n);
    assert_eq!(
        diags[n - 1],
        format!("feuille.yaml:{n}:1 erreur fdr::schema::cle_inconnue")
    );
    let human = run(tmp.path(), &["--color", "never", "check", ROOT], &[], limit);
    assert_eq!(human.code, 1);
    assert_reports(&human, &format!("[roadmap/feuille.yaml:{n}:1]"));
    assert_reports(&human, &format!("{n} │ cle{}: {}", n - 1, n - 1));
    let took = started.elapsed();
    assert!(took < 2 * limit, "took {took:?}");
}
