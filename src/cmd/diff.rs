//! `fdr diff OLD [NEW]`: what a change does to the roadmap. Each side is a
//! roadmap folder or a git revision of the current repository; a revision's
//! files are read by [`git`] into a private temporary folder (the work tree
//! is never touched).

mod git;

use super::{EXIT_INVALID, Failure, Output};
use crate::cli::{DiffArgs, DiffFormat};
use crate::compute::diff::diff;
use crate::model::Roadmap;
use crate::validate;
use std::path::{Path, PathBuf};
use tempfile::TempDir;

/// A side ready to check: its folder, and the temporary folder holding it.
pub(super) struct Side {
    pub(super) dir: PathBuf,
    _tmp: Option<TempDir>,
}

/// The roadmap folder of `spec`: a folder as is, or a revision extracted.
/// `Ok(None)`: the revision is refused (the reason is printed).
pub(super) fn side(spec: &str, chemin: &Path) -> Result<Option<Side>, Failure> {
    let as_dir = Path::new(spec);
    if as_dir.is_dir() {
        return Ok(Some(Side {
            dir: as_dir.to_path_buf(),
            _tmp: None,
        }));
    }
    let commit = git::resolve(spec)?;
    let inside = git::inside(chemin)?;
    let tmp = tempfile::Builder::new()
        .prefix("fdr-diff-")
        .tempdir()
        .map_err(|e| Failure::Io(format!("dossier temporaire : {e}")))?;
    let Some(extracted) = git::extract(&commit, &inside, tmp.path())? else {
        return Err(Failure::Usage(format!(
            "la révision « {spec} » ne contient pas le dossier « {} »",
            if inside.is_empty() { "." } else { &inside }
        )));
    };
    for name in &extracted.skipped {
        eprintln!(
            "révision « {spec} » : nom de fichier qui n'est pas en UTF-8 ignoré : « {name} »"
        );
    }
    if let Some(why) = extracted.refused {
        eprintln!("la version « {spec} » est refusée : {why}");
        return Ok(None);
    }
    Ok(Some(Side {
        dir: tmp.path().to_path_buf(),
        _tmp: Some(tmp),
    }))
}

/// Errors that leave a complete model worth comparing: the diff reports them.
const COMPARABLE: &[&str] = &[crate::diagnostic::codes::FINANCEMENT_ENVELOPPE_DEPASSEE];

pub(super) fn model(dir: &Path, label: &str, out: &Output) -> Result<Option<Roadmap>, Failure> {
    let checked = validate::check(dir, Some(&dir.join("build")))?;
    let blocking = checked
        .diags
        .items
        .iter()
        .any(|d| d.is_error() && !COMPARABLE.contains(&d.code));
    if blocking || checked.model.is_none() {
        eprintln!("la version « {label} » contient des erreurs :");
        out.report(&checked.diags, &checked.sources);
        return Ok(None);
    }
    Ok(checked.model)
}

pub fn run(args: &DiffArgs, out: &Output) -> Result<u8, Failure> {
    let new_spec = args
        .new
        .clone()
        .unwrap_or_else(|| args.chemin.to_string_lossy().into_owned());
    let (Some(old_side), Some(new_side)) = (
        side(&args.old, &args.chemin)?,
        side(&new_spec, &args.chemin)?,
    ) else {
        return Ok(EXIT_INVALID);
    };
    let (Some(old), Some(new)) = (
        model(&old_side.dir, &args.old, out)?,
        model(&new_side.dir, &new_spec, out)?,
    ) else {
        return Ok(EXIT_INVALID);
    };
    let d = diff(&old, &new);
    match args.format {
        DiffFormat::Markdown => print!(
            "{}",
            crate::render::diff_md::render(&d, &args.old, &new_spec)
        ),
        DiffFormat::Json => {
            println!(
                "{}",
                serde_json::to_string_pretty(&d).map_err(|e| Failure::Io(e.to_string()))?
            )
        }
    }
    Ok(0)
}
