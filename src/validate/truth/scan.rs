//! Reading the prose of a Markdown text: what a reader sees as sentences,
//! without code, links, addresses or HTML (a number there is not prose),
//! cut into words with their byte offsets; and where a piece of it is in
//! the source file.

use super::super::context::{Ctx, LoadedText};
use crate::format::Span;

/// `text` with code (fenced blocks, inline spans), links (`[…](…)`,
/// `[…][…]`), autolinks and HTML tags (`<…>`) and bare web addresses
/// replaced by spaces, byte for byte: offsets stay those of `text`. One
/// pass, whatever the text holds (unclosed brackets, backticks…).
pub fn prose(text: &str) -> String {
    let b = text.as_bytes();
    let mut hide = vec![false; b.len()];
    fences(text, &mut hide);
    let closing = Closing::new(b, &hide);
    let mut i = 0;
    while i < b.len() {
        if hide[i] {
            i += 1;
            continue;
        }
        let end = match b[i] {
            b'`' => match code_span(b, i, &closing) {
                Ok(e) => Some(e),
                // An unclosed run of backticks is text: skip it whole.
                Err(run) => {
                    i += run;
                    continue;
                }
            },
            b'[' => link(b, i, &closing),
            b'<' => closing.angle[i],
            b'h' | b'w' => address(text, i),
            _ => None,
        };
        match end {
            Some(e) => {
                hide[i..e].iter_mut().for_each(|h| *h = true);
                i = e;
            }
            None => i += 1,
        }
    }
    text.char_indices()
        .map(|(o, c)| {
            if hide[o] {
                " ".repeat(c.len_utf8())
            } else {
                c.to_string()
            }
        })
        .collect()
}

/// Lines between ``` (or ~~~) fences, fences included.
fn fences(text: &str, hide: &mut [bool]) {
    let mut open: Option<&str> = None;
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let t = line.trim_start_matches(' ');
        let fence = ["```", "~~~"].into_iter().find(|f| t.starts_with(f));
        let inside = open.is_some();
        match (open, fence) {
            (None, Some(f)) => open = Some(f),
            (Some(o), Some(f)) if o == f => open = None,
            _ => {}
        }
        if inside || fence.is_some() {
            hide[offset..offset + line.len()]
                .iter_mut()
                .for_each(|h| *h = true);
        }
        offset += line.len();
    }
}

/// For each opening bracket, parenthesis or angle bracket, the end of its
/// group (just past the closing one), found in one pass with a stack.
struct Closing {
    bracket: Vec<Option<usize>>,
    paren: Vec<Option<usize>>,
    angle: Vec<Option<usize>>,
    /// For each run of backticks, where the next run of each length starts.
    next_run: std::collections::HashMap<(usize, usize), usize>,
}

impl Closing {
    fn new(b: &[u8], hide: &[bool]) -> Closing {
        let mut c = Closing {
            bracket: vec![None; b.len()],
            paren: vec![None; b.len()],
            angle: vec![None; b.len()],
            next_run: std::collections::HashMap::new(),
        };
        let (mut brackets, mut parens) = (Vec::new(), Vec::new());
        let mut angle_open: Option<usize> = None;
        // Last start of a run of backticks of each length, waiting for the next.
        let mut runs: std::collections::HashMap<usize, usize> = std::collections::HashMap::new();
        let mut i = 0;
        while i < b.len() {
            if hide[i] {
                i += 1;
                continue;
            }
            match b[i] {
                b'\\' => i += 1,
                b'[' => brackets.push(i),
                b']' => {
                    if let Some(o) = brackets.pop() {
                        c.bracket[o] = Some(i + 1);
                    }
                }
                b'(' => parens.push(i),
                b')' => {
                    if let Some(o) = parens.pop() {
                        c.paren[o] = Some(i + 1);
                    }
                }
                b'<' => angle_open = Some(i),
                b'>' => {
                    if let Some(o) = angle_open.take().filter(|o| i > o + 1) {
                        c.angle[o] = Some(i + 1);
                    }
                }
                b'`' => {
                    let run = b[i..].iter().take_while(|&&x| x == b'`').count();
                    if let Some(prev) = runs.insert(run, i) {
                        c.next_run.insert((prev, run), i);
                    }
                    i += run;
                    continue;
                }
                x if x.is_ascii_whitespace() => angle_open = None,
                _ => {}
            }
            i += 1;
        }
        c
    }
}

/// An inline code span opened by the run of backticks at `i`: its end, or
/// the length of the run when nothing closes it.
fn code_span(b: &[u8], i: usize, closing: &Closing) -> Result<usize, usize> {
    let run = b[i..].iter().take_while(|&&c| c == b'`').count();
    match closing.next_run.get(&(i, run)) {
        Some(&j) => Ok(j + run),
        None => Err(run),
    }
}

/// A link `[text](target)` or `[text][ref]` starting at `i`: its end.
fn link(b: &[u8], i: usize, closing: &Closing) -> Option<usize> {
    let text_end = closing.bracket[i]?;
    match b.get(text_end) {
        Some(b'(') => closing.paren[text_end],
        Some(b'[') => closing.bracket[text_end],
        _ => None,
    }
}

