//! Replays the inputs kept in `fuzz/regressions/` (see `fuzz/README.md`)
//! through the same paths as the fuzz targets, without cargo-fuzz:
//!
//! - `pipeline/`: each file is split into a roadmap folder exactly as the
//!   `pipeline` target does (`fuzz/common/split.rs`), then the real `fdr`
//!   binary runs `check` and `build --format md,html` on it: exit code 0, 1
//!   or 2, never a panic (101) nor a hang; the HTML page of a valid roadmap
//!   keeps no script, no event handler, no `javascript:` link.
//! - `markdown/`: each file goes through `fdr::render::markdown::render`
//!   with the checks of the `markdown` target (`fuzz/common/markdown_props.rs`).

mod common;

use common::{repo, run};
use std::path::{Path, PathBuf};
use std::time::Duration;

#[path = "../fuzz/common/split.rs"]
mod split;

#[path = "../fuzz/common/html.rs"]
mod html;

#[path = "../fuzz/common/markdown_props.rs"]
mod markdown_props;

/// Longest a single `fdr` run may take on one regression input.
const REPLAY_TIMEOUT: Duration = Duration::from_secs(120);

fn inputs(target: &str) -> Vec<PathBuf> {
    let dir = repo().join("fuzz/regressions").join(target);
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_file())
        .collect();
    files.sort();
    files
}

/// Run `fdr --color=never ARGS` (`common::run`: no panic, no signal, no
/// hang); its exit code, which must be 0, 1 or 2.
fn run_fdr(args: &[&str], input: &Path) -> i32 {
    // Shown with the test's output if the run panics or hangs.
    eprintln!("rejoue {} : fdr {args:?}", input.display());
    let mut all = vec!["--color=never"];
    all.extend_from_slice(args);
    let out = run(&repo(), &all, &[], REPLAY_TIMEOUT);
    assert!(
        matches!(out.code, 0..=2),
        "{}: fdr {args:?} exited with {} (expected 0, 1 or 2):\n{}",
        input.display(),
        out.code,
        out.stderr
    );
    out.code
}

/// `fdr check ROOT`, then `fdr build ROOT --format=FORMAT -o OUT`: both exit codes.
fn check_and_build(root: &Path, out: &Path, format: &str, input: &Path) -> (i32, i32) {
    let root = root.to_str().unwrap();
    let check = run_fdr(&["check", root], input);
    let format = format!("--format={format}");
    let build = run_fdr(
        &["build", root, &format, "-o", out.to_str().unwrap()],
        input,
    );
    (check, build)
}

#[test]
fn pipeline_regressions() {
    let files = inputs("pipeline");
    assert!(!files.is_empty(), "fuzz/regressions/pipeline/ is empty");
    for input in files {
        let data = std::fs::read(&input).unwrap();
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("fdr");
        std::fs::create_dir(&root).unwrap();
        split::write(&root, &data).unwrap();
        let out = dir.path().join("build");
        let (check, build) = check_and_build(&root, &out, "md,html", &input);
        // A roadmap `check` accepts must build, into a page without script.
        if check == 0 {
            assert_eq!(build, 0, "{}: check passes, build fails", input.display());
            let page = std::fs::read_to_string(out.join("feuille-de-route.html")).unwrap();
            html::check_page(&page);
        }
    }
}

#[test]
fn markdown_regressions() {
    let files = inputs("markdown");
    assert!(!files.is_empty(), "fuzz/regressions/markdown/ is empty");
    for input in files {
        let bytes = std::fs::read(&input).unwrap();
        // The target only feeds UTF-8; keep the same rule.
        let Ok(src) = std::str::from_utf8(&bytes) else {
            continue;
        };
        markdown_props::check(src);
    }
}

/// Each `markdown/` input as the introduction of `examples/minimal`, typeset
/// into a PDF: whatever Markdown `check` accepts, the typst path renders
/// (the fuzz build leaves typst out, so its inputs are replayed here).
#[cfg(feature = "pdf")]
#[test]
fn markdown_regressions_typeset_in_pdf() {
    let files = inputs("markdown");
    let minimal = repo().join("examples/minimal/feuille-de-route.yaml");
    let yaml = std::fs::read_to_string(minimal).unwrap();
    let anchor = "  co_porteurs:\n    - prefecture\n";
    assert!(
        yaml.contains(anchor),
        "examples/minimal changed its co_porteurs"
    );
    let yaml = yaml.replace(
        anchor,
        &format!("{anchor}  introduction: {{ fichier: introduction.md }}\n"),
    );
    let mut typeset = 0;
    for input in files {
        let Ok(src) = std::fs::read_to_string(&input) else {
            continue;
        };
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("fdr");
        std::fs::create_dir(&root).unwrap();
        std::fs::write(root.join("feuille-de-route.yaml"), &yaml).unwrap();
        std::fs::write(root.join("introduction.md"), src).unwrap();
        let out = dir.path().join("build");
        let (check, build) = check_and_build(&root, &out, "pdf", &input);
        if check == 0 {
            assert_eq!(build, 0, "{}: check passes, PDF fails", input.display());
            assert!(out.join("feuille-de-route.pdf").is_file());
            typeset += 1;
        }
    }
    assert!(typeset >= 5, "only {typeset} inputs reached the PDF");
}
