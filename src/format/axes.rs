use super::{
    DateBrute, EmailSchema, Etape, Id, IdSchema, Indicateur, MontantBrut, NoteSuivi, Priorite, Sp,
    Texte,
};
use schemars::JsonSchema;
use serde::Deserialize;

/// Axe stratégique.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Axe {
    /// Identifiant de l'axe, cité par les actions et les renvois `[](#axe:ID)`.
    #[schemars(with = "IdSchema")]
    pub id: Id,
    /// Numéro de l'axe (1, 2, 3…) ; sans numéro, l'ordre de la liste.
    pub numero: Option<Sp<u32>>,
    /// Intitulé de l'axe.
    pub titre: Sp<String>,
    /// Enjeux de l'axe (Markdown).
    pub enjeux: Option<Sp<Texte>>,
    /// Points de vigilance (Markdown, un par élément).
    #[serde(default)]
    pub vigilance: Vec<Sp<String>>,
    /// Dans une sous-feuille : identifiants des axes de la feuille de route
    /// départementale que cet axe reprend.
    #[serde(default)]
    pub reprend: Vec<Id>,
}

/// Action d'un axe.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Action {
    /// Identifiant de l'action, cité par les financements, le calendrier et les renvois `[](#action:ID)`.
    #[schemars(with = "IdSchema")]
    pub id: Id,
    /// Identifiant de l'axe de rattachement.
    pub axe: Id,
    /// Numéro « N.M » où N est le numéro de l'axe ; sans numéro, calculé dans l'ordre des actions de l'axe.
    pub numero: Option<Sp<String>>,
    /// Intitulé de l'action.
    pub titre: Sp<String>,
    /// Description (Markdown).
    pub description: Option<Sp<Texte>>,
    /// État d'avancement.
    pub statut: Sp<Statut>,
    /// Référents (structures pilotes) de l'action.
    #[serde(default)]
    pub referents: Vec<Referent>,
    /// Identifiants des acteurs partenaires.
    #[serde(default)]
    pub partenaires: Vec<Id>,
    /// Reprend les partenaires d'une autre action (identifiant), en plus de la liste.
    pub partenaires_comme: Option<Id>,
    /// Précision libre sur les partenaires (« membres de la gouvernance »).
    pub partenaires_note: Option<Sp<String>>,
    /// Début de l'action.
    pub debut: Option<Sp<DateBrute>>,
    /// Fin de l'action.
    pub fin: Option<Sp<DateBrute>>,
    /// Besoins identifiés (un par élément).
    #[serde(default)]
    pub besoins: Vec<Sp<String>>,
    /// Indicateurs de suivi.
    #[serde(default)]
    pub indicateurs: Vec<Indicateur>,
    /// Budget global de l'action, s'il est connu : les lignes de financement
    /// y sont comparées et le reste à financer est calculé.
    pub budget: Option<Sp<MontantBrut>>,
    /// Priorité de l'action (facultative).
    pub priorite: Option<Sp<Priorite>>,
    /// Journal de suivi : notes datées (ce qui a été fait, décidé, bloqué).
    #[serde(default)]
    pub suivi: Vec<NoteSuivi>,
    /// Étapes de l'action, faites ou non. Le retard n'est jamais saisi : il
    /// est calculé à la date du bilan (fin passée, action ni réalisée ni abandonnée).
    #[serde(default)]
    pub etapes: Vec<Etape>,
}

/// Statut d'une action.
#[derive(
    Debug, Clone, Copy, Deserialize, serde::Serialize, JsonSchema, PartialEq, Eq, PartialOrd, Ord,
)]
#[serde(rename_all = "snake_case")]
pub enum Statut {
    /// Pas encore commencée.
    AVenir,
    /// En cours.
    EnCours,
    /// Réalisée.
    Realisee,
    /// En pause.
    EnPause,
    /// Abandonnée.
    Abandonnee,
}

/// Référent d'une action.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Referent {
    /// Identifiant de l'acteur référent.
    pub acteur: Id,
    /// Adresse de contact pour l'action (par défaut celle de l'acteur).
    #[schemars(with = "Option<EmailSchema>")]
    pub contact: Option<Sp<String>>,
}
