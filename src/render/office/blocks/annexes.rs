//! The annexes: each one's heading and text, then its computed content
//! (acteurs, communes, chronogramme, financement, fonds, gouvernance).

use super::{Out, Tab, b, c, co, financement, i, t};
use crate::model::GenreAnnexe;
use crate::render::office::tree::{Align, Inline, Link, ParaStyle};
use crate::render::view::{AnnexesPartie, ChronoV, CommunesV, FondsV, GouvernanceV, SecteurV};

pub fn annexes(o: &mut Out, an: &AnnexesPartie) {
    o.heading(1, &an.h);
    for a in &an.liste {
        o.heading(2, &a.h);
        o.texte(&a.texte);
        match a.contenu {
            GenreAnnexe::Acteurs => acteurs(o, &an.acteurs),
            GenreAnnexe::Communes => {
                if let Some(co) = &an.communes {
                    communes(o, co);
                }
            }
            GenreAnnexe::Chronogramme => {
                if let Some(ch) = &an.chronogramme {
                    chronogramme(o, ch);
                }
            }
            GenreAnnexe::Financement => financement::financement(o, &an.financement),
            GenreAnnexe::Fonds => fonds(o, &an.fonds),
            GenreAnnexe::Gouvernance => gouvernance(o, &an.gouvernance),
            GenreAnnexe::SousFeuilles => super::territoires::sous_feuilles(o, &an.sous_feuilles),
            GenreAnnexe::Texte => {}
        }
    }
}

fn acteurs(o: &mut Out, secteurs: &[SecteurV]) {
    for s in secteurs {
        o.title(3, vec![t(format!("{} ({})", s.libelle, s.nombre))]);
        for cat in &s.categories {
            o.title(4, vec![t(format!("{} ({})", cat.libelle, cat.nombre))]);
            let items = cat
                .acteurs
                .iter()
                .map(|x| {
                    let mut runs = vec![t(&x.nom)];
                    if let Some(s) = &x.sigle {
                        runs.push(t(format!(" ({s})")));
                    }
                    if let Some(s) = &x.commune {
                        runs.push(t(format!(" — {s}")));
                    }
                    if let Some(e) = &x.email {
                        runs.push(t(" — "));
                        let url = Link::Url(format!("mailto:{e}"));
                        runs.push(Inline::Link(url, c(e)));
                    }
                    if let Some(s) = &x.site {
                        runs.push(t(" — "));
                        runs.push(if x.site_lien {
                            Inline::Link(Link::Url(s.clone()), c(s))
                        } else {
                            t(s)
                        });
                    }
                    runs
                })
                .collect();
            o.bullets(items);
        }
    }
}

fn communes(o: &mut Out, co: &CommunesV) {
    let l = o.l;
    o.para(c(&format!("{} : {}.", co.titre, co.nombre)));
    let mut tb = Tab::new(&[
        (l.code_postal, Align::Left, 2),
        (l.commune, Align::Left, 4),
        (l.population, Align::Right, 2),
        (l.ifn, Align::Right, 1),
        (l.population_fragile, Align::Right, 2),
        (l.part, Align::Right, 1),
    ]);
    for r in &co.lignes {
        tb.texts(&[
            &r.code_postal,
            &r.commune,
            &r.population,
            &r.ifn,
            &r.fragile,
            &r.part,
        ]);
    }
    let ifn = match &co.ifn_moyen {
        Some(m) => vec![i(m), t(" ¹")],
        None => Vec::new(),
    };
    tb.row(vec![
        Vec::new(),
        vec![b(l.total)],
        vec![b(&co.total_population)],
        ifn,
        vec![b(&co.total_fragile)],
        vec![b(&co.total_part)],
    ]);
    o.table(tb);
    if co.ifn_moyen.is_some() {
        o.para_in(ParaStyle::Note, c(l.ifn_moyen_note));
    }
    o.source(&co.source);
}

/// Months per table: a year fits the width of a portrait page.
const MONTHS_PER_TABLE: usize = 12;

fn chronogramme(o: &mut Out, ch: &ChronoV) {
    let l = o.l;
    for x in &ch.actions {
        o.heading(3, &x.h);
        for (k, months) in ch.mois.chunks(MONTHS_PER_TABLE).enumerate() {
            let first = k * MONTHS_PER_TABLE;
            let mut cols = vec![(l.tache, Align::Left, 42)];
            cols.extend(months.iter().map(|_| ("", Align::Center, 9)));
            let mut tb = Tab::new(&cols);
            // Month and year on two lines, so that a year fits.
            if let Some(head) = tb.0.rows.first_mut() {
                for (cell, m) in head.iter_mut().skip(1).zip(months) {
                    cell.runs = vec![t(m.libelle), Inline::Break, t((m.annee % 100).to_string())];
                }
            }
            for task in &x.taches {
                let mut row = vec![(
                    vec![t(&task.libelle), t(" "), i(format!("({})", task.periode))],
                    false,
                )];
                row.extend((first..first + months.len()).map(|m| {
                    let on = task.cellules.get(m).copied().unwrap_or(false);
                    (if on { c("■") } else { Vec::new() }, on)
                }));
                tb.shaded(row);
            }
            o.table(tb);
        }
    }
}

