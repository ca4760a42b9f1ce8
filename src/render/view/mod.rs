//! The view model: everything templates need, already computed and
//! formatted in French, serialisable, separate from the domain model.

mod annexes;
mod axes;
mod gouvernance;
pub use axes::{JalonV, jalon};
mod chronogramme;
mod etat;
mod financement;
mod fonds;
pub mod indicateurs;
mod ligne;
mod methodologie;
mod parts;
mod sous_feuilles;

use super::fmt;
use super::labels::Labels;
use super::markdown::{self, RefMap, RefTarget, Texte, github_slug};
use crate::compute::Computed;
use crate::model::Roadmap;
use serde::Serialize;
use std::collections::BTreeSet;

pub use annexes::*;
pub use axes::*;
pub use chronogramme::*;
pub use etat::*;
pub use financement::*;
pub use fonds::FondsV;
pub use gouvernance::*;
pub use indicateurs::*;
pub use methodologie::*;
pub use parts::*;
pub use sous_feuilles::*;

/// A heading of the document and its anchors.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct Heading {
    /// "4", "Axe 1", "Action 1.2", "Annexe 3".
    pub numero: String,
    pub titre: String,
    /// Full heading text, as printed.
    pub texte: String,
    /// Anchor in HTML and PDF.
    pub ancre: String,
    /// GitHub slug of `texte`, for the Markdown file.
    pub ancre_md: String,
}

#[derive(Debug, Serialize, schemars::JsonSchema)]
pub struct EntreeSommaire {
    pub h: Heading,
    pub enfants: Vec<EntreeSommaire>,
}

/// The whole document, in reading order.
#[derive(Debug, Serialize, schemars::JsonSchema)]
pub struct View {
    /// Version of this view's shape (`schemas/vue.schema.json`): a template
    /// written for one version can check it.
    pub version_vue: u32,
    pub l: &'static Labels,
    pub couverture: Couverture,
    pub sommaire: Vec<EntreeSommaire>,
    pub introduction: Partie,
    pub methodologie: Methodologie,
    pub etat: EtatDesLieux,
    pub axes: AxesPartie,
    pub conclusion: Partie,
    pub annexes: AnnexesPartie,
}

/// Version of the view's shape, raised when a field changes or goes.
pub const VIEW_VERSION: u32 = 1;

/// The JSON Schema of the view every template receives (the JSON the typst
/// template reads, the context of the minijinja templates).
pub fn view_schema_text() -> String {
    let settings = schemars::generate::SchemaSettings::draft2020_12();
    let mut schema = settings.into_generator().into_root_schema_for::<View>();
    schema.insert(
        "title".into(),
        format!("Vue du document fdr, version {VIEW_VERSION}").into(),
    );
    let mut s = serde_json::to_string_pretty(&schema).unwrap_or_default();
    s.push('\n');
    s
}

/// Hands out anchors and GitHub slugs, unique across the document.
#[derive(Default)]
pub struct Anchors {
    md: BTreeSet<String>,
}

impl Anchors {
    pub fn heading(&mut self, numero: &str, titre: &str, texte: String, ancre: String) -> Heading {
        let base = github_slug(&texte);
        let mut slug = base.clone();
        let mut n = 1;
        while !self.md.insert(slug.clone()) {
            slug = format!("{base}-{n}");
            n += 1;
        }
        Heading {
            numero: numero.to_string(),
            titre: titre.to_string(),
            texte,
            ancre,
            ancre_md: slug,
        }
    }
}

/// Context shared by the builders of each part.
pub struct Ctx<'a> {
    pub m: &'a Roadmap,
    pub c: &'a Computed,
    pub refs: RefMap,
    /// Indexes of `m.lignes` per action, in source order.
    pub lignes_par_action: Vec<Vec<usize>>,
    /// Indexes of `m.taches` per action, in source order.
    pub taches_par_action: Vec<Vec<usize>>,
    /// Indexes of `m.jalons` per axe, in source order (the roadmap's own
    /// jalons, without axe, are shown apart).
    pub jalons_par_axe: Vec<Vec<usize>>,
}

