//! Cover, sommaire, and the parts before the axes: introduction,
//! méthodologie, état des lieux (and any part made of a text and sections).

use super::{Out, Tab, b, c, co, t, to};
use crate::render::fmt::ucfirst;
use crate::render::office::tree::{Align, Block, ParaStyle, TocEntry};
use crate::render::view::{EntreeSommaire, EtatDesLieux, Methodologie, Partie, View};

pub fn couverture(o: &mut Out, v: &View) {
    let (l, cv) = (o.l, &v.couverture);
    let code = cv
        .code_departement
        .as_ref()
        .map(|d| format!(" ({d})"))
        .unwrap_or_default();
    o.para_in(
        ParaStyle::Kicker,
        vec![t(format!("{}{code} · {}", cv.territoire, cv.periode))],
    );
    o.para_in(ParaStyle::Title, vec![t(&cv.titre)]);
    if let Some(s) = &cv.sous_titre {
        o.para_in(ParaStyle::Subtitle, vec![t(s)]);
    }
    if let Some(s) = &cv.departementale {
        o.para_in(ParaStyle::Subtitle, vec![t(s)]);
    }
    let mut tb = Tab::bare(&[(Align::Left, 2), (Align::Left, 5)]);
    let mut fact = |k: &str, val: &str| tb.row(vec![vec![b(k)], c(val)]);
    fact(l.co_porteurs, &cv.co_porteurs_texte);
    let perimetre = match &cv.perimetre_detail {
        Some(d) => format!("{} : {d}", ucfirst(cv.perimetre)),
        None => ucfirst(cv.perimetre),
    };
    fact(l.perimetre, &perimetre);
    if let Some(ver) = &cv.version {
        fact(l.version, ver);
    }
    fact(l.date, &cv.date);
    fact(l.contenu, &format!("{}, {}", cv.nb_axes, cv.nb_actions));
    if let Some(x) = &cv.budget_total {
        fact(l.financement_couverture, x);
    }
    if let Some(x) = &cv.valorisations {
        fact(l.valorisations, x);
    }
    o.table(tb);
    o.blocks.push(Block::PageBreak);
}

