//! The catalogue of diagnostic codes: every code fdr emits, by family,
//! with its stable string. Sources name a code through these constants
//! only (`tests/catalogue.rs` checks it, and that the README's table lists
//! exactly these).

/// The codes reported as warnings (the source may be right, or the
/// document still true: `--deny-warnings` makes them errors); every other
/// code is an error. `Diagnostic::warning` and `Diagnostic::error` check
/// a code against this list in debug builds, so the whole test suite keeps
/// each code to its one severity.
pub const WARNINGS: &[&str] = &[
    ACTEUR_INUTILISE,
    AXE_SANS_ACTION,
    CALENDRIER_JALON_HORS_ACTION,
    CONCERTATION_COMPTE_INCOHERENT,
    DATE_HORS_PERIODE,
    FICHIER_LIEN_IGNORE,
    FICHIER_VIDE,
    FINANCEMENT_BUDGET_DESEQUILIBRE,
    IMPORT_A_PRECISER,
    IMPORT_COLONNE_INCONNUE,
    IMPORT_COLONNE_NON_REPRISE,
    IMPORT_STRUCTURE_FUSIONNEE,
    IMPORT_VALEUR_DEVINEE,
    INDICATEUR_CIBLE_HORS_PERIODE,
    INDICATEUR_FORME_DOUBLE,
    INDICATEUR_SENS_INCOHERENT,
    REFERENCE_REPETEE,
    SOUS_FEUILLE_AXES_INSUFFISANTS,
    SOUS_FEUILLE_SANS_DEPARTEMENTALE,
    TABLEAU_TOTAL_SAISI,
    TERRITOIRE_DEUX_VALEURS,
    TEXTE_COMPTE_INCOHERENT,
    TEXTE_RENVOI_MANUEL,
    YAML_BOOLEEN_AMBIGU,
];

