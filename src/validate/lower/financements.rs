//! Money: envelopes, financing lines and funds.

use super::*;

pub fn build_financements(
    ctx: &mut Ctx,
    merged: &Merged,
    t: &mut Tables,
) -> (Vec<m::Enveloppe>, Vec<m::Ligne>, Vec<m::Fonds>) {
    let enveloppes = build_enveloppes(ctx, merged, t);
    let lignes = build_lignes(ctx, merged, t, &enveloppes);
    let fonds = build_fonds(ctx, merged, t);
    (enveloppes, lignes, fonds)
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
        let file = *file;
        ctx.define(&mut t.enveloppes, file, &e.id, pos);
        let montant = ctx.money(file, &e.montant);
        let financeur = ctx.resolve(&t.acteurs, file, &e.financeur);
        let debut = ctx.opt_date(file, &e.debut);
        let fin = ctx.opt_date(file, &e.fin);
        built.push(match (montant, financeur) {
            (Some(montant), Some(financeur)) => Some(m::Enveloppe {
                id: e.id.value.clone(),
                libelle: e.libelle.value.clone(),
                montant,
                financeur,
                debut,
                fin,
            }),
            _ => None,
        });
    }
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
    t.enveloppes
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

pub(super) fn build_lignes(
    ctx: &mut Ctx,
    merged: &Merged,
    t: &Tables,
    enveloppes: &[m::Enveloppe],
) -> Vec<m::Ligne> {
    let mut lignes = Vec::new();
    let mut amounts: Vec<Term> = Vec::new();
    for (file, l) in &merged.lignes {
        let file = *file;
        let action = ctx.resolve(&t.actions, file, &l.action);
        let montant = ctx.money(file, &l.montant);
        let recipiendaire = ctx.resolve(&t.acteurs, file, &l.recipiendaire);
        let enveloppe = l
            .enveloppe
            .as_ref()
            .and_then(|e| ctx.resolve(&t.enveloppes, file, e));
        let financeur = match &l.financeur {
            Some(fi) => ctx.resolve(&t.acteurs, file, fi),
            None => match enveloppe.and_then(|e| enveloppes.get(e)) {
                Some(e) => Some(e.financeur),
                None => {
                    if l.enveloppe.is_none() {
                        ctx.push(
                            Diagnostic::error(crate::diagnostic::codes::FINANCEMENT_FINANCEUR_MANQUANT, "ligne de financement sans financeur")
                                .at(file, l.montant.span)
                                .label("qui finance ce montant ?")
                                .help("ajoutez `financeur: ID`, ou `enveloppe: ID` dont le financeur sera repris"),
                        );
                    }
                    None
                }
            },
        };
        if let (Some(action), Some(montant), Some(financeur), Some(recipiendaire)) =
            (action, montant, financeur, recipiendaire)
        {
            amounts.push((i128::from(montant.0), file, l.montant.span));
            lignes.push(m::Ligne {
                action,
                montant,
                financeur,
                recipiendaire,
                annee: l.annee.as_ref().map(|a| a.value),
                enveloppe,
                nature: l.nature.value,
                statut: l.statut.value,
                libelle: l.libelle.as_ref().map(|s| s.value.clone()),
            });
        }
    }
    // Amounts are positive: once their sum fits, so does every partial sum
    // compute takes (per action, axe, envelope, year, financeur…).
    check_sum(
        ctx,
        Kind::Money,
        "le total des lignes de financement",
        &amounts,
    );
    lignes
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
        });
    }
    fonds
}
