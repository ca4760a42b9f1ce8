//! `fdr diff OLD [NEW]`: what a change does to the roadmap. Each side is a
//! roadmap folder or a git revision of the current repository, read with
//! `git show` into a temporary folder (the work tree is never touched).

use super::{EXIT_INVALID, Failure, Output};
use crate::cli::{DiffArgs, DiffFormat};
use crate::compute::diff::diff;
use crate::model::Roadmap;
use crate::validate;
use std::path::{Path, PathBuf};
use std::process::Command;

fn git(args: &[&str]) -> Result<Vec<u8>, Failure> {
    let o = Command::new("git")
        .args(args)
        .output()
        .map_err(|e| Failure::Io(format!("git introuvable : {e}")))?;
    if !o.status.success() {
        return Err(Failure::Usage(format!(
            "git {} : {}",
            args.join(" "),
            String::from_utf8_lossy(&o.stderr).trim()
        )));
    }
    Ok(o.stdout)
}

/// The roadmap folder of `side`: a folder as is, or a revision extracted.
fn side(spec: &str, chemin: &Path, tmp: &Path) -> Result<PathBuf, Failure> {
    let as_dir = Path::new(spec);
    if as_dir.is_dir() {
        return Ok(as_dir.to_path_buf());
    }
    let rev = spec.trim();
    // Path of the roadmap inside the repository.
    let prefix = String::from_utf8_lossy(&git(&["rev-parse", "--show-prefix"])?)
        .trim()
        .to_string();
    let inside = format!(
        "{prefix}{}",
        chemin.to_string_lossy().trim_start_matches("./")
    );
    let inside = inside
        .trim_end_matches('/')
        .trim_end_matches('.')
        .trim_end_matches('/')
        .to_string();
    let tree_arg = if inside.is_empty() {
        rev.to_string()
    } else {
        format!("{rev}:{inside}")
    };
    let kind = git(&["cat-file", "-t", &tree_arg]).unwrap_or_default();
    if String::from_utf8_lossy(&kind).trim() != "tree" {
        return Err(Failure::Usage(format!(
            "« {spec} » n'est ni un dossier ni une révision git contenant « {} »",
            chemin.display()
        )));
    }
    let list = git(&["ls-tree", "-r", "-z", "--name-only", &tree_arg])?;
    let dest = tmp.join(rev.replace(['/', ':', '~', '^'], "_"));
    for name in list.split(|b| *b == 0).filter(|n| !n.is_empty()) {
        let name = String::from_utf8_lossy(name).to_string();
        let keep = name.ends_with(".yaml")
            || name.ends_with(".yml")
            || name.ends_with(".md")
            || name.starts_with("templates/");
        if !keep || name.split('/').any(|c| c == "..") {
            continue;
        }
        let blob = git(&["show", &format!("{tree_arg}/{name}")])?;
        let path = dest.join(&name);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).map_err(|e| Failure::Io(e.to_string()))?;
        }
        std::fs::write(&path, blob).map_err(|e| Failure::Io(e.to_string()))?;
    }
    std::fs::create_dir_all(&dest).map_err(|e| Failure::Io(e.to_string()))?;
    Ok(dest)
}

/// Errors that leave a complete model worth comparing: the diff reports them.
const COMPARABLE: &[&str] = &["fdr::financement::enveloppe_depassee"];

fn model(dir: &Path, label: &str, out: &Output) -> Result<Option<Roadmap>, Failure> {
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
    let tmp = tempdir()?;
    let new_spec = args
        .new
        .clone()
        .unwrap_or_else(|| args.chemin.to_string_lossy().into_owned());
    let old_dir = side(&args.old, &args.chemin, tmp.path())?;
    let new_dir = side(&new_spec, &args.chemin, tmp.path())?;
    let (Some(old), Some(new)) = (
        model(&old_dir, &args.old, out)?,
        model(&new_dir, &new_spec, out)?,
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

/// A temporary folder removed on drop.
struct TempDir(PathBuf);

impl TempDir {
    fn path(&self) -> &Path {
        &self.0
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn tempdir() -> Result<TempDir, Failure> {
    let base = std::env::temp_dir().join(format!("fdr-diff-{}", std::process::id()));
    std::fs::create_dir_all(&base).map_err(|e| Failure::Io(e.to_string()))?;
    Ok(TempDir(base))
}
