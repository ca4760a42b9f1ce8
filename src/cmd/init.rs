//! `fdr init DIR`: a small valid roadmap, one file per fragment kind, with
//! the JSON Schema for editors, a .gitignore and CI files for GitHub and
//! GitLab. Never overwrites an existing file.

use super::{Failure, Output};
use crate::cli::InitArgs;

/// (path in the new roadmap, built-in content).
const FILES: &[(&str, &str)] = &[
    (
        "feuille-de-route.yaml",
        include_str!("../../templates/init/feuille-de-route.yaml"),
    ),
    (
        "acteurs.yaml",
        include_str!("../../templates/init/acteurs.yaml"),
    ),
    (
        "gouvernance.yaml",
        include_str!("../../templates/init/gouvernance.yaml"),
    ),
    ("axes.yaml", include_str!("../../templates/init/axes.yaml")),
    (
        "actions/1.1-premiere-action.yaml",
        include_str!("../../templates/init/actions/1.1-premiere-action.yaml"),
    ),
    (
        "financements.yaml",
        include_str!("../../templates/init/financements.yaml"),
    ),
    (
        "calendrier.yaml",
        include_str!("../../templates/init/calendrier.yaml"),
    ),
    (
        "textes/introduction.md",
        include_str!("../../templates/init/textes/introduction.md"),
    ),
    (".gitignore", include_str!("../../templates/init/gitignore")),
    (
        ".github/workflows/feuille-de-route.yml",
        include_str!("../../templates/init/github-workflow.yml"),
    ),
    (
        ".gitlab-ci.yml",
        include_str!("../../templates/init/gitlab-ci.yml"),
    ),
];

/// A value safe inside a double-quoted YAML string.
fn yaml_quoted(s: &str) -> String {
    s.replace('\\', "\\\\")
        .replace('"', "\\\"")
        .replace(['\n', '\r'], " ")
}

pub fn run(args: &InitArgs, out: &Output) -> Result<u8, Failure> {
    let schema = crate::validate::schema::fragment_schema_text();
    let mut files: Vec<(String, String)> = FILES
        .iter()
        .map(|(p, c)| {
            let c = c
                .replace("{{TERRITOIRE}}", &yaml_quoted(&args.territoire))
                .replace("{{CODE}}", &yaml_quoted(&args.code))
                .replace("{{VERSION}}", env!("CARGO_PKG_VERSION"));
            (p.to_string(), c)
        })
        .collect();
    files.push(("schemas/fragment.schema.json".into(), schema));
    let existing: Vec<&str> = files
        .iter()
        .map(|(p, _)| p.as_str())
        .filter(|p| std::fs::symlink_metadata(args.dir.join(p)).is_ok())
        .collect();
    if !existing.is_empty() {
        return Err(Failure::Usage(format!(
            "fdr init n'écrase rien : ces fichiers existent déjà dans {} : {}",
            args.dir.display(),
            existing.join(", ")
        )));
    }
    for (p, c) in &files {
        super::write::create_new(&args.dir.join(p), &args.dir, c.as_bytes())?;
    }
    if !out.quiet {
        eprintln!(
            "feuille de route créée dans {} ({} fichiers). Ensuite : fdr check {0} puis fdr build {0}",
            args.dir.display(),
            files.len()
        );
    }
    Ok(0)
}
