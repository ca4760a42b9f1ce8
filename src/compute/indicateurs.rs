//! Figures of an indicator at a date: its latest value, the target it
//! moves toward, the progress made from the baseline (an exact ratio), and
//! its trend. Exact decimals only: never a float.

use crate::model::{DateFlou, Decimal, Indicateur, Sens};
use serde::Serialize;
use std::cmp::Ordering;

/// Exact comparison of two decimals of any scales.
pub fn cmp_decimal(a: Decimal, b: Decimal) -> Ordering {
    a.cmp_exact(&b)
}

/// An exact signed ratio `num / den`, `den > 0`; shown rounded to one
/// decimal of a percent.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Ratio {
    pub num: i128,
    pub den: i128,
}

impl Ratio {
    pub fn new(num: i128, den: i128) -> Option<Ratio> {
        match den.cmp(&0) {
            Ordering::Equal => None,
            Ordering::Greater => Some(Ratio { num, den }),
            Ordering::Less => Some(Ratio {
                num: num.checked_neg()?,
                den: den.checked_neg()?,
            }),
        }
    }

    /// Tenths of a percent, rounded half away from zero.
    pub fn per_mille(&self) -> i128 {
        let scaled = self.num.saturating_mul(2000);
        let twice = self.den.saturating_mul(2);
        if scaled >= 0 {
            (scaled + self.den) / twice
        } else {
            -((-scaled + self.den) / twice)
        }
    }

    /// At least one: the target is reached (or passed).
    pub fn atteint(&self) -> bool {
        self.num >= self.den
    }
}

impl Serialize for Ratio {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let pm = self.per_mille();
        let sign = if pm < 0 { "-" } else { "" };
        s.serialize_str(&format!("{sign}{}.{}", pm.abs() / 10, pm.abs() % 10))
    }
}

/// Direction of the last move of the series.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Tendance {
    Hausse,
    Baisse,
    Stable,
}

/// The latest value known, and its date when it has one.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Derniere {
    pub valeur: Decimal,
    pub date: Option<DateFlou>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct IndicatorFigures {
    /// The last measurement dated up to the report date, else the short
    /// form `valeur`.
    pub derniere: Option<Derniere>,
    /// Index in `cibles` of the target the progress is measured toward:
    /// the first not yet due, else the last one.
    pub cible: Option<usize>,
    /// (latest − baseline) / (target − baseline): 1 is the target reached;
    /// negative, a move away from it. Needs a baseline, a value and a
    /// target other than the baseline; never for `maintien`.
    pub progression: Option<Ratio>,
    /// Last move of the series (baseline and measurements).
    pub tendance: Option<Tendance>,
    /// Whether that move goes the way `sens` asks (unknown without `sens`,
    /// or for a stable value of an indicator that should move).
    pub favorable: Option<bool>,
}

/// The measurements known at `au` (all of them without a date).
fn known(i: &Indicateur, au: Option<DateFlou>) -> impl Iterator<Item = &crate::model::Releve> {
    i.mesures
        .iter()
        .filter(move |m| au.is_none_or(|au| m.date.start() <= au.end()))
}

fn next_target(i: &Indicateur, after: Option<(u16, u8, u8)>) -> Option<usize> {
    let dated: Vec<usize> = (0..i.cibles.len())
        .filter(|k| i.cibles[*k].date.is_some())
        .collect();
    if dated.is_empty() {
        return (!i.cibles.is_empty()).then_some(0);
    }
    let due = |k: &usize| {
        i.cibles[*k]
            .date
            .is_some_and(|d| after.is_none_or(|a| d.end() >= a))
    };
    dated.iter().copied().find(due).or(dated.last().copied())
}

fn trend(i: &Indicateur, au: Option<DateFlou>) -> Option<Tendance> {
    let series: Vec<Decimal> = i
        .reference
        .iter()
        .map(|r| r.valeur)
        .chain(known(i, au).map(|m| m.valeur))
        .collect();
    let [.., a, b] = series[..] else {
        return None;
    };
    Some(match cmp_decimal(b, a) {
        Ordering::Greater => Tendance::Hausse,
        Ordering::Less => Tendance::Baisse,
        Ordering::Equal => Tendance::Stable,
    })
}

