//! `fdr diff` as Markdown, fit for a pull-request comment or a CI job summary.

use crate::compute::diff::{Change, Diff, MoneyChange};
use crate::render::fmt;

fn money_table(out: &mut String, title: &str, rows: &[MoneyChange]) {
    if rows.is_empty() {
        return;
    }
    out.push_str(&format!(
        "\n#### {title}\n\n| | Avant | Après | Écart |\n|---|---:|---:|---:|\n"
    ));
    for r in rows {
        out.push_str(&format!(
            "| {} | {} | {} | **{}** |\n",
            r.libelle.replace('|', "\\|"),
            fmt::money(r.avant),
            fmt::money(r.apres),
            fmt::money_signed(r.ecart)
        ));
    }
}

fn opt(v: &Option<String>) -> String {
    v.clone().unwrap_or_else(|| "—".into())
}

fn dates(label: &str, c: &Option<Change<Option<String>>>, parts: &mut Vec<String>) {
    if let Some(c) = c {
        parts.push(format!("{label} : {} → {}", opt(&c.avant), opt(&c.apres)));
    }
}

pub fn render(d: &Diff, old: &str, new: &str) -> String {
    if d.is_empty() {
        return format!("Aucune modification entre {old} et {new}.\n");
    }
    let mut out = format!("### Feuille de route : {old} → {new}\n\n");
    let (a, b) = (d.total.avant, d.total.apres);
    out.push_str(&format!(
        "**Financement total** : {} → {} ({})\n",
        fmt::money(a),
        fmt::money(b),
        fmt::money_signed(b - a)
    ));
    if !d.enveloppes_depassees.is_empty() {
        out.push_str(&format!(
            "\n⚠️ **Enveloppe(s) désormais dépassée(s)** : {}\n",
            d.enveloppes_depassees.join(", ")
        ));
    }
    if !d.actions_ajoutees.is_empty()
        || !d.actions_retirees.is_empty()
        || !d.actions_modifiees.is_empty()
    {
        out.push_str("\n#### Actions\n\n");
        for x in &d.actions_ajoutees {
            out.push_str(&format!(
                "- ➕ **ajoutée** : action {} « {} »\n",
                x.numero, x.titre
            ));
        }
        for x in &d.actions_retirees {
            out.push_str(&format!(
                "- ➖ **retirée** : action {} « {} »\n",
                x.numero, x.titre
            ));
        }
        for c in &d.actions_modifiees {
            let mut parts = Vec::new();
            if let Some(t) = &c.titre {
                parts.push(format!("renommée « {} » → « {} »", t.avant, t.apres));
            }
            if let Some(n) = &c.numero {
                parts.push(format!("renumérotée {} → {}", n.avant, n.apres));
            }
            if let Some(s) = &c.statut {
                parts.push(format!("statut : {} → {}", s.avant, s.apres));
            }
            dates("début", &c.debut, &mut parts);
            dates("fin", &c.fin, &mut parts);
            for (label, v) in [
                ("référent ajouté", &c.referents_ajoutes),
                ("référent retiré", &c.referents_retires),
                ("partenaire ajouté", &c.partenaires_ajoutes),
                ("partenaire retiré", &c.partenaires_retires),
                ("indicateur modifié", &c.indicateurs),
            ] {
                for x in v {
                    parts.push(format!("{label} : {x}"));
                }
            }
            out.push_str(&format!(
                "- ✏️ action {} « {} » : {}\n",
                c.action.numero,
                c.action.titre,
                parts.join(" ; ")
            ));
        }
    }
    money_table(&mut out, "Financement par ligne", &d.lignes);
    money_table(&mut out, "Financement par action", &d.par_action);
    money_table(&mut out, "Financement par axe", &d.par_axe);
    out
}
