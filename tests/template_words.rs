//! Every French word the documents print comes from `src/render/labels.rs`
//! (an edition in another language is a translation of that file): the
//! built-in templates hold markup, code and data only. This test strips
//! template code and comments and fails on any accented letter or common
//! French word left in the text.

use std::path::{Path, PathBuf};

fn templates() -> Vec<PathBuf> {
    fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
        for e in std::fs::read_dir(dir).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                // `init/` holds the starter roadmap, French data by design.
                if !p.ends_with("init") {
                    walk(&p, out);
                }
            } else if p.extension().is_some_and(|x| x == "j2" || x == "typ") {
                out.push(p);
            }
        }
    }
    let mut out = Vec::new();
    walk(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("templates"),
        &mut out,
    );
    out.sort();
    out
}

/// Remove `open … close` spans (non-nested).
fn strip(text: &str, open: &str, close: &str) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(i) = rest.find(open) {
        out.push_str(&rest[..i]);
        match rest[i + open.len()..].find(close) {
            Some(j) => rest = &rest[i + open.len() + j + close.len()..],
            None => return out,
        }
    }
    out.push_str(rest);
    out
}

/// The text a template prints by itself.
fn literal_text(path: &Path, text: &str) -> String {
    let mut t = strip(text, "{#", "#}");
    t = strip(&t, "{{", "}}");
    t = strip(&t, "{%", "%}");
    if path.extension().is_some_and(|x| x == "typ") {
        // Line comments, then code strings other than file names.
        t = t
            .lines()
            .map(|l| l.split("//").next().unwrap_or_default())
            .collect::<Vec<_>>()
            .join("\n");
    } else {
        t = strip(&t, "<", ">");
    }
    t
}

const FRENCH_WORDS: &[&str] = &[
    " de ", " des ", " du ", " et ", " la ", " le ", " les ", " par ", " pour ", " sur ",
];

/// Names that are not French words: fonts, CSS and typst values.
const NOT_WORDS: &[&str] = &[
    "Arial",
    "Libertinus",
    "Serif",
    "Helvetica",
    "Segoe",
    "Roboto",
    "Ubuntu",
    "Marianne",
    "Liberation",
    "Sans",
    "DejaVu",
    "Noto",
    "Inter",
    "Grid",
    "DOCTYPE",
    "Mono",
];

/// A word such as « Taux » or « Structure » printed by itself: a capital
/// then at least two lower-case letters, standing alone.
fn capitalised_word(text: &str) -> bool {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !NOT_WORDS.contains(w))
        .any(|w| {
            let mut cs = w.chars();
            cs.next().is_some_and(char::is_uppercase)
                && w.chars().count() >= 3
                && cs.all(char::is_lowercase)
        })
}

#[test]
fn templates_print_no_french_word_of_their_own() {
    let mut found = Vec::new();
    for path in templates() {
        let text = std::fs::read_to_string(&path).unwrap();
        for line in literal_text(&path, &text).lines() {
            let accented = line.chars().any(|c| c.is_alphabetic() && !c.is_ascii());
            // In typst, words are code unless quoted: look in strings only.
            let prose = if path.extension().is_some_and(|x| x == "typ") {
                line.split('"')
                    .skip(1)
                    .step_by(2)
                    .collect::<Vec<_>>()
                    .join(" ")
            } else {
                line.to_string()
            };
            let padded = format!(" {} ", prose.to_lowercase());
            let word = FRENCH_WORDS.iter().find(|w| padded.contains(*w));
            if accented || word.is_some() || capitalised_word(&prose) {
                found.push(format!("{}: {}", path.display(), line.trim()));
            }
        }
    }
    assert!(
        found.is_empty(),
        "French text written in templates (take it from labels.rs):\n{}",
        found.join("\n")
    );
}
