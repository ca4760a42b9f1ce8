//! The territory: populations, key figures, rates, communes, tables.

use super::*;

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
    let taux = te.taux.iter().map(|s| serie(ctx, file, s)).collect();
    let communes = te.communes.as_ref().map(|c| communes(ctx, file, c));
    crate::validate::totals::territoire(ctx, file, te);
    let mut tableaux = Vec::new();
    for tb in &te.tableaux {
        ctx.define(&mut t.tableaux, file, &tb.id, tableaux.len());
        tableaux.push(tableau(ctx, file, tb));
    }
    m::Territoire {
        populations,
        chiffres_cles,
        taux,
        communes,
        tableaux,
    }
}

/// One series of rates, each checked to lie within 0–100 %.
fn serie(ctx: &mut Ctx, file: FileId, s: &f::SerieTaux) -> m::SerieTaux {
    m::SerieTaux {
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
                            crate::diagnostic::codes::TERRITOIRE_TAUX_INVALIDE,
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
    }
}

/// The exposed communes, each fragile population checked against its whole.
fn communes(ctx: &mut Ctx, file: FileId, c: &f::Communes) -> m::Communes {
    m::Communes {
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
                            crate::diagnostic::codes::TERRITOIRE_PARTIE_SUPERIEURE,
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
}
}

/// One sourced table, each row checked to have a cell per column.
fn tableau(ctx: &mut Ctx, file: FileId, tb: &f::Tableau) -> m::Tableau {
    for row in &tb.lignes {
        if row.value.len() != tb.colonnes.len() {
            ctx.push(
                Diagnostic::error(
                    crate::diagnostic::codes::TABLEAU_COLONNES,
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
    m::Tableau {
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
    }
}
