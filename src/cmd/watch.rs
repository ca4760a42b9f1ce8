//! `fdr watch DIR`: build, then rebuild on every change of the sources
//! (debounced by `notify-debouncer-full`). A broken edit prints its
//! diagnostics and keeps the last good outputs, since a failed build writes
//! nothing.
//!
//! Every real directory of the roadmap is watched on its own, without
//! recursion: a symbolic link to a directory is never followed, so a link to
//! `/usr` or `/` inside the roadmap adds no watch. Hidden directories and
//! the output folder are not watched.

use super::{Failure, Output, build};
use crate::cli::{BuildArgs, WatchArgs};
use notify::EventKind;
use notify::RecursiveMode;
use notify::event::{AccessKind, AccessMode};
use notify_debouncer_full::{
    DebounceEventResult, DebouncedEvent, Debouncer, RecommendedCache, new_debouncer,
};
use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::Duration;

/// Quiet time after the last change of a file before rebuilding.
const DEBOUNCE: Duration = Duration::from_millis(250);

/// Most directories watched; beyond, the others are left out with a warning.
const MAX_WATCHED_DIRS: usize = 2048;

pub fn run(args: &WatchArgs, out: &Output) -> Result<u8, Failure> {
    let build_args = BuildArgs::rebuild(
        &args.dir,
        args.sortie.output.as_deref(),
        args.sortie.format.clone(),
    );
    let output = build_args.output_dir();
    let rebuild = || match build::run(&build_args, out) {
        Ok(0) => eprintln!("fdr watch : documents à jour ; en attente de modifications…"),
        Ok(_) => {
            eprintln!("fdr watch : erreurs ci-dessus ; les documents précédents sont conservés.")
        }
        Err(e) => eprintln!("erreur : {e}"),
    };
    watch_sources(&args.dir, &output, rebuild)?;
    Ok(0)
}

/// `p` made absolute: its longest existing ancestor resolved physically
/// (links, `..`), the rest appended as written. Works for an output folder
/// that does not exist yet, so that it compares with the absolute paths
/// the watcher reports.
fn absolute(p: &Path) -> PathBuf {
    let abs = std::path::absolute(p).unwrap_or_else(|_| p.to_path_buf());
    let mut missing = Vec::new();
    let mut cur = abs.as_path();
    loop {
        if let Ok(real) = cur.canonicalize() {
            return missing.iter().rev().fold(real, |acc, part| acc.join(part));
        }
        match (cur.parent(), cur.file_name()) {
            (Some(parent), Some(name)) => {
                missing.push(name.to_os_string());
                cur = parent;
            }
            _ => return abs,
        }
    }
}

fn hidden(name: &std::ffi::OsStr) -> bool {
    name.to_string_lossy().starts_with('.')
}

/// The roadmap folder and its output folder, both absolute.
struct Roots {
    dir: PathBuf,
    output: PathBuf,
}

impl Roots {
    /// A change of `path` calls for a rebuild: a source (YAML, Markdown,
    /// template), not hidden, outside the output folder.
    fn relevant(&self, path: &Path) -> bool {
        if path.starts_with(&self.output) {
            return false;
        }
        let Ok(rel) = path.strip_prefix(&self.dir) else {
            return false;
        };
        let ext = path.extension().and_then(|e| e.to_str()).unwrap_or("");
        !rel.components().any(|c| hidden(c.as_os_str()))
            && matches!(ext, "yaml" | "yml" | "md" | "j2" | "typ")
    }

    /// `ev` changed a source: reading a file (which the build itself does)
    /// is no change.
    fn changed(&self, ev: &DebouncedEvent) -> bool {
        let write = match ev.kind {
            EventKind::Access(AccessKind::Close(AccessMode::Write)) => true,
            EventKind::Access(_) => false,
            _ => true,
        };
        write && ev.paths.iter().any(|p| self.relevant(p))
    }

    /// The real directories to watch: walked without following links,
    /// hidden ones and the output folder left out.
    fn directories(&self) -> Vec<PathBuf> {
        walkdir::WalkDir::new(&self.dir)
            .follow_links(false)
            .into_iter()
            .filter_entry(|e| {
                e.depth() == 0
                    || (e.file_type().is_dir()
                        && !hidden(e.file_name())
                        && !e.path().starts_with(&self.output))
            })
            .filter_map(Result::ok)
            .filter(|e| e.file_type().is_dir())
            .map(walkdir::DirEntry::into_path)
            .collect()
    }
}

type Debounced = Debouncer<notify::RecommendedWatcher, RecommendedCache>;

/// Watch the directories not watched yet; forget those that are gone.
fn refresh(debouncer: &mut Debounced, roots: &Roots, watched: &mut HashSet<PathBuf>) {
    watched.retain(|d| {
        let keep = d.is_dir();
        if !keep {
            let _ = debouncer.unwatch(d);
        }
        keep
    });
    for d in roots.directories() {
        if watched.contains(&d) {
            continue;
        }
        if watched.len() >= MAX_WATCHED_DIRS {
            eprintln!(
                "attention : plus de {MAX_WATCHED_DIRS} dossiers ; les suivants ne sont pas surveillés"
            );
            return;
        }
        match debouncer.watch(&d, RecursiveMode::NonRecursive) {
            Ok(()) => {
                watched.insert(d);
            }
            Err(e) => eprintln!(
                "attention : surveillance de {} impossible : {e}",
                d.display()
            ),
        }
    }
}

/// Call `on_change` once the sources of `dir` are watched (the first
/// build: a change made while it runs is not missed), then after each burst
/// of changes to them (the output folder and hidden entries excepted).
/// Runs until the watcher stops.
pub(super) fn watch_sources(
    dir: &Path,
    output: &Path,
    mut on_change: impl FnMut(),
) -> Result<(), Failure> {
    if !dir.is_dir() {
        return Err(crate::load::LoadError::NotADirectory(dir.to_path_buf()).into());
    }
    let roots = Roots {
        dir: dir
            .canonicalize()
            .map_err(|e| Failure::Io(format!("{} : {e}", dir.display())))?,
        output: absolute(output),
    };
    let (tx, rx) = mpsc::channel::<DebounceEventResult>();
    let mut debouncer = new_debouncer(DEBOUNCE, None, tx)
        .map_err(|e| Failure::Io(format!("surveillance impossible : {e}")))?;
    debouncer
        .watch(&roots.dir, RecursiveMode::NonRecursive)
        .map_err(|e| {
            Failure::Io(format!(
                "surveillance de {} impossible : {e}",
                dir.display()
            ))
        })?;
    let mut watched = HashSet::from([roots.dir.clone()]);
    refresh(&mut debouncer, &roots, &mut watched);
    on_change();
    while let Ok(batch) = rx.recv() {
        match batch {
            Ok(events) => {
                refresh(&mut debouncer, &roots, &mut watched);
                if events.iter().any(|ev| roots.changed(ev)) {
                    on_change();
                }
            }
            Err(errors) => {
                for e in errors {
                    eprintln!("attention : surveillance : {e}");
                }
            }
        }
    }
    Ok(())
}
