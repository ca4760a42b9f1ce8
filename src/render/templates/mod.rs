//! Templates: built into the binary, each overridable by a file of the same
//! name in `DIR/templates/`, and every built-in reachable as `fdr/NAME` (a
//! user template extends or imports it and overrides one block). The
//! loader reads only built-ins and files of `DIR/templates/`; minijinja
//! runs with a fuel limit, so a template cannot loop forever.

mod escape;

pub use escape::{escape_html, escape_md};

use crate::load::{read_text, resolve_inside};
use minijinja::{Environment, Value};
use std::path::Path;

/// A built-in template, by its path under `templates/`.
macro_rules! builtin {
    ($($name:literal),* $(,)?) => {
        &[$(($name, include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/templates/", $name)))),*]
    };
}

/// Built-in templates: (name, source).
pub const BUILTIN: &[(&str, &str)] = builtin![
    "bilan.md.j2",
    "bilan.html.j2",
    "bilan.typ",
    "feuille-de-route.md.j2",
    "feuille-de-route.html.j2",
    "feuille-de-route.typ",
    "typst/annexe-acteurs.typ",
    "typst/annexe-chronogramme.typ",
    "typst/annexe-communes.typ",
    "typst/annexe-financement.typ",
    "typst/annexe-fonds.typ",
    "typst/annexe-gouvernance.typ",
    "typst/couleurs.typ",
    "typst/donnees.typ",
    "typst/fdr.typ",
    "html/annexe-acteurs.html.j2",
    "html/annexe-chronogramme.html.j2",
    "html/annexe-communes.html.j2",
    "html/annexe-financement.html.j2",
    "html/annexe-fonds.html.j2",
    "html/annexe-gouvernance.html.j2",
    "html/annexes.html.j2",
    "html/axes.html.j2",
    "html/conclusion.html.j2",
    "html/couleurs.css",
    "html/couverture.html.j2",
    "html/etat.html.j2",
    "html/indicateurs.html.j2",
    "html/introduction.html.j2",
    "html/macros.html.j2",
    "html/methodologie.html.j2",
    "html/sommaire.html.j2",
    "html/style.css",
    "md/indicateurs.md.j2",
];

/// Prefix of the built-in templates: `{% extends "fdr/feuille-de-route.html.j2" %}`.
pub const PREFIX: &str = "fdr/";

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

/// The built-in template `name` (without the `fdr/` prefix).
pub fn builtin(name: &str) -> Option<&'static str> {
    BUILTIN.iter().find(|(n, _)| *n == name).map(|(_, s)| *s)
}

/// The user's `root/templates/name`, if there is one: its shown path and
/// text. A name that leaves `templates/` or a file that cannot be read is
/// an error.
pub fn user_file(root: &Path, name: &str) -> Result<Option<(String, String)>, TemplateError> {
    let rel = format!("templates/{name}");
    let shown = format!("{}/{rel}", root.display());
    if std::fs::symlink_metadata(root.join(&rel)).is_err() {
        return Ok(None);
    }
    let path = resolve_inside(root, &rel)
        .filter(|_| !name.split('/').any(|c| c == ".."))
        .ok_or_else(|| TemplateError {
            file: shown.clone(),
            line: None,
            message: "gabarit hors du dossier de la feuille de route (lien symbolique ?) : refusé"
                .into(),
        })?;
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
    Ok(Some((shown, text.to_string())))
}

/// The template `name`, overridden by `root/templates/name` if present.
pub fn load(root: &Path, name: &'static str) -> Result<Template, TemplateError> {
    Ok(match user_file(root, name)? {
        Some((shown, source)) => Template {
            name,
            source,
            path: Some(shown),
        },
        None => Template {
            name,
            source: builtin(name).unwrap_or_default().to_string(),
            path: None,
        },
    })
}

/// Where a template named `name` comes from, as shown in messages.
fn shown(root: &Path, name: &str) -> String {
    match name.strip_prefix(PREFIX) {
        Some(b) => format!("templates/{b} (intégré)"),
        None if std::fs::symlink_metadata(root.join("templates").join(name)).is_ok() => {
            format!("{}/templates/{name}", root.display())
        }
        None => format!("templates/{name} (intégré)"),
    }
}

/// Environment with the filters our templates use.
pub fn environment(root: &Path) -> Environment<'static> {
    let mut env = Environment::new();
    // `fdr/NAME` is always the built-in; `NAME` is the user's
    // `DIR/templates/NAME` when it exists, else the built-in: a user
    // template can extend or import a built-in, and a built-in layout
    // includes the user's partials.
    let root = root.to_path_buf();
    env.set_loader(move |name| {
        if let Some(b) = name.strip_prefix(PREFIX) {
            return Ok(builtin(b).map(str::to_string));
        }
        match user_file(&root, name) {
            Ok(Some((_, text))) => Ok(Some(text)),
            Ok(None) => Ok(builtin(name).map(str::to_string)),
            Err(e) => Err(minijinja::Error::new(
                minijinja::ErrorKind::InvalidOperation,
                e.message,
            )),
        }
    });
    env.set_fuel(Some(FUEL));
    env.set_recursion_limit(100);
    env.set_auto_escape_callback(|name| {
        if name.contains(".html") {
            minijinja::AutoEscape::Html
        } else if name.contains(".md") {
            minijinja::AutoEscape::Custom(escape::MARKDOWN.into())
        } else {
            minijinja::AutoEscape::None
        }
    });
    env.set_formatter(escape::formatter);
    // Markdown text from data, escaped (kept as filters for user templates
    // written before auto-escaping; `cell` and `mdlink` are the same rule).
    for name in ["mdtext", "cell", "mdlink"] {
        env.add_filter(name, |s: String| {
            Value::from_safe_string(escape::escape_md(&s))
        });
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

/// Render the template `name` (the user's, else the built-in) with the
/// view as context.
pub fn render(root: &Path, name: &str, ctx: Value) -> Result<String, TemplateError> {
    let env = environment(root);
    let err = |e: minijinja::Error| TemplateError {
        file: shown(root, e.name().unwrap_or(name)),
        line: e.line(),
        message: french(&e),
    };
    let tmpl = env.get_template(name).map_err(err)?;
    tmpl.render(ctx).map_err(err)
}
