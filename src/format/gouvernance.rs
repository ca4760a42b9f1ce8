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
    /// Fréquence des réunions, si elle est connue.
    pub frequence: Option<Sp<Frequence>>,
    /// Nombre de réunions par an, exact (`{ de: 4 }`) ou fourchette (`{ de: 2, a: 3 }`).
    pub reunions_par_an: Option<Sp<ReunionsParAn>>,
    /// État de l'instance, s'il est connu.
    pub statut: Option<Sp<StatutInstance>>,
    /// L'instance est réservée aux financeurs (comité des financeurs d'un fonds).
    pub reservee_aux_financeurs: Option<Sp<bool>>,
    /// Collèges de l'instance, avec leurs sièges et leurs membres.
    #[serde(default)]
    pub colleges: Vec<College>,
    /// Rôle de l'instance (Markdown court).
    pub role: Option<Sp<String>>,
    /// Identifiants des acteurs membres.
    #[serde(default)]
    pub membres: Vec<Id>,
    /// Réunions datées.
    #[serde(default)]
    pub reunions: Vec<ReunionInstance>,
}

/// Nombre de réunions par an.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ReunionsParAn {
    /// Nombre (ou minimum d'une fourchette).
    pub de: Sp<u32>,
    /// Maximum d'une fourchette.
    pub a: Option<Sp<u32>>,
}

/// État d'une instance.
#[derive(Debug, Clone, Copy, Deserialize, serde::Serialize, JsonSchema, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum StatutInstance {
    /// Active.
    Active,
    /// Existante, à renforcer.
    ARenforcer,
    /// Créée pour la feuille de route France Numérique Ensemble.
    Creee,
}

/// Collège d'une instance (comité syndical, collège des opérateurs…).
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct College {
    /// Nom du collège.
    pub nom: Sp<String>,
    /// Nombre de sièges, s'il est connu.
    pub sieges: Option<Sp<u32>>,
    /// Identifiants des acteurs membres.
    #[serde(default)]
    pub membres: Vec<Id>,
    /// Précision (« EPCI, France Services et employeurs de conseillers numériques »).
    pub note: Option<Sp<String>>,
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
    /// À la demande.
    ALaDemande,
    /// Autre fréquence (précisez `reunions_par_an` ou le rôle).
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
