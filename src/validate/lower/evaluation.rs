//! Indicators (of an action or of the whole roadmap): baseline, dated
//! targets and measurements, checked for order, range and direction; and
//! the follow-up of actions (priority, journal, sub-steps).

use super::*;
use crate::diagnostic::codes;
use m::DateFlou;

/// A value of the sources with where it was written.
struct At<T> {
    value: T,
    span: f::Span,
}

/// The roadmap's own indicators (`evaluation: indicateurs:`), in source order.
pub fn build_evaluation(ctx: &mut Ctx, merged: &Merged) -> Vec<m::Indicateur> {
    merged
        .indicateurs
        .iter()
        .map(|(file, i)| lower_indicateur(ctx, *file, i))
        .collect()
}

/// Every indicator of the sources, the actions' then the roadmap's, with
/// its file.
fn every_indicateur(merged: &Merged) -> impl Iterator<Item = (FileId, &f::Indicateur)> {
    merged
        .actions
        .iter()
        .flat_map(|(file, a)| a.indicateurs.iter().map(move |i| (*file, i)))
        .chain(merged.indicateurs.iter().map(|(file, i)| (*file, i)))
}

/// Register the id of every indicator that has one (actions' and the
/// roadmap's): a duplicate is reported with both places.
pub fn define_indicateurs(ctx: &mut Ctx, merged: &Merged, t: &mut Tables) {
    let ids: Vec<(FileId, Sp<String>)> = every_indicateur(merged)
        .filter_map(|(file, i)| i.id.clone().map(|id| (file, id)))
        .collect();
    for (n, (file, id)) in ids.iter().enumerate() {
        ctx.define(&mut t.indicateurs, *file, id, n);
    }
}

pub fn lower_indicateurs(
    ctx: &mut Ctx,
    file: FileId,
    list: &[f::Indicateur],
) -> Vec<m::Indicateur> {
    list.iter()
        .map(|i| lower_indicateur(ctx, file, i))
        .collect()
}

fn releve(ctx: &mut Ctx, file: FileId, r: &f::Releve) -> Option<At<m::Releve>> {
    let valeur = ctx.decimal(file, &r.valeur);
    let date = ctx.date(file, &r.date);
    Some(At {
        value: m::Releve {
            valeur: valeur?,
            date: date?,
            source: r.source.as_ref().map(|s| s.value.clone()),
            commentaire: r.commentaire.as_ref().map(|s| s.value.clone()),
        },
        span: r.date.span,
    })
}

fn lower_indicateur(ctx: &mut Ctx, file: FileId, i: &f::Indicateur) -> m::Indicateur {
    let reference = i
        .reference
        .as_ref()
        .and_then(|r| releve(ctx, file, &r.value));
    let mesures: Vec<At<m::Releve>> = i
        .mesures
        .iter()
        .filter_map(|r| releve(ctx, file, &r.value))
        .collect();
    let mut cibles: Vec<At<m::CibleIndicateur>> = Vec::new();
    for c in &i.cibles {
        let (valeur, date) = (ctx.decimal(file, &c.valeur), ctx.date(file, &c.date));
        if let (Some(valeur), Some(date)) = (valeur, date) {
            let value = m::CibleIndicateur {
                valeur,
                date: Some(date),
            };
            cibles.push(At {
                value,
                span: c.date.span,
            });
        }
    }
    if let Some(c) = &i.cible
        && let Some(valeur) = ctx.decimal(file, c)
    {
        let date = ctx.opt_date(file, &i.echeance);
        let span = i.echeance.as_ref().map_or(c.span, |e| e.span);
        cibles.push(At {
            value: m::CibleIndicateur { valeur, date },
            span,
        });
    }
    let valeur = ctx.opt_decimal(file, &i.valeur);
    let model = m::Indicateur {
        id: i.id.as_ref().map(|id| id.value.clone()),
        libelle: i.libelle.value.clone(),
        unite: i.unite.as_ref().map(|u| u.value.trim().to_string()),
        sens: i.sens.as_ref().map(|s| s.value),
        reference: reference.as_ref().map(|r| r.value.clone()),
        cibles: cibles.iter().map(|c| c.value.clone()).collect(),
        mesures: mesures.iter().map(|r| r.value.clone()).collect(),
        valeur,
        source: i.source.as_ref().map(|s| s.value.clone()),
    };
    double_forms(ctx, file, i);
    let dated: Vec<At<DateFlou>> = mesures
        .iter()
        .map(|r| At {
            value: r.value.date,
            span: r.span,
        })
        .collect();
    in_order(ctx, file, "mesure", &dated);
    let targets: Vec<At<DateFlou>> = cibles
        .iter()
        .filter_map(|c| {
            c.value.date.map(|d| At {
                value: d,
                span: c.span,
            })
        })
        .collect();
    in_order(ctx, file, "cible", &targets);
    if let Some(r) = &reference {
        after_reference(ctx, file, r, &dated, &targets);
    }
    if model.pourcentage() {
        percentages(ctx, file, i);
    }
    direction(ctx, file, i, &model);
    model
}

