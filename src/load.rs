//! Load stage: walk the roadmap folder and read its YAML fragments.
//!
//! Hidden entries, the build output folder and `templates/` are skipped;
//! symbolic links are never followed (a link is reported and ignored), so
//! nothing outside the roadmap folder is read.

use crate::diagnostic::{Diagnostic, Diagnostics, FileId};
use std::path::{Component, Path, PathBuf};
use std::sync::{Arc, OnceLock};

/// Largest fragment accepted, in bytes.
pub const MAX_FILE_BYTES: u64 = 8 * 1024 * 1024;

/// One file of the roadmap (a YAML fragment or a Markdown text).
#[derive(Debug, Clone)]
pub struct SourceFile {
    /// Path relative to the roadmap folder, with `/` separators.
    pub rel: String,
    /// Path as shown to the user (the folder as given, joined with `rel`).
    pub display: String,
    pub text: Arc<str>,
    /// Byte offset where each line starts, computed on first use: a
    /// report of many diagnostics does not rescan the file for each one.
    pub line_starts: OnceLock<Vec<usize>>,
}

impl SourceFile {
    pub fn new(rel: String, display: String, text: Arc<str>) -> Self {
        Self {
            rel,
            display,
            text,
            line_starts: OnceLock::new(),
        }
    }

    pub fn display_path(&self) -> String {
        self.display.clone()
    }

    /// 1-based line and column (in characters) of a byte offset.
    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        let text = &self.text;
        let offset = crate::format::spanned::floor_boundary(text, offset);
        let starts = self.line_starts.get_or_init(|| {
            std::iter::once(0)
                .chain(text.match_indices('\n').map(|(i, _)| i + 1))
                .collect()
        });
        // Lines starting at or before `offset`: the 1-based line number.
        let line = starts.partition_point(|&s| s <= offset).max(1);
        let start = starts.get(line - 1).copied().unwrap_or(0);
        let col = text.get(start..offset).map_or(0, |l| l.chars().count()) + 1;
        (line, col)
    }
}

/// 1-based line and column (in characters) of a byte offset in `text`.
pub fn line_col(text: &str, offset: usize) -> (usize, usize) {
    crate::format::spanned::line_col(text, offset)
}

/// All files read during one run. YAML fragments come first, in path order;
/// Markdown texts are appended as they are referenced.
#[derive(Debug, Default)]
pub struct SourceSet {
    pub root: PathBuf,
    pub files: Vec<SourceFile>,
    /// How many of `files` are YAML fragments.
    pub fragments: usize,
    /// The output folder (real path), when it exists: never read from.
    pub output: Option<PathBuf>,
}

/// A failure that stops the run before any diagnostic can be given a file.
#[derive(Debug)]
pub enum LoadError {
    NotADirectory(PathBuf),
}

impl std::fmt::Display for LoadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            LoadError::NotADirectory(p) => write!(
                f,
                "le dossier « {} » n'existe pas ou n'est pas un dossier",
                p.display()
            ),
        }
    }
}

fn is_yaml(path: &Path) -> bool {
    matches!(
        path.extension().and_then(|e| e.to_str()),
        Some("yaml" | "yml")
    )
}

fn rel_string(rel: &Path) -> String {
    rel.components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect::<Vec<_>>()
        .join("/")
}

/// A file of the roadmap as shown to the user: the folder as given, joined
/// with `rel`.
pub fn display_of(root: &Path, rel: &str) -> String {
    let base = root.to_string_lossy();
    let base = base.trim_end_matches('/');
    if base.is_empty() || base == "." {
        rel.to_string()
    } else {
        format!("{base}/{rel}")
    }
}

/// Read every fragment below `root`. `skip` is the output folder, if it lies
/// inside the roadmap folder.
pub fn load(
    root: &Path,
    skip: Option<&Path>,
    diags: &mut Diagnostics,
) -> Result<SourceSet, LoadError> {
    if !root.is_dir() {
        return Err(LoadError::NotADirectory(root.to_path_buf()));
    }
    let skip = skip.and_then(|s| s.canonicalize().ok());
    let mut set = SourceSet {
        root: root.to_path_buf(),
        output: skip.clone(),
        ..SourceSet::default()
    };
    let walker = walkdir::WalkDir::new(root)
        .follow_links(false)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| {
            if e.depth() == 0 {
                return true;
            }
            let name = e.file_name().to_string_lossy();
            if name.starts_with('.') || (e.depth() == 1 && name == "templates") {
                return false;
            }
            match (&skip, e.file_type().is_dir()) {
                (Some(s), true) => e.path().canonicalize().map_or(true, |p| &p != s),
                _ => true,
            }
        });
    let mut pending = Vec::new();
    for entry in walker {
        let entry = match entry {
            Ok(e) => e,
            Err(err) => {
                let path = err
                    .path()
                    .map(|p| p.display().to_string())
                    .unwrap_or_default();
                diags.push(Diagnostic::error(
                    crate::diagnostic::codes::FICHIER_ILLISIBLE,
                    format!("impossible de parcourir « {path} » : {err}"),
                ));
                continue;
            }
        };
        let rel = entry.path().strip_prefix(root).unwrap_or(entry.path());
        let rel = rel_string(rel);
        if entry.path_is_symlink() {
            if is_yaml(entry.path()) || std::fs::metadata(entry.path()).is_ok_and(|m| m.is_dir()) {
                diags.push(
                    Diagnostic::warning(
                        crate::diagnostic::codes::FICHIER_LIEN_IGNORE,
                        format!("lien symbolique ignoré : « {} »", display_of(root, &rel)),
                    )
                    .help("fdr ne suit pas les liens symboliques ; copiez le fichier dans le dossier de la feuille de route"),
                );
            }
            continue;
        }
        if entry.file_type().is_file() && is_yaml(entry.path()) {
            pending.push((rel, entry.path().to_path_buf()));
        }
    }
    for (rel, path) in pending {
        let id = set.files.len();
        let display = display_of(root, &rel);
        match read_text(&path) {
            Ok(text) => set.files.push(SourceFile::new(rel, display, text)),
            Err(problem) => {
                set.files.push(SourceFile::new(rel, display, Arc::from("")));
                diags.push(problem.into_diagnostic(id));
            }
        }
    }
    set.fragments = set.files.len();
    Ok(set)
}

