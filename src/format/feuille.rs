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
    /// Mots de la feuille de route (« objectifs » plutôt qu'« axes »).
    pub vocabulaire: Option<Vocabulaire>,
    /// Feuilles de route infra-départementales qui déclinent celle-ci.
    pub sous_feuilles: Option<Sp<super::SousFeuilles>>,
}

/// Mots de la feuille de route, repris par le document, le sommaire, les
/// diagnostics et les exports.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Vocabulaire {
    /// Nom des grandes parties de la feuille de route (par défaut `axe`).
    pub axe: Option<Sp<MotAxe>>,
}

/// Nom des grandes parties (axes) de la feuille de route.
#[derive(Debug, Clone, Copy, Default, Deserialize, serde::Serialize, JsonSchema, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum MotAxe {
    /// Axe.
    #[default]
    Axe,
    /// Objectif.
    Objectif,
    /// Orientation.
    Orientation,
    /// Priorité.
    Priorite,
    /// Chantier.
    Chantier,
}

impl MotAxe {
    /// Singular, lower case.
    pub fn singulier(self) -> &'static str {
        match self {
            Self::Axe => "axe",
            Self::Objectif => "objectif",
            Self::Orientation => "orientation",
            Self::Priorite => "priorité",
            Self::Chantier => "chantier",
        }
    }

    pub fn pluriel(self) -> &'static str {
        match self {
            Self::Axe => "axes",
            Self::Objectif => "objectifs",
            Self::Orientation => "orientations",
            Self::Priorite => "priorités",
            Self::Chantier => "chantiers",
        }
    }

    pub fn feminin(self) -> bool {
        matches!(self, Self::Orientation | Self::Priorite)
    }

    /// With its definite article: « l'axe », « la priorité », « le chantier ».
    pub fn defini(self) -> String {
        match self {
            Self::Axe | Self::Objectif | Self::Orientation => format!("l'{}", self.singulier()),
            Self::Priorite => format!("la {}", self.singulier()),
            Self::Chantier => format!("le {}", self.singulier()),
        }
    }

    /// After « à »: « à l'axe », « à la priorité », « au chantier ».
    pub fn a_defini(self) -> String {
        match self {
            Self::Chantier => format!("au {}", self.singulier()),
            _ => format!("à {}", self.defini()),
        }
    }

    /// Demonstrative: « cet axe », « cette priorité », « ce chantier ».
    pub fn demonstratif(self) -> String {
        match self {
            Self::Axe | Self::Objectif => format!("cet {}", self.singulier()),
            Self::Orientation | Self::Priorite => format!("cette {}", self.singulier()),
            Self::Chantier => format!("ce {}", self.singulier()),
        }
    }
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
    /// Intercommunalités (EPCI) du périmètre, par leur nom.
    #[serde(default)]
    pub epci: Vec<Sp<String>>,
    /// Communes du périmètre, par leur nom.
    #[serde(default)]
    pub communes: Vec<Sp<String>>,
    /// Nombre d'habitants du périmètre, s'il est connu.
    pub population: Option<Sp<u64>>,
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
    /// Feuilles de route infra-départementales : périmètre, population,
    /// axes, actions et montants de chacune, et couverture des axes.
    SousFeuilles,
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

#[cfg(test)]
mod tests {
    use super::MotAxe;

    #[test]
    fn words_agree() {
        assert_eq!(MotAxe::Priorite.defini(), "la priorité");
        assert_eq!(MotAxe::Chantier.a_defini(), "au chantier");
        assert_eq!(MotAxe::Orientation.demonstratif(), "cette orientation");
        assert_eq!(MotAxe::Objectif.defini(), "l'objectif");
    }
}
