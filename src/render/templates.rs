//! Templates: built into the binary, each overridable by a file of the same
//! name in `DIR/templates/`. minijinja runs them with a fuel limit and no
//! loader, so a template cannot read files or loop forever.

use crate::load::{read_text, resolve_inside};
use minijinja::{Environment, Value};
use std::path::Path;

/// Built-in templates: (name, source).
pub const BUILTIN: &[(&str, &str)] = &[
    (
        "feuille-de-route.md.j2",
        include_str!("../../templates/feuille-de-route.md.j2"),
    ),
    (
        "feuille-de-route.html.j2",
        include_str!("../../templates/feuille-de-route.html.j2"),
    ),
    (
        "feuille-de-route.typ",
        include_str!("../../templates/feuille-de-route.typ"),
    ),
];

/// Fuel for one template run: ample for a 2,000-action roadmap, finite
/// for a template that loops forever.
pub const FUEL: u64 = 200_000_000;

/// A template's text and where it came from.
pub struct Template {
    pub name: &'static str,
    pub source: String,
    /// Path of the overriding file, if any.
    pub path: Option<String>,
}

/// Why a template failed: the file and line to show the user.
#[derive(Debug, serde::Serialize, serde::Deserialize)]
pub struct TemplateError {
    pub file: String,
    pub line: Option<usize>,
    pub message: String,
}

impl std::fmt::Display for TemplateError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.line {
            Some(l) => write!(f, "{}:{l} : {}", self.file, self.message),
            None => write!(f, "{} : {}", self.file, self.message),
        }
    }
}

/// The template `name`, overridden by `root/templates/name` if present.
pub fn load(root: &Path, name: &'static str) -> Result<Template, TemplateError> {
    let builtin = BUILTIN
        .iter()
        .find(|(n, _)| *n == name)
        .map(|(_, s)| *s)
        .unwrap_or_default();
    let rel = format!("templates/{name}");
    let candidate = root.join(&rel);
    if std::fs::symlink_metadata(&candidate).is_err() {
        return Ok(Template {
            name,
            source: builtin.to_string(),
            path: None,
        });
    }
    let shown = format!("{}/{rel}", root.display());
    let Some(path) = resolve_inside(root, &rel) else {
        return Err(TemplateError {
            file: shown,
            line: None,
            message: "gabarit hors du dossier de la feuille de route (lien symbolique ?) : refusé"
                .into(),
        });
    };
    let text = read_text(&path).map_err(|e| TemplateError {
        file: shown.clone(),
        line: None,
        message: match e {
            crate::load::ReadProblem::NotUtf8 { line } => {
                format!("le gabarit n'est pas en UTF-8 (ligne {line})")
            }
            crate::load::ReadProblem::TooLarge(_) => "gabarit trop volumineux".into(),
            crate::load::ReadProblem::Io(m) => m,
        },
    })?;
    Ok(Template {
        name,
        source: text.to_string(),
        path: Some(shown),
    })
}

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
const MARKDOWN: &str = "markdown";

/// Print a value: escaped for Markdown in `.md` templates unless marked
/// safe (texts already rendered to Markdown, filtered cells), else as
/// minijinja does (HTML escaping in `.html` templates).
fn formatter(
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

/// Environment with the filters our templates use.
pub fn environment() -> Environment<'static> {
    let mut env = Environment::new();
    env.set_fuel(Some(FUEL));
    env.set_recursion_limit(100);
    env.set_auto_escape_callback(|name| {
        if name.contains(".html") {
            minijinja::AutoEscape::Html
        } else if name.contains(".md") {
            minijinja::AutoEscape::Custom(MARKDOWN.into())
        } else {
            minijinja::AutoEscape::None
        }
    });
    env.set_formatter(formatter);
    // Markdown text from data, escaped (kept as filters for user templates
    // written before auto-escaping; `cell` and `mdlink` are the same rule).
    for name in ["mdtext", "cell", "mdlink"] {
        env.add_filter(name, |s: String| Value::from_safe_string(escape_md(&s)));
    }
    env.add_filter("truncate", |s: String, n: usize| {
        if s.chars().count() <= n {
            s
        } else {
            let cut: String = s.chars().take(n.saturating_sub(1)).collect();
            format!("{}…", cut.trim_end())
        }
    });
    env.add_filter("ucfirst", |s: String| super::fmt::ucfirst(&s));
    env
}

/// minijinja's errors, in French; its English detail stays in parentheses
/// only where no translation applies.
fn french(e: &minijinja::Error) -> String {
    use minijinja::ErrorKind as K;
    let detail = e.detail().unwrap_or_default();
    match e.kind() {
        K::OutOfFuel => {
            "le gabarit ne termine pas (boucle sans fin ?) : exécution interrompue".into()
        }
        K::TemplateNotFound => {
            let name = detail.split('\'').nth(1).unwrap_or("?");
            format!(
                "inclusion refusée de '{name}' : un gabarit ne peut inclure que les gabarits intégrés de fdr, jamais un fichier"
            )
        }
        K::SyntaxError => format!("erreur de syntaxe dans le gabarit ({detail})"),
        K::UndefinedError => format!("variable inconnue dans le gabarit ({detail})"),
        K::UnknownFilter => format!("filtre inconnu ({detail})"),
        K::UnknownFunction => format!("fonction inconnue ({detail})"),
        _ if detail.contains("recursion limit") => {
            "récursion trop profonde dans le gabarit (macro qui s'appelle sans fin ?)".into()
        }
        _ if detail.contains("too many elements") => {
            "le gabarit ne termine pas : boucle sur un intervalle trop grand, exécution refusée"
                .into()
        }
        _ => format!(
            "erreur de gabarit ({})",
            if detail.is_empty() {
                e.to_string()
            } else {
                detail.to_string()
            }
        ),
    }
}

/// Render a template with the view as context.
pub fn render(t: &Template, ctx: Value) -> Result<String, TemplateError> {
    let mut env = environment();
    let file = t
        .path
        .clone()
        .unwrap_or_else(|| format!("templates/{} (intégré)", t.name));
    let err = |e: minijinja::Error| TemplateError {
        file: file.clone(),
        line: e.line(),
        message: french(&e),
    };
    env.add_template_owned(t.name, t.source.clone())
        .map_err(err)?;
    let tmpl = env.get_template(t.name).map_err(err)?;
    tmpl.render(ctx).map_err(err)
}
