//! A hostile pull request (issue « A hostile pull request must not own the
//! maintainer »): what a partner can commit into the roadmap folder —
//! links where fdr writes, markup in every field, texts built to exhaust
//! the renderers — run through the real binary with a time limit.
//!
//! Each test hashes the roadmap folder and a canary file outside it before
//! and after, and asserts the exit code, that the message names the file,
//! and that nothing outside the output folder changed.

mod common;

use common::*;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};
use tempfile::TempDir;

const MAIN: &str = "feuille-de-route.yaml";

/// `tmp/roadmap/` (the minimal example), `tmp/canari.txt` outside it.
struct Pr {
    tmp: TempDir,
}

impl Pr {
    fn new() -> Self {
        let tmp = minimal_roadmap();
        std::fs::write(tmp.path().join("canari.txt"), "canari intact\n").unwrap();
        Pr { tmp }
    }

    fn cwd(&self) -> &Path {
        self.tmp.path()
    }

    fn root(&self) -> PathBuf {
        self.tmp.path().join(ROOT)
    }

    fn canary(&self) -> PathBuf {
        self.tmp.path().join("canari.txt")
    }

    fn write(&self, rel: &str, text: &str) {
        let p = self.root().join(rel);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, text).unwrap();
    }

    fn append(&self, text: &str) {
        let mut main = std::fs::read_to_string(self.root().join(MAIN)).unwrap();
        main.push_str(text);
        self.write(MAIN, &main);
    }

    fn replace(&self, from: &str, to: &str) {
        let main = std::fs::read_to_string(self.root().join(MAIN)).unwrap();
        assert_eq!(main.matches(from).count(), 1, "« {from} »");
        self.write(MAIN, &main.replace(from, to));
    }

    fn link(&self, rel: &str, target: &Path) {
        let p = self.root().join(rel);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::os::unix::fs::symlink(target, p).unwrap();
    }

    fn fdr(&self, args: &[&str]) -> Outcome {
        let mut all = vec!["--color", "never"];
        all.extend_from_slice(args);
        run(self.cwd(), &all, &[], TIMEOUT)
    }

    /// Every file below the temporary folder except `except` (the output
    /// folder), with its content or link target.
    fn snapshot(&self, except: &str) -> BTreeMap<String, String> {
        let mut all = BTreeMap::new();
        for e in walkdir::WalkDir::new(self.cwd()).follow_links(false) {
            let e = e.unwrap();
            let rel = e.path().strip_prefix(self.cwd()).unwrap();
            if !except.is_empty() && rel.starts_with(except) {
                continue;
            }
            let what = if e.path_is_symlink() {
                format!("-> {}", std::fs::read_link(e.path()).unwrap().display())
            } else if e.file_type().is_file() {
                String::from_utf8_lossy(&std::fs::read(e.path()).unwrap()).into_owned()
            } else {
                "dossier".into()
            };
            all.insert(rel.display().to_string(), what);
        }
        all
    }
}

/// Run `args`, asserting that nothing but `output` changed in the
/// temporary folder (roadmap and canary alike); the outcome.
fn untouched_but(pr: &Pr, output: &str, args: &[&str]) -> Outcome {
    let before = pr.snapshot(output);
    let out = pr.fdr(args);
    assert_eq!(
        pr.snapshot(output),
        before,
        "files outside the output folder changed\n{}",
        out.stderr
    );
    assert_eq!(
        std::fs::read_to_string(pr.canary()).unwrap(),
        "canari intact\n"
    );
    out
}