/// Indexes of `items` grouped by `key` (0..n), each group in source order:
/// built once, so a per-action lookup is not a scan of every line.
fn group<T>(n: usize, items: &[T], key: impl Fn(&T) -> Option<usize>) -> Vec<Vec<usize>> {
    let mut groups = vec![Vec::new(); n];
    for (i, item) in items.iter().enumerate() {
        if let Some(g) = key(item).and_then(|k| groups.get_mut(k)) {
            g.push(i);
        }
    }
    groups
}

impl Ctx<'_> {
    /// Render a Markdown text; `top` = level of its highest heading.
    pub fn text(&self, src: &Option<String>, top: u8) -> Option<Texte> {
        src.as_ref().map(|s| markdown::render(s, &self.refs, top))
    }

    pub fn acteur_nom(&self, ix: usize) -> String {
        self.m.acteurs[ix].nom.clone()
    }
}

/// Pre-compute the headings of axes, actions, annexes and sections so that
/// texts can cross-reference them before the parts are built.
pub struct Headings {
    pub parts: [Heading; 6],
    /// Whether each part has anything to show.
    pub present: [bool; 6],
    pub axes: Vec<Heading>,
    pub actions: Vec<Heading>,
    pub annexes: Vec<Heading>,
    pub sections: Vec<Heading>,
    /// The roadmap's own indicators, in the axes part.
    pub evaluation: Heading,
}

/// Which of the six parts have something to show: a text, a free
/// section, or data of their own (meetings, participants, territory,
/// annexes). The axes are always shown.
fn present_parts(m: &Roadmap) -> [bool; 6] {
    use crate::model::Partie as P;
    let sections = |p: P| m.sections.iter().any(|s| s.partie == p);
    let f = &m.feuille;
    let c = &m.concertation;
    let t = &m.territoire;
    let meetings = !c.reunions.is_empty()
        || m.gouvernance
            .instances
            .iter()
            .any(|i| !i.reunions.is_empty());
    [
        f.introduction.is_some() || sections(P::Introduction),
        f.methodologie.is_some()
            || sections(P::Methodologie)
            || meetings
            || !c.participants.is_empty()
            || c.personnes.is_some()
            || c.acteurs_informes.is_some(),
        f.etat_des_lieux.is_some()
            || sections(P::EtatDesLieux)
            || t.populations.is_some()
            || !t.chiffres_cles.is_empty()
            || !t.taux.is_empty()
            || t.communes.is_some()
            || !t.tableaux.is_empty(),
        true,
        f.conclusion.is_some() || sections(P::Conclusion),
        !m.annexes.is_empty(),
    ]
}

/// « Axe 1 — Titre », anchored.
fn numbered(a: &mut Anchors, label: &str, numero: &str, titre: &str, ancre: String) -> Heading {
    let numero = format!("{label} {numero}");
    a.heading(&numero, titre, format!("{numero} — {titre}"), ancre)
}

pub(crate) fn headings(m: &Roadmap) -> Headings {
    let mut a = Anchors::default();
    let l = crate::render::labels::pour(m.feuille.mot_axe);
    // Parts with nothing to show are left out, and the others numbered on.
    let present = present_parts(m);
    let mut n = 0u32;
    let mut part = |a: &mut Anchors, k: usize, titre: &str, ancre: &str| {
        if present[k] {
            n += 1;
        }
        a.heading(
            &n.to_string(),
            titre,
            format!("{n}. {titre}"),
            ancre.to_string(),
        )
    };
    let parts = [
        part(&mut a, 0, l.introduction, "introduction"),
        part(&mut a, 1, l.methodologie, "methodologie"),
        part(&mut a, 2, l.etat_des_lieux, "etat-des-lieux"),
        part(&mut a, 3, l.axes, "axes"),
        part(&mut a, 4, l.conclusion, "conclusion"),
        part(&mut a, 5, l.annexes, "annexes"),
    ];
    let axes = m
        .axes
        .iter()
        .map(|x| {
            numbered(
                &mut a,
                l.axe,
                &x.numero.to_string(),
                &x.titre,
                format!("axe-{}", x.numero),
            )
        })
        .collect();
    let actions = m
        .actions
        .iter()
        .map(|x| {
            let ancre = format!("action-{}", x.numero.replace('.', "-"));
            numbered(&mut a, l.action, &x.numero, &x.titre, ancre)
        })
        .collect();
    let annexes = m
        .annexes
        .iter()
        .map(|x| {
            numbered(
                &mut a,
                l.annexe,
                &x.numero.to_string(),
                &x.titre,
                format!("annexe-{}", x.numero),
            )
        })
        .collect();
    let sections = m
        .sections
        .iter()
        .map(|s| a.heading("", &s.titre, s.titre.clone(), format!("section-{}", s.id)))
        .collect();
    let evaluation = a.heading(
        "",
        l.evaluation,
        l.evaluation.to_string(),
        "evaluation".into(),
    );
    Headings {
        evaluation,
        present,
        parts,
        axes,
        actions,
        annexes,
        sections,
    }
}

