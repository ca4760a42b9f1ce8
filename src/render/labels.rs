//! Every word the document prints that is not data: section titles, column
//! heads, enum labels. An English edition is a translation of this file.

use crate::model::{
    Categorie, Frequence, Nature, Role, Statut, StatutFinancement, TypeInstance, TypeReunion,
};
use serde::Serialize;

#[derive(Debug, Serialize, schemars::JsonSchema)]
pub struct Labels {
    pub lang: &'static str,
    pub sommaire: &'static str,
    pub contenu: &'static str,
    pub aller_au_contenu: &'static str,
    pub introduction: &'static str,
    pub methodologie: &'static str,
    pub etat_des_lieux: &'static str,
    pub axes: &'static str,
    pub conclusion: &'static str,
    pub annexes: &'static str,
    pub version: &'static str,
    pub date: &'static str,
    pub co_porteurs: &'static str,
    pub periode: &'static str,
    pub reunions: &'static str,
    pub participants: &'static str,
    pub chiffres_cles: &'static str,
    pub population: &'static str,
    pub population_epci: &'static str,
    pub part: &'static str,
    pub total: &'static str,
    pub territoire: &'static str,
    pub source: &'static str,
    pub axe: &'static str,
    pub action: &'static str,
    pub actions: &'static str,
    pub apercu_axes: &'static str,
    pub enjeux: &'static str,
    pub vigilance: &'static str,
    pub statut: &'static str,
    pub calendrier: &'static str,
    pub referents: &'static str,
    pub partenaires: &'static str,
    pub acteurs_publics: &'static str,
    pub structures_privees: &'static str,
    pub financement: &'static str,
    pub montant: &'static str,
    pub financeur: &'static str,
    pub recipiendaire: &'static str,
    pub annee: &'static str,
    pub nature: &'static str,
    pub indicateurs: &'static str,
    pub cible: &'static str,
    pub valeur: &'static str,
    pub echeance: &'static str,
    pub besoins: &'static str,
    pub annexe: &'static str,
    pub commune: &'static str,
    pub code_postal: &'static str,
    pub ifn: &'static str,
    pub population_fragile: &'static str,
    pub par_axe: &'static str,
    pub par_financeur: &'static str,
    pub par_recipiendaire: &'static str,
    pub sous_total: &'static str,
    pub total_general: &'static str,
    pub enveloppe: &'static str,
    pub consomme: &'static str,
    pub disponible: &'static str,
    pub objectifs: &'static str,
    pub beneficiaires: &'static str,
    pub instances: &'static str,
    pub frequence: &'static str,
    pub membres: &'static str,
    pub roles: &'static str,
    pub type_: &'static str,
    pub lieu: &'static str,
    pub objet: &'static str,
    pub tache: &'static str,
    pub graphique_financement: &'static str,
    pub budget: &'static str,
    pub precisions: &'static str,
    pub valorisations: &'static str,
    pub numeraire_et_nature: &'static str,
    pub numeraire: &'static str,
    pub refuses: &'static str,
    pub par_annee: &'static str,
    pub par_statut: &'static str,
    pub montants_accordes: &'static str,
    pub montants_verses: &'static str,
    pub enveloppes: &'static str,
    pub contributions: &'static str,
    pub contributeur: &'static str,
    pub plafond_annuel: &'static str,
    pub regles: &'static str,
    pub eligibilite: &'static str,
    pub appels: &'static str,
    pub projet: &'static str,
    pub porteur: &'static str,
    pub aide: &'static str,
    pub cout_total: &'static str,
    pub effet_levier: &'static str,
    pub cercles: &'static str,
    pub repartition_non_arretee: &'static str,
    pub moyens_humains: &'static str,
    pub structure: &'static str,
    pub role: &'static str,
    pub etp: &'static str,
    pub nombre: &'static str,
    pub etp_par_annee: &'static str,
    pub etp_sans_periode: &'static str,
    pub graphique_annees: &'static str,
    pub jours: &'static str,
    pub alimente_par: &'static str,
    pub financement_non_detaille: &'static str,
    pub financement_couverture: &'static str,
    pub graphique_population: &'static str,
    pub graphique_chronogramme: &'static str,
    pub page: &'static str,
    pub genere_par: &'static str,
    pub contact: &'static str,
    pub retour_sommaire: &'static str,
    pub evaluation: &'static str,
    pub reference: &'static str,
    pub mesures: &'static str,
    pub derniere_valeur: &'static str,
    pub progression: &'static str,
    pub tendance: &'static str,
    pub sens: &'static str,
    pub indicateur: &'static str,
    pub commentaire: &'static str,
    pub priorite: &'static str,
    pub journal: &'static str,
    pub etapes: &'static str,
    pub graphique_indicateur: &'static str,
    pub aucune_valeur: &'static str,
}

