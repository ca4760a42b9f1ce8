//! The financing annex: per axe and action, per funder, recipient, year
//! and status, envelopes, circles of funders and human means.

use super::{Out, Tab, c, co, i, t, to};
use crate::render::office::tree::Align;
use crate::render::view::{FinancementV, MontantActeurV, MoyensHumainsV};

pub fn financement(o: &mut Out, fi: &FinancementV) {
    let l = o.l;
    par_axe(o, fi);
    par_acteur(o, l.par_financeur, l.financeur, &fi.par_financeur);
    par_acteur(
        o,
        l.par_recipiendaire,
        l.recipiendaire,
        &fi.par_recipiendaire,
    );
    if let Some(g) = &fi.grille {
        o.title(3, vec![t(l.par_annee)]);
        let mut cols = vec![(l.financeur, Align::Left, 4)];
        cols.extend(g.colonnes.iter().map(|y| (y.as_str(), Align::Right, 2)));
        cols.push((l.total, Align::Right, 2));
        let mut tb = Tab::new(&cols);
        for r in &g.lignes {
            let mut row = vec![c(&r.financeur)];
            row.extend(r.montants.iter().map(|m| c(m)));
            row.push(c(&r.total));
            tb.row(row);
        }
        let mut total = vec![l.total];
        total.extend(g.totaux.iter().map(String::as_str));
        total.push(&g.total);
        tb.strong(&total);
        o.table(tb);
    }
    if !fi.par_statut.is_empty() {
        o.title(3, vec![t(l.par_statut)]);
        let mut tb = Tab::new(&[(l.statut, Align::Left, 4), (l.montant, Align::Right, 2)]);
        for (s, m) in &fi.par_statut {
            tb.texts(&[s, m]);
        }
        tb.strong(&[l.total, &fi.total]);
        o.table(tb);
    }
    nature(o, fi);
    enveloppes(o, fi);
    cercles(o, fi);
    if let Some(mh) = &fi.moyens_humains {
        moyens_humains(o, mh);
    }
}

fn par_axe(o: &mut Out, fi: &FinancementV) {
    let l = o.l;
    o.title(3, vec![t(l.par_axe)]);
    let mut tb = Tab::new(&[
        (l.action, Align::Left, 2),
        (l.intitule, Align::Left, 7),
        (l.montant, Align::Right, 3),
        (l.referents, Align::Left, 5),
        (l.recipiendaire, Align::Left, 4),
    ]);
    for ax in &fi.axes {
        tb.strong(&[&ax.h.numero, &ax.h.titre, "", "", ""]);
        for li in &ax.lignes {
            tb.row(vec![
                vec![to(&li.ancre, c(&li.numero))],
                c(&li.titre),
                c(&li.montant),
                c(&li.referents),
                c(&li.recipiendaires),
            ]);
        }
        let sub = format!("{} {}", l.sous_total, ax.h.numero.to_lowercase());
        tb.row(vec![
            Vec::new(),
            vec![i(sub)],
            vec![i(&ax.sous_total)],
            vec![i(&ax.part)],
            Vec::new(),
        ]);
    }
    tb.strong(&["", l.total_general, &fi.total, "", ""]);
    o.table(tb);
}

fn par_acteur(o: &mut Out, titre: &str, col: &str, items: &[MontantActeurV]) {
    if items.is_empty() {
        return;
    }
    let l = o.l;
    o.title(3, vec![t(titre)]);
    let mut tb = Tab::new(&[
        (col, Align::Left, 6),
        (l.montant, Align::Right, 2),
        (l.part, Align::Right, 1),
    ]);
    for x in items {
        tb.texts(&[&x.nom, &x.montant, &x.part]);
    }
    o.table(tb);
}

/// Cash and in kind: granted, paid, valued, refused.
fn nature(o: &mut Out, fi: &FinancementV) {
    let l = o.l;
    if fi.accorde.is_none()
        && fi.verse.is_none()
        && fi.total_nature.is_none()
        && fi.refuse.is_none()
    {
        return;
    }
    o.title(3, vec![t(l.numeraire_et_nature)]);
    let mut tb = Tab::new(&[("", Align::Left, 4), (l.montant, Align::Right, 2)]);
    tb.texts(&[l.numeraire, &fi.total]);
    for (k, v) in [
        (l.montants_accordes, &fi.accorde),
        (l.montants_verses, &fi.verse),
        (l.valorisations, &fi.total_nature),
        (l.refuses, &fi.refuse),
    ] {
        if let Some(v) = v {
            tb.texts(&[k, v]);
        }
    }
    o.table(tb);
    let parts: Vec<String> = [
        fi.jours_nature
            .as_ref()
            .map(|j| format!("{j} {}", l.jours.to_lowercase())),
        fi.etp_nature.as_ref().map(|e| format!("{e} {}", l.etp)),
    ]
    .into_iter()
    .flatten()
    .collect();
    if !parts.is_empty() {
        o.para(c(&format!("{} : {}.", l.valorisations, parts.join(", "))));
    }
}

