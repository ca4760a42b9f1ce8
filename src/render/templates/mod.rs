//! Templates: built into the binary, each overridable by a file of the same
//! name in `DIR/templates/`, and every built-in reachable as `fdr/NAME` (a
//! user template extends or imports it and overrides one block). The
//! loader reads only built-ins and files of `DIR/templates/`; minijinja
//! runs with a fuel limit, so a template cannot loop forever.

mod error;
mod escape;

pub use error::{Stage, TemplateError};
pub use escape::{escape_html, escape_md, escape_xml};

use crate::load::{display_of, read_text, resolve_inside};
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
    "synthese.md.j2",
    "synthese.html.j2",
    "synthese.typ",
    "typst/annexe-acteurs.typ",
    "typst/annexe-chronogramme.typ",
    "typst/annexe-communes.typ",
    "typst/annexe-financement.typ",
    "typst/annexe-fonds.typ",
    "typst/annexe-gouvernance.typ",
    "typst/annexe-sous_feuilles.typ",
    "typst/couleurs.typ",
    "typst/donnees.typ",
    "typst/fdr.typ",
    "html/annexe-acteurs.html.j2",
    "html/annexe-chronogramme.html.j2",
    "html/annexe-communes.html.j2",
    "html/annexe-financement.html.j2",
    "html/annexe-fonds.html.j2",
    "html/annexe-gouvernance.html.j2",
    "html/annexe-sous_feuilles.html.j2",
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

/// The built-in template `name` (without the `fdr/` prefix).
pub fn builtin(name: &str) -> Option<&'static str> {
    BUILTIN.iter().find(|(n, _)| *n == name).map(|(_, s)| *s)
}

/// The user's `root/templates/name`, if there is one: its shown path and
/// text. A name that leaves `templates/` or a file that cannot be read is
/// an error.
pub fn user_file(root: &Path, name: &str) -> Result<Option<(String, String)>, TemplateError> {
    let rel = format!("templates/{name}");
    let shown = display_of(root, &rel);
    if std::fs::symlink_metadata(root.join(&rel)).is_err() {
        return Ok(None);
    }
    let fail = |message: String| {
        Err(TemplateError::new(Stage::Gabarit, shown.clone(), message)
            .user(name)
            .help(FIX_USER))
    };
    let Some(path) = resolve_inside(root, &rel).filter(|_| !name.split('/').any(|c| c == ".."))
    else {
        return fail(
            "gabarit hors du dossier de la feuille de route (lien symbolique ?) : refusé".into(),
        );
    };
    match read_text(&path) {
        Ok(text) => Ok(Some((shown, text.to_string()))),
        Err(crate::load::ReadProblem::NotUtf8 { line }) => {
            fail(format!("le gabarit n'est pas en UTF-8 (ligne {line})"))
        }
        Err(crate::load::ReadProblem::TooLarge(_)) => fail("gabarit trop volumineux".into()),
        Err(crate::load::ReadProblem::Io(m)) => fail(m),
    }
}

/// What to do about an error in a user's template.
pub const FIX_USER: &str =
    "corrigez ce gabarit, ou retirez-le de templates/ pour revenir au gabarit intégré";

/// What to do about an error in a built-in template: `user_templates`
/// when the roadmap has templates of its own, which the built-in may
/// include or be extended by.
pub fn fix_builtin(user_templates: bool) -> &'static str {
    if user_templates {
        "l'erreur est dans un gabarit intégré, avec vos gabarits de templates/ : vérifiez les blocs, macros et variables qu'ils remplacent ou attendent"
    } else {
        "erreur interne d'un gabarit intégré : défaut de fdr, à signaler avec la feuille de route qui la provoque"
    }
}

/// `name` is one of the user's files, `root/templates/name`.
fn is_user(root: &Path, name: &str) -> bool {
    !name.starts_with(PREFIX)
        && !name.starts_with('/')
        && !name.split('/').any(|c| c == "..")
        && std::fs::symlink_metadata(root.join("templates").join(name)).is_ok()
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
        None if is_user(root, name) => display_of(root, &format!("templates/{name}")),
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
        super::fmt::truncate(&s, n)
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

/// A minijinja error as a template error: the failing file (the user's
/// or a built-in), line and range, message in French.
fn error_of(root: &Path, name: &str, e: &minijinja::Error) -> TemplateError {
    let failing = e.name().unwrap_or(name);
    let err = TemplateError::new(Stage::Gabarit, shown(root, failing), french(e)).at(
        e.line(),
        None,
        e.range().map(|r| (r.start, r.end)),
    );
    if is_user(root, failing) {
        err.user(failing).help(FIX_USER)
    } else {
        let user_templates = std::fs::symlink_metadata(root.join("templates")).is_ok();
        err.help(fix_builtin(user_templates))
    }
}

/// Render the template `name` (the user's, else the built-in) with the
/// view as context.
pub fn render(root: &Path, name: &str, ctx: Value) -> Result<String, TemplateError> {
    let env = environment(root);
    let err = |e: minijinja::Error| error_of(root, name, &e);
    let tmpl = env.get_template(name).map_err(err)?;
    tmpl.render(ctx).map_err(err)
}

/// Render the template `name` with `view` as context into a document
/// file: runs of blank lines the template logic leaves are collapsed to
/// one, and the file ends with a newline.
pub fn render_document<T: serde::Serialize>(
    root: &Path,
    name: &str,
    view: &T,
) -> Result<Vec<u8>, TemplateError> {
    let out = render(root, name, Value::from(minijinja::value::Serde(view)))?;
    Ok(collapse_blank_lines(&out).into_bytes())
}

/// At most one blank line in a row, and a final newline: one pass.
fn collapse_blank_lines(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 1);
    let mut newlines = 0;
    for c in text.chars() {
        if c == '\n' {
            newlines += 1;
            if newlines > 2 {
                continue;
            }
        } else {
            newlines = 0;
        }
        out.push(c);
    }
    if !out.ends_with('\n') {
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blank_lines_collapse_to_one() {
        assert_eq!(collapse_blank_lines("a\n\n\n\n\nb"), "a\n\nb\n");
        assert_eq!(collapse_blank_lines("a\n\nb\n"), "a\n\nb\n");
        assert_eq!(collapse_blank_lines(""), "\n");
    }

    #[test]
    fn an_error_names_the_user_file_or_is_a_defect_of_fdr() {
        let dir = tempfile::tempdir().unwrap();
        let e = render(dir.path(), "absent.j2", Value::UNDEFINED).unwrap_err();
        assert_eq!((e.stage, e.user.as_deref()), (Stage::Gabarit, None));
        assert!(e.help.iter().any(|h| h.contains("défaut de fdr")), "{e:?}");
        std::fs::create_dir(dir.path().join("templates")).unwrap();
        std::fs::write(dir.path().join("templates/a.j2"), "\n{{ x | inconnu }}\n").unwrap();
        let e = render(dir.path(), "a.j2", Value::UNDEFINED).unwrap_err();
        assert_eq!(e.user.as_deref(), Some("a.j2"));
        assert_eq!(e.at.map(|a| a.line), Some(2));
        assert_eq!(e.help, [FIX_USER]);
    }
}
