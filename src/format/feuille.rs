use super::{DateBrute, Id, IdSchema, Sp, Texte};
use schemars::JsonSchema;
use serde::Deserialize;

/// Identité de la feuille de route (une seule fois dans le dossier).
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct FeuilleDeRoute {
    /// Titre du document.
    pub titre: Sp<String>,
    /// Sous-titre ou accroche.
    pub sous_titre: Option<Sp<String>>,
    /// Territoire couvert.
    pub territoire: Sp<TerritoireCouvert>,
    /// Période couverte, en années (par exemple 2024 à 2027).
    pub periode: Sp<Periode>,
    /// Version du document (« 1.0 », « projet »…).
    pub version: Option<Sp<String>>,
    /// Date du document, donnée dans les sources (l'outil n'utilise jamais la date du jour).
    pub date: Sp<DateBrute>,
    /// Identifiants des acteurs co-porteurs (préfecture, collectivité…).
    pub co_porteurs: Vec<Id>,
    /// Introduction (Markdown).
    pub introduction: Option<Sp<Texte>>,
    /// Note méthodologique (Markdown).
    pub methodologie: Option<Sp<Texte>>,
    /// Texte d'ouverture de l'état des lieux (Markdown).
    pub etat_des_lieux: Option<Sp<Texte>>,
    /// Texte d'ouverture de la partie sur les axes (Markdown).
    pub axes_introduction: Option<Sp<Texte>>,
    /// Conclusion et perspectives (Markdown).
    pub conclusion: Option<Sp<Texte>>,
}

/// Territoire couvert par la feuille de route.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct TerritoireCouvert {
    /// Nom du territoire (« Bouches-du-Rhône »).
    pub nom: Sp<String>,
    /// Code du département (« 13 », « 2A », « 974 »).
    pub code_departement: Option<Sp<String>>,
    /// Périmètre de la feuille de route.
    pub perimetre: Perimetre,
}

/// Périmètre de la feuille de route.
#[derive(Debug, Clone, Copy, Deserialize, serde::Serialize, JsonSchema, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum Perimetre {
    /// Feuille de route départementale.
    Departemental,
    /// Feuille de route infra-départementale (groupements de communes).
    GroupementsDeCommunes,
    /// Feuille de route régionale.
    Regional,
}

/// Période en années.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Periode {
    /// Première année.
    pub debut: Sp<u16>,
    /// Dernière année.
    pub fin: Sp<u16>,
}

/// Partie du document où une section libre est placée.
#[derive(Debug, Clone, Copy, Deserialize, serde::Serialize, JsonSchema, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum Partie {
    /// Après l'introduction.
    Introduction,
    /// Après la méthodologie.
    Methodologie,
    /// À la fin de l'état des lieux.
    EtatDesLieux,
    /// Avant la présentation des axes.
    Axes,
    /// Après la conclusion.
    Conclusion,
}

/// Section libre en Markdown (par exemple les « données qualitatives »).
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Section {
    /// Identifiant de la section.
    #[schemars(with = "IdSchema")]
    pub id: Id,
    /// Titre de la section.
    pub titre: Sp<String>,
    /// Partie du document où la section apparaît.
    pub partie: Partie,
    /// Contenu (Markdown).
    pub texte: Sp<Texte>,
}

/// Contenu calculé d'une annexe.
#[derive(Debug, Clone, Copy, Deserialize, serde::Serialize, JsonSchema, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum GenreAnnexe {
    /// Acteurs mobilisés, par catégorie.
    Acteurs,
    /// Communes les plus exposées (tableau du territoire).
    Communes,
    /// Chronogramme des actions (grille mensuelle).
    Chronogramme,
    /// Financement des actions (par axe, par financeur, par récipiendaire).
    Financement,
    /// Fonds dédiés (fonds de formation…).
    Fonds,
    /// Gouvernance : instances, fréquences, membres et rôles.
    Gouvernance,
    /// Texte libre uniquement.
    Texte,
}

/// Annexe : numérotée dans l'ordre de la liste, citée par `[](#annexe:ID)`.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Annexe {
    /// Identifiant de l'annexe.
    #[schemars(with = "IdSchema")]
    pub id: Id,
    /// Titre de l'annexe.
    pub titre: Sp<String>,
    /// Contenu calculé de l'annexe.
    pub contenu: Sp<GenreAnnexe>,
    /// Texte d'accompagnement (Markdown), affiché avant le contenu calculé.
    pub texte: Option<Sp<Texte>>,
}
