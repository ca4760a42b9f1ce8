//! The financing annex: by axe and action with sub-totals, by funder, by
//! year and funder, by status, cash apart from in kind, the envelopes and
//! their contributors, the cercles of funders, and the human means.

use super::ligne::source_nom;
use super::parts::{Barre, barres};
use super::{Ctx, Heading, Headings};
use crate::model::Money;
use crate::render::markdown::Texte;
use crate::render::{fmt, labels};
use serde::Serialize;

#[derive(Debug, Serialize, schemars::JsonSchema)]
pub struct LigneFinancementV {
    pub numero: String,
    pub titre: String,
    pub ancre: String,
    pub montant: String,
    pub referents: String,
    pub recipiendaires: String,
}

#[derive(Debug, Serialize, schemars::JsonSchema)]
pub struct AxeFinancementV {
    pub h: Heading,
    pub lignes: Vec<LigneFinancementV>,
    pub sous_total: String,
    pub part: String,
}

#[derive(Debug, Serialize, schemars::JsonSchema)]
pub struct MontantActeurV {
    pub nom: String,
    pub montant: String,
    pub part: String,
}

/// Cash by funder (rows) and year (columns).
#[derive(Debug, Serialize, schemars::JsonSchema)]
pub struct GrilleV {
    /// Years, then « Année non précisée » when some amounts have none.
    pub colonnes: Vec<String>,
    pub lignes: Vec<LigneGrilleV>,
    pub totaux: Vec<String>,
    pub total: String,
}

#[derive(Debug, Serialize, schemars::JsonSchema)]
pub struct LigneGrilleV {
    pub financeur: String,
    /// Empty cell where nothing is given.
    pub montants: Vec<String>,
    pub total: String,
}

#[derive(Debug, Serialize, schemars::JsonSchema)]
pub struct ContributionV {
    pub financeur: String,
    pub annee: Option<u16>,
    pub montant: Option<String>,
}

#[derive(Debug, Serialize, schemars::JsonSchema)]
pub struct EnveloppeV {
    pub libelle: String,
    pub financeur: Option<String>,
    pub periode: Option<String>,
    pub montant: Option<String>,
    /// Only when some line of the roadmap draws on the envelope: without
    /// any, « 0 € affectés, tout disponible » would be a guess.
    pub affecte: Option<String>,
    pub disponible: Option<String>,
    pub plafond_annuel: Option<String>,
    pub contributions: Vec<ContributionV>,
    /// Some contribution gives a year or an amount (else a list of names).
    pub contributions_detaillees: bool,
    /// « 3 contributeurs ».
    pub nb_contributeurs: Option<String>,
    pub regles: Option<Texte>,
}

#[derive(Debug, Serialize, schemars::JsonSchema)]
pub struct MembreCercleV {
    pub nom: String,
    pub part: Option<String>,
    pub montant: Option<String>,
}

#[derive(Debug, Serialize, schemars::JsonSchema)]
pub struct CercleV {
    pub nom: String,
    pub membres: Vec<MembreCercleV>,
    /// Shares given for every member.
    pub repartition: bool,
    /// Cash of its lines, when some.
    pub total: Option<String>,
    pub note: Option<Texte>,
}

#[derive(Debug, Serialize, schemars::JsonSchema)]
pub struct PosteV {
    pub structure: String,
    pub role: String,
    pub etp: Option<String>,
    pub nombre: Option<String>,
    pub action: Option<String>,
    pub periode: Option<String>,
}

#[derive(Debug, Serialize, schemars::JsonSchema)]
pub struct MoyensHumainsV {
    pub postes: Vec<PosteV>,
    /// (year, ETP) for the posts with both years.
    pub etp_par_annee: Vec<(u16, String)>,
    /// ETP of the posts without a complete period.
    pub etp_sans_periode: Option<String>,
}

#[derive(Debug, Serialize, schemars::JsonSchema)]
pub struct FinancementV {
    pub axes: Vec<AxeFinancementV>,
    /// Counted cash (refused lines and in kind excluded).
    pub total: String,
    /// In kind, valued in euros / in days / in ETP, when given.
    pub total_nature: Option<String>,
    pub jours_nature: Option<String>,
    pub etp_nature: Option<String>,
    /// Refused lines, shown apart, when some.
    pub refuse: Option<String>,
    pub par_financeur: Vec<MontantActeurV>,
    pub par_recipiendaire: Vec<MontantActeurV>,
    pub par_annee: Vec<(u16, String)>,
    /// Only when some line gives a year.
    pub grille: Option<GrilleV>,
    /// Only when some line gives a status: (label, amount).
    pub par_statut: Vec<(String, String)>,
    pub accorde: Option<String>,
    pub verse: Option<String>,
    pub enveloppes: Vec<EnveloppeV>,
    pub cercles: Vec<CercleV>,
    pub moyens_humains: Option<MoyensHumainsV>,
    pub barres: Vec<Barre>,
    pub barres_annees: Vec<Barre>,
}

