//! Checks across the built model: money that overflows its envelope, dates
//! out of order or out of the period, unused or missing pieces, and
//! cross-references in texts.

use super::context::{Ctx, cross_refs};
use super::lower::Tables;
use super::merge::Merged;
use crate::diagnostic::{Diagnostic, FileId, did_you_mean};
use crate::format::{DateBrute, Sp};
use crate::model::{self as m, DateFlou};

pub fn run(ctx: &mut Ctx, merged: &Merged, t: &Tables, model: &m::Roadmap) {
    super::money::run(ctx, merged, t, model);
    dates(ctx, merged, model);
    text_refs(ctx, t);
    concertation_counts(ctx, merged, model);
    super::truth::run(ctx, merged, model);
    // Completeness warnings would only echo errors already reported (an
    // action dropped for an error leaves its axe empty and its référent
    // uncited): they wait until the sources are free of errors.
    if !ctx.diags.has_errors() {
        axes_without_actions(ctx, t, model);
        unused_acteurs(ctx, t, model);
    }
}

fn order(ctx: &mut Ctx, file: FileId, debut: &Option<Sp<DateBrute>>, fin: &Option<Sp<DateBrute>>) {
    let (Some(d), Some(f)) = (debut, fin) else {
        return;
    };
    let (Ok(dd), Ok(ff)) = (DateFlou::parse(&d.value.0), DateFlou::parse(&f.value.0)) else {
        return;
    };
    if ff.end() < dd.start() {
        ctx.push(
            Diagnostic::error(
                crate::diagnostic::codes::DATE_FIN_AVANT_DEBUT,
                format!("la fin ({ff}) précède le début ({dd})"),
            )
            .at(file, f.span)
            .label("fin avant le début")
            .related(file, d.span, "début")
            .help("vérifiez l'année ou échangez `debut` et `fin`"),
        );
    }
}

fn outside(ctx: &mut Ctx, file: FileId, d: &Option<Sp<DateBrute>>, model: &m::Roadmap) {
    let Some(d) = d else { return };
    let Ok(v) = DateFlou::parse(&d.value.0) else {
        return;
    };
    let (a, b) = (model.feuille.debut, model.feuille.fin);
    if v.annee < a || v.annee > b {
        ctx.push(
            Diagnostic::warning(
                crate::diagnostic::codes::DATE_HORS_PERIODE,
                format!("la date {v} est hors de la période de la feuille de route ({a}–{b})"),
            )
            .at(file, d.span)
            .label("hors période")
            .help("vérifiez l'année, ou élargissez `periode` dans `feuille_de_route`"),
        );
    }
}

/// An action may have started before the period (a history since 2019) or
/// run after it: only a span entirely outside the period is suspicious. A
/// lone start after the period, or a lone end before it, is too.
fn span_outside(
    ctx: &mut Ctx,
    file: FileId,
    debut: &Option<Sp<DateBrute>>,
    fin: &Option<Sp<DateBrute>>,
    model: &m::Roadmap,
) {
    let parse = |d: &Option<Sp<DateBrute>>| {
        d.as_ref()
            .and_then(|d| DateFlou::parse(&d.value.0).ok().map(|v| (v, d.span)))
    };
    let (a, b) = (model.feuille.debut, model.feuille.fin);
    let (warn_at, what) = match (parse(debut), parse(fin)) {
        (Some((d, _)), Some((f, fs))) if f.annee < a => {
            (fs, format!("l'action ({d}–{f}) s'achève avant"))
        }
        (Some((d, ds)), Some((f, _))) if d.annee > b => {
            (ds, format!("l'action ({d}–{f}) commence après"))
        }
        (Some((d, ds)), None) if d.annee > b => (ds, format!("l'action commence ({d}) après")),
        (None, Some((f, fs))) if f.annee < a => (fs, format!("l'action s'achève ({f}) avant")),
        _ => return,
    };
    ctx.push(
        Diagnostic::warning(
            crate::diagnostic::codes::DATE_HORS_PERIODE,
            format!("{what} la période de la feuille de route ({a}–{b})"),
        )
        .at(file, warn_at)
        .label("hors période")
        .help("vérifiez l'année, ou élargissez `periode` dans `feuille_de_route` ; une action commencée avant la période et poursuivie pendant ne pose pas problème"),
    );
}

fn after_end(ctx: &mut Ctx, file: FileId, d: &Option<Sp<DateBrute>>, model: &m::Roadmap) {
    if let Some(v) = d.as_ref().and_then(|d| DateFlou::parse(&d.value.0).ok())
        && v.annee > model.feuille.fin
    {
        outside(ctx, file, d, model);
    }
}

