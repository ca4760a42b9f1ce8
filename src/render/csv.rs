//! CSV exports for spreadsheets: `;` separator, UTF-8 with a BOM (so
//! LibreOffice Calc and Excel keep the accents), amounts with a decimal
//! comma and no thousands separator (read as numbers in a French locale).

use crate::compute::Computed;
use crate::model::{Money, Roadmap};
use crate::render::labels;

/// One cell: a text from the sources, or a number fdr wrote itself.
enum Cell {
    Text(String),
    Number(String),
}

use Cell::{Number, Text};

/// A spreadsheet reads a cell starting with one of these as a formula
/// (OWASP's CSV injection rule): a text cell gets a leading `'`.
const FORMULA_START: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

fn field(cell: &Cell) -> String {
    let s = match cell {
        Text(s) if s.starts_with(FORMULA_START) => format!("'{s}"),
        Text(s) | Number(s) => s.clone(),
    };
    if s.contains([';', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s
    }
}

fn row(cells: &[Cell]) -> String {
    let mut line = cells.iter().map(field).collect::<Vec<_>>().join(";");
    line.push_str("\r\n");
    line
}

/// A new table: the BOM, then the header row.
fn table(header: &[&str]) -> String {
    let mut out = String::from("\u{feff}");
    let header: Vec<Cell> = header.iter().map(|h| Text(h.to_string())).collect();
    out.push_str(&row(&header));
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
            Text(a.numero.clone()),
            Text(a.titre.clone()),
            Number(axe.numero.to_string()),
            Text(axe.titre.clone()),
            Text(m.acteurs[l.financeur].nom.clone()),
            Text(m.acteurs[l.recipiendaire].nom.clone()),
            Number(opt(l.annee)),
            Number(amount(l.montant)),
            Text(labels::nature(l.nature).into()),
            Text(labels::statut_financement(l.statut).into()),
            Text(opt(l.enveloppe.map(|e| m.enveloppes[e].libelle.clone()))),
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
            Text(a.numero.clone()),
            Text(a.titre.clone()),
            Number(m.axes[a.axe].numero.to_string()),
            Text(labels::statut(a.statut).into()),
            Text(opt(a.debut)),
            Text(opt(a.fin)),
            Text(names(a.referents.iter().map(|r| r.acteur).collect())),
            Text(names(a.partenaires.clone())),
            Number(amount(c.par_action[ix])),
        ]));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotes_and_amounts() {
        let t = |s: &str| field(&Text(s.into()));
        assert_eq!(t("a;b"), "\"a;b\"");
        assert_eq!(t("dit \"x\""), "\"dit \"\"x\"\"\"");
        assert_eq!(amount(Money(600_050)), "6000,50");
        assert_eq!(amount(Money::euros(71_433)), "71433");
    }

    #[test]
    fn formulas_are_neutralised_numbers_are_not() {
        let t = |s: &str| field(&Text(s.into()));
        assert_eq!(
            t("=HYPERLINK(\"http://x\")"),
            "\"'=HYPERLINK(\"\"http://x\"\")\""
        );
        assert_eq!(t("+33 4"), "'+33 4");
        assert_eq!(t("-moins"), "'-moins");
        assert_eq!(t("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(t("\tcmd"), "'\tcmd");
        assert_eq!(t("\rcmd"), "\"'\rcmd\"");
        assert_eq!(t("Hub = sud"), "Hub = sud");
        assert_eq!(field(&Number(amount(Money(-1_050)))), "-10,50");
    }
}
