//! Actions: their axe and number, référents, partners, dates, indicators,
//! follow-up.

use super::*;

/// Highest number of an action within its axe (N.9999): the numbering
/// that follows it stays far from the end of `u32`.
pub(super) const MAX_NUMERO: u32 = 9999;

/// "N.M" whose parts are digits but M is out of 1..=[`MAX_NUMERO`].
pub(super) fn out_of_range(s: &str) -> bool {
    let digits = |p: &str| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit());
    s.trim()
        .split_once('.')
        .is_some_and(|(a, b)| digits(a) && digits(b))
}

/// Parse "N.M" into (N, M), M in 1..=[`MAX_NUMERO`].
pub(super) fn parse_numero(s: &str) -> Option<(u32, u32)> {
    let (a, b) = s.trim().split_once('.')?;
    let (n, m): (u32, u32) = (a.parse().ok()?, b.parse().ok()?);
    (1..=MAX_NUMERO).contains(&m).then_some((n, m))
}

pub fn build_actions(
    ctx: &mut Ctx,
    merged: &Merged,
    t: &mut Tables,
    axes: &mut [m::Axe],
) -> Vec<m::Action> {
    // First pass: which axe, which number.
    let mut placed: Vec<(usize, u32, usize)> = Vec::new(); // (axe ix, M, merged pos)
    let mut per_axe: BTreeMap<usize, Vec<(u32, FileId, f::Span)>> = BTreeMap::new();
    let mut next_free: BTreeMap<usize, u32> = BTreeMap::new();
    let mot = super::mot_axe(merged);
    for (pos, (file, a)) in merged.actions.iter().enumerate() {
        let Some(axe) = ctx.resolve(&t.axes, *file, &a.axe) else {
            continue;
        };
        let axe_n = axes[axe].numero;
        let m_n = match &a.numero {
            Some(num) => match parse_numero(&num.value) {
                Some((n, mm)) if n == axe_n => mm,
                Some((n, mm)) => {
                    ctx.push(hors_axe(mot, *file, num, a.axe.span, (n, mm), axe_n));
                    continue;
                }
                None => {
                    ctx.push(
                        Diagnostic::error(
                            crate::diagnostic::codes::NUMERO_INVALIDE,
                            format!("numéro d'action « {} » invalide", num.value),
                        )
                        .at(*file, num.span)
                        .label("numéro invalide")
                        .help(if out_of_range(&num.value) {
                            format!("un numéro d'action va de {axe_n}.1 à {axe_n}.{MAX_NUMERO}")
                        } else {
                            format!("un numéro d'action s'écrit « {axe_n}.1 », « {axe_n}.2 »…")
                        }),
                    );
                    continue;
                }
            },
            None => 0,
        };
        if m_n > 0 {
            let span = a.numero.as_ref().map_or(a.id.span, |n| n.span);
            per_axe.entry(axe).or_default().push((m_n, *file, span));
            let nf = next_free.entry(axe).or_insert(1);
            *nf = (*nf).max(m_n + 1);
        }
        placed.push((axe, m_n, pos));
    }
    for (axe, seq) in &per_axe {
        let prefix = format!("{}.", axes[*axe].numero);
        check_sequence(ctx, "action", &prefix, seq);
    }
    // Actions without a number take the next free ones, in list order.
    for p in placed.iter_mut().filter(|p| p.1 == 0) {
        let nf = next_free.entry(p.0).or_insert(1);
        p.1 = *nf;
        *nf += 1;
    }
    placed.sort_by_key(|p| (axes[p.0].numero, p.1, p.2));
    let mut out: Vec<m::Action> = Vec::new();
    for (axe, m_n, pos) in &placed {
        let (file, a) = &merged.actions[*pos];
        let file = *file;
        let ix = out.len();
        ctx.define(&mut t.actions, file, &a.id, ix);
        axes[*axe].actions.push(ix);
        out.push(lower_action(
            ctx,
            t,
            file,
            a,
            *axe,
            format!("{}.{}", axes[*axe].numero, m_n),
        ));
    }
    copy_partners(ctx, merged, t, &placed, &mut out);
    out
}

