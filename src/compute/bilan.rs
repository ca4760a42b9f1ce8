//! The figures of a progress report at a date given by the user (never
//! the clock): late actions, milestones around the date, indicators at the
//! date, money planned / granted / paid, meetings held against the
//! frequency promised.

use super::Share;
use super::indicateurs::{IndicatorFigures, figures};
use crate::model::{
    Action, ActionIx, DateFlou, Frequence, Ligne, Money, Roadmap, Source, Statut,
    StatutFinancement, TypeInstance,
};
use serde::Serialize;
use std::collections::BTreeMap;

/// Late at `au`: its end has passed (the day after its last day) and it is
/// neither done nor abandoned. Never typed in the sources.
pub fn en_retard(a: &Action, au: DateFlou) -> bool {
    !matches!(a.statut, Statut::Realisee | Statut::Abandonnee)
        && a.fin.is_some_and(|f| f.end() < au.start())
}

#[derive(Debug, Serialize)]
pub struct AxeFigures {
    pub total: usize,
    pub par_statut: Vec<(Statut, usize)>,
    pub realisees: usize,
    pub en_retard: usize,
}

/// Planned, granted and paid cash of one funder or one year.
#[derive(Debug, Default, Clone, Copy, Serialize)]
pub struct Etat {
    pub prevu: Money,
    pub accorde: Money,
    pub verse: Money,
}

#[derive(Debug, Serialize)]
pub struct InstanceFigures {
    /// Meetings held from the roadmap's date to the report date.
    pub tenues: usize,
    /// Meetings the frequency promises over the same time, in whole
    /// months elapsed; `None` for a frequency `autre`.
    pub attendues: Option<u32>,
    /// Per year from the roadmap's to the report's.
    pub par_annee: Vec<AnneeReunions>,
    pub derniere: Option<DateFlou>,
}

/// Meetings of one year of the window.
#[derive(Debug, Serialize)]
pub struct AnneeReunions {
    pub annee: u16,
    pub tenues: usize,
    /// Promised over the whole months of that year in the window.
    pub attendues: Option<u32>,
    /// Whole months of that year in the window (12 for a full year).
    pub mois: u32,
}

#[derive(Debug, Serialize)]
pub struct BilanFigures {
    pub au: DateFlou,
    pub par_statut: Vec<(Statut, usize)>,
    pub par_axe: Vec<AxeFigures>,
    /// In number order.
    pub en_retard: Vec<ActionIx>,
    /// Done among the actions not abandoned.
    pub part_realisee: Option<Share>,
    /// Sub-steps done, and in all.
    pub etapes: (usize, usize),
    /// Start of the window of « since the last report »: the last meeting
    /// of a strategic instance before the report date, else six months
    /// before it.
    pub depuis: (u16, u8, u8),
    pub depuis_copil: Option<DateFlou>,
    /// Milestones (indexes into `jalons`) reached in the window, and those
    /// of the six months after the report date.
    pub jalons_passes: Vec<usize>,
    pub jalons_a_venir: Vec<usize>,
    pub indicateurs: Vec<IndicatorFigures>,
    pub indicateurs_actions: Vec<Vec<IndicatorFigures>>,
    pub par_financeur: Vec<(Source, Etat)>,
    /// By year (`None`: the amounts whose year is not given).
    pub par_annee: Vec<(Option<u16>, Etat)>,
    pub total: Etat,
    pub instances: Vec<InstanceFigures>,
}

/// `(y, m, d)` moved by `months` (day kept: only compared, never shown).
fn shift(d: (u16, u8, u8), months: i32) -> (u16, u8, u8) {
    let idx = i32::from(d.0) * 12 + i32::from(d.1) - 1 + months;
    let y = u16::try_from(idx.div_euclid(12)).unwrap_or(d.0);
    (y, (idx.rem_euclid(12) + 1) as u8, d.2)
}

fn statuts<'a>(actions: impl Iterator<Item = &'a Action>) -> Vec<(Statut, usize)> {
    let mut map: BTreeMap<Statut, usize> = BTreeMap::new();
    for a in actions {
        *map.entry(a.statut).or_default() += 1;
    }
    map.into_iter().collect()
}

fn last_copil(m: &Roadmap, au: DateFlou) -> Option<DateFlou> {
    m.gouvernance
        .instances
        .iter()
        .filter(|i| i.genre == TypeInstance::Strategique)
        .flat_map(|i| &i.reunions)
        .map(|r| r.date)
        .filter(|d| d.start() < au.start())
        .max_by_key(|d| d.start())
}

