//! Helpers shared by the integration suites that run the real `fdr` binary
//! (`tests/*.rs`): running it with a time limit in an environment that
//! cannot change its output, copying fixtures, building into a temporary
//! folder, and turning its reports into the lines and snapshots the tests
//! pin.
//!
//! Each suite uses a part of these helpers, hence the `dead_code` allowance.
#![allow(dead_code)]

use serde_json::Value;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};
use tempfile::TempDir;

/// Name of the roadmap folder inside the temporary directory.
pub const ROOT: &str = "roadmap";

/// Longest run accepted for one command before it counts as a hang.
pub const TIMEOUT: Duration = Duration::from_secs(20);
/// Longest run for a command that typesets a PDF (a debug build of typst).
pub const PDF_TIMEOUT: Duration = Duration::from_secs(60);

/// The repository: examples, fixtures and templates are read from here.
pub fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// What one run of the binary produced.
pub struct Outcome {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

/// Run `fdr ARGS` in `cwd` with the extra environment `env`, killed after
/// `limit` (then the test fails with « hang »). Fails on a panic (exit 101)
/// or a death by signal. Variables that could change the output (colour,
/// terminal size) are removed.
pub fn run(cwd: &Path, args: &[&str], env: &[(&str, &str)], limit: Duration) -> Outcome {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_fdr"));
    cmd.args(args)
        .current_dir(cwd)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    for var in [
        "NO_COLOR",
        "CLICOLOR",
        "CLICOLOR_FORCE",
        "FORCE_COLOR",
        "COLUMNS",
        "LINES",
    ] {
        cmd.env_remove(var);
    }
    cmd.env("TERM", "dumb");
    for (k, v) in env {
        cmd.env(k, v);
    }
    let start = Instant::now();
    let mut child = cmd.spawn().expect("fdr should start");
    // Drain both pipes while waiting, so a long report cannot block the child.
    let drain = |mut pipe: Box<dyn Read + Send>| {
        std::thread::spawn(move || {
            let mut bytes = Vec::new();
            let _ = pipe.read_to_end(&mut bytes);
            bytes
        })
    };
    let out_thread = drain(Box::new(child.stdout.take().unwrap()));
    let err_thread = drain(Box::new(child.stderr.take().unwrap()));
    let status = loop {
        if let Some(status) = child.try_wait().expect("wait for fdr") {
            break status;
        }
        if start.elapsed() > limit {
            let _ = child.kill();
            let _ = child.wait();
            let stderr = String::from_utf8_lossy(&err_thread.join().unwrap()).into_owned();
            panic!(
                "hang: `fdr {}` still running after {limit:?}, killed\nstderr so far:\n{}",
                args.join(" "),
                head(&stderr)
            );
        }
        std::thread::sleep(Duration::from_millis(10));
    };
    let stdout = String::from_utf8(out_thread.join().unwrap()).expect("stdout should be UTF-8");
    let stderr = String::from_utf8(err_thread.join().unwrap()).expect("stderr should be UTF-8");
    let Some(code) = status.code() else {
        panic!(
            "`fdr {}` killed by a signal ({status}): crash (stack overflow?)\nstderr:\n{}",
            args.join(" "),
            head(&stderr)
        );
    };
    assert_ne!(
        code,
        101,
        "`fdr {}` panicked:\n{}",
        args.join(" "),
        head(&stderr)
    );
    Outcome {
        code,
        stdout,
        stderr,
    }
}

/// The first 2,000 characters of a (possibly huge) report, for messages.
pub fn head(text: &str) -> String {
    text.chars().take(2000).collect()
}

/// Copy a folder byte for byte (files and subfolders only), leaving out
/// `build/` folders: outputs a local `fdr build` may have left there.
pub fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        let kind = entry.file_type().unwrap();
        if kind.is_dir() && entry.file_name() == "build" {
            continue;
        }
        if kind.is_dir() {
            copy_dir(&entry.path(), &target);
        } else if kind.is_file() {
            std::fs::copy(entry.path(), &target).unwrap();
        }
    }
}

/// `tests/fixtures/`: one folder per check, with its invalid twins.
pub fn fixtures_dir() -> PathBuf {
    repo().join("tests").join("fixtures")
}

/// A temporary directory holding a copy of the fixture as `roadmap/`.
pub fn sandbox(fixture: &str) -> TempDir {
    let src = fixtures_dir().join(fixture);
    assert!(
        src.is_dir(),
        "fixture « {fixture} » introuvable : {}",
        src.display()
    );
    let tmp = tempfile::tempdir().unwrap();
    copy_dir(&src, &tmp.path().join(ROOT));
    tmp
}

