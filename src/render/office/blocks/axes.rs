//! The axes part: overview, evaluation, calendar, then each axe and its
//! actions.

use super::debut::sections;
use super::{Out, Tab, b, c, i, indicateurs, t, to};
use crate::render::fmt::ucfirst;
use crate::render::office::inline;
use crate::render::office::tree::{Align, Block, Inline, ParaStyle};
use crate::render::view::{ActionV, AnneeV, AxeV, AxesPartie};

pub fn axes(o: &mut Out, ax: &AxesPartie) {
    let l = o.l;
    o.heading(1, &ax.partie.h);
    o.texte(&ax.partie.texte);
    apercu(o, ax);
    if let Some(ev) = &ax.evaluation {
        o.heading(2, &ev.h);
        indicateurs::tableau(o, &ev.indicateurs);
        for x in &ev.indicateurs {
            o.title(3, vec![t(&x.libelle)]);
            indicateurs::serie(o, x);
        }
    }
    sections(o, &ax.partie);
    if !ax.calendrier.is_empty() {
        o.title(2, vec![t(l.calendrier_general)]);
        calendrier(o, &ax.calendrier);
    }
    for a in &ax.axes {
        axe(o, a);
    }
}

fn apercu(o: &mut Out, ax: &AxesPartie) {
    let l = o.l;
    o.title(2, vec![t(l.apercu_axes)]);
    let mut cols = vec![
        (l.axe, Align::Left, 1),
        (l.intitule, Align::Left, 6),
        (l.actions, Align::Right, 1),
    ];
    if ax.avec_financement {
        cols.extend([(l.financement, Align::Right, 2), (l.part, Align::Right, 1)]);
    }
    let mut tb = Tab::new(&cols);
    for a in &ax.axes {
        let mut row = vec![
            vec![to(&a.h.ancre, c(&a.numero.to_string()))],
            c(&a.h.titre),
            c(&a.nb_actions.to_string()),
        ];
        if ax.avec_financement {
            row.extend([c(&a.total), c(&a.part)]);
        }
        tb.row(row);
    }
    let n: usize = ax.axes.iter().map(|a| a.nb_actions).sum();
    let n = n.to_string();
    let mut total = vec!["", l.total, &n];
    if ax.avec_financement {
        total.extend([ax.total.as_str(), ""]);
    }
    tb.strong(&total);
    o.table(tb);
}

/// Years in bold, each with its milestones.
fn calendrier(o: &mut Out, years: &[AnneeV]) {
    let items = years
        .iter()
        .map(|y| {
            let jalons = y
                .jalons
                .iter()
                .map(|j| {
                    let mut s = format!("{} : {}", ucfirst(&j.date), j.libelle);
                    if let Some(a) = &j.action {
                        s.push_str(&format!(" ({a})"));
                    }
                    vec![Block::Para(ParaStyle::Body, c(&s))]
                })
                .collect();
            vec![
                Block::Para(ParaStyle::Body, vec![b(y.annee.to_string())]),
                Block::List {
                    ordered: false,
                    start: 1,
                    items: jalons,
                },
            ]
        })
        .collect();
    o.blocks.push(Block::List {
        ordered: false,
        start: 1,
        items,
    });
}

fn axe(o: &mut Out, a: &AxeV) {
    let l = o.l;
    o.heading(2, &a.h);
    o.texte(&a.enjeux);
    if !a.vigilance.is_empty() {
        o.para(vec![b(l.vigilance)]);
        o.blocks.push(Block::List {
            ordered: false,
            start: 1,
            items: a.vigilance.iter().map(inline::blocks).collect(),
        });
    }
    o.para(c(&a.declinaison));
    for x in &a.actions {
        action(o, x);
    }
    if !a.calendrier.is_empty() {
        o.para(vec![b(format!(
            "{} — {} {}",
            l.calendrier,
            l.axe.to_lowercase(),
            a.numero
        ))]);
        calendrier(o, &a.calendrier);
    }
}

