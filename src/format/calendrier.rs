use super::{DateBrute, Id, Sp};
use schemars::JsonSchema;
use serde::Deserialize;

/// Calendrier prévisionnel et chronogramme.
#[derive(Debug, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Calendrier {
    /// Jalons datés, rattachés à un axe, une action, ou à la feuille de route entière.
    #[serde(default)]
    pub jalons: Vec<Jalon>,
    /// Tâches du chronogramme, au mois près.
    #[serde(default)]
    pub taches: Vec<Tache>,
}

/// Jalon du calendrier prévisionnel.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Jalon {
    /// Libellé du jalon.
    pub libelle: Sp<String>,
    /// Date (ou début d'une période).
    pub date: Sp<DateBrute>,
    /// Fin, si le jalon couvre une période.
    pub fin: Option<Sp<DateBrute>>,
    /// Identifiant de l'axe concerné.
    pub axe: Option<Id>,
    /// Identifiant de l'action concernée (l'axe s'en déduit).
    pub action: Option<Id>,
}

/// Tâche du chronogramme.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Tache {
    /// Identifiant de l'action.
    pub action: Id,
    /// Libellé de la tâche.
    pub libelle: Sp<String>,
    /// Premier mois (`2025-01`).
    pub debut: Sp<DateBrute>,
    /// Dernier mois (`2025-03`).
    pub fin: Sp<DateBrute>,
}
