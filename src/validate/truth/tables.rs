//! Rows that are not data: a total, sum or mean typed into a table the
//! tool totals itself would print as one more row and count twice.

use super::super::context::Ctx;
use super::super::merge::Merged;
use crate::diagnostic::Diagnostic;
use crate::format::{self as f, Span};

/// What a row label says it is, if it is not a data row.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Summary {
    Total,
    Mean,
}

/// « la ligne « Total » », or « la ligne 3 » when it has no text.
fn row_name(text: &str, index: usize) -> String {
    if text.trim().is_empty() {
        format!("la ligne {}", index + 1)
    } else {
        format!("la ligne « {} »", text.trim())
    }
}

/// « Total », « TOTAL général », « Sous-total », « Ensemble du
/// département », « Moyenne départementale »… (a word, not « Totalité »).
fn summary_label(label: &str) -> Option<Summary> {
    let l = label.trim().to_lowercase();
    let starts = |w: &str| {
        l.strip_prefix(w)
            .is_some_and(|rest| !rest.starts_with(char::is_alphabetic))
    };
    if ["total", "sous-total", "somme", "ensemble"]
        .iter()
        .any(|w| starts(w))
    {
        Some(Summary::Total)
    } else if starts("moyenne") {
        Some(Summary::Mean)
    } else {
        None
    }
}

pub fn hand_totals(ctx: &mut Ctx, merged: &Merged) {
    let Some((file, te)) = &merged.territoire else {
        return;
    };
    let file = *file;
    for tb in &te.tableaux {
        table(ctx, file, tb);
    }
    if let Some(c) = &te.communes {
        for row in &c.lignes {
            let Some(kind) = summary_label(&row.commune.value) else {
                continue;
            };
            let help = match kind {
                Summary::Total => {
                    "retirez cette ligne : fdr calcule la ligne de total des communes"
                }
                Summary::Mean => {
                    "retirez cette ligne ; l'IFN moyen du département s'écrit `ifn_moyen`, \
                     imprimé sous le tableau pour comparaison"
                }
            };
            push(
                ctx,
                file,
                row.commune.span,
                &row_name(&row.commune.value, 0),
                &c.titre.value,
                kind,
                help,
            );
        }
    }
    if let Some(p) = &te.populations {
        for e in &p.epci {
            if let Some(kind) = summary_label(&e.nom.value) {
                let help = "retirez cette ligne : fdr calcule la population totale et les parts";
                push(
                    ctx,
                    file,
                    e.nom.span,
                    &row_name(&e.nom.value, 0),
                    "population par intercommunalité",
                    kind,
                    help,
                );
            }
        }
    }
}

fn push(
    ctx: &mut Ctx,
    file: usize,
    span: Span,
    label: &str,
    table: &str,
    kind: Summary,
    help: &str,
) {
    let what = match kind {
        Summary::Total => "un total saisi à la main",
        Summary::Mean => "une moyenne saisie à la main",
    };
    ctx.push(
        Diagnostic::warning(
            crate::diagnostic::codes::TABLEAU_TOTAL_SAISI,
            format!(
                "{label} du tableau « {table} » est {what} : elle serait lue comme une ligne de \
                 données et comptée dans les totaux"
            ),
        )
        .at(file, span)
        .label(what)
        .help(help.to_string()),
    );
}

/// The numbers of a row, by column.
fn numbers(row: &[f::Sp<f::Cellule>]) -> Vec<Option<i64>> {
    row.iter()
        .map(|c| match c.value {
            f::Cellule::Nombre(n) => Some(n),
            _ => None,
        })
        .collect()
}

/// The last row holds, in each of its (at least two) numbers, the sum of
/// the rows above it.
fn is_sum_of_others(rows: &[f::Sp<Vec<f::Sp<f::Cellule>>>]) -> bool {
    let Some((last, others)) = rows.split_last() else {
        return false;
    };
    let last = numbers(&last.value);
    if others.len() < 2 || last.iter().flatten().count() < 2 {
        return false;
    }
    last.iter().enumerate().all(|(col, n)| {
        let Some(n) = n else { return true };
        let sum = others
            .iter()
            .try_fold(0i64, |acc, r| match r.value.get(col) {
                Some(c) => match c.value {
                    f::Cellule::Nombre(v) => acc.checked_add(v),
                    _ => Some(acc),
                },
                None => Some(acc),
            });
        sum == Some(*n)
    })
}

fn table(ctx: &mut Ctx, file: usize, tb: &f::Tableau) {
    let last = tb.lignes.len().saturating_sub(1);
    for (i, row) in tb.lignes.iter().enumerate() {
        let label = row.value.iter().find_map(|c| match &c.value {
            f::Cellule::Texte(t) => Some((t.as_str(), c.span)),
            _ => None,
        });
        let by_label = label.and_then(|(t, _)| summary_label(t));
        let by_sum = i == last && is_sum_of_others(&tb.lignes);
        let kind = match (by_label, by_sum) {
            (Some(k), _) => k,
            (None, true) => Summary::Total,
            (None, false) => continue,
        };
        let help = match (kind, &tb.ligne_total) {
            (Summary::Mean, _) => "retirez cette ligne du tableau : une moyenne n'est pas une \
                                   ligne de données ; donnez-la dans le texte ou les chiffres clés"
                .to_string(),
            (Summary::Total, Some(t)) => format!(
                "retirez cette ligne : `ligne_total: {}` fait déjà calculer le total, qui \
                 l'additionnerait aux autres lignes (compté deux fois)",
                t.value
            ),
            (Summary::Total, None) => "retirez cette ligne et ajoutez `ligne_total: Total` au \
                                       tableau : fdr calcule la ligne de total"
                .to_string(),
        };
        let (text, span) = label.unwrap_or(("", row.span));
        let name = row_name(text, i);
        push(ctx, file, span, &name, &tb.titre.value, kind, &help);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn summary_labels() {
        for l in [
            "Total",
            "TOTAL général",
            "Sous-total axe 1",
            "Ensemble du département",
            "total :",
        ] {
            assert_eq!(summary_label(l), Some(Summary::Total), "{l}");
        }
        assert_eq!(summary_label("Moyenne départementale"), Some(Summary::Mean));
        for l in [
            "Totalité des communes",
            "Ensemblier",
            "Marseille",
            "France services",
            "",
        ] {
            assert_eq!(summary_label(l), None, "{l}");
        }
    }
}