/// Every code, in the README's order of families.
pub const ALL: &[&str] = &[
    ACTEUR_INUTILISE,
    ACTION_SANS_REFERENT,
    AXE_SANS_ACTION,
    CALENDRIER_AXE_INCOHERENT,
    CALENDRIER_JALON_HORS_ACTION,
    CONCERTATION_COMPTE_INCOHERENT,
    CONCERTATION_EFFECTIF_AMBIGU,
    CONTACT_EMAIL_INVALIDE,
    DATE_FIN_AVANT_DEBUT,
    DATE_HORS_PERIODE,
    DATE_INVALIDE,
    DATE_PERIODE_TROP_LONGUE,
    FEUILLE_MANQUANTE,
    FICHIER_ENCODAGE,
    FICHIER_ILLISIBLE,
    FICHIER_LIEN_IGNORE,
    FICHIER_TROP_GROS,
    FICHIER_VIDE,
    FINANCEMENT_ACCORDE_SUPERIEUR,
    FINANCEMENT_APPEL_DEPASSE,
    FINANCEMENT_BUDGET_DESEQUILIBRE,
    FINANCEMENT_CONTRIBUTION_HORS_PERIODE,
    FINANCEMENT_COUT_INFERIEUR,
    FINANCEMENT_ENVELOPPE_DEPASSEE,
    FINANCEMENT_FINANCEUR_MANQUANT,
    FINANCEMENT_MONTANT_AMBIGU,
    FINANCEMENT_MONTANT_MANQUANT,
    FINANCEMENT_PARTS_CERCLE,
    FINANCEMENT_PLAFOND_ANNUEL,
    FINANCEMENT_SOURCE_AMBIGUE,
    FRAGMENT_DOUBLON,
    GABARIT_ERREUR,
    ID_DOUBLON,
    ID_INVALIDE,
    IMPORT_ACTION_INCONNUE,
    IMPORT_A_PRECISER,
    IMPORT_COLONNE_INCONNUE,
    IMPORT_COLONNE_NON_REPRISE,
    IMPORT_DATE_INVALIDE,
    IMPORT_FEUILLE_INTROUVABLE,
    IMPORT_IDENTIFIANT_INVALIDE,
    IMPORT_MONTANT_INVALIDE,
    IMPORT_NOMBRE_INVALIDE,
    IMPORT_STRUCTURE_FUSIONNEE,
    IMPORT_TABLEUR_ILLISIBLE,
    IMPORT_TITRE_MANQUANT,
    IMPORT_VALEUR_DEVINEE,
    IMPORT_VALEUR_INCONNUE,
    INDICATEUR_AVANT_REFERENCE,
    INDICATEUR_CIBLE_HORS_PERIODE,
    INDICATEUR_FORME_DOUBLE,
    INDICATEUR_MESURE_POSTERIEURE,
    INDICATEUR_ORDRE,
    INDICATEUR_POURCENTAGE,
    INDICATEUR_SENS_INCOHERENT,
    INTERNE_SCHEMA,
    MONTANT_INVALIDE,
    MONTANT_NON_POSITIF,
    NOMBRE_DEPASSEMENT,
    NOMBRE_INVALIDE,
    NUMERO_DOUBLON,
    NUMERO_HORS_AXE,
    NUMERO_INVALIDE,
    NUMERO_LACUNE,
    PDF_COMPILATION,
    REFERENCE_INCONNUE,
    REFERENCE_RENVOI_INCONNU,
    REFERENCE_REPETEE,
    SCHEMA_CHAMP_MANQUANT,
    SCHEMA_CLE_INCONNUE,
    SCHEMA_INVALIDE,
    SCHEMA_TYPE,
    SCHEMA_VALEUR_INCONNUE,
    SORTIE_ECRITURE,
    SORTIE_LIEN_REFUSE,
    SOUS_FEUILLE_AXE_INCONNU,
    SOUS_FEUILLE_AXES_INSUFFISANTS,
    SOUS_FEUILLE_DOSSIER,
    SOUS_FEUILLE_SANS_DEPARTEMENTALE,
    TABLEAU_COLONNES,
    TABLEAU_TOTAL_SAISI,
    TERRITOIRE_DEUX_VALEURS,
    TERRITOIRE_PARTIE_SUPERIEURE,
    TERRITOIRE_TAUX_INVALIDE,
    TEXTE_COMPTE_INCOHERENT,
    TEXTE_FICHIER,
    TEXTE_RENVOI_DISCORDANT,
    TEXTE_RENVOI_MANUEL,
    TEXTE_TROP_DE_RENVOIS,
    TEXTE_TROP_IMBRIQUE,
    YAML_ALIAS_EXCESSIFS,
    YAML_BOOLEEN_AMBIGU,
    YAML_CLE_DUPLIQUEE,
    YAML_PLUSIEURS_DOCUMENTS,
    YAML_SYNTAXE,
    YAML_TROP_DE_VALEURS,
    YAML_TROP_PROFOND,
];

pub const ACTEUR_INUTILISE: &str = "fdr::acteur::inutilise";
pub const ACTION_SANS_REFERENT: &str = "fdr::action::sans_referent";
pub const AXE_SANS_ACTION: &str = "fdr::axe::sans_action";
pub const CALENDRIER_AXE_INCOHERENT: &str = "fdr::calendrier::axe_incoherent";
pub const CALENDRIER_JALON_HORS_ACTION: &str = "fdr::calendrier::jalon_hors_action";
pub const CONCERTATION_COMPTE_INCOHERENT: &str = "fdr::concertation::compte_incoherent";
pub const CONCERTATION_EFFECTIF_AMBIGU: &str = "fdr::concertation::effectif_ambigu";
pub const CONTACT_EMAIL_INVALIDE: &str = "fdr::contact::email_invalide";
pub const DATE_FIN_AVANT_DEBUT: &str = "fdr::date::fin_avant_debut";
pub const DATE_HORS_PERIODE: &str = "fdr::date::hors_periode";
pub const DATE_INVALIDE: &str = "fdr::date::invalide";
pub const DATE_PERIODE_TROP_LONGUE: &str = "fdr::date::periode_trop_longue";
pub const FEUILLE_MANQUANTE: &str = "fdr::feuille::manquante";
pub const FICHIER_ENCODAGE: &str = "fdr::fichier::encodage";
pub const FICHIER_ILLISIBLE: &str = "fdr::fichier::illisible";
pub const FICHIER_LIEN_IGNORE: &str = "fdr::fichier::lien_ignore";
pub const FICHIER_TROP_GROS: &str = "fdr::fichier::trop_gros";
pub const FICHIER_VIDE: &str = "fdr::fichier::vide";
pub const FINANCEMENT_ACCORDE_SUPERIEUR: &str = "fdr::financement::accorde_superieur";
pub const FINANCEMENT_APPEL_DEPASSE: &str = "fdr::financement::appel_depasse";
pub const FINANCEMENT_BUDGET_DESEQUILIBRE: &str = "fdr::financement::budget_desequilibre";
pub const FINANCEMENT_CONTRIBUTION_HORS_PERIODE: &str =
    "fdr::financement::contribution_hors_periode";
