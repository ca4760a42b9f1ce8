//! CSV exports for spreadsheets: `;` separator, UTF-8 with a BOM (so
//! LibreOffice Calc and Excel keep the accents), amounts with a decimal
//! comma and no thousands separator (read as numbers in a French locale).

use crate::compute::Computed;
use crate::model::{Money, Roadmap, Source};
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

/// One row per line and year (a line written `par_an` or `annees` gives a
/// row per year; `Ligne` numbers the lines so a pivot table can group
/// them). Granted and paid amounts are on the line's first row only, so
/// that summing a column never counts them twice.
pub fn financements(m: &Roadmap) -> String {
    let mut out = table(&[
        "Ligne",
        "Action",
        "Id action",
        "Intitulé de l'action",
        "Axe",
        "Intitulé de l'axe",
        "Financeur",
        "Id financeur",
        "Type de financeur",
        "Récipiendaire",
        "Année",
        "Montant (€)",
        "Nature",
        "Section",
        "Statut",
        "Accordé (€)",
        "Versé (€)",
        "Jours",
        "ETP",
        "Enveloppe",
        "Précision",
    ]);
    for (n, l) in m.lignes.iter().enumerate() {
        let parts: Vec<(Option<u16>, Option<Money>)> = if l.montants.is_empty() {
            vec![(None, None)]
        } else {
            l.montants.iter().map(|(y, mo)| (*y, Some(*mo))).collect()
        };
        for (i, (annee, montant)) in parts.into_iter().enumerate() {
            out.push_str(&row(&line_cells(m, l, n + 1, annee, montant, i == 0)));
        }
    }
    out
}

fn line_cells(
    m: &Roadmap,
    l: &crate::model::Ligne,
    n: usize,
    annee: Option<u16>,
    montant: Option<Money>,
    first: bool,
) -> Vec<Cell> {
    let a = &m.actions[l.action];
    let axe = &m.axes[a.axe];
    let (nom, id, genre) = match l.source {
        Source::Acteur(x) => (&m.acteurs[x].nom, &m.acteurs[x].id, "acteur"),
        Source::Cercle(x) => (&m.cercles[x].nom, &m.cercles[x].id, "cercle"),
        Source::Enveloppe(x) => (&m.enveloppes[x].libelle, &m.enveloppes[x].id, "enveloppe"),
    };
    let first_only = |v: Option<Money>| Number(opt(v.filter(|_| first).map(amount)));
    vec![
        Number(n.to_string()),
        Text(a.numero.clone()),
        Text(a.id.clone()),
        Text(a.titre.clone()),
        Number(axe.numero.to_string()),
        Text(axe.titre.clone()),
        Text(nom.clone()),
        Text(id.clone()),
        Text(genre.into()),
        Text(opt(l.recipiendaire.map(|r| m.acteurs[r].nom.clone()))),
        Number(opt(annee)),
        Number(opt(montant.map(amount))),
        Text(opt(l.nature.map(labels::nature))),
        Text(opt(l.section.map(labels::section_budgetaire))),
        Text(opt(l.statut.map(labels::statut_financement))),
        first_only(l.accorde),
        first_only(l.verse),
        Number(opt(l.jours.map(decimal))),
        Number(opt(l.etp.map(decimal))),
        Text(opt(l.enveloppe.map(|e| m.enveloppes[e].libelle.clone()))),
        Text(opt(l.libelle.clone())),
    ]
}

/// `1.75` → `1,75` (a number in a French locale).
fn decimal(d: crate::model::Decimal) -> String {
    d.to_string().replace('.', ",")
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
            Number(amount(c.argent.par_action[ix])),
        ]));
    }
    out
}

/// Every value of every indicator, one row each: the baseline, each
/// measurement, each target (the roadmap's indicators first, then the
/// actions' in number order), for a pivot table or a chart.
pub fn indicateurs(m: &Roadmap) -> String {
    let mut out = table(&[
        "Action",
        "Id indicateur",
        "Indicateur",
        "Unité",
        "Sens",
        "Valeur de",
        "Date",
        "Valeur",
        "Source",
        "Commentaire",
    ]);
    let all = m.indicateurs.iter().map(|i| ("", i)).chain(
        m.actions
            .iter()
            .flat_map(|a| a.indicateurs.iter().map(move |i| (a.numero.as_str(), i))),
    );
    for (action, i) in all {
        let head = || {
            vec![
                Text(action.to_string()),
                Text(opt(i.id.as_ref())),
                Text(i.libelle.clone()),
                Text(opt(i.unite.as_ref())),
                Text(opt(i.sens.map(labels::sens))),
            ]
        };
        let releves = i
            .reference
            .iter()
            .map(|r| ("référence", r))
            .chain(i.mesures.iter().map(|r| ("mesure", r)));
        for (genre, r) in releves {
            let mut cells = head();
            cells.extend([
                Text(genre.into()),
                Text(r.date.to_string()),
                Number(decimal(r.valeur)),
                Text(opt(r.source.as_ref())),
                Text(opt(r.commentaire.as_ref())),
            ]);
            out.push_str(&row(&cells));
        }
        if let Some(v) = i.valeur {
            let mut cells = head();
            cells.extend([
                Text("mesure".into()),
                Text(String::new()),
                Number(decimal(v)),
                Text(opt(i.source.as_ref())),
                Text(String::new()),
            ]);
            out.push_str(&row(&cells));
        }
        for c in &i.cibles {
            let mut cells = head();
            cells.extend([
                Text("cible".into()),
                Text(opt(c.date)),
                Number(decimal(c.valeur)),
                Text(String::new()),
                Text(String::new()),
            ]);
            out.push_str(&row(&cells));
        }
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
