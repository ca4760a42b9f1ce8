//! One revision's roadmap folder, read out of git into a private temporary
//! folder: the revision is resolved to a commit id first, the folder's tree
//! is listed once (`git ls-tree`) and every kept file is read by one
//! `git cat-file --batch` process. Paths are bytes until checked; nothing
//! is written outside the temporary folder and no link is ever created.
//! Only plumbing commands run: no hook, no change to the work tree or index.

use super::super::Failure;
use crate::load::MAX_FILE_BYTES;
use std::io::{BufRead, BufReader, Read, Write};
use std::path::{Component, Path, PathBuf};
use std::process::{Command, Stdio};

/// Most bytes read from one revision, all files together.
pub const MAX_TOTAL_BYTES: u64 = 256 * 1024 * 1024;
/// Most files read from one revision.
pub const MAX_FILES: usize = 50_000;

/// What could not be taken from the revision, for the report.
#[derive(Debug, Default)]
pub struct Extracted {
    /// Names that are not UTF-8 (shown lossily), left out.
    pub skipped: Vec<String>,
    /// Why the revision is refused (too large), if it is.
    pub refused: Option<String>,
}

fn git_command() -> Command {
    let mut c = Command::new("git");
    c.args([
        "-c",
        "core.fsmonitor=false",
        "-c",
        "core.hooksPath=/dev/null",
    ])
    .env("GIT_OPTIONAL_LOCKS", "0")
    .stdin(Stdio::null());
    c
}

fn git(args: &[&str]) -> Result<Vec<u8>, Failure> {
    let o = git_command()
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

fn trimmed(bytes: &[u8]) -> Result<String, Failure> {
    std::str::from_utf8(bytes)
        .map(|s| s.trim_end_matches(['\n', '\r']).to_string())
        .map_err(|_| Failure::Usage("git a répondu un chemin qui n'est pas en UTF-8".into()))
}

/// The commit id of `rev`. Option-like revisions are refused.
pub fn resolve(rev: &str) -> Result<String, Failure> {
    let not_rev = || Failure::Usage(format!("« {rev} » n'est ni un dossier ni une révision git"));
    if rev.is_empty() || rev.starts_with('-') || rev.contains(['\0', '\n']) {
        return Err(not_rev());
    }
    let spec = format!("{rev}^{{commit}}");
    let out = git(&[
        "rev-parse",
        "--verify",
        "--quiet",
        "--end-of-options",
        &spec,
    ])
    .map_err(|_| not_rev())?;
    let id = trimmed(&out)?;
    if id.is_empty() || !id.bytes().all(|b| b.is_ascii_hexdigit()) {
        return Err(not_rev());
    }
    Ok(id)
}

/// The roadmap folder `chemin` (relative to the current directory, or
/// absolute inside the work tree) as a path from the repository root,
/// `/`-separated, without `.` or `..`; empty for the root itself.
pub fn inside(chemin: &Path) -> Result<String, Failure> {
    let outside = || {
        Failure::Usage(format!(
            "le dossier « {} » n'est pas dans le dépôt git",
            chemin.display()
        ))
    };
    let (base, rel) = if chemin.is_absolute() {
        let top = PathBuf::from(trimmed(&git(&["rev-parse", "--show-toplevel"])?)?);
        let top = top.canonicalize().unwrap_or(top);
        let full = chemin.canonicalize().map_err(|_| outside())?;
        let rel = full.strip_prefix(&top).map_err(|_| outside())?;
        (String::new(), rel.to_path_buf())
    } else {
        let prefix = trimmed(&git(&["rev-parse", "--show-prefix"])?)?;
        (prefix, chemin.to_path_buf())
    };
    let mut parts: Vec<String> = base
        .split('/')
        .filter(|p| !p.is_empty())
        .map(String::from)
        .collect();
    for c in rel.components() {
        match c {
            Component::CurDir => {}
            Component::ParentDir => {
                parts.pop().ok_or_else(outside)?;
            }
            Component::Normal(p) => parts.push(p.to_str().ok_or_else(outside)?.to_string()),
            Component::RootDir | Component::Prefix(_) => {}
        }
    }
    Ok(parts.join("/"))
}

/// One blob to read: its id, size and path inside the roadmap folder.
struct Entry {
    oid: String,
    size: u64,
    path: String,
}

/// Files `check` reads: YAML fragments and Markdown texts.
fn wanted(path: &str) -> bool {
    [".yaml", ".yml", ".md"].iter().any(|e| path.ends_with(e))
}

/// A relative path of plain components, none hidden (as `load` skips them).
fn safe(path: &str) -> bool {
    path.split('/')
        .all(|c| !c.is_empty() && !c.starts_with('.') && !c.contains('\\'))
}

/// Parse `git ls-tree -r -z -l`: `MODE TYPE OID SIZE\tPATH\0`.
fn list(tree: &str, out: &mut Extracted) -> Result<Vec<Entry>, Failure> {
    let raw = git(&["ls-tree", "-r", "-z", "-l", "--full-tree", tree])?;
    let mut entries = Vec::new();
    let mut total: u64 = 0;
    for record in raw.split(|b| *b == 0).filter(|r| !r.is_empty()) {
        let Some(tab) = record.iter().position(|b| *b == b'\t') else {
            continue;
        };
        let (head, name) = (&record[..tab], &record[tab + 1..]);
        let head = String::from_utf8_lossy(head);
        let fields: Vec<&str> = head.split_whitespace().collect();
        let [mode, "blob", oid, size] = fields[..] else {
            continue;
        };
        if !matches!(mode, "100644" | "100755") {
            continue; // links, submodules
        }
        let Ok(path) = std::str::from_utf8(name) else {
            out.skipped.push(String::from_utf8_lossy(name).into_owned());
            continue;
        };
        if !wanted(path) || !safe(path) {
            continue;
        }
        let size: u64 = size.parse().unwrap_or(u64::MAX);
        if size > MAX_FILE_BYTES {
            out.refused = Some(format!(
                "{path} : fichier trop volumineux ({} Mio, au plus {} Mio)",
                size / (1024 * 1024),
                MAX_FILE_BYTES / (1024 * 1024)
            ));
            return Ok(Vec::new());
        }
        total = total.saturating_add(size);
        if total > MAX_TOTAL_BYTES || entries.len() >= MAX_FILES {
            out.refused = Some(format!(
                "plus de {} fichiers ou de {} Mio au total",
                MAX_FILES,
                MAX_TOTAL_BYTES / (1024 * 1024)
            ));
            return Ok(Vec::new());
        }
        entries.push(Entry {
            oid: oid.to_string(),
            size,
            path: path.to_string(),
        });
    }
    Ok(entries)
}

/// Create `dest/path` (new, never through a link) with `bytes`.
fn write_new(dest: &Path, path: &str, bytes: &[u8]) -> Result<(), Failure> {
    let target = dest.join(path);
    let io = |e: std::io::Error| Failure::Io(format!("{} : {e}", target.display()));
    if let Some(parent) = target.parent() {
        std::fs::create_dir_all(parent).map_err(io)?;
    }
    let mut f = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&target)
        .map_err(io)?;
    f.write_all(bytes).map_err(io)
}