pub(super) fn financement(ctx: &Ctx, h: &Headings) -> FinancementV {
    let a = &ctx.c.argent;
    let positive = |m: Money| (m > Money(0)).then(|| fmt::money(m));
    let any_status = a.par_statut.iter().any(|(s, _)| s.is_some());
    FinancementV {
        axes: axes(ctx, h),
        total: fmt::money(a.total),
        total_nature: positive(a.total_nature),
        jours_nature: a.jours_nature.map(fmt::decimal),
        etp_nature: a.etp_nature.map(fmt::decimal),
        refuse: positive(a.refuse),
        par_financeur: a
            .par_financeur
            .iter()
            .map(|s| MontantActeurV {
                nom: source_nom(ctx, s.source),
                montant: fmt::money(s.montant),
                part: fmt::opt_share(s.part),
            })
            .collect(),
        par_recipiendaire: a
            .par_recipiendaire
            .iter()
            .map(|x| MontantActeurV {
                nom: ctx.acteur_nom(x.acteur),
                montant: fmt::money(x.montant),
                part: fmt::opt_share(x.part),
            })
            .collect(),
        par_annee: a
            .par_annee
            .iter()
            .map(|(y, mo)| (*y, fmt::money(*mo)))
            .collect(),
        grille: grille(ctx),
        par_statut: if any_status {
            a.par_statut
                .iter()
                .map(|(s, m)| {
                    let l = s.map_or("non précisé", labels::statut_financement);
                    (fmt::ucfirst(l), fmt::money(*m))
                })
                .collect()
        } else {
            Vec::new()
        },
        accorde: positive(a.accorde),
        verse: positive(a.verse),
        enveloppes: enveloppes(ctx),
        cercles: cercles(ctx),
        moyens_humains: moyens_humains(ctx),
        barres: Vec::new(),
        barres_annees: barres(
            a.par_annee
                .iter()
                .map(|(y, m)| {
                    (
                        y.to_string(),
                        String::new(),
                        m.0.max(0) as u64,
                        fmt::money(*m),
                        String::new(),
                    )
                })
                .collect(),
        ),
    }
}

fn axes(ctx: &Ctx, h: &Headings) -> Vec<AxeFinancementV> {
    let m = ctx.m;
    let names = |v: Vec<usize>| {
        let mut seen = Vec::new();
        for x in v {
            if !seen.contains(&x) {
                seen.push(x);
            }
        }
        seen.iter()
            .map(|i| ctx.acteur_nom(*i))
            .collect::<Vec<_>>()
            .join(" + ")
    };
    m.axes
        .iter()
        .enumerate()
        .map(|(ax, x)| AxeFinancementV {
            h: h.axes[ax].clone(),
            lignes: x
                .actions
                .iter()
                .map(|a| {
                    let act = &m.actions[*a];
                    LigneFinancementV {
                        numero: act.numero.clone(),
                        titre: act.titre.clone(),
                        ancre: h.actions[*a].ancre.clone(),
                        montant: if ctx.c.argent.action_financee[*a] {
                            fmt::money(ctx.c.argent.par_action[*a])
                        } else {
                            "—".into()
                        },
                        referents: names(act.referents.iter().map(|r| r.acteur).collect()),
                        recipiendaires: names(
                            ctx.lignes_par_action[*a]
                                .iter()
                                .filter_map(|&i| m.lignes[i].recipiendaire)
                                .collect(),
                        ),
                    }
                })
                .collect(),
            sous_total: super::axes::axe_money(ctx, ax),
            part: super::axes::axe_share(ctx, ax),
        })
        .collect()
}

fn grille(ctx: &Ctx) -> Option<GrilleV> {
    let g = &ctx.c.argent.grille;
    if g.annees.is_empty() {
        return None;
    }
    let cell = |m: &Money| {
        if *m > Money(0) {
            fmt::money(*m)
        } else {
            String::new()
        }
    };
    let mut colonnes: Vec<String> = g.annees.iter().map(u16::to_string).collect();
    if g.sans_annee {
        colonnes.push("Année non précisée".into());
    }
    Some(GrilleV {
        colonnes,
        lignes: g
            .lignes
            .iter()
            .map(|(s, ms)| LigneGrilleV {
                financeur: source_nom(ctx, *s),
                montants: ms.iter().map(cell).collect(),
                total: fmt::money(ms.iter().copied().sum()),
            })
            .collect(),
        totaux: g.totaux.iter().map(|m| fmt::money(*m)).collect(),
        total: fmt::money(g.totaux.iter().copied().sum()),
    })
}

