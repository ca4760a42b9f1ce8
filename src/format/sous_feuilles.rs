use super::{Id, IdSchema, Sp};
use schemars::JsonSchema;
use serde::Deserialize;

/// Feuilles de route infra-départementales qui déclinent celle-ci (une par
/// groupement de communes), chacune dans son propre dossier avec sa propre
/// rubrique `feuille_de_route`.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SousFeuilles {
    /// Nombre d'axes de cette feuille de route que chaque sous-feuille doit
    /// reprendre au moins (`reprend` de ses axes) ; vérifié par `fdr check`.
    pub axes_repris_minimum: Option<Sp<u32>>,
    /// Les sous-feuilles, dans l'ordre du document.
    pub liste: Vec<SousFeuilleDeclaree>,
}

/// Une sous-feuille : son identifiant et son dossier.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SousFeuilleDeclaree {
    /// Identifiant de la sous-feuille (`luberon-monts-de-vaucluse`), nom de
    /// son document dans `build/sous-feuilles/`.
    #[schemars(with = "IdSchema")]
    pub id: Id,
    /// Dossier de la sous-feuille, relatif au dossier de la feuille de route
    /// (`territoires/luberon-monts-de-vaucluse`) ; ses fichiers YAML forment
    /// une feuille de route à part, qui peut citer les acteurs de celle-ci.
    pub dossier: Sp<String>,
}
