use super::{DateBrute, DecimalBrut, Id, IdSchema, MontantBrut, Sp, Texte};
use schemars::JsonSchema;
use serde::Deserialize;

/// Financements de la feuille de route.
#[derive(Debug, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Financements {
    /// Enveloppes budgétaires et fonds abondés par un ou plusieurs contributeurs.
    #[serde(default)]
    pub enveloppes: Vec<Enveloppe>,
    /// Cercles de financeurs : plusieurs structures qui financent ensemble, avec ou sans répartition.
    #[serde(default)]
    pub cercles: Vec<Cercle>,
    /// Lignes de financement, chacune rattachée à une action.
    #[serde(default)]
    pub lignes: Vec<LigneFinancement>,
    /// Fonds dédiés et dispositifs d'aide (règles, éligibilité, appels à projets).
    #[serde(default)]
    pub fonds: Vec<Fonds>,
    /// Moyens humains : postes et équivalents temps plein (ETP) par structure.
    #[serde(default)]
    pub postes: Vec<Poste>,
}

/// Enveloppe budgétaire : un financeur unique (`financeur`) ou plusieurs
/// contributeurs (`contributions`), par exemple un fonds départemental abondé
/// chaque année par des opérateurs.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Enveloppe {
    /// Identifiant de l'enveloppe.
    #[schemars(with = "IdSchema")]
    pub id: Id,
    /// Libellé (« Budget FNE 2024-2025 »).
    pub libelle: Sp<String>,
    /// Montant de l'enveloppe ; sans montant, c'est la somme des contributions chiffrées.
    pub montant: Option<Sp<MontantBrut>>,
    /// Identifiant de l'acteur financeur, si un seul financeur alimente l'enveloppe.
    pub financeur: Option<Id>,
    /// Contributions de plusieurs financeurs (par année si elle est connue).
    #[serde(default)]
    pub contributions: Vec<Contribution>,
    /// Plafond des lignes imputées sur l'enveloppe pour une même année.
    pub plafond_annuel: Option<Sp<MontantBrut>>,
    /// Première année de l'enveloppe.
    pub debut: Option<Sp<DateBrute>>,
    /// Dernière année de l'enveloppe.
    pub fin: Option<Sp<DateBrute>>,
    /// Règles d'attribution (Markdown).
    pub regles: Option<Sp<Texte>>,
}

/// Contribution d'un financeur à une enveloppe.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Contribution {
    /// Identifiant de l'acteur contributeur.
    pub financeur: Id,
    /// Année de la contribution, si elle est connue.
    pub annee: Option<Sp<u16>>,
    /// Montant, s'il est connu.
    pub montant: Option<Sp<MontantBrut>>,
}

/// Cercle de financeurs : des structures qui financent ensemble une ou
/// plusieurs lignes. Les parts, si elles sont données, le sont pour chaque
/// membre et totalisent 100 %.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Cercle {
    /// Identifiant du cercle, cité par `cercle:` dans une ligne.
    #[schemars(with = "IdSchema")]
    pub id: Id,
    /// Nom du cercle (« Cercle des financeurs de la MedNum 49 »).
    pub nom: Sp<String>,
    /// Membres du cercle.
    pub membres: Vec<MembreCercle>,
    /// Précision (Markdown) : cadre conventionnel, répartition en discussion…
    pub note: Option<Sp<Texte>>,
}

/// Membre d'un cercle de financeurs.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct MembreCercle {
    /// Identifiant de l'acteur.
    pub acteur: Id,
    /// Part en pourcentage (`25`, `"12,5"`), si la répartition est arrêtée.
    pub part: Option<Sp<DecimalBrut>>,
}

/// Ligne de financement d'une action. Le montant s'écrit d'une seule façon :
/// `montant` (total, avec `annee` éventuelle), `par_an` (même montant chaque
/// année d'une période) ou `annees` (un montant par année). Un apport en
/// nature peut ne donner que des jours ou des ETP.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct LigneFinancement {
    /// Identifiant de l'action financée.
    pub action: Id,
    /// Montant total (ou valeur en euros d'un apport en nature).
    pub montant: Option<Sp<MontantBrut>>,
    /// Même montant chaque année d'une période (« 92 000 € par an de 2025 à 2027 »).
    pub par_an: Option<Sp<ParAn>>,
    /// Un montant par année.
    #[serde(default)]
    pub annees: Vec<MontantAnnuel>,
    /// Année budgétaire d'un `montant`.
    pub annee: Option<Sp<u16>>,
    /// Identifiant de l'acteur financeur.
    pub financeur: Option<Id>,
    /// Identifiant d'un cercle de financeurs (au lieu de `financeur`).
    pub cercle: Option<Id>,
    /// Identifiant de l'enveloppe sur laquelle la ligne est imputée ; sans
    /// `financeur` ni `cercle`, l'enveloppe est la source des fonds.
    pub enveloppe: Option<Id>,
    /// Identifiant de l'acteur qui reçoit les fonds.
    pub recipiendaire: Option<Id>,
    /// Nature du financement, si elle est connue.
    pub nature: Option<Sp<Nature>>,
    /// Section budgétaire, si elle est connue.
    pub section: Option<Sp<SectionBudgetaire>>,
    /// État du financement, s'il est connu ; une ligne refusée sort de tous les totaux.
    pub statut: Option<Sp<StatutFinancement>>,
    /// Montant accordé, s'il diffère du montant demandé ou prévu.
    pub accorde: Option<Sp<MontantBrut>>,
    /// Montant déjà versé.
    pub verse: Option<Sp<MontantBrut>>,
    /// Apport exprimé en jours (ingénierie, mise à disposition…).
    pub jours: Option<Sp<DecimalBrut>>,
    /// Postes financés ou mis à disposition, en équivalents temps plein.
    pub etp: Option<Sp<DecimalBrut>>,
    /// Précision libre.
    pub libelle: Option<Sp<String>>,
}

