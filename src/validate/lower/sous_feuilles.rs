//! Sub-roadmaps, lowered: what a sub-roadmap inherits from the roadmap it
//! declines (its annuaire), the departmental axes its axes take up, and
//! the departmental rule of a minimum number of axes taken up.

use super::super::context::Def;
use super::super::split::Declared;
use super::*;
use crate::diagnostic::fr;
use crate::diagnostic::{codes, did_you_mean};

/// What a sub-roadmap sees of the departmental roadmap.
pub struct Parent {
    acteurs: Vec<m::Acteur>,
    acteur_defs: BTreeMap<String, Def>,
    axes: IdTable,
    /// Number and title of each departmental axe, by index.
    titres: Vec<(u32, String)>,
    pub departementale: m::Departementale,
    /// `axes_repris_minimum`, where it is written.
    minimum: Option<(u32, FileId, f::Span)>,
}

/// The departmental roadmap as its sub-roadmaps see it.
pub fn parent(merged: &Merged, t: &Tables, model: &m::Roadmap) -> Parent {
    let minimum = merged.feuille.as_ref().and_then(|(file, fr)| {
        let sf = fr.value.sous_feuilles.as_ref()?;
        let n = sf.value.axes_repris_minimum.as_ref()?;
        Some((n.value, *file, n.span))
    });
    Parent {
        acteurs: model
            .acteurs
            .iter()
            .map(|a| m::Acteur {
                herite: true,
                ..a.clone()
            })
            .collect(),
        acteur_defs: t.acteurs.ids.clone(),
        axes: IdTable {
            kind: t.axes.kind,
            nom: t.axes.nom,
            ids: t.axes.ids.clone(),
        },
        titres: model
            .axes
            .iter()
            .map(|a| (a.numero, a.titre.clone()))
            .collect(),
        departementale: m::Departementale {
            titre: model.feuille.titre.clone(),
            territoire: model.feuille.territoire.clone(),
            mot_axe: model.feuille.mot_axe,
        },
        minimum,
    }
}

/// The annuaire a sub-roadmap starts from: the departmental acteurs, cited
/// by their ids; its own are added after them, and an id it defines again
/// is a duplicate.
pub fn inherit_acteurs(parent: Option<&Parent>, t: &mut Tables) -> Vec<m::Acteur> {
    let Some(p) = parent else {
        return Vec::new();
    };
    t.acteurs.ids = p.acteur_defs.clone();
    p.acteurs.clone()
}

/// Resolve `reprend` of each axe against the departmental axes. In a
/// roadmap that declines none, `reprend` cannot be checked: said once.
pub fn reprend(
    ctx: &mut Ctx,
    merged: &Merged,
    t: &Tables,
    parent: Option<&Parent>,
    axes: &mut [m::Axe],
) {
    for (file, a) in &merged.axes {
        let Some(first) = a.reprend.first() else {
            continue;
        };
        let Some(p) = parent else {
            ctx.push(
                Diagnostic::warning(
                    codes::SOUS_FEUILLE_SANS_DEPARTEMENTALE,
                    "`reprend` ne peut pas être vérifié : cette feuille de route n'est déclarée comme sous-feuille d'aucune autre",
                )
                .at(*file, first.span)
                .label("axe départemental introuvable")
                .help("vérifiez la sous-feuille depuis le dossier de la feuille de route départementale, qui la déclare dans `feuille_de_route.sous_feuilles`"),
            );
            continue;
        };
        let mut repris: Vec<m::AxeRepris> = Vec::new();
        for id in &a.reprend {
            let Some(ix) = resolve_departemental(ctx, p, *file, id) else {
                continue;
            };
            if repris.iter().any(|r| r.ix == ix) {
                continue;
            }
            let (numero, titre) = p.titres.get(ix).cloned().unwrap_or_default();
            repris.push(m::AxeRepris { ix, numero, titre });
        }
        repris.sort_by_key(|r| r.numero);
        if let Some(axe) = t.axes.get(&a.id.value).and_then(|ix| axes.get_mut(ix)) {
            axe.reprend = repris;
        }
    }
}

fn resolve_departemental(
    ctx: &mut Ctx,
    p: &Parent,
    file: FileId,
    id: &Sp<String>,
) -> Option<usize> {
    if let Some(ix) = p.axes.get(&id.value) {
        return Some(ix);
    }
    let mot = p.departementale.mot_axe;
    let nom = fr::Nom::de_mot(mot);
    let help =
        did_you_mean(&id.value, p.axes.ids.keys().map(String::as_str)).unwrap_or_else(|| {
            let ids: Vec<&str> = p.axes.ids.keys().map(String::as_str).collect();
            format!(
                "{} de « {} » : {}",
                mot.pluriel(),
                p.departementale.titre,
                ids.join(", ")
            )
        });
    ctx.push(
        Diagnostic::error(
            codes::SOUS_FEUILLE_AXE_INCONNU,
            format!(
                "« {} » n'est pas {} de la feuille de route départementale",
                id.value,
                nom.un()
            ),
        )
        .at(file, id.span)
        .label(format!(
            "{} {} {}",
            mot.singulier(),
            nom.accorde("départemental", 1),
            nom.accorde("inconnu", 1)
        ))
        .help(help),
    );
    None
}

/// Departmental axes the sub-roadmap takes up, in their order.
pub fn axes_repris(sub: &m::Roadmap) -> Vec<usize> {
    let all: BTreeSet<(u32, usize)> = sub
        .axes
        .iter()
        .flat_map(|a| a.reprend.iter().map(|r| (r.numero, r.ix)))
        .collect();
    all.into_iter().map(|(_, ix)| ix).collect()
}

/// The departmental rule: each sub-roadmap takes up at least N axes. A
/// warning, not an error: a sub-roadmap being drafted with its EPCI still
/// builds, the coverage matrix shows the gap, and `--deny-warnings` makes
/// the rule binding in CI.
pub fn check_minimum(
    ctx: &mut Ctx,
    parent: &Parent,
    decl: &Declared,
    feuille_at: Option<(FileId, f::Span)>,
    repris: usize,
) {
    let Some((min, mfile, mspan)) = parent.minimum else {
        return;
    };
    if repris >= min as usize {
        return;
    }
    let mot = parent.departementale.mot_axe;
    let (file, span) = feuille_at.unwrap_or((decl.file, decl.id.span));
    let nombre = |n: usize| {
        format!(
            "{n} {}",
            if n > 1 {
                mot.pluriel()
            } else {
                mot.singulier()
            }
        )
    };
    ctx.push(
        Diagnostic::warning(
            codes::SOUS_FEUILLE_AXES_INSUFFISANTS,
            format!(
                "la sous-feuille « {} » reprend {} de la feuille de route départementale, au moins {} {}",
                decl.id.value,
                nombre(repris),
                nombre(min as usize),
                fr::Nom::de_mot(mot).accorde("demandé", min as usize)
            ),
        )
        .at(file, span)
        .label(format!("{} repris", nombre(repris)))
        .related(mfile, mspan, "règle de la feuille de route départementale")
        .help(format!(
            "indiquez dans `reprend` de ses axes les {} départementaux qu'ils déclinent",
            mot.pluriel()
        )),
    );
}