/// The short forms next to the dated lists: which one is meant?
fn double_forms(ctx: &mut Ctx, file: FileId, i: &f::Indicateur) {
    let cases = [
        (
            i.valeur
                .as_ref()
                .filter(|_| !i.mesures.is_empty())
                .map(|v| v.span),
            "`valeur` et `mesures`",
            "la dernière mesure datée fait foi : retirez `valeur`, ou datez-la dans `mesures`",
        ),
        (
            i.cible
                .as_ref()
                .filter(|_| !i.cibles.is_empty())
                .map(|v| v.span),
            "`cible` et `cibles`",
            "écrivez chaque cible datée dans `cibles` et retirez `cible` et `echeance`",
        ),
    ];
    for (span, what, help) in cases {
        if let Some(span) = span {
            ctx.push(
                Diagnostic::warning(
                    codes::INDICATEUR_FORME_DOUBLE,
                    format!("l'indicateur « {} » a à la fois {what}", i.libelle.value),
                )
                .at(file, span)
                .label("forme courte en double")
                .help(help),
            );
        }
    }
}

/// Dates strictly increasing: the series reads in time order.
fn in_order(ctx: &mut Ctx, file: FileId, what: &str, dates: &[At<DateFlou>]) {
    for pair in dates.windows(2) {
        let (prev, cur) = (&pair[0], &pair[1]);
        if cur.value.start() > prev.value.start() {
            continue;
        }
        let same = cur.value.start() == prev.value.start();
        let message = if same {
            format!("deux {what}s à la même date ({})", cur.value)
        } else {
            format!(
                "{what} datée {} placée après celle datée {} : les {what}s vont dans l'ordre des dates",
                cur.value, prev.value
            )
        };
        ctx.push(
            Diagnostic::error(codes::INDICATEUR_ORDRE, message)
                .at(file, cur.span)
                .label(if same {
                    "date répétée"
                } else {
                    "hors de l'ordre"
                })
                .related(file, prev.span, format!("{what} précédente"))
                .help(format!(
                    "rangez les {what}s de la plus ancienne à la plus récente, une par date"
                )),
        );
    }
}

fn after_reference(
    ctx: &mut Ctx,
    file: FileId,
    r: &At<m::Releve>,
    mesures: &[At<DateFlou>],
    cibles: &[At<DateFlou>],
) {
    let base = r.value.date;
    let early = mesures
        .iter()
        .filter(|d| d.value.start() < base.start())
        .map(|d| (d, "mesure"))
        .chain(
            cibles
                .iter()
                .filter(|d| d.value.end() < base.start())
                .map(|d| (d, "cible")),
        );
    let early: Vec<(&At<DateFlou>, &str)> = early.collect();
    for (d, what) in early {
        ctx.push(
            Diagnostic::error(
                codes::INDICATEUR_AVANT_REFERENCE,
                format!(
                    "{what} datée {} antérieure à la valeur de référence ({base})",
                    d.value
                ),
            )
            .at(file, d.span)
            .label("avant la référence")
            .related(file, r.span, "date de la référence")
            .help("la référence est le point de départ : datez-la avant les mesures et les cibles, ou corrigez la date"),
        );
    }
}

/// Every value of a percentage lies within 0–100.
fn percentages(ctx: &mut Ctx, file: FileId, i: &f::Indicateur) {
    let values = i
        .reference
        .iter()
        .chain(&i.mesures)
        .map(|r| &r.value.valeur)
        .chain(i.cibles.iter().map(|c| &c.value.valeur))
        .chain(&i.cible)
        .chain(&i.valeur);
    let bad: Vec<(f::Span, String)> = values
        .filter_map(|v| {
            let d = m::Decimal::parse(&v.value.0).ok()?;
            (d.mantissa < 0 || d.cmp_int(100).is_gt()).then(|| (v.span, d.to_string()))
        })
        .collect();
    for (span, v) in bad {
        ctx.push(
            Diagnostic::error(
                codes::INDICATEUR_POURCENTAGE,
                format!(
                    "{v} n'est pas un pourcentage : l'indicateur « {} » est en %, de 0 à 100",
                    i.libelle.value
                ),
            )
            .at(file, span)
            .label("hors de 0–100")
            .help("écrivez le pourcentage (45 pour 45 %), ou changez `unite` si ce n'est pas un pourcentage"),
        );
    }
}

