//! A user's template (`DIR/templates/…`) is code from the pull request: it
//! runs in a child process of fdr (`fdr rendu-isole`, hidden) with a memory
//! ceiling and a time limit, so a template that doubles a string until the
//! machine swaps, loops in typst or aborts the engine ends in a template
//! error naming its file, never in a hung or killed build. Without
//! `DIR/templates/`, the built-in templates, whose work is bounded by the
//! input, run in process.
//!
//! The child writes the document on its standard output; a template error
//! as one line of JSON, its last on standard error (exit code 1), which
//! the parent reports as a diagnostic like an error of a rendering in
//! process.

use super::Failure;
use crate::cli::BuildArgs;
use crate::load::display_of;
use crate::render::templates::{self, Stage, TemplateError};
use std::io::Read;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// Time a user template may take, unless `FDR_LIMITE_GABARIT_SECONDES`.
const SECONDS: u64 = 300;
/// Memory (data segment and anonymous mappings) a user template may use, unless
/// `FDR_LIMITE_GABARIT_MIO`.
const MIB: u64 = 6 * 1024;
/// Largest document a user template may produce.
const MAX_OUTPUT: u64 = 1 << 30;

fn limit(var: &str, default: u64) -> u64 {
    std::env::var(var)
        .ok()
        .and_then(|v| v.trim().parse().ok())
        .filter(|v| *v > 0)
        .unwrap_or(default)
}

/// Whether the roadmap brings templates of its own (`DIR/templates/`):
/// any of them may be included by any format's template.
pub fn user_templates(dir: &Path) -> bool {
    std::fs::symlink_metadata(dir.join("templates")).is_ok()
}

/// Linux counts the heap and every private anonymous mapping in the data
/// limit, but not the mapped executable (700 Mio in a debug build);
/// elsewhere the address space is what can be capped.
#[cfg(target_os = "linux")]
const RESOURCE: libc::__rlimit_resource_t = libc::RLIMIT_DATA;
#[cfg(all(unix, not(target_os = "linux")))]
const RESOURCE: libc::c_int = libc::RLIMIT_AS;

#[cfg(unix)]
fn cap_memory(cmd: &mut Command, bytes: u64) {
    use std::os::unix::process::CommandExt;
    // SAFETY: the closure runs in the child between fork and exec; it only
    // calls setrlimit, which is async-signal-safe, and allocates nothing.
    unsafe {
        cmd.pre_exec(move || {
            let lim = libc::rlimit {
                rlim_cur: bytes as libc::rlim_t,
                rlim_max: bytes as libc::rlim_t,
            };
            if libc::setrlimit(RESOURCE, &lim) != 0 {
                return Err(std::io::Error::last_os_error());
            }
            Ok(())
        });
    }
}

#[cfg(not(unix))]
fn cap_memory(_: &mut Command, _: u64) {}

fn read_bounded(mut r: impl Read + Send + 'static) -> std::thread::JoinHandle<Vec<u8>> {
    std::thread::spawn(move || {
        let mut buf = Vec::new();
        let _ = (&mut r).take(MAX_OUTPUT + 1).read_to_end(&mut buf);
        buf
    })
}

/// Render `format` (a renderer's name: md, html, pdf) of `args.dir` with
/// the user's `template` in a child process under the limits.
pub fn render(args: &BuildArgs, format: &str, template: &str) -> Result<Vec<u8>, TemplateError> {
    let mut child: Vec<std::ffi::OsString> = vec![
        "rendu-isole".into(),
        args.dir.clone().into(),
        "-o".into(),
        args.output_dir().into(),
        "--format".into(),
        format.into(),
    ];
    if let Some(id) = &args.sous_feuille {
        child.extend(["--sous-feuille".into(), id.into()]);
    }
    render_in_child(&args.dir, &child, format, template)
}

/// The progress report's `format` with the user's `template`, as [`render`].
pub fn render_bilan(
    args: &crate::cli::BilanArgs,
    format: &str,
    template: &str,
) -> Result<Vec<u8>, TemplateError> {
    let mut child: Vec<std::ffi::OsString> = vec![
        "rendu-isole-bilan".into(),
        args.dir.clone().into(),
        "--au".into(),
        args.au.clone().into(),
        "-o".into(),
        args.output_dir().into(),
        "--format".into(),
        format.into(),
    ];
    if let Some(rev) = &args.depuis {
        child.extend(["--depuis".into(), rev.into()]);
    }
    render_in_child(&args.dir, &child, format, template)
}

