//! What makes `fdr build` fail after the check — a template, typst, the
//! writing of a document — is a diagnostic like the sources' (issue #12):
//! a code of the catalogue, the template's line underlined (also when the
//! template ran in its isolated child process), one report in every format
//! of `--diagnostics`, `--quiet` included, and the exit codes of before: 1
//! for a template or the PDF, 2 for a document that cannot be written.

mod common;

use common::*;
use serde_json::Value;
use std::path::Path;
use tempfile::TempDir;

/// A small valid roadmap whose `templates/feuille-de-route.md.j2` has a
/// syntax error on line 4, column 17 (`{{ axe.titre }`).
const FIXTURE: &str = "gabarit-syntaxe";

const TEMPLATE_PLACE: &str = "[roadmap/templates/feuille-de-route.md.j2:4:17]";

fn fdr(cwd: &Path, args: &[&str]) -> Outcome {
    let mut all = vec!["--color", "never"];
    all.extend_from_slice(args);
    run(cwd, &all, &[], PDF_TIMEOUT)
}

/// `fdr build roadmap -o sortie --format FORMATS` and `extra`, in `tmp`.
fn build(tmp: &TempDir, formats: &str, extra: &[&str]) -> Outcome {
    let mut args = vec!["build", ROOT, "-o", "sortie", "--format", formats];
    args.extend_from_slice(extra);
    fdr(tmp.path(), &args)
}

/// The fixture without its template: a roadmap that builds.
fn valid() -> TempDir {
    let tmp = sandbox(FIXTURE);
    std::fs::remove_dir_all(tmp.path().join(ROOT).join("templates")).unwrap();
    tmp
}

/// `--diagnostics json`: the exit code and the parsed diagnostics, after
/// checking that stderr has no report (only the files written).
fn json(tmp: &TempDir, formats: &str) -> (i32, Vec<Value>) {
    let out = build(tmp, formats, &["--diagnostics", "json"]);
    assert!(
        out.stderr.lines().all(|l| l.starts_with("écrit : ")),
        "no report on stderr: {}",
        out.stderr
    );
    (out.code, parse_json(&out.stdout))
}

#[test]
fn a_template_syntax_error_is_reported_at_its_line() {
    let tmp = sandbox(FIXTURE);
    let out = build(&tmp, "md", &[]);
    assert_eq!(out.code, 1, "{}", out.stderr);
    assert!(out.stdout.is_empty(), "{}", out.stdout);
    assert!(
        out.stderr.starts_with("fdr::gabarit::erreur\n"),
        "{}",
        out.stderr
    );
    assert_reports(&out, TEMPLATE_PLACE);
    assert_reports(&out, "\n 4 │ ## {{ axe.titre }\n");
    assert!(!tmp.path().join("sortie").exists(), "nothing is written");
    snapshot!(
        "gabarit-syntaxe",
        &transcript("--color never build roadmap -o sortie --format md", &out)
    );
    // Errors are never hidden: --quiet gives the same report.
    let quiet = build(&tmp, "md", &["--quiet"]);
    assert_eq!(quiet.code, 1);
    assert_eq!(quiet.stderr, out.stderr);
}

