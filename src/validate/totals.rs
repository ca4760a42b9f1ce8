//! Totals the compute stage will take, checked here where each value still
//! has its position: a sum that leaves the range of its type is reported at
//! the value that made it leave, never wrapped. Compute relies on it and
//! only runs on a model free of errors.

use super::context::Ctx;
use crate::diagnostic::{Diagnostic, FileId};
use crate::format::{self as f, Span};

/// What a total counts, hence its range and how its limit reads.
#[derive(Debug, Clone, Copy)]
pub enum Kind {
    /// Cents in an `i64`.
    Money,
    /// People in a `u64`.
    Count,
    /// Table cells in an `i64`.
    Number,
}

impl Kind {
    fn range(self) -> (i128, i128) {
        match self {
            Kind::Money | Kind::Number => (i128::from(i64::MIN), i128::from(i64::MAX)),
            Kind::Count => (0, i128::from(u64::MAX)),
        }
    }

    /// The largest total, as a reader writes it.
    fn limit(self) -> &'static str {
        match self {
            Kind::Money => "92 233 720 368 547 758,07 €",
            Kind::Count => "18 446 744 073 709 551 615",
            Kind::Number => "9 223 372 036 854 775 807 en valeur absolue",
        }
    }
}

/// One value of a sum and where it is written.
pub type Term = (i128, FileId, Span);

/// Check that the sum of `terms` fits `kind`; otherwise report `total`
/// (« le total des lignes de financement ») at the value from which the
/// running sum left the range. Returns whether the sum fits.
pub fn check_sum(ctx: &mut Ctx, kind: Kind, total: &str, terms: &[Term]) -> bool {
    let (lo, hi) = kind.range();
    // |value| ≤ 2^64 and at most a few million values: no i128 overflow.
    let mut sum: i128 = 0;
    let mut left_at: Option<(FileId, Span)> = None;
    for (v, file, span) in terms {
        sum = sum.saturating_add(*v);
        if left_at.is_none() && !(lo..=hi).contains(&sum) {
            left_at = Some((*file, *span));
        }
    }
    if (lo..=hi).contains(&sum) {
        return true;
    }
    let mut d = Diagnostic::error(
        crate::diagnostic::codes::NOMBRE_DEPASSEMENT,
        format!("{total} dépasse le plus grand nombre que fdr sait calculer"),
    )
    .label("avec ce nombre, le total déborde")
    .help(format!(
        "ce total ne peut dépasser {} : vérifiez ce nombre (des chiffres en trop ?)",
        kind.limit()
    ));
    if let Some((file, span)) = left_at {
        d = d.at(file, span);
    }
    ctx.push(d);
    false
}

/// Population totals of the territory: the EPCI, the communes and their
/// fragile population.
pub fn territoire(ctx: &mut Ctx, file: FileId, te: &f::Territoire) {
    let count = |v: &f::Sp<u64>| (i128::from(v.value), file, v.span);
    if let Some(p) = &te.populations {
        let terms: Vec<Term> = p.epci.iter().map(|e| count(&e.population)).collect();
        check_sum(ctx, Kind::Count, "la population totale des EPCI", &terms);
    }
    if let Some(c) = &te.communes {
        let terms: Vec<Term> = c.lignes.iter().map(|l| count(&l.population)).collect();
        check_sum(
            ctx,
            Kind::Count,
            "la population totale des communes",
            &terms,
        );
        let terms: Vec<Term> = c
            .lignes
            .iter()
            .filter_map(|l| l.population_fragile.as_ref().map(count))
            .collect();
        check_sum(
            ctx,
            Kind::Count,
            "la population fragile totale des communes",
            &terms,
        );
    }
    for tb in &te.tableaux {
        tableau(ctx, file, tb);
    }
}

/// The totals a table asks for: per row, per column, and the grand total.
fn tableau(ctx: &mut Ctx, file: FileId, tb: &f::Tableau) {
    let num = |c: &f::Sp<f::Cellule>| match c.value {
        f::Cellule::Nombre(n) => Some((i128::from(n), file, c.span)),
        _ => None,
    };
    let titre = &tb.titre.value;
    if tb.colonne_total.is_some() {
        for (i, row) in tb.lignes.iter().enumerate() {
            let terms: Vec<Term> = row.value.iter().filter_map(num).collect();
            let what = format!("le total de la ligne {} du tableau « {titre} »", i + 1);
            check_sum(ctx, Kind::Number, &what, &terms);
        }
    }
    if tb.ligne_total.is_some() {
        for (c, col) in tb.colonnes.iter().enumerate() {
            let terms: Vec<Term> = tb
                .lignes
                .iter()
                .filter_map(|r| r.value.get(c).and_then(num))
                .collect();
            let what = format!(
                "le total de la colonne « {} » du tableau « {titre} »",
                col.value
            );
            check_sum(ctx, Kind::Number, &what, &terms);
        }
    }
    if tb.colonne_total.is_some() && tb.ligne_total.is_some() {
        let terms: Vec<Term> = tb
            .lignes
            .iter()
            .flat_map(|r| r.value.iter().filter_map(num))
            .collect();
        let what = format!("le total général du tableau « {titre} »");
        check_sum(ctx, Kind::Number, &what, &terms);
    }
}
