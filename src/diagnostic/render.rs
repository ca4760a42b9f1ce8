//! Printing diagnostics: miette's graphical report for people, JSON for tools.

use super::{Diagnostic, Diagnostics, Severity};
use crate::format::Span;
use crate::load::SourceSet;
use miette::{
    GraphicalReportHandler, GraphicalTheme, LabeledSpan, MietteSpanContents, SourceSpan,
    SpanContents,
};
use std::fmt;

/// A named source whose report header counts columns in characters, as
/// the JSON output and editors do (miette counts bytes).
struct Source {
    name: String,
    /// The lines around the span, from a line start: a report copies and
    /// scans only these, not the whole file.
    text: String,
    /// Byte offset of `text` in the file, and its 0-based line number.
    base: usize,
    first_line: usize,
}

/// Lines of context kept around a span (the handler shows one).
const CONTEXT_LINES: usize = 2;

impl miette::SourceCode for Source {
    fn read_span<'a>(
        &'a self,
        span: &SourceSpan,
        before: usize,
        after: usize,
    ) -> Result<Box<dyn SpanContents<'a> + 'a>, miette::MietteError> {
        let c = self.text.read_span(span, before, after)?;
        let column = if c.column() == 0 {
            0
        } else {
            let start = crate::format::spanned::floor_boundary(&self.text, span.offset());
            let line_start = self.text[..start].rfind('\n').map_or(0, |i| i + 1);
            self.text
                .get(line_start..start)
                .map_or(c.column(), |s| s.chars().count())
        };
        Ok(Box::new(MietteSpanContents::new_named(
            self.name.clone(),
            c.data(),
            *c.span(),
            c.line() + self.first_line,
            column,
            c.line_count(),
        )))
    }
}

/// Adapter that gives miette what it needs for one diagnostic.
struct Report<'a> {
    diag: &'a Diagnostic,
    source: Option<Source>,
    related: Vec<Report<'a>>,
    related_place: Option<&'a super::Place>,
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
        let base = self.source.as_ref().map_or(0, |s| s.base);
        let label = LabeledSpan::new(label, span.offset.saturating_sub(base), span.len.max(1));
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

/// The source of `file` around `span`, for one report.
fn named(sources: &SourceSet, file: usize, span: Option<Span>) -> Option<Source> {
    use crate::format::spanned::floor_boundary;
    let f = sources.files.get(file)?;
    let text: &str = &f.text;
    let span = span.unwrap_or_default();
    let start = floor_boundary(text, span.offset);
    let end = floor_boundary(text, span.offset.saturating_add(span.len)).max(start);
    let mut from = text[..start].rfind('\n').map_or(0, |i| i + 1);
    for _ in 0..CONTEXT_LINES {
        if from == 0 {
            break;
        }
        from = text[..from - 1].rfind('\n').map_or(0, |i| i + 1);
    }
    let mut to = end;
    for _ in 0..=CONTEXT_LINES {
        to = text[to..].find('\n').map_or(text.len(), |i| to + i + 1);
    }
    Some(Source {
        name: f.display_path(),
        text: text[from..to].to_string(),
        base: from,
        first_line: f.line_col(from).0 - 1,
    })
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
    let mut out = String::new();
    for d in &diags.items {
        // A diagnostic about a whole file names it in its message.
        let whole_file;
        let d = match (d.span, d.file.and_then(|f| sources.files.get(f))) {
            (None, Some(f)) => {
                whole_file = Diagnostic {
                    message: format!("{} : {}", f.display_path(), d.message),
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
                source: named(sources, p.file, Some(p.span)),
                related: Vec::new(),
                related_place: Some(p),
            })
            .collect();
        let report = Report {
            diag: d,
            source: d.file.and_then(|f| {
                // A diagnostic about a whole file shows its name only.
                if d.span.is_some() {
                    named(sources, f, d.span)
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
    let items: Vec<JsonDiag> = diags
        .items
        .iter()
        .map(|d| {
            let file = d.file.and_then(|f| sources.files.get(f));
            let end = match (file, d.span) {
                (Some(f), Some(s)) => Some(f.line_col(s.offset + s.len)),
                _ => None,
            };
            JsonDiag {
                file: file.map(|f| f.display_path()),
                line: d.span.map(|s| s.line),
                column: d.span.map(|s| s.col),
                end_line: end.map(|e| e.0),
                end_column: end.map(|e| e.1),
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
    use crate::format::Span;
    use crate::load::SourceFile;
    use std::sync::Arc;

    #[test]
    fn a_span_inside_a_character_does_not_panic() {
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
        let mut diags = Diagnostics::default();
        // Byte 8 is inside « é » (bytes 7–8): the column is that of « é ».
        let span = Span {
            offset: 8,
            len: 1,
            line: 1,
            col: 8,
        };
        diags.push(Diagnostic::error("fdr::test", "m").at(0, span).label("ici"));
        let out = render_human(&diags, &sources, false);
        assert!(out.contains("a.yaml:1:8"), "{out}");
        assert_eq!(Span::locate(text, 8, 1).col, 8);
        assert_eq!(Span::locate(text, 11, 1).col, 9);
    }
}
