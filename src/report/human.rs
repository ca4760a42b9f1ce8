//! Printing diagnostics: miette's graphical report for people, JSON for tools.

use super::lines::{Files, Indexed};
use crate::diagnostic::{Diagnostic, Diagnostics, Severity};
use crate::load::SourceSet;
use miette::{
    GraphicalReportHandler, GraphicalTheme, LabeledSpan, MietteSpanContents, SourceSpan,
    SpanContents,
};
use std::fmt;
use std::sync::Arc;

/// A named source whose report header counts columns in characters, as
/// the JSON output and editors do (miette counts bytes). miette is given
/// only the lines around a span (found with the file's line index), never
/// the whole file: each report costs the size of what it shows.
struct Source(Arc<Indexed>);

impl miette::SourceCode for Source {
    fn read_span<'a>(
        &'a self,
        span: &SourceSpan,
        before: usize,
        after: usize,
    ) -> Result<Box<dyn SpanContents<'a> + 'a>, miette::MietteError> {
        let f = &self.0;
        let len = f.text.len();
        if span.offset() > len {
            return Err(miette::MietteError::OutOfBounds);
        }
        // One extra line on each side, so that miette's own scan of the
        // window finds the same context lines as in the whole file.
        let first = f.lines.line_of(span.offset()).saturating_sub(before + 1);
        let last = f.lines.line_of(span.offset() + span.len()) + after + 2;
        let (w_start, w_end) = (
            f.lines.line_start(first, len),
            f.lines.line_start(last, len),
        );
        let window = f.text.get(w_start..w_end).unwrap_or("");
        let local = SourceSpan::new((span.offset() - w_start).into(), span.len());
        let c = window.read_span(&local, before, after)?;
        let column = if c.column() == 0 {
            0
        } else {
            f.lines.line_col(&f.text, span.offset()).1 - 1
        };
        let data_start = w_start + c.span().offset();
        let data = f
            .text
            .as_bytes()
            .get(data_start..data_start + c.span().len())
            .unwrap_or_default();
        Ok(Box::new(MietteSpanContents::new_named(
            f.name.clone(),
            data,
            SourceSpan::new(data_start.into(), c.span().len()),
            c.line() + first,
            column,
            // miette counts every line break it scanned, from the start.
            c.line_count() + first,
        )))
    }
}

/// Adapter that gives miette what it needs for one diagnostic.
struct Report<'a> {
    diag: &'a Diagnostic,
    source: Option<Source>,
    related: Vec<Report<'a>>,
    related_place: Option<&'a crate::diagnostic::Place>,
}

impl fmt::Debug for Report<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.diag.message)
    }
}

impl fmt::Display for Report<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.related_place {
            Some(p) => f.write_str(&p.label),
            None => f.write_str(&self.diag.message),
        }
    }
}

impl std::error::Error for Report<'_> {}

impl miette::Diagnostic for Report<'_> {
    fn code<'b>(&'b self) -> Option<Box<dyn fmt::Display + 'b>> {
        if self.related_place.is_some() {
            return None;
        }
        Some(Box::new(self.diag.code))
    }

    fn severity(&self) -> Option<miette::Severity> {
        if self.related_place.is_some() {
            return Some(miette::Severity::Advice);
        }
        Some(match self.diag.severity {
            Severity::Error => miette::Severity::Error,
            Severity::Warning => miette::Severity::Warning,
        })
    }

    fn help<'b>(&'b self) -> Option<Box<dyn fmt::Display + 'b>> {
        if self.related_place.is_some() {
            return None;
        }
        self.diag
            .help
            .as_ref()
            .map(|h| Box::new(h) as Box<dyn fmt::Display>)
    }

    fn source_code(&self) -> Option<&dyn miette::SourceCode> {
        self.source.as_ref().map(|s| s as &dyn miette::SourceCode)
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        self.source.as_ref()?;
        let (span, label) = match self.related_place {
            Some(p) => (Some(p.span), Some(p.label.clone())),
            None => (self.diag.span, self.diag.label.clone()),
        };
        let span = span?;
        let label = LabeledSpan::new(label, span.offset, span.len.max(1));
        Some(Box::new(std::iter::once(label)))
    }

    fn related<'b>(&'b self) -> Option<Box<dyn Iterator<Item = &'b dyn miette::Diagnostic> + 'b>> {
        if self.related.is_empty() {
            return None;
        }
        Some(Box::new(
            self.related.iter().map(|r| r as &dyn miette::Diagnostic),
        ))
    }
}

