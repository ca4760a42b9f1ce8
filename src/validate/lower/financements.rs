//! Money sources: envelopes (one funder or many contributors), cercles of
//! funders, and funds with their calls for projects. Lines are in
//! `lignes.rs`, posts in `postes.rs`.

use super::*;
use crate::diagnostic::codes;

pub struct Sources {
    pub enveloppes: Vec<m::Enveloppe>,
    pub cercles: Vec<m::Cercle>,
}

pub fn build_sources(ctx: &mut Ctx, merged: &Merged, t: &mut Tables) -> Sources {
    Sources {
        enveloppes: build_enveloppes(ctx, merged, t),
        cercles: build_cercles(ctx, merged, t),
    }
}

/// The valid envelopes. Ids are defined by position in the sources first,
/// then mapped to positions in the model: an envelope left out for an error
/// (already reported) is set aside like a pruned one, so the next envelope
/// keeps its own index and references to it stay silent.
pub(super) fn build_enveloppes(
    ctx: &mut Ctx,
    merged: &Merged,
    t: &mut Tables,
) -> Vec<m::Enveloppe> {
    let mut built: Vec<Option<m::Enveloppe>> = Vec::new();
    for (pos, (file, e)) in merged.enveloppes.iter().enumerate() {
        ctx.define(&mut t.enveloppes, *file, &e.id, pos);
        built.push(enveloppe(ctx, t, *file, e));
    }
    keep_valid(ctx, &mut t.enveloppes, built)
}

/// Map the ids of `table` to positions among the kept items; ids of the
/// others are set aside as pruned.
fn keep_valid<T>(ctx: &mut Ctx, table: &mut IdTable, built: Vec<Option<T>>) -> Vec<T> {
    let mut kept = 0;
    let model_ix: Vec<Option<usize>> = built
        .iter()
        .map(|b| {
            b.as_ref().map(|_| {
                kept += 1;
                kept - 1
            })
        })
        .collect();
    table
        .ids
        .retain(|id, def| match model_ix.get(def.ix).copied().flatten() {
            Some(ix) => {
                def.ix = ix;
                true
            }
            None => {
                ctx.pruned.insert(id.clone());
                false
            }
        });
    built.into_iter().flatten().collect()
}

fn enveloppe(ctx: &mut Ctx, t: &Tables, file: FileId, e: &f::Enveloppe) -> Option<m::Enveloppe> {
    let montant = e.montant.as_ref().map(|mo| ctx.money(file, mo));
    let financeur = e
        .financeur
        .as_ref()
        .map(|fi| ctx.resolve(&t.acteurs, file, fi));
    let plafond = e.plafond_annuel.as_ref().map(|p| ctx.money(file, p));
    let debut = ctx.opt_date(file, &e.debut);
    let fin = ctx.opt_date(file, &e.fin);
    let mut ok = true;
    let mut terms: Vec<Term> = Vec::new();
    let mut contributions = Vec::new();
    for c in &e.contributions {
        let financeur = ctx.resolve(&t.acteurs, file, &c.financeur);
        let montant = c.montant.as_ref().map(|mo| ctx.money(file, mo));
        if let (Some(mo), Some(Some(v))) = (&c.montant, montant) {
            terms.push((i128::from(v.0), file, mo.span));
        }
        match (financeur, montant) {
            (Some(financeur), None | Some(Some(_))) => contributions.push(m::Contribution {
                financeur,
                annee: c.annee.as_ref().map(|a| a.value),
                montant: montant.flatten(),
            }),
            _ => ok = false,
        }
    }
    contributions_in_period(ctx, file, e, debut, fin);
    ok &= check_sum(ctx, Kind::Money, "le total des contributions", &terms);
    if !ok || matches!(montant, Some(None)) || matches!(financeur, Some(None)) {
        return None;
    }
    Some(m::Enveloppe {
        id: e.id.value.clone(),
        libelle: e.libelle.value.clone(),
        montant: montant.flatten(),
        financeur: financeur.flatten(),
        contributions,
        plafond_annuel: plafond.flatten(),
        debut,
        fin,
        regles: ctx.opt_text(file, &e.regles),
    })
}

