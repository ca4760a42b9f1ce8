use super::{EmailSchema, Id, IdSchema, Sp};
use schemars::JsonSchema;
use serde::Deserialize;

/// Structure de l'annuaire (organisation, jamais une personne).
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Acteur {
    /// Identifiant (minuscules, chiffres, tirets), cité par les autres rubriques.
    #[schemars(with = "IdSchema")]
    pub id: Id,
    /// Nom de la structure.
    pub nom: Sp<String>,
    /// Sigle ou nom court.
    pub sigle: Option<Sp<String>>,
    /// Catégorie ; elle détermine « acteur public » ou « structure privée ».
    pub categorie: Sp<Categorie>,
    /// Commune du siège.
    pub commune: Option<Sp<String>>,
    /// Coordonnées de la structure.
    pub contact: Option<Contact>,
    /// Nom de personne facultatif (jamais requis, jamais publié par défaut).
    pub personne: Option<Sp<String>>,
}

/// Coordonnées.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Contact {
    /// Adresse électronique.
    #[schemars(with = "Option<EmailSchema>")]
    pub email: Option<Sp<String>>,
    /// Site web.
    pub site: Option<Sp<String>>,
}

/// Catégorie d'acteur.
#[derive(
    Debug,
    Clone,
    Copy,
    Deserialize,
    serde::Serialize,
    JsonSchema,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
)]
#[serde(rename_all = "snake_case")]
pub enum Categorie {
    /// Services de l'État (préfecture, SGAR, ANCT…).
    Etat,
    /// Commune ou arrondissement.
    Collectivite,
    /// Intercommunalité (métropole, communauté d'agglomération ou de communes).
    Epci,
    /// Conseil départemental.
    Departement,
    /// Conseil régional.
    Region,
    /// Opérateur de service public (France Travail, CAF, CCAS…).
    OperateurServicePublic,
    /// Association.
    Association,
    /// Centre social.
    CentreSocial,
    /// Entreprise.
    Entreprise,
    /// Fondation.
    Fondation,
    /// Autre structure (privée).
    Autre,
}

impl Categorie {
    /// Public bodies; everything else is a private structure.
    pub fn est_public(self) -> bool {
        matches!(
            self,
            Self::Etat
                | Self::Collectivite
                | Self::Epci
                | Self::Departement
                | Self::Region
                | Self::OperateurServicePublic
        )
    }

    pub const ALL: [Categorie; 11] = [
        Self::Etat,
        Self::Collectivite,
        Self::Epci,
        Self::Departement,
        Self::Region,
        Self::OperateurServicePublic,
        Self::Association,
        Self::CentreSocial,
        Self::Entreprise,
        Self::Fondation,
        Self::Autre,
    ];
}