/// Read every entry with one `git cat-file --batch` into `dest`.
fn read_blobs(entries: &[Entry], dest: &Path) -> Result<(), Failure> {
    let mut child = git_command()
        .args(["cat-file", "--batch"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .map_err(|e| Failure::Io(format!("git introuvable : {e}")))?;
    let (Some(mut stdin), Some(stdout)) = (child.stdin.take(), child.stdout.take()) else {
        return Err(Failure::Io("git cat-file : pas de canal".into()));
    };
    let ids: String = entries.iter().map(|e| format!("{}\n", e.oid)).collect();
    // Written by a thread: git answers while we still send ids.
    let writer = std::thread::spawn(move || stdin.write_all(ids.as_bytes()));
    let result = copy_blobs(entries, &mut BufReader::new(stdout), dest);
    if result.is_err() {
        let _ = child.kill();
    }
    let _ = child.wait();
    let _ = writer.join();
    result
}

/// Copy the answers of `git cat-file --batch`, one per entry, into `dest`.
fn copy_blobs(entries: &[Entry], reader: &mut impl BufRead, dest: &Path) -> Result<(), Failure> {
    let bad = |what: &str| Failure::Io(format!("git cat-file : {what}"));
    for e in entries {
        let mut header = String::new();
        reader
            .read_line(&mut header)
            .map_err(|x| bad(&x.to_string()))?;
        let expected = format!("{} blob {}", e.oid, e.size);
        if header.trim_end() != expected {
            return Err(bad(&format!(
                "réponse inattendue « {} »",
                header.trim_end()
            )));
        }
        let mut bytes = Vec::new();
        reader
            .by_ref()
            .take(e.size.saturating_add(1))
            .read_to_end(&mut bytes)
            .map_err(|x| bad(&x.to_string()))?;
        if bytes.pop() != Some(b'\n') || bytes.len() as u64 != e.size {
            return Err(bad("réponse tronquée"));
        }
        write_new(dest, &e.path, &bytes)?;
    }
    Ok(())
}

/// Extract the folder `inside` of `commit` into the empty folder `dest`.
pub fn extract(commit: &str, inside: &str, dest: &Path) -> Result<Option<Extracted>, Failure> {
    let tree = if inside.is_empty() {
        format!("{commit}^{{tree}}")
    } else {
        format!("{commit}:{inside}")
    };
    let kind = git(&["cat-file", "-t", &tree]).unwrap_or_default();
    if kind.trim_ascii() != b"tree" {
        return Ok(None);
    }
    let mut out = Extracted::default();
    let entries = list(&tree, &mut out)?;
    if out.refused.is_none() {
        read_blobs(&entries, dest)?;
    }
    Ok(Some(out))
}