pub const FR: Labels = Labels {
    lang: "fr",
    sommaire: "Sommaire",
    contenu: "Contenu",
    aller_au_contenu: "Aller au contenu",
    introduction: "Introduction",
    methodologie: "Méthodologie et concertation",
    etat_des_lieux: "Synthèse de l'état des lieux",
    axes: "Les grands enjeux et axes de travail",
    conclusion: "Conclusion et perspectives",
    annexes: "Annexes",
    version: "Version",
    date: "Date",
    co_porteurs: "Co-porteurs",
    periode: "Période",
    reunions: "Réunions de la démarche",
    participants: "Structures participantes",
    chiffres_cles: "Chiffres clés",
    population: "Population",
    population_epci: "Population par intercommunalité",
    part: "Part",
    total: "Total",
    territoire: "Territoire",
    source: "Source",
    axe: "Axe",
    action: "Action",
    actions: "Actions",
    apercu_axes: "Vue d'ensemble des axes",
    enjeux: "Enjeux",
    vigilance: "Points de vigilance",
    statut: "Statut",
    calendrier: "Calendrier prévisionnel",
    referents: "Référents",
    partenaires: "Partenaires",
    acteurs_publics: "Acteurs publics",
    structures_privees: "Structures privées",
    financement: "Financement",
    montant: "Montant",
    financeur: "Financeur",
    recipiendaire: "Récipiendaire",
    annee: "Année",
    nature: "Nature",
    indicateurs: "Indicateurs",
    cible: "Cible",
    valeur: "Valeur mesurée",
    echeance: "Échéance",
    besoins: "Besoins",
    annexe: "Annexe",
    commune: "Commune",
    code_postal: "Code postal",
    ifn: "IFN",
    population_fragile: "Population fragile",
    par_axe: "Par axe et par action",
    par_financeur: "Par financeur",
    par_recipiendaire: "Par récipiendaire",
    sous_total: "Sous-total",
    total_general: "Total général",
    enveloppe: "Enveloppe",
    consomme: "Affecté",
    disponible: "Disponible",
    objectifs: "Objectifs",
    beneficiaires: "Bénéficiaires",
    instances: "Instances",
    frequence: "Fréquence",
    membres: "Membres",
    roles: "Rôles",
    type_: "Type",
    lieu: "Lieu",
    objet: "Objet",
    tache: "Tâche",
    graphique_financement: "Financement par axe",
    budget: "Budget",
    precisions: "Précisions",
    valorisations: "Valorisations (apports en nature)",
    numeraire_et_nature: "Numéraire et apports en nature",
    numeraire: "Financements (hors apports en nature)",
    refuses: "Financements refusés (hors totaux)",
    par_annee: "Par année et par financeur",
    par_statut: "Par état du financement",
    montants_accordes: "Montants accordés",
    montants_verses: "Montants versés",
    enveloppes: "Enveloppes",
    contributions: "Contributions",
    contributeur: "Contributeur",
    plafond_annuel: "Plafond annuel",
    regles: "Règles d'intervention",
    eligibilite: "Éligibilité",
    appels: "Appels à projets",
    projet: "Projet",
    porteur: "Porteur",
    aide: "Aide du fonds",
    cout_total: "Coût total",
    effet_levier: "Effet de levier",
    cercles: "Cercles de financeurs",
    repartition_non_arretee: "Répartition entre les membres non précisée.",
    moyens_humains: "Moyens humains",
    structure: "Structure",
    role: "Rôle",
    etp: "ETP",
    nombre: "Nombre",
    etp_par_annee: "Équivalents temps plein par année",
    etp_sans_periode: "ETP sans période précisée",
    graphique_annees: "Financement par année",
    jours: "Jours",
    alimente_par: "Alimenté par",
    financement_non_detaille: "Financeurs et lignes de financement non précisés.",
    financement_couverture: "Financement des actions",
    graphique_population: "Population par intercommunalité",
    graphique_chronogramme: "Chronogramme des actions",
    page: "page",
    genere_par: "Document produit par fdr à partir des sources YAML de la feuille de route.",
    contact: "Contact",
    retour_sommaire: "Retour au sommaire",
    evaluation: "Indicateurs de la stratégie",
    reference: "Référence",
    mesures: "Mesures",
    derniere_valeur: "Dernière valeur",
    progression: "Progression vers la cible",
    tendance: "Tendance",
    sens: "Sens souhaité",
    indicateur: "Indicateur",
    commentaire: "Commentaire",
    priorite: "Priorité",
    journal: "Journal de suivi",
    etapes: "Étapes",
    graphique_indicateur: "Évolution de l'indicateur",
    aucune_valeur: "Ni référence, ni cible, ni mesure dans les sources.",
};