/// Run `fdr --quiet --color never CHILD…` under the limits; its standard
/// output is the document.
fn render_in_child(
    dir: &Path,
    child_args: &[std::ffi::OsString],
    format: &str,
    template: &str,
) -> Result<Vec<u8>, TemplateError> {
    let stage = if format == "pdf" {
        Stage::Pdf
    } else {
        Stage::Gabarit
    };
    // A failure of the run itself names the format's template when the
    // user has one, else the folder of the user's templates.
    let user = std::fs::symlink_metadata(dir.join("templates").join(template)).is_ok();
    let fail = |message: String| {
        let e = if user {
            let shown = display_of(dir, &format!("templates/{template}"));
            TemplateError::new(stage, shown, message).user(template)
        } else {
            TemplateError::new(stage, display_of(dir, "templates"), message)
        };
        e.help(templates::FIX_USER)
    };
    let exe = std::env::current_exe().map_err(|e| fail(e.to_string()))?;
    let (seconds, mib) = (
        limit("FDR_LIMITE_GABARIT_SECONDES", SECONDS),
        limit("FDR_LIMITE_GABARIT_MIO", MIB),
    );
    let mut cmd = Command::new(exe);
    cmd.args(["--quiet", "--color", "never"])
        .args(child_args)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    cap_memory(&mut cmd, mib.saturating_mul(1 << 20));
    let mut child = cmd
        .spawn()
        .map_err(|e| fail(format!("rendu isolé impossible : {e}")))?;
    let (Some(stdout), Some(stderr)) = (child.stdout.take(), child.stderr.take()) else {
        return Err(fail("rendu isolé impossible : pas de sortie".into()));
    };
    let (out, err) = (read_bounded(stdout), read_bounded(stderr));
    let deadline = Instant::now() + Duration::from_secs(seconds);
    let status = loop {
        match child.try_wait() {
            Ok(Some(status)) => break Some(status),
            Ok(None) if Instant::now() < deadline => std::thread::sleep(Duration::from_millis(20)),
            _ => {
                let _ = child.kill();
                let _ = child.wait();
                break None;
            }
        }
    };
    let (out, err) = (
        out.join().unwrap_or_default(),
        err.join().unwrap_or_default(),
    );
    match status {
        None => Err(fail(format!(
            "le gabarit n'a pas terminé en {seconds} s : exécution interrompue"
        ))),
        Some(s) if s.success() && (out.len() as u64) <= MAX_OUTPUT => Ok(out),
        Some(s) if s.success() => Err(fail(format!(
            "le gabarit produit plus de {} Mio : refusé",
            MAX_OUTPUT >> 20
        ))),
        Some(s) if s.code() == Some(1) => Err(child_error(&err).unwrap_or_else(|| {
            fail(match String::from_utf8_lossy(&err).trim() {
                "" => "le rendu isolé a échoué sans message".to_string(),
                text => text.to_string(),
            })
        })),
        Some(_) => Err(fail(format!(
            "le gabarit a dépassé la mémoire permise ({mib} Mio) ou arrêté le moteur de rendu : exécution interrompue"
        ))),
    }
}

/// The template error the child reported: the last line of its standard
/// error (typst may have printed warnings before it).
fn child_error(stderr: &[u8]) -> Option<TemplateError> {
    let text = String::from_utf8_lossy(stderr);
    let last = text.lines().rev().find(|l| !l.trim().is_empty())?;
    serde_json::from_str(last).ok()
}

/// The child's side (`fdr rendu-isole DIR -o OUT --format F`): render one
/// format to standard output; a template error as one line of JSON on
/// standard error, and exit 1.
pub fn run_child(args: &BuildArgs, out: &super::Output) -> Result<u8, Failure> {
    let [format] = args.sortie.format[..] else {
        return Err(Failure::Usage("rendu-isole : un seul format".into()));
    };
    let rendered = super::build::render_one(args, out, format)?;
    child_output(rendered.or_else(|| {
        // The parent checked the same sources: they changed since.
        Some(Err(TemplateError::new(
            Stage::Gabarit,
            args.dir.display().to_string(),
            "les sources ont changé pendant la construction : relancez-la",
        )))
    }))
}

/// What a child writes: the document on standard output, or a template
/// error as one line of JSON on standard error and exit 1.
pub fn child_output(rendered: Option<Result<Vec<u8>, TemplateError>>) -> Result<u8, Failure> {
    use std::io::Write;
    let bytes = match rendered {
        Some(Ok(bytes)) => bytes,
        Some(Err(e)) => {
            eprintln!("{}", serde_json::to_string(&e).unwrap_or_default());
            return Ok(1);
        }
        None => return Ok(1),
    };
    std::io::stdout()
        .write_all(&bytes)
        .map_err(|e| Failure::Io(e.to_string()))?;
    Ok(0)
}
