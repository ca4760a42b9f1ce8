//! `fdr bilan DIR --au DATE [--depuis REV]`: the progress report at a date
//! the user gives (the clock is never read). The sources are checked as by
//! `check`, plus one rule of the date: no measurement after it. With
//! `--depuis`, the revision of the last report is read as `fdr diff` reads
//! one, and what changed since is added. Files are written as `build`
//! writes them (`write`), through the user's templates in a limited child
//! process when the roadmap has some (`isolate`).

use super::{EXIT_INVALID, Failure, Output, isolate, write};
use crate::cli::BilanArgs;
use crate::model::{DateFlou, Precision};
use crate::render::bilan::{self, BilanView};
use crate::render::templates::TemplateError;
use crate::{compute, validate};

/// The report date: a whole date, `AAAA-MM-JJ`.
fn report_date(raw: &str) -> Result<DateFlou, Failure> {
    let bad = |why: String| {
        Failure::Usage(format!(
            "--au {raw} : {why} ; la date du bilan s'écrit AAAA-MM-JJ (2026-11-27)"
        ))
    };
    let d = DateFlou::parse(raw).map_err(bad)?;
    if d.precision != Precision::Jour {
        return Err(bad("une date au jour près est attendue".into()));
    }
    Ok(d)
}

/// The formats asked for (md, html, pdf by default).
fn formats(args: &BilanArgs) -> Result<Vec<&'static str>, Failure> {
    super::report_formats(&args.sortie.format, "le bilan")
}

/// Check the roadmap at the report date, report its diagnostics, compare
/// with `--depuis` and build the view; `None` when a side has errors.
fn view_of(args: &BilanArgs, out: &Output) -> Result<Option<BilanView>, Failure> {
    let au = report_date(&args.au)?;
    let output = args.output_dir();
    if !args.dir.is_dir() {
        return Err(crate::load::LoadError::NotADirectory(args.dir.clone()).into());
    }
    super::build::check_output(&args.dir, &output)?;
    let mut checked = validate::check_at(&args.dir, Some(&output), Some(au))?;
    if args.deny_warnings {
        checked.diags.deny_warnings();
    }
    if !checked.diags.items.is_empty() {
        out.report(&checked.diags, &checked.sources);
    }
    let Some(model) = checked.model.take().filter(|_| !checked.diags.has_errors()) else {
        return Ok(None);
    };
    let since = match &args.depuis {
        Some(rev) => {
            let Some(side) = super::diff::side(rev, &args.dir)? else {
                return Ok(None);
            };
            let Some(old) = super::diff::model(&side.dir, rev, out)? else {
                return Ok(None);
            };
            let mesures = compute::bilan::nouvelles_mesures(&old, &model);
            Some((compute::diff::diff(&old, &model), mesures))
        }
        None => None,
    };
    let figures = compute::bilan::bilan(&model, au);
    let depuis = since.as_ref().map(|(diff, mesures)| bilan::Depuis {
        diff,
        rev: args.depuis.as_deref().unwrap_or_default(),
        mesures,
    });
    Ok(Some(bilan::build(&model, &figures, depuis)))
}

pub(super) fn run(args: &BilanArgs, out: &Output) -> Result<u8, Failure> {
    let formats = formats(args)?;
    let Some(view) = view_of(args, out)? else {
        return Ok(EXIT_INVALID);
    };
    // Render everything first: nothing is written if any format fails.
    let mut files: Vec<(String, Vec<u8>)> = Vec::new();
    for format in formats {
        let rendered = if isolate::user_templates(&args.dir) {
            isolate::render_bilan(args, format, bilan::render::template(format))
        } else {
            bilan::render::render(&args.dir, format, &view)
        };
        match rendered {
            Ok(bytes) => files.push((bilan::render::file_name(&view, format), bytes)),
            Err(e) => {
                eprintln!(
                    "erreur [{}] : {e}",
                    crate::diagnostic::codes::GABARIT_ERREUR
                );
                return Ok(EXIT_INVALID);
            }
        }
    }
    let output = args.output_dir();
    write::output_folder(&output, &args.dir)?;
    for (name, _) in &files {
        write::replaceable(&output, name)?;
    }
    for (name, bytes) in &files {
        write::replace(&output, name, bytes)?;
        if !out.quiet {
            eprintln!("écrit : {}", output.join(name).display());
        }
    }
    Ok(0)
}

/// The child's side (`fdr rendu-isole-bilan …`): one format on standard
/// output, as [`isolate::run_child`].
pub(super) fn run_child(args: &BilanArgs, out: &Output) -> Result<u8, Failure> {
    let [format] = formats(args)?[..] else {
        return Err(Failure::Usage("rendu-isole-bilan : un seul format".into()));
    };
    let rendered: Option<Result<Vec<u8>, TemplateError>> =
        view_of(args, out)?.map(|view| bilan::render::render(&args.dir, format, &view));
    isolate::child_output(rendered)
}