pub mod bilan;

pub fn sens(s: crate::model::Sens) -> &'static str {
    match s {
        crate::model::Sens::Hausse => "à la hausse",
        crate::model::Sens::Baisse => "à la baisse",
        crate::model::Sens::Maintien => "maintien",
    }
}

pub fn priorite(p: crate::model::Priorite) -> &'static str {
    match p {
        crate::model::Priorite::Haute => "haute",
        crate::model::Priorite::Moyenne => "moyenne",
        crate::model::Priorite::Basse => "basse",
    }
}

pub fn tendance(t: crate::compute::indicateurs::Tendance) -> &'static str {
    match t {
        crate::compute::indicateurs::Tendance::Hausse => "en hausse",
        crate::compute::indicateurs::Tendance::Baisse => "en baisse",
        crate::compute::indicateurs::Tendance::Stable => "stable",
    }
}

pub fn statut(s: Statut) -> &'static str {
    match s {
        Statut::AVenir => "À venir",
        Statut::EnCours => "En cours",
        Statut::Realisee => "Réalisée",
        Statut::EnPause => "En pause",
        Statut::Abandonnee => "Abandonnée",
    }
}

/// (singular, plural) of a category, for counted phrases.
pub fn categorie(c: Categorie) -> (&'static str, &'static str) {
    match c {
        Categorie::Etat => ("service de l'État", "services de l'État"),
        Categorie::Collectivite => ("collectivité", "collectivités"),
        Categorie::Epci => ("intercommunalité", "intercommunalités"),
        Categorie::Departement => ("département", "départements"),
        Categorie::Region => ("région", "régions"),
        Categorie::OperateurServicePublic => (
            "opérateur de service public",
            "opérateurs de service public",
        ),
        Categorie::Association => ("association", "associations"),
        Categorie::CentreSocial => ("centre social", "centres sociaux"),
        Categorie::Entreprise => ("entreprise", "entreprises"),
        Categorie::Fondation => ("fondation", "fondations"),
        Categorie::Autre => ("autre structure", "autres structures"),
    }
}

/// Heading of a category group ("Collectivités").
pub fn categorie_titre(c: Categorie) -> String {
    super::fmt::ucfirst(categorie(c).1)
}

pub fn role(r: Role) -> &'static str {
    match r {
        Role::Coporteur => "co-porteur",
        Role::Cofinanceur => "co-financeur",
        Role::Beneficiaire => "bénéficiaire",
        Role::Recipiendaire => "récipiendaire",
        Role::Observateur => "observateur",
    }
}

pub fn frequence(f: Frequence) -> &'static str {
    match f {
        Frequence::Mensuelle => "mensuelle",
        Frequence::Trimestrielle => "trimestrielle",
        Frequence::Semestrielle => "semestrielle",
        Frequence::Annuelle => "annuelle",
        Frequence::Autre => "à la demande",
    }
}

pub fn type_instance(t: TypeInstance) -> &'static str {
    match t {
        TypeInstance::Strategique => "stratégique",
        TypeInstance::Technique => "technique",
        // Agreed with « instance », the word it follows.
        TypeInstance::Consultatif => "consultative",
        TypeInstance::Autre => "autre",
    }
}

pub fn type_reunion(t: TypeReunion) -> &'static str {
    match t {
        TypeReunion::GroupeTravail => "groupe de travail",
        TypeReunion::Atelier => "concertation territoriale",
        TypeReunion::Information => "réunion d'information",
        TypeReunion::Synthese => "réunion de synthèse",
        TypeReunion::Entretien => "rencontre",
        TypeReunion::Autre => "réunion",
    }
}

pub fn nature(n: Nature) -> &'static str {
    match n {
        Nature::Subvention => "subvention",
        Nature::Cofinancement => "cofinancement",
        Nature::Numeraire => "numéraire",
        Nature::Valorisation => "valorisation (apport en nature)",
    }
}

pub fn section_budgetaire(s: crate::model::SectionBudgetaire) -> &'static str {
    match s {
        crate::model::SectionBudgetaire::Fonctionnement => "fonctionnement",
        crate::model::SectionBudgetaire::Investissement => "investissement",
    }
}

pub fn statut_financement(s: StatutFinancement) -> &'static str {
    match s {
        StatutFinancement::Prevu => "prévu",
        StatutFinancement::Demande => "demandé",
        StatutFinancement::Accorde => "accordé",
        StatutFinancement::Verse => "versé",
        StatutFinancement::Refuse => "refusé",
    }
}
