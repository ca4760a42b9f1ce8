//! Financing lines: one way of writing the amount (total, yearly over a
//! span, or year by year), one source (a funder, a cercle or an envelope),
//! and only the nature, status and year the sources give.

use super::*;
use crate::diagnostic::codes;
use crate::diagnostic::fr::euros;
use m::{Forme, Money, Source};

pub(super) fn build_lignes(
    ctx: &mut Ctx,
    merged: &Merged,
    t: &Tables,
    enveloppes: &[m::Enveloppe],
) -> Vec<m::Ligne> {
    let mut lignes = Vec::new();
    let mut terms: Vec<Term> = Vec::new();
    for (file, l) in &merged.lignes {
        let file = *file;
        let action = ctx.resolve(&t.actions, file, &l.action);
        let recipiendaire = l
            .recipiendaire
            .as_ref()
            .map(|r| ctx.resolve(&t.acteurs, file, r));
        let enveloppe = l
            .enveloppe
            .as_ref()
            .map(|e| ctx.resolve(&t.enveloppes, file, e));
        let source = source(ctx, t, file, l, enveloppe.flatten(), enveloppes);
        let amounts = amounts(ctx, file, l);
        let quantites = quantities(ctx, file, l);
        let (Some(action), Some(source), Some((montants, forme, mut ts)), Some((jours, etp))) =
            (action, source, amounts, quantites)
        else {
            continue;
        };
        if matches!(recipiendaire, Some(None)) || matches!(enveloppe, Some(None)) {
            continue;
        }
        let total: Money = montants.iter().map(|(_, m)| *m).sum();
        let Some((accorde, verse)) = granted(ctx, file, l, total, montants.is_empty()) else {
            continue;
        };
        terms.append(&mut ts);
        lignes.push(m::Ligne {
            action,
            montants,
            forme,
            source,
            recipiendaire: recipiendaire.flatten(),
            enveloppe: enveloppe.flatten(),
            nature: l.nature.as_ref().map(|n| n.value),
            section: l.section.as_ref().map(|s| s.value),
            statut: l.statut.as_ref().map(|s| s.value),
            accorde,
            verse,
            jours,
            etp,
            libelle: l.libelle.as_ref().map(|s| s.value.clone()),
        });
    }
    // Amounts are positive: once their sum fits, so does every partial sum
    // compute takes (per action, axe, envelope, year, funder…).
    if !check_sum(
        ctx,
        Kind::Money,
        "le total des lignes de financement",
        &terms,
    ) {
        lignes.clear();
    }
    lignes
}

/// Who pays: `financeur`, or `cercle`, or else the envelope (its only
/// funder when it has one and no contributors).
fn source(
    ctx: &mut Ctx,
    t: &Tables,
    file: FileId,
    l: &f::LigneFinancement,
    enveloppe: Option<usize>,
    enveloppes: &[m::Enveloppe],
) -> Option<Source> {
    match (&l.financeur, &l.cercle) {
        (Some(fi), Some(ce)) => {
            ctx.push(
                Diagnostic::error(
                    codes::FINANCEMENT_SOURCE_AMBIGUE,
                    "ligne de financement avec un financeur et un cercle",
                )
                .at(file, ce.span)
                .label("un cercle ici")
                .related(file, fi.span, "un financeur ici")
                .help("gardez `financeur` si une seule structure paie, `cercle` si plusieurs financent ensemble"),
            );
            None
        }
        (Some(fi), None) => ctx.resolve(&t.acteurs, file, fi).map(Source::Acteur),
        (None, Some(ce)) => ctx.resolve(&t.cercles, file, ce).map(Source::Cercle),
        (None, None) => match enveloppe.and_then(|e| enveloppes.get(e).map(|x| (e, x))) {
            Some((_, e)) if e.contributions.is_empty() && e.financeur.is_some() => {
                e.financeur.map(Source::Acteur)
            }
            Some((ix, _)) => Some(Source::Enveloppe(ix)),
            None => {
                if l.enveloppe.is_none() {
                    ctx.push(
                        Diagnostic::error(
                            codes::FINANCEMENT_FINANCEUR_MANQUANT,
                            "ligne de financement sans financeur",
                        )
                        .at(file, l.montant.as_ref().map_or(l.action.span, |m| m.span))
                        .label("qui finance ce montant ?")
                        .help("ajoutez `financeur: ID`, `cercle: ID` (plusieurs financeurs) ou `enveloppe: ID` (l'enveloppe est alors la source)"),
                    );
                }
                None
            }
        },
    }
}

