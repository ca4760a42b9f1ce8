use super::{DateBrute, Id, IdSchema, Sp};
use schemars::JsonSchema;
use serde::Deserialize;

/// Gouvernance de la feuille de route.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Gouvernance {
    /// Membres et leurs rôles (rôles de la plateforme de l'ANCT).
    #[serde(default)]
    pub membres: Vec<Membre>,
    /// Instances : COPIL, COTECH, collèges…
    #[serde(default)]
    pub instances: Vec<Instance>,
}

/// Membre de la gouvernance.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Membre {
    /// Identifiant de l'acteur.
    pub acteur: Id,
    /// Rôles tenus.
    pub roles: Vec<Sp<Role>>,
}

/// Rôle d'un membre.
#[derive(
    Debug, Clone, Copy, Deserialize, serde::Serialize, JsonSchema, PartialEq, Eq, PartialOrd, Ord,
)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// Co-porteur de la feuille de route.
    Coporteur,
    /// Co-financeur.
    Cofinanceur,
    /// Bénéficiaire.
    Beneficiaire,
    /// Récipiendaire de fonds.
    Recipiendaire,
    /// Observateur.
    Observateur,
}

/// Instance de gouvernance.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Instance {
    /// Identifiant de l'instance.
    #[schemars(with = "IdSchema")]
    pub id: Id,
    /// Nom complet (« Comité de pilotage »).
    pub nom: Sp<String>,
    /// Sigle (« COPIL »).
    pub sigle: Option<Sp<String>>,
    /// Nature de l'instance.
    #[serde(rename = "type")]
    pub genre: Sp<TypeInstance>,
    /// Fréquence des réunions.
    pub frequence: Sp<Frequence>,
    /// Rôle de l'instance (Markdown court).
    pub role: Option<Sp<String>>,
    /// Identifiants des acteurs membres.
    #[serde(default)]
    pub membres: Vec<Id>,
    /// Réunions datées.
    #[serde(default)]
    pub reunions: Vec<ReunionInstance>,
}

/// Nature d'une instance.
#[derive(Debug, Clone, Copy, Deserialize, serde::Serialize, JsonSchema, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum TypeInstance {
    /// Pilotage stratégique.
    Strategique,
    /// Suivi technique.
    Technique,
    /// Consultation.
    Consultatif,
    /// Autre.
    Autre,
}

/// Fréquence de réunion.
#[derive(Debug, Clone, Copy, Deserialize, serde::Serialize, JsonSchema, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum Frequence {
    /// Mensuelle.
    Mensuelle,
    /// Trimestrielle.
    Trimestrielle,
    /// Semestrielle.
    Semestrielle,
    /// Annuelle.
    Annuelle,
    /// Autre ou à la demande.
    Autre,
}

/// Réunion d'une instance.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ReunionInstance {
    /// Date de la réunion.
    pub date: Sp<DateBrute>,
    /// Objet de la réunion.
    pub objet: Option<Sp<String>>,
    /// Lieu.
    pub lieu: Option<Sp<String>>,
}