#[test]
fn a_link_at_the_old_temporary_name_is_not_written_through() {
    let pr = Pr::new();
    // The attack of the issue: the fixed temporary name of earlier versions,
    // committed as a link to a file of the maintainer's.
    pr.link("build/.feuille-de-route.md.tmp", &pr.canary());
    let out = untouched_but(&pr, "roadmap/build", &["build", ROOT, "--format", "md"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let md = std::fs::read_to_string(pr.root().join("build/feuille-de-route.md")).unwrap();
    assert!(md.contains("Département exemple"));
    // No temporary file is left behind.
    let mut names: Vec<String> = std::fs::read_dir(pr.root().join("build"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(names, [".feuille-de-route.md.tmp", "feuille-de-route.md"]);
}

#[test]
fn an_output_that_is_a_link_is_refused_and_not_followed() {
    let pr = Pr::new();
    pr.link("build/feuille-de-route.html", &pr.canary());
    let out = untouched_but(&pr, "", &["build", ROOT, "--format", "md,html"]);
    assert_eq!(out.code, 2, "{}", out.stderr);
    assert!(!out.stderr.contains("écrit :"), "no document is written");
    assert!(
        out.stderr
            .contains("roadmap/build/feuille-de-route.html » est un lien symbolique"),
        "{}",
        out.stderr
    );
}

#[test]
fn an_output_folder_that_is_a_link_is_refused() {
    let pr = Pr::new();
    let elsewhere = pr.cwd().join("ailleurs");
    std::fs::create_dir(&elsewhere).unwrap();
    pr.link("build", &elsewhere);
    let out = untouched_but(&pr, "", &["build", ROOT, "--format", "md"]);
    assert_eq!(out.code, 2, "{}", out.stderr);
    assert!(
        out.stderr
            .contains("roadmap/build » est un lien symbolique"),
        "{}",
        out.stderr
    );
    // Through `-o` too, when the link is inside the current folder.
    let out = untouched_but(&pr, "", &["build", ROOT, "-o", "roadmap/build/site"]);
    assert_eq!(out.code, 2, "{}", out.stderr);
    assert_eq!(std::fs::read_dir(&elsewhere).unwrap().count(), 0);
}

#[test]
fn init_does_not_write_through_a_dangling_link() {
    let pr = Pr::new();
    let target = pr.cwd().join("cree-par-le-lien");
    std::fs::create_dir(pr.cwd().join("neuf")).unwrap();
    std::os::unix::fs::symlink(&target, pr.cwd().join("neuf/.gitignore")).unwrap();
    let out = pr.fdr(&["init", "neuf"]);
    assert_eq!(out.code, 2, "{}", out.stderr);
    assert!(out.stderr.contains(".gitignore"), "{}", out.stderr);
    assert!(!target.exists(), "init wrote through a dangling link");
}

#[test]
fn two_builds_into_one_folder_at_once_both_succeed() {
    let pr = Pr::new();
    let bin = env!("CARGO_BIN_EXE_fdr");
    let spawn = || {
        std::process::Command::new(bin)
            .args(["--quiet", "build", ROOT, "--format", "md,html"])
            .current_dir(pr.cwd())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap()
    };
    let children: Vec<_> = (0..4).map(|_| spawn()).collect();
    for c in children {
        let o = c.wait_with_output().unwrap();
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    }
    let names = std::fs::read_dir(pr.root().join("build")).unwrap().count();
    assert_eq!(names, 2, "exactly the two documents, no temporary file");
}

#[test]
fn markdown_output_escapes_fields_and_drops_raw_html_and_dangerous_links() {
    let pr = Pr::new();
    pr.replace(
        "    titre: Animer un réseau départemental de l'inclusion numérique",
        "    titre: \"Réseau <script>alert(1)</script>\\n# Faux titre\\n| a | b |\"",
    );
    pr.replace(
        "    debut: 2025\n",
        "    debut: 2025\n    description: |\n      Voir <img src=x onerror=alert(1)> et [ce lien](javascript:alert(1)).\n\n      <div onclick=\"x()\">bloc</div>\n",
    );
    let out = pr.fdr(&["build", ROOT, "--format", "md,html"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let md = std::fs::read_to_string(pr.root().join("build/feuille-de-route.md")).unwrap();
    for bad in ["<img", "<div", "javascript:", "onclick"] {
        assert!(!md.contains(bad), "« {bad} » in the Markdown output");
    }
    // The title keeps its text, every `<` escaped.
    assert!(
        md.match_indices('<').all(|(i, _)| md[..i].ends_with('\\')),
        "an unescaped « < » in the Markdown output"
    );
    assert!(
        !md.lines().any(|l| l.starts_with("# Faux")),
        "a title made a heading"
    );
    assert!(md.contains("ce lien"), "the link text stays");
    assert!(md.contains(r"Réseau \<script\>alert(1)\</script\> \# Faux titre \| a \| b \|"));
    let html = std::fs::read_to_string(pr.root().join("build/feuille-de-route.html")).unwrap();
    assert!(!html.contains("<script>alert"), "HTML escapes the title");
}

#[test]
fn deeply_nested_inline_markdown_is_refused_at_its_line() {
    let pr = Pr::new();
    let deep = format!("{}mot{}", "*".repeat(20_000), "*".repeat(20_000));
    pr.write(
        "textes/profond.md",
        &format!("# Titre\n\nUn paragraphe.\n\n{deep}\n"),
    );
    pr.append("\nsections:\n  - id: profonde\n    partie: introduction\n    titre: Profonde\n    texte: { fichier: textes/profond.md }\n");
    let started = Instant::now();
    for args in [
        &["check", ROOT][..],
        &["build", ROOT, "--format", "md,html"][..],
    ] {
        let out = untouched_but(&pr, "roadmap/build", args);
        assert_eq!(out.code, 1, "{}", out.stderr);
        assert!(
            out.stderr.contains("fdr::texte::trop_imbrique"),
            "{}",
            out.stderr
        );
        assert!(
            out.stderr.contains("roadmap/textes/profond.md:5:1"),
            "{}",
            out.stderr
        );
    }
    assert!(started.elapsed() < Duration::from_secs(20));
    assert!(!pr.root().join("build").exists());
}

#[test]
fn a_text_may_not_come_from_the_output_folder() {
    let pr = Pr::new();
    pr.write("build/feuille-de-route.md", "# Ancien document\n");
    pr.append("\nsections:\n  - id: boucle\n    partie: introduction\n    titre: Boucle\n    texte: { fichier: build/feuille-de-route.md }\n");
    let out = untouched_but(&pr, "roadmap/build", &["build", ROOT, "--format", "md"]);
    assert_eq!(out.code, 1, "{}", out.stderr);
    assert!(
        out.stderr
            .contains("« build/feuille-de-route.md » est dans le dossier de sortie de fdr"),
        "{}",
        out.stderr
    );
    assert!(out.stderr.contains("roadmap/feuille-de-route.yaml:"));
}

#[test]
fn a_period_of_centuries_is_refused_before_any_grid_is_drawn() {
    let pr = Pr::new();
    pr.replace(
        "    debut: 2024\n    fin: 2027",
        "    debut: 1900\n    fin: 2200",
    );
    let out = untouched_but(&pr, "", &["check", ROOT]);
    assert_eq!(out.code, 1, "{}", out.stderr);
    assert!(
        out.stderr.contains("fdr::date::periode_trop_longue"),
        "{}",
        out.stderr
    );
    assert!(
        out.stderr.contains("roadmap/feuille-de-route.yaml:14:10"),
        "{}",
        out.stderr
    );
}

/// `build` with a user template `templates/NAME` and the given limits.
fn build_with_template(
    pr: &Pr,
    name: &str,
    text: &str,
    format: &str,
    env: &[(&str, &str)],
) -> Outcome {
    pr.write(&format!("templates/{name}"), text);
    let before = pr.snapshot("roadmap/build");
    let started = Instant::now();
    let out = run(
        pr.cwd(),
        &["--color", "never", "build", ROOT, "--format", format],
        env,
        PDF_TIMEOUT,
    );
    assert!(started.elapsed() < Duration::from_secs(50));
    assert_eq!(pr.snapshot("roadmap/build"), before);
    assert_eq!(out.code, 1, "{}", out.stderr);
    assert!(
        out.stderr.contains(&format!("roadmap/templates/{name}")),
        "{}",
        out.stderr
    );
    assert!(!pr.root().join("build").exists(), "nothing is written");
    let code = if format == "pdf" {
        "fdr::pdf::compilation"
    } else {
        "fdr::gabarit::erreur"
    };
    assert!(
        out.stderr.starts_with(&format!("{code}\n")),
        "{}",
        out.stderr
    );
    out
}

#[test]
fn a_template_that_doubles_a_string_hits_its_memory_ceiling() {
    let pr = Pr::new();
    let doubling = "{% set ns = namespace(s=\"x\") %}{% for i in range(40) %}{% set ns.s = ns.s ~ ns.s %}{% endfor %}{{ ns.s | length }}\n";
    let out = build_with_template(
        &pr,
        "feuille-de-route.md.j2",
        doubling,
        "md",
        &[("FDR_LIMITE_GABARIT_MIO", "512")],
    );
    assert!(
        out.stderr.contains("dépassé la mémoire permise (512 Mio)"),
        "{}",
        out.stderr
    );
}

#[test]
fn a_typst_template_that_never_ends_is_stopped() {
    let pr = Pr::new();
    let looping = "#for i in range(100000) { for j in range(100000) { } }\n";
    let out = build_with_template(
        &pr,
        "feuille-de-route.typ",
        looping,
        "pdf",
        &[("FDR_LIMITE_GABARIT_SECONDES", "5")],
    );
    assert!(
        out.stderr.contains("n'a pas terminé en 5 s"),
        "{}",
        out.stderr
    );
}

#[test]
fn a_user_template_error_keeps_its_file_and_line() {
    let pr = Pr::new();
    let out = build_with_template(
        &pr,
        "feuille-de-route.html.j2",
        "<p>\n{{ couverture.titre | inconnu }}\n",
        "html",
        &[],
    );
    assert!(
        out.stderr
            .contains("[roadmap/templates/feuille-de-route.html.j2:2:"),
        "{}",
        out.stderr
    );
    assert!(out.stderr.contains("× filtre inconnu"), "{}", out.stderr);
}

// ---------------------------------------------------------------------------
// Composable templates (issue « Architecture for growth »): one small file
// changes one thing, the rest stays the built-in's.
// ---------------------------------------------------------------------------

fn build_html(pr: &Pr) -> String {
    let out = pr.fdr(&["build", ROOT, "--format", "html"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    std::fs::read_to_string(pr.root().join("build/feuille-de-route.html")).unwrap()
}

#[test]
fn one_small_file_changes_only_the_colours() {
    let pr = Pr::new();
    let builtin = build_html(&pr);
    pr.write(
        "templates/html/couleurs.css",
        ":root { --bleu: #8b0000; --bleu-clair: #fde3e3; --gris: #3a3a3a; --gris-clair: #f6f6f6; --bord: #929292; --rouge: #c9191e; }\n",
    );
    let red = build_html(&pr);
    assert!(red.contains("--bleu: #8b0000"), "the new colour");
    assert!(!red.contains("--bleu: #000091"), "the old colour is gone");
    assert_eq!(
        red.replace("#8b0000", "#000091")
            .replace("#fde3e3", "#e3e3fd"),
        builtin,
        "nothing else changed"
    );
}

#[test]
fn one_block_of_the_built_in_layout_is_overridden_by_extending_it() {
    let pr = Pr::new();
    pr.write(
        "templates/feuille-de-route.html.j2",
        "{% extends \"fdr/feuille-de-route.html.j2\" %}{% block couverture %}<header class=\"couverture\"><h1>Couverture maison : {{ couverture.territoire }}</h1></header>{% endblock %}\n",
    );
    let html = build_html(&pr);
    assert!(html.contains("<h1>Couverture maison : Département exemple</h1>"));
    assert!(
        html.contains("id=\"titre-sommaire\""),
        "the rest is the built-in's"
    );
}

#[test]
fn one_partial_replaces_one_annex_only() {
    let pr = Pr::new();
    pr.append("\nannexes:\n  - id: acteurs\n    titre: Les acteurs\n    contenu: acteurs\n  - id: gouvernance\n    titre: La gouvernance\n    contenu: gouvernance\n");
    let builtin = build_html(&pr);
    pr.write(
        "templates/html/annexe-acteurs.html.j2",
        "<p class=\"maison\">{{ an.acteurs | length }} catégories</p>\n",
    );
    let html = build_html(&pr);
    assert!(html.contains("<p class=\"maison\">"), "the partial is used");
    let tail = |h: &str| h[h.find("id=\"annexe-2\"").unwrap()..].to_string();
    assert_eq!(tail(&html), tail(&builtin), "the other annex is unchanged");
}

#[test]
fn thousands_of_cross_references_are_refused_with_their_file() {
    let pr = Pr::new();
    let refs = "Voir [](#action:rencontres). ".repeat(1_001);
    pr.write("textes/renvois.md", &format!("{refs}\n"));
    pr.append("\nsections:\n  - id: renvois\n    partie: introduction\n    titre: Renvois\n    texte: { fichier: textes/renvois.md }\n");
    let out = untouched_but(&pr, "roadmap/build", &["build", ROOT, "--format", "md"]);
    assert_eq!(out.code, 1, "{}", out.stderr);
    assert!(
        out.stderr.contains("fdr::texte::trop_de_renvois"),
        "{}",
        out.stderr
    );
    assert!(
        out.stderr.contains("roadmap/textes/renvois.md"),
        "{}",
        out.stderr
    );
    // A thousand are accepted.
    pr.write(
        "textes/renvois.md",
        &"Voir [](#action:rencontres). ".repeat(1_000),
    );
    let out = pr.fdr(&["check", ROOT]);
    assert_eq!(out.code, 0, "{}", out.stderr);
}

fn build_pdf(pr: &Pr) -> PathBuf {
    let out = run(
        pr.cwd(),
        &["--color", "never", "build", ROOT, "--format", "pdf"],
        &[],
        PDF_TIMEOUT,
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
    pr.root().join("build/feuille-de-route.pdf")
}

/// Colour (r, g, b) of the first page at (x, y), in fractions of its size.
fn pixel(pdf: &Path, x: f64, y: f64) -> (u8, u8, u8) {
    let base = pdf.with_extension("");
    let ok = std::process::Command::new("pdftoppm")
        .args(["-r", "20", "-f", "1", "-l", "1", "-singlefile"])
        .arg(pdf)
        .arg(&base)
        .status()
        .expect("pdftoppm (poppler-utils)")
        .success();
    assert!(ok);
    let ppm = std::fs::read(base.with_extension("ppm")).unwrap();
    // P6 header: magic, width, height, maxval, then one whitespace.
    let mut fields = Vec::new();
    let mut at = 0;
    while fields.len() < 4 {
        let start = at;
        while !ppm[at].is_ascii_whitespace() {
            at += 1;
        }
        fields.push(String::from_utf8_lossy(&ppm[start..at]).into_owned());
        at += 1;
    }
    let (w, h): (usize, usize) = (fields[1].parse().unwrap(), fields[2].parse().unwrap());
    let (px, py) = ((w as f64 * x) as usize, (h as f64 * y) as usize);
    let i = at + 3 * (py * w + px);
    (ppm[i], ppm[i + 1], ppm[i + 2])
}

fn pdf_text(pdf: &Path) -> String {
    let o = std::process::Command::new("pdftotext")
        .arg(pdf)
        .arg("-")
        .output()
        .expect("pdftotext (poppler-utils)");
    String::from_utf8_lossy(&o.stdout).into_owned()
}

#[test]
fn one_small_typst_file_changes_only_the_pdf_colours() {
    let pr = Pr::new();
    let pdf = build_pdf(&pr);
    assert_eq!(
        pixel(&pdf, 0.5, 0.1),
        (0, 0, 145),
        "the built-in blue cover"
    );
    let builtin_text = pdf_text(&pdf);
    pr.write(
        "templates/couleurs.typ",
        "#let bleu = rgb(\"#8b0000\")\n#let bleu-clair = rgb(\"#fde3e3\")\n#let gris = rgb(\"#3a3a3a\")\n#let gris-clair = rgb(\"#f0f0f0\")\n#let bord = rgb(\"#929292\")\n#let rouge = rgb(\"#c9191e\")\n",
    );
    let pdf = build_pdf(&pr);
    assert_eq!(pixel(&pdf, 0.5, 0.1), (139, 0, 0), "a red cover");
    assert_eq!(pdf_text(&pdf), builtin_text, "the same text");
}

#[test]
fn one_typst_file_replaces_one_annex_only() {
    let pr = Pr::new();
    pr.append("\nannexes:\n  - id: acteurs\n    titre: Les acteurs\n    contenu: acteurs\n  - id: gouvernance\n    titre: La gouvernance\n    contenu: gouvernance\n");
    let builtin = pdf_text(&build_pdf(&pr));
    pr.write(
        "templates/annexe-acteurs.typ",
        "#import \"fdr.typ\": *\n#let acteurs(a) = note[Annexe maison : #a.h.texte]\n",
    );
    let text = pdf_text(&build_pdf(&pr));
    assert!(
        text.contains("Annexe maison : Annexe 1 — Les acteurs"),
        "{text}"
    );
    assert!(!text.contains("Association de médiation numérique\n\nAnnexe 2"));
    let tail = |t: &str| t[t.rfind("Annexe 2 — La gouvernance").unwrap()..].to_string();
    assert_eq!(tail(&text), tail(&builtin), "the other annex is unchanged");
}

#[test]
fn an_error_in_a_typst_library_file_names_that_file() {
    let pr = Pr::new();
    pr.write("templates/couleurs.typ", "#let bleu = rgb(\"#8b0000\"\n");
    let out = run(
        pr.cwd(),
        &["--color", "never", "build", ROOT, "--format", "pdf"],
        &[],
        PDF_TIMEOUT,
    );
    assert_eq!(out.code, 1, "{}", out.stderr);
    assert!(
        out.stderr.starts_with("fdr::pdf::compilation\n"),
        "{}",
        out.stderr
    );
    assert!(
        out.stderr.contains("[roadmap/templates/couleurs.typ:1:16]"),
        "{}",
        out.stderr
    );
}
