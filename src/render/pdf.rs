//! PDF edition, typeset by typst from the same view model as the HTML page.
//!
//! The template `feuille-de-route.typ` (built in, overridable in
//! `DIR/templates/`) receives the view as one JSON string in
//! `sys.inputs.data` and reads it with `json(bytes(..))`: texts from the
//! sources are data, rendered as content, never evaluated as typst markup.
//! The engine has no file resolver, no package access and only the fonts
//! embedded in the binary, so a build is hermetic and reproducible.

use super::templates::{self, Stage, Template, TemplateError};
use super::{RenderContext, Renderer};
use typst::diag::{Severity, SourceDiagnostic, Warned};
use typst::foundations::{Bytes, Dict, IntoValue, Smart};
use typst::syntax::DiagSpan;
use typst::{World, WorldExt};
use typst_as_lib::{TypstAsLibError, TypstEngine, TypstTemplateMainFile};
use typst_pdf::{PdfOptions, PdfStandard, PdfStandards};

/// Name of the template, in `templates/` and in `BUILTIN`.
pub const TEMPLATE: &str = "feuille-de-route.typ";
/// Name of the data file written by `--emit-typst`, read by the template
/// when it runs under the typst CLI (no `sys.inputs.data`).
pub const DATA_FILE: &str = "feuille-de-route.json";

type Engine = TypstEngine<TypstTemplateMainFile>;

/// The typst library the main template imports (built in under
/// `templates/typst/`, each overridable by `DIR/templates/NAME`).
pub const LIBRARY: &[&str] = &[
    "donnees.typ",
    "couleurs.typ",
    "fdr.typ",
    "annexe-acteurs.typ",
    "annexe-communes.typ",
    "annexe-chronogramme.typ",
    "annexe-financement.typ",
    "annexe-fonds.typ",
    "annexe-gouvernance.typ",
    "annexe-sous_feuilles.typ",
];

/// One library file: its name for typst, its text, its name in messages,
/// whether it is the user's.
pub struct LibFile {
    pub name: &'static str,
    pub source: String,
    pub shown: String,
    pub user: bool,
}

/// The library files, the user's where they exist (`root` is the roadmap
/// folder; `None`: the built-ins only).
pub fn library(root: Option<&std::path::Path>) -> Result<Vec<LibFile>, TemplateError> {
    LIBRARY
        .iter()
        .map(|&name| {
            let user = match root {
                Some(root) => templates::user_file(root, name)?,
                None => None,
            };
            Ok(match user {
                Some((shown, source)) => LibFile {
                    name,
                    source,
                    shown,
                    user: true,
                },
                None => LibFile {
                    name,
                    source: templates::builtin(&format!("typst/{name}"))
                        .unwrap_or_default()
                        .to_string(),
                    shown: format!("templates/typst/{name} (intégré)"),
                    user: false,
                },
            })
        })
        .collect()
}

#[derive(Default)]
pub struct PdfRenderer;

impl Renderer for PdfRenderer {
    fn name(&self) -> &'static str {
        "pdf"
    }

    fn file_name(&self) -> &'static str {
        "feuille-de-route.pdf"
    }

    fn template(&self) -> &'static str {
        TEMPLATE
    }

    fn render(&self, ctx: &RenderContext) -> Result<Vec<u8>, TemplateError> {
        let template = templates::load(ctx.root, TEMPLATE)?;
        let json = view_json(ctx, &template)?;
        render_main(Some(ctx.root), template, json)
    }
}

/// Typeset the main template `template` (the document's or the progress
/// report's) with `json` as `sys.inputs.data`, the library beside it.
pub fn render_main(
    root: Option<&std::path::Path>,
    template: Template,
    json: String,
) -> Result<Vec<u8>, TemplateError> {
    let lib = library(root)?;
    let shown = shown_name(&template);
    // typst is not expected to panic, but a user template is arbitrary
    // code: a panic becomes a template error, not a crash.
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        compile(&template, &lib, &shown, json)
    }))
    .unwrap_or_else(|_| {
        Err(TemplateError::new(
            Stage::Pdf,
            shown.clone(),
            "erreur interne de typst pendant la composition du PDF",
        )
        .help(advice(&template, &lib, false)))
    })
}

