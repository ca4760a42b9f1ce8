//! Truth checks: what the sources say twice, or what the tool computes
//! and a text or a table also writes by hand, must agree. Each is a
//! warning whose help gives the fix: a milestone outside its action's
//! dates, a hand-typed reference or count in a text, a hand-typed total
//! row in a table, one figure of the territory typed twice with two values.

mod counts;
mod figures;
mod fit;
mod refs;
mod scan;
mod tables;

use super::context::Ctx;
use super::merge::Merged;
use crate::diagnostic::{Diagnostic, FileId};
use crate::format::{self as f, Sp, Span};
use crate::model::{self as m, DateFlou};

/// Most hand-typed references, and most restated counts, reported: past a
/// thousand the report says enough, and finding each one's line costs a
/// pass over its file.
pub const MAX_REPORTED: usize = 1_000;

pub fn run(ctx: &mut Ctx, merged: &Merged, model: &m::Roadmap) {
    milestones_within_actions(ctx, merged, model);
    tables::hand_totals(ctx, merged);
    refs::run(ctx, model);
    refs::plain(ctx, merged, model);
    counts::run(ctx, merged, model);
    figures::run(ctx, merged);
}

/// The first definition of each action, by id, with its file.
fn action_source<'a>(merged: &'a Merged, id: &str) -> Option<(FileId, &'a f::Action)> {
    merged
        .actions
        .iter()
        .find(|(_, a)| a.id.value == id)
        .map(|(file, a)| (*file, a))
}

/// A date of the sources, with where it is written.
struct Dated {
    date: DateFlou,
    raw: String,
    file: FileId,
    span: Span,
}

fn dated(file: FileId, d: &Option<Sp<f::DateBrute>>) -> Option<Dated> {
    let d = d.as_ref()?;
    Some(Dated {
        date: DateFlou::parse(&d.value.0).ok()?,
        raw: d.value.0.trim().to_string(),
        file,
        span: d.span,
    })
}

/// A milestone of an action dated before the action starts or after it
/// ends (no overlap at all: « 2025 » for an action from March 2025 is
/// within).
fn milestones_within_actions(ctx: &mut Ctx, merged: &Merged, model: &m::Roadmap) {
    for (file, j) in &merged.jalons {
        let Some(action_id) = &j.action else { continue };
        let Some((afile, a)) = action_source(merged, &action_id.value) else {
            continue;
        };
        let Some(action) = model.actions.iter().find(|x| x.id == action_id.value) else {
            continue;
        };
        let (debut, fin) = (dated(afile, &a.debut), dated(afile, &a.fin));
        let dates = [dated(*file, &Some(j.date.clone())), dated(*file, &j.fin)];
        for d in dates.iter().flatten() {
            let before = debut.as_ref().filter(|b| d.date.end() < b.date.start());
            let after = fin.as_ref().filter(|e| d.date.start() > e.date.end());
            let (bound, when, edge) = match (before, after) {
                (Some(b), _) => (b, "avant le début", "début de l'action"),
                (_, Some(e)) => (e, "après la fin", "fin de l'action"),
                _ => continue,
            };
            ctx.push(
                Diagnostic::warning(
                    crate::diagnostic::codes::CALENDRIER_JALON_HORS_ACTION,
                    format!(
                        "le jalon « {} » ({}) tombe {when} de l'action {} ({})",
                        j.libelle.value, d.raw, action.numero, bound.raw
                    ),
                )
                .at(d.file, d.span)
                .label(format!("{when} de l'action {}", action.numero))
                .related(bound.file, bound.span, edge)
                .help(format!(
                    "corrigez la date du jalon ou les dates de l'action « {} » ; un jalon hors \
                     de l'action se rattache à son axe (`axe:`) ou à toute la feuille de route",
                    action.id
                )),
            );
            break;
        }
    }
}