pub(crate) fn ref_map(m: &Roadmap, h: &Headings) -> RefMap {
    let mut refs = RefMap::new();
    let mut add = |kind: &str, id: &str, label: String, hd: &Heading| {
        refs.insert(
            (kind.to_string(), id.to_string()),
            RefTarget {
                label,
                anchor: hd.ancre.clone(),
                anchor_md: hd.ancre_md.clone(),
            },
        );
    };
    for (x, hd) in m.axes.iter().zip(&h.axes) {
        add(
            "axe",
            &x.id,
            format!(
                "{} {} « {} »",
                m.feuille.mot_axe.singulier(),
                x.numero,
                x.titre
            ),
            hd,
        );
    }
    for (x, hd) in m.actions.iter().zip(&h.actions) {
        add(
            "action",
            &x.id,
            format!("action {} « {} »", x.numero, x.titre),
            hd,
        );
    }
    for (x, hd) in m.annexes.iter().zip(&h.annexes) {
        add(
            "annexe",
            &x.id,
            format!("annexe {} « {} »", x.numero, x.titre),
            hd,
        );
    }
    for (x, hd) in m.sections.iter().zip(&h.sections) {
        add("section", &x.id, format!("« {} »", x.titre), hd);
    }
    refs
}

/// Build the view of a checked roadmap.
pub fn build(m: &Roadmap, c: &Computed) -> View {
    let h = headings(m);
    let ctx = Ctx {
        m,
        c,
        refs: ref_map(m, &h),
        lignes_par_action: group(m.actions.len(), &m.lignes, |l| Some(l.action)),
        taches_par_action: group(m.actions.len(), &m.taches, |t| Some(t.action)),
        jalons_par_axe: group(m.axes.len(), &m.jalons, |j| j.axe),
    };
    let introduction = parts::partie(
        &ctx,
        &h,
        0,
        &m.feuille.introduction,
        crate::model::Partie::Introduction,
    );
    let methodologie = methodologie::methodologie(&ctx, &h);
    let etat = etat::etat(&ctx, &h);
    let axes = axes::axes(&ctx, &h);
    let conclusion = parts::partie(
        &ctx,
        &h,
        4,
        &m.feuille.conclusion,
        crate::model::Partie::Conclusion,
    );
    let annexes = annexes::annexes(&ctx, &h);
    let sommaire = sommaire(&h, &introduction, &methodologie, &etat, &axes, &conclusion);
    View {
        version_vue: VIEW_VERSION,
        l: crate::render::labels::pour(m.feuille.mot_axe),
        couverture: couverture(&ctx),
        sommaire,
        introduction,
        methodologie,
        etat,
        axes,
        conclusion,
        annexes,
    }
}

