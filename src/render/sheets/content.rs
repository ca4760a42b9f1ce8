//! The sheets of the layout shared with `fdr import`: Actions,
//! Financements, Acteurs. Headers and labels as in the contract
//! (`/work/scratch/sheet-layout.md`); enum labels from `render::labels`.

use super::{Cell, Sheet};
use crate::compute::Computed;
use crate::model::{ActeurIx, Ligne, Money, MotAxe, Roadmap, Source};
use crate::render::{fmt::ucfirst, labels};

/// The header of the axe title column in the roadmap's vocabulary.
fn titre_axe(mot: MotAxe) -> &'static str {
    match mot {
        MotAxe::Axe => "Titre de l'axe",
        MotAxe::Objectif => "Titre de l'objectif",
        MotAxe::Orientation => "Titre de l'orientation",
        MotAxe::Priorite => "Titre de la priorité",
        MotAxe::Chantier => "Titre du chantier",
    }
}

/// Structures' names, « ; »-separated.
fn names(m: &Roadmap, ixs: impl Iterator<Item = ActeurIx>) -> Cell {
    let v: Vec<&str> = ixs.map(|i| m.acteurs[i].nom.as_str()).collect();
    if v.is_empty() {
        Cell::Empty
    } else {
        Cell::text(v.join(" ; "))
    }
}

/// One row per action, in document order.
pub fn actions(m: &Roadmap, c: &Computed) -> Sheet {
    let mot = m.feuille.mot_axe;
    let mut s = Sheet::new(
        "Actions",
        &[
            labels::pour(mot).axe,
            titre_axe(mot),
            "Numéro",
            "Identifiant",
            "Titre",
            "Description",
            "Statut",
            "Priorité",
            "Pilotes",
            "Partenaires",
            "Début",
            "Fin",
            "Budget (€)",
            "Financé (€)",
            "Reste à financer (€)",
        ],
    );
    let argent = &c.argent;
    let refs = named_refs(m);
    for (ix, a) in m.actions.iter().enumerate() {
        let axe = &m.axes[a.axe];
        let finance = argent.action_financee.get(ix).copied().unwrap_or(false);
        let reste = argent.reste_a_financer.get(ix).copied().flatten();
        s.rows.push(vec![
            Cell::Int(axe.numero.into()),
            Cell::text(&axe.titre),
            Cell::text(&a.numero),
            Cell::text(&a.id),
            Cell::text(&a.titre),
            Cell::opt_text(a.description.as_deref().map(|d| named(d, &refs))),
            Cell::text(labels::statut(a.statut)),
            Cell::opt_text(a.suivi.priorite.map(|p| ucfirst(labels::priorite(p)))),
            names(m, a.referents.iter().map(|r| r.acteur)),
            names(m, a.partenaires.iter().copied()),
            Cell::opt_date(a.debut),
            Cell::opt_date(a.fin),
            Cell::opt_euros(a.budget),
            Cell::opt_euros(argent.par_action.get(ix).copied().filter(|_| finance)),
            Cell::opt_euros(reste.map(Money)),
        ]);
    }
    s
}

/// One row per financing line and year (a line written `par_an` or
/// `annees` gives a row per year). Granted and paid amounts, days and ETP
/// are on the line's first row only, so that summing a column counts them
/// once.
pub fn financements(m: &Roadmap) -> Sheet {
    let mut s = Sheet::new(
        "Financements",
        &[
            "Action",
            "Identifiant de l'action",
            "Financeur",
            "Cercle",
            "Enveloppe",
            "Nature",
            "Statut",
            "Année",
            "Montant (€)",
            "Accordé (€)",
            "Versé (€)",
            "Jours",
            "ETP",
            "Libellé",
        ],
    );
    for l in &m.lignes {
        let parts: Vec<(Option<u16>, Option<Money>)> = if l.montants.is_empty() {
            vec![(None, None)]
        } else {
            l.montants.iter().map(|(y, mo)| (*y, Some(*mo))).collect()
        };
        for (i, (annee, montant)) in parts.into_iter().enumerate() {
            s.rows.push(line_row(m, l, annee, montant, i == 0));
        }
    }
    s
}

