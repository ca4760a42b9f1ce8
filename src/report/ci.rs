//! Diagnostics for CI systems: GitHub workflow commands (annotations on the
//! lines of a pull request) and a GitLab code-quality report.

use super::lines::Files;
use crate::diagnostic::{Diagnostic, Diagnostics, Severity};
use crate::load::SourceSet;
use std::collections::HashMap;

/// `%`, CR and LF must be escaped in a workflow command's message.
fn escape_data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Properties also escape `:` and `,`.
fn escape_property(s: &str) -> String {
    escape_data(s).replace(':', "%3A").replace(',', "%2C")
}

/// The message, after the cell of a spreadsheet when there is one (CI
/// annotations have lines, not cells), and the help.
fn full_message(d: &Diagnostic) -> String {
    let message = format!("{}{}", d.cell_prefix(), d.message);
    match &d.help {
        Some(h) => format!("{message}\naide : {h}"),
        None => message,
    }
}

/// One `::error …::message` line per diagnostic.
pub fn render_github(diags: &Diagnostics, sources: &SourceSet) -> String {
    let files = Files::new(sources);
    let mut out = String::new();
    for d in &diags.items {
        let level = match d.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        let mut props = Vec::new();
        if let Some(f) = d.file.and_then(|f| files.get(f)) {
            props.push(format!("file={}", escape_property(&f.name)));
            if let Some(s) = d.span {
                let (el, ec) = f.end_of(s);
                props.push(format!("line={}", s.line));
                props.push(format!("col={}", s.col));
                props.push(format!("endLine={el}"));
                props.push(format!("endColumn={ec}"));
            }
        }
        props.push(format!("title={}", escape_property(d.code)));
        out.push_str(&format!(
            "::{level} {}::{}\n",
            props.join(","),
            escape_data(&full_message(d))
        ));
    }
    out
}

/// FNV-1a, for stable fingerprints without a hashing dependency.
fn fnv1a(s: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in s.bytes() {
        h ^= b as u64;
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

#[derive(serde::Serialize)]
struct Lines {
    begin: usize,
    end: usize,
}

#[derive(serde::Serialize)]
struct Location {
    path: String,
    lines: Lines,
}

#[derive(serde::Serialize)]
struct Issue {
    description: String,
    check_name: &'static str,
    fingerprint: String,
    severity: &'static str,
    location: Location,
}

/// Fingerprint of each diagnostic: its code, file, the text under its span
/// and its message, never a line number, so that moving lines keeps it;
/// identical ones get an occurrence number, so that each stays unique.
fn fingerprints(diags: &Diagnostics, sources: &SourceSet) -> Vec<String> {
    let mut seen: HashMap<u64, usize> = HashMap::new();
    diags
        .items
        .iter()
        .map(|d| {
            let file = d.file.and_then(|f| sources.files.get(f));
            let path = file.map_or(String::new(), |f| f.rel.clone());
            let text = match (file, d.span) {
                (Some(f), Some(s)) => f.text.get(s.offset..s.offset + s.len).unwrap_or(""),
                _ => "",
            };
            let key = fnv1a(&format!(
                "{}\0{path}\0{text}\0{}{}",
                d.code,
                d.message,
                d.cell_prefix()
            ));
            let n = seen.entry(key).or_insert(0);
            *n += 1;
            format!("{:016x}", fnv1a(&format!("{key:016x}\0{n}")))
        })
        .collect()
}

/// GitLab code-quality report (JSON array).
pub fn render_gitlab(diags: &Diagnostics, sources: &SourceSet) -> String {
    let files = Files::new(sources);
    let issues: Vec<Issue> = diags
        .items
        .iter()
        .zip(fingerprints(diags, sources))
        .map(|(d, fingerprint)| {
            let file = d.file.and_then(|f| files.get(f));
            let path = file.map(|f| f.name.clone()).unwrap_or_else(|| ".".into());
            let (begin, end) = match (file, d.span) {
                (Some(f), Some(s)) => (s.line, f.end_of(s).0),
                _ => (1, 1),
            };
            Issue {
                description: full_message(d),
                check_name: d.code,
                fingerprint,
                severity: match d.severity {
                    Severity::Error => "major",
                    Severity::Warning => "minor",
                },
                location: Location {
                    path,
                    lines: Lines { begin, end },
                },
            }
        })
        .collect();
    serde_json::to_string_pretty(&issues).unwrap_or_else(|_| "[]".into())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_workflow_commands() {
        assert_eq!(escape_data("a%b\nc"), "a%25b%0Ac");
        assert_eq!(escape_property("a:b,c"), "a%3Ab%2Cc");
    }

    #[test]
    fn fingerprints_are_stable() {
        assert_eq!(fnv1a(""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(fnv1a("fdr"), fnv1a("fdr"));
        assert_ne!(fnv1a("a"), fnv1a("b"));
    }
}
