//! Lowering: the merged source fragments become the model, one file per
//! entity, mirroring `format/`. Identifiers are resolved, axes and actions
//! numbered, values parsed; every problem is reported, and the model is
//! only returned when none is an error.

mod acteurs;
mod actions;
mod axes;
mod calendrier;
mod concertation;
mod evaluation;
mod feuille;
mod financements;
mod gouvernance;
mod lignes;
mod postes;
pub mod sous_feuilles;
mod territoire;
mod textes;

pub use acteurs::*;
pub use actions::*;
pub use axes::*;
pub use calendrier::*;
pub use concertation::*;
pub use evaluation::*;
pub use feuille::*;
pub use financements::*;
pub use gouvernance::*;
pub use territoire::*;
pub use textes::*;

pub(super) use super::context::{Ctx, IdTable};
pub(super) use super::merge::Merged;
pub(super) use super::totals::{Kind, Term, check_sum};
pub(super) use crate::diagnostic::{Diagnostic, FileId};
pub(super) use crate::format::{self as f, Sp};
pub(super) use crate::model::{self as m};
pub(super) use std::collections::{BTreeMap, BTreeSet};

/// Id tables of every kind of entity.
pub struct Tables {
    pub acteurs: IdTable,
    pub axes: IdTable,
    pub actions: IdTable,
    pub enveloppes: IdTable,
    pub cercles: IdTable,
    pub annexes: IdTable,
    pub sections: IdTable,
    pub instances: IdTable,
    pub fonds: IdTable,
    pub tableaux: IdTable,
    pub reunions: IdTable,
    pub indicateurs: IdTable,
}

/// Check a list of numbers is exactly 1..=n; report duplicates and gaps.
pub(super) fn check_sequence(
    ctx: &mut Ctx,
    what: &str,
    prefix: &str,
    numbers: &[(u32, FileId, f::Span)],
) {
    let mut seen: BTreeMap<u32, (FileId, f::Span)> = BTreeMap::new();
    for (n, file, span) in numbers {
        if let Some((ff, fs)) = seen.get(n) {
            ctx.push(
                Diagnostic::error(
                    crate::diagnostic::codes::NUMERO_DOUBLON,
                    format!("deux {what}s portent le numéro {prefix}{n}"),
                )
                .at(*file, *span)
                .label("numéro déjà utilisé")
                .related(*ff, *fs, "première utilisation")
                .help("renumérotez, ou retirez `numero` pour le laisser calculer"),
            );
        } else {
            seen.insert(*n, (*file, *span));
        }
    }
    for (i, (n, (file, span))) in seen.iter().enumerate() {
        let expected = i as u32 + 1;
        if *n != expected && expected == 1 {
            ctx.push(
                Diagnostic::error(
                    crate::diagnostic::codes::NUMERO_LACUNE,
                    format!(
                        "la numérotation des {what}s commence à {prefix}{n} au lieu de {prefix}1"
                    ),
                )
                .at(*file, *span)
                .label(format!("{prefix}1 attendu"))
                .help(format!(
                    "numérotez les {what}s sans trou à partir de {prefix}1"
                )),
            );
            break;
        }
        if *n != expected {
            ctx.push(
                Diagnostic::error(
                    crate::diagnostic::codes::NUMERO_LACUNE,
                    format!(
                        "numérotation des {what}s interrompue : {prefix}{n} suit {prefix}{}",
                        expected - 1
                    ),
                )
                .at(*file, *span)
                .label(format!("{prefix}{expected} attendu"))
                .help(format!(
                    "numérotez les {what}s sans trou à partir de {prefix}1"
                )),
            );
            break;
        }
    }
}

pub fn resolve_list(
    ctx: &mut Ctx,
    table: &IdTable,
    file: FileId,
    ids: &[Sp<String>],
) -> Vec<usize> {
    let mut out = Vec::new();
    for id in ids {
        if let Some(ix) = ctx.resolve(table, file, id) {
            if out.contains(&ix) {
                ctx.push(
                    Diagnostic::warning(
                        crate::diagnostic::codes::REFERENCE_REPETEE,
                        format!("« {} » est cité deux fois dans cette liste", id.value),
                    )
                    .at(file, id.span)
                    .label("déjà cité")
                    .help("retirez le doublon"),
                );
            } else {
                out.push(ix);
            }
        }
    }
    out
}

/// Money: sources (envelopes, cercles), lines, funds and posts.
pub fn build_financements(ctx: &mut Ctx, merged: &Merged, t: &mut Tables) -> Financements {
    let sources = build_sources(ctx, merged, t);
    let lignes = lignes::build_lignes(ctx, merged, t, &sources.enveloppes);
    let fonds = build_fonds(ctx, merged, t);
    let postes = postes::build_postes(ctx, merged, t);
    Financements {
        enveloppes: sources.enveloppes,
        cercles: sources.cercles,
        lignes,
        fonds,
        postes,
    }
}

pub struct Financements {
    pub enveloppes: Vec<m::Enveloppe>,
    pub cercles: Vec<m::Cercle>,
    pub lignes: Vec<m::Ligne>,
    pub fonds: Vec<m::Fonds>,
    pub postes: Vec<m::Poste>,
}

/// Two years written as a span (`de`/`a`, `debut`/`fin`): the end may not
/// come before the start. `keys` names them for the help. Returns whether
/// they are in order.
pub(super) fn years_in_order(
    ctx: &mut Ctx,
    file: FileId,
    start: &Sp<u16>,
    end: &Sp<u16>,
    keys: (&str, &str),
) -> bool {
    if end.value >= start.value {
        return true;
    }
    ctx.push(
        Diagnostic::error(
            crate::diagnostic::codes::DATE_FIN_AVANT_DEBUT,
            format!("la fin ({}) précède le début ({})", end.value, start.value),
        )
        .at(file, end.span)
        .label("fin avant le début")
        .related(file, start.span, "début")
        .help(format!(
            "vérifiez l'année ou échangez `{}` et `{}`",
            keys.0, keys.1
        )),
    );
    false
}
