//! A template that fails, or typst that cannot compose the PDF, as a
//! diagnostic: a code of the catalogue, the file and line of the template
//! (a user's template is added to the sources of the report, so that its
//! line is shown underlined like a YAML source's), and what to do.
//!
//! A [`TemplateError`] crosses the boundary of the isolated rendering
//! (`fdr rendu-isole`) as one line of JSON; the parent turns it into a
//! diagnostic with [`TemplateError::diagnostic`], like an error of a
//! rendering made in process.

use crate::diagnostic::{Diagnostic, codes};
use crate::format::Span;
use crate::load::{SourceFile, SourceSet, display_of};
use std::path::Path;
use std::sync::Arc;

/// What failed: a template (run by minijinja, read from `DIR/templates/`,
/// or stopped at its limits), or typst composing the PDF.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Stage {
    Gabarit,
    Pdf,
}

/// Why a template failed: what to tell the user, and where.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct TemplateError {
    pub stage: Stage,
    /// The file, as shown: `DIR/templates/NAME`, or `templates/NAME (intégré)`.
    pub file: String,
    /// Its name under `DIR/templates/` when the file is the user's: the
    /// report then shows its failing line.
    #[serde(default)]
    pub user: Option<String>,
    /// Where in that file, when the engine says.
    #[serde(default)]
    pub at: Option<Box<At>>,
    pub message: String,
    /// Hints, one a line, the last one saying what to do.
    #[serde(default)]
    pub help: Vec<String>,
}

/// A place in a template.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct At {
    pub line: usize,
    pub column: Option<usize>,
    /// Byte range of the failing part of the file.
    pub range: Option<(usize, usize)>,
}

impl TemplateError {
    /// An error about `file` as a whole.
    pub fn new(stage: Stage, file: impl Into<String>, message: impl Into<String>) -> Self {
        Self {
            stage,
            file: file.into(),
            user: None,
            at: None,
            message: message.into(),
            help: Vec::new(),
        }
    }

    /// The file is the user's `DIR/templates/NAME`.
    pub fn user(mut self, name: impl Into<String>) -> Self {
        self.user = Some(name.into());
        self
    }

    pub fn help(mut self, help: impl Into<String>) -> Self {
        self.help.push(help.into());
        self
    }

    /// The error is at `line` (1-based), if known.
    pub fn at(
        mut self,
        line: Option<usize>,
        column: Option<usize>,
        range: Option<(usize, usize)>,
    ) -> Self {
        self.at = line.map(|line| {
            Box::new(At {
                line,
                column,
                range,
            })
        });
        self
    }

    /// `file:line:column`, as much of it as is known.
    fn place(&self) -> String {
        match self.at.as_deref() {
            Some(At {
                line,
                column: Some(c),
                ..
            }) => format!("{}:{line}:{c}", self.file),
            Some(At { line, .. }) => format!("{}:{line}", self.file),
            None => self.file.clone(),
        }
    }

    /// The diagnostic to report. A user's template is added to `sources`
    /// (read again from `root`), so that the report shows its failing line
    /// underlined; a built-in template is named in the message.
    pub fn diagnostic(self, root: &Path, sources: &mut SourceSet) -> Diagnostic {
        let code = match self.stage {
            Stage::Gabarit => codes::GABARIT_ERREUR,
            Stage::Pdf => codes::PDF_COMPILATION,
        };
        let help = (!self.help.is_empty()).then(|| self.help.join("\n"));
        let Some(name) = self.user.as_deref() else {
            let message = format!("{} : {}", self.place(), self.message);
            return Diagnostic::error(code, message).help_opt(help);
        };
        let file = add_source(root, name, sources);
        let line = self.at.as_ref().map(|a| a.line);
        let range = self.at.as_ref().and_then(|a| a.range);
        let span = sources
            .files
            .get(file)
            .and_then(|f| span_in(f, range, line));
        let d = match (span, line) {
            (Some(span), _) => Diagnostic::error(code, self.message).at(file, span),
            (None, Some(l)) => {
                Diagnostic::error(code, format!("ligne {l} : {}", self.message)).in_file(file)
            }
            (None, None) => Diagnostic::error(code, self.message).in_file(file),
        };
        let d = if d.span.is_some() { d.label("ici") } else { d };
        d.help_opt(help)
    }
}

