//! French labels of the enums of the model.

use crate::model::{
    Categorie, Frequence, Nature, Role, Statut, StatutFinancement, TypeInstance, TypeReunion,
};

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
        Categorie::SyndicatMixte => ("syndicat mixte", "syndicats mixtes"),
        Categorie::EtablissementPublic => ("établissement public", "établissements publics"),
        Categorie::OrganismeSocial => (
            "organisme de sécurité sociale",
            "organismes de sécurité sociale",
        ),
        Categorie::Universite => (
            "établissement d'enseignement ou de recherche",
            "établissements d'enseignement ou de recherche",
        ),
        Categorie::OrganismeEuropeen => (
            "organisme européen ou international",
            "organismes européens ou internationaux",
        ),
        Categorie::BailleurSocial => ("bailleur social", "bailleurs sociaux"),
        Categorie::Cooperative => ("coopérative", "coopératives"),
        Categorie::Autre => ("autre structure", "autres structures"),
    }
}

/// Heading of a category group ("Collectivités").
pub fn categorie_titre(c: Categorie) -> String {
    crate::render::fmt::ucfirst(categorie(c).1)
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
        Frequence::ALaDemande => "à la demande",
        Frequence::Autre => "autre",
    }
}

pub fn approximation(a: crate::model::Approximation) -> &'static str {
    match a {
        crate::model::Approximation::PlusDe => "plus de",
        crate::model::Approximation::AuMoins => "au moins",
        crate::model::Approximation::Environ => "environ",
    }
}

pub fn statut_instance(s: crate::model::StatutInstance) -> &'static str {
    match s {
        crate::model::StatutInstance::Active => "active",
        crate::model::StatutInstance::ARenforcer => "existante, à renforcer",
        crate::model::StatutInstance::Creee => {
            "créée pour la feuille de route France Numérique Ensemble"
        }
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

pub fn perimetre(p: crate::model::Perimetre) -> &'static str {
    match p {
        crate::model::Perimetre::Departemental => "départemental",
        crate::model::Perimetre::GroupementsDeCommunes => {
            "infra-départemental (groupements de communes)"
        }
        crate::model::Perimetre::Regional => "régional",
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

pub fn secteur(s: crate::model::Secteur) -> &'static str {
    match s {
        crate::model::Secteur::Public => "Public",
        crate::model::Secteur::Prive => "Privé",
    }
}