type Amounts = (Vec<(Option<u16>, Money)>, Forme, Vec<Term>);

/// The amounts by year, the form they were written in, and their terms for
/// the overflow check.
fn amounts(ctx: &mut Ctx, file: FileId, l: &f::LigneFinancement) -> Option<Amounts> {
    let mut forms: Vec<(&str, f::Span)> = Vec::new();
    if let Some(mo) = &l.montant {
        forms.push(("montant", mo.span));
    }
    if let Some(p) = &l.par_an {
        forms.push(("par_an", p.span));
    }
    if let Some(a) = l.annees.first() {
        forms.push(("annees", a.annee.span));
    }
    if let [first, second, ..] = forms.as_slice() {
        ctx.push(
            Diagnostic::error(
                codes::FINANCEMENT_MONTANT_AMBIGU,
                format!(
                    "montant écrit deux fois : `{}` et `{}`",
                    first.0, second.0
                ),
            )
            .at(file, second.1)
            .label("deuxième façon d'écrire le montant")
            .related(file, first.1, "première")
            .help("gardez une seule forme : `montant` (total), `par_an` (même montant chaque année) ou `annees` (un montant par année)"),
        );
        return None;
    }
    if let (Some(an), None) = (&l.annee, &l.montant) {
        ctx.push(
            Diagnostic::error(
                codes::FINANCEMENT_MONTANT_AMBIGU,
                "`annee` ne s'emploie qu'avec `montant`",
            )
            .at(file, an.span)
            .label("année en trop")
            .help("avec `par_an` ou `annees`, les années sont déjà données : retirez `annee`"),
        );
        return None;
    }
    if let Some(mo) = &l.montant {
        let v = ctx.money(file, mo)?;
        let year = l.annee.as_ref().map(|a| a.value);
        return Some((
            vec![(year, v)],
            Forme::Total,
            vec![(i128::from(v.0), file, mo.span)],
        ));
    }
    if let Some(p) = &l.par_an {
        return par_an(ctx, file, p);
    }
    if !l.annees.is_empty() {
        return annees(ctx, file, &l.annees);
    }
    if l.jours.is_some() || l.etp.is_some() {
        return Some((Vec::new(), Forme::Total, Vec::new()));
    }
    ctx.push(
        Diagnostic::error(codes::FINANCEMENT_MONTANT_MANQUANT, "ligne de financement sans montant")
            .at(file, l.action.span)
            .label("combien ?")
            .help("ajoutez `montant: 6000`, `par_an: { montant: 92000, de: 2025, a: 2027 }`, `annees:` (un montant par année), ou pour un apport en nature `jours:` ou `etp:`"),
    );
    None
}

fn par_an(ctx: &mut Ctx, file: FileId, p: &Sp<f::ParAn>) -> Option<Amounts> {
    let v = ctx.money(file, &p.value.montant);
    let (de, a) = (&p.value.de, &p.value.a);
    if !years_in_order(ctx, file, de, a, ("de", "a")) {
        return None;
    }
    if a.value - de.value >= m::MAX_PERIOD_YEARS {
        ctx.push(
            Diagnostic::error(
                codes::DATE_PERIODE_TROP_LONGUE,
                format!(
                    "la période {}–{} couvre plus de {} ans",
                    de.value,
                    a.value,
                    m::MAX_PERIOD_YEARS
                ),
            )
            .at(file, a.span)
            .label("fin trop lointaine")
            .help("un financement annuel couvre quelques années : vérifiez l'année"),
        );
        return None;
    }
    let v = v?;
    let span = p.value.montant.span;
    let years: Vec<u16> = (de.value..=a.value).collect();
    Some((
        years.iter().map(|y| (Some(*y), v)).collect(),
        Forme::ParAn {
            montant: v,
            de: de.value,
            a: a.value,
        },
        years
            .iter()
            .map(|_| (i128::from(v.0), file, span))
            .collect(),
    ))
}