pub const FINANCEMENT_COUT_INFERIEUR: &str = "fdr::financement::cout_inferieur";
pub const FINANCEMENT_MONTANT_AMBIGU: &str = "fdr::financement::montant_ambigu";
pub const FINANCEMENT_MONTANT_MANQUANT: &str = "fdr::financement::montant_manquant";
pub const FINANCEMENT_PARTS_CERCLE: &str = "fdr::financement::parts_cercle";
pub const FINANCEMENT_PLAFOND_ANNUEL: &str = "fdr::financement::plafond_annuel_depasse";
pub const FINANCEMENT_SOURCE_AMBIGUE: &str = "fdr::financement::source_ambigue";
pub const FINANCEMENT_ENVELOPPE_DEPASSEE: &str = "fdr::financement::enveloppe_depassee";
pub const FINANCEMENT_FINANCEUR_MANQUANT: &str = "fdr::financement::financeur_manquant";
pub const FRAGMENT_DOUBLON: &str = "fdr::fragment::doublon";
pub const GABARIT_ERREUR: &str = "fdr::gabarit::erreur";
pub const ID_DOUBLON: &str = "fdr::id::doublon";
pub const ID_INVALIDE: &str = "fdr::id::invalide";
pub const IMPORT_A_PRECISER: &str = "fdr::import::a_preciser";
pub const IMPORT_ACTION_INCONNUE: &str = "fdr::import::action_inconnue";
pub const IMPORT_COLONNE_INCONNUE: &str = "fdr::import::colonne_inconnue";
pub const IMPORT_COLONNE_NON_REPRISE: &str = "fdr::import::colonne_non_reprise";
pub const IMPORT_DATE_INVALIDE: &str = "fdr::import::date_invalide";
pub const IMPORT_FEUILLE_INTROUVABLE: &str = "fdr::import::feuille_introuvable";
pub const IMPORT_IDENTIFIANT_INVALIDE: &str = "fdr::import::identifiant_invalide";
pub const IMPORT_MONTANT_INVALIDE: &str = "fdr::import::montant_invalide";
pub const IMPORT_NOMBRE_INVALIDE: &str = "fdr::import::nombre_invalide";
pub const IMPORT_STRUCTURE_FUSIONNEE: &str = "fdr::import::structure_fusionnee";
pub const IMPORT_TABLEUR_ILLISIBLE: &str = "fdr::import::tableur_illisible";
pub const IMPORT_TITRE_MANQUANT: &str = "fdr::import::titre_manquant";
pub const IMPORT_VALEUR_DEVINEE: &str = "fdr::import::valeur_devinee";
pub const IMPORT_VALEUR_INCONNUE: &str = "fdr::import::valeur_inconnue";
pub const INDICATEUR_AVANT_REFERENCE: &str = "fdr::indicateur::avant_reference";
pub const INDICATEUR_CIBLE_HORS_PERIODE: &str = "fdr::indicateur::cible_hors_periode";
pub const INDICATEUR_FORME_DOUBLE: &str = "fdr::indicateur::forme_double";
pub const INDICATEUR_MESURE_POSTERIEURE: &str = "fdr::indicateur::mesure_posterieure";
pub const INDICATEUR_ORDRE: &str = "fdr::indicateur::ordre";
pub const INDICATEUR_POURCENTAGE: &str = "fdr::indicateur::pourcentage";
pub const INDICATEUR_SENS_INCOHERENT: &str = "fdr::indicateur::sens_incoherent";
pub const INTERNE_SCHEMA: &str = "fdr::interne::schema";
pub const MONTANT_INVALIDE: &str = "fdr::montant::invalide";
pub const MONTANT_NON_POSITIF: &str = "fdr::montant::non_positif";
pub const NOMBRE_DEPASSEMENT: &str = "fdr::nombre::depassement";
pub const NOMBRE_INVALIDE: &str = "fdr::nombre::invalide";
pub const NUMERO_DOUBLON: &str = "fdr::numero::doublon";
pub const NUMERO_HORS_AXE: &str = "fdr::numero::hors_axe";
pub const NUMERO_INVALIDE: &str = "fdr::numero::invalide";
pub const NUMERO_LACUNE: &str = "fdr::numero::lacune";
pub const PDF_COMPILATION: &str = "fdr::pdf::compilation";
pub const REFERENCE_INCONNUE: &str = "fdr::reference::inconnue";
pub const REFERENCE_RENVOI_INCONNU: &str = "fdr::reference::renvoi_inconnu";
pub const REFERENCE_REPETEE: &str = "fdr::reference::repetee";
pub const SCHEMA_CHAMP_MANQUANT: &str = "fdr::schema::champ_manquant";
pub const SCHEMA_CLE_INCONNUE: &str = "fdr::schema::cle_inconnue";
pub const SCHEMA_INVALIDE: &str = "fdr::schema::invalide";
pub const SCHEMA_TYPE: &str = "fdr::schema::type";
pub const SCHEMA_VALEUR_INCONNUE: &str = "fdr::schema::valeur_inconnue";
pub const SORTIE_ECRITURE: &str = "fdr::sortie::ecriture";
pub const SORTIE_LIEN_REFUSE: &str = "fdr::sortie::lien_refuse";
pub const SOUS_FEUILLE_AXE_INCONNU: &str = "fdr::sous_feuille::axe_inconnu";
pub const SOUS_FEUILLE_AXES_INSUFFISANTS: &str = "fdr::sous_feuille::axes_insuffisants";
pub const SOUS_FEUILLE_DOSSIER: &str = "fdr::sous_feuille::dossier";
pub const SOUS_FEUILLE_SANS_DEPARTEMENTALE: &str = "fdr::sous_feuille::sans_departementale";
pub const TABLEAU_COLONNES: &str = "fdr::tableau::colonnes";
pub const TABLEAU_TOTAL_SAISI: &str = "fdr::tableau::total_saisi";
pub const TERRITOIRE_DEUX_VALEURS: &str = "fdr::territoire::deux_valeurs";
pub const TERRITOIRE_PARTIE_SUPERIEURE: &str = "fdr::territoire::partie_superieure";
pub const TERRITOIRE_TAUX_INVALIDE: &str = "fdr::territoire::taux_invalide";
pub const TEXTE_COMPTE_INCOHERENT: &str = "fdr::texte::compte_incoherent";
pub const TEXTE_FICHIER: &str = "fdr::texte::fichier";
pub const TEXTE_RENVOI_DISCORDANT: &str = "fdr::texte::renvoi_discordant";
pub const TEXTE_RENVOI_MANUEL: &str = "fdr::texte::renvoi_manuel";
pub const TEXTE_TROP_DE_RENVOIS: &str = "fdr::texte::trop_de_renvois";
pub const TEXTE_TROP_IMBRIQUE: &str = "fdr::texte::trop_imbrique";
pub const YAML_ALIAS_EXCESSIFS: &str = "fdr::yaml::alias_excessifs";
pub const YAML_BOOLEEN_AMBIGU: &str = "fdr::yaml::booleen_ambigu";
pub const YAML_CLE_DUPLIQUEE: &str = "fdr::yaml::cle_dupliquee";
pub const YAML_PLUSIEURS_DOCUMENTS: &str = "fdr::yaml::plusieurs_documents";
pub const YAML_SYNTAXE: &str = "fdr::yaml::syntaxe";
pub const YAML_TROP_DE_VALEURS: &str = "fdr::yaml::trop_de_valeurs";
pub const YAML_TROP_PROFOND: &str = "fdr::yaml::trop_profond";