fn fonds(o: &mut Out, fonds: &[FondsV]) {
    let l = o.l;
    for f in fonds {
        o.title(3, vec![t(&f.nom)]);
        o.texte(&f.description);
        if !f.objectifs.is_empty() {
            o.para(vec![b(l.objectifs)]);
            o.bullets(f.objectifs.iter().map(|s| c(s)).collect());
        }
        let facts = [
            (l.beneficiaires, &f.beneficiaires),
            (l.cible, &f.cible),
            (l.recipiendaire, &f.recipiendaire),
            (l.montant, &f.montant),
            (l.alimente_par, &f.enveloppe),
        ];
        for (k, v) in facts {
            if let Some(v) = v {
                o.field(k, v);
            }
        }
        for (k, v) in [(l.regles, &f.regles), (l.eligibilite, &f.eligibilite)] {
            if v.is_some() {
                o.para(vec![b(k)]);
                o.texte(v);
            }
        }
        appels(o, f);
        if let Some(v) = &f.levier {
            o.field(l.effet_levier, v);
        }
    }
}

fn appels(o: &mut Out, f: &FondsV) {
    let l = o.l;
    for ap in &f.appels {
        o.title(4, vec![t(&ap.libelle)]);
        let mut s = ap.nb_projets.clone();
        if let Some(p) = &ap.periode {
            s.push_str(&format!(" · {p}"));
        }
        if let Some(x) = &ap.budget {
            s.push_str(&format!(" · {} : {x}", l.budget.to_lowercase()));
        }
        o.para(c(&s));
        if ap.projets.is_empty() {
            continue;
        }
        let mut tb = Tab::new(&[
            (l.projet, Align::Left, 4),
            (l.porteur, Align::Left, 3),
            (l.aide, Align::Right, 2),
            (l.cout_total, Align::Right, 2),
            (l.beneficiaires, Align::Left, 3),
        ]);
        for p in &ap.projets {
            tb.row(vec![
                c(&p.titre),
                co(&p.porteur),
                c(&p.montant),
                co(&p.cout_total),
                co(&p.beneficiaires),
            ]);
        }
        tb.strong(&[l.total, "", ap.total.as_deref().unwrap_or_default(), "", ""]);
        o.table(tb);
    }
}

fn gouvernance(o: &mut Out, g: &GouvernanceV) {
    let l = o.l;
    for inst in &g.instances {
        let mut name = inst.nom.clone();
        if let Some(s) = &inst.sigle {
            name.push_str(&format!(" ({s})"));
        }
        o.title(3, vec![t(name)]);
        let mut runs = Vec::new();
        if !inst.description.is_empty() {
            runs.push(i(&inst.description));
        }
        if let Some(r) = &inst.role {
            if !runs.is_empty() {
                runs.push(t(" "));
            }
            runs.push(t(r));
        }
        if !runs.is_empty() {
            o.para(runs);
        }
        if !inst.membres.is_empty() {
            o.field(l.membres, &inst.membres.join(", "));
        }
        if !inst.colleges.is_empty() {
            let mut tb = Tab::new(&[
                (l.college, Align::Left, 3),
                (l.sieges, Align::Right, 1),
                (l.membres, Align::Left, 6),
            ]);
            for col in &inst.colleges {
                let mut m = col.membres.join(", ");
                if let Some(n) = &col.note {
                    if !m.is_empty() {
                        m.push_str(" ; ");
                    }
                    m.push_str(n);
                }
                tb.row(vec![c(&col.nom), co(&col.sieges), c(&m)]);
            }
            o.table(tb);
        }
        let reunions = inst
            .reunions
            .iter()
            .map(|(date, objet, lieu)| {
                let mut s = date.clone();
                if let Some(x) = objet {
                    s.push_str(&format!(" : {x}"));
                }
                if let Some(x) = lieu {
                    s.push_str(&format!(" ({x})"));
                }
                c(&s)
            })
            .collect();
        o.bullets(reunions);
    }
    if !g.membres.is_empty() {
        o.title(3, vec![t(l.membres_et_roles)]);
        let mut tb = Tab::new(&[(l.structure, Align::Left, 4), (l.roles, Align::Left, 6)]);
        for m in &g.membres {
            tb.texts(&[&m.nom, &m.roles]);
        }
        o.table(tb);
    }
    if let Some(s) = &g.schema {
        super::territoires::seating(o, s);
    }
}
