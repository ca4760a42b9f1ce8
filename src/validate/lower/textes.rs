//! Free sections and annexes.

use super::*;

pub fn build_sections(ctx: &mut Ctx, merged: &Merged, t: &mut Tables) -> Vec<m::Section> {
    let mut out = Vec::new();
    for (file, s) in &merged.sections {
        ctx.define(&mut t.sections, *file, &s.id, out.len());
        if let Some(texte) = ctx.text(*file, &s.texte) {
            out.push(m::Section {
                id: s.id.value.clone(),
                titre: s.titre.value.clone(),
                partie: s.partie,
                texte,
            });
        }
    }
    out
}

pub fn build_annexes(ctx: &mut Ctx, merged: &Merged, t: &mut Tables) -> Vec<m::Annexe> {
    let mut out = Vec::new();
    for (file, a) in &merged.annexes {
        ctx.define(&mut t.annexes, *file, &a.id, out.len());
        out.push(m::Annexe {
            id: a.id.value.clone(),
            numero: out.len() as u32 + 1,
            titre: a.titre.value.clone(),
            contenu: a.contenu.value,
            texte: ctx.opt_text(*file, &a.texte),
        });
    }
    out
}