impl std::fmt::Display for TemplateError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} : {}", self.place(), self.message)
    }
}

/// Add the user's `root/templates/name` to `sources` (empty when it
/// cannot be read: the report still names it); its index.
fn add_source(root: &Path, name: &str, sources: &mut SourceSet) -> usize {
    let rel = format!("templates/{name}");
    if let Some(i) = sources.files.iter().position(|f| f.rel == rel) {
        return i;
    }
    let text = match super::user_file(root, name) {
        Ok(Some((_, text))) => Arc::from(text),
        _ => Arc::from(""),
    };
    let display = display_of(root, &rel);
    sources.files.push(SourceFile::new(rel, display, text));
    sources.files.len() - 1
}

/// Where the error is in `f`: the engine's range when it lies in the text,
/// else the whole line `line` (its indentation left out).
fn span_in(f: &SourceFile, range: Option<(usize, usize)>, line: Option<usize>) -> Option<Span> {
    let text = &f.text;
    let fits = |(s, e): (usize, usize)| {
        s <= e && e <= text.len() && text.is_char_boundary(s) && text.is_char_boundary(e)
    };
    let (offset, len) = match range.filter(|r| fits(*r)) {
        Some((s, e)) => (s, e - s),
        None => {
            let wanted = line?.checked_sub(1)?;
            let mut start = 0;
            let mut found = None;
            for (i, l) in text.split_inclusive('\n').enumerate() {
                if i == wanted {
                    let content = l.trim_end_matches(['\n', '\r']);
                    let indent = content.len() - content.trim_start().len();
                    found = Some((start + indent, content.trim().len()));
                    break;
                }
                start += l.len();
            }
            found?
        }
    };
    let (line, col) = f.line_col(offset);
    Some(Span {
        offset,
        len,
        line,
        col,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(text: &str) -> SourceFile {
        SourceFile::new("t".into(), "t".into(), Arc::from(text))
    }

    #[test]
    fn spans_the_range_or_the_line() {
        let f = file("a\n  {{ x | f }}\r\nb");
        let s = span_in(&f, Some((5, 11)), Some(2)).unwrap();
        assert_eq!((s.offset, s.len, s.line, s.col), (5, 6, 2, 4));
        // A range outside the text: the line, without indentation or CRLF.
        let s = span_in(&f, Some((5, 99)), Some(2)).unwrap();
        assert_eq!((s.offset, s.len, s.line, s.col), (4, 11, 2, 3));
        assert!(span_in(&f, None, Some(9)).is_none());
        assert!(span_in(&f, None, Some(0)).is_none());
        assert!(span_in(&f, None, None).is_none());
        // Inside a character: not a range.
        let f = file("é\n");
        assert_eq!(span_in(&f, Some((1, 2)), Some(1)).unwrap().offset, 0);
    }

    #[test]
    fn crosses_the_process_boundary_as_json() {
        let e = TemplateError::new(Stage::Pdf, "f", "m")
            .user("a.typ")
            .at(Some(2), Some(3), Some((4, 5)))
            .help("h");
        let back: TemplateError =
            serde_json::from_str(&serde_json::to_string(&e).unwrap()).unwrap();
        assert_eq!(back.stage, Stage::Pdf);
        assert_eq!(back.user.as_deref(), Some("a.typ"));
        assert_eq!(back.help, ["h"]);
        assert_eq!(back.to_string(), "f:2:3 : m");
        assert_eq!(back.at.map(|a| a.range), Some(Some((4, 5))));
    }
}
