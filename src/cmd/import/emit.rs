//! The roadmap folder as YAML fragments, in a stable order: the identity,
//! the structures (by identifier), the axes, one file per action with its
//! financing lines (in the sheet's order), the cercles and envelopes.
//! What the sheet does not say and the schema requires is written with a
//! comment « # à préciser », never as a silent fact.

use super::roadmap::{Action, Groupe, Ligne, Roadmap};
use super::values::money_yaml;
use super::yaml::{quoted, scalar, text};
use crate::model::Money;

/// What the spreadsheet cannot say about the roadmap itself.
pub struct Identite {
    pub titre: Option<String>,
    pub sous_titre: Option<String>,
    pub territoire: Option<String>,
    pub code: Option<String>,
    /// The perimeter's code, from the sheet « Feuille de route ».
    pub perimetre: Option<&'static str>,
    pub date: Option<String>,
    pub version: Option<String>,
    /// First and last year, and whether the actions' dates gave them
    /// (rather than an option or the sheet « Feuille de route »).
    pub periode: (u16, u16, bool),
    /// The co-porteurs' identifiers (structures of the workbook).
    pub co_porteurs: Vec<String>,
}

const A_PRECISER: &str = "# à préciser :";
const HEAD: &str = "# Importé d'un tableur par fdr import ; vérifiez les valeurs « à préciser ».\n";

/// Lines of YAML, with an indentation per level.
#[derive(Default)]
struct Out(String);

impl Out {
    fn put(&mut self, indent: usize, line: &str) {
        self.0.push_str(&" ".repeat(indent));
        self.0.push_str(line);
        self.0.push('\n');
    }

    fn str(&mut self, indent: usize, key: &str, v: Option<&str>) {
        if let Some(v) = v {
            self.put(indent, &format!("{key}: {}", scalar(v)));
        }
    }

    fn money(&mut self, indent: usize, key: &str, v: Option<Money>) {
        if let Some(m) = v {
            self.put(indent, &format!("{key}: {}", money_yaml(m)));
        }
    }
}

fn feuille(id: &Identite, mot: Option<&str>) -> String {
    let mut o = Out(HEAD.to_string());
    o.put(0, "feuille_de_route:");
    match &id.titre {
        Some(t) => o.put(2, &format!("titre: {}", scalar(t))),
        None => o.put(2, "titre: Feuille de route France Numérique Ensemble"),
    }
    o.str(2, "sous_titre", id.sous_titre.as_deref());
    o.str(2, "version", id.version.as_deref());
    o.put(2, "territoire:");
    match &id.territoire {
        Some(t) => o.put(4, &format!("nom: {}", scalar(t))),
        None => o.put(
            4,
            &format!("nom: Territoire à préciser  {A_PRECISER} territoire non donné par le tableur (--territoire)"),
        ),
    }
    if let Some(c) = &id.code {
        o.put(4, &format!("code_departement: {}", quoted(c)));
    }
    match id.perimetre {
        Some(p) => o.put(4, &format!("perimetre: {p}")),
        None => o.put(
            4,
            &format!("perimetre: departemental  {A_PRECISER} périmètre non donné par le tableur"),
        ),
    }
    let (debut, fin, from_sheet) = id.periode;
    let note = if from_sheet {
        "  # déduite des dates du tableur : à vérifier"
    } else {
        ""
    };
    o.put(2, &format!("periode:{note}"));
    o.put(4, &format!("debut: {debut}"));
    o.put(4, &format!("fin: {fin}"));
    match &id.date {
        Some(d) => o.put(2, &format!("date: {}", quoted(d))),
        None => o.put(
            2,
            &format!(
                "date: {debut}  {A_PRECISER} date du document non donnée par le tableur (--date)"
            ),
        ),
    }
    if id.co_porteurs.is_empty() {
        o.put(
            2,
            &format!("co_porteurs: []  {A_PRECISER} co-porteurs non donnés par le tableur"),
        );
    } else {
        o.put(2, "co_porteurs:");
        for c in &id.co_porteurs {
            o.put(4, &format!("- {}", scalar(c)));
        }
    }
    if let Some(m) = mot {
        o.put(2, "vocabulaire:");
        o.put(4, &format!("axe: {m}"));
    }
    o.0
}

fn acteurs(map: &Roadmap) -> String {
    let mut o = Out(HEAD.to_string());
    o.put(0, "acteurs:");
    let mut list: Vec<_> = map.acteurs.acteurs.iter().collect();
    list.sort_by(|a, b| a.id.cmp(&b.id));
    for a in list {
        o.put(2, &format!("- id: {}", a.id));
        o.put(4, &format!("nom: {}", scalar(&a.nom)));
        o.str(4, "sigle", a.sigle.as_deref());
        match &a.categorie {
            Some(c) => o.put(4, &format!("categorie: {c}")),
            None => o.put(
                4,
                &format!("categorie: autre  {A_PRECISER} catégorie non donnée par le tableur"),
            ),
        }
        if let Some(s) = &a.secteur {
            o.put(4, &format!("secteur: {s}"));
        }
    }
    o.0
}

fn axes(map: &Roadmap) -> String {
    let mut o = Out(HEAD.to_string());
    o.put(0, "axes:");
    for (i, a) in map.axes.iter().enumerate() {
        o.put(2, &format!("- id: {}", a.id));
        if let Some(n) = a.numero {
            o.put(4, &format!("numero: {n}"));
        }
        match &a.titre {
            Some(t) => o.put(4, &format!("titre: {}", text(t, 4))),
            None => o.put(
                4,
                &format!(
                    "titre: {}  {A_PRECISER} titre non donné par le tableur",
                    quoted(&format!("Axe {}", a.numero.unwrap_or(i as u32 + 1)))
                ),
            ),
        }
    }
    o.0
}