/// Why a file could not be read as text.
#[derive(Debug)]
pub enum ReadProblem {
    TooLarge(u64),
    NotUtf8 { line: usize },
    Io(String),
}

impl ReadProblem {
    pub fn into_diagnostic(self, file: FileId) -> Diagnostic {
        match self {
            ReadProblem::TooLarge(n) => Diagnostic::error(
                crate::diagnostic::codes::FICHIER_TROP_GROS,
                format!(
                    "fichier trop volumineux ({} Mio, au plus {} Mio)",
                    n / (1024 * 1024),
                    MAX_FILE_BYTES / (1024 * 1024)
                ),
            )
            .help("découpez la feuille de route en plusieurs fichiers"),
            ReadProblem::NotUtf8 { line } => Diagnostic::error(
                crate::diagnostic::codes::FICHIER_ENCODAGE,
                format!("le fichier n'est pas en UTF-8 (octets invalides à la ligne {line})"),
            )
            .help("enregistrez le fichier en UTF-8 (par exemple « Enregistrer sous… » puis encodage UTF-8)"),
            ReadProblem::Io(e) => {
                Diagnostic::error(crate::diagnostic::codes::FICHIER_ILLISIBLE, format!("lecture impossible : {e}"))
            }
        }
        .in_file(file)
    }
}

/// Read a file as UTF-8 text, refusing large files and stripping a BOM.
pub fn read_text(path: &Path) -> Result<Arc<str>, ReadProblem> {
    let meta = std::fs::metadata(path).map_err(|e| ReadProblem::Io(e.to_string()))?;
    // A named pipe or a device would block or never end.
    if !meta.is_file() {
        return Err(ReadProblem::Io("ce n'est pas un fichier ordinaire".into()));
    }
    if meta.len() > MAX_FILE_BYTES {
        return Err(ReadProblem::TooLarge(meta.len()));
    }
    let bytes = std::fs::read(path).map_err(|e| ReadProblem::Io(e.to_string()))?;
    match String::from_utf8(bytes) {
        Ok(mut s) => {
            if s.starts_with('\u{feff}') {
                s.drain(..3);
            }
            Ok(Arc::from(s))
        }
        Err(e) => {
            let valid = e.utf8_error().valid_up_to();
            let line = e.as_bytes()[..valid]
                .iter()
                .filter(|b| **b == b'\n')
                .count()
                + 1;
            Err(ReadProblem::NotUtf8 { line })
        }
    }
}

/// Resolve a path written in a source file against the roadmap folder,
/// refusing absolute paths and any path that leaves the folder.
pub fn resolve_inside(root: &Path, written: &str) -> Option<PathBuf> {
    let p = Path::new(written);
    if p.is_absolute() {
        return None;
    }
    let mut depth = 0i32;
    for c in p.components() {
        match c {
            Component::Normal(_) => depth += 1,
            Component::CurDir => {}
            Component::ParentDir => {
                depth -= 1;
                if depth < 0 {
                    return None;
                }
            }
            _ => return None,
        }
    }
    let full = root.join(p);
    // A link inside the folder could still point outside: compare real paths.
    let real_root = root.canonicalize().ok()?;
    let real = full.canonicalize().ok()?;
    real.starts_with(&real_root).then_some(real)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refuses_paths_leaving_the_folder() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("a.md"), "x").unwrap();
        assert!(resolve_inside(dir.path(), "a.md").is_some());
        assert!(resolve_inside(dir.path(), "../../etc/passwd").is_none());
        assert!(resolve_inside(dir.path(), "/etc/passwd").is_none());
        assert!(resolve_inside(dir.path(), "x/../../a.md").is_none());
    }

    #[test]
    fn line_col_counts_characters() {
        let f = SourceFile::new("a".into(), "a".into(), Arc::from("é: 1\nab: 2\n"));
        assert_eq!(f.line_col(0), (1, 1));
        assert_eq!(f.line_col(2), (1, 2));
        assert_eq!(f.line_col(3), (1, 3));
        assert_eq!(f.line_col(7), (2, 2));
        // Inside « é », at a line start, at the end: as the scan gives.
        assert_eq!(f.line_col(1), (1, 1));
        assert_eq!(f.line_col(6), (2, 1));
        assert_eq!(f.line_col(12), (3, 1));
        assert_eq!(f.line_col(99), (3, 1));
        for o in 0..14 {
            assert_eq!(f.line_col(o), line_col(&f.text, o), "offset {o}");
        }
    }
}
