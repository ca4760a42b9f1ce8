//! Indicators over time and the follow-up of actions, as the model holds
//! them: every value parsed, every date at its written precision.

use super::{DateFlou, Decimal, Priorite, Sens};
use serde::Serialize;

impl Decimal {
    /// Exact comparison of two decimals of any scales.
    pub fn cmp_exact(&self, o: &Decimal) -> std::cmp::Ordering {
        let scale = self.scale.max(o.scale);
        let w = |d: &Decimal| i128::from(d.mantissa) * 10i128.pow(u32::from(scale - d.scale));
        w(self).cmp(&w(o))
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Indicateur {
    pub id: Option<String>,
    pub libelle: String,
    pub unite: Option<String>,
    pub sens: Option<Sens>,
    pub reference: Option<Releve>,
    /// In date order (checked); the short form `cible`/`echeance` is one
    /// more target, dated or not.
    pub cibles: Vec<CibleIndicateur>,
    /// In date order (checked), none before the baseline.
    pub mesures: Vec<Releve>,
    /// The short form `valeur`: a measured value without a date.
    pub valeur: Option<Decimal>,
    pub source: Option<String>,
}

impl Indicateur {
    /// A percentage: its values lie within 0–100.
    pub fn pourcentage(&self) -> bool {
        self.unite
            .as_deref()
            .is_some_and(|u| u.trim_start().starts_with('%'))
    }
}

/// A dated value: the baseline or a measurement.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Releve {
    pub valeur: Decimal,
    pub date: DateFlou,
    pub source: Option<String>,
    pub commentaire: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CibleIndicateur {
    pub valeur: Decimal,
    /// `None` only for the short form `cible` without `echeance`.
    pub date: Option<DateFlou>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct NoteSuivi {
    pub date: DateFlou,
    pub texte: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Etape {
    pub libelle: String,
    pub faite: bool,
    pub date: Option<DateFlou>,
}

/// What the follow-up of an action holds besides its status.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Suivi {
    pub priorite: Option<Priorite>,
    /// In date order (sorted when lowered, stable for equal dates).
    pub notes: Vec<NoteSuivi>,
    pub etapes: Vec<Etape>,
}
