//! Indicators over time (baseline, targets, dated measurements) and the
//! follow-up of actions (journal, sub-steps, priority).

use super::{DateBrute, DecimalBrut, Id, IdSchema, Sp};
use schemars::JsonSchema;
use serde::Deserialize;

/// Évaluation de la stratégie : les indicateurs de la feuille de route
/// entière (ceux d'une action s'écrivent dans l'action). Les listes de
/// plusieurs fichiers sont fusionnées.
#[derive(Debug, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Evaluation {
    /// Indicateurs de la stratégie, dans l'ordre du tableau de bord.
    #[serde(default)]
    pub indicateurs: Vec<Indicateur>,
}

/// Indicateur : une valeur de référence, des cibles datées et des mesures
/// datées. Les formes courtes `cible`, `echeance` et `valeur` restent
/// acceptées (une cible, une valeur sans date).
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Indicateur {
    /// Identifiant de l'indicateur (facultatif), unique dans la feuille de route.
    #[schemars(with = "Option<IdSchema>")]
    pub id: Option<Id>,
    /// Libellé de l'indicateur.
    pub libelle: Sp<String>,
    /// Unité (« personnes formées », « % » : un pourcentage va de 0 à 100).
    pub unite: Option<Sp<String>>,
    /// Sens souhaité : hausse, baisse ou maintien.
    pub sens: Option<Sp<Sens>>,
    /// Valeur de référence (point de départ), datée et sourcée.
    pub reference: Option<Sp<Releve>>,
    /// Cibles datées (par année ou par date), dans l'ordre des dates.
    #[serde(default)]
    pub cibles: Vec<Sp<CibleDatee>>,
    /// Mesures datées, dans l'ordre des dates, postérieures à la référence.
    #[serde(default)]
    pub mesures: Vec<Sp<Releve>>,
    /// Forme courte : une valeur cible (avec `echeance`).
    pub cible: Option<Sp<DecimalBrut>>,
    /// Forme courte : échéance de la cible.
    pub echeance: Option<Sp<DateBrute>>,
    /// Forme courte : dernière valeur mesurée, sans date.
    pub valeur: Option<Sp<DecimalBrut>>,
    /// Source des valeurs, quand elle est la même pour toutes.
    pub source: Option<Sp<String>>,
}

/// Sens souhaité d'un indicateur.
#[derive(
    Debug, Clone, Copy, Deserialize, serde::Serialize, JsonSchema, PartialEq, Eq, PartialOrd, Ord,
)]
#[serde(rename_all = "snake_case")]
pub enum Sens {
    /// La valeur doit augmenter.
    Hausse,
    /// La valeur doit diminuer.
    Baisse,
    /// La valeur doit se maintenir.
    Maintien,
}

/// Valeur datée : la référence ou une mesure.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Releve {
    /// Valeur.
    pub valeur: Sp<DecimalBrut>,
    /// Date de la mesure (2025, 2025-T2, 2025-06 ou 2025-06-30).
    pub date: Sp<DateBrute>,
    /// Source (enquête, bilan d'activité, tableau de bord…).
    pub source: Option<Sp<String>>,
    /// Commentaire.
    pub commentaire: Option<Sp<String>>,
}

/// Cible à une date.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CibleDatee {
    /// Date ou année de la cible.
    pub date: Sp<DateBrute>,
    /// Valeur visée.
    pub valeur: Sp<DecimalBrut>,
}

/// Priorité d'une action.
#[derive(
    Debug, Clone, Copy, Deserialize, serde::Serialize, JsonSchema, PartialEq, Eq, PartialOrd, Ord,
)]
#[serde(rename_all = "snake_case")]
pub enum Priorite {
    /// Haute.
    Haute,
    /// Moyenne.
    Moyenne,
    /// Basse.
    Basse,
}

/// Note datée du journal de suivi d'une action.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct NoteSuivi {
    /// Date de la note.
    pub date: Sp<DateBrute>,
    /// Ce qui s'est passé (Markdown court).
    pub texte: Sp<String>,
}

/// Étape d'une action, faite ou non.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Etape {
    /// Libellé de l'étape.
    pub libelle: Sp<String>,
    /// L'étape est faite (`true`) ou non (`false`, par défaut).
    #[serde(default)]
    pub faite: bool,
    /// Date prévue, ou date à laquelle l'étape a été faite.
    pub date: Option<Sp<DateBrute>>,
}
