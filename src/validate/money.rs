//! Checks on the built money: envelopes overrun in total or in a year, and
//! actions whose lines do not balance their budget (the ANCT rule: budget −
//! Σ financing = 0). Refused lines count nowhere; in-kind lines never draw
//! on an envelope.

use super::context::Ctx;
use super::lower::Tables;
use super::merge::Merged;
use crate::diagnostic::codes;
use crate::diagnostic::fr::euros;
use crate::diagnostic::{Diagnostic, FileId};
use crate::format::Span;
use crate::model::{self as m, Money};
use std::collections::BTreeMap;

pub fn run(ctx: &mut Ctx, merged: &Merged, t: &Tables, model: &m::Roadmap) {
    envelopes(ctx, merged, t, model);
    // A line left out for an error would show as money left to finance:
    // the balance waits until the sources are free of errors.
    if !ctx.diags.has_errors() {
        budgets(ctx, merged, model);
    }
}

fn envelope_span(merged: &Merged, t: &Tables, id: &str, plafond: bool) -> Option<(FileId, Span)> {
    merged
        .enveloppes
        .iter()
        .find(|(_, e)| e.id.value == id)
        .map(|(f, e)| {
            let field = if plafond {
                e.plafond_annuel.as_ref()
            } else {
                e.montant.as_ref()
            };
            (*f, field.map_or(e.id.span, |x| x.span))
        })
        .or_else(|| t.enveloppes.ids.get(id).map(|d| (d.file, d.span)))
}

fn envelopes(ctx: &mut Ctx, merged: &Merged, t: &Tables, model: &m::Roadmap) {
    // One pass over the lines, not one per envelope.
    let mut used = vec![Money(0); model.enveloppes.len()];
    let mut per_year: Vec<BTreeMap<u16, Money>> = vec![BTreeMap::new(); model.enveloppes.len()];
    for l in model.lignes.iter().filter(|l| l.compte() && !l.en_nature()) {
        let Some(e) = l.enveloppe else { continue };
        if let (Some(u), Some(py)) = (used.get_mut(e), per_year.get_mut(e)) {
            for (y, mo) in &l.montants {
                *u = *u + *mo;
                if let Some(y) = y {
                    let v = py.entry(*y).or_default();
                    *v = *v + *mo;
                }
            }
        }
    }
    for (i, env) in model.enveloppes.iter().enumerate() {
        if let Some(total) = env.montant_effectif()
            && used[i] > total
        {
            let mut d = Diagnostic::error(
                codes::FINANCEMENT_ENVELOPPE_DEPASSEE,
                format!(
                    "l'enveloppe « {} » est dépassée : {} affectés pour {} disponibles",
                    env.libelle,
                    euros(used[i].0),
                    euros(total.0)
                ),
            )
            .label(format!("dépassement de {}", euros((used[i] - total).0)))
            .help("réduisez les lignes rattachées à cette enveloppe, ou augmentez son montant");
            if let Some((f, s)) = envelope_span(merged, t, &env.id, false) {
                d = d.at(f, s);
            }
            ctx.push(d);
        }
        if let Some(plafond) = env.plafond_annuel {
            for (y, v) in per_year[i].iter().filter(|(_, v)| **v > plafond) {
                let mut d = Diagnostic::error(
                    codes::FINANCEMENT_PLAFOND_ANNUEL,
                    format!(
                        "l'enveloppe « {} » dépasse son plafond annuel en {y} : {} affectés pour un plafond de {}",
                        env.libelle,
                        euros(v.0),
                        euros(plafond.0)
                    ),
                )
                .label(format!("dépassé de {} en {y}", euros((*v - plafond).0)))
                .help(format!("réduisez les lignes de {y} imputées sur cette enveloppe, ou reportez-en une partie sur une autre année"));
                if let Some((f, s)) = envelope_span(merged, t, &env.id, true) {
                    d = d.at(f, s);
                }
                ctx.push(d);
            }
        }
    }
}

/// Every action with a budget: its counted lines, cash and valued in kind,
/// against the budget.
fn budgets(ctx: &mut Ctx, merged: &Merged, model: &m::Roadmap) {
    let mut financed: Vec<Option<Money>> = vec![None; model.actions.len()];
    for l in model.lignes.iter().filter(|l| l.compte()) {
        if let Some(f) = financed.get_mut(l.action) {
            *f = Some(f.unwrap_or_default() + l.total());
        }
    }
    // A budget without any line: its financing is not described, nothing
    // to balance.
    for (a, got) in model.actions.iter().zip(financed) {
        let (Some(budget), Some(got)) = (a.budget, got) else {
            continue;
        };
        if got == budget {
            continue;
        }
        let Some((file, span)) = merged
            .actions
            .iter()
            .find(|(_, x)| x.id.value == a.id)
            .and_then(|(f, x)| x.budget.as_ref().map(|b| (*f, b.span)))
        else {
            continue;
        };
        let (message, label, help) = if got > budget {
            (
                format!(
                    "action {} : les financements ({}) dépassent le budget ({})",
                    a.numero,
                    euros(got.0),
                    euros(budget.0)
                ),
                format!("{} de plus que le budget", euros((got - budget).0)),
                "corrigez le budget de l'action, ou les montants de ses lignes",
            )
        } else {
            (
                format!(
                    "action {} : {} financés sur un budget de {}, reste {} à financer",
                    a.numero,
                    euros(got.0),
                    euros(budget.0),
                    euros((budget - got).0)
                ),
                format!("reste à financer : {}", euros((budget - got).0)),
                "ajoutez les lignes qui manquent (même prévues ou demandées), ou corrigez le budget",
            )
        };
        ctx.push(
            Diagnostic::warning(codes::FINANCEMENT_BUDGET_DESEQUILIBRE, message)
                .at(file, span)
                .label(label)
                .help(help),
        );
    }
}