/// A target on the wrong side of the baseline for the direction sought.
fn direction(ctx: &mut Ctx, file: FileId, i: &f::Indicateur, model: &m::Indicateur) {
    let (Some(sens), Some(r)) = (model.sens, &model.reference) else {
        return;
    };
    let wrong = |c: &m::Decimal| match sens {
        m::Sens::Hausse => c.cmp_exact(&r.valeur).is_lt(),
        m::Sens::Baisse => c.cmp_exact(&r.valeur).is_gt(),
        m::Sens::Maintien => false,
    };
    let spans = i
        .cibles
        .iter()
        .map(|c| &c.value.valeur)
        .chain(&i.cible)
        .filter(|v| m::Decimal::parse(&v.value.0).is_ok_and(|d| wrong(&d)));
    let spans: Vec<f::Span> = spans.map(|v| v.span).collect();
    let (word, opposite) = match sens {
        m::Sens::Hausse => ("hausse", "inférieure"),
        _ => ("baisse", "supérieure"),
    };
    for span in spans {
        ctx.push(
            Diagnostic::warning(
                codes::INDICATEUR_SENS_INCOHERENT,
                format!(
                    "l'indicateur « {} » vise la {word}, mais cette cible est {opposite} à la référence ({})",
                    i.libelle.value,
                    r.valeur.to_string().replace('.', ",")
                ),
            )
            .at(file, span)
            .label("cible à contresens")
            .help("vérifiez la cible, la référence ou `sens`"),
        );
    }
}

/// Targets dated outside the roadmap's period (the short form's
/// `echeance` included).
pub fn check_periode(ctx: &mut Ctx, merged: &Merged, debut: u16, fin: u16) {
    let all = every_indicateur(merged);
    let mut out = Vec::new();
    for (file, i) in all {
        let dates = i.cibles.iter().map(|c| &c.value.date).chain(&i.echeance);
        for d in dates {
            if let Ok(v) = DateFlou::parse(&d.value.0)
                && (v.annee < debut || v.annee > fin)
            {
                out.push((file, d.span, v, i.libelle.value.clone()));
            }
        }
    }
    for (file, span, v, libelle) in out {
        ctx.push(
            Diagnostic::warning(
                codes::INDICATEUR_CIBLE_HORS_PERIODE,
                format!("la cible de « {libelle} » datée {v} est hors de la période de la feuille de route ({debut}–{fin})"),
            )
            .at(file, span)
            .label("hors période")
            .help("une cible se fixe dans la période de la feuille de route : vérifiez l'année"),
        );
    }
}

/// In a progress report at `au`: a measurement dated after it cannot have
/// been made yet.
pub fn check_au(ctx: &mut Ctx, merged: &Merged, au: DateFlou) {
    let all = every_indicateur(merged);
    let mut out = Vec::new();
    for (file, i) in all {
        for r in i.reference.iter().chain(&i.mesures) {
            if let Ok(v) = DateFlou::parse(&r.value.date.value.0)
                && v.start() > au.end()
            {
                out.push((file, r.value.date.span, v, i.libelle.value.clone()));
            }
        }
    }
    for (file, span, v, libelle) in out {
        ctx.push(
            Diagnostic::error(
                codes::INDICATEUR_MESURE_POSTERIEURE,
                format!(
                    "la mesure de « {libelle} » datée {v} est postérieure à la date du bilan ({au})"
                ),
            )
            .at(file, span)
            .label("après la date du bilan")
            .help("un bilan ne montre que ce qui était mesuré à sa date : corrigez la date de la mesure, ou choisissez une date de bilan postérieure avec --au"),
        );
    }
}

/// Priority, journal (in date order) and sub-steps of an action.
pub fn lower_suivi(ctx: &mut Ctx, file: FileId, a: &f::Action) -> m::Suivi {
    let mut notes: Vec<m::NoteSuivi> = a
        .suivi
        .iter()
        .filter_map(|n| {
            let date = ctx.date(file, &n.date)?;
            ctx.texts.push(super::super::context::LoadedText {
                text: n.texte.value.clone(),
                file,
                base: n.texte.span.offset,
                origin: (file, n.texte.span.offset),
            });
            Some(m::NoteSuivi {
                date,
                texte: n.texte.value.clone(),
            })
        })
        .collect();
    notes.sort_by_key(|n| n.date.start());
    let etapes = a
        .etapes
        .iter()
        .map(|e| m::Etape {
            libelle: e.libelle.value.clone(),
            faite: e.faite,
            date: ctx.opt_date(file, &e.date),
        })
        .collect();
    m::Suivi {
        priorite: a.priorite.as_ref().map(|p| p.value),
        notes,
        etapes,
    }
}