/// The sommaire as a table of contents over the parts, axes and actions.
pub fn sommaire(o: &mut Out, v: &View) {
    let mut entries = Vec::new();
    // Three levels at most, walked without recursion.
    let mut stack: Vec<(std::slice::Iter<'_, EntreeSommaire>, u8)> = vec![(v.sommaire.iter(), 1)];
    while let Some((iter, level)) = stack.last_mut() {
        let level = *level;
        let Some(e) = iter.next() else {
            stack.pop();
            continue;
        };
        entries.push(TocEntry {
            level,
            text: e.h.texte.clone(),
            anchor: e.h.ancre.clone(),
        });
        if level < 3 {
            stack.push((e.enfants.iter(), level + 1));
        }
    }
    o.blocks.push(Block::Toc {
        title: o.l.sommaire.to_string(),
        entries,
    });
}

/// A part: its heading, its text, its free sections.
pub fn partie(o: &mut Out, p: &Partie) {
    o.heading(1, &p.h);
    o.texte(&p.texte);
    sections(o, p);
}

pub fn sections(o: &mut Out, p: &Partie) {
    for s in &p.sections {
        o.heading(2, &s.h);
        o.texte(&Some(s.texte.clone()));
    }
}

/// Introduction, méthodologie, état des lieux (those present).
pub fn parties(o: &mut Out, v: &View) {
    if v.introduction.present {
        partie(o, &v.introduction);
    }
    if v.methodologie.partie.present {
        methodologie(o, &v.methodologie);
    }
    if v.etat.partie.present {
        etat(o, &v.etat);
    }
}

fn methodologie(o: &mut Out, m: &Methodologie) {
    let l = o.l;
    o.heading(1, &m.partie.h);
    o.texte(&m.partie.texte);
    if let Some(phrase) = &m.phrase_reunions {
        o.title(2, vec![t(l.reunions)]);
        o.para(c(phrase));
        let mut tb = Tab::new(&[
            (l.date, Align::Left, 2),
            (l.type_, Align::Left, 2),
            (l.lieu, Align::Left, 2),
            (l.objet, Align::Left, 5),
        ]);
        for r in &m.reunions {
            let lieu = r.lieu.as_deref().unwrap_or("—");
            tb.texts(&[&r.date, &r.genre, lieu, &r.objet]);
        }
        o.table(tb);
        if m.avec_participants {
            o.title(3, vec![t(l.presents)]);
            let items = m
                .reunions
                .iter()
                .filter(|r| !r.participants.is_empty())
                .map(|r| {
                    c(&format!(
                        "{} — {} : {}",
                        ucfirst(&r.date),
                        r.objet,
                        r.participants.join(", ")
                    ))
                })
                .collect();
            o.bullets(items);
        }
    }
    if let Some(phrase) = &m.phrase_participants {
        o.title(2, vec![t(l.participants)]);
        o.para(c(phrase));
        let items = m
            .groupes
            .iter()
            .map(|g| {
                vec![
                    b(format!("{} ({})", g.libelle, g.nombre)),
                    t(format!(" : {}", g.acteurs.join(", "))),
                ]
            })
            .collect();
        o.bullets(items);
    }
    sections(o, &m.partie);
}

fn etat(o: &mut Out, e: &EtatDesLieux) {
    let l = o.l;
    o.heading(1, &e.partie.h);
    o.texte(&e.partie.texte);
    if !e.chiffres.is_empty() {
        o.title(2, vec![t(l.chiffres_cles)]);
        let mut tb = Tab::new(&[
            (l.valeur_chiffre, Align::Right, 2),
            (l.indicateur, Align::Left, 6),
            (l.source, Align::Left, 3),
        ]);
        for ch in &e.chiffres {
            let mut what = c(&ch.libelle);
            if let Some(d) = &ch.description {
                what.push(t(format!(" — {d}")));
            }
            tb.row(vec![vec![b(&ch.valeur)], what, co(&ch.source)]);
        }
        o.table(tb);
    }
    if let Some(p) = &e.populations {
        o.title(2, vec![t(l.population_epci)]);
        o.para(vec![
            t(format!("{} ", l.une_population_de)),
            b(format!("{} {}", p.total, l.habitants)),
            t(format!(
                " {} {} ({}, {}) :",
                l.repartie_sur, p.nb_epci, p.source, p.annee
            )),
        ]);
        let mut tb = Tab::new(&[
            (l.intercommunalite, Align::Left, 6),
            (l.population, Align::Right, 2),
            (l.part, Align::Right, 2),
        ]);
        for r in &p.lignes {
            tb.texts(&[&r.nom, &r.population, &r.part]);
        }
        tb.strong(&[l.total, &p.total, "100,0 %"]);
        o.table(tb);
    }
    for s in &e.taux {
        o.title(2, vec![t(&s.titre)]);
        let mut tb = Tab::new(&[(l.territoire, Align::Left, 6), (l.taux, Align::Right, 2)]);
        for (k, val) in &s.valeurs {
            tb.texts(&[k, val]);
        }
        o.table(tb);
        o.source(&s.source);
    }
    if let Some(resume) = &e.communes_resume {
        o.title(2, vec![t(l.communes_exposees)]);
        let mut runs = c(resume);
        if let Some(h) = &e.communes_annexe {
            runs.push(t(format!(" {} ", l.detail_en)));
            runs.push(to(&h.ancre, vec![t(&h.texte)]));
            runs.push(t("."));
        }
        o.para(runs);
    }
    tableaux(o, e);
    sections(o, &e.partie);
}

fn tableaux(o: &mut Out, e: &EtatDesLieux) {
    for tv in &e.tableaux {
        o.title(2, vec![t(&tv.titre)]);
        // A column is right-aligned when its cells are numbers.
        let numeric = |k: usize| tv.lignes.iter().filter_map(|r| r.get(k)).any(|(_, n)| *n);
        let cols: Vec<(&str, Align, u32)> = tv
            .colonnes
            .iter()
            .enumerate()
            .map(|(k, h)| {
                let align = if numeric(k) {
                    Align::Right
                } else {
                    Align::Left
                };
                (h.as_str(), align, if k == 0 { 4 } else { 2 })
            })
            .collect();
        let mut tb = Tab::new(&cols);
        for r in &tv.lignes {
            tb.row(r.iter().map(|(s, _)| c(s)).collect());
        }
        if let Some(total) = &tv.ligne_total {
            let cells: Vec<&str> = total.iter().map(|(s, _)| s.as_str()).collect();
            tb.strong(&cells);
        }
        o.table(tb);
        o.source(&tv.source);
    }
}
