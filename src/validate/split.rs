//! Sub-roadmaps: the fragments of a folder declared in
//! `feuille_de_route.sous_feuilles` form a roadmap of their own. Every file
//! is read and parsed once, in one run (one set of diagnostics, positions
//! in every file); this splits the parsed fragments by declared folder
//! before each roadmap is merged.

use super::context::Ctx;
use crate::diagnostic::{Diagnostic, FileId, codes};
use crate::format::{Fragment, Span};
use std::path::Path;

/// A declared sub-roadmap: where it was declared and its folder.
pub struct Declared {
    pub id: crate::format::Id,
    /// Folder relative to the roadmap's, `/`-separated, without `./` nor
    /// a trailing `/`.
    pub dossier: String,
    pub file: FileId,
    pub span: Span,
}

/// The fragments of the roadmap itself, and of each declared sub-roadmap
/// (in declaration order) with its declaration.
pub struct Split {
    pub root: Vec<(FileId, Fragment)>,
    pub subs: Vec<(Declared, Vec<(FileId, Fragment)>)>,
}

/// The folder as written, made comparable to the files' relative paths;
/// `None` when it may not name a folder inside the roadmap's.
fn normalize(written: &str) -> Option<String> {
    let parts: Vec<&str> = written
        .split('/')
        .filter(|p| !p.is_empty() && *p != ".")
        .collect();
    let ok = !written.starts_with('/')
        && !parts.is_empty()
        && parts.iter().all(|p| *p != ".." && !p.starts_with('.'))
        && parts[0] != "templates";
    ok.then(|| parts.join("/"))
}

fn refuse(ctx: &mut Ctx, d: &Declared, message: String, help: &str) {
    ctx.push(
        Diagnostic::error(codes::SOUS_FEUILLE_DOSSIER, message)
            .at(d.file, d.span)
            .label("dossier de la sous-feuille")
            .help(help.to_string()),
    );
}

/// Every declaration, each folder checked (inside the roadmap folder, an
/// existing folder, declared once).
fn declarations(ctx: &mut Ctx, fragments: &[(FileId, Fragment)], root: &Path) -> Vec<Declared> {
    let mut out: Vec<Declared> = Vec::new();
    for (file, fr) in fragments {
        let Some(sf) = fr
            .feuille_de_route
            .as_ref()
            .and_then(|f| f.value.sous_feuilles.as_ref())
        else {
            continue;
        };
        for decl in &sf.value.liste {
            let written = decl.dossier.value.as_str();
            let mut d = Declared {
                id: decl.id.clone(),
                dossier: String::new(),
                file: *file,
                span: decl.dossier.span,
            };
            let Some(dossier) = normalize(written) else {
                refuse(
                    ctx,
                    &d,
                    format!("« {written} » ne désigne pas un sous-dossier de la feuille de route"),
                    "indiquez un chemin relatif au dossier de la feuille de route, sans « .. » ni dossier caché : `territoires/luberon`",
                );
                continue;
            };
            if !crate::load::resolve_inside(root, &dossier).is_some_and(|p| p.is_dir()) {
                refuse(
                    ctx,
                    &d,
                    format!("le dossier « {dossier} » est introuvable"),
                    "créez ce dossier avec les fichiers YAML de la sous-feuille, ou corrigez le chemin",
                );
                continue;
            }
            d.dossier = dossier;
            if let Some(first) = out.iter().find(|o| o.dossier == d.dossier) {
                let (ff, fs) = (first.file, first.span);
                ctx.push(
                    Diagnostic::error(
                        codes::SOUS_FEUILLE_DOSSIER,
                        format!("le dossier « {} » est déclaré deux fois", d.dossier),
                    )
                    .at(d.file, d.span)
                    .label("deuxième déclaration")
                    .related(ff, fs, "première déclaration")
                    .help("une sous-feuille a un dossier à elle : retirez l'une des deux déclarations"),
                );
                continue;
            }
            out.push(d);
        }
    }
    out
}

/// Split the fragments: those of each declared folder go to its
/// sub-roadmap. A sub-roadmap declaring sub-roadmaps of its own is refused
/// (one level only), and a declared folder must hold a `feuille_de_route`.
pub fn split(ctx: &mut Ctx, fragments: Vec<(FileId, Fragment)>) -> Split {
    let root = ctx.sources.root.clone();
    let all = declarations(ctx, &fragments, &root);
    let rel = |ctx: &Ctx, f: FileId| {
        ctx.sources
            .files
            .get(f)
            .map(|s| s.rel.clone())
            .unwrap_or_default()
    };
    let (decls, nested): (Vec<Declared>, Vec<Declared>) = {
        let folders: Vec<String> = all.iter().map(|d| format!("{}/", d.dossier)).collect();
        all.into_iter().partition(|d| {
            let r = rel(ctx, d.file);
            !folders.iter().any(|f| r.starts_with(f.as_str()))
        })
    };
    for d in &nested {
        refuse(
            ctx,
            d,
            "une sous-feuille ne peut pas déclarer de sous-feuilles".into(),
            "déclarez toutes les sous-feuilles dans la feuille de route du dossier principal",
        );
    }
    let mut subs: Vec<(Declared, Vec<(FileId, Fragment)>)> =
        decls.into_iter().map(|d| (d, Vec::new())).collect();
    let mut own = Vec::new();
    for (file, fr) in fragments {
        let r = rel(ctx, file);
        let ix = subs
            .iter()
            .enumerate()
            .filter(|(_, (d, _))| r.starts_with(&format!("{}/", d.dossier)))
            .max_by_key(|(_, (d, _))| d.dossier.len())
            .map(|(i, _)| i);
        match ix.and_then(|i| subs.get_mut(i)) {
            Some((_, frs)) => frs.push((file, fr)),
            None => own.push((file, fr)),
        }
    }
    subs.retain(|(d, frs)| {
        let has = frs.iter().any(|(_, f)| f.feuille_de_route.is_some());
        if !has {
            refuse(
                ctx,
                d,
                format!(
                    "le dossier « {} » ne contient aucune rubrique `feuille_de_route`",
                    d.dossier
                ),
                "une sous-feuille est une feuille de route à part : ajoutez `feuille_de_route:` dans un fichier YAML de ce dossier",
            );
        }
        has
    });
    Split { root: own, subs }
}

#[cfg(test)]
mod tests {
    use super::normalize;

    #[test]
    fn folders_stay_inside() {
        assert_eq!(
            normalize("./territoires/luberon/").as_deref(),
            Some("territoires/luberon")
        );
        assert_eq!(normalize("../autre"), None);
        assert_eq!(normalize("/etc"), None);
        assert_eq!(normalize("a/../../b"), None);
        assert_eq!(normalize("."), None);
        assert_eq!(normalize(".git"), None);
        assert_eq!(normalize("templates/x"), None);
    }
}