#[test]
fn a_template_syntax_error_in_every_diagnostics_format() {
    let tmp = sandbox(FIXTURE);
    let (code, diags) = json(&tmp, "md");
    assert_eq!(code, 1);
    assert_eq!(
        summarize(&diags),
        ["templates/feuille-de-route.md.j2:4:17 erreur fdr::gabarit::erreur"]
    );
    let d = &diags[0];
    assert_eq!(d["file"], "roadmap/templates/feuille-de-route.md.j2");
    assert!(
        d["message"]
            .as_str()
            .unwrap()
            .starts_with("erreur de syntaxe dans le gabarit"),
        "{d}"
    );
    assert!(d["help"].as_str().unwrap().contains("corrigez ce gabarit"));

    let github = build(&tmp, "md", &["--diagnostics", "github"]);
    assert_eq!(github.code, 1);
    assert!(
        github.stdout.starts_with(
            "::error file=roadmap/templates/feuille-de-route.md.j2,line=4,col=17,endLine=4,endColumn=18,title=fdr%3A%3Agabarit%3A%3Aerreur::erreur de syntaxe"
        ),
        "{}",
        github.stdout
    );

    let gitlab = build(&tmp, "md", &["--diagnostics", "gitlab"]);
    assert_eq!(gitlab.code, 1);
    let issues = parse_json(&gitlab.stdout);
    assert_eq!(issues.len(), 1, "{}", gitlab.stdout);
    assert_eq!(issues[0]["check_name"], "fdr::gabarit::erreur");
    assert_eq!(
        issues[0]["location"]["path"],
        "roadmap/templates/feuille-de-route.md.j2"
    );
    assert_eq!(issues[0]["location"]["lines"]["begin"], 4);
    assert!(!tmp.path().join("sortie").exists(), "nothing is written");
}

#[test]
fn the_sources_warnings_and_a_template_error_share_one_report() {
    let tmp = sandbox(FIXTURE);
    std::fs::write(
        tmp.path().join(ROOT).join("acteurs.yaml"),
        "acteurs:\n  - id: tpm\n    nom: Métropole Toulon Provence Méditerranée\n    categorie: epci\n",
    )
    .unwrap();
    let (code, diags) = json(&tmp, "md");
    assert_eq!(code, 1);
    assert_eq!(
        summarize(&diags),
        [
            "acteurs.yaml:2:9 avertissement fdr::acteur::inutilise",
            "templates/feuille-de-route.md.j2:4:17 erreur fdr::gabarit::erreur",
        ]
    );
    let human = build(&tmp, "md", &[]);
    assert!(
        human.stderr.ends_with("\n1 erreur, 1 avertissement\n"),
        "one summary for both: {}",
        human.stderr
    );
    assert_eq!(human.stderr.matches("1 erreur").count(), 1);
}

#[test]
fn a_folder_where_a_document_goes_is_a_diagnostic() {
    let tmp = valid();
    let folder = tmp.path().join("sortie/feuille-de-route.md");
    std::fs::create_dir_all(&folder).unwrap();
    let out = build(&tmp, "md,html", &[]);
    assert_eq!(out.code, 2, "{}", out.stderr);
    snapshot!(
        "sortie-dossier",
        &transcript(
            "--color never build roadmap -o sortie --format md,html",
            &out
        )
    );
    let (code, diags) = json(&tmp, "md,html");
    assert_eq!(code, 2, "exit code unchanged with --diagnostics json");
    assert_eq!(summarize(&diags), ["- erreur fdr::sortie::ecriture"]);
    assert!(folder.is_dir());
    assert_eq!(
        std::fs::read_dir(tmp.path().join("sortie"))
            .unwrap()
            .count(),
        1,
        "no document is written when one cannot be"
    );
}

#[test]
fn an_output_folder_where_a_file_stands_is_a_diagnostic() {
    // Root ignores permissions: a file in the way stops it too.
    let tmp = valid();
    std::fs::write(tmp.path().join("sortie"), "un fichier\n").unwrap();
    let (code, diags) = json(&tmp, "md");
    assert_eq!(code, 2);
    assert_eq!(summarize(&diags), ["- erreur fdr::sortie::ecriture"]);
    let message = diags[0]["message"].as_str().unwrap();
    assert!(
        message.starts_with("création du dossier de sortie « sortie » impossible : "),
        "{message}"
    );
    let out = build(&tmp, "md", &["--quiet"]);
    assert_eq!(out.code, 2);
    assert!(
        out.stderr.starts_with("fdr::sortie::ecriture\n"),
        "{}",
        out.stderr
    );
    assert!(out.stderr.ends_with("\n1 erreur, aucun avertissement\n"));
    assert_eq!(
        std::fs::read_to_string(tmp.path().join("sortie")).unwrap(),
        "un fichier\n"
    );
}