/// `fdr --quiet build DIR -o TMP --format FORMATS` into a fresh temporary
/// folder; the folder (kept alive by the caller) and the run.
pub fn build_into_temp(dir: &Path, formats: &str) -> (TempDir, Outcome) {
    let out = tempfile::tempdir().unwrap();
    let run = run(
        &repo(),
        &[
            "--quiet",
            "build",
            dir.to_str().unwrap(),
            "-o",
            out.path().to_str().unwrap(),
            "--format",
            formats,
        ],
        &[],
        PDF_TIMEOUT,
    );
    (out, run)
}

/// `fdr export --format json DIR`, which must succeed, parsed.
pub fn export_json(dir: &Path) -> Value {
    let out = run(
        &repo(),
        &["export", "--format", "json", dir.to_str().unwrap()],
        &[],
        TIMEOUT,
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
    serde_json::from_str(&out.stdout).unwrap()
}

/// The report (stderr) of `out` mentions `text`; otherwise fail, showing it.
#[track_caller]
pub fn assert_reports(out: &Outcome, text: &str) {
    assert!(out.stderr.contains(text), "{}", out.stderr);
}

/// French typographic spaces (narrow and non-breaking) folded into plain
/// ones, for readable asserts.
pub fn plain(s: &str) -> String {
    s.replace(['\u{202f}', '\u{a0}'], " ")
}

/// Parse `--format json` output.
pub fn parse_json(stdout: &str) -> Vec<Value> {
    let v: Value = serde_json::from_str(stdout).unwrap_or_else(|e| {
        panic!(
            "--format json should print a JSON array ({e}):\n{}",
            head(stdout)
        )
    });
    v.as_array().expect("a JSON array").clone()
}

/// One line per diagnostic: `file:line:column severity code`, the file
/// relative to the roadmap folder; `-` when the diagnostic has no file.
pub fn summarize(diags: &[Value]) -> Vec<String> {
    diags
        .iter()
        .map(|d| {
            let file = d["file"].as_str().map_or("-".to_string(), |f| {
                f.strip_prefix(&format!("{ROOT}/")).unwrap_or(f).to_string()
            });
            let place = match (d["line"].as_u64(), d["column"].as_u64()) {
                (Some(l), Some(c)) => format!("{file}:{l}:{c}"),
                _ => file,
            };
            format!(
                "{place} {} {}",
                d["severity"].as_str().unwrap_or("?"),
                d["code"].as_str().unwrap_or("?")
            )
        })
        .collect()
}

/// Trailing spaces are not meaningful in a report and editors strip them
/// from snapshot files: drop them before comparing.
pub fn normalize(text: &str) -> String {
    let mut out: String = text
        .lines()
        .map(str::trim_end)
        .collect::<Vec<_>>()
        .join("\n");
    out.push('\n');
    out
}

/// Text pinned by a snapshot: the command, its exit code and its output.
pub fn transcript(args: &str, out: &Outcome) -> String {
    let mut s = format!("$ fdr {args}\nexit: {}\n", out.code);
    if !out.stdout.is_empty() {
        s.push_str("--- stdout ---\n");
        s.push_str(&normalize(&out.stdout));
    }
    s.push_str("--- stderr ---\n");
    s.push_str(&normalize(&out.stderr));
    s
}

/// Pin `text` as `tests/snapshots/SUITE__NAME.snap`. A macro, not a
/// function, so that insta names the snapshot after the calling suite.
#[macro_export]
macro_rules! snapshot {
    ($name:expr, $text:expr $(,)?) => {{
        let name: &str = &$name;
        let text: &str = &$text;
        insta::with_settings!({
            snapshot_path => "snapshots",
            omit_expression => true,
        }, {
            insta::assert_snapshot!(name, text);
        })
    }};
}

/// `git ARGS` in `cwd` with a fixed identity, no signing, and — when
/// `home` is given — no system or user configuration; its stdout. Fails
/// the test when git fails.
pub fn git(cwd: &Path, home: Option<&Path>, args: &[&str]) -> String {
    let mut cmd = Command::new("git");
    cmd.current_dir(cwd);
    if let Some(home) = home {
        cmd.env("GIT_CONFIG_NOSYSTEM", "1").env("HOME", home);
    }
    let o = cmd
        .args([
            "-c",
            "user.name=fdr",
            "-c",
            "user.email=fdr@example.org",
            "-c",
            "commit.gpgsign=false",
        ])
        .args(args)
        .output()
        .unwrap();
    assert!(
        o.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&o.stderr)
    );
    String::from_utf8_lossy(&o.stdout).into_owned()
}

/// A temporary folder holding `roadmap/feuille-de-route.yaml`, the minimal
/// example.
pub fn minimal_roadmap() -> TempDir {
    let tmp = tempfile::tempdir().unwrap();
    std::fs::create_dir(tmp.path().join(ROOT)).unwrap();
    std::fs::copy(
        repo().join("examples/minimal/feuille-de-route.yaml"),
        tmp.path().join(ROOT).join("feuille-de-route.yaml"),
    )
    .unwrap();
    tmp
}
