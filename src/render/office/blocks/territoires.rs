//! The seating diagram of the governance annex (as a table: a dot where a
//! structure sits) and the sub-roadmaps' annex (each one's figures and the
//! coverage matrix).

use super::{Out, Tab, c, t};
use crate::render::fmt;
use crate::render::office::tree::Align;
use crate::render::view::{SchemaV, SousFeuillesV};

pub fn seating(o: &mut Out, s: &SchemaV) {
    let l = o.l;
    o.title(3, vec![t(l.qui_siege_ou)]);
    // The collèges are headed by their own names; the instance they belong
    // to is said once, before the table (a header cell per collège
    // repeating it would not fit the column).
    for (x, col) in s.colonnes.iter().enumerate() {
        if let Some(g) = &col.groupe {
            let names: Vec<String> = s.colonnes[x..]
                .iter()
                .take(g.colonnes)
                .map(|c| c.etiquette.clone())
                .collect();
            o.para(c(&format!("{} : {}.", g.nom, fmt::join_fr(&names))));
        }
    }
    let heads: Vec<String> = s
        .colonnes
        .iter()
        .map(|col| match &col.sieges {
            Some(n) => format!("{} ({n})", col.etiquette),
            None => col.etiquette.clone(),
        })
        .collect();
    let mut cols = vec![(l.structure, Align::Left, 4)];
    // Wide enough for the longest word of the heading (« Représentants »).
    let weight = |h: &str| {
        let longest = h.split(' ').map(|w| w.chars().count()).max().unwrap_or(0);
        u32::try_from(longest.div_ceil(4)).unwrap_or(4).clamp(2, 4)
    };
    cols.extend(heads.iter().map(|h| (h.as_str(), Align::Center, weight(h))));
    let mut tb = Tab::new(&cols);
    for r in &s.lignes {
        let mut row = vec![c(&r.nom)];
        row.extend(r.cases.iter().map(|x| c(if *x { "●" } else { "" })));
        tb.row(row);
    }
    o.table(tb);
}

pub fn sous_feuilles(o: &mut Out, sf: &SousFeuillesV) {
    let l = o.l;
    if let Some(r) = &sf.regle {
        o.para(c(r));
    }
    for s in &sf.liste {
        o.title(3, vec![t(&s.territoire)]);
        o.field(l.document_propre, &s.titre);
        o.field(l.perimetre, &fmt::ucfirst(s.perimetre));
        if !s.epci.is_empty() {
            o.field(l.intercommunalites, &s.epci.join(", "));
        }
        if !s.communes.is_empty() {
            o.field(l.communes, &s.communes.join(", "));
        }
        if let Some(p) = &s.population {
            o.field(l.population, p);
        }
        o.field(l.contenu, &format!("{}, {}", s.nb_axes, s.nb_actions));
        o.field(l.axes_repris, &s.axes_repris);
        if let Some(b) = &s.budget {
            o.field(l.financement_couverture, b);
        }
        if let Some(v) = &s.valorisations {
            o.field(l.valorisations, v);
        }
    }
    if sf.liste.is_empty() {
        return;
    }
    let mut cols = vec![(l.axe, Align::Left, 5)];
    cols.extend(
        sf.territoires
            .iter()
            .map(|x| (x.as_str(), Align::Center, 2)),
    );
    cols.push((l.total, Align::Right, 2));
    let mut tb = Tab::new(&cols);
    for r in &sf.couverture {
        let mut row = vec![c(&format!("{} — {}", r.numero, r.titre))];
        row.extend(r.cellules.iter().map(|x| c(if *x { "✓" } else { "—" })));
        row.push(c(&r.nombre));
        tb.row(row);
    }
    o.table(tb);
}
