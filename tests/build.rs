//! `fdr build` on the example and on hostile fixtures: computed figures,
//! reproducible bytes, inert user text, pinned Markdown and HTML.

use std::path::{Path, PathBuf};
use std::process::Command;

fn fdr() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_fdr"));
    c.env("NO_COLOR", "1");
    c
}

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Build `dir` into a fresh temp folder; returns it with the exit code.
fn build(dir: &Path, formats: &str) -> (tempfile::TempDir, i32, String) {
    let out = tempfile::tempdir().unwrap();
    let o = fdr()
        .args(["--quiet", "build"])
        .arg(dir)
        .arg("-o")
        .arg(out.path())
        .args(["--format", formats])
        .output()
        .unwrap();
    (
        out,
        o.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&o.stderr).into_owned(),
    )
}

fn read(dir: &Path, name: &str) -> String {
    std::fs::read_to_string(dir.join(name)).unwrap()
}

/// Replace French typographic spaces with plain ones for readable asserts.
fn plain(s: &str) -> String {
    s.replace(['\u{202f}', '\u{a0}'], " ")
}

#[test]
fn example_figures_are_computed() {
    let (out, code, err) = build(&root().join("examples/bouches-du-rhone"), "md,html");
    assert_eq!(code, 0, "{err}");
    let md = plain(&read(out.path(), "feuille-de-route.md"));
    // Total of the ten FNE lines.
    assert!(md.contains("| Financement | 71 433 € |"), "total absent");
    assert!(md.contains("| | **Total général** | **71 433 €** | | |"));
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
fn builds_are_byte_identical() {
    let dir = root().join("examples/bouches-du-rhone");
    let (a, ca, _) = build(&dir, "md,html");
    let (b, cb, _) = build(&dir, "md,html");
    assert_eq!((ca, cb), (0, 0));
    for f in ["feuille-de-route.md", "feuille-de-route.html"] {
        assert!(
            std::fs::read(a.path().join(f)).unwrap() == std::fs::read(b.path().join(f)).unwrap(),
            "{f} differs"
        );
    }
}

#[test]
fn example_markdown_is_pinned() {
    let (out, code, err) = build(&root().join("examples/bouches-du-rhone"), "md");
    assert_eq!(code, 0, "{err}");
    insta::assert_snapshot!(
        "bouches_du_rhone_md",
        read(out.path(), "feuille-de-route.md")
    );
}

#[test]
fn example_html_is_pinned() {
    let (out, code, err) = build(&root().join("examples/bouches-du-rhone"), "html");
    assert_eq!(code, 0, "{err}");
    insta::assert_snapshot!(
        "bouches_du_rhone_html",
        read(out.path(), "feuille-de-route.html")
    );
}

#[test]
fn hostile_text_renders_inert_in_html() {
    let (out, code, err) = build(&root().join("tests/fixtures/injection"), "md,html");
    assert_eq!(code, 0, "{err}");
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
    let o = fdr()
        .args(["export", "--format", "json"])
        .arg(root().join("examples/bouches-du-rhone"))
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(0));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["modele"]["axes"].as_array().unwrap().len(), 4);
    assert_eq!(v["modele"]["actions"].as_array().unwrap().len(), 10);
    // Money in euro cents: 71 433 €.
    assert_eq!(v["calculs"]["total"], 7_143_300);
    let per_action: i64 = v["calculs"]["par_action"]
        .as_array()
        .unwrap()
        .iter()
        .map(|x| x.as_i64().unwrap())
        .sum();
    assert_eq!(per_action, 7_143_300);
}

#[test]
fn output_folder_may_not_be_the_roadmap() {
    let tmp = tempfile::tempdir().unwrap();
    std::fs::copy(
        root().join("examples/minimal/feuille-de-route.yaml"),
        tmp.path().join("f.yaml"),
    )
    .unwrap();
    let o = fdr()
        .arg("build")
        .arg(tmp.path())
        .arg("-o")
        .arg(tmp.path())
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&o.stderr)
            .contains("ne peut pas être le dossier de la feuille de route")
    );
}

#[test]
fn nothing_is_written_when_the_sources_have_errors() {
    let tmp = tempfile::tempdir().unwrap();
    std::fs::write(tmp.path().join("f.yaml"), "feuille_de_route: {titre: x}\n").unwrap();
    let out = tmp.path().join("sortie");
    let o = fdr()
        .arg("build")
        .arg(tmp.path())
        .arg("-o")
        .arg(&out)
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(1));
    assert!(!out.exists(), "no output folder on failure");
}