/// A contribution's year must lie within the envelope's period, when both
/// are known.
fn contributions_in_period(
    ctx: &mut Ctx,
    file: FileId,
    e: &f::Enveloppe,
    debut: Option<m::DateFlou>,
    fin: Option<m::DateFlou>,
) {
    for c in &e.contributions {
        let Some(annee) = &c.annee else { continue };
        let before = debut.is_some_and(|d| annee.value < d.start().0);
        let after = fin.is_some_and(|f| annee.value > f.end().0);
        if before || after {
            ctx.push(
                Diagnostic::error(
                    codes::FINANCEMENT_CONTRIBUTION_HORS_PERIODE,
                    format!(
                        "contribution de {} hors de la période de l'enveloppe « {} »",
                        annee.value, e.libelle.value
                    ),
                )
                .at(file, annee.span)
                .label(if before {
                    "avant le début de l'enveloppe"
                } else {
                    "après la fin de l'enveloppe"
                })
                .help("corrigez l'année de la contribution, ou les années `debut` et `fin` de l'enveloppe"),
            );
        }
    }
}

pub(super) fn build_cercles(ctx: &mut Ctx, merged: &Merged, t: &mut Tables) -> Vec<m::Cercle> {
    let mut built: Vec<Option<m::Cercle>> = Vec::new();
    for (pos, (file, c)) in merged.cercles.iter().enumerate() {
        ctx.define(&mut t.cercles, *file, &c.id, pos);
        built.push(cercle(ctx, t, *file, c));
    }
    keep_valid(ctx, &mut t.cercles, built)
}

fn cercle(ctx: &mut Ctx, t: &Tables, file: FileId, c: &f::Cercle) -> Option<m::Cercle> {
    let mut membres = Vec::new();
    let mut ok = true;
    for mb in &c.membres {
        let acteur = ctx.resolve(&t.acteurs, file, &mb.acteur);
        let part = mb.part.as_ref().map(|p| ctx.decimal(file, p));
        match (acteur, part) {
            (Some(a), None) => membres.push((a, None)),
            (Some(a), Some(Some(p))) => membres.push((a, Some(p))),
            _ => ok = false,
        }
    }
    if ok {
        ok = shares_sum_to_100(ctx, file, c, &membres);
    }
    ok.then(|| m::Cercle {
        id: c.id.value.clone(),
        nom: c.nom.value.clone(),
        membres,
        note: ctx.opt_text(file, &c.note),
    })
}

/// Shares are all given or none; given, they are positive and sum to 100 %.
fn shares_sum_to_100(
    ctx: &mut Ctx,
    file: FileId,
    c: &f::Cercle,
    membres: &[(m::ActeurIx, Option<m::Decimal>)],
) -> bool {
    let given = membres.iter().filter(|(_, p)| p.is_some()).count();
    if given == 0 {
        return true;
    }
    let span = |i: usize| c.membres.get(i).map_or(c.id.span, |mb| mb.acteur.span);
    if given < membres.len() {
        let missing = membres.iter().position(|(_, p)| p.is_none()).unwrap_or(0);
        ctx.push(
            Diagnostic::error(
                codes::FINANCEMENT_PARTS_CERCLE,
                format!(
                    "cercle « {} » : {} membres sur {} ont une part",
                    c.nom.value,
                    given,
                    membres.len()
                ),
            )
            .at(file, span(missing))
            .label("ce membre n'a pas de part")
            .help(
                "donnez une part à chaque membre, ou à aucun si la répartition n'est pas arrêtée",
            ),
        );
        return false;
    }
    let mut sum = m::Decimal::ZERO;
    for (_, p) in membres {
        match p.and_then(|p| sum.checked_add(p)) {
            Some(s) => sum = s,
            None => return false,
        }
    }
    if sum.cmp_int(100).is_eq() {
        return true;
    }
    ctx.push(
        Diagnostic::error(
            codes::FINANCEMENT_PARTS_CERCLE,
            format!(
                "les parts du cercle « {} » totalisent {} % au lieu de 100 %",
                c.nom.value,
                percent(sum)
            ),
        )
        .at(file, c.id.span)
        .label(format!("{} % répartis", percent(sum)))
        .help("corrigez les parts pour qu'elles totalisent 100 %"),
    );
    false
}