/// The template and the data, as files for the typst CLI
/// (`typst compile feuille-de-route.typ`).
pub fn typst_sources(ctx: &RenderContext) -> Result<Vec<(&'static str, Vec<u8>)>, TemplateError> {
    let template = templates::load(ctx.root, TEMPLATE)?;
    let json = view_json(ctx, &template)?;
    let mut files = vec![
        (TEMPLATE, template.source.into_bytes()),
        (DATA_FILE, json.into_bytes()),
    ];
    files.extend(
        library(Some(ctx.root))?
            .into_iter()
            .map(|f| (f.name, f.source.into_bytes())),
    );
    Ok(files)
}

fn shown_name(t: &Template) -> String {
    t.path
        .clone()
        .unwrap_or_else(|| format!("templates/{} (intégré)", t.name))
}

fn view_json(ctx: &RenderContext, t: &Template) -> Result<String, TemplateError> {
    serde_json::to_string(ctx.view).map_err(|e| {
        TemplateError::new(
            Stage::Pdf,
            shown_name(t),
            format!("sérialisation des données impossible : {e}"),
        )
        .help(templates::fix_builtin(false))
    })
}

fn engine(name: &'static str, source: &str, lib: &[LibFile]) -> Engine {
    TypstEngine::builder()
        .main_file((name, source.to_owned()))
        .with_static_source_file_resolver(lib.iter().map(|f| (f.name, f.source.clone())))
        .fonts(typst_assets::fonts().map(Bytes::new))
        .build()
}

fn options(ua: bool) -> PdfOptions {
    PdfOptions {
        ident: Smart::Custom("fdr".into()),
        creator: Smart::Custom(Some("fdr".into())),
        // No creation date: two builds of the same sources are identical.
        timestamp: None,
        page_ranges: None,
        standards: if ua {
            PdfStandards::new(&[PdfStandard::Ua_1]).unwrap_or_default()
        } else {
            PdfStandards::default()
        },
        tagged: true,
        pretty: false,
    }
}

/// What a typst diagnostic is located against.
struct Sources<'a> {
    engine: &'a Engine,
    main: &'a Template,
    lib: &'a [LibFile],
    /// The main template, as shown.
    shown: &'a str,
}

fn compile(
    t: &Template,
    lib: &[LibFile],
    shown: &str,
    json: String,
) -> Result<Vec<u8>, TemplateError> {
    let engine = engine(t.name, &t.source, lib);
    let src = Sources {
        engine: &engine,
        main: t,
        lib,
        shown,
    };
    let mut inputs = Dict::new();
    inputs.insert("data".into(), json.into_value());
    let Warned { output, warnings } = engine.compile_with_input(inputs);
    for w in warnings.iter().filter(|_| t.path.is_some()) {
        let e = diagnostic(&src, w);
        eprintln!("avertissement [fdr::gabarit] : {e}");
    }
    let doc = match output {
        Ok(doc) => doc,
        Err(TypstAsLibError::TypstSource(diags)) => return Err(first_error(&src, &diags)),
        Err(other) => {
            return Err(TemplateError::new(
                Stage::Pdf,
                shown,
                format!("erreur de gabarit typst : {other}"),
            )
            .help(advice(t, lib, false)));
        }
    };
    // PDF/UA-1 when the document allows it (a Markdown text with a heading
    // level jump or an empty heading does not): else a tagged PDF.
    match typst_pdf::pdf(&doc, &options(true)) {
        Ok(pdf) => Ok(pdf),
        Err(diags) => {
            let e = first_error(&src, &diags);
            eprintln!(
                "avertissement [fdr::gabarit] : PDF/UA-1 impossible ({e}) : PDF balisé sans PDF/UA"
            );
            typst_pdf::pdf(&doc, &options(false)).map_err(|d| first_error(&src, &d))
        }
    }
}

fn first_error(src: &Sources, diags: &[SourceDiagnostic]) -> TemplateError {
    diags
        .iter()
        .find(|d| d.severity == Severity::Error)
        .or(diags.first())
        .map(|d| diagnostic(src, d))
        .unwrap_or_else(|| {
            TemplateError::new(Stage::Pdf, src.shown, "erreur de gabarit typst")
                .help(advice(src.main, src.lib, false))
        })
}

