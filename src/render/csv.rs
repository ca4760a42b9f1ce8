//! CSV exports for spreadsheets: `;` separator, UTF-8 with a BOM (so
//! LibreOffice Calc and Excel keep the accents), amounts with a decimal
//! comma and no thousands separator (read as numbers in a French locale).

use crate::compute::Computed;
use crate::model::{Money, Roadmap};
use crate::render::labels;

fn field(s: &str) -> String {
    if s.contains([';', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

fn row<S: AsRef<str>>(cells: &[S]) -> String {
    let mut line = cells
        .iter()
        .map(|c| field(c.as_ref()))
        .collect::<Vec<_>>()
        .join(";");
    line.push_str("\r\n");
    line
}

/// A new table: the BOM, then the header row.
fn table(header: &[&str]) -> String {
    let mut out = String::from("\u{feff}");
    out.push_str(&row(header));
    out
}

/// `600050` cents → `6000,50`; whole euros without decimals.
fn amount(m: Money) -> String {
    let sign = if m.0 < 0 { "-" } else { "" };
    let c = m.0.unsigned_abs();
    if c.is_multiple_of(100) {
        format!("{sign}{}", c / 100)
    } else {
        format!("{sign}{},{:02}", c / 100, c % 100)
    }
}

fn opt<T: ToString>(v: Option<T>) -> String {
    v.map(|x| x.to_string()).unwrap_or_default()
}

pub fn financements(m: &Roadmap) -> String {
    let mut out = table(&[
        "Action",
        "Intitulé de l'action",
        "Axe",
        "Intitulé de l'axe",
        "Financeur",
        "Récipiendaire",
        "Année",
        "Montant (€)",
        "Nature",
        "Statut",
        "Enveloppe",
    ]);
    for l in &m.lignes {
        let a = &m.actions[l.action];
        let axe = &m.axes[a.axe];
        out.push_str(&row(&[
            a.numero.clone(),
            a.titre.clone(),
            axe.numero.to_string(),
            axe.titre.clone(),
            m.acteurs[l.financeur].nom.clone(),
            m.acteurs[l.recipiendaire].nom.clone(),
            opt(l.annee),
            amount(l.montant),
            labels::nature(l.nature).into(),
            labels::statut_financement(l.statut).into(),
            opt(l.enveloppe.map(|e| m.enveloppes[e].libelle.clone())),
        ]));
    }
    out
}

pub fn actions(m: &Roadmap, c: &Computed) -> String {
    let mut out = table(&[
        "Action",
        "Intitulé",
        "Axe",
        "Statut",
        "Début",
        "Fin",
        "Référents",
        "Partenaires",
        "Financement (€)",
    ]);
    for (ix, a) in m.actions.iter().enumerate() {
        let names = |v: Vec<usize>| {
            v.iter()
                .map(|i| m.acteurs[*i].nom.clone())
                .collect::<Vec<_>>()
                .join(", ")
        };
        out.push_str(&row(&[
            a.numero.clone(),
            a.titre.clone(),
            m.axes[a.axe].numero.to_string(),
            labels::statut(a.statut).into(),
            opt(a.debut),
            opt(a.fin),
            names(a.referents.iter().map(|r| r.acteur).collect()),
            names(a.partenaires.clone()),
            amount(c.par_action[ix]),
        ]));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotes_and_amounts() {
        assert_eq!(field("a;b"), "\"a;b\"");
        assert_eq!(field("dit \"x\""), "\"dit \"\"x\"\"\"");
        assert_eq!(amount(Money(600_050)), "6000,50");
        assert_eq!(amount(Money::euros(71_433)), "71433");
    }
}