fn named(files: &Files, file: usize) -> Option<Source> {
    files.get(file).map(|f| Source(f.clone()))
}

/// Human output: one miette report per diagnostic, then a French summary.
pub fn render_human(diags: &Diagnostics, sources: &SourceSet, color: bool) -> String {
    let theme = if color {
        GraphicalTheme::unicode()
    } else {
        GraphicalTheme::unicode_nocolor()
    };
    let handler = GraphicalReportHandler::new_themed(theme)
        .with_width(100)
        .with_show_related_as_nested(true);
    let files = Files::new(sources);
    let mut out = String::new();
    for d in &diags.items {
        // A diagnostic about a whole file names it in its message.
        let whole_file;
        let d = match (d.span, d.file.and_then(|f| sources.files.get(f))) {
            (None, Some(f)) => {
                // A spreadsheet's diagnostic names its cell after the file.
                let cell = d.cell.as_ref().map_or(String::new(), |c| format!(", {c}"));
                whole_file = Diagnostic {
                    message: format!("{}{cell} : {}", f.display_path(), d.message),
                    ..d.clone()
                };
                &whole_file
            }
            _ => d,
        };
        let related = d
            .related
            .iter()
            .map(|p| Report {
                diag: d,
                source: named(&files, p.file),
                related: Vec::new(),
                related_place: Some(p),
            })
            .collect();
        let report = Report {
            diag: d,
            source: d.file.and_then(|f| {
                // A diagnostic about a whole file shows its name only.
                if d.span.is_some() {
                    named(&files, f)
                } else {
                    None
                }
            }),
            related,
            related_place: None,
        };
        let mut text = String::new();
        if handler.render_report(&mut text, &report).is_err() {
            text = format!("{}: {}\n", d.code, d.message);
        }
        out.push_str(&text);
        out.push('\n');
    }
    out
}

/// "2 erreurs, 1 avertissement", "aucune erreur, aucun avertissement".
pub fn summary_line(diags: &Diagnostics) -> String {
    let e = diags.count(Severity::Error);
    let w = diags.count(Severity::Warning);
    let errors = match e {
        0 => "aucune erreur".to_string(),
        1 => "1 erreur".to_string(),
        n => format!("{n} erreurs"),
    };
    let warnings = match w {
        0 => "aucun avertissement".to_string(),
        1 => "1 avertissement".to_string(),
        n => format!("{n} avertissements"),
    };
    format!("{errors}, {warnings}")
}

#[derive(serde::Serialize)]
struct JsonDiag<'a> {
    file: Option<String>,
    line: Option<usize>,
    column: Option<usize>,
    end_line: Option<usize>,
    end_column: Option<usize>,
    /// Cell of a spreadsheet (`fdr import`): `Actions!D12`.
    #[serde(skip_serializing_if = "Option::is_none")]
    cell: Option<String>,
    severity: Severity,
    code: &'a str,
    message: &'a str,
    help: Option<&'a str>,
    label: Option<&'a str>,
    related: Vec<JsonPlace>,
}

#[derive(serde::Serialize)]
struct JsonPlace {
    file: Option<String>,
    line: usize,
    column: usize,
    label: String,
}

