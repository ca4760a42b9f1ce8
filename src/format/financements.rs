use super::{DateBrute, DecimalBrut, Id, IdSchema, MontantBrut, Sp, Texte};
use schemars::JsonSchema;
use serde::Deserialize;

/// Financements de la feuille de route.
#[derive(Debug, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Financements {
    /// Enveloppes budgétaires.
    #[serde(default)]
    pub enveloppes: Vec<Enveloppe>,
    /// Lignes de financement, chacune rattachée à une action.
    #[serde(default)]
    pub lignes: Vec<LigneFinancement>,
    /// Fonds dédiés (fonds de formation…).
    #[serde(default)]
    pub fonds: Vec<Fonds>,
}

/// Enveloppe budgétaire.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Enveloppe {
    /// Identifiant de l'enveloppe.
    #[schemars(with = "IdSchema")]
    pub id: Id,
    /// Libellé (« Budget FNE 2024-2025 »).
    pub libelle: Sp<String>,
    /// Montant de l'enveloppe.
    pub montant: Sp<MontantBrut>,
    /// Identifiant de l'acteur financeur.
    pub financeur: Id,
    /// Première année de l'enveloppe.
    pub debut: Option<Sp<DateBrute>>,
    /// Dernière année de l'enveloppe.
    pub fin: Option<Sp<DateBrute>>,
}

/// Ligne de financement d'une action.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct LigneFinancement {
    /// Identifiant de l'action financée.
    pub action: Id,
    /// Montant.
    pub montant: Sp<MontantBrut>,
    /// Identifiant de l'acteur financeur (par défaut celui de l'enveloppe).
    pub financeur: Option<Id>,
    /// Identifiant de l'acteur qui reçoit les fonds.
    pub recipiendaire: Id,
    /// Année budgétaire.
    pub annee: Option<Sp<u16>>,
    /// Identifiant de l'enveloppe.
    pub enveloppe: Option<Id>,
    /// Nature du financement.
    pub nature: Sp<Nature>,
    /// État du financement.
    pub statut: Sp<StatutFinancement>,
    /// Précision libre.
    pub libelle: Option<Sp<String>>,
}

/// Nature d'un financement.
#[derive(
    Debug, Clone, Copy, Deserialize, serde::Serialize, JsonSchema, PartialEq, Eq, PartialOrd, Ord,
)]
#[serde(rename_all = "snake_case")]
pub enum Nature {
    /// Subvention.
    Subvention,
    /// Cofinancement.
    Cofinancement,
    /// Valorisation (apport en nature, temps).
    Valorisation,
}

/// État d'un financement.
#[derive(
    Debug, Clone, Copy, Deserialize, serde::Serialize, JsonSchema, PartialEq, Eq, PartialOrd, Ord,
)]
#[serde(rename_all = "snake_case")]
pub enum StatutFinancement {
    /// Prévu.
    Prevu,
    /// Demandé.
    Demande,
    /// Accordé.
    Accorde,
    /// Versé.
    Verse,
    /// Refusé.
    Refuse,
}

/// Fonds dédié (par exemple le fonds de formation Aidants Connect).
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Fonds {
    /// Identifiant du fonds.
    #[schemars(with = "IdSchema")]
    pub id: Id,
    /// Nom du fonds.
    pub nom: Sp<String>,
    /// Présentation (Markdown).
    pub description: Option<Sp<Texte>>,
    /// Objectifs (un par élément).
    #[serde(default)]
    pub objectifs: Vec<Sp<String>>,
    /// Bénéficiaires visés.
    pub beneficiaires: Option<Sp<String>>,
    /// Cible chiffrée.
    pub cible: Option<Cible>,
    /// Identifiant de l'acteur récipiendaire.
    pub recipiendaire: Option<Id>,
    /// Identifiant de l'enveloppe qui alimente le fonds.
    pub enveloppe: Option<Id>,
    /// Montant du fonds, s'il est connu.
    pub montant: Option<Sp<MontantBrut>>,
}

/// Cible chiffrée.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Cible {
    /// Valeur visée.
    pub valeur: Sp<DecimalBrut>,
    /// Unité (« départs en formation »).
    pub unite: Sp<String>,
    /// La cible est un minimum (« au moins »).
    #[serde(default)]
    pub minimum: bool,
    /// Échéance.
    pub echeance: Option<Sp<DateBrute>>,
}
