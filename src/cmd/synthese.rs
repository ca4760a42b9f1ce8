//! `fdr synthese DIR… -o OUT`: several roadmaps (one folder per
//! département) in one regional document. Each roadmap is checked as by
//! `check` and its diagnostics reported; the synthesis is written only
//! when none has errors. Built-in templates only (no roadmap's
//! `templates/` applies to a document none of them owns). Files are
//! written as `build` writes them (`write`).

use super::{EXIT_INVALID, Failure, Output, write};
use crate::cli::SyntheseArgs;
use crate::compute::{self, Computed};
use crate::model::Roadmap;
use crate::render::synthese::{self, render};
use crate::validate;
use std::path::PathBuf;

/// Every folder checked, its diagnostics reported; the models when none
/// has errors.
fn models(args: &SyntheseArgs, out: &Output) -> Result<Option<Vec<Roadmap>>, Failure> {
    let mut seen: Vec<PathBuf> = Vec::new();
    let mut models = Vec::new();
    let mut failed = false;
    for dir in &args.dirs {
        if !dir.is_dir() {
            return Err(crate::load::LoadError::NotADirectory(dir.clone()).into());
        }
        let real = dir
            .canonicalize()
            .map_err(|e| Failure::Io(format!("{} : {e}", dir.display())))?;
        if seen.contains(&real) {
            return Err(Failure::Usage(format!(
                "« {} » est donné deux fois : chaque feuille de route ne compte qu'une fois dans la synthèse",
                dir.display()
            )));
        }
        seen.push(real);
        super::build::check_output(dir, &args.output)?;
        let mut checked = validate::check(dir, Some(&args.output))?;
        if args.deny_warnings {
            checked.diags.deny_warnings();
        }
        if !checked.diags.items.is_empty() {
            out.report(&checked.diags, &checked.sources);
        }
        match checked.model.take().filter(|_| !checked.diags.has_errors()) {
            Some(m) => models.push(m),
            None => failed = true,
        }
    }
    Ok((!failed).then_some(models))
}

pub(super) fn run(args: &SyntheseArgs, out: &Output) -> Result<u8, Failure> {
    let formats = super::report_formats(&args.format, "la synthèse")?;
    let Some(models) = models(args, out)? else {
        return Ok(EXIT_INVALID);
    };
    let computed: Vec<Computed> = models.iter().map(compute::compute).collect();
    let pairs: Vec<(&Roadmap, &Computed)> = models.iter().zip(&computed).collect();
    let figures = compute::synthese::synthese(&pairs);
    let view = synthese::build(args.titre.as_deref(), &pairs, &figures);
    // Render everything first: nothing is written if any format fails.
    let mut files: Vec<(&str, Vec<u8>)> = Vec::new();
    for format in formats {
        match render::render(format, &view) {
            Ok(bytes) => files.push((render::file_name(format), bytes)),
            Err(e) => {
                eprintln!(
                    "erreur [{}] : {e}",
                    crate::diagnostic::codes::GABARIT_ERREUR
                );
                return Ok(EXIT_INVALID);
            }
        }
    }
    let output = &args.output;
    let guard = args.dirs.first().map_or(output.as_path(), PathBuf::as_path);
    write::output_folder(output, guard)?;
    for (name, _) in &files {
        write::replaceable(output, name)?;
    }
    for (name, bytes) in &files {
        write::replace(output, name, bytes)?;
        if !out.quiet {
            eprintln!("écrit : {}", output.join(name).display());
        }
    }
    Ok(0)
}
