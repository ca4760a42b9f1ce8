//! Every file `fdr` writes goes through here. A file is created new
//! (exclusive create, which never follows a link), under a random name in
//! its destination folder, then renamed into place; a destination that is a
//! symbolic link, or a folder reached through one, is refused and never
//! followed. Two builds into the same folder at once each write their own
//! temporary files, and the last rename wins whole.
//!
//! A file that cannot be written is a [`WriteError`]: a diagnostic of
//! `fdr build`, a failure (exit code 2) of `fdr init`.

use super::Failure;
use crate::diagnostic::{Diagnostic, codes};
use std::io::{ErrorKind, Write};
use std::path::{Component, Path, PathBuf};

/// Why an output could not be written: a code of the catalogue, the
/// message and what to do, in French.
#[derive(Debug)]
pub struct WriteError {
    pub code: &'static str,
    pub message: String,
    pub help: String,
}

impl WriteError {
    pub fn diagnostic(self) -> Diagnostic {
        Diagnostic::error(self.code, self.message).help(self.help)
    }
}

impl From<WriteError> for Failure {
    fn from(e: WriteError) -> Self {
        Failure::Io(format!("{} ({})", e.message, e.help))
    }
}

/// An I/O error on `path`: `what` failed (« écriture de », « création du
/// dossier »), the reason and the fix in French where they are known.
fn io_error(what: &str, path: &Path, e: &std::io::Error) -> WriteError {
    const OTHER: &str = "choisissez un autre dossier de sortie avec -o";
    let (reason, help) = match e.kind() {
        ErrorKind::PermissionDenied => (
            "permission refusée".to_string(),
            "choisissez un dossier de sortie où vous pouvez écrire, avec -o",
        ),
        ErrorKind::ReadOnlyFilesystem => (
            "système de fichiers en lecture seule".into(),
            "choisissez un dossier de sortie où vous pouvez écrire, avec -o",
        ),
        ErrorKind::StorageFull | ErrorKind::QuotaExceeded | ErrorKind::FileTooLarge => (
            "plus de place sur le disque".into(),
            "libérez de la place, ou choisissez un autre dossier de sortie avec -o",
        ),
        ErrorKind::AlreadyExists | ErrorKind::NotADirectory => (
            "un fichier occupe la place d'un dossier du chemin".into(),
            "renommez ou supprimez ce fichier, ou choisissez un autre dossier de sortie avec -o",
        ),
        ErrorKind::IsADirectory => (
            "un dossier occupe la place du document".into(),
            "renommez ou supprimez ce dossier, ou choisissez un autre dossier de sortie avec -o",
        ),
        _ => (e.to_string(), OTHER),
    };
    WriteError {
        code: codes::SORTIE_ECRITURE,
        message: format!("{what} « {} » impossible : {reason}", path.display()),
        help: help.into(),
    }
}

/// The first step of `path` that is a symbolic link, among the steps that
/// lie inside the current folder or inside `guarded` (the roadmap folder):
/// the places a pull request can fill. Steps above them are the user's own
/// choice (`-o /srv/site`).
pub fn first_link(path: &Path, guarded: &Path) -> Option<PathBuf> {
    let cwd = std::env::current_dir().ok()?;
    let roots = [cwd.clone(), guarded.canonicalize().unwrap_or_default()];
    let mut cur = PathBuf::new();
    for c in cwd.join(path).components() {
        cur.push(c.as_os_str());
        let inside = roots
            .iter()
            .any(|r| !r.as_os_str().is_empty() && cur.starts_with(r) && &cur != r);
        if inside
            && matches!(c, Component::Normal(_))
            && std::fs::symlink_metadata(&cur).is_ok_and(|m| m.file_type().is_symlink())
        {
            return Some(cur);
        }
    }
    None
}

fn link_refused(link: &Path) -> WriteError {
    WriteError {
        code: codes::SORTIE_LIEN_REFUSE,
        message: format!(
            "« {} » est un lien symbolique : fdr n'écrit jamais à travers un lien",
            link.display()
        ),
        help: "supprimez-le ou choisissez un autre dossier de sortie avec -o".into(),
    }
}

/// Create the output folder `dir` (and its parents) unless a step of it
/// inside the current folder or `guarded` is a symbolic link.
pub fn output_folder(dir: &Path, guarded: &Path) -> Result<(), WriteError> {
    if let Some(link) = first_link(dir, guarded) {
        return Err(link_refused(&link));
    }
    std::fs::create_dir_all(dir).map_err(|e| io_error("création du dossier de sortie", dir, &e))?;
    // Created between the check and now? Check again, once it exists.
    match first_link(dir, guarded) {
        Some(link) => Err(link_refused(&link)),
        None => Ok(()),
    }
}