fn action(o: &mut Out, x: &ActionV) {
    let l = o.l;
    o.heading(3, &x.h);
    let mut state = format!("{} : {}", l.statut, x.statut);
    if let Some(p) = &x.periode {
        state.push_str(&format!(" · {p}"));
    }
    if let Some(p) = x.priorite {
        state.push_str(&format!(" · {} : {p}", l.priorite));
    }
    o.para(vec![i(state)]);
    o.texte(&x.description);
    let refs: Vec<String> = x
        .referents
        .iter()
        .map(|r| match &r.contact {
            Some(ct) => format!("{} ({ct})", r.nom),
            None => r.nom.clone(),
        })
        .collect();
    o.field(l.referents, &refs.join(", "));
    partenaires(o, x);
    if !x.besoins.is_empty() {
        o.para(vec![b(l.besoins)]);
        o.bullets(x.besoins.iter().map(|s| c(s)).collect());
    }
    financements(o, x);
    if !x.indicateurs.is_empty() {
        o.para(vec![b(l.indicateurs)]);
        indicateurs::tableau(o, &x.indicateurs);
        for k in &x.indicateurs {
            if k.reference.is_some() || !k.mesures.is_empty() || k.source.is_some() {
                o.para(vec![i(&k.libelle)]);
                indicateurs::serie(o, k);
            }
        }
    }
    suivi(o, x);
}

fn partenaires(o: &mut Out, x: &ActionV) {
    let l = o.l;
    let groups = [
        (l.acteurs_publics, &x.partenaires_publics),
        (l.structures_privees, &x.partenaires_prives),
        (l.autres_structures, &x.partenaires_autres),
    ];
    if groups.iter().all(|(_, g)| g.is_empty()) && x.partenaires_note.is_none() {
        return;
    }
    match &x.partenaires_note {
        Some(n) => o.field(l.partenaires, n),
        None => o.para(vec![b(l.partenaires)]),
    }
    let items = groups
        .iter()
        .filter(|(_, g)| !g.is_empty())
        .map(|(k, g)| vec![i(*k), t(format!(" : {}", g.join(", ")))])
        .collect();
    o.bullets(items);
}

fn financements(o: &mut Out, x: &ActionV) {
    let l = o.l;
    if x.financements.is_empty() && x.budget.is_none() {
        return;
    }
    o.field(l.financement, &x.resume);
    if x.financements.is_empty() {
        o.para(c(l.financement_non_detaille));
        return;
    }
    let mut cols = vec![(l.montant, Align::Right, 2), (l.financeur, Align::Left, 4)];
    if x.avec_recipiendaire {
        cols.push((l.recipiendaire, Align::Left, 3));
    }
    if x.avec_precisions {
        cols.push((l.precisions, Align::Left, 4));
    }
    let mut tb = Tab::new(&cols);
    for f in &x.financements {
        let montant = if f.refusee {
            vec![Inline::Strike(c(&f.montant))]
        } else {
            c(&f.montant)
        };
        let mut row = vec![montant, c(&f.financeur)];
        if x.avec_recipiendaire {
            row.push(c(f.recipiendaire.as_deref().unwrap_or_default()));
        }
        if x.avec_precisions {
            row.push(c(&f.precisions.join(" · ")));
        }
        tb.row(row);
    }
    o.table(tb);
}

/// Steps and journal of the action's follow-up.
fn suivi(o: &mut Out, x: &ActionV) {
    let l = o.l;
    if !x.etapes.is_empty() {
        let mut head = vec![b(l.etapes)];
        if let Some(n) = &x.etapes_faites {
            head.push(t(format!(" ({n})")));
        }
        o.para(head);
        let items = x
            .etapes
            .iter()
            .map(|e| {
                let mut s = format!("{} {}", if e.faite { "☑" } else { "☐" }, e.libelle);
                if let Some(d) = &e.date {
                    s.push_str(&format!(" ({d})"));
                }
                c(&s)
            })
            .collect();
        o.bullets(items);
    }
    if !x.journal.is_empty() {
        o.para(vec![b(l.journal)]);
        let items = x
            .journal
            .iter()
            .map(|n| {
                let mut blocks = inline::blocks(&n.texte);
                let date = vec![b(ucfirst(&n.date)), t(" : ")];
                match blocks.first_mut() {
                    Some(Block::Para(_, runs)) => {
                        runs.splice(0..0, date);
                    }
                    _ => blocks.insert(0, Block::Para(ParaStyle::Body, date)),
                }
                blocks
            })
            .collect();
        o.blocks.push(Block::List {
            ordered: false,
            start: 1,
            items,
        });
    }
}