fn sommaire(
    h: &Headings,
    intro: &Partie,
    methodo: &Methodologie,
    etat: &EtatDesLieux,
    axes: &AxesPartie,
    concl: &Partie,
) -> Vec<EntreeSommaire> {
    let leaf = |h: &Heading| EntreeSommaire {
        h: h.clone(),
        enfants: Vec::new(),
    };
    let with_sections = |p: &Heading, sections: &[SectionV]| EntreeSommaire {
        h: p.clone(),
        enfants: sections.iter().map(|s| leaf(&s.h)).collect(),
    };
    let all = [
        with_sections(&h.parts[0], &intro.sections),
        with_sections(&h.parts[1], &methodo.partie.sections),
        with_sections(&h.parts[2], &etat.partie.sections),
        EntreeSommaire {
            h: h.parts[3].clone(),
            enfants: axes
                .evaluation
                .iter()
                .map(|e| leaf(&e.h))
                .chain(axes.axes.iter().map(|a| EntreeSommaire {
                    h: a.h.clone(),
                    enfants: a.actions.iter().map(|x| leaf(&x.h)).collect(),
                }))
                .collect(),
        },
        with_sections(&h.parts[4], &concl.sections),
        EntreeSommaire {
            h: h.parts[5].clone(),
            enfants: h.annexes.iter().map(leaf).collect(),
        },
    ];
    all.into_iter()
        .zip(h.present)
        .filter_map(|(e, p)| p.then_some(e))
        .collect()
}

#[derive(Debug, Serialize, schemars::JsonSchema)]
pub struct Couverture {
    pub titre: String,
    pub sous_titre: Option<String>,
    pub territoire: String,
    pub code_departement: Option<String>,
    pub periode: String,
    /// « départemental », « régional »…
    pub perimetre: &'static str,
    pub version: Option<String>,
    pub date: String,
    pub co_porteurs: Vec<String>,
    /// "A et B".
    pub co_porteurs_texte: String,
    pub nb_axes: String,
    pub nb_actions: String,
    /// Total of the financing lines; absent when the sources give none
    /// (« 0 € » would print as a fact what nobody said).
    pub budget_total: Option<String>,
    /// In kind valued in euros, never added to `budget_total`.
    pub valorisations: Option<String>,
    /// EPCI, communes and inhabitants of the perimeter, when given.
    pub perimetre_detail: Option<String>,
    /// For a sub-roadmap: the departmental roadmap it declines.
    pub departementale: Option<String>,
}

pub use crate::render::fmt::join_fr;

fn couverture(ctx: &Ctx) -> Couverture {
    let f = &ctx.m.feuille;
    let co: Vec<String> = f.co_porteurs.iter().map(|i| ctx.acteur_nom(*i)).collect();
    Couverture {
        titre: f.titre.clone(),
        sous_titre: f.sous_titre.clone(),
        territoire: f.territoire.clone(),
        code_departement: f.code_departement.clone(),
        periode: format!("{}–{}", f.debut, f.fin),
        perimetre: super::labels::perimetre(f.perimetre),
        version: f.version.clone(),
        date: fmt::date(f.date),
        co_porteurs_texte: join_fr(&co),
        co_porteurs: co,
        nb_axes: fmt::count(
            ctx.m.axes.len(),
            ctx.m.feuille.mot_axe.singulier(),
            ctx.m.feuille.mot_axe.pluriel(),
        ),
        nb_actions: fmt::count(ctx.m.actions.len(), "action", "actions"),
        budget_total: (ctx.c.argent.total > crate::model::Money(0))
            .then(|| fmt::money(ctx.c.argent.total)),
        valorisations: (ctx.c.argent.total_nature > crate::model::Money(0))
            .then(|| fmt::money(ctx.c.argent.total_nature)),
        perimetre_detail: sous_feuilles::perimetre_detail(ctx.m, ctx.c),
        departementale: sous_feuilles::departementale(ctx.m),
    }
}

#[cfg(test)]
mod tests {
    use super::group;

    #[test]
    fn group_keeps_source_order_and_drops_keys_out_of_range() {
        let items = [(1, 'a'), (0, 'b'), (1, 'c'), (7, 'd'), (0, 'e')];
        let g = group(2, &items, |&(k, _)| Some(k));
        assert_eq!(g, vec![vec![1, 4], vec![0, 2]]);
        let none = group(2, &items, |_| None);
        assert_eq!(none, vec![Vec::<usize>::new(), Vec::new()]);
    }
}
