//! Every arrow between modules points down the pipeline (issue
//! « Architecture for growth »): each stage of `src/` names only the stages
//! before it. The check reads the sources: every `crate::STAGE` path outside
//! `#[cfg(test)]` modules.

use std::collections::BTreeMap;
use std::path::Path;

/// Each module and the modules it may use. `format` (the source types) and
/// `diagnostic` (codes, messages) are the base everything builds on.
const ALLOWED: &[(&str, &[&str])] = &[
    ("format", &[]),
    ("diagnostic", &["format"]),
    ("load", &["format", "diagnostic"]),
    ("parse", &["format", "diagnostic", "load"]),
    ("model", &["format"]),
    (
        "validate",
        &["format", "diagnostic", "load", "parse", "model"],
    ),
    ("compute", &["format", "model"]),
    (
        "render",
        &["format", "diagnostic", "load", "parse", "model", "compute"],
    ),
    ("report", &["format", "diagnostic", "load"]),
];

/// The text of `path` without its `#[cfg(test)]` module (tests may reach
/// any stage to compare with it).
fn without_tests(text: &str) -> &str {
    text.find("#[cfg(test)]").map_or(text, |i| &text[..i])
}

fn uses(dir: &Path, module: &str, found: &mut BTreeMap<String, Vec<String>>) {
    let base = dir.join(module);
    let files: Vec<_> = if base.is_dir() {
        walk(&base)
    } else {
        vec![dir.join(format!("{module}.rs"))]
    };
    for f in files {
        let text = std::fs::read_to_string(&f).unwrap();
        for (i, _) in without_tests(&text).match_indices("crate::") {
            let rest = &text[i + 7..];
            let name: String = rest
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                .collect();
            if name != module {
                found
                    .entry(name)
                    .or_default()
                    .push(f.strip_prefix(dir).unwrap().display().to_string());
            }
        }
    }
}

fn walk(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            out.extend(walk(&p));
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p);
        }
    }
    out
}

#[test]
fn every_stage_uses_only_the_stages_before_it() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut wrong = Vec::new();
    for (module, allowed) in ALLOWED {
        let mut found = BTreeMap::new();
        uses(&src, module, &mut found);
        for (target, files) in found {
            if !allowed.contains(&target.as_str()) {
                wrong.push(format!("{module} → {target} ({})", files.join(", ")));
            }
        }
    }
    assert!(
        wrong.is_empty(),
        "arrows up the pipeline:\n{}",
        wrong.join("\n")
    );
}