/// A bare address (`https://…`, `www.…`) starting at `i`: its end.
fn address(text: &str, i: usize) -> Option<usize> {
    let rest = &text[i..];
    let starts = ["http://", "https://", "www."]
        .iter()
        .any(|p| rest.starts_with(p));
    let word_start = text[..i]
        .chars()
        .next_back()
        .is_none_or(|c| !c.is_alphanumeric());
    (starts && word_start).then(|| i + rest.find(char::is_whitespace).unwrap_or(rest.len()))
}

/// A word of the prose: letters, digits and hyphens (« dix-sept »), lower
/// case, with its byte range and the number of its sentence.
#[derive(Debug, Clone)]
pub struct Word {
    pub text: String,
    pub start: usize,
    pub end: usize,
    pub sentence: usize,
}

/// The words of a prose text (see [`prose`]); a sentence ends at « . »,
/// « ! », « ? », « ; » or a blank line.
pub fn words(prose: &str) -> Vec<Word> {
    let mut out = Vec::new();
    let mut sentence = 0;
    let mut current: Option<(usize, String)> = None;
    let mut last_newline = false;
    for (o, c) in prose.char_indices() {
        if c.is_alphanumeric() || c == '-' {
            current
                .get_or_insert_with(|| (o, String::new()))
                .1
                .extend(c.to_lowercase());
            last_newline = false;
            continue;
        }
        if let Some((start, text)) = current.take() {
            out.push(Word {
                text,
                start,
                end: o,
                sentence,
            });
        }
        let blank = c == '\n' && last_newline;
        if matches!(c, '.' | '!' | '?' | ';') || blank {
            sentence += 1;
        }
        if c == '\n' {
            last_newline = true;
        } else if !c.is_whitespace() {
            last_newline = false;
        }
    }
    if let Some((start, text)) = current {
        out.push(Word {
            text,
            start,
            end: prose.len(),
            sentence,
        });
    }
    out
}

/// Finds, in order, where pieces of a loaded text are in its source file:
/// the same occurrence of the same words (a text read from a file is the
/// file; a text inside YAML is found after the start of its value), else
/// where the value starts. Both cursors only move forward: finding every
/// piece of a text costs one pass over it and its source.
pub struct Locator {
    src: std::sync::Arc<str>,
    base: usize,
    /// The previous piece found: its start in the text and in the source.
    text_at: usize,
    src_at: usize,
}

impl Locator {
    pub fn new(ctx: &Ctx, lt: &LoadedText) -> Option<Locator> {
        let src = ctx.sources.files.get(lt.file)?.text.clone();
        Some(Locator {
            src,
            base: lt.base,
            text_at: 0,
            src_at: lt.base,
        })
    }

    /// Where `text[start..end]` is; pieces must come in text order.
    pub fn span(&mut self, text: &str, start: usize, end: usize) -> Span {
        let piece = text.get(start..end).unwrap_or_default();
        // Occurrences of the piece in the text since the previous one found
        // (code spans hold some): as many to skip in the source.
        let skip = text
            .get(self.text_at.min(start)..start)
            .map_or(0, |t| t.matches(piece).count());
        let found = (!piece.is_empty())
            .then(|| self.src.get(self.src_at..))
            .flatten()
            .and_then(|s| s.match_indices(piece).nth(skip))
            .map(|(p, _)| self.src_at + p);
        match found {
            Some(p) => {
                (self.text_at, self.src_at) = (start, p);
                Span::locate(&self.src, p, piece.len())
            }
            None => {
                let len = self
                    .src
                    .get(self.base..)
                    .map_or(0, |r| r.find('\n').unwrap_or(r.len()));
                Span::locate(&self.src, self.base, len)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prose_hides_code_links_and_addresses() {
        let t = "voir `action 1.2`, [l'annexe 3](#a), <https://x.fr/axe-2> et https://y.fr/annexe-4 ; axe 1";
        let p = prose(t);
        assert_eq!(p.len(), t.len());
        assert!(!p.contains("1.2") && !p.contains("annexe 3") && !p.contains("axe-2"));
        assert!(!p.contains("annexe-4"));
        assert!(p.ends_with("; axe 1"));
        let fenced = "avant\n```\naction 2.1\n```\naprès l'axe 2";
        let p = prose(fenced);
        assert!(!p.contains("2.1") && p.contains("axe 2"));
        assert!(prose("[](#action:reseau) l'action 1.1").contains("action 1.1"));
    }

    #[test]
    fn words_and_sentences() {
        let w = words("Dix-sept actions. L'axe 2 ; fin");
        let t: Vec<(&str, usize)> = w.iter().map(|w| (w.text.as_str(), w.sentence)).collect();
        assert_eq!(
            t,
            [
                ("dix-sept", 0),
                ("actions", 0),
                ("l", 1),
                ("axe", 1),
                ("2", 1),
                ("fin", 2)
            ]
        );
        assert_eq!(w[0].start, 0);
        assert_eq!(w[0].end, "Dix-sept".len());
    }
}