/// One action of the model: its référents, partners, dates, text and
/// indicators resolved and parsed.
fn lower_action(
    ctx: &mut Ctx,
    t: &Tables,
    file: FileId,
    a: &f::Action,
    axe: usize,
    numero: String,
) -> m::Action {
    let referents = a
        .referents
        .iter()
        .filter_map(|r| {
            let acteur = ctx.resolve(&t.acteurs, file, &r.acteur)?;
            if let Some(c) = &r.contact {
                ctx.email(file, c);
            }
            Some(m::Referent {
                acteur,
                contact: r.contact.as_ref().map(|c| c.value.trim().to_string()),
            })
        })
        .collect::<Vec<_>>();
    if referents.is_empty() && a.referents.is_empty() {
        ctx.push(
            Diagnostic::error(crate::diagnostic::codes::ACTION_SANS_REFERENT, format!("l'action « {} » n'a pas de référent", a.titre.value))
                .at(file, a.id.span)
                .label("action sans référent")
                .help("ajoutez `referents: [{ acteur: ID }]` : chaque action a au moins une structure pilote"),
        );
    }
    let partenaires = resolve_list(ctx, &t.acteurs, file, &a.partenaires);
    let debut = ctx.opt_date(file, &a.debut);
    let fin = ctx.opt_date(file, &a.fin);
    let description = ctx.opt_text(file, &a.description);
    let indicateurs = lower_indicateurs(ctx, file, &a.indicateurs);
    let suivi = lower_suivi(ctx, file, a);
    m::Action {
        id: a.id.value.clone(),
        axe,
        numero,
        titre: a.titre.value.clone(),
        description,
        statut: a.statut.value,
        referents,
        partenaires,
        partenaires_note: a.partenaires_note.as_ref().map(|n| n.value.clone()),
        debut,
        fin,
        besoins: a.besoins.iter().map(|b| b.value.clone()).collect(),
        indicateurs,
        budget: a.budget.as_ref().and_then(|b| ctx.money(file, b)),
        suivi,
    }
}

/// `partenaires_comme`: each action copies another action's own partners.
fn copy_partners(
    ctx: &mut Ctx,
    merged: &Merged,
    t: &Tables,
    placed: &[(usize, u32, usize)],
    out: &mut [m::Action],
) {
    let mut extra: Vec<(usize, usize)> = Vec::new();
    for (ix, (_, _, pos)) in placed.iter().enumerate() {
        let (file, a) = &merged.actions[*pos];
        if let Some(other) = &a.partenaires_comme
            && let Some(o) = ctx.resolve(&t.actions, *file, other)
        {
            extra.push((ix, o));
        }
    }
    for (ix, o) in extra {
        let copy = out[o].partenaires.clone();
        for p in copy {
            if !out[ix].partenaires.contains(&p) {
                out[ix].partenaires.push(p);
            }
        }
    }
}

/// « l'action 2.1 est numérotée dans l'axe 2 mais rattachée à l'axe 1 ».
fn hors_axe(
    mot: m::MotAxe,
    file: FileId,
    num: &Sp<String>,
    axe_span: f::Span,
    (n, mm): (u32, u32),
    axe_n: u32,
) -> Diagnostic {
    let (dans, a_mot) = (mot.defini(), mot.a_defini());
    Diagnostic::error(
        crate::diagnostic::codes::NUMERO_HORS_AXE,
        format!(
            "l'action {} est numérotée dans {dans} {n} mais rattachée {a_mot} {axe_n}",
            num.value
        ),
    )
    .at(file, num.span)
    .label(format!("devrait commencer par « {axe_n}. »"))
    .related(file, axe_span, format!("rattachée ici {a_mot} {axe_n}"))
    .help(format!(
        "numérotez-la « {axe_n}.{mm} » ou rattachez-la {a_mot} {n}"
    ))
}
