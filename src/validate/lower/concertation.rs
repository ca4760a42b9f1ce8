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
    m::Concertation {
        reunions,
        participants: resolve_list(ctx, &t.acteurs, file, &c.participants),
        personnes: c.personnes.as_ref().map(|p| p.value),
        acteurs_informes: c.acteurs_informes.as_ref().map(|p| p.value),
    }
}