#[cfg(unix)]
#[test]
fn an_output_that_is_a_link_is_a_diagnostic() {
    let tmp = valid();
    std::fs::create_dir(tmp.path().join("sortie")).unwrap();
    std::os::unix::fs::symlink("ailleurs.md", tmp.path().join("sortie/feuille-de-route.md"))
        .unwrap();
    let (code, diags) = json(&tmp, "md");
    assert_eq!(code, 2);
    assert_eq!(summarize(&diags), ["- erreur fdr::sortie::lien_refuse"]);
    assert!(!tmp.path().join("sortie/ailleurs.md").exists());
}

#[test]
fn a_build_without_problem_prints_an_empty_json_array() {
    let tmp = valid();
    let (code, diags) = json(&tmp, "md");
    assert_eq!(code, 0);
    assert!(diags.is_empty(), "{diags:?}");
    assert!(tmp.path().join("sortie/feuille-de-route.md").is_file());
}

#[cfg(feature = "pdf")]
#[test]
fn a_typst_error_in_a_user_template_is_reported_at_its_line() {
    let tmp = valid();
    let templates = tmp.path().join(ROOT).join("templates");
    std::fs::create_dir(&templates).unwrap();
    std::fs::write(
        templates.join("feuille-de-route.typ"),
        "= Titre\n#let x = (1, 2\n",
    )
    .unwrap();
    let (code, diags) = json(&tmp, "pdf");
    assert_eq!(code, 1);
    assert_eq!(
        summarize(&diags),
        ["templates/feuille-de-route.typ:2:10 erreur fdr::pdf::compilation"]
    );
    assert!(
        diags[0]["help"]
            .as_str()
            .unwrap()
            .contains("corrigez ce gabarit"),
        "{}",
        diags[0]
    );
}

#[cfg(feature = "pdf")]
#[test]
fn an_error_of_the_built_in_pdf_template_names_the_user_overrides() {
    // The user's colours define nothing: the built-in library fails.
    let tmp = valid();
    let templates = tmp.path().join(ROOT).join("templates");
    std::fs::create_dir(&templates).unwrap();
    std::fs::write(templates.join("couleurs.typ"), "// vide\n").unwrap();
    let (code, diags) = json(&tmp, "pdf");
    assert_eq!(code, 1);
    assert_eq!(summarize(&diags), ["- erreur fdr::pdf::compilation"]);
    let message = diags[0]["message"].as_str().unwrap();
    assert!(
        message.starts_with("templates/typst/fdr.typ (intégré):"),
        "{message}"
    );
    let help = diags[0]["help"].as_str().unwrap();
    assert!(
        help.contains(
            "vos gabarits typst en remplacent une partie (roadmap/templates/couleurs.typ)"
        ),
        "{help}"
    );
}

#[cfg(feature = "pdf")]
#[test]
fn a_typst_warning_before_the_error_does_not_hide_it() {
    // The isolated child prints typst's warning (unknown font), then the
    // error: the parent reads the error.
    let tmp = valid();
    let templates = tmp.path().join(ROOT).join("templates");
    std::fs::create_dir(&templates).unwrap();
    std::fs::write(
        templates.join("feuille-de-route.typ"),
        "#set text(font: \"Inexistante\")\nBonjour\n#context { if here().page() > 0 { panic(\"non\") } }\n",
    )
    .unwrap();
    let (code, diags) = json(&tmp, "pdf");
    assert_eq!(code, 1);
    assert_eq!(
        summarize(&diags),
        ["templates/feuille-de-route.typ:3:35 erreur fdr::pdf::compilation"]
    );
    assert_eq!(
        diags[0]["message"],
        "erreur de gabarit typst : arrêt demandé par le gabarit : non"
    );
}
