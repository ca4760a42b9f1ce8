//! The concertation: meetings and participants.

use super::*;

pub fn build_concertation(ctx: &mut Ctx, merged: &Merged, t: &mut Tables) -> m::Concertation {
    let Some((file, c)) = &merged.concertation else {
        return m::Concertation::default();
    };
    let file = *file;
    // A meeting's id is checked (form, duplicates) like every other.
    for (ix, r) in c.reunions.iter().enumerate() {
        if let Some(id) = &r.id {
            ctx.define(&mut t.reunions, file, id, ix);
        }
    }
    let mut reunions: Vec<m::Reunion> = c
        .reunions
        .iter()
        .filter_map(|r| {
            let participants = resolve_list(ctx, &t.acteurs, file, &r.participants);
            Some(m::Reunion {
                id: r.id.as_ref().map(|i| i.value.clone()),
                date: ctx.date(file, &r.date)?,
                genre: r.genre.value,
                lieu: r.lieu.as_ref().map(|l| l.value.clone()),
                objet: r.objet.value.clone(),
                participants,
            })
        })
        .collect();
    reunions.sort_by_key(|r| r.date.start());
    let participants = resolve_list(ctx, &t.acteurs, file, &c.participants);
    let effectifs = effectifs(ctx, file, c);
    m::Concertation {
        reunions,
        participants,
        personnes: c.personnes.as_ref().map(|p| p.value),
        personnes_precision: c.personnes_precision.as_ref().map(|p| p.value),
        effectifs,
        acteurs_informes: c.acteurs_informes.as_ref().map(|p| p.value),
    }
}

/// Counts by category or label; each needs one of the two.
fn effectifs(ctx: &mut Ctx, file: FileId, c: &f::Concertation) -> Vec<m::Effectif> {
    let mut out = Vec::new();
    for e in &c.effectifs {
        if e.categorie.is_some() == e.libelle.is_some() {
            ctx.push(
                Diagnostic::error(
                    crate::diagnostic::codes::CONCERTATION_EFFECTIF_AMBIGU,
                    "un effectif compte une catégorie ou un libellé, un seul des deux",
                )
                .at(file, e.nombre.span)
                .label("que compte ce nombre ?")
                .help("écrivez `categorie: collectivite` (une catégorie d'acteurs) ou `libelle: structures`"),
            );
            continue;
        }
        out.push(m::Effectif {
            categorie: e.categorie.as_ref().map(|c| c.value),
            libelle: e.libelle.as_ref().map(|l| l.value.clone()),
            nombre: e.nombre.value,
            precision: e.precision.as_ref().map(|p| p.value),
        });
    }
    out
}
