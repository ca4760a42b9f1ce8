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
    /// Catégorie ; elle détermine « acteur public » ou « structure privée »,
    /// sauf pour `autre` et `bailleur_social`, rangés à part sans `secteur`.
    pub categorie: Sp<Categorie>,
    /// Secteur, quand la catégorie ne le dit pas ou pour la corriger.
    pub secteur: Option<Sp<Secteur>>,
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
    /// Syndicat mixte (numérique, aménagement…).
    SyndicatMixte,
    /// Autre établissement public (agence, chambre consulaire, GIP…).
    EtablissementPublic,
    /// Organisme de sécurité sociale (CAF, CPAM, MSA, Carsat, Urssaf…).
    OrganismeSocial,
    /// Université, école, établissement d'enseignement ou de recherche.
    Universite,
    /// Organisme européen ou international (Union européenne, FSE+…).
    OrganismeEuropeen,
    /// Bailleur social (public ou privé : précisez `secteur`).
    BailleurSocial,
    /// Coopérative, SCIC, SCOP.
    Cooperative,
    /// Autre structure (ni publique ni privée sans `secteur`).
    Autre,
}

/// Secteur d'un acteur.
#[derive(
    Debug, Clone, Copy, Deserialize, serde::Serialize, JsonSchema, PartialEq, Eq, PartialOrd, Ord,
)]
#[serde(rename_all = "snake_case")]
pub enum Secteur {
    /// Acteur public.
    Public,
    /// Structure privée.
    Prive,
}

impl Categorie {
    /// The side a category implies; `None` when it does not say
    /// (`autre`, social landlords, which may be either).
    pub fn secteur(self) -> Option<Secteur> {
        match self {
            Self::Etat
            | Self::Collectivite
            | Self::Epci
            | Self::Departement
            | Self::Region
            | Self::OperateurServicePublic
            | Self::SyndicatMixte
            | Self::EtablissementPublic
            | Self::OrganismeSocial
            | Self::Universite
            | Self::OrganismeEuropeen => Some(Secteur::Public),
            Self::Association
            | Self::CentreSocial
            | Self::Entreprise
            | Self::Fondation
            | Self::Cooperative => Some(Secteur::Prive),
            Self::BailleurSocial | Self::Autre => None,
        }
    }

    pub const ALL: [Categorie; 18] = [
        Self::Etat,
        Self::Collectivite,
        Self::Epci,
        Self::Departement,
        Self::Region,
        Self::OperateurServicePublic,
        Self::SyndicatMixte,
        Self::EtablissementPublic,
        Self::OrganismeSocial,
        Self::Universite,
        Self::OrganismeEuropeen,
        Self::Association,
        Self::CentreSocial,
        Self::Entreprise,
        Self::Fondation,
        Self::Cooperative,
        Self::BailleurSocial,
        Self::Autre,
    ];
}