fn annees(ctx: &mut Ctx, file: FileId, list: &[f::MontantAnnuel]) -> Option<Amounts> {
    let mut seen: BTreeMap<u16, f::Span> = BTreeMap::new();
    let mut out = Vec::new();
    let mut terms = Vec::new();
    let mut ok = true;
    for ma in list {
        if let Some(first) = seen.insert(ma.annee.value, ma.annee.span) {
            ctx.push(
                Diagnostic::error(
                    codes::FINANCEMENT_MONTANT_AMBIGU,
                    format!("l'année {} est donnée deux fois", ma.annee.value),
                )
                .at(file, ma.annee.span)
                .label("deuxième fois")
                .related(file, first, "première fois")
                .help("additionnez les deux montants sur une seule année, ou corrigez l'année"),
            );
            ok = false;
        }
        match ctx.money(file, &ma.montant) {
            Some(v) => {
                out.push((Some(ma.annee.value), v));
                terms.push((i128::from(v.0), file, ma.montant.span));
            }
            None => ok = false,
        }
    }
    ok.then_some((out, Forme::Annees, terms))
}

/// Days and ETP, when given.
fn quantities(
    ctx: &mut Ctx,
    file: FileId,
    l: &f::LigneFinancement,
) -> Option<(Option<m::Decimal>, Option<m::Decimal>)> {
    let jours = l.jours.as_ref().map(|j| ctx.decimal(file, j));
    let etp = l.etp.as_ref().map(|e| ctx.decimal(file, e));
    if matches!(jours, Some(None)) || matches!(etp, Some(None)) {
        return None;
    }
    Some((jours.flatten(), etp.flatten()))
}

/// Amounts granted and paid: granted within the line's amount, paid within
/// what was granted (or the amount).
fn granted(
    ctx: &mut Ctx,
    file: FileId,
    l: &f::LigneFinancement,
    total: Money,
    no_amount: bool,
) -> Option<(Option<Money>, Option<Money>)> {
    let accorde = l.accorde.as_ref().map(|a| ctx.money(file, a));
    let verse = l.verse.as_ref().map(|v| ctx.money(file, v));
    if matches!(accorde, Some(None)) || matches!(verse, Some(None)) {
        return None;
    }
    let (accorde, verse) = (accorde.flatten(), verse.flatten());
    let mut ok = true;
    if let (Some(a), Some(sa), false) = (accorde, &l.accorde, no_amount)
        && a > total
    {
        ok = false;
        ctx.push(over(
            file,
            sa.span,
            "accordé",
            a,
            "au montant de la ligne",
            total,
        ));
    }
    let ceiling = accorde.or((!no_amount).then_some(total));
    if let (Some(v), Some(sv), Some(c)) = (verse, &l.verse, ceiling)
        && v > c
    {
        ok = false;
        let what = if accorde.is_some() {
            "au montant accordé"
        } else {
            "au montant de la ligne"
        };
        ctx.push(over(file, sv.span, "versé", v, what, c));
    }
    ok.then_some((accorde, verse))
}

fn over(file: FileId, span: f::Span, what: &str, v: Money, of: &str, c: Money) -> Diagnostic {
    Diagnostic::error(
        codes::FINANCEMENT_ACCORDE_SUPERIEUR,
        format!(
            "montant {what} ({}) supérieur {of} ({})",
            euros(v.0),
            euros(c.0)
        ),
    )
    .at(file, span)
    .label(format!("{} de trop", euros((v - c).0)))
    .help("vérifiez les deux montants")
}
