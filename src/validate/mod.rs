//! Validate stage: schema first (every error of every file), then the
//! semantics of the merged roadmap. Produces the model when no error remains.

mod checks;
mod context;
mod lower;
mod merge;
mod money;
mod prune;
pub mod schema;
mod split;
mod totals;
mod truth;

use crate::diagnostic::fr;
use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::load::{self, LoadError, SourceSet};
use crate::model::Roadmap;
use crate::parse;
use context::{Ctx, IdTable};
use lower::Tables;
use std::collections::BTreeSet;
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

/// Diagnostics about what is missing from the whole roadmap, left out
/// while part of it is set aside for schema errors.
const INCOMPLETE: &[&str] = &[
    crate::diagnostic::codes::ACTEUR_INUTILISE,
    crate::diagnostic::codes::FEUILLE_MANQUANTE,
    crate::diagnostic::codes::NUMERO_LACUNE,
    crate::diagnostic::codes::AXE_SANS_ACTION,
];

/// Load, parse and validate the roadmap in `root`.
/// `skip`: the output folder, never read as sources.
pub fn check(root: &Path, skip: Option<&Path>) -> Result<Checked, LoadError> {
    check_at(root, skip, None)
}

/// [`check`], for a progress report at `au` when given: a measurement
/// dated after it is refused too.
pub fn check_at(
    root: &Path,
    skip: Option<&Path>,
    au: Option<crate::model::DateFlou>,
) -> Result<Checked, LoadError> {
    let mut diags = Diagnostics::default();
    let mut sources = load::load(root, skip, &mut diags)?;
    let unreadable: Vec<usize> = diags.items.iter().filter_map(|d| d.file).collect();
    let files: Vec<(usize, Arc<str>)> = (0..sources.fragments)
        .filter(|f| !unreadable.contains(f))
        .map(|f| (f, sources.files[f].text.clone()))
        .collect();
    let mut fragments = Vec::new();
    let mut pruned: Option<BTreeSet<String>> = None;
    let mut lost = false;
    for (_, file_diags, parsed) in parse_files(files) {
        lost |= parsed.is_none() && file_diags.iter().any(Diagnostic::is_error);
        diags.items.extend(file_diags);
        if let Some(p) = parsed {
            if let Some(ids) = p.pruned {
                pruned.get_or_insert_default().extend(ids);
            }
            fragments.push((p.file, p.fragment));
        }
    }
    // A file that could not be read at all hides identifiers the others
    // may use: the semantic checks would only add false errors. A value
    // refused by a field rule is checked again, with the same diagnostic,
    // by the semantic stage: it does not stop it.
    let blocking = diags
        .items
        .iter()
        .any(|d| d.is_error() && !schema::is_field_rule(d.code));
    if lost || (blocking && pruned.is_none()) {
        diags.sort();
        return Ok(Checked {
            sources,
            model: None,
            diags,
        });
    }
    let partial = pruned.is_some();
    let model = {
        let mut ctx = Ctx {
            sources: &mut sources,
            diags: &mut diags,
            texts: Vec::new(),
            pruned: pruned.unwrap_or_default(),
            dossier: String::new(),
        };
        semantic(&mut ctx, fragments, au)
    };
    if partial {
        // Completeness depends on the parts set aside: said once they parse.
        diags.items.retain(|d| !INCOMPLETE.contains(&d.code));
    }
    diags.sort();
    Ok(Checked {
        sources,
        model,
        diags,
    })
}

/// Parse and schema-check one fragment: its diagnostics, and the typed
/// fragment when the schema holds.
fn check_file(file: usize, text: &str) -> (Vec<Diagnostic>, Option<Parsed>) {
    let mut file_diags = Vec::new();
    if text.trim().is_empty() {
        file_diags.push(
            Diagnostic::warning(crate::diagnostic::codes::FICHIER_VIDE, "fichier vide")
                .in_file(file)
                .help("ajoutez du contenu ou supprimez le fichier"),
        );
        return (file_diags, None);
    }
    let tree = parse::tree::parse_tree(file, text, &mut file_diags);
    let mut readable = tree.is_ok() && file_diags.is_empty();
    let mut tree = tree.ok().flatten();
    let mut pruned = None;
    if let Some(tree) = &mut tree {
        parse::yaml11_warnings(file, tree, &mut file_diags);
        let json = parse::to_json(tree, "", &mut None);
        if !schema::is_valid(&json) {
            // Positions are only needed to report errors.
            let mut index = parse::SpanIndex::default();
            let json = parse::to_json(tree, "", &mut Some(&mut index));
            let (errs, pointers) = schema::validate_with_pointers(file, &json, &index);
            readable &= errs
                .iter()
                .all(|d| d.code.starts_with("fdr::schema::") || schema::is_field_rule(d.code));
            file_diags.extend(errs);
            if !pointers.is_empty() {
                pruned = Some(prune::prune(tree, &pointers));
            }
        }
    }
    let mut fragment = None;
    if readable {
        match parse::typed(file, text, tree.as_ref()) {
            Ok(fr) => {
                fragment = Some(Parsed {
                    file,
                    fragment: fr,
                    pruned,
                })
            }
            Err(d) => file_diags.push(*d),
        }
    }
    (file_diags, fragment)
}

