//! Build the model from merged fragments: resolve ids, number axes and
//! actions, parse values. Every problem is reported; the model is only
//! returned when none is an error.

use super::context::{Ctx, IdTable};
use super::merge::Merged;
use crate::diagnostic::{Diagnostic, FileId};
use crate::format::{self as f, Sp};
use crate::model::{self as m};
use std::collections::{BTreeMap, BTreeSet};

/// Id tables of every kind of entity.
pub struct Tables {
    pub acteurs: IdTable,
    pub axes: IdTable,
    pub actions: IdTable,
    pub enveloppes: IdTable,
    pub annexes: IdTable,
    pub sections: IdTable,
    pub instances: IdTable,
    pub fonds: IdTable,
    pub tableaux: IdTable,
}

pub fn build_acteurs(ctx: &mut Ctx, merged: &Merged, t: &mut Tables) -> Vec<m::Acteur> {
    let mut out = Vec::new();
    for (file, a) in &merged.acteurs {
        ctx.define(&mut t.acteurs, *file, &a.id, out.len());
        let contact = a.contact.as_ref();
        if let Some(e) = contact.and_then(|c| c.email.as_ref()) {
            ctx.email(*file, e);
        }
        out.push(m::Acteur {
            id: a.id.value.clone(),
            nom: a.nom.value.clone(),
            sigle: a.sigle.as_ref().map(|s| s.value.clone()),
            categorie: a.categorie.value,
            commune: a.commune.as_ref().map(|s| s.value.clone()),
            email: contact
                .and_then(|c| c.email.as_ref())
                .map(|s| s.value.trim().to_string()),
            site: contact
                .and_then(|c| c.site.as_ref())
                .map(|s| s.value.clone()),
        });
    }
    out
}

/// Check a list of numbers is exactly 1..=n; report duplicates and gaps.
fn check_sequence(ctx: &mut Ctx, what: &str, prefix: &str, numbers: &[(u32, FileId, f::Span)]) {
    let mut seen: BTreeMap<u32, (FileId, f::Span)> = BTreeMap::new();
    for (n, file, span) in numbers {
        if let Some((ff, fs)) = seen.get(n) {
            ctx.push(
                Diagnostic::error(
                    "fdr::numero::doublon",
                    format!("deux {what}s portent le numéro {prefix}{n}"),
                )
                .at(*file, *span)
                .label("numéro déjà utilisé")
                .related(*ff, *fs, "première utilisation")
                .help("renumérotez, ou retirez `numero` pour le laisser calculer"),
            );
        } else {
            seen.insert(*n, (*file, *span));
        }
    }
    for (i, (n, (file, span))) in seen.iter().enumerate() {
        let expected = i as u32 + 1;
        if *n != expected && expected == 1 {
            ctx.push(
                Diagnostic::error(
                    "fdr::numero::lacune",
                    format!(
                        "la numérotation des {what}s commence à {prefix}{n} au lieu de {prefix}1"
                    ),
                )
                .at(*file, *span)
                .label(format!("{prefix}1 attendu"))
                .help(format!(
                    "numérotez les {what}s sans trou à partir de {prefix}1"
                )),
            );
            break;
        }
        if *n != expected {
            ctx.push(
                Diagnostic::error(
                    "fdr::numero::lacune",
                    format!(
                        "numérotation des {what}s interrompue : {prefix}{n} suit {prefix}{}",
                        expected - 1
                    ),
                )
                .at(*file, *span)
                .label(format!("{prefix}{expected} attendu"))
                .help(format!(
                    "numérotez les {what}s sans trou à partir de {prefix}1"
                )),
            );
            break;
        }
    }
}

/// The number each axe's numbered actions agree on ("2.1", "2.3" → 2),
/// by axe id: an axe without `numero` keeps it, so that adding an axe in a
/// file that sorts first renumbers nothing.
fn numbers_from_actions(merged: &Merged) -> BTreeMap<&str, Option<u32>> {
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
            actions: Vec::new(),
        });
    }
    out
}

/// Highest number of an action within its axe (N.9999): the numbering
/// that follows it stays far from the end of `u32`.
const MAX_NUMERO: u32 = 9999;