fn dates(ctx: &mut Ctx, merged: &Merged, model: &m::Roadmap) {
    for (file, a) in &merged.actions {
        order(ctx, *file, &a.debut, &a.fin);
        span_outside(ctx, *file, &a.debut, &a.fin, model);
    }
    for (file, ta) in &merged.taches {
        order(ctx, *file, &Some(ta.debut.clone()), &Some(ta.fin.clone()));
        outside(ctx, *file, &Some(ta.debut.clone()), model);
        outside(ctx, *file, &Some(ta.fin.clone()), model);
    }
    for (file, j) in &merged.jalons {
        order(ctx, *file, &Some(j.date.clone()), &j.fin);
        // Milestones may recall what came before the period (the
        // concertation); one after its end is suspicious.
        after_end(ctx, *file, &Some(j.date.clone()), model);
        after_end(ctx, *file, &j.fin, model);
    }
    for (file, e) in &merged.enveloppes {
        order(ctx, *file, &e.debut, &e.fin);
    }
    for (file, l) in &merged.lignes {
        if let Some(y) = &l.annee
            && (y.value < model.feuille.debut || y.value > model.feuille.fin)
        {
            ctx.push(
                Diagnostic::warning(
                    crate::diagnostic::codes::DATE_HORS_PERIODE,
                    format!(
                        "l'année {} est hors de la période de la feuille de route ({}–{})",
                        y.value, model.feuille.debut, model.feuille.fin
                    ),
                )
                .at(*file, y.span)
                .label("hors période")
                .help("vérifiez l'année, ou élargissez `periode` dans `feuille_de_route`"),
            );
        }
    }
}

fn axes_without_actions(ctx: &mut Ctx, t: &Tables, model: &m::Roadmap) {
    for axe in &model.axes {
        if axe.actions.is_empty() {
            let mut d = Diagnostic::warning(
                crate::diagnostic::codes::AXE_SANS_ACTION,
                format!(
                    "{} {} « {} » n'a aucune action",
                    model.feuille.mot_axe.defini(),
                    axe.numero,
                    axe.titre
                ),
            )
            .label(format!("{} sans action", model.feuille.mot_axe.singulier()))
            .help(format!("rattachez une action avec `axe: {}`", axe.id));
            if let Some(def) = t.axes.ids.get(&axe.id) {
                d = d.at(def.file, def.span);
            }
            ctx.push(d);
        }
    }
}

fn unused_acteurs(ctx: &mut Ctx, t: &Tables, model: &m::Roadmap) {
    let used = model.acteurs_cites();
    for (ix, a) in model.acteurs.iter().enumerate() {
        // A duplicate id is reported as such; its references go to the first.
        let first = t.acteurs.get(&a.id) == Some(ix);
        // The departmental annuaire is shared, not the sub-roadmap's own.
        if first && !a.herite && !used.contains(&ix) {
            let mut d = Diagnostic::warning(
                crate::diagnostic::codes::ACTEUR_INUTILISE,
                format!("l'acteur « {} » n'est cité nulle part", a.nom),
            )
            .label("jamais cité")
            .help("citez-le (partenaire, participant, membre…) ou retirez-le de l'annuaire");
            if let Some(def) = t.acteurs.ids.get(&a.id) {
                d = d.at(def.file, def.span);
            }
            ctx.push(d);
        }
    }
}

/// A text whose inline formatting nests deeper than the renderers allow
/// (`*` × 20 000 around a word) is refused at the line where it happens.
fn text_depth(ctx: &mut Ctx, lt: &super::context::LoadedText) {
    use crate::parse::markdown::{MAX_INLINE_DEPTH, text_inline_depth};
    let (depth, line) = text_inline_depth(&lt.text);
    if depth <= MAX_INLINE_DEPTH {
        return;
    }
    let mut d = Diagnostic::error(
        crate::diagnostic::codes::TEXTE_TROP_IMBRIQUE,
        format!("mise en forme imbriquée sur {depth} niveaux (au plus {MAX_INLINE_DEPTH})"),
    )
    .label("imbrication excessive")
    .help(
        "simplifiez la mise en forme : emphases et liens s'imbriquent sur quelques niveaux au plus",
    )
    .in_file(lt.file);
    // A text file: its own line; a text inside YAML: where the text starts.
    let start = if lt.base == 0 {
        lt.text
            .split_inclusive('\n')
            .take(line.saturating_sub(1))
            .map(str::len)
            .sum()
    } else {
        lt.base
    };
    if let Some(src) = ctx.sources.files.get(lt.file).map(|f| f.text.clone()) {
        let len = src
            .get(start..)
            .map_or(0, |r| r.find('\n').unwrap_or(r.len()));
        d = d.at(lt.file, crate::format::Span::locate(&src, start, len));
    }
    ctx.push(d);
}