/// A fragment read from its file, with what its schema errors set aside.
pub struct Parsed {
    file: usize,
    fragment: crate::format::Fragment,
    /// Identifiers defined by the parts set aside; `None` if nothing was.
    pruned: Option<BTreeSet<String>>,
}

type FileResult = (usize, Vec<Diagnostic>, Option<Parsed>);

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

fn semantic(
    ctx: &mut Ctx,
    fragments: Vec<(usize, crate::format::Fragment)>,
    au: Option<crate::model::DateFlou>,
) -> Option<Roadmap> {
    let split = split::split(ctx, fragments);
    let root = lower_roadmap(ctx, split.root, au, None);
    let mut model = root.model?;
    let parent = lower::sous_feuilles::parent(&root.merged, &root.tables, &model);
    let mut ids = IdTable::new(fr::SOUS_FEUILLE);
    for (decl, fragments) in split.subs {
        ctx.define(&mut ids, decl.file, &decl.id, model.sous_feuilles.len());
        ctx.dossier = format!("{}/", decl.dossier);
        let sub = lower_roadmap(ctx, fragments, au, Some(&parent));
        ctx.dossier.clear();
        let at = sub.merged.feuille.as_ref().map(|(f, fr)| (*f, fr.span));
        let Some(feuille) = sub.model else { continue };
        let axes_repris = lower::sous_feuilles::axes_repris(&feuille);
        lower::sous_feuilles::check_minimum(ctx, &parent, &decl, at, axes_repris.len());
        model.sous_feuilles.push(crate::model::SousFeuille {
            id: decl.id.value,
            dossier: decl.dossier,
            feuille: Box::new(feuille),
            axes_repris,
        });
    }
    Some(model)
}

/// One roadmap lowered and checked, with what its sub-roadmaps need of it.
struct Lowered {
    model: Option<Roadmap>,
    merged: merge::Merged,
    tables: Tables,
}

fn tables(mot: crate::model::MotAxe) -> Tables {
    Tables {
        acteurs: IdTable::new(fr::ACTEUR),
        axes: IdTable::new(fr::Nom::de_mot(mot)),
        actions: IdTable::new(fr::ACTION),
        enveloppes: IdTable::new(fr::ENVELOPPE),
        cercles: IdTable::new(fr::CERCLE),
        annexes: IdTable::new(fr::ANNEXE),
        sections: IdTable::new(fr::SECTION),
        instances: IdTable::new(fr::INSTANCE),
        fonds: IdTable::new(fr::FONDS),
        tableaux: IdTable::new(fr::TABLEAU),
        reunions: IdTable::new(fr::REUNION),
        indicateurs: IdTable::new(fr::INDICATEUR),
    }
}

/// Lower and check one roadmap: the departmental one (`parent` is `None`)
/// or one of its sub-roadmaps.
fn lower_roadmap(
    ctx: &mut Ctx,
    fragments: Vec<(usize, crate::format::Fragment)>,
    au: Option<crate::model::DateFlou>,
    parent: Option<&lower::sous_feuilles::Parent>,
) -> Lowered {
    let merged = merge::merge(ctx, fragments);
    let mut t = tables(lower::mot_axe(&merged));
    let herites = lower::sous_feuilles::inherit_acteurs(parent, &mut t);
    let acteurs = lower::build_acteurs(ctx, &merged, &mut t, herites);
    let mut axes = lower::build_axes(ctx, &merged, &mut t);
    lower::sous_feuilles::reprend(ctx, &merged, &t, parent, &mut axes);
    let actions = lower::build_actions(ctx, &merged, &mut t, &mut axes);
    lower::define_indicateurs(ctx, &merged, &mut t);
    let indicateurs = lower::build_evaluation(ctx, &merged);
    let feuille = lower::build_feuille(ctx, &merged, &t);
    let gouvernance = lower::build_gouvernance(ctx, &merged, &mut t);
    let fi = lower::build_financements(ctx, &merged, &mut t);
    let (jalons, taches) = lower::build_calendrier(ctx, &merged, &t, &actions);
    let territoire = lower::build_territoire(ctx, &merged, &mut t);
    let concertation = lower::build_concertation(ctx, &merged, &mut t);
    let sections = lower::build_sections(ctx, &merged, &mut t);
    let annexes = lower::build_annexes(ctx, &merged, &mut t);
    let model = feuille.map(|mut feuille| {
        feuille.departementale = parent.map(|p| p.departementale.clone());
        Roadmap {
            feuille,
            acteurs,
            gouvernance,
            axes,
            actions,
            indicateurs,
            enveloppes: fi.enveloppes,
            cercles: fi.cercles,
            lignes: fi.lignes,
            fonds: fi.fonds,
            postes: fi.postes,
            jalons,
            taches,
            territoire,
            concertation,
            sections,
            annexes,
            sous_feuilles: Vec::new(),
        }
    });
    if let Some(model) = &model {
        checks::run(ctx, &merged, &t, model);
        lower::check_periode(ctx, &merged, model.feuille.debut, model.feuille.fin);
        if let Some(au) = au {
            lower::check_au(ctx, &merged, au);
        }
    }
    // Texts are scanned against this roadmap's ids only.
    ctx.texts.clear();
    Lowered {
        model,
        merged,
        tables: t,
    }
}