fn favorable(sens: Option<Sens>, t: Option<Tendance>) -> Option<bool> {
    match (sens?, t?) {
        (Sens::Maintien, t) => Some(t == Tendance::Stable),
        (_, Tendance::Stable) => None,
        (Sens::Hausse, t) => Some(t == Tendance::Hausse),
        (Sens::Baisse, t) => Some(t == Tendance::Baisse),
    }
}

/// The figures of `i` at the report date `au` (`None`: the document's own
/// state, every measurement known).
pub fn figures(i: &Indicateur, au: Option<DateFlou>) -> IndicatorFigures {
    let derniere = known(i, au)
        .last()
        .map(|m| Derniere {
            valeur: m.valeur,
            date: Some(m.date),
        })
        .or(i.valeur.map(|valeur| Derniere { valeur, date: None }));
    let after = au
        .map(|d| d.start())
        .or(derniere.and_then(|d| d.date).map(|d| d.start()));
    let cible = next_target(i, after);
    let progression = match (&i.reference, derniere, cible) {
        (Some(r), Some(d), Some(k)) if i.sens != Some(Sens::Maintien) => {
            let [base, target, now] = at_one_scale([r.valeur, i.cibles[k].valeur, d.valeur]);
            Ratio::new(now - base, target - base)
        }
        _ => None,
    };
    let tendance = trend(i, au);
    IndicatorFigures {
        derniere,
        cible,
        progression,
        tendance,
        favorable: favorable(i.sens, tendance),
    }
}

/// Decimals as integers at the largest of their scales.
fn at_one_scale<const N: usize>(v: [Decimal; N]) -> [i128; N] {
    let scale = v.iter().map(|d| d.scale).max().unwrap_or(0);
    v.map(|d| i128::from(d.mantissa) * 10i128.pow(u32::from(scale - d.scale)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{CibleIndicateur, Releve};

    fn d(s: &str) -> Decimal {
        Decimal::parse(s).unwrap()
    }

    fn date(s: &str) -> DateFlou {
        DateFlou::parse(s).unwrap()
    }

    fn indicator(sens: Sens, base: &str, target: &str, mesures: &[(&str, &str)]) -> Indicateur {
        Indicateur {
            id: None,
            libelle: "x".into(),
            unite: None,
            sens: Some(sens),
            reference: Some(Releve {
                valeur: d(base),
                date: date("2024"),
                source: None,
                commentaire: None,
            }),
            cibles: vec![CibleIndicateur {
                valeur: d(target),
                date: Some(date("2027")),
            }],
            mesures: mesures
                .iter()
                .map(|(dt, v)| Releve {
                    valeur: d(v),
                    date: date(dt),
                    source: None,
                    commentaire: None,
                })
                .collect(),
            valeur: None,
            source: None,
        }
    }

    #[test]
    fn progress_is_exact_both_ways() {
        let up = figures(
            &indicator(Sens::Hausse, "100", "300", &[("2025", "150")]),
            None,
        );
        assert_eq!(up.progression.unwrap().per_mille(), 250);
        assert_eq!(up.tendance, Some(Tendance::Hausse));
        assert_eq!(up.favorable, Some(true));
        let down = figures(
            &indicator(Sens::Baisse, "40", "20", &[("2025", "35.5")]),
            None,
        );
        assert_eq!(down.progression.unwrap().per_mille(), 225);
        assert_eq!(down.favorable, Some(true));
        let away = figures(
            &indicator(Sens::Baisse, "40", "20", &[("2025", "44")]),
            None,
        );
        assert_eq!(away.progression.unwrap().per_mille(), -200);
        assert_eq!(away.favorable, Some(false));
    }

    #[test]
    fn a_report_date_hides_later_measurements() {
        let i = indicator(Sens::Hausse, "0", "10", &[("2025", "5"), ("2026-06", "8")]);
        let at = figures(&i, Some(date("2025-12-31")));
        assert_eq!(at.derniere.unwrap().valeur, d("5"));
        assert_eq!(at.progression.unwrap().per_mille(), 500);
    }

    #[test]
    fn ratios_round_half_away_from_zero() {
        assert_eq!(Ratio::new(1, 8).unwrap().per_mille(), 125);
        assert_eq!(Ratio::new(-1, 8).unwrap().per_mille(), -125);
        assert_eq!(Ratio::new(2, -3).unwrap().per_mille(), -667);
        assert_eq!(Ratio::new(1, 0), None);
    }
}
