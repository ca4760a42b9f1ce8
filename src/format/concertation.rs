use super::{DateBrute, Id, Sp};
use schemars::JsonSchema;
use serde::Deserialize;

/// Concertation menée pour écrire la feuille de route.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Concertation {
    /// Réunions de concertation.
    #[serde(default)]
    pub reunions: Vec<Reunion>,
    /// Identifiants des structures participantes.
    #[serde(default)]
    pub participants: Vec<Id>,
    /// Nombre de personnes ayant participé (ce chiffre ne se déduit pas des listes).
    pub personnes: Option<Sp<u32>>,
    /// Précision du nombre de personnes (« plus de 60 »).
    pub personnes_precision: Option<Sp<Approximation>>,
    /// Structures comptées, quand les sources donnent des nombres sans liste
    /// (« 23 collectivités et 18 structures ») ; avec une liste, les nombres
    /// exacts par catégorie y sont comparés.
    #[serde(default)]
    pub effectifs: Vec<Effectif>,
    /// Nombre d'acteurs informés de la démarche.
    pub acteurs_informes: Option<Sp<u32>>,
}

/// Nombre de structures d'une catégorie (ou d'un libellé libre).
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Effectif {
    /// Catégorie comptée.
    pub categorie: Option<Sp<crate::format::Categorie>>,
    /// Libellé au pluriel, sans catégorie (« structures », « acteurs »).
    pub libelle: Option<Sp<String>>,
    /// Nombre.
    pub nombre: Sp<u32>,
    /// Précision du nombre, s'il n'est pas exact.
    pub precision: Option<Sp<Approximation>>,
}

/// Un nombre approché.
#[derive(Debug, Clone, Copy, Deserialize, serde::Serialize, JsonSchema, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum Approximation {
    /// « plus de ».
    PlusDe,
    /// « au moins ».
    AuMoins,
    /// « environ ».
    Environ,
}

/// Réunion de concertation.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Reunion {
    /// Identifiant de la réunion.
    pub id: Option<Id>,
    /// Date (jour, mois ou trimestre).
    pub date: Sp<DateBrute>,
    /// Type de réunion.
    #[serde(rename = "type")]
    pub genre: Sp<TypeReunion>,
    /// Lieu.
    pub lieu: Option<Sp<String>>,
    /// Objet de la réunion.
    pub objet: Sp<String>,
    /// Identifiants des structures présentes.
    #[serde(default)]
    pub participants: Vec<Id>,
}

/// Type de réunion de concertation.
#[derive(Debug, Clone, Copy, Deserialize, serde::Serialize, JsonSchema, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum TypeReunion {
    /// Groupe de travail thématique.
    GroupeTravail,
    /// Atelier ou concertation territoriale.
    Atelier,
    /// Réunion d'information.
    Information,
    /// Réunion de synthèse.
    Synthese,
    /// Entretien ou rendez-vous.
    Entretien,
    /// Autre.
    Autre,
}
