//! Build the rest of the model: money, calendar, territory, concertation,
//! free sections and annexes.

use super::build::{Tables, resolve_list};
use super::context::Ctx;
use super::merge::Merged;
use super::totals::{Kind, Term, check_sum};
use crate::diagnostic::Diagnostic;
use crate::format::{self as f};
use crate::model::{self as m};

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
fn build_enveloppes(ctx: &mut Ctx, merged: &Merged, t: &mut Tables) -> Vec<m::Enveloppe> {
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

fn build_lignes(
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
                            Diagnostic::error("fdr::financement::financeur_manquant", "ligne de financement sans financeur")
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

fn build_fonds(ctx: &mut Ctx, merged: &Merged, t: &mut Tables) -> Vec<m::Fonds> {
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

pub fn build_calendrier(
    ctx: &mut Ctx,
    merged: &Merged,
    t: &Tables,
    actions: &[m::Action],
) -> (Vec<m::Jalon>, Vec<m::Tache>) {
    let mut jalons = Vec::new();
    for (file, j) in &merged.jalons {
        let file = *file;
        let date = ctx.date(file, &j.date);
        let fin = ctx.opt_date(file, &j.fin);
        let action = j
            .action
            .as_ref()
            .and_then(|a| ctx.resolve(&t.actions, file, a));
        let mut axe = j.axe.as_ref().and_then(|a| ctx.resolve(&t.axes, file, a));
        if let Some(a) = action {
            let of_action = actions[a].axe;
            if axe.is_some_and(|x| x != of_action)
                && let Some(ax) = &j.axe
            {
                ctx.push(
                    Diagnostic::error(
                        "fdr::calendrier::axe_incoherent",
                        "ce jalon cite une action d'un autre axe",
                    )
                    .at(file, ax.span)
                    .label("axe différent de celui de l'action")
                    .help("retirez `axe:` : il se déduit de l'action"),
                );
            }
            axe = Some(of_action);
        }
        if let Some(date) = date {
            jalons.push(m::Jalon {
                libelle: j.libelle.value.clone(),
                date,
                fin,
                axe,
                action,
            });
        }
    }
    jalons.sort_by_key(|j| j.date.start());
    let mut taches = Vec::new();
    for (file, ta) in &merged.taches {
        let file = *file;
        let action = ctx.resolve(&t.actions, file, &ta.action);
        let debut = ctx.date(file, &ta.debut);
        let fin = ctx.date(file, &ta.fin);
        if let (Some(action), Some(debut), Some(fin)) = (action, debut, fin) {
            taches.push(m::Tache {
                action,
                libelle: ta.libelle.value.clone(),
                debut,
                fin,
            });
        }
    }
    (jalons, taches)
}

pub fn build_territoire(ctx: &mut Ctx, merged: &Merged, t: &mut Tables) -> m::Territoire {
    let Some((file, te)) = &merged.territoire else {
        return m::Territoire::default();
    };
    let file = *file;
    let populations = te.populations.as_ref().map(|p| m::Populations {
        annee: p.annee.value,
        source: p.source.value.clone(),
        epci: p
            .epci
            .iter()
            .map(|e| m::PopulationEpci {
                acteur: e
                    .acteur
                    .as_ref()
                    .and_then(|a| ctx.resolve(&t.acteurs, file, a)),
                nom: e.nom.value.clone(),
                population: e.population.value,
            })
            .collect(),
    });
    let chiffres_cles = te
        .chiffres_cles
        .iter()
        .filter_map(|c| {
            Some(m::ChiffreCle {
                valeur: ctx.decimal(file, &c.valeur)?,
                libelle: c.libelle.value.clone(),
                description: c.description.as_ref().map(|d| d.value.clone()),
                source: c.source.as_ref().map(|d| d.value.clone()),
                annee: c.annee.as_ref().map(|d| d.value),
            })
        })
        .collect();
    let taux = te
        .taux
        .iter()
        .map(|s| m::SerieTaux {
            titre: s.titre.value.clone(),
            source: s.source.as_ref().map(|d| d.value.clone()),
            annee: s.annee.as_ref().map(|d| d.value),
            valeurs: s
                .valeurs
                .iter()
                .filter_map(|v| {
                    let d = ctx.decimal(file, &v.taux)?;
                    if d.cmp_int(100).is_gt() || d.mantissa < 0 {
                        ctx.push(
                            Diagnostic::error(
                                "fdr::territoire::taux_invalide",
                                "un taux s'exprime entre 0 et 100 %",
                            )
                            .at(file, v.taux.span)
                            .label("hors de 0–100")
                            .help("écrivez le taux en pourcentage : 15 pour 15 %"),
                        );
                    }
                    Some((v.nom.value.clone(), d))
                })
                .collect(),
        })
        .collect();
    let communes = te.communes.as_ref().map(|c| m::Communes {
        titre: c.titre.value.clone(),
        source: c.source.as_ref().map(|d| d.value.clone()),
        ifn_moyen: ctx.opt_decimal(file, &c.ifn_moyen),
        lignes: c
            .lignes
            .iter()
            .map(|l| {
                if let Some(fr) = &l.population_fragile
                    && fr.value > l.population.value {
                        ctx.push(
                            Diagnostic::error(
                                "fdr::territoire::partie_superieure",
                                format!(
                                    "{} : population fragile ({}) supérieure à la population ({})",
                                    l.commune.value, fr.value, l.population.value
                                ),
                            )
                            .at(file, fr.span)
                            .label("plus grande que le tout")
                            .related(file, l.population.span, "population de la commune")
                            .help("une partie ne peut dépasser son tout : vérifiez ces deux chiffres dans la source"),
                        );
                    }
                m::Commune {
                    code_postal: l.code_postal.value.clone(),
                    commune: l.commune.value.clone(),
                    population: l.population.value,
                    ifn: ctx.opt_decimal(file, &l.ifn),
                    population_fragile: l.population_fragile.as_ref().map(|p| p.value),
                }
            })
            .collect(),
    });
    super::totals::territoire(ctx, file, te);
    let mut tableaux = Vec::new();
    for tb in &te.tableaux {
        ctx.define(&mut t.tableaux, file, &tb.id, tableaux.len());
        for row in &tb.lignes {
            if row.value.len() != tb.colonnes.len() {
                ctx.push(
                    Diagnostic::error(
                        "fdr::tableau::colonnes",
                        format!(
                            "cette ligne a {} cellules pour {} colonnes",
                            row.value.len(),
                            tb.colonnes.len()
                        ),
                    )
                    .at(file, row.span)
                    .label("nombre de cellules différent")
                    .help("une cellule par colonne ; laissez `~` pour une cellule vide"),
                );
            }
        }
        tableaux.push(m::Tableau {
            id: tb.id.value.clone(),
            titre: tb.titre.value.clone(),
            source: tb.source.as_ref().map(|s| s.value.clone()),
            colonnes: tb.colonnes.iter().map(|c| c.value.clone()).collect(),
            lignes: tb
                .lignes
                .iter()
                .map(|r| {
                    r.value
                        .iter()
                        .map(|c| match &c.value {
                            f::Cellule::Nombre(n) => m::Cellule::Nombre(*n),
                            f::Cellule::Texte(s) => m::Cellule::Texte(s.clone()),
                            f::Cellule::Vide(()) => m::Cellule::Vide,
                        })
                        .collect()
                })
                .collect(),
            colonne_total: tb.colonne_total.as_ref().map(|s| s.value.clone()),
            ligne_total: tb.ligne_total.as_ref().map(|s| s.value.clone()),
        });
    }
    m::Territoire {
        populations,
        chiffres_cles,
        taux,
        communes,
        tableaux,
    }
}

pub fn build_concertation(ctx: &mut Ctx, merged: &Merged, t: &Tables) -> m::Concertation {
    let Some((file, c)) = &merged.concertation else {
        return m::Concertation::default();
    };
    let file = *file;
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