/// Refuse `dir/name` as a destination when it is a link or a folder: a
/// build checks every destination before it writes the first one.
pub fn replaceable(dir: &Path, name: &str) -> Result<(), WriteError> {
    let fin = dir.join(name);
    match std::fs::symlink_metadata(&fin) {
        Ok(meta) if meta.file_type().is_symlink() => Err(link_refused(&fin)),
        Ok(meta) if meta.is_dir() => Err(WriteError {
            code: codes::SORTIE_ECRITURE,
            message: format!(
                "« {} » est un dossier : fdr ne le remplace pas par un document",
                fin.display()
            ),
            help:
                "renommez ou supprimez ce dossier, ou choisissez un autre dossier de sortie avec -o"
                    .into(),
        }),
        _ => Ok(()),
    }
}

/// Write `bytes` to `dir/name`: a new temporary file with a random name in
/// `dir`, then a rename over `dir/name`. An existing `dir/name` that is a
/// link or a folder is refused.
pub fn replace(dir: &Path, name: &str, bytes: &[u8]) -> Result<(), WriteError> {
    let fin = dir.join(name);
    let io = |e: std::io::Error| io_error("écriture de", &fin, &e);
    replaceable(dir, name)?;
    let mut tmp = tempfile::Builder::new()
        .prefix(&format!(".{name}."))
        .suffix(".tmp")
        .tempfile_in(dir)
        .map_err(io)?;
    tmp.write_all(bytes).map_err(io)?;
    readable_by_all(tmp.as_file()).map_err(io)?;
    tmp.persist(&fin).map_err(|e| io(e.error))?;
    Ok(())
}

/// Outputs are documents to share: rw-r--r-- like a file made by `cp`,
/// where the temporary file was created private.
#[cfg(unix)]
fn readable_by_all(f: &std::fs::File) -> std::io::Result<()> {
    use std::os::unix::fs::PermissionsExt;
    f.set_permissions(std::fs::Permissions::from_mode(0o644))
}

#[cfg(not(unix))]
fn readable_by_all(_: &std::fs::File) -> std::io::Result<()> {
    Ok(())
}

/// Create `path` with `bytes`, failing if anything (file, link, even a
/// dangling one) already stands there. Parent folders are created, never
/// through a link.
pub fn create_new(path: &Path, guarded: &Path, bytes: &[u8]) -> Result<(), Failure> {
    let io = |e: std::io::Error| match e.kind() {
        ErrorKind::AlreadyExists => Failure::Io(format!(
            "« {} » existe déjà : fdr n'écrase aucun fichier (supprimez-le ou choisissez un autre nom)",
            path.display()
        )),
        _ => io_error("écriture de", path, &e).into(),
    };
    if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
        output_folder(parent, guarded)?;
    }
    let mut f = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(path)
        .map_err(io)?;
    f.write_all(bytes).map_err(io)
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;

    #[test]
    fn refuses_to_write_through_links() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("cible");
        std::fs::write(&target, "intact").unwrap();
        let out = dir.path().join("out");
        std::fs::create_dir(&out).unwrap();
        std::os::unix::fs::symlink(&target, out.join("doc.md")).unwrap();
        assert!(replace(&out, "doc.md", b"x").is_err());
        assert!(create_new(&out.join("doc.md"), dir.path(), b"x").is_err());
        std::os::unix::fs::symlink(dir.path().join("absent"), out.join("dangling")).unwrap();
        assert!(create_new(&out.join("dangling"), dir.path(), b"x").is_err());
        assert!(!dir.path().join("absent").exists());
        assert_eq!(std::fs::read_to_string(&target).unwrap(), "intact");
        std::os::unix::fs::symlink(dir.path(), dir.path().join("lien")).unwrap();
        assert!(output_folder(&dir.path().join("lien/sous"), dir.path()).is_err());
        assert!(!dir.path().join("sous").exists());
    }

    #[test]
    fn replaces_and_leaves_no_temporary_file() {
        let dir = tempfile::tempdir().unwrap();
        replace(dir.path(), "doc.md", b"un").unwrap();
        replace(dir.path(), "doc.md", b"deux").unwrap();
        assert_eq!(
            std::fs::read_to_string(dir.path().join("doc.md")).unwrap(),
            "deux"
        );
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }
}
