//! An indicator as the documents show it: baseline, targets and
//! measurements formatted in French, progress and trend, and the points of
//! its chart (in thousandths of the chart's width and height, so that the
//! SVG of the HTML page and the shapes of the PDF draw the same figure).

use crate::compute::indicateurs::IndicatorFigures;
use crate::model::{DateFlou, Decimal, Indicateur};
use crate::render::{fmt, labels};
use serde::Serialize;

#[derive(Debug, Serialize, schemars::JsonSchema)]
pub struct ReleveV {
    pub date: String,
    pub valeur: String,
    pub source: Option<String>,
    pub commentaire: Option<String>,
}

#[derive(Debug, Serialize, schemars::JsonSchema)]
pub struct CibleV {
    pub date: Option<String>,
    pub valeur: String,
}

/// A point of an indicator's chart: `x` and `y` in thousandths of the
/// chart (`y` from the bottom).
#[derive(Debug, Serialize, schemars::JsonSchema)]
pub struct PointV {
    pub x: u64,
    pub y: u64,
    /// `reference`, `mesure` or `cible`.
    pub genre: &'static str,
    pub date: String,
    pub valeur: String,
}

#[derive(Debug, Serialize, schemars::JsonSchema)]
pub struct GraphiqueV {
    pub points: Vec<PointV>,
    /// Values at the bottom and at the top of the chart (numbers only).
    pub bas: String,
    pub haut: String,
    /// First and last dates of the time axis.
    pub debut: String,
    pub fin: String,
    /// Text alternative: every point, in words.
    pub description: String,
}

#[derive(Debug, Serialize, schemars::JsonSchema)]
pub struct IndicateurV {
    pub libelle: String,
    /// The target progress is measured toward (with its unit).
    pub cible: Option<String>,
    /// The latest value (with its unit).
    pub valeur: Option<String>,
    /// Date of that target.
    pub echeance: Option<String>,
    pub unite: Option<String>,
    pub sens: Option<&'static str>,
    /// « 120 personnes en 2024 (source) ».
    pub reference: Option<String>,
    pub reference_source: Option<String>,
    pub cibles: Vec<CibleV>,
    pub mesures: Vec<ReleveV>,
    pub date_valeur: Option<String>,
    /// « 62,5 % », exact ratio rounded to one decimal.
    pub progression: Option<String>,
    /// 0–1000 for a gauge (progress clamped to 0–100 %).
    pub jauge: Option<u64>,
    pub tendance: Option<&'static str>,
    pub favorable: Option<bool>,
    pub source: Option<String>,
    pub graphique: Option<GraphiqueV>,
}

pub(crate) fn qty(v: Decimal, unite: &Option<String>) -> String {
    match unite.as_deref() {
        Some(u) if u.starts_with('%') => format!("{}{}{u}", fmt::decimal(v), fmt::UNIT_SPACE),
        Some(u) => format!("{} {u}", fmt::decimal(v)),
        None => fmt::decimal(v),
    }
}

/// Integer at the largest scale of the values, for the chart.
fn scaled(values: &[Decimal]) -> Vec<i128> {
    let scale = values.iter().map(|d| d.scale).max().unwrap_or(0);
    values
        .iter()
        .map(|d| i128::from(d.mantissa) * 10i128.pow(u32::from(scale - d.scale)))
        .collect()
}

/// A value of the axis: a number only (a percentage keeps its sign),
/// without the zeros the common scale added.
fn axis_label(n: i128, scale: u8, pourcentage: bool) -> String {
    let mut d = Decimal {
        mantissa: i64::try_from(n).unwrap_or(0),
        scale,
    };
    while d.scale > 0 && d.mantissa % 10 == 0 {
        d = Decimal {
            mantissa: d.mantissa / 10,
            scale: d.scale - 1,
        };
    }
    if pourcentage {
        format!("{}{}%", fmt::decimal(d), fmt::UNIT_SPACE)
    } else {
        fmt::decimal(d)
    }
}

fn per_mille(v: i128, lo: i128, hi: i128) -> u64 {
    if hi <= lo {
        return 500;
    }
    u64::try_from((v - lo).saturating_mul(1000) / (hi - lo)).unwrap_or(0)
}