fn enveloppes(ctx: &Ctx) -> Vec<EnveloppeV> {
    // Which envelopes some line draws on, in one pass over the lines.
    let mut drawn_on = vec![false; ctx.m.enveloppes.len()];
    for e in ctx.m.lignes.iter().filter_map(|l| l.enveloppe) {
        drawn_on[e] = true;
    }
    ctx.m
        .enveloppes
        .iter()
        .enumerate()
        .map(|(i, e)| {
            let affecte = ctx.c.argent.par_enveloppe[i];
            let drawn = drawn_on[i];
            let total = e.montant_effectif();
            let mut contributeurs: Vec<usize> =
                e.contributions.iter().map(|c| c.financeur).collect();
            contributeurs.sort_unstable();
            contributeurs.dedup();
            EnveloppeV {
                libelle: e.libelle.clone(),
                financeur: e.financeur.map(|f| ctx.acteur_nom(f)),
                periode: fmt::date_range(e.debut, e.fin),
                montant: total.map(fmt::money),
                affecte: drawn.then(|| fmt::money(affecte)),
                disponible: total.filter(|_| drawn).map(|t| fmt::money(t - affecte)),
                plafond_annuel: e.plafond_annuel.map(fmt::money),
                contributions: e
                    .contributions
                    .iter()
                    .map(|c| ContributionV {
                        financeur: ctx.acteur_nom(c.financeur),
                        annee: c.annee,
                        montant: c.montant.map(fmt::money),
                    })
                    .collect(),
                contributions_detaillees: e
                    .contributions
                    .iter()
                    .any(|c| c.annee.is_some() || c.montant.is_some()),
                nb_contributeurs: (!contributeurs.is_empty())
                    .then(|| fmt::count(contributeurs.len(), "contributeur", "contributeurs")),
                regles: ctx.text(&e.regles, 6),
            }
        })
        .collect()
}

fn cercles(ctx: &Ctx) -> Vec<CercleV> {
    ctx.m
        .cercles
        .iter()
        .zip(&ctx.c.argent.cercles)
        .map(|(c, (total, parts))| CercleV {
            nom: c.nom.clone(),
            membres: c
                .membres
                .iter()
                .enumerate()
                .map(|(i, (a, p))| MembreCercleV {
                    nom: ctx.acteur_nom(*a),
                    part: p.map(|p| format!("{}\u{a0}%", fmt::decimal(p))),
                    montant: parts
                        .as_ref()
                        .filter(|_| *total > Money(0))
                        .and_then(|v| v.get(i))
                        .map(|m| fmt::money(*m)),
                })
                .collect(),
            repartition: c.membres.iter().all(|(_, p)| p.is_some()),
            total: (*total > Money(0)).then(|| fmt::money(*total)),
            note: ctx.text(&c.note, 6),
        })
        .collect()
}

fn moyens_humains(ctx: &Ctx) -> Option<MoyensHumainsV> {
    let m = ctx.m;
    if m.postes.is_empty() {
        return None;
    }
    let a = &ctx.c.argent;
    Some(MoyensHumainsV {
        postes: m
            .postes
            .iter()
            .map(|p| PosteV {
                structure: ctx.acteur_nom(p.structure),
                role: p.role.clone(),
                etp: p.etp.map(fmt::decimal),
                nombre: p.nombre.map(|n| fmt::int(i128::from(n))),
                action: p.action.map(|x| m.actions[x].numero.clone()),
                periode: match (p.debut, p.fin) {
                    (Some(d), Some(f)) if d == f => Some(d.to_string()),
                    (Some(d), Some(f)) => Some(format!("{d}–{f}")),
                    (Some(d), None) => Some(format!("à partir de {d}")),
                    (None, Some(f)) => Some(format!("jusqu'en {f}")),
                    (None, None) => None,
                },
            })
            .collect(),
        etp_par_annee: a
            .etp_par_annee
            .iter()
            .map(|(y, e)| (*y, fmt::decimal(*e)))
            .collect(),
        etp_sans_periode: a.etp_sans_periode.map(fmt::decimal),
    })
}
