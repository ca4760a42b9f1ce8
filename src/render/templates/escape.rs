//! Auto-escaping of the Markdown templates: data printed by `{{ … }}` in a
//! `.md` template cannot become Markdown markup.

use minijinja::Value;

/// Data written into Markdown, made inert: every character Markdown (or
/// GitHub's math and tables) could read as markup is backslash-escaped, a
/// line break becomes a space (a value can neither start a heading nor end a
/// table row), and a leading `-`, `+` or `=` (list item, setext heading)
/// is escaped too. Section numbers ("1. Introduction") stay as written: in
/// the templates a value never starts a line of its own where a number
/// could open a list.
pub fn escape_md(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    let mut chars = s.chars().peekable();
    let mut at_start = true;
    while let Some(c) = chars.next() {
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '#' | '~' | '&' | '$' => {
                out.push('\\');
                out.push(c);
            }
            '\r' | '\n' => {
                if chars.peek() != Some(&'\n') || c == '\n' {
                    out.push(' ');
                }
            }
            '-' | '+' | '=' if at_start => {
                out.push('\\');
                out.push(c);
            }
            _ => out.push(c),
        }
        at_start = false;
    }
    out
}

/// The auto-escaping mode of the Markdown templates.
pub const MARKDOWN: &str = "markdown";

/// Print a value: escaped for Markdown in `.md` templates unless marked
/// safe (texts already rendered to Markdown, filtered cells), else as
/// minijinja does (HTML escaping in `.html` templates).
pub fn formatter(
    out: &mut minijinja::Output,
    state: &mut minijinja::State,
    value: &Value,
) -> Result<(), minijinja::Error> {
    match state.auto_escape() {
        minijinja::AutoEscape::Custom(name) if name == MARKDOWN && !value.is_safe() => {
            out.write_str(&escape_md(&value.to_string()))?;
            Ok(())
        }
        _ => minijinja::escape_formatter(out, state, value),
    }
}

/// Text made inert in HTML: `& < > " '` as entities.
pub fn escape_html(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

/// Whether XML 1.0 can hold `c` (tab, line feed, carriage return and the
/// printable planes).
fn allowed(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r')
        || ('\u{20}'..='\u{D7FF}').contains(&c)
        || ('\u{E000}'..='\u{FFFD}').contains(&c)
        || c >= '\u{10000}'
}

/// `s` escaped for an XML text node or double-quoted attribute (ODT, DOCX,
/// ODS); characters XML 1.0 cannot hold are dropped.
pub fn escape_xml(s: &str, out: &mut String) {
    for ch in s.chars() {
        match ch {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            // Kept as they are in attributes (no normalisation to spaces).
            '\t' => out.push_str("&#9;"),
            '\n' => out.push_str("&#10;"),
            '\r' => out.push_str("&#13;"),
            c if allowed(c) => out.push(c),
            _ => {}
        }
    }
}
