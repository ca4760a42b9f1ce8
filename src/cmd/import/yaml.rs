//! YAML scalars written from spreadsheet text. Text never becomes YAML
//! syntax: a value is written plain only when it cannot mean anything
//! else (it starts with a letter, holds no `: ` or ` #`, is no boolean or
//! null word), as a literal block when it spans lines, else double-quoted
//! with every special character escaped.

/// Words YAML 1.1 or 1.2 may read as a boolean, a null or a number.
const RESERVED: &[&str] = &[
    "y", "yes", "n", "no", "true", "false", "on", "off", "null", "nan", "inf", "infinity",
];

/// A character that is never left raw in a scalar.
fn special(c: char) -> bool {
    c.is_control() || matches!(c, '\u{2028}' | '\u{2029}' | '\u{feff}' | '\u{85}')
}

fn plain_ok(s: &str) -> bool {
    let Some(first) = s.chars().next() else {
        return false;
    };
    first.is_alphabetic()
        && !s.ends_with([' ', ':'])
        && !s.contains(": ")
        && !s.contains(" #")
        && !s.chars().any(special)
        && !RESERVED.contains(&s.to_lowercase().as_str())
}

/// `s` double-quoted, with `\`, `"` and special characters escaped.
pub fn quoted(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '"' => out.push_str("\\\""),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            c if special(c) => out.push_str(&format!("\\u{:04X}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// A one-line value: plain when safe, else double-quoted.
pub fn scalar(s: &str) -> String {
    if plain_ok(s) {
        s.to_string()
    } else {
        quoted(s)
    }
}

/// A value that may span lines, after `key:` at `indent` spaces: a
/// literal block (`|-`) when each line can stand raw in it, else a
/// one-line scalar.
pub fn text(s: &str, indent: usize) -> String {
    if !s.contains('\n') {
        return scalar(s);
    }
    let lines_ok = s
        .lines()
        .all(|l| !l.chars().any(|c| special(c) && c != '\t'))
        && !s.starts_with([' ', '\t'])
        && !s.lines().any(|l| !l.is_empty() && l.trim().is_empty())
        && !s.ends_with(['\n', ' ', '\t']);
    if !lines_ok {
        return quoted(s);
    }
    let pad = " ".repeat(indent + 2);
    let mut out = String::from("|-");
    for l in s.split('\n') {
        out.push('\n');
        if !l.is_empty() {
            out.push_str(&pad);
            out.push_str(l);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeMap;

    fn back(yaml: &str) -> String {
        let m: BTreeMap<String, String> = serde_saphyr::from_str(yaml).unwrap();
        m["k"].clone()
    }

    #[test]
    fn hostile_text_comes_back_unchanged() {
        let cases = [
            "Titre simple",
            "Un titre : # avec \"guillemets\" et 'apostrophes'",
            "- commence par un tiret",
            "yes",
            "No",
            "2025",
            "1.2",
            "~",
            "null",
            "[liste]",
            "{a: b}",
            "&ancre *alias !tag |bloc >plie %dir @at `tick",
            "fin par deux-points:",
            "antislash \\ et tab\tici",
            "ligne un\nligne deux : # x\n\n- item",
            " espace en tête\nsuite",
            "trailing\n",
            "contrôle \u{7} \u{2028} \u{feff}",
            "---\n...",
            "é à ç ‘’ « » —",
        ];
        for c in cases {
            let one = format!("k: {}\n", scalar(c));
            assert_eq!(back(&one), c, "{one}");
            let block = format!("k: {}\n", text(c, 0));
            assert_eq!(back(&block), c, "{block}");
            let nested = format!("a:\n  k: {}\n", text(c, 2));
            let m: BTreeMap<String, BTreeMap<String, String>> =
                serde_saphyr::from_str(&nested).unwrap();
            assert_eq!(m["a"]["k"], c, "{nested}");
        }
    }

    #[test]
    fn plain_when_safe_block_when_multiline() {
        assert_eq!(scalar("Hub du Sud"), "Hub du Sud");
        assert_eq!(scalar("1.2"), "\"1.2\"");
        assert_eq!(scalar("oui: non"), "\"oui: non\"");
        assert_eq!(text("un\n\ndeux", 4), "|-\n      un\n\n      deux");
    }
}
