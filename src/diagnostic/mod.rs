//! Diagnostics: every problem a user can cause, with a stable code, a French
//! message, a position in a source file and, when possible, a fix.

pub mod codes;
pub mod fr;

use crate::format::Span;

/// Index of a file in the set of sources read (`load::SourceSet`).
pub type FileId = usize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    #[serde(rename = "erreur")]
    Error,
    #[serde(rename = "avertissement")]
    Warning,
}

/// A place in a source file, with a short label shown under the underline.
#[derive(Debug, Clone)]
pub struct Place {
    pub file: FileId,
    pub span: Span,
    pub label: String,
}

/// A cell of a spreadsheet (`fdr import`): `Actions!D12`, or `D12` in a
/// CSV file (one sheet, no name).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Cell {
    pub sheet: Option<String>,
    /// 1-based row.
    pub row: u32,
    /// 0-based column (0 is `A`).
    pub col: u32,
}

impl std::fmt::Display for Cell {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if let Some(sheet) = &self.sheet {
            if sheet.chars().all(|c| c.is_alphanumeric() || c == '_') {
                write!(f, "{sheet}!")?;
            } else {
                write!(f, "'{}'!", sheet.replace('\'', "''"))?;
            }
        }
        let mut letters = Vec::new();
        let mut n = u64::from(self.col) + 1;
        while n > 0 {
            let rem = (n - 1) % 26;
            letters.push(char::from(b'A' + rem as u8));
            n = (n - 1) / 26;
        }
        letters.reverse();
        write!(f, "{}{}", letters.into_iter().collect::<String>(), self.row)
    }
}

#[derive(Debug, Clone)]
pub struct Diagnostic {
    pub severity: Severity,
    pub code: &'static str,
    pub message: String,
    /// File the diagnostic is about; `None` for problems with no file.
    pub file: Option<FileId>,
    /// Position in that file; `None` when the whole file is concerned.
    pub span: Option<Span>,
    pub label: Option<String>,
    pub help: Option<String>,
    /// Other places worth showing (the first definition of a duplicate…).
    pub related: Vec<Place>,
    /// Cell of a spreadsheet, for a diagnostic about a file `fdr import` read.
    pub cell: Option<Cell>,
}

impl Diagnostic {
    pub fn error(code: &'static str, message: impl Into<String>) -> Self {
        debug_assert!(
            !codes::WARNINGS.contains(&code),
            "{code} is a warning in the catalogue"
        );
        Self::new(Severity::Error, code, message)
    }

    fn new(severity: Severity, code: &'static str, message: impl Into<String>) -> Self {
        Self {
            severity,
            code,
            message: message.into(),
            file: None,
            span: None,
            label: None,
            help: None,
            related: Vec::new(),
            cell: None,
        }
    }

    pub fn warning(code: &'static str, message: impl Into<String>) -> Self {
        debug_assert!(
            codes::WARNINGS.contains(&code),
            "{code} is an error in the catalogue"
        );
        Self::new(Severity::Warning, code, message)
    }

    /// Where it is and what it says, for a stable report order.
    fn sort_key(&self) -> (Option<FileId>, Option<usize>, &Option<Cell>, &str, &str) {
        (
            self.file,
            self.span.map(|s| s.offset),
            &self.cell,
            self.code,
            &self.message,
        )
    }

    pub fn in_file(mut self, file: FileId) -> Self {
        self.file = Some(file);
        self
    }

    pub fn at(mut self, file: FileId, span: Span) -> Self {
        self.file = Some(file);
        if span.line > 0 {
            self.span = Some(span);
        }
        self
    }

    /// At a cell of the spreadsheet `file`.
    pub fn at_cell(mut self, file: FileId, cell: Cell) -> Self {
        self.file = Some(file);
        self.cell = Some(cell);
        self
    }