/// What to do about a typst error: fix the user's file it is in; else,
/// when the user replaces typst files, check what they define; else it is
/// a defect of the built-in template.
fn advice(main: &Template, lib: &[LibFile], in_user_file: bool) -> String {
    if in_user_file {
        return templates::FIX_USER.to_string();
    }
    let mut user: Vec<&str> = lib
        .iter()
        .filter(|l| l.user)
        .map(|l| l.shown.as_str())
        .collect();
    if let Some(p) = &main.path {
        user.insert(0, p);
    }
    if user.is_empty() {
        "erreur interne du gabarit PDF intégré : défaut de fdr, à signaler avec la feuille de route qui la provoque".into()
    } else {
        format!(
            "l'erreur est dans le gabarit PDF intégré, mais vos gabarits typst en remplacent une partie ({}) : vérifiez ce qu'ils définissent (noms, arguments, valeurs)",
            user.join(", ")
        )
    }
}

/// One typst diagnostic as a template error: the template's file, line
/// and range (errors in typst's own library have none), message, then
/// hints, trace and advice as help.
fn diagnostic(src: &Sources, d: &SourceDiagnostic) -> TemplateError {
    let text = french(&d.message).unwrap_or_else(|| format!("erreur typst ({})", d.message));
    let mut err = TemplateError::new(
        Stage::Pdf,
        src.shown,
        format!("erreur de gabarit typst : {text}"),
    );
    let place = src.engine.with_world(|w| locate(w, d.span)).ok().flatten();
    let mut in_user_file = false;
    if let Some(p) = place {
        // An error in a library file names that file (the user's
        // override, or the built-in).
        let user = match p.file.and_then(|f| src.lib.iter().find(|l| l.name == f)) {
            Some(l) => {
                err.file = l.shown.clone();
                l.user.then_some(l.name)
            }
            None => src.main.path.is_some().then_some(TEMPLATE),
        };
        if let Some(name) = user {
            err = err.user(name);
            in_user_file = true;
        }
        err = err.at(Some(p.line), Some(p.column), Some(p.range));
    }
    // typst's hints are kept only where they have a French version.
    for h in d.hints.iter().filter_map(|h| french(&h.v)) {
        err = err.help(h);
    }
    for tr in &d.trace {
        let at = src
            .engine
            .with_world(|w| locate(w, tr.span))
            .ok()
            .flatten()
            .map(|p| match p.file {
                Some(f) => format!(" ({f}, ligne {})", p.line),
                None => format!(" (ligne {})", p.line),
            })
            .unwrap_or_default();
        let step =
            tr.v.to_string()
                .replace("while calling", "pendant l'appel de")
                .replace("while importing", "pendant l'import de");
        err = err.help(format!("dans : {step}{at}"));
    }
    err.help(advice(src.main, src.lib, in_user_file))
}

