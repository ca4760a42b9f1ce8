//! Merge the fragments of a folder: lists concatenate in file order, a
//! singleton defined in two files is reported with both places.

use super::context::Ctx;
use crate::diagnostic::{Diagnostic, FileId};
use crate::format::{self as f, Fragment, Sp};

/// Items of every fragment, each with the file it came from.
#[derive(Default)]
pub struct Merged {
    pub feuille: Option<(FileId, Sp<f::FeuilleDeRoute>)>,
    pub gouvernance: Option<(FileId, Sp<f::Gouvernance>)>,
    pub territoire: Option<(FileId, Sp<f::Territoire>)>,
    pub concertation: Option<(FileId, Sp<f::Concertation>)>,
    pub acteurs: Vec<(FileId, f::Acteur)>,
    pub axes: Vec<(FileId, f::Axe)>,
    pub actions: Vec<(FileId, f::Action)>,
    pub enveloppes: Vec<(FileId, f::Enveloppe)>,
    pub lignes: Vec<(FileId, f::LigneFinancement)>,
    pub fonds: Vec<(FileId, f::Fonds)>,
    pub cercles: Vec<(FileId, f::Cercle)>,
    pub postes: Vec<(FileId, f::Poste)>,
    pub jalons: Vec<(FileId, f::Jalon)>,
    pub taches: Vec<(FileId, f::Tache)>,
    pub indicateurs: Vec<(FileId, f::Indicateur)>,
    pub sections: Vec<(FileId, f::Section)>,
    pub annexes: Vec<(FileId, f::Annexe)>,
}

fn singleton<T>(
    ctx: &mut Ctx,
    slot: &mut Option<(FileId, Sp<T>)>,
    name: &str,
    file: FileId,
    value: Option<Sp<T>>,
) {
    let Some(v) = value else { return };
    match slot {
        Some((first_file, first)) => {
            let (ff, fs) = (*first_file, first.span);
            ctx.push(
                Diagnostic::error(
                    crate::diagnostic::codes::FRAGMENT_DOUBLON,
                    format!("la rubrique « {name} » est définie deux fois"),
                )
                .at(file, v.span)
                .label("deuxième définition")
                .related(ff, fs, "première définition")
                .help(if name == "feuille_de_route" {
                    "« feuille_de_route » ne peut apparaître que dans un seul fichier : fusionnez les deux, ou, pour une feuille de route infra-départementale, déclarez son dossier dans `feuille_de_route.sous_feuilles`".to_string()
                } else {
                    format!("« {name} » ne peut apparaître que dans un seul fichier : fusionnez les deux")
                }),
            );
        }
        None => *slot = Some((file, v)),
    }
}

fn tag<T>(file: FileId, items: Vec<T>) -> impl Iterator<Item = (FileId, T)> {
    items.into_iter().map(move |x| (file, x))
}

pub fn merge(ctx: &mut Ctx, fragments: Vec<(FileId, Fragment)>) -> Merged {
    let mut m = Merged::default();
    for (file, fr) in fragments {
        singleton(
            ctx,
            &mut m.feuille,
            "feuille_de_route",
            file,
            fr.feuille_de_route,
        );
        singleton(ctx, &mut m.gouvernance, "gouvernance", file, fr.gouvernance);
        singleton(ctx, &mut m.territoire, "territoire", file, fr.territoire);
        singleton(
            ctx,
            &mut m.concertation,
            "concertation",
            file,
            fr.concertation,
        );
        m.acteurs.extend(tag(file, fr.acteurs));
        m.axes.extend(tag(file, fr.axes));
        m.actions.extend(tag(file, fr.actions));
        if let Some(fin) = fr.financements {
            m.enveloppes.extend(tag(file, fin.enveloppes));
            m.lignes.extend(tag(file, fin.lignes));
            m.fonds.extend(tag(file, fin.fonds));
            m.cercles.extend(tag(file, fin.cercles));
            m.postes.extend(tag(file, fin.postes));
        }
        if let Some(cal) = fr.calendrier {
            m.jalons.extend(tag(file, cal.jalons));
            m.taches.extend(tag(file, cal.taches));
        }
        if let Some(ev) = fr.evaluation {
            m.indicateurs.extend(tag(file, ev.indicateurs));
        }
        m.sections.extend(tag(file, fr.sections));
        m.annexes.extend(tag(file, fr.annexes));
    }
    m
}