fn action(a: &Action, lignes: &[&Ligne]) -> String {
    let mut o = Out(HEAD.to_string());
    o.put(0, "actions:");
    o.put(2, &format!("- id: {}", a.id));
    o.put(4, &format!("axe: {}", a.axe));
    o.str(4, "numero", a.numero.as_deref());
    o.put(4, &format!("titre: {}", text(&a.titre, 4)));
    if let Some(d) = &a.description {
        o.put(4, &format!("description: {}", text(d, 4)));
    }
    match &a.statut {
        Some(s) => o.put(4, &format!("statut: {s}")),
        None => o.put(
            4,
            &format!("statut: a_venir  {A_PRECISER} statut non donné par le tableur"),
        ),
    }
    if let Some(p) = &a.priorite {
        o.put(4, &format!("priorite: {p}"));
    }
    if !a.referents.is_empty() {
        o.put(4, "referents:");
        for r in &a.referents {
            o.put(6, &format!("- acteur: {r}"));
        }
    }
    if !a.partenaires.is_empty() {
        o.put(4, "partenaires:");
        for p in &a.partenaires {
            o.put(6, &format!("- {p}"));
        }
    }
    for (key, d) in [("debut", &a.debut), ("fin", &a.fin)] {
        if let Some(d) = d {
            o.put(4, &format!("{key}: {}", quoted(d)));
        }
    }
    o.money(4, "budget", a.budget);
    if !lignes.is_empty() {
        o.put(0, "");
        o.put(0, "financements:");
        o.put(2, "lignes:");
        for l in lignes {
            ligne(&mut o, l);
        }
    }
    o.0
}

fn ligne(o: &mut Out, l: &Ligne) {
    o.put(4, &format!("- action: {}", l.action));
    for (key, v) in [
        ("financeur", &l.financeur),
        ("cercle", &l.cercle),
        ("enveloppe", &l.enveloppe),
    ] {
        if let Some(id) = v {
            o.put(6, &format!("{key}: {id}"));
        }
    }
    o.money(6, "montant", l.montant);
    if let Some(y) = l.annee {
        o.put(6, &format!("annee: {y}"));
    }
    for (key, v) in [("nature", &l.nature), ("statut", &l.statut)] {
        if let Some(v) = v {
            o.put(6, &format!("{key}: {v}"));
        }
    }
    o.money(6, "accorde", l.accorde);
    o.money(6, "verse", l.verse);
    for (key, v) in [("jours", &l.jours), ("etp", &l.etp)] {
        if let Some(v) = v {
            o.put(6, &format!("{key}: {}", quoted(v)));
        }
    }
    o.str(6, "libelle", l.libelle.as_deref());
}

fn groupes(cercles: &[Groupe], enveloppes: &[Groupe]) -> String {
    let mut o = Out(HEAD.to_string());
    o.put(0, "financements:");
    if !cercles.is_empty() {
        o.put(2, "cercles:");
        for c in cercles {
            o.put(4, &format!("- id: {}", c.id));
            o.put(6, &format!("nom: {}", scalar(&c.nom)));
            if c.membres.is_empty() {
                o.put(
                    6,
                    &format!("membres: []  {A_PRECISER} membres non donnés par le tableur"),
                );
            } else {
                o.put(6, "membres:");
                for m in &c.membres {
                    o.put(8, &format!("- acteur: {m}"));
                }
            }
        }
    }
    if !enveloppes.is_empty() {
        o.put(2, "enveloppes:");
        for e in enveloppes {
            o.put(4, &format!("- id: {}", e.id));
            o.put(6, &format!("libelle: {}", scalar(&e.nom)));
        }
    }
    o.0
}

/// `1.2` when the sheet numbers the action so; else its place (axe, rank).
fn file_prefix(a: &Action, map: &Roadmap, rank: usize) -> String {
    let numbered = a.numero.as_deref().filter(|n| {
        n.split('.')
            .all(|p| !p.is_empty() && p.len() <= 4 && p.bytes().all(|b| b.is_ascii_digit()))
    });
    match numbered {
        Some(n) => n.to_string(),
        None => {
            let axe = map.axes.iter().position(|x| x.id == a.axe).unwrap_or(0);
            format!("{}.{rank}", axe + 1)
        }
    }
}

/// Every file of the roadmap: (path in the folder, content).
pub fn files(map: &Roadmap, id: &Identite) -> Vec<(String, String)> {
    let mut out = vec![("feuille-de-route.yaml".to_string(), feuille(id, map.mot))];
    if !map.acteurs.acteurs.is_empty() {
        out.push(("acteurs.yaml".into(), acteurs(map)));
    }
    out.push(("axes.yaml".into(), axes(map)));
    let mut ranks = std::collections::BTreeMap::<&str, usize>::new();
    for a in &map.actions {
        let rank = ranks.entry(a.axe.as_str()).or_insert(0);
        *rank += 1;
        let lignes: Vec<&Ligne> = map.lignes.iter().filter(|l| l.action == a.id).collect();
        let path = format!("actions/{}-{}.yaml", file_prefix(a, map, *rank), a.id);
        out.push((path, action(a, &lignes)));
    }
    if !map.cercles.is_empty() || !map.enveloppes.is_empty() {
        out.push((
            "financements.yaml".into(),
            groupes(&map.cercles, &map.enveloppes),
        ));
    }
    out
}
