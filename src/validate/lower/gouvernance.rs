//! Governance: members, roles and instances.

use super::*;

pub fn build_gouvernance(ctx: &mut Ctx, merged: &Merged, t: &mut Tables) -> m::Gouvernance {
    let Some((file, g)) = &merged.gouvernance else {
        return m::Gouvernance::default();
    };
    let file = *file;
    let membres = g
        .membres
        .iter()
        .filter_map(|mb| {
            let acteur = ctx.resolve(&t.acteurs, file, &mb.acteur)?;
            let mut roles: Vec<m::Role> = mb.roles.iter().map(|r| r.value).collect();
            roles.sort();
            roles.dedup();
            Some(m::Membre { acteur, roles })
        })
        .collect();
    let mut instances = Vec::new();
    for i in &g.instances {
        ctx.define(&mut t.instances, file, &i.id, instances.len());
        let membres = resolve_list(ctx, &t.acteurs, file, &i.membres);
        let mut reunions: Vec<m::ReunionInstance> = i
            .reunions
            .iter()
            .filter_map(|r| {
                Some(m::ReunionInstance {
                    date: ctx.date(file, &r.date)?,
                    objet: r.objet.as_ref().map(|o| o.value.clone()),
                    lieu: r.lieu.as_ref().map(|o| o.value.clone()),
                })
            })
            .collect();
        reunions.sort_by_key(|r| r.date.start());
        instances.push(m::Instance {
            id: i.id.value.clone(),
            nom: i.nom.value.clone(),
            sigle: i.sigle.as_ref().map(|s| s.value.clone()),
            genre: i.genre.value,
            frequence: i.frequence.as_ref().map(|f| f.value),
            reunions_par_an: par_an(ctx, file, &i.reunions_par_an),
            statut: i.statut.as_ref().map(|s| s.value),
            reservee_aux_financeurs: i.reservee_aux_financeurs.as_ref().is_some_and(|r| r.value),
            colleges: i
                .colleges
                .iter()
                .map(|c| m::College {
                    nom: c.nom.value.clone(),
                    sieges: c.sieges.as_ref().map(|s| s.value),
                    membres: resolve_list(ctx, &t.acteurs, file, &c.membres),
                    note: c.note.as_ref().map(|n| n.value.clone()),
                })
                .collect(),
            role: i.role.as_ref().map(|s| s.value.clone()),
            membres,
            reunions,
        });
    }
    m::Gouvernance { membres, instances }
}

/// « 2 à 3 par an »: a range must go up.
fn par_an(
    ctx: &mut Ctx,
    file: FileId,
    p: &Option<Sp<f::ReunionsParAn>>,
) -> Option<(u32, Option<u32>)> {
    let p = p.as_ref()?;
    let (de, a) = (&p.value.de, &p.value.a);
    if let Some(a) = a
        && a.value < de.value
    {
        ctx.push(
            Diagnostic::error(
                crate::diagnostic::codes::NOMBRE_INVALIDE,
                format!(
                    "fourchette de réunions inversée : de {} à {}",
                    de.value, a.value
                ),
            )
            .at(file, a.span)
            .label("maximum inférieur au minimum")
            .help(
                "écrivez `{ de: MIN, a: MAX }` avec MIN ≤ MAX, ou `{ de: N }` pour un nombre exact",
            ),
        );
        return None;
    }
    Some((
        de.value,
        a.as_ref().map(|a| a.value).filter(|a| *a != de.value),
    ))
}
