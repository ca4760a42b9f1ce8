//! Validate stage: schema first (every error of every file), then the
//! semantics of the merged roadmap. Produces the model when no error remains.

mod build;
mod build_more;
mod checks;
mod context;
mod merge;
pub mod schema;

use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::load::{self, LoadError, SourceSet};
use crate::model::Roadmap;
use crate::parse;
use build::Tables;
use context::{Ctx, IdTable};
use std::path::Path;
use std::sync::Arc;

/// Everything one check produced.
pub struct Checked {
    pub sources: SourceSet,
    /// The model, once every reference resolved. It may still come with
    /// errors found on the complete model (an exceeded envelope…): renderers
    /// refuse it then, `fdr diff` can still compare it.
    pub model: Option<Roadmap>,
    pub diags: Diagnostics,
}

/// Load, parse and validate the roadmap in `root`.
/// `skip`: the output folder, never read as sources.
pub fn check(root: &Path, skip: Option<&Path>) -> Result<Checked, LoadError> {
    let mut diags = Diagnostics::default();
    let mut sources = load::load(root, skip, &mut diags)?;
    let unreadable: Vec<usize> = diags.items.iter().filter_map(|d| d.file).collect();
    let files: Vec<(usize, Arc<str>)> = (0..sources.fragments)
        .filter(|f| !unreadable.contains(f))
        .map(|f| (f, sources.files[f].text.clone()))
        .collect();
    let mut fragments = Vec::new();
    for (_, file_diags, fragment) in parse_files(files) {
        diags.items.extend(file_diags);
        if let Some(fr) = fragment {
            fragments.push(fr);
        }
    }
    // A value refused by a field rule is checked again, with the same
    // diagnostic, by the semantic stage: it does not stop it.
    if diags
        .items
        .iter()
        .any(|d| d.is_error() && !schema::is_field_rule(d.code))
    {
        diags.sort();
        return Ok(Checked {
            sources,
            model: None,
            diags,
        });
    }
    let model = {
        let mut ctx = Ctx {
            sources: &mut sources,
            diags: &mut diags,
            texts: Vec::new(),
        };
        semantic(&mut ctx, fragments)
    };
    diags.sort();
    Ok(Checked {
        sources,
        model,
        diags,
    })
}

/// Parse and schema-check one fragment: its diagnostics, and the typed
/// fragment when the schema holds.
fn check_file(
    file: usize,
    text: &str,
) -> (Vec<Diagnostic>, Option<(usize, crate::format::Fragment)>) {
    let mut file_diags = Vec::new();
    if text.trim().is_empty() {
        file_diags.push(
            Diagnostic::warning("fdr::fichier::vide", "fichier vide")
                .in_file(file)
                .help("ajoutez du contenu ou supprimez le fichier"),
        );
        return (file_diags, None);
    }
    let tree = parse::tree::parse_tree(file, text, &mut file_diags);
    let mut schema_ok = tree.is_ok() && file_diags.is_empty();
    if let Ok(Some(tree)) = &tree {
        parse::yaml11_warnings(file, tree, &mut file_diags);
        let json = parse::to_json(tree, "", &mut None);
        let errs = if schema::is_valid(&json) {
            Vec::new()
        } else {
            // Positions are only needed to report errors.
            let mut index = parse::SpanIndex::default();
            let json = parse::to_json(tree, "", &mut Some(&mut index));
            schema::validate(file, &json, &index)
        };
        schema_ok &= errs.iter().all(|d| schema::is_field_rule(d.code));
        file_diags.extend(errs);
    }
    let mut fragment = None;
    if schema_ok {
        match parse::typed(file, text) {
            Ok(fr) => fragment = Some((file, fr)),
            Err(d) => file_diags.push(*d),
        }
    }
    (file_diags, fragment)
}

type FileResult = (
    usize,
    Vec<Diagnostic>,
    Option<(usize, crate::format::Fragment)>,
);

/// Fragments are independent until they merge: parse them on every core,
/// then put the results back in file order.
fn parse_files(files: Vec<(usize, Arc<str>)>) -> Vec<FileResult> {
    let threads = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(8);
    if threads <= 1 || files.len() < 2 {
        return files
            .iter()
            .map(|(f, t)| {
                let (d, fr) = check_file(*f, t);
                (*f, d, fr)
            })
            .collect();
    }
    let mut results: Vec<FileResult> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..threads)
            .map(|k| {
                let mine: Vec<&(usize, Arc<str>)> = files.iter().skip(k).step_by(threads).collect();
                scope.spawn(move || {
                    mine.into_iter()
                        .map(|(f, t)| {
                            let (d, fr) = check_file(*f, t);
                            (*f, d, fr)
                        })
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().unwrap_or_else(|e| std::panic::resume_unwind(e)))
            .collect()
    });
    results.sort_by_key(|r| r.0);
    results
}

fn semantic(ctx: &mut Ctx, fragments: Vec<(usize, crate::format::Fragment)>) -> Option<Roadmap> {
    let merged = merge::merge(ctx, fragments);
    let mut t = Tables {
        acteurs: IdTable::new("acteur", false),
        axes: IdTable::new("axe", false),
        actions: IdTable::new("action", true),
        enveloppes: IdTable::new("enveloppe", true),
        annexes: IdTable::new("annexe", true),
        sections: IdTable::new("section", true),
        instances: IdTable::new("instance", true),
        fonds: IdTable::new("fonds", false),
        tableaux: IdTable::new("tableau", false),
    };
    let acteurs = build::build_acteurs(ctx, &merged, &mut t);
    let mut axes = build::build_axes(ctx, &merged, &mut t);
    let actions = build::build_actions(ctx, &merged, &mut t, &mut axes);
    let feuille = build::build_feuille(ctx, &merged, &t);
    let gouvernance = build::build_gouvernance(ctx, &merged, &mut t);
    let (enveloppes, lignes, fonds) = build_more::build_financements(ctx, &merged, &mut t);
    let (jalons, taches) = build_more::build_calendrier(ctx, &merged, &t, &actions);
    let territoire = build_more::build_territoire(ctx, &merged, &mut t);
    let concertation = build_more::build_concertation(ctx, &merged, &t);
    let sections = build_more::build_sections(ctx, &merged, &mut t);
    let annexes = build_more::build_annexes(ctx, &merged, &mut t);
    let model = Roadmap {
        feuille: feuille?,
        acteurs,
        gouvernance,
        axes,
        actions,
        enveloppes,
        lignes,
        fonds,
        jalons,
        taches,
        territoire,
        concertation,
        sections,
        annexes,
    };
    checks::run(ctx, &merged, &t, &model);
    Some(model)
}
