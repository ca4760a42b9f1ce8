//! The catalogue of diagnostic codes (`src/diagnostic/codes.rs`) is the
//! only place a code is written, and the README's table lists exactly its
//! codes.

use std::collections::BTreeSet;
use std::path::Path;

fn walk(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            walk(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p);
        }
    }
}

#[test]
fn codes_are_written_in_the_catalogue_only() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    walk(&src, &mut files);
    let mut found = Vec::new();
    for f in files.iter().filter(|f| !f.ends_with("diagnostic/codes.rs")) {
        let text = std::fs::read_to_string(f).unwrap();
        for (i, _) in text.match_indices("\"fdr::") {
            let lit: String = text[i + 1..].chars().take_while(|c| *c != '"').collect();
            if lit.matches("::").count() == 2 && !lit.contains(' ') && !lit.ends_with("::") {
                found.push(format!("{}: {lit}", f.display()));
            }
        }
    }
    assert!(
        found.is_empty(),
        "codes written outside the catalogue:\n{}",
        found.join("\n")
    );
}

/// `fdr::date::{invalide, hors_periode}` → its codes.
fn expand(cell: &str, out: &mut BTreeSet<String>) {
    for part in cell.split('`').skip(1).step_by(2) {
        match part.split_once('{') {
            Some((prefix, names)) => {
                for n in names.trim_end_matches('}').split(',') {
                    out.insert(format!("{prefix}{}", n.trim()));
                }
            }
            None => {
                out.insert(part.to_string());
            }
        }
    }
}

#[test]
fn the_readme_table_lists_exactly_the_catalogue() {
    let readme =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md")).unwrap();
    let start = readme
        .find("| Famille | Codes |")
        .expect("the README's table of codes");
    let mut listed = BTreeSet::new();
    for line in readme[start..]
        .lines()
        .skip(2)
        .take_while(|l| l.starts_with('|'))
    {
        let cell = line.splitn(3, '|').nth(2).unwrap_or("");
        expand(cell, &mut listed);
    }
    let all: BTreeSet<String> = fdr::diagnostic::codes::ALL
        .iter()
        .map(|c| c.to_string())
        .collect();
    let missing: Vec<_> = all.difference(&listed).collect();
    let unknown: Vec<_> = listed.difference(&all).collect();
    assert!(
        missing.is_empty() && unknown.is_empty(),
        "absent from the README: {missing:?}\nin the README but not emitted: {unknown:?}"
    );
}

#[test]
fn every_warning_is_a_code_of_the_catalogue_once() {
    let all = fdr::diagnostic::codes::ALL;
    let warnings = fdr::diagnostic::codes::WARNINGS;
    for w in warnings {
        assert!(all.contains(w), "{w} is not in the catalogue");
    }
    let unique: BTreeSet<&str> = warnings.iter().copied().collect();
    assert_eq!(unique.len(), warnings.len(), "a warning listed twice");
    // Most codes are errors: the catalogue says which are not.
    assert!(
        warnings.len() * 2 < all.len(),
        "{} warnings",
        warnings.len()
    );
}