/// One JSON object per diagnostic, in a JSON array.
pub fn render_json(diags: &Diagnostics, sources: &SourceSet) -> String {
    let files = Files::new(sources);
    let items: Vec<JsonDiag> = diags
        .items
        .iter()
        .map(|d| {
            let file = d.file.and_then(|f| sources.files.get(f));
            let end = match (d.file.and_then(|f| files.get(f)), d.span) {
                (Some(f), Some(s)) => Some(f.end_of(s)),
                _ => None,
            };
            JsonDiag {
                file: file.map(|f| f.display_path()),
                line: d.span.map(|s| s.line),
                column: d.span.map(|s| s.col),
                end_line: end.map(|e| e.0),
                end_column: end.map(|e| e.1),
                cell: d.cell.as_ref().map(ToString::to_string),
                severity: d.severity,
                code: d.code,
                message: &d.message,
                help: d.help.as_deref(),
                label: d.label.as_deref(),
                related: d
                    .related
                    .iter()
                    .map(|p| JsonPlace {
                        file: sources.files.get(p.file).map(|f| f.display_path()),
                        line: p.span.line,
                        column: p.span.col,
                        label: p.label.clone(),
                    })
                    .collect(),
            }
        })
        .collect();
    serde_json::to_string_pretty(&items).unwrap_or_else(|_| "[]".into())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::lines::LineIndex;
    use miette::SourceCode;

    /// What the whole-file read gave (miette's own `str` reader, columns
    /// counted in characters): the window must give the same.
    fn whole(
        text: &str,
        span: &SourceSpan,
        b: usize,
        a: usize,
    ) -> Option<(Vec<u8>, usize, usize, usize, usize, usize)> {
        let c = text.read_span(span, b, a).ok()?;
        let column = if c.column() == 0 {
            0
        } else {
            let start = span.offset().min(text.len());
            let line_start = text[..start].rfind('\n').map_or(0, |i| i + 1);
            text[line_start..start].chars().count()
        };
        Some((
            c.data().to_vec(),
            c.span().offset(),
            c.span().len(),
            c.line(),
            column,
            c.line_count(),
        ))
    }

    #[test]
    fn windows_read_like_the_whole_file() {
        let text = "a: 1\r\nbé: [x, y]\n\n  z: « 1 »\nfin: 2\nderniere";
        let src = Source(Arc::new(Indexed {
            name: "f".into(),
            text: text.into(),
            lines: LineIndex::new(text),
        }));
        for offset in 0..=text.len() {
            if !text.is_char_boundary(offset) {
                continue;
            }
            for len in [0, 1, 3, 12] {
                for (b, a) in [(0, 0), (1, 1), (2, 3)] {
                    let span = SourceSpan::new(offset.into(), len);
                    let got = src.read_span(&span, b, a).ok().map(|c| {
                        (
                            c.data().to_vec(),
                            c.span().offset(),
                            c.span().len(),
                            c.line(),
                            c.column(),
                            c.line_count(),
                        )
                    });
                    assert_eq!(got, whole(text, &span, b, a), "{offset} {len} {b} {a}");
                }
            }
        }
    }

    #[test]
    fn a_span_inside_a_character_does_not_panic() {
        use crate::format::Span;
        use crate::load::{SourceFile, SourceSet};
        use std::sync::Arc;
        let text = "titre: é😀 x\n";
        let sources = SourceSet {
            files: vec![SourceFile::new(
                "a.yaml".into(),
                "a.yaml".into(),
                Arc::from(text),
            )],
            fragments: 1,
            ..SourceSet::default()
        };
        let mut diags = crate::diagnostic::Diagnostics::default();
        // Byte 8 is inside « é » (bytes 7–8): the column is that of « é ».
        let span = Span {
            offset: 8,
            len: 1,
            line: 1,
            col: 8,
        };
        diags.push(
            crate::diagnostic::Diagnostic::error("fdr::test", "m")
                .at(0, span)
                .label("ici"),
        );
        let out = render_human(&diags, &sources, false);
        // No panic, and the report still names the file and line.
        assert!(out.contains("a.yaml:1:"), "{out}");
    }
}