/// Parse "N.M" into (N, M), M in 1..=[`MAX_NUMERO`].
fn parse_numero(s: &str) -> Option<(u32, u32)> {
    let (a, b) = s.trim().split_once('.')?;
    let (n, m): (u32, u32) = (a.parse().ok()?, b.parse().ok()?);
    (1..=MAX_NUMERO).contains(&m).then_some((n, m))
}

/// "N.M" whose parts are digits but M is out of 1..=[`MAX_NUMERO`].
fn out_of_range(s: &str) -> bool {
    let digits = |p: &str| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit());
    s.trim()
        .split_once('.')
        .is_some_and(|(a, b)| digits(a) && digits(b))
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
    for (pos, (file, a)) in merged.actions.iter().enumerate() {
        let Some(axe) = ctx.resolve(&t.axes, *file, &a.axe) else {
            continue;
        };
        let axe_n = axes[axe].numero;
        let m_n = match &a.numero {
            Some(num) => match parse_numero(&num.value) {
                Some((n, mm)) if n == axe_n => mm,
                Some((n, mm)) => {
                    ctx.push(
                        Diagnostic::error(
                            "fdr::numero::hors_axe",
                            format!("l'action {} est numérotée dans l'axe {n} mais rattachée à l'axe {axe_n}", num.value),
                        )
                        .at(*file, num.span)
                        .label(format!("devrait commencer par « {axe_n}. »"))
                        .related(*file, a.axe.span, format!("rattachée ici à l'axe {axe_n}"))
                        .help(format!("numérotez-la « {axe_n}.{mm} » ou rattachez-la à l'axe {n}")),
                    );
                    continue;
                }
                None => {
                    ctx.push(
                        Diagnostic::error(
                            "fdr::numero::invalide",
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
                Diagnostic::error("fdr::action::sans_referent", format!("l'action « {} » n'a pas de référent", a.titre.value))
                    .at(file, a.id.span)
                    .label("action sans référent")
                    .help("ajoutez `referents: [{ acteur: ID }]` : chaque action a au moins une structure pilote"),
            );
        }
        let partenaires = resolve_list(ctx, &t.acteurs, file, &a.partenaires);
        let debut = ctx.opt_date(file, &a.debut);
        let fin = ctx.opt_date(file, &a.fin);
        let description = ctx.opt_text(file, &a.description);
        let indicateurs = a
            .indicateurs
            .iter()
            .map(|i| m::Indicateur {
                libelle: i.libelle.value.clone(),
                cible: ctx.opt_decimal(file, &i.cible),
                valeur: ctx.opt_decimal(file, &i.valeur),
                unite: i.unite.as_ref().map(|u| u.value.clone()),
                echeance: ctx.opt_date(file, &i.echeance),
            })
            .collect();
        out.push(m::Action {
            id: a.id.value.clone(),
            axe: *axe,
            numero: format!("{}.{}", axes[*axe].numero, m_n),
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
        });
    }
    // `partenaires_comme`: copy another action's own partners.
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
    out
}

pub fn resolve_list(
    ctx: &mut Ctx,
    table: &IdTable,
    file: FileId,
    ids: &[Sp<String>],
) -> Vec<usize> {
    let mut out = Vec::new();
    for id in ids {
        if let Some(ix) = ctx.resolve(table, file, id) {
            if out.contains(&ix) {
                ctx.push(
                    Diagnostic::warning(
                        "fdr::reference::repetee",
                        format!("« {} » est cité deux fois dans cette liste", id.value),
                    )
                    .at(file, id.span)
                    .label("déjà cité")
                    .help("retirez le doublon"),
                );
            } else {
                out.push(ix);
            }
        }
    }
    out
}

pub fn build_feuille(ctx: &mut Ctx, merged: &Merged, t: &Tables) -> Option<m::Feuille> {
    let Some((file, fr)) = &merged.feuille else {
        ctx.push(
            Diagnostic::error("fdr::feuille::manquante", "aucun fichier ne définit `feuille_de_route`")
                .help("ajoutez une rubrique `feuille_de_route:` (titre, territoire, période, date, co-porteurs) dans l'un des fichiers YAML ; `fdr init` en crée une"),
        );
        return None;
    };
    let file = *file;
    let fr = &fr.value;
    let date = ctx.date(file, &fr.date);
    let co_porteurs = resolve_list(ctx, &t.acteurs, file, &fr.co_porteurs);
    if fr.periode.fin.value < fr.periode.debut.value {
        ctx.push(
            Diagnostic::error(
                "fdr::date::fin_avant_debut",
                "la période se termine avant de commencer",
            )
            .at(file, fr.periode.fin.span)
            .label(format!(
                "fin {} avant le début {}",
                fr.periode.fin.value, fr.periode.debut.value
            ))
            .help("échangez `debut` et `fin`"),
        );
    } else if fr.periode.fin.value - fr.periode.debut.value >= m::MAX_PERIOD_YEARS {
        // The chronogramme's grid spans the period: bound it by the input.
        ctx.push(
            Diagnostic::error(
                "fdr::date::periode_trop_longue",
                format!(
                    "la période {}–{} couvre plus de {} ans",
                    fr.periode.debut.value,
                    fr.periode.fin.value,
                    m::MAX_PERIOD_YEARS
                ),
            )
            .at(file, fr.periode.fin.span)
            .label("fin trop lointaine")
            .help("une feuille de route couvre quelques années (2024–2027 pour France Numérique Ensemble) : vérifiez l'année"),
        );
    }
    Some(m::Feuille {
        titre: fr.titre.value.clone(),
        sous_titre: fr.sous_titre.as_ref().map(|s| s.value.clone()),
        territoire: fr.territoire.nom.value.clone(),
        code_departement: fr
            .territoire
            .code_departement
            .as_ref()
            .map(|c| c.value.clone()),
        perimetre: fr.territoire.perimetre,
        debut: fr.periode.debut.value,
        fin: fr.periode.fin.value,
        version: fr.version.as_ref().map(|v| v.value.clone()),
        date: date?,
        co_porteurs,
        introduction: ctx.opt_text(file, &fr.introduction),
        methodologie: ctx.opt_text(file, &fr.methodologie),
        etat_des_lieux: ctx.opt_text(file, &fr.etat_des_lieux),
        axes_introduction: ctx.opt_text(file, &fr.axes_introduction),
        conclusion: ctx.opt_text(file, &fr.conclusion),
    })
}

pub fn build_gouvernance(ctx: &mut Ctx, merged: &Merged, t: &mut Tables) -> m::Gouvernance {
    let Some((file, g)) = &merged.gouvernance else {
        return m::Gouvernance::default();
    };
    let file = *file;
    let membres = g
        .membres
        .iter()
        .filter_map(|mb| {
            let acteur = ctx.resolve(&t.acteurs, file, &mb.acteur)?;
            let mut roles: Vec<m::Role> = mb.roles.iter().map(|r| r.value).collect();
            roles.sort();
            roles.dedup();
            Some(m::Membre { acteur, roles })
        })
        .collect();
    let mut instances = Vec::new();
    for i in &g.instances {
        ctx.define(&mut t.instances, file, &i.id, instances.len());
        let membres = resolve_list(ctx, &t.acteurs, file, &i.membres);
        let mut reunions: Vec<m::ReunionInstance> = i
            .reunions
            .iter()
            .filter_map(|r| {
                Some(m::ReunionInstance {
                    date: ctx.date(file, &r.date)?,
                    objet: r.objet.as_ref().map(|o| o.value.clone()),
                    lieu: r.lieu.as_ref().map(|o| o.value.clone()),
                })
            })
            .collect();
        reunions.sort_by_key(|r| r.date.start());
        instances.push(m::Instance {
            id: i.id.value.clone(),
            nom: i.nom.value.clone(),
            sigle: i.sigle.as_ref().map(|s| s.value.clone()),
            genre: i.genre.value,
            frequence: i.frequence.value,
            role: i.role.as_ref().map(|s| s.value.clone()),
            membres,
            reunions,
        });
    }
    m::Gouvernance { membres, instances }
}