pub(super) fn build_fonds(ctx: &mut Ctx, merged: &Merged, t: &mut Tables) -> Vec<m::Fonds> {
    let mut fonds = Vec::new();
    for (file, fo) in &merged.fonds {
        let file = *file;
        ctx.define(&mut t.fonds, file, &fo.id, fonds.len());
        let cible = fo.cible.as_ref().and_then(|c| {
            Some(m::Cible {
                valeur: ctx.decimal(file, &c.valeur)?,
                unite: c.unite.value.clone(),
                minimum: c.minimum,
                echeance: ctx.opt_date(file, &c.echeance),
            })
        });
        fonds.push(m::Fonds {
            id: fo.id.value.clone(),
            nom: fo.nom.value.clone(),
            description: ctx.opt_text(file, &fo.description),
            objectifs: fo.objectifs.iter().map(|o| o.value.clone()).collect(),
            beneficiaires: fo.beneficiaires.as_ref().map(|b| b.value.clone()),
            cible,
            recipiendaire: fo
                .recipiendaire
                .as_ref()
                .and_then(|r| ctx.resolve(&t.acteurs, file, r)),
            enveloppe: fo
                .enveloppe
                .as_ref()
                .and_then(|e| ctx.resolve(&t.enveloppes, file, e)),
            montant: fo.montant.as_ref().and_then(|mo| ctx.money(file, mo)),
            regles: ctx.opt_text(file, &fo.regles),
            eligibilite: ctx.opt_text(file, &fo.eligibilite),
            appels: fo.appels.iter().map(|a| appel(ctx, t, file, a)).collect(),
        });
    }
    fonds
}

fn appel(ctx: &mut Ctx, t: &Tables, file: FileId, a: &f::AppelProjets) -> m::Appel {
    let mut projets = Vec::new();
    let mut terms: Vec<Term> = Vec::new();
    for p in &a.projets {
        let montant = ctx.money(file, &p.montant);
        let cout_total = p.cout_total.as_ref().and_then(|c| ctx.money(file, c));
        let porteur = p
            .porteur
            .as_ref()
            .and_then(|po| ctx.resolve(&t.acteurs, file, po));
        let Some(montant) = montant else { continue };
        terms.push((i128::from(montant.0), file, p.montant.span));
        if let (Some(c), Some(cs)) = (cout_total, &p.cout_total)
            && c < montant
        {
            ctx.push(
                Diagnostic::error(
                    codes::FINANCEMENT_COUT_INFERIEUR,
                    format!(
                        "le coût total du projet « {} » ({}) est inférieur à l'aide du fonds ({})",
                        p.titre.value,
                        crate::diagnostic::fr::euros(c.0),
                        crate::diagnostic::fr::euros(montant.0)
                    ),
                )
                .at(file, cs.span)
                .label("coût total")
                .related(file, p.montant.span, "aide du fonds")
                .help("le coût total comprend l'aide du fonds et les autres financements : vérifiez les deux montants"),
            );
        }
        projets.push(m::Projet {
            titre: p.titre.value.clone(),
            porteur,
            montant,
            cout_total,
            beneficiaires: p.beneficiaires.as_ref().map(|b| b.value.clone()),
        });
    }
    let budget = a.budget.as_ref().and_then(|b| ctx.money(file, b));
    let fits = check_sum(ctx, Kind::Money, "le total des projets retenus", &terms);
    if let (true, Some(b), Some(bs)) = (fits, budget, &a.budget) {
        let total: m::Money = projets.iter().map(|p| p.montant).sum();
        if total > b {
            ctx.push(
                Diagnostic::error(
                    codes::FINANCEMENT_APPEL_DEPASSE,
                    format!(
                        "l'appel « {} » retient {} de projets pour un budget de {}",
                        a.libelle.value,
                        crate::diagnostic::fr::euros(total.0),
                        crate::diagnostic::fr::euros(b.0)
                    ),
                )
                .at(file, bs.span)
                .label(format!(
                    "dépassé de {}",
                    crate::diagnostic::fr::euros((total - b).0)
                ))
                .help("réduisez les aides accordées aux projets, ou corrigez le budget de l'appel"),
            );
        }
    }
    m::Appel {
        libelle: a.libelle.value.clone(),
        ouverture: ctx.opt_date(file, &a.ouverture),
        cloture: ctx.opt_date(file, &a.cloture),
        budget,
        projets,
    }
}

/// `90.50` → `90,5`: no trailing zeros, French comma.
fn percent(d: m::Decimal) -> String {
    let s = d.to_string();
    let s = if s.contains('.') {
        s.trim_end_matches('0').trim_end_matches('.')
    } else {
        &s
    };
    s.replace('.', ",")
}
