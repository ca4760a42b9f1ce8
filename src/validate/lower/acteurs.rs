//! The annuaire: acteurs, their categories and contacts.

use super::*;

/// `out`: the acteurs inherited from a departmental roadmap, already in
/// `t.acteurs`.
pub fn build_acteurs(
    ctx: &mut Ctx,
    merged: &Merged,
    t: &mut Tables,
    mut out: Vec<m::Acteur>,
) -> Vec<m::Acteur> {
    for (file, a) in &merged.acteurs {
        ctx.define(&mut t.acteurs, *file, &a.id, out.len());
        let contact = a.contact.as_ref();
        if let Some(e) = contact.and_then(|c| c.email.as_ref()) {
            ctx.email(*file, e);
        }
        out.push(m::Acteur {
            id: a.id.value.clone(),
            nom: a.nom.value.clone(),
            sigle: a.sigle.as_ref().map(|s| s.value.clone()),
            categorie: a.categorie.value,
            secteur: a
                .secteur
                .as_ref()
                .map(|s| s.value)
                .or(a.categorie.value.secteur()),
            commune: a.commune.as_ref().map(|s| s.value.clone()),
            email: contact
                .and_then(|c| c.email.as_ref())
                .map(|s| s.value.trim().to_string()),
            site: contact
                .and_then(|c| c.site.as_ref())
                .map(|s| s.value.clone()),
            herite: false,
        });
    }
    out
}
