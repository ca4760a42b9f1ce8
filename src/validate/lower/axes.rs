//! Axes and their numbers (written, implied by their actions, or free).

use super::*;

/// The number each axe's numbered actions agree on ("2.1", "2.3" → 2),
/// by axe id: an axe without `numero` keeps it, so that adding an axe in a
/// file that sorts first renumbers nothing.
pub(super) fn numbers_from_actions(merged: &Merged) -> BTreeMap<&str, Option<u32>> {
    let mut by_axe: BTreeMap<&str, Option<u32>> = BTreeMap::new();
    for (_, a) in &merged.actions {
        let Some((n, _)) = a.numero.as_ref().and_then(|n| parse_numero(&n.value)) else {
            continue;
        };
        by_axe
            .entry(a.axe.value.as_str())
            .and_modify(|seen| {
                if *seen != Some(n) {
                    *seen = None;
                }
            })
            .or_insert(Some(n));
    }
    by_axe
}

pub fn build_axes(ctx: &mut Ctx, merged: &Merged, t: &mut Tables) -> Vec<m::Axe> {
    let implied = numbers_from_actions(merged);
    // Written numbers first, then those the actions imply, then the free
    // ones in list order.
    let mut given: Vec<Option<u32>> = merged
        .axes
        .iter()
        .map(|(_, a)| {
            a.numero
                .as_ref()
                .map(|n| n.value)
                .or_else(|| implied.get(a.id.value.as_str()).copied().flatten())
        })
        .collect();
    let taken: BTreeSet<u32> = given.iter().flatten().copied().collect();
    let mut free = (1u32..).filter(|n| !taken.contains(n));
    for g in given.iter_mut().filter(|g| g.is_none()) {
        *g = free.next();
    }
    // Implied numbers serve only when they make a clean 1..=n; otherwise
    // the list order numbers the axes and each misnumbered action says so.
    let mut all: Vec<u32> = given.iter().flatten().copied().collect();
    all.sort_unstable();
    if !all.iter().enumerate().all(|(i, n)| *n as usize == i + 1) {
        given = merged
            .axes
            .iter()
            .map(|(_, a)| a.numero.as_ref().map(|n| n.value))
            .collect();
        let taken: BTreeSet<u32> = given.iter().flatten().copied().collect();
        let mut free = (1u32..).filter(|n| !taken.contains(n));
        for g in given.iter_mut().filter(|g| g.is_none()) {
            *g = free.next();
        }
    }
    let mut numbered: Vec<(u32, usize)> = Vec::new();
    let mut seq = Vec::new();
    for (pos, ((file, a), n)) in merged.axes.iter().zip(&given).enumerate() {
        let n = n.unwrap_or(pos as u32 + 1);
        let span = a.numero.as_ref().map_or(a.id.span, |n| n.span);
        seq.push((n, *file, span));
        numbered.push((n, pos));
    }
    check_sequence(ctx, "axe", "", &seq);
    numbered.sort();
    let mut out = Vec::new();
    for (n, pos) in numbered {
        let (file, a) = &merged.axes[pos];
        ctx.define(&mut t.axes, *file, &a.id, out.len());
        let enjeux = ctx.opt_text(*file, &a.enjeux);
        out.push(m::Axe {
            id: a.id.value.clone(),
            numero: n,
            titre: a.titre.value.clone(),
            enjeux,
            vigilance: a.vigilance.iter().map(|v| v.value.clone()).collect(),
            reprend: Vec::new(),
            actions: Vec::new(),
        });
    }
    out
}
