//! `fdr build DIR`: check, then render every requested format. Each file is
//! written through [`write::replace`] (a new temporary file renamed into
//! place), so an interrupted build leaves the previous outputs intact.
//!
//! Every problem of a build — in the sources, a template, the PDF, the
//! writing of a file — is a diagnostic, and all of them are reported once,
//! at the end, in the format `--diagnostics` asks for.

use super::{EXIT_FAILURE, EXIT_INVALID, Failure, Output, isolate, write};
use crate::cli::{BuildArgs, DiagFormat, OutFormat};
use crate::diagnostic::Diagnostics;
use crate::load::SourceSet;
use crate::render::templates::TemplateError;
use crate::render::view::View;
use crate::render::{self, RenderContext, Renderer};
use crate::{compute, validate};
use std::path::{Path, PathBuf};

/// Where `p` leads: each existing step resolved physically (links, `..`),
/// the steps that do not exist yet applied lexically.
fn resolve_path(p: &Path) -> PathBuf {
    let mut cur = std::env::current_dir().unwrap_or_default();
    for c in p.components() {
        match c {
            std::path::Component::RootDir | std::path::Component::Prefix(_) => {
                cur = PathBuf::from(c.as_os_str())
            }
            std::path::Component::CurDir => {}
            std::path::Component::ParentDir => {
                cur = cur.canonicalize().unwrap_or(cur);
                cur.pop();
            }
            std::path::Component::Normal(n) => {
                cur.push(n);
                if let Ok(real) = cur.canonicalize() {
                    cur = real;
                }
            }
        }
    }
    cur
}

/// Refuse an output folder that is the roadmap folder or contains it.
pub(super) fn check_output(dir: &Path, output: &Path) -> Result<(), Failure> {
    let real_dir = dir
        .canonicalize()
        .map_err(|e| Failure::Io(format!("{} : {e}", dir.display())))?;
    let real_out = resolve_path(output);
    if real_out == real_dir || real_dir.starts_with(&real_out) {
        return Err(Failure::Usage(format!(
            "le dossier de sortie « {} » ne peut pas être le dossier de la feuille de route ni le contenir",
            output.display()
        )));
    }
    Ok(())
}

fn renderer(f: OutFormat) -> Result<Box<dyn Renderer>, Failure> {
    match f {
        OutFormat::Md => Ok(Box::new(render::MarkdownRenderer)),
        OutFormat::Html => Ok(Box::new(render::HtmlRenderer)),
        OutFormat::Odt => Ok(Box::new(render::office::ODT)),
        OutFormat::Docx => Ok(Box::new(render::office::DOCX)),
        #[cfg(feature = "pdf")]
        OutFormat::Pdf => Ok(Box::new(render::pdf::PdfRenderer)),
        #[cfg(not(feature = "pdf"))]
        OutFormat::Pdf => Err(Failure::Usage(
            "le format pdf n'est pas disponible : fdr a été compilé sans la fonctionnalité « pdf » (cargo build --features pdf)".into(),
        )),
    }
}

/// The formats asked for, in a fixed order (md, html, pdf by default).
fn formats(args: &BuildArgs) -> Vec<OutFormat> {
    let mut formats = args.sortie.format.clone();
    if formats.is_empty() {
        formats = vec![OutFormat::Md, OutFormat::Html];
        if cfg!(feature = "pdf") {
            formats.push(OutFormat::Pdf);
        }
    }
    formats.sort();
    formats.dedup();
    formats
}

/// Printed with `--verbose`, for the user only: never in a document.
fn lap(out: &Output, what: &str, since: std::time::Instant) {
    if out.verbose {
        eprintln!("{what} : {:.1} ms", since.elapsed().as_secs_f64() * 1000.0);
    }
}

/// Files rendered in memory: (path in the output folder, `/`-separated,
/// bytes).
pub(super) type Files = Vec<(String, Vec<u8>)>;

/// The documents of a checked roadmap: its own, and each sub-roadmap's
/// (by id), written under `sous-feuilles/ID/`.
pub(super) struct Views {
    pub main: View,
    pub subs: Vec<(String, View)>,
}

fn views(model: &crate::model::Roadmap) -> Views {
    let c = compute::compute(model);
    let subs = model
        .sous_feuilles
        .iter()
        .zip(&c.sous_feuilles)
        .map(|(s, cs)| (s.id.clone(), render::view::build(&s.feuille, cs)))
        .collect();
    Views {
        main: render::view::build(model, &c),
        subs,
    }
}

/// Where a sub-roadmap's documents go in the output folder.
fn sub_folder(id: &str) -> String {
    format!("sous-feuilles/{id}")
}

/// What a build found: the diagnostics of every stage with the sources
/// they point into (a failing user template included), and the rendered
/// files when there is no error.
pub(super) struct Built {
    pub diags: Diagnostics,
    pub sources: SourceSet,
    pub files: Option<Files>,
}

impl Built {
    /// The build with `e` as its last diagnostic, and no file.
    fn failed(mut self, e: TemplateError, root: &Path) -> Self {
        let d = e.diagnostic(root, &mut self.sources);
        self.diags.push(d);
        self.files = None;
        self
    }
}

