use super::{DecimalBrut, Id, IdSchema, Sp};
use schemars::JsonSchema;
use serde::Deserialize;

/// Données chiffrées de l'état des lieux.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Territoire {
    /// Population par intercommunalité ; total et parts sont calculés.
    pub populations: Option<Populations>,
    /// Chiffres clés (cartes de l'état des lieux).
    #[serde(default)]
    pub chiffres_cles: Vec<ChiffreCle>,
    /// Taux par intercommunalité (illectronisme…).
    #[serde(default)]
    pub taux: Vec<SerieTaux>,
    /// Indicateurs par commune (communes les plus exposées).
    pub communes: Option<Communes>,
    /// Autres tableaux sourcés.
    #[serde(default)]
    pub tableaux: Vec<Tableau>,
}

/// Population par intercommunalité.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Populations {
    /// Année des données.
    pub annee: Sp<u16>,
    /// Source des données (« INSEE »).
    pub source: Sp<String>,
    /// Une ligne par intercommunalité.
    pub epci: Vec<PopulationEpci>,
}

/// Population d'une intercommunalité.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PopulationEpci {
    /// Identifiant de l'acteur EPCI, s'il est dans l'annuaire.
    pub acteur: Option<Id>,
    /// Nom affiché.
    pub nom: Sp<String>,
    /// Nombre d'habitants.
    pub population: Sp<u64>,
}

/// Chiffre clé.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ChiffreCle {
    /// Valeur.
    pub valeur: Sp<DecimalBrut>,
    /// Libellé court affiché sous la valeur.
    pub libelle: Sp<String>,
    /// Explication (une ou deux phrases).
    pub description: Option<Sp<String>>,
    /// Source.
    pub source: Option<Sp<String>>,
    /// Année de la donnée.
    pub annee: Option<Sp<u16>>,
}

/// Série de taux par intercommunalité.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SerieTaux {
    /// Titre (« Taux d'illectronisme par EPCI »).
    pub titre: Sp<String>,
    /// Source.
    pub source: Option<Sp<String>>,
    /// Année.
    pub annee: Option<Sp<u16>>,
    /// Valeurs, en pourcentage.
    pub valeurs: Vec<ValeurTaux>,
}

/// Taux d'un territoire.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ValeurTaux {
    /// Nom du territoire.
    pub nom: Sp<String>,
    /// Taux en pourcentage (0 à 100).
    pub taux: Sp<DecimalBrut>,
}

/// Indicateurs par commune.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Communes {
    /// Titre du tableau.
    pub titre: Sp<String>,
    /// Source.
    pub source: Option<Sp<String>>,
    /// Indice de fragilité numérique moyen du département, pour comparaison.
    pub ifn_moyen: Option<Sp<DecimalBrut>>,
    /// Une ligne par commune ; parts et total sont calculés.
    pub lignes: Vec<Commune>,
}

/// Indicateurs d'une commune.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Commune {
    /// Code postal.
    pub code_postal: Sp<String>,
    /// Nom de la commune.
    pub commune: Sp<String>,
    /// Population.
    pub population: Sp<u64>,
    /// Indice de fragilité numérique (1 à 10).
    pub ifn: Option<Sp<DecimalBrut>>,
    /// Population en situation de fragilité socio-numérique.
    pub population_fragile: Option<Sp<u64>>,
}

/// Tableau sourcé libre.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Tableau {
    /// Identifiant du tableau.
    #[schemars(with = "IdSchema")]
    pub id: Id,
    /// Titre.
    pub titre: Sp<String>,
    /// Source.
    pub source: Option<Sp<String>>,
    /// En-têtes des colonnes.
    pub colonnes: Vec<Sp<String>>,
    /// Lignes : une cellule par colonne (texte ou nombre).
    pub lignes: Vec<Sp<Vec<Sp<Cellule>>>>,
    /// Ajoute une colonne calculée portant ce titre : somme des cellules numériques de la ligne.
    pub colonne_total: Option<Sp<String>>,
    /// Ajoute une ligne de total portant ce libellé : somme de chaque colonne numérique.
    pub ligne_total: Option<Sp<String>>,
}

/// Cellule de tableau.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(untagged)]
pub enum Cellule {
    /// Nombre entier.
    Nombre(i64),
    /// Texte.
    Texte(String),
    /// Vide.
    Vide(()),
}