/// Même montant chaque année, de `de` à `a` inclus.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ParAn {
    /// Montant annuel.
    pub montant: Sp<MontantBrut>,
    /// Première année.
    pub de: Sp<u16>,
    /// Dernière année (incluse).
    pub a: Sp<u16>,
}

/// Montant d'une année.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct MontantAnnuel {
    /// Année.
    pub annee: Sp<u16>,
    /// Montant de l'année.
    pub montant: Sp<MontantBrut>,
}

/// Section budgétaire d'une dépense.
#[derive(
    Debug, Clone, Copy, Deserialize, serde::Serialize, JsonSchema, PartialEq, Eq, PartialOrd, Ord,
)]
#[serde(rename_all = "snake_case")]
pub enum SectionBudgetaire {
    /// Fonctionnement.
    Fonctionnement,
    /// Investissement.
    Investissement,
}

/// Poste ou temps de travail consacré à la feuille de route.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Poste {
    /// Identifiant de la structure employeuse ou qui met à disposition.
    pub structure: Id,
    /// Rôle (« coordination du réseau », « conseillers numériques »…).
    pub role: Sp<String>,
    /// Équivalents temps plein, s'ils sont connus.
    pub etp: Option<Sp<DecimalBrut>>,
    /// Nombre de personnes, s'il est connu.
    pub nombre: Option<Sp<u32>>,
    /// Identifiant de l'action à laquelle le poste est rattaché.
    pub action: Option<Id>,
    /// Première année.
    pub debut: Option<Sp<u16>>,
    /// Dernière année (incluse).
    pub fin: Option<Sp<u16>>,
}

/// Nature d'un financement.
#[derive(
    Debug, Clone, Copy, Deserialize, serde::Serialize, JsonSchema, PartialEq, Eq, PartialOrd, Ord,
)]
#[serde(rename_all = "snake_case")]
pub enum Nature {
    /// Subvention (numéraire).
    Subvention,
    /// Cofinancement (numéraire).
    Cofinancement,
    /// Numéraire, sans autre précision.
    Numeraire,
    /// Valorisation : apport en nature ou en temps, jamais additionné au numéraire.
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
    /// Règles d'intervention (Markdown) : taux, plafonds, contreparties.
    pub regles: Option<Sp<Texte>>,
    /// Conditions d'éligibilité (Markdown).
    pub eligibilite: Option<Sp<Texte>>,
    /// Appels à projets ou à candidatures lancés sur le fonds.
    #[serde(default)]
    pub appels: Vec<AppelProjets>,
}

/// Appel à projets (ou à candidatures) d'un fonds.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct AppelProjets {
    /// Intitulé de l'appel.
    pub libelle: Sp<String>,
    /// Ouverture.
    pub ouverture: Option<Sp<DateBrute>>,
    /// Clôture.
    pub cloture: Option<Sp<DateBrute>>,
    /// Budget de l'appel ; les projets retenus ne peuvent pas le dépasser.
    pub budget: Option<Sp<MontantBrut>>,
    /// Projets retenus.
    #[serde(default)]
    pub projets: Vec<ProjetRetenu>,
}

/// Projet retenu par un appel.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ProjetRetenu {
    /// Intitulé du projet.
    pub titre: Sp<String>,
    /// Identifiant de la structure porteuse.
    pub porteur: Option<Id>,
    /// Aide accordée par le fonds.
    pub montant: Sp<MontantBrut>,
    /// Coût total du projet, s'il est connu : l'effet de levier en est calculé.
    pub cout_total: Option<Sp<MontantBrut>>,
    /// Bénéficiaires (publics visés, nombre…).
    pub beneficiaires: Option<Sp<String>>,
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