/// Check the roadmap: its diagnostics, and the view model when the sources
/// have no error (warnings denied with `--deny-warnings`).
fn view_of(args: &BuildArgs, out: &Output) -> Result<(Built, Option<Views>), Failure> {
    let output = args.output_dir();
    if !args.dir.is_dir() {
        return Err(crate::load::LoadError::NotADirectory(args.dir.clone()).into());
    }
    check_output(&args.dir, &output)?;
    let started = std::time::Instant::now();
    let mut checked = validate::check(&args.dir, Some(&output))?;
    lap(out, "vérification", started);
    if args.deny_warnings {
        checked.diags.deny_warnings();
    }
    let view = checked
        .model
        .take()
        .filter(|_| !checked.diags.has_errors())
        .map(|model| views(&model));
    let built = Built {
        diags: checked.diags,
        sources: checked.sources,
        files: None,
    };
    Ok((built, view))
}

/// One format rendered in this process (the child of
/// [`isolate::render`]): `None` when the sources have errors.
pub(super) fn render_one(
    args: &BuildArgs,
    out: &Output,
    format: OutFormat,
) -> Result<Option<Result<Vec<u8>, TemplateError>>, Failure> {
    let r = renderer(format)?;
    let (_, Some(views)) = view_of(args, out)? else {
        return Ok(None);
    };
    let view = match &args.sous_feuille {
        None => Some(&views.main),
        Some(id) => views.subs.iter().find(|(s, _)| s == id).map(|(_, v)| v),
    };
    let Some(view) = view else {
        return Ok(None);
    };
    let ctx = RenderContext {
        view,
        root: &args.dir,
    };
    Ok(Some(r.render(&ctx)))
}

/// Check, then render every requested format in memory (a roadmap with its
/// own templates in the isolated child process); nothing is written nor
/// reported.
pub(super) fn render_files(args: &BuildArgs, out: &Output) -> Result<Built, Failure> {
    let formats = formats(args);
    let renderers = formats
        .iter()
        .map(|f| renderer(*f))
        .collect::<Result<Vec<_>, _>>()?;
    let (built, views) = view_of(args, out)?;
    let Some(views) = views else {
        return Ok(built);
    };
    // Render everything first: nothing is written if any format fails.
    let mut files = Vec::new();
    let documents =
        std::iter::once((None, &views.main)).chain(views.subs.iter().map(|(id, v)| (Some(id), v)));
    for (id, view) in documents {
        let ctx = RenderContext {
            view,
            root: &args.dir,
        };
        let child = BuildArgs {
            sous_feuille: id.cloned(),
            ..args.clone()
        };
        for r in &renderers {
            let t = std::time::Instant::now();
            let rendered = if r.uses_templates() && isolate::user_templates(&args.dir) {
                isolate::render(&child, r.name(), r.template())
            } else {
                r.render(&ctx)
            };
            lap(out, &format!("rendu {}", r.name()), t);
            let name = match id {
                None => r.file_name().to_string(),
                Some(id) => format!("{}/{}", sub_folder(id), r.file_name()),
            };
            match rendered {
                Ok(bytes) => files.push((name, bytes)),
                Err(e) => return Ok(built.failed(e, &args.dir)),
            }
        }
        #[cfg(feature = "pdf")]
        if args.emit_typst && id.is_none() {
            match render::pdf::typst_sources(&ctx) {
                Ok(sources) => files.extend(sources.into_iter().map(|(n, b)| (n.to_string(), b))),
                Err(e) => return Ok(built.failed(e, &args.dir)),
            }
        }
    }
    Ok(Built {
        files: Some(files),
        ..built
    })
}

/// Write every file into `output`, each destination checked before the
/// first is written; the paths written are added to `written`.
fn write_files(
    output: &Path,
    dir: &Path,
    files: &Files,
    written: &mut Vec<PathBuf>,
) -> Result<(), write::WriteError> {
    write::output_folder(output, dir)?;
    // A sub-roadmap's documents go in their own folder, created like the
    // output folder (never through a link).
    let place = |name: &str| match name.rsplit_once('/') {
        Some((folder, file)) => (output.join(folder), file.to_string()),
        None => (output.to_path_buf(), name.to_string()),
    };
    for (name, _) in files {
        let (folder, file) = place(name);
        if folder != output {
            write::output_folder(&folder, dir)?;
        }
        write::replaceable(&folder, &file)?;
    }
    for (name, bytes) in files {
        let (folder, file) = place(name);
        write::replace(&folder, &file, bytes)?;
        written.push(folder.join(file));
    }
    Ok(())
}

pub(super) fn run(args: &BuildArgs, out: &Output) -> Result<u8, Failure> {
    let output = args.output_dir();
    let mut built = render_files(args, out)?;
    let mut code = if built.diags.has_errors() {
        EXIT_INVALID
    } else {
        0
    };
    let mut written = Vec::new();
    if let Some(files) = &built.files
        && let Err(e) = write_files(&output, &args.dir, files, &mut written)
    {
        built.diags.push(e.diagnostic());
        code = EXIT_FAILURE;
    }
    // People see a report only when there is something to say; tools
    // always get one.
    if args.diagnostics != DiagFormat::Human || !built.diags.items.is_empty() {
        out.emit(args.diagnostics, &built.diags, &built.sources);
    }
    if !out.quiet {
        for path in written {
            eprintln!("écrit : {}", path.display());
        }
    }
    Ok(code)
}