/// Most cross-references a roadmap's texts may hold: each is a link the
/// PDF resolves in a second layout pass (8,000 took a minute and 850 MB);
/// a real roadmap has a few dozen.
pub const MAX_CROSS_REFS: usize = 1_000;

fn too_many_refs(ctx: &mut Ctx, lt: &super::context::LoadedText) {
    ctx.push(
        Diagnostic::error(
            crate::diagnostic::codes::TEXTE_TROP_DE_RENVOIS,
            format!("plus de {MAX_CROSS_REFS} renvois dans les textes de la feuille de route"),
        )
        .in_file(lt.file)
        .help(
            "un renvoi par paragraphe suffit : citez l'action ou l'annexe une fois, puis nommez-la",
        ),
    );
}

fn text_refs(ctx: &mut Ctx, t: &Tables) {
    let texts = std::mem::take(&mut ctx.texts);
    let mut seen = 0usize;
    for lt in &texts {
        text_depth(ctx, lt);
        let source = ctx.sources.files.get(lt.file).map(|f| f.text.clone());
        let mut cursor = lt.base;
        let refs = cross_refs(&lt.text);
        seen = seen.saturating_add(refs.len());
        if seen > MAX_CROSS_REFS {
            too_many_refs(ctx, lt);
            break;
        }
        for (kind, id, _) in refs {
            let table = match kind {
                "action" => &t.actions,
                "axe" => &t.axes,
                "annexe" => &t.annexes,
                _ => &t.sections,
            };
            let needle = format!("#{kind}:{id}");
            let pos = source
                .as_deref()
                .and_then(|s| s.get(cursor..))
                .and_then(|s| s.find(&needle))
                .map(|p| p + cursor);
            if let Some(p) = pos {
                cursor = p + needle.len();
            }
            if table.get(id).is_some() || ctx.pruned.contains(id) {
                continue;
            }
            let mut d = Diagnostic::error(
                crate::diagnostic::codes::REFERENCE_RENVOI_INCONNU,
                format!(
                    "renvoi vers {} {} : « {id} »",
                    table.un(),
                    table.agree("inconnu")
                ),
            )
            .label("renvoi inconnu")
            .help_opt(
                did_you_mean(id, table.ids.keys().map(String::as_str)).or_else(|| {
                    Some(format!(
                        "les renvois s'écrivent [](#{kind}:ID) avec l'identifiant {} {}",
                        table.nom.d_un(),
                        table.agree("existant")
                    ))
                }),
            )
            .in_file(lt.file);
            if let (Some(p), Some(src)) = (pos, &source) {
                d = d.at(lt.file, crate::format::Span::locate(src, p, needle.len()));
            }
            ctx.push(d);
        }
    }
    ctx.texts = texts;
}

/// An exact count of a category given beside the list of participants
/// must agree with the list.
fn concertation_counts(ctx: &mut Ctx, merged: &Merged, model: &m::Roadmap) {
    let Some((file, c)) = &merged.concertation else {
        return;
    };
    let list = &model.concertation.participants;
    if list.is_empty() {
        return;
    }
    for e in &c.value.effectifs {
        let (Some(cat), None) = (&e.categorie, &e.precision) else {
            continue;
        };
        let named = list
            .iter()
            .filter(|p| model.acteurs[**p].categorie == cat.value)
            .count();
        if named as u64 != u64::from(e.nombre.value) {
            let code = serde_json::to_string(&cat.value).unwrap_or_default();
            ctx.push(
                Diagnostic::warning(
                    crate::diagnostic::codes::CONCERTATION_COMPTE_INCOHERENT,
                    format!(
                        "la concertation compte {} structures de catégorie {}, la liste des participants en nomme {}",
                        e.nombre.value,
                        code.trim_matches('"'),
                        named
                    ),
                )
                .at(*file, e.nombre.span)
                .label(format!("{named} dans la liste"))
                .help("corrigez le nombre, complétez la liste `participants`, ou écrivez `precision: plus_de` si la liste est partielle"),
            );
        }
    }
}