    /// Where the diagnostic points, in words: `Actions!D12` for a cell.
    pub fn cell_prefix(&self) -> String {
        self.cell
            .as_ref()
            .map_or_else(String::new, |c| format!("{c} : "))
    }

    pub fn label(mut self, label: impl Into<String>) -> Self {
        self.label = Some(label.into());
        self
    }

    pub fn help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    pub fn help_opt(mut self, help: Option<String>) -> Self {
        self.help = help;
        self
    }

    pub fn related(mut self, file: FileId, span: Span, label: impl Into<String>) -> Self {
        self.related.push(Place {
            file,
            span,
            label: label.into(),
        });
        self
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

/// Diagnostics collected across all stages of one run.
#[derive(Debug, Default)]
pub struct Diagnostics {
    pub items: Vec<Diagnostic>,
}

impl Diagnostics {
    pub fn push(&mut self, d: Diagnostic) {
        self.items.push(d);
    }

    pub fn has_errors(&self) -> bool {
        self.items.iter().any(Diagnostic::is_error)
    }

    pub fn count(&self, severity: Severity) -> usize {
        self.items.iter().filter(|d| d.severity == severity).count()
    }

    /// Sort by file, then position, then code: stable output whatever the
    /// order in which checks ran; duplicates are dropped.
    pub fn sort(&mut self) {
        self.items.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
        // A value refused by the schema and again by the semantic stage
        // (same rule: same code, place and label, the message may quote the
        // value differently, `.nan` or `NaN`) is reported once.
        self.items.dedup_by(|a, b| {
            a.code == b.code
                && a.file == b.file
                && a.span.is_some()
                && a.span == b.span
                && (a.message == b.message || a.label == b.label)
        });
    }

    /// Turn every warning into an error (`--deny-warnings`).
    pub fn deny_warnings(&mut self) {
        for d in &mut self.items {
            d.severity = Severity::Error;
        }
    }
}

/// Closest candidate to `word`, for "did you mean" help.
pub fn suggest<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    candidates
        .into_iter()
        .map(|c| (strsim::jaro_winkler(word, c), c))
        .filter(|(score, _)| *score > 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0).then_with(|| b.1.cmp(a.1)))
        .map(|(_, c)| c)
}

/// "did you mean" help text, in French.
pub fn did_you_mean<'a>(
    word: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<String> {
    suggest(word, candidates).map(|s| format!("vouliez-vous dire « {s} » ?"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_closest_id() {
        let ids = ["hub-du-sud", "prefecture-13", "metropole-amp"];
        assert_eq!(suggest("hub-du-su", ids), Some("hub-du-sud"));
        assert_eq!(suggest("zzz", ids), None);
    }

    #[test]
    fn sorts_by_file_then_offset() {
        let mut d = Diagnostics::default();
        let s = |o| Span {
            offset: o,
            len: 1,
            line: 1,
            col: 1,
        };
        d.push(Diagnostic::error("b", "x").at(1, s(5)));
        d.push(Diagnostic::error("a", "y").at(0, s(9)));
        d.push(Diagnostic::error("c", "z").at(0, s(2)));
        d.sort();
        let codes: Vec<_> = d.items.iter().map(|d| d.code).collect();
        assert_eq!(codes, ["c", "a", "b"]);
    }

    #[test]
    fn names_cells_like_spreadsheets() {
        let c = |sheet: Option<&str>, row, col| Cell {
            sheet: sheet.map(str::to_string),
            row,
            col,
        };
        assert_eq!(c(Some("Actions"), 12, 3).to_string(), "Actions!D12");
        assert_eq!(c(None, 1, 25).to_string(), "Z1");
        assert_eq!(c(None, 1, 26).to_string(), "AA1");
        assert_eq!(c(None, 3, 701).to_string(), "ZZ3");
        assert_eq!(c(None, 3, 702).to_string(), "AAA3");
        assert_eq!(
            c(Some("Fichier d'import"), 4, 0).to_string(),
            "'Fichier d''import'!A4"
        );
    }
}
