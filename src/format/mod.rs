//! The source format: what a roadmap fragment file may contain.
//!
//! These types are deserialised from YAML (serde-saphyr) and also generate
//! the committed JSON Schema (schemars). Field names are French, snake_case,
//! ASCII; doc comments are the French descriptions shown in editors.

mod acteurs;
mod axes;
mod calendrier;
mod concertation;
mod evaluation;
mod feuille;
mod financements;
mod gouvernance;
mod sous_feuilles;
pub mod spanned;
mod territoire;

pub use acteurs::*;
pub use axes::*;
pub use calendrier::*;
pub use concertation::*;
pub use evaluation::*;
pub use feuille::*;
pub use financements::*;
pub use gouvernance::*;
pub use sous_feuilles::*;
pub use spanned::{Sp, Span};
pub use territoire::*;

use schemars::JsonSchema;
use serde::Deserialize;

/// Fragment de feuille de route France Numérique Ensemble. Chaque fichier
/// YAML du dossier est un fragment ; les listes de tous les fragments sont
/// fusionnées, et une rubrique unique (feuille_de_route, gouvernance,
/// territoire, concertation) ne peut être définie qu'une fois.
#[derive(Debug, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "Fragment de feuille de route fdr")]
pub struct Fragment {
    /// Identité du document : titre, territoire, période, co-porteurs, textes.
    pub feuille_de_route: Option<Sp<FeuilleDeRoute>>,
    /// Annuaire des structures (jamais de personnes obligatoires).
    #[serde(default)]
    pub acteurs: Vec<Acteur>,
    /// Gouvernance : membres, rôles et instances (COPIL, COTECH…).
    pub gouvernance: Option<Sp<Gouvernance>>,
    /// Axes stratégiques de la feuille de route.
    #[serde(default)]
    pub axes: Vec<Axe>,
    /// Actions, chacune rattachée à un axe.
    #[serde(default)]
    pub actions: Vec<Action>,
    /// Enveloppes, lignes de financement et fonds.
    pub financements: Option<Financements>,
    /// Évaluation de la stratégie : indicateurs de la feuille de route entière.
    pub evaluation: Option<Evaluation>,
    /// Jalons du calendrier prévisionnel et tâches du chronogramme.
    pub calendrier: Option<Calendrier>,
    /// Données de l'état des lieux : populations, chiffres clés, communes, tableaux.
    pub territoire: Option<Sp<Territoire>>,
    /// Concertation : réunions et participants.
    pub concertation: Option<Sp<Concertation>>,
    /// Sections libres en Markdown, placées dans une partie du document.
    #[serde(default)]
    pub sections: Vec<Section>,
    /// Annexes, numérotées dans l'ordre de cette liste.
    #[serde(default)]
    pub annexes: Vec<Annexe>,
}

/// Texte long : du Markdown écrit directement, ou une référence à un fichier
/// `.md` situé dans le dossier de la feuille de route.
#[derive(Debug, Clone, Deserialize)]
#[serde(untagged)]
pub enum Texte {
    /// Markdown (GitHub). Renvoi vers un axe, une action ou une annexe :
    /// `[](#action:ID)`, `[](#axe:ID)`, `[](#annexe:ID)`.
    Markdown(String),
    /// Fichier Markdown relatif au dossier de la feuille de route.
    Fichier {
        /// Chemin relatif, par exemple `textes/introduction.md`.
        fichier: String,
    },
}

/// Identifiant : minuscules, chiffres et tirets (`hub-du-sud`).
pub type Id = Sp<String>;

/// Montant en euros : entier (`6000`) ou chaîne avec au plus deux
/// décimales (`"6000.50"`, `"6 000,50"`). Jamais de nombre à virgule flottante.
#[derive(Debug, Clone)]
pub struct MontantBrut(pub String);

/// Date plus ou moins précise : année (`2025`), trimestre (`2025-T2`),
/// mois (`2025-03`) ou jour (`2025-03-14`).
#[derive(Debug, Clone)]
pub struct DateBrute(pub String);

/// Nombre décimal écrit tel quel (`6.8`, `15`, `"6,8"`).
#[derive(Debug, Clone)]
pub struct DecimalBrut(pub String);

mod raw_scalars;
mod rules;

pub use rules::{
    DATE_PATTERN, DECIMAL_PATTERN, EMAIL_PATTERN, EmailSchema, ID_PATTERN, IdSchema, MONTANT_MAX,
    MONTANT_PATTERN, is_email,
};

/// Written by hand so that the `{ fichier: … }` form refuses unknown keys
/// (serde's untagged enum would ignore them).
impl JsonSchema for Texte {
    fn inline_schema() -> bool {
        false
    }
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Texte".into()
    }
    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "Texte long : du Markdown écrit directement, ou une référence à un fichier `.md` situé dans le dossier de la feuille de route.",
            "anyOf": [
                {
                    "description": "Markdown (GitHub). Renvoi vers un axe, une action ou une annexe : `[](#action:ID)`, `[](#axe:ID)`, `[](#annexe:ID)`.",
                    "type": "string"
                },
                {
                    "description": "Fichier Markdown relatif au dossier de la feuille de route.",
                    "type": "object",
                    "properties": {
                        "fichier": {
                            "description": "Chemin relatif, par exemple `textes/introduction.md`.",
                            "type": "string"
                        }
                    },
                    "required": ["fichier"],
                    "additionalProperties": false
                }
            ]
        })
    }
}
