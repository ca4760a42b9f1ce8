//! `fdr watch DIR`: build, then rebuild on every change of the sources
//! (debounced). A broken edit prints its diagnostics and keeps the last good
//! outputs, since a failed build writes nothing.

use super::{Failure, Output, build};
use crate::cli::{BuildArgs, WatchArgs};
use notify::{RecursiveMode, Watcher};
use std::path::Path;
use std::sync::mpsc;
use std::time::Duration;

/// Quiet time after the last change before rebuilding.
const DEBOUNCE: Duration = Duration::from_millis(250);

fn relevant(path: &Path, output: &Path) -> bool {
    if path.starts_with(output) {
        return false;
    }
    let hidden = path
        .components()
        .any(|c| c.as_os_str().to_string_lossy().starts_with('.'));
    let ext = path.extension().and_then(|e| e.to_str()).unwrap_or("");
    !hidden && matches!(ext, "yaml" | "yml" | "md" | "j2" | "typ")
}

pub fn run(args: &WatchArgs, out: &Output) -> Result<u8, Failure> {
    let build_args = BuildArgs::rebuild(&args.dir, args.output.as_deref(), args.format.clone());
    let output = build_args.output_dir();
    let rebuild = || match build::run(&build_args, out) {
        Ok(0) => eprintln!("fdr watch : documents à jour ; en attente de modifications…"),
        Ok(_) => {
            eprintln!("fdr watch : erreurs ci-dessus ; les documents précédents sont conservés.")
        }
        Err(e) => eprintln!("erreur : {e}"),
    };
    rebuild();
    watch_sources(&args.dir, &output, rebuild)?;
    Ok(0)
}

/// Call `on_change` after each burst of changes to the sources of `dir`
/// (the output folder and hidden entries excepted). Runs until the watcher
/// stops.
pub(super) fn watch_sources(
    dir: &Path,
    output: &Path,
    mut on_change: impl FnMut(),
) -> Result<(), Failure> {
    let (tx, rx) = mpsc::channel();
    let mut watcher = notify::recommended_watcher(move |ev: notify::Result<notify::Event>| {
        if let Ok(ev) = ev {
            let _ = tx.send(ev);
        }
    })
    .map_err(|e| Failure::Io(format!("surveillance impossible : {e}")))?;
    watcher.watch(dir, RecursiveMode::Recursive).map_err(|e| {
        Failure::Io(format!(
            "surveillance de {} impossible : {e}",
            dir.display()
        ))
    })?;
    let output_abs = output.canonicalize().unwrap_or(output.to_path_buf());
    let dir_abs = dir.canonicalize().unwrap_or(dir.to_path_buf());
    let is_relevant = |ev: &notify::Event| {
        ev.paths.iter().any(|p| {
            let rel = p.strip_prefix(&dir_abs).unwrap_or(p);
            relevant(
                rel,
                output_abs.strip_prefix(&dir_abs).unwrap_or(&output_abs),
            ) && !p.starts_with(&output_abs)
        })
    };
    loop {
        let Ok(ev) = rx.recv() else { return Ok(()) };
        if !is_relevant(&ev) {
            continue;
        }
        // Debounce: wait until the sources have been quiet for a moment.
        while rx.recv_timeout(DEBOUNCE).is_ok() {}
        on_change();
    }
}