fn line_row(
    m: &Roadmap,
    l: &Ligne,
    annee: Option<u16>,
    montant: Option<Money>,
    first: bool,
) -> Vec<Cell> {
    let a = &m.actions[l.action];
    let (financeur, cercle) = match l.source {
        Source::Acteur(x) => (Some(&m.acteurs[x].nom), None),
        Source::Cercle(x) => (None, Some(&m.cercles[x].nom)),
        Source::Enveloppe(_) => (None, None),
    };
    let first_only = |c: Cell| if first { c } else { Cell::Empty };
    vec![
        Cell::text(&a.numero),
        Cell::text(&a.id),
        Cell::opt_text(financeur),
        Cell::opt_text(cercle),
        Cell::opt_text(l.enveloppe.map(|e| &m.enveloppes[e].libelle)),
        Cell::opt_text(l.nature.map(|n| ucfirst(labels::nature(n)))),
        Cell::opt_text(l.statut.map(|s| ucfirst(labels::statut_financement(s)))),
        annee.map_or(Cell::Empty, |y| Cell::Int(y.into())),
        Cell::opt_euros(montant),
        first_only(Cell::opt_euros(l.accorde)),
        first_only(Cell::opt_euros(l.verse)),
        first_only(Cell::opt_decimal(l.jours)),
        first_only(Cell::opt_decimal(l.etp)),
        Cell::opt_text(l.libelle.as_deref()),
    ]
}

/// The roadmap itself, one field a row: what `fdr import` needs to write
/// `feuille-de-route.yaml` without asking.
pub fn feuille(m: &Roadmap) -> Sheet {
    let f = &m.feuille;
    let mut s = Sheet::new("Feuille de route", &["Champ", "Valeur"]);
    let rows = [
        ("Titre", Cell::text(&f.titre)),
        ("Sous-titre", Cell::opt_text(f.sous_titre.as_deref())),
        ("Territoire", Cell::text(&f.territoire)),
        (
            "Code du département",
            Cell::opt_text(f.code_departement.as_deref()),
        ),
        (
            "Périmètre",
            Cell::text(ucfirst(labels::perimetre(f.perimetre))),
        ),
        ("Début", Cell::Int(f.debut.into())),
        ("Fin", Cell::Int(f.fin.into())),
        ("Date", Cell::date(f.date)),
        ("Version", Cell::opt_text(f.version.as_deref())),
        ("Co-porteurs", names(m, f.co_porteurs.iter().copied())),
    ];
    for (champ, valeur) in rows {
        s.rows.push(vec![Cell::text(champ), valeur]);
    }
    s
}

/// Every structure, in the order of the sources.
pub fn acteurs(m: &Roadmap) -> Sheet {
    let mut s = Sheet::new(
        "Acteurs",
        &["Identifiant", "Nom", "Sigle", "Catégorie", "Secteur"],
    );
    for a in &m.acteurs {
        s.rows.push(vec![
            Cell::text(&a.id),
            Cell::text(&a.nom),
            Cell::opt_text(a.sigle.as_deref()),
            Cell::text(ucfirst(labels::categorie(a.categorie).0)),
            Cell::opt_text(a.secteur.map(labels::secteur)),
        ]);
    }
    s
}

/// Cross-references named, not linked: a workbook has no anchors, and the
/// axes, annexes and sections they lead to are not among its rows.
fn named_refs(m: &crate::model::Roadmap) -> crate::render::markdown::RefMap {
    let mut refs = crate::render::view::ref_map(m, &crate::render::view::headings(m));
    for t in refs.values_mut() {
        t.anchor.clear();
        t.anchor_md.clear();
    }
    refs
}

/// A description as written, its cross-references (`[](#annexe:ID)`)
/// replaced by what they name (« annexe 5 « Chronogramme des actions » »).
fn named(text: &str, refs: &crate::render::markdown::RefMap) -> String {
    if text.contains("](#") {
        crate::render::markdown::render(text, refs, 4).md
    } else {
        text.to_string()
    }
}