fn jalons(m: &Roadmap, from: (u16, u8, u8), au: DateFlou) -> (Vec<usize>, Vec<usize>) {
    let until = shift(au.start(), 6);
    let mut passes = Vec::new();
    let mut a_venir = Vec::new();
    for (k, j) in m.jalons.iter().enumerate() {
        let end = j.fin.unwrap_or(j.date).end();
        if end >= from && end <= au.start() {
            passes.push(k);
        } else if j.date.start() > au.start() && j.date.start() <= until {
            a_venir.push(k);
        }
    }
    let key = |k: &usize| m.jalons[*k].date.start();
    passes.sort_by_key(key);
    a_venir.sort_by_key(key);
    (passes, a_venir)
}

pub fn bilan(m: &Roadmap, au: DateFlou) -> BilanFigures {
    let late: Vec<ActionIx> = (0..m.actions.len())
        .filter(|&k| en_retard(&m.actions[k], au))
        .collect();
    let par_axe = m
        .axes
        .iter()
        .map(|x| {
            let actions = || x.actions.iter().map(|&k| &m.actions[k]);
            AxeFigures {
                total: x.actions.len(),
                par_statut: statuts(actions()),
                realisees: actions().filter(|a| a.statut == Statut::Realisee).count(),
                en_retard: actions().filter(|a| en_retard(a, au)).count(),
            }
        })
        .collect();
    let vivantes = m.actions.iter().filter(|a| a.statut != Statut::Abandonnee);
    let realisees = m
        .actions
        .iter()
        .filter(|a| a.statut == Statut::Realisee)
        .count();
    let etapes = m.actions.iter().flat_map(|a| &a.suivi.etapes);
    let depuis_copil = last_copil(m, au);
    let depuis = depuis_copil.map_or_else(|| shift(au.start(), -6), |d| d.start());
    let (jalons_passes, jalons_a_venir) = jalons(m, depuis, au);
    let (par_financeur, par_annee, total) = money(m);
    BilanFigures {
        au,
        par_statut: statuts(m.actions.iter()),
        par_axe,
        en_retard: late,
        part_realisee: Share::new(realisees as u64, vivantes.count() as u64),
        etapes: (etapes.clone().filter(|e| e.faite).count(), etapes.count()),
        depuis,
        depuis_copil,
        jalons_passes,
        jalons_a_venir,
        indicateurs: m.indicateurs.iter().map(|i| figures(i, Some(au))).collect(),
        indicateurs_actions: m
            .actions
            .iter()
            .map(|a| a.indicateurs.iter().map(|i| figures(i, Some(au))).collect())
            .collect(),
        par_financeur,
        par_annee,
        total,
        instances: instances(m, au),
    }
}

/// Granted: the amount written under `accorde`, else the whole line once
/// its status is `accorde` or `verse`. Paid: `verse`, else the whole line
/// once `verse`.
fn granted_paid(l: &Ligne) -> (Money, Money) {
    let total = l.total();
    let s = l.statut;
    let accorde = l.accorde.unwrap_or(
        if matches!(
            s,
            Some(StatutFinancement::Accorde | StatutFinancement::Verse)
        ) {
            total
        } else {
            Money(0)
        },
    );
    let verse = l.verse.unwrap_or(if s == Some(StatutFinancement::Verse) {
        total
    } else {
        Money(0)
    });
    (accorde, verse)
}

type MoneyTables = (Vec<(Source, Etat)>, Vec<(Option<u16>, Etat)>, Etat);

/// Cash lines counted (refused and in kind left out), by funder and by
/// year. A granted or paid amount that is the whole line follows its
/// years; a partial one goes to the line's year when it has one only,
/// else to « year not given ».
fn money(m: &Roadmap) -> MoneyTables {
    let mut by_source: BTreeMap<Source, Etat> = BTreeMap::new();
    let mut by_year: BTreeMap<Option<u16>, Etat> = BTreeMap::new();
    let mut total = Etat::default();
    for l in m.lignes.iter().filter(|l| l.compte() && !l.en_nature()) {
        let (accorde, verse) = granted_paid(l);
        let line_total = l.total();
        let e = by_source.entry(l.source).or_default();
        e.prevu = e.prevu + line_total;
        e.accorde = e.accorde + accorde;
        e.verse = e.verse + verse;
        total.prevu = total.prevu + line_total;
        total.accorde = total.accorde + accorde;
        total.verse = total.verse + verse;
        let single = match l.montants[..] {
            [(y, _)] => y,
            _ => None,
        };
        for (y, mo) in &l.montants {
            let e = by_year.entry(*y).or_default();
            e.prevu = e.prevu + *mo;
            if accorde == line_total {
                e.accorde = e.accorde + *mo;
            }
            if verse == line_total {
                e.verse = e.verse + *mo;
            }
        }
        let e = by_year.entry(single).or_default();
        if accorde != line_total {
            e.accorde = e.accorde + accorde;
        }
        if verse != line_total {
            e.verse = e.verse + verse;
        }
    }
    by_year.retain(|_, e| e.prevu.0 != 0 || e.accorde.0 != 0 || e.verse.0 != 0);
    let mut years: Vec<(Option<u16>, Etat)> = by_year.into_iter().collect();
    // Dated years first, « year not given » last.
    years.sort_by_key(|(y, _)| (y.is_none(), *y));
    let mut sources: Vec<(Source, Etat)> = by_source.into_iter().collect();
    sources.sort_by(|a, b| {
        b.1.prevu
            .cmp(&a.1.prevu)
            .then_with(|| super::money::source_nom(m, a.0).cmp(super::money::source_nom(m, b.0)))
    });
    (sources, years, total)
}