/// The usual typst errors in French; `None` for the others.
fn french(msg: &str) -> Option<String> {
    // `array.at` / `dictionary.at` without a default add this tail.
    let msg = msg
        .strip_suffix(" and no default value was specified")
        .unwrap_or(msg);
    let known: &[(&str, &str)] = &[
        (
            "file not found",
            "fichier introuvable : un gabarit typst ne peut lire aucun fichier de la machine",
        ),
        (
            "would escape the project root",
            "accès refusé : ce chemin sort du dossier du gabarit",
        ),
        (
            "maximum function call depth exceeded",
            "appels de fonction trop profonds (récursion sans fin ?)",
        ),
        (
            "maximum show rule depth exceeded",
            "règles d'affichage imbriquées trop profondément",
        ),
        (
            "condition is always true",
            "boucle sans fin : la condition est toujours vraie",
        ),
        (
            "loop seems to be infinite",
            "la boucle semble ne jamais finir",
        ),
        ("unclosed delimiter", "délimiteur non fermé"),
        ("unclosed string", "chaîne non fermée"),
        ("expected expression", "expression attendue"),
        ("missing document title", "le document n'a pas de titre"),
    ];
    if let Some(rest) = msg.strip_prefix("panicked with: ") {
        return Some(format!("arrêt demandé par le gabarit : {rest}"));
    }
    if let Some(rest) = msg.strip_prefix("unknown variable: ") {
        return Some(format!("variable inconnue : {rest}"));
    }
    if let Some(label) = msg
        .strip_prefix("label `")
        .and_then(|r| r.strip_suffix("` does not exist in the document"))
    {
        return Some(format!(
            "l'étiquette {label} n'existe pas dans le document (titre retiré du gabarit ?)"
        ));
    }
    if let Some(key) = msg.strip_prefix("dictionary does not contain key ") {
        return Some(format!("clé absente des données : {key}"));
    }
    if let Some(rest) = msg.strip_prefix("array index out of bounds ") {
        return Some(
            format!("indice hors du tableau {rest}")
                .replace("index:", "indice :")
                .replace("len:", "longueur :"),
        );
    }
    if let Some((want, found)) = msg
        .strip_prefix("expected ")
        .and_then(|r| r.split_once(", found "))
    {
        return Some(format!(
            "valeur inattendue : attendu {want}, trouvé {found}"
        ));
    }
    known
        .iter()
        .find(|(en, _)| msg.contains(en))
        .map(|(_, fr)| fr.to_string())
}

/// Where a typst diagnostic points: a library file (its name) or the main
/// template (`None`), the 1-based line and column, the byte range.
struct Place {
    file: Option<String>,
    line: usize,
    column: usize,
    range: (usize, usize),
}

fn locate(world: &dyn World, span: impl Into<DiagSpan>) -> Option<Place> {
    let span = span.into();
    let id = span.id()?;
    let file = (id != world.main()).then(|| id.get().vpath().get_without_slash().to_string());
    let range = world.range(span)?;
    let source = world.source(id).ok()?;
    let (line, col) = source.lines().byte_to_line_column(range.start)?;
    Some(Place {
        file,
        line: line + 1,
        column: col + 1,
        range: (range.start, range.end),
    })
}

#[cfg(test)]
mod tests {
    use super::{LibFile, TEMPLATE, Template, advice, french, templates};

    #[test]
    fn advice_names_the_user_files_or_a_defect_of_fdr() {
        let main = Template {
            name: TEMPLATE,
            source: String::new(),
            path: None,
        };
        let lib = |user| {
            vec![LibFile {
                name: "couleurs.typ",
                source: String::new(),
                shown: "r/templates/couleurs.typ".into(),
                user,
            }]
        };
        assert!(advice(&main, &lib(false), false).contains("défaut de fdr"));
        assert!(advice(&main, &lib(true), false).contains("(r/templates/couleurs.typ)"));
        assert_eq!(advice(&main, &lib(true), true), templates::FIX_USER);
    }

    #[test]
    fn usual_typst_errors_are_french() {
        let cases = [
            (
                "label `<axe-1>` does not exist in the document",
                "l'étiquette <axe-1> n'existe pas dans le document (titre retiré du gabarit ?)",
            ),
            (
                "dictionary does not contain key \"titre\"",
                "clé absente des données : \"titre\"",
            ),
            (
                "array index out of bounds (index: 3, len: 2)",
                "indice hors du tableau (indice : 3, longueur : 2)",
            ),
            (
                "expected content, found integer",
                "valeur inattendue : attendu content, trouvé integer",
            ),
            (
                "expected pairs of length 2, found length 3",
                "valeur inattendue : attendu pairs of length 2, trouvé length 3",
            ),
            (
                "array index out of bounds (index: 5, len: 1) and no default value was specified",
                "indice hors du tableau (indice : 5, longueur : 1)",
            ),
            (
                "dictionary does not contain key \"k\" and no default value was specified",
                "clé absente des données : \"k\"",
            ),
            (
                "panicked with: \"x\"",
                "arrêt demandé par le gabarit : \"x\"",
            ),
        ];
        for (en, fr) in cases {
            assert_eq!(french(en).as_deref(), Some(fr), "{en}");
        }
        assert_eq!(french("something new"), None);
    }
}
