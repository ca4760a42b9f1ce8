//! Line index of a source file, computed once per file and shared by every
//! diagnostic about it: positions and report windows cost the size of the
//! lines concerned, not of the file (reporting stays linear in the number
//! of diagnostics).

use crate::format::Span;
use crate::load::SourceSet;
use std::sync::Arc;

/// Byte offset of the start of every line.
#[derive(Debug)]
pub struct LineIndex {
    starts: Vec<usize>,
}

impl LineIndex {
    pub fn new(text: &str) -> Self {
        let starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        Self { starts }
    }

    /// 0-based line holding a byte offset.
    pub fn line_of(&self, offset: usize) -> usize {
        self.starts
            .partition_point(|&s| s <= offset)
            .saturating_sub(1)
    }

    /// Start of a 0-based line (the text's length past the last line).
    pub fn line_start(&self, line: usize, len: usize) -> usize {
        self.starts.get(line).copied().unwrap_or(len)
    }

    /// 1-based line and column (in characters) of a byte offset, as
    /// [`crate::load::line_col`] computes it.
    pub fn line_col(&self, text: &str, offset: usize) -> (usize, usize) {
        let offset = offset.min(text.len());
        let line = self.line_of(offset);
        let start = self.line_start(line, text.len());
        let col = text.get(start..offset).map_or(0, |s| s.chars().count());
        (line + 1, col + 1)
    }
}

/// One source file ready for reports: its name, text and line index.
#[derive(Debug)]
pub struct Indexed {
    pub name: String,
    pub text: Arc<str>,
    pub lines: LineIndex,
}

impl Indexed {
    /// Line and column just past the end of a span.
    pub fn end_of(&self, span: Span) -> (usize, usize) {
        self.lines.line_col(&self.text, span.offset + span.len)
    }
}

/// The files of a run, each indexed on first use.
pub struct Files<'a> {
    sources: &'a SourceSet,
    cache: Vec<std::sync::OnceLock<Arc<Indexed>>>,
}

impl<'a> Files<'a> {
    pub fn new(sources: &'a SourceSet) -> Self {
        let cache = sources
            .files
            .iter()
            .map(|_| std::sync::OnceLock::new())
            .collect();
        Self { sources, cache }
    }

    pub fn get(&self, file: usize) -> Option<&Arc<Indexed>> {
        let f = self.sources.files.get(file)?;
        Some(self.cache.get(file)?.get_or_init(|| {
            Arc::new(Indexed {
                name: f.display_path(),
                text: f.text.clone(),
                lines: LineIndex::new(&f.text),
            })
        }))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn agrees_with_load_line_col() {
        let text = "a: é\nbé: [x, y]\n\n  z: 1\nfin";
        let ix = LineIndex::new(text);
        for offset in 0..=text.len() + 2 {
            if text.is_char_boundary(offset.min(text.len())) {
                assert_eq!(
                    ix.line_col(text, offset),
                    crate::load::line_col(text, offset),
                    "{offset}"
                );
            }
        }
    }
}
