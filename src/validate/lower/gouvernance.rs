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
            frequence: i.frequence.value,
            role: i.role.as_ref().map(|s| s.value.clone()),
            membres,
            reunions,
        });
    }
    m::Gouvernance { membres, instances }
}