fn enveloppes(o: &mut Out, fi: &FinancementV) {
    let l = o.l;
    if fi.enveloppes.is_empty() {
        return;
    }
    o.title(3, vec![t(l.enveloppes)]);
    let mut tb = Tab::new(&[
        (l.enveloppe, Align::Left, 4),
        (l.financeur, Align::Left, 4),
        (l.periode, Align::Left, 2),
        (l.montant, Align::Right, 2),
        (l.consomme, Align::Right, 2),
        (l.disponible, Align::Right, 2),
    ]);
    for e in &fi.enveloppes {
        let who = e.financeur.as_ref().or(e.nb_contributeurs.as_ref());
        tb.row(vec![
            c(&e.libelle),
            co(&who.cloned()),
            co(&e.periode),
            co(&e.montant),
            co(&e.affecte),
            co(&e.disponible),
        ]);
    }
    o.table(tb);
    for e in &fi.enveloppes {
        if e.contributions.is_empty() && e.plafond_annuel.is_none() && e.regles.is_none() {
            continue;
        }
        o.title(4, vec![t(&e.libelle)]);
        if let Some(p) = &e.plafond_annuel {
            o.para(c(&format!("{} : {p}", l.plafond_annuel)));
        }
        if !e.contributions.is_empty() && !e.contributions_detaillees {
            let names: Vec<&str> = e
                .contributions
                .iter()
                .map(|x| x.financeur.as_str())
                .collect();
            o.field(l.contributions, &names.join(", "));
        } else if !e.contributions.is_empty() {
            let mut tb = Tab::new(&[
                (l.contributeur, Align::Left, 5),
                (l.annee, Align::Left, 1),
                (l.montant, Align::Right, 2),
            ]);
            for x in &e.contributions {
                let year = x.annee.map(|y| y.to_string()).unwrap_or_default();
                tb.row(vec![c(&x.financeur), c(&year), co(&x.montant)]);
            }
            o.table(tb);
        }
        o.texte(&e.regles);
    }
}

fn cercles(o: &mut Out, fi: &FinancementV) {
    let l = o.l;
    if fi.cercles.is_empty() {
        return;
    }
    o.title(3, vec![t(l.cercles)]);
    for ce in &fi.cercles {
        o.title(4, vec![t(&ce.nom)]);
        if let Some(x) = &ce.total {
            o.para(c(&format!("{} : {x}", l.financement)));
        }
        if ce.repartition {
            let mut cols = vec![(l.membres, Align::Left, 5), (l.part, Align::Right, 1)];
            if ce.total.is_some() {
                cols.push((l.montant, Align::Right, 2));
            }
            let mut tb = Tab::new(&cols);
            for m in &ce.membres {
                let mut row = vec![c(&m.nom), co(&m.part)];
                if ce.total.is_some() {
                    row.push(co(&m.montant));
                }
                tb.row(row);
            }
            o.table(tb);
        } else {
            let names: Vec<&str> = ce.membres.iter().map(|m| m.nom.as_str()).collect();
            o.field(l.membres, &names.join(", "));
            o.para(vec![i(l.repartition_non_arretee)]);
        }
        o.texte(&ce.note);
    }
}

fn moyens_humains(o: &mut Out, mh: &MoyensHumainsV) {
    let l = o.l;
    o.title(3, vec![t(l.moyens_humains)]);
    let mut tb = Tab::new(&[
        (l.structure, Align::Left, 4),
        (l.role, Align::Left, 4),
        (l.etp, Align::Right, 1),
        (l.nombre, Align::Right, 1),
        (l.action, Align::Left, 1),
        (l.periode, Align::Left, 2),
    ]);
    for p in &mh.postes {
        tb.row(vec![
            c(&p.structure),
            c(&p.role),
            co(&p.etp),
            co(&p.nombre),
            co(&p.action),
            co(&p.periode),
        ]);
    }
    o.table(tb);
    if !mh.etp_par_annee.is_empty() {
        let mut cols = vec![(l.annee, Align::Left, 2)];
        let years: Vec<String> = mh
            .etp_par_annee
            .iter()
            .map(|(y, _)| y.to_string())
            .collect();
        cols.extend(years.iter().map(|y| (y.as_str(), Align::Right, 1)));
        let mut tb = Tab::new(&cols);
        let mut row = vec![c(l.etp)];
        row.extend(mh.etp_par_annee.iter().map(|(_, v)| c(v)));
        tb.row(row);
        o.table(tb);
    }
    if let Some(x) = &mh.etp_sans_periode {
        o.para(c(&format!("{} : {x}", l.etp_sans_periode)));
    }
}