/// The chart of the series: baseline, measurements and dated targets on a
/// time axis (months), from zero (or the lowest value, if negative) to the
/// highest value; a percentage runs from 0 to 100.
fn graphique(i: &Indicateur) -> Option<GraphiqueV> {
    let mut pts: Vec<(&'static str, DateFlou, Decimal)> = Vec::new();
    pts.extend(i.reference.iter().map(|r| ("reference", r.date, r.valeur)));
    pts.extend(i.mesures.iter().map(|r| ("mesure", r.date, r.valeur)));
    pts.extend(
        i.cibles
            .iter()
            .filter_map(|c| c.date.map(|d| ("cible", d, c.valeur))),
    );
    if pts.len() < 2 {
        return None;
    }
    let values: Vec<Decimal> = pts.iter().map(|p| p.2).collect();
    let scale = values.iter().map(|d| d.scale).max().unwrap_or(0);
    let mut ints = scaled(&values);
    let lo = ints.iter().copied().min().unwrap_or(0).min(0);
    let mut hi = ints.iter().copied().max().unwrap_or(0);
    if i.pourcentage() {
        hi = hi.max(100 * 10i128.pow(u32::from(scale)));
    }
    let months: Vec<u32> = pts.iter().map(|p| p.1.month_index()).collect();
    let (first, last) = (
        months.iter().copied().min().unwrap_or(0),
        months.iter().copied().max().unwrap_or(0),
    );
    let points: Vec<PointV> = pts
        .iter()
        .zip(months)
        .zip(ints.drain(..))
        .map(|(((genre, date, v), mo), n)| PointV {
            x: per_mille(i128::from(mo), i128::from(first), i128::from(last)),
            y: per_mille(n, lo, hi),
            genre,
            date: fmt::date(*date),
            valeur: qty(*v, &i.unite),
        })
        .collect();
    let description = points
        .iter()
        .map(|p| {
            let what = match p.genre {
                "reference" => labels::FR.reference,
                "cible" => labels::FR.cible,
                _ => "Mesure",
            };
            format!("{what} {} : {}", p.date, p.valeur)
        })
        .collect::<Vec<_>>()
        .join(" ; ");
    let axis = |n: i128| axis_label(n, scale, i.pourcentage());
    Some(GraphiqueV {
        debut: fmt::date(
            pts.iter()
                .map(|p| p.1)
                .min_by_key(|d| d.start())
                .unwrap_or(pts[0].1),
        ),
        fin: fmt::date(
            pts.iter()
                .map(|p| p.1)
                .max_by_key(|d| d.start())
                .unwrap_or(pts[0].1),
        ),
        points,
        bas: axis(lo),
        haut: axis(hi),
        description,
    })
}

pub fn indicateur(i: &Indicateur, f: &IndicatorFigures) -> IndicateurV {
    let target = f.cible.and_then(|k| i.cibles.get(k));
    let reference = i
        .reference
        .as_ref()
        .map(|r| format!("{} ({})", qty(r.valeur, &i.unite), fmt::date(r.date)));
    IndicateurV {
        libelle: i.libelle.clone(),
        cible: target.map(|c| qty(c.valeur, &i.unite)),
        valeur: f.derniere.map(|d| qty(d.valeur, &i.unite)),
        echeance: target.and_then(|c| c.date).map(fmt::date),
        unite: i.unite.clone(),
        sens: i.sens.map(labels::sens),
        reference,
        reference_source: i.reference.as_ref().and_then(|r| {
            let parts: Vec<String> = [r.source.clone(), r.commentaire.clone()]
                .into_iter()
                .flatten()
                .collect();
            (!parts.is_empty()).then(|| parts.join(" — "))
        }),
        cibles: i
            .cibles
            .iter()
            .map(|c| CibleV {
                date: c.date.map(fmt::date),
                valeur: qty(c.valeur, &i.unite),
            })
            .collect(),
        mesures: i
            .mesures
            .iter()
            .map(|r| ReleveV {
                date: fmt::date(r.date),
                valeur: qty(r.valeur, &i.unite),
                source: r.source.clone(),
                commentaire: r.commentaire.clone(),
            })
            .collect(),
        date_valeur: f.derniere.and_then(|d| d.date).map(fmt::date),
        progression: f.progression.map(fmt::ratio),
        jauge: f
            .progression
            .map(|p| u64::try_from(p.per_mille().clamp(0, 1000)).unwrap_or(0)),
        tendance: f.tendance.map(labels::tendance),
        favorable: f.favorable,
        source: i.source.clone(),
        graphique: graphique(i),
    }
}
