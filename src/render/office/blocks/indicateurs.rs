//! Indicators: the table of a list of indicators, and one indicator's
//! series (baseline, measurements, targets), as `md/indicateurs.md.j2`.

use super::{Out, Tab, c, i};
use crate::render::office::tree::Align;
use crate::render::view::IndicateurV;

/// A value with its date in parentheses, or « — ».
fn dated(v: &Option<String>, d: &Option<String>) -> String {
    match (v, d) {
        (Some(v), Some(d)) => format!("{v} ({d})"),
        (Some(v), None) => v.clone(),
        _ => "—".into(),
    }
}

pub fn tableau(o: &mut Out, inds: &[IndicateurV]) {
    let l = o.l;
    let mut tb = Tab::new(&[
        (l.indicateur, Align::Left, 5),
        (l.reference, Align::Left, 2),
        (l.derniere_valeur, Align::Left, 2),
        (l.cible, Align::Left, 2),
        (l.progression, Align::Right, 2),
        (l.tendance, Align::Left, 2),
    ]);
    for x in inds {
        tb.texts(&[
            &x.libelle,
            x.reference.as_deref().unwrap_or("—"),
            &dated(&x.valeur, &x.date_valeur),
            &dated(&x.cible, &x.echeance),
            x.progression.as_deref().unwrap_or("—"),
            x.tendance.unwrap_or("—"),
        ]);
    }
    o.table(tb);
}

pub fn serie(o: &mut Out, x: &IndicateurV) {
    let l = o.l;
    let facts: Vec<String> = [
        x.sens.map(|s| format!("{} : {s}", l.sens)),
        x.progression
            .as_ref()
            .map(|s| format!("{} : {s}", l.progression)),
        x.tendance.map(|s| format!("{} : {s}", l.tendance)),
    ]
    .into_iter()
    .flatten()
    .collect();
    if !facts.is_empty() {
        o.para(vec![i(facts.join(" · "))]);
    }
    if x.reference.is_some() || !x.mesures.is_empty() || !x.cibles.is_empty() {
        let third = format!("{}, {}", l.source, l.commentaire.to_lowercase());
        let mut tb = Tab::new(&[
            (l.date, Align::Left, 2),
            (l.valeur, Align::Right, 2),
            (&third, Align::Left, 5),
        ]);
        if let Some(r) = &x.reference {
            tb.texts(&[l.reference, r, x.reference_source.as_deref().unwrap_or("")]);
        }
        for m in &x.mesures {
            let note: Vec<&str> = [m.source.as_deref(), m.commentaire.as_deref()]
                .into_iter()
                .flatten()
                .collect();
            tb.texts(&[
                &crate::render::fmt::ucfirst(&m.date),
                &m.valeur,
                &note.join(" — "),
            ]);
        }
        for k in &x.cibles {
            let when = match &k.date {
                Some(d) => format!("{} {d}", l.cible),
                None => l.cible.to_string(),
            };
            tb.texts(&[&when, &k.valeur, ""]);
        }
        o.table(tb);
    } else {
        o.para(c(l.aucune_valeur));
    }
    o.source(&x.source);
}
