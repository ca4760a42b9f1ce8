//! Human means: posts and full-time equivalents per structure.

use super::*;

pub(super) fn build_postes(ctx: &mut Ctx, merged: &Merged, t: &Tables) -> Vec<m::Poste> {
    let mut postes = Vec::new();
    for (file, p) in &merged.postes {
        let file = *file;
        let structure = ctx.resolve(&t.acteurs, file, &p.structure);
        let action = p.action.as_ref().map(|a| ctx.resolve(&t.actions, file, a));
        let etp = p.etp.as_ref().map(|e| ctx.decimal(file, e));
        if let (Some(d), Some(f)) = (&p.debut, &p.fin)
            && !years_in_order(ctx, file, d, f, ("debut", "fin"))
        {
            continue;
        }
        let (Some(structure), None | Some(Some(_)), None | Some(Some(_))) =
            (structure, action, etp)
        else {
            continue;
        };
        postes.push(m::Poste {
            structure,
            role: p.role.value.clone(),
            etp: etp.flatten(),
            nombre: p.nombre.as_ref().map(|n| n.value),
            action: action.flatten(),
            debut: p.debut.as_ref().map(|d| d.value),
            fin: p.fin.as_ref().map(|f| f.value),
        });
    }
    postes
}