/// Meetings an instance promises in a year: its number of meetings a year
/// (the lower bound of a range), else its frequency's.
pub fn par_an(i: &crate::model::Instance) -> Option<u32> {
    if let Some((de, _)) = i.reunions_par_an {
        return Some(de);
    }
    match i.frequence? {
        Frequence::Mensuelle => Some(12),
        Frequence::Trimestrielle => Some(4),
        Frequence::Semestrielle => Some(2),
        Frequence::Annuelle => Some(1),
        Frequence::ALaDemande | Frequence::Autre => None,
    }
}

/// Whole months from the month of `from` to the month before `au`'s
/// (the report's month is not over), within the year `y` when given.
fn months(from: DateFlou, au: DateFlou, y: Option<u16>) -> u32 {
    let start = from.month_index();
    let end = au.month_index(); // exclusive
    let (lo, hi) = match y {
        Some(y) => (u32::from(y) * 12, u32::from(y) * 12 + 12),
        None => (0, u32::MAX),
    };
    end.min(hi).saturating_sub(start.max(lo))
}

/// Meetings held from the roadmap's date (`feuille_de_route.date`) to the
/// report date, against those its frequency promises over the whole months
/// in between.
fn instances(m: &Roadmap, au: DateFlou) -> Vec<InstanceFigures> {
    let from = m.feuille.date;
    m.gouvernance
        .instances
        .iter()
        .map(|i| {
            let held: Vec<DateFlou> = i
                .reunions
                .iter()
                .map(|r| r.date)
                .filter(|d| d.month_index() >= from.month_index() && d.start() <= au.start())
                .collect();
            let per_year = par_an(i);
            InstanceFigures {
                tenues: held.len(),
                attendues: per_year.map(|n| n * months(from, au, None) / 12),
                par_annee: (from.annee..=au.annee.max(from.annee))
                    .map(|y| {
                        let mois = months(from, au, Some(y));
                        AnneeReunions {
                            annee: y,
                            tenues: held.iter().filter(|d| d.annee == y).count(),
                            attendues: per_year.map(|n| n * mois / 12),
                            mois,
                        }
                    })
                    .collect(),
                derniere: held.iter().copied().max_by_key(|d| d.start()),
            }
        })
        .collect()
}

/// A measurement of `new` that `old` did not have: same indicator (its
/// action's id and its label), no measurement of the same date and value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NouvelleMesure {
    /// `None`: an indicator of the whole roadmap.
    pub action: Option<ActionIx>,
    pub indicateur: usize,
    pub mesure: usize,
}

pub fn nouvelles_mesures(old: &Roadmap, new: &Roadmap) -> Vec<NouvelleMesure> {
    let key = |a: Option<&Action>, i: &crate::model::Indicateur| {
        (a.map(|a| a.id.clone()), i.libelle.clone())
    };
    let mut before: BTreeMap<(Option<String>, String), &crate::model::Indicateur> = BTreeMap::new();
    for i in &old.indicateurs {
        before.insert(key(None, i), i);
    }
    for a in &old.actions {
        for i in &a.indicateurs {
            before.insert(key(Some(a), i), i);
        }
    }
    let all = new
        .indicateurs
        .iter()
        .enumerate()
        .map(|(k, i)| (None, k, i))
        .chain(new.actions.iter().enumerate().flat_map(|(ax, a)| {
            a.indicateurs
                .iter()
                .enumerate()
                .map(move |(k, i)| (Some(ax), k, i))
        }));
    let mut out = Vec::new();
    for (action, k, i) in all {
        let old_i = before.get(&key(action.map(|ax| &new.actions[ax]), i));
        for (n, m) in i.mesures.iter().enumerate() {
            let known = old_i.is_some_and(|o| {
                o.mesures
                    .iter()
                    .any(|x| x.date == m.date && x.valeur.cmp_exact(&m.valeur).is_eq())
            });
            if !known {
                out.push(NouvelleMesure {
                    action,
                    indicateur: k,
                    mesure: n,
                });
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::shift;

    #[test]
    fn months_shift_across_years() {
        assert_eq!(shift((2026, 11, 27), 6), (2027, 5, 27));
        assert_eq!(shift((2026, 3, 1), -6), (2025, 9, 1));
        assert_eq!(shift((2026, 12, 31), 0), (2026, 12, 31));
    }
}
