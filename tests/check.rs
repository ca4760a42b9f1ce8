//! Integration tests of `fdr check`: the real binary on the roadmaps of
//! `tests/fixtures/`, one folder per check.
//!
//! Each fixture is copied into a temporary folder as `roadmap/` and checked
//! from there (`fdr --color never check roadmap`), so the paths printed are
//! the same on every machine. For each fixture the test
//!
//! 1. asserts the exit code (0 valid, 1 errors, 2 usage);
//! 2. asserts the exact list of diagnostics read from `--format json`, one
//!    `file:line:column severity code` line each, so a wrong position or a
//!    missing diagnostic fails on a figure, not only on a snapshot diff;
//! 3. asserts each expected code also appears in the human report;
//! 4. pins the human report (stderr) with an insta snapshot named after the
//!    fixture, `tests/snapshots/check__NAME.snap`.
//!
//! Fixtures for a check that `src/` gets wrong are marked `#[ignore]` with
//! the reason; their expectations describe the correct behaviour. Run them
//! with `cargo test --test check -- --ignored`; once `src/` is fixed, remove
//! the `#[ignore]` and generate the snapshot.
//!
//! Update the snapshots with `INSTA_UPDATE=always cargo test --test check`,
//! then read the diff of `tests/snapshots/` before committing.

mod common;

use common::*;
use serde_json::Value;
use std::path::Path;

/// Run `fdr ARGS` in `cwd`, with an environment that cannot change the output.
fn fdr_in(cwd: &Path, args: &[&str]) -> Outcome {
    fdr_with_env(cwd, args, &[])
}

fn fdr_with_env(cwd: &Path, args: &[&str], env: &[(&str, &str)]) -> Outcome {
    run(cwd, args, env, TIMEOUT)
}

/// `fdr --color never check roadmap EXTRA…` in `dir`.
fn check_in(dir: &Path, extra: &[&str]) -> Outcome {
    let mut args = vec!["--color", "never", "check", ROOT];
    args.extend_from_slice(extra);
    fdr_in(dir, &args)
}

/// The last line of a human report: « 2 erreurs, aucun avertissement ».
fn summary_line(errors: usize, warnings: usize) -> String {
    let count = |n: usize, none: &str, one: &str, many: &str| match n {
        0 => none.to_string(),
        1 => format!("1 {one}"),
        n => format!("{n} {many}"),
    };
    format!(
        "{}, {}",
        count(errors, "aucune erreur", "erreur", "erreurs"),
        count(
            warnings,
            "aucun avertissement",
            "avertissement",
            "avertissements"
        )
    )
}

/// The whole check of one fixture; see the module documentation.
/// `texts`: pieces of the human report that must appear (messages, help).
fn fixture_test(fixture: &str, exit: i32, expected: &[&str], texts: &[&str]) {
    let dir = sandbox(fixture);

    let json = check_in(dir.path(), &["--format", "json"]);
    assert_eq!(
        json.code, exit,
        "exit code of --format json\nstdout:\n{}\nstderr:\n{}",
        json.stdout, json.stderr
    );
    let diags = parse_json(&json.stdout);
    assert_eq!(
        summarize(&diags),
        expected,
        "diagnostics of « {fixture} » (file:line:column severity code)\n{}",
        json.stdout
    );

    let human = check_in(dir.path(), &[]);
    assert_eq!(human.code, exit, "exit code\n{}", human.stderr);
    assert!(
        human.stdout.is_empty(),
        "check prints its report on stderr only:\n{}",
        human.stdout
    );
    for line in expected {
        let code = line.rsplit(' ').next().unwrap();
        assert!(
            human.stderr.contains(code),
            "« {code} » absent from the report:\n{}",
            human.stderr
        );
    }
    let errors = expected.iter().filter(|l| l.contains(" erreur ")).count();
    let warnings = expected
        .iter()
        .filter(|l| l.contains(" avertissement "))
        .count();
    let summary = summary_line(errors, warnings);
    assert!(
        human.stderr.contains(&summary),
        "summary « {summary} » absent:\n{}",
        human.stderr
    );
    assert!(
        !human.stderr.contains('\u{1b}'),
        "--color never must not print escape codes"
    );
    // Figures are written with narrow and non-breaking spaces; the expected
    // texts use plain ones.
    let plain = human.stderr.replace(['\u{202f}', '\u{a0}'], " ");
    for text in texts {
        assert!(
            plain.contains(text),
            "« {text} » absent from the report:\n{}",
            human.stderr
        );
    }

    snapshot!(
        fixture,
        &transcript(&format!("--color never check {ROOT}"), &human),
    );
}

macro_rules! fixtures {
    ($( $(#[$attr:meta])* $test:ident : $dir:literal => $exit:literal [ $($diag:literal),* $(,)? ]
        $( + [ $($text:literal),* $(,)? ] )? ; )*) => {
        /// Every fixture folder, for [`every_fixture_has_a_test`].
        const FIXTURES: &[&str] = &[$($dir),*];
        $(
            $(#[$attr])*
            #[test]
            fn $test() {
                fixture_test($dir, $exit, &[$($diag),*], &[$($($text),*)?]);
            }
        )*
    };
}

fixtures! {
    // ---- valid roadmaps ----
    valide: "valide" => 0 [];
    fichier_bom: "fichier-bom" => 0 [];
    fichier_crlf: "fichier-crlf" => 0 [];
    yaml_document_explicite: "yaml-document-explicite" => 0 [];
    // Every field of the schema (tests/coverage.rs).
    chaque_champ: "chaque-champ" => 0 [];

    // ---- reading files ----
    fichier_non_utf8: "fichier-non-utf8" => 1 ["acteurs-latin1.yaml erreur fdr::fichier::encodage"]
        + ["roadmap/acteurs-latin1.yaml", "octets invalides à la ligne 3"];
    fichier_vide: "fichier-vide" => 0 ["vide.yaml avertissement fdr::fichier::vide"];

    // ---- YAML syntax and limits ----
    yaml_syntaxe: "yaml-syntaxe" => 1 ["feuille.yaml:2:10 erreur fdr::yaml::syntaxe"]
        + ["guillemet non fermé"];
    yaml_tabulation: "yaml-tabulation" => 1 ["feuille.yaml:4:1 erreur fdr::yaml::syntaxe"]
        + ["tabulation dans l'indentation"];

    yaml_tabulation_apres_valeur: "yaml-tabulation-apres-valeur" => 1 ["feuille.yaml:5:1 erreur fdr::yaml::syntaxe"]
        + ["tabulation", "feuille.yaml:5:1"];

    yaml_crochet_non_ferme: "yaml-crochet-non-ferme" => 1 ["feuille.yaml:31:18 erreur fdr::yaml::syntaxe"]
        + ["liste entre crochets non fermée", "ajoutez le « ] » manquant"];
    yaml_cle_dupliquee: "yaml-cle-dupliquee" => 1 ["feuille.yaml:10:3 erreur fdr::yaml::cle_dupliquee"]
        + ["clé « titre » définie deux fois", "deuxième définition", "première définition"];
    yaml_plusieurs_documents: "yaml-plusieurs-documents" => 1 ["feuille.yaml:31:1 erreur fdr::yaml::plusieurs_documents"];
    yaml_alias_bombe: "yaml-alias-bombe" => 1 ["bombe.yaml:7:25 erreur fdr::yaml::alias_excessifs"];
    yaml_profond: "yaml-profond" => 1 ["profond.yaml:4:58 erreur fdr::yaml::trop_profond"];
    yaml_booleen_ambigu: "yaml-booleen-ambigu" => 0 ["feuille.yaml:3:15 avertissement fdr::yaml::booleen_ambigu"]
        + ["« yes » est lu comme du texte"];

    // ---- schema ----
    schema_cle_inconnue: "schema-cle-inconnue" => 1 [
        "feuille.yaml:2:3 erreur fdr::schema::champ_manquant",
        "feuille.yaml:2:3 erreur fdr::schema::cle_inconnue",
    ] + ["clé inconnue « titr »", "vouliez-vous dire « titre » ?"];
    schema_champ_manquant: "schema-champ-manquant" => 1 ["feuille.yaml:25:5 erreur fdr::schema::champ_manquant"];
    schema_type: "schema-type" => 1 ["feuille.yaml:10:16 erreur fdr::schema::type"]
        + ["« co_porteurs » doit être une liste"];
    schema_valeur_inconnue: "schema-valeur-inconnue" => 1 ["feuille.yaml:28:13 erreur fdr::schema::valeur_inconnue"]
        + ["vouliez-vous dire « en_cours » ?"];
    schema_date_format: "schema-date-format" => 1 ["feuille.yaml:9:9 erreur fdr::date::invalide"];

    // ---- identifiers and references ----
    reference_inconnue: "reference-inconnue" => 1 ["feuille.yaml:31:19 erreur fdr::reference::inconnue"]
        + ["vouliez-vous dire « prefecture-83 » ?"];
    reference_repetee: "reference-repetee" => 0 ["feuille.yaml:31:34 avertissement fdr::reference::repetee"];
    id_doublon: "id-doublon" => 1 ["feuille.yaml:25:9 erreur fdr::id::doublon"]
        + ["[roadmap/feuille.yaml:25:9]", "[roadmap/actions-bis.yaml:8:9]", "première définition"];

    id_doublon_acteur: "id-doublon-acteur" => 1 ["feuille.yaml:16:9 erreur fdr::id::doublon"];
    id_invalide: "id-invalide" => 1 ["feuille.yaml:16:9 erreur fdr::id::invalide"];
    fragment_doublon: "fragment-doublon" => 1 ["feuille.yaml:2:3 erreur fdr::fragment::doublon"]
        + ["[roadmap/feuille.yaml:2:3]", "[roadmap/feuille-bis.yaml:2:3]", "première définition"];
    feuille_manquante: "feuille-manquante" => 1 ["- erreur fdr::feuille::manquante"];

    // ---- sub-roadmaps (each in its folder, declared in feuille_de_route.sous_feuilles) ----
    sous_feuilles: "sous-feuilles" => 0 [] + ["roadmap : 3 objectifs, 3 actions, 2 sous-feuilles, 3 fichiers vérifiés"];
    sous_feuille_axe_inconnu: "sous-feuille-axe-inconnu" => 1 [
        "territoires/nord/feuille.yaml:25:25 erreur fdr::sous_feuille::axe_inconnu",
    ] + [
        "« finacer » n'est pas un objectif de la feuille de route départementale",
        "vouliez-vous dire « financer » ?",
    ];
    sous_feuille_axes_insuffisants: "sous-feuille-axes-insuffisants" => 0 [
        "territoires/sud/feuille.yaml:2:3 avertissement fdr::sous_feuille::axes_insuffisants",
    ] + [
        "la sous-feuille « sud » reprend 1 objectif de la feuille de route départementale, au moins 2",
        "[roadmap/feuille.yaml:14:26]",
        "règle de la feuille de route départementale",
    ];
    sous_feuille_doublon: "sous-feuille-doublon" => 1 ["feuille.yaml:18:13 erreur fdr::id::doublon"]
        + ["sous-feuille « nord » définie deux fois", "[roadmap/feuille.yaml:16:13]"];
    sous_feuille_dossier: "sous-feuille-dossier" => 1 ["feuille.yaml:19:18 erreur fdr::sous_feuille::dossier"]
        + ["le dossier « territoires/ouest » est introuvable"];
    // Every roadmap's problems in one run, each at its file:line:col.
    sous_feuilles_plusieurs_erreurs: "sous-feuilles-plusieurs-erreurs" => 1 [
        "feuille.yaml:55:17 erreur fdr::reference::inconnue",
        "territoires/nord/feuille.yaml:22:15 erreur fdr::sous_feuille::axe_inconnu",
        "territoires/sud/feuille.yaml:2:3 avertissement fdr::sous_feuille::axes_insuffisants",
        "territoires/sud/feuille.yaml:27:17 erreur fdr::reference::inconnue",
        "territoires/sud/feuille.yaml:33:17 erreur fdr::reference::inconnue",
    ];

    // ---- numbering ----
    numero_hors_axe: "numero-hors-axe" => 1 ["feuille.yaml:33:13 erreur fdr::numero::hors_axe"];
    numero_invalide: "numero-invalide" => 1 ["feuille.yaml:33:13 erreur fdr::numero::invalide"];
    numero_lacune: "numero-lacune" => 1 ["feuille.yaml:34:13 erreur fdr::numero::lacune"];
    numero_debut: "numero-debut" => 1 ["feuille.yaml:22:13 erreur fdr::numero::lacune"];
    numero_doublon: "numero-doublon" => 1 ["feuille.yaml:34:13 erreur fdr::numero::doublon"]
        + ["première utilisation"];
    numero_trop_grand: "numero-trop-grand" => 1 ["feuille.yaml:28:13 erreur fdr::numero::invalide"]
        + ["numéro d'action « 1.4294967295 » invalide", "un numéro d'action va de 1.1 à 1.9999"];

    cascade_apres_erreur: "cascade-apres-erreur" => 1 ["feuille.yaml:27:13 erreur fdr::numero::hors_axe"];
    axe_ajoute_en_tete: "axe-ajoute-en-tete" => 0 [];
    schema_puis_semantique: "schema-puis-semantique" => 1 [
        "feuille.yaml:31:13 erreur fdr::schema::valeur_inconnue",
        "feuille.yaml:39:17 erreur fdr::reference::inconnue",
    ] + ["vouliez-vous dire « en_cours » ?", "vouliez-vous dire « hub-du-sud » ?"];

    // ---- dates ----
    date_fin_avant_debut: "date-fin-avant-debut" => 1 ["feuille.yaml:32:10 erreur fdr::date::fin_avant_debut"];
    periode_fin_avant_debut: "periode-fin-avant-debut" => 1 ["feuille.yaml:8:10 erreur fdr::date::fin_avant_debut"];
    date_invalide: "date-invalide" => 1 ["feuille.yaml:31:12 erreur fdr::date::invalide"]
        + ["« 2025-02-30 » : ce jour n'existe pas"];
    date_hors_periode: "date-hors-periode" => 0 ["feuille.yaml:41:10 avertissement fdr::date::hors_periode"]
        + ["l'action (2015–2018) s'achève avant la période de la feuille de route (2025–2027)"];

    jalon_hors_periode: "jalon-hors-periode" => 0 ["feuille.yaml:35:13 avertissement fdr::date::hors_periode"];
    jalon_axe_incoherent: "jalon-axe-incoherent" => 1 ["feuille.yaml:44:12 erreur fdr::calendrier::axe_incoherent"];
    // A milestone before its action starts, one ending after it ends; a
    // year that overlaps the action is within.
    jalon_hors_action: "jalon-hors-action" => 0 [
        "feuille.yaml:38:13 avertissement fdr::calendrier::jalon_hors_action",
        "feuille.yaml:47:12 avertissement fdr::calendrier::jalon_hors_action",
    ] + [
        "le jalon « Recrutement de la coordination » (2025-03) tombe avant le début",
        "tombe après la fin de l'action 1.1 (2026-06)",
        "début de l'action",
    ];

    // ---- money ----
    montant_invalide: "montant-invalide" => 1 ["feuille.yaml:40:16 erreur fdr::montant::invalide"]
        + ["« 1.234 » a plus de deux décimales"];
    montant_non_positif: "montant-non-positif" => 1 [
        "feuille.yaml:36:16 erreur fdr::montant::non_positif",
        "feuille.yaml:40:16 erreur fdr::montant::non_positif",
    ];
    financement_action_inconnue: "financement-action-inconnue" => 1 ["feuille.yaml:39:15 erreur fdr::reference::inconnue"];
    financement_enveloppe_inconnue: "financement-enveloppe-inconnue" => 1 ["feuille.yaml:42:18 erreur fdr::reference::inconnue"];
    financeur_manquant: "financeur-manquant" => 1 ["feuille.yaml:35:16 erreur fdr::financement::financeur_manquant"];
    argent_valide: "argent-valide" => 0 [];
    argent_erreurs: "argent-erreurs" => 1 [
        "feuille.yaml:65:11 erreur fdr::financement::parts_cercle",
        "feuille.yaml:79:23 erreur fdr::financement::plafond_annuel_depasse",
        "feuille.yaml:122:15 erreur fdr::financement::source_ambigue",
        "feuille.yaml:128:9 erreur fdr::financement::montant_ambigu",
        "feuille.yaml:134:16 erreur fdr::financement::accorde_superieur",
        "feuille.yaml:137:16 erreur fdr::montant::invalide",
        "feuille.yaml:156:19 erreur fdr::financement::appel_depasse",
    ] + [
        "les parts du cercle « Cercle des financeurs » totalisent 90 % au lieu de 100 %",
        "dépasse son plafond annuel en 2025 : 55 000 € affectés",
        "pour un plafond de 50 000 €",
        "l'appel « Appel 2025 » retient 25 000 € de projets",
        "pour un budget de 20 000 €",
        "montant accordé (1 500 €) supérieur au montant de la ligne (1 000 €)",
        "« 99999999999999999 » est un montant trop grand",
    ];
    vocabulaire_objectif: "vocabulaire-objectif" => 0 [
        "feuille.yaml:24:9 avertissement fdr::axe::sans_action",
    ] + ["l'objectif 2 « Territorialiser la feuille de route » n'a aucune action", "objectif sans action"];
    concertation_effectifs: "concertation-effectifs" => 0 [
        "feuille.yaml:46:15 avertissement fdr::concertation::compte_incoherent",
    ] + ["la concertation compte 23 structures de catégorie collectivite"];
    budget_desequilibre: "budget-desequilibre" => 0 [
        "feuille.yaml:31:13 avertissement fdr::financement::budget_desequilibre",
        "feuille.yaml:38:13 avertissement fdr::financement::budget_desequilibre",
    ] + [
        "action 1.1 : 35 000 € financés sur un budget de 50 000 €",
        "reste à financer : 15 000 €",
        "action 1.2 : les financements (12 500 €) dépassent le budget (10 000 €)",
    ];
    enveloppe_depassee: "enveloppe-depassee" => 1 ["feuille.yaml:36:16 erreur fdr::financement::enveloppe_depassee"]
        + [
            // French typography: narrow no-break space in thousands, no-break space before €.
            "31 000,50 € affectés pour 20 000 € disponibles",
            "dépassement de 11 000,50 €",
        ];
    // An invalid envelope is set aside without shifting the next one.
    enveloppe_invalide_decalage: "enveloppe-invalide-decalage" => 1 ["feuille.yaml:36:16 erreur fdr::montant::invalide"];

    // ---- territory ----
    partie_superieure: "partie-superieure" => 1 ["feuille.yaml:39:29 erreur fdr::territoire::partie_superieure"];
    taux_invalide: "taux-invalide" => 1 ["feuille.yaml:39:17 erreur fdr::territoire::taux_invalide"];
    tableau_colonnes: "tableau-colonnes" => 1 ["feuille.yaml:39:11 erreur fdr::tableau::colonnes"];
    population_depassement: "population-depassement" => 1 [
        "feuille.yaml:42:21 erreur fdr::nombre::depassement",
        "feuille.yaml:52:21 erreur fdr::nombre::depassement",
    ] + ["la population totale des EPCI dépasse", "la population totale des communes dépasse"];
    // Hand-typed total rows (by label, or by the sums), a mean among the
    // communes; a number equal to the sum by chance is data.
    tableau_total_saisi: "tableau-total-saisi" => 0 [
        "feuille.yaml:37:42 avertissement fdr::tableau::total_saisi",
        "feuille.yaml:46:12 avertissement fdr::tableau::total_saisi",
        "feuille.yaml:55:12 avertissement fdr::tableau::total_saisi",
    ] + [
        "la ligne « Total » du tableau « Lieux de médiation » est un total saisi à la main",
        "`ligne_total: Total` fait déjà calculer le total",
        "la ligne 3 du tableau « Aidants par année »",
        "une moyenne saisie à la main",
    ];
    // One figure typed twice with two values: the mean IFN of a key figure
    // and of the communes table, a commune's IFN in a key figure and in its
    // row (not compared with the mean), a population key figure and the population
    // table of the same year, two key figures with one label and one year.
    territoire_deux_valeurs: "territoire-deux-valeurs" => 0 [
        "feuille.yaml:41:15 avertissement fdr::territoire::deux_valeurs",
        "feuille.yaml:44:15 avertissement fdr::territoire::deux_valeurs",
        "feuille.yaml:55:15 avertissement fdr::territoire::deux_valeurs",
        "feuille.yaml:63:15 avertissement fdr::territoire::deux_valeurs",
    ] + [
        "l'indice de fragilité numérique moyen est écrit deux fois avec deux valeurs : 5,4",
        "la population est écrite deux fois avec deux valeurs : 130000",
        "128000 (total calculé du tableau des populations 2021",
        "le chiffre clé « France services » est écrit deux fois avec deux valeurs : 38",
        "l'indice de fragilité numérique de la commune « Draguignan » est écrit deux fois",
        "valeurs : 6.3 (chiffre clé « IFN de Draguignan ») et 6.1 (tableau des communes)",
    ];
    tableau_depassement: "tableau-depassement" => 1 [
        "feuille.yaml:38:50 erreur fdr::nombre::depassement",
        "feuille.yaml:39:58 erreur fdr::nombre::depassement",
    ] + ["le total de la ligne 1 du tableau « Lieux de médiation » dépasse"];

    // ---- completeness warnings and errors ----
    action_sans_referent: "action-sans-referent" => 1 ["feuille.yaml:25:9 erreur fdr::action::sans_referent"];
    axe_sans_action: "axe-sans-action" => 0 ["feuille.yaml:23:9 avertissement fdr::axe::sans_action"];
    acteur_inutilise: "acteur-inutilise" => 0 ["feuille.yaml:19:9 avertissement fdr::acteur::inutilise"];
    email_invalide: "email-invalide" => 1 ["feuille.yaml:20:14 erreur fdr::contact::email_invalide"];

    // ---- texts ----
    renvoi_inconnu: "renvoi-inconnu" => 1 [
        "feuille.yaml:14:37 erreur fdr::reference::renvoi_inconnu",
        "textes/introduction.md:4:13 erreur fdr::reference::renvoi_inconnu",
        "textes/introduction.md:4:48 erreur fdr::reference::renvoi_inconnu",
    ] + ["[roadmap/textes/introduction.md:4:13]", "vouliez-vous dire « accompagner » ?"];
    // Hand-typed references, in YAML and in a .md file; none in code, links
    // or addresses, nor before a plural or a year.
    renvoi_manuel: "renvoi-manuel" => 0 [
        "feuille.yaml:13:50 avertissement fdr::texte::renvoi_manuel",
        "feuille.yaml:13:62 avertissement fdr::texte::renvoi_manuel",
        "feuille.yaml:43:55 avertissement fdr::texte::renvoi_manuel",
        "textes/conclusion.md:3:31 avertissement fdr::texte::renvoi_manuel",
    ] + [
        "renvoi écrit à la main : « action 1.2 »",
        "remplacez « action 1.2 » par [](#action:permanences)",
        "remplacez « axe 1 » par [](#axe:accompagner)",
        "remplacez « annexe 1 » par [](#annexe:financement)",
        "remplacez « annexe 2 » par [](#annexe:calendrier)",
    ];
    // A hand-typed number that points at nothing (« l'action 2 » for 1.2:
    // a warning whose help gives the links it may have meant), or at an
    // annex the text calls otherwise (« synthèse » for the chronogramme: an
    // error).
    renvoi_discordant: "renvoi-discordant" => 1 [
        "feuille.yaml:12:61 erreur fdr::texte::renvoi_discordant",
        "feuille.yaml:40:25 avertissement fdr::texte::renvoi_manuel",
    ] + [
        "renvoi faux : « annexe 2 » mène à l'annexe 2 « Chronogramme des actions », que le texte",
        "renvoi écrit à la main vers une action 2 qui n'existe pas",
        "écrivez [](#action:permanences) pour l'action 1.2",
    ];
    // Counts restated in prose: axes in the introduction, actions in an
    // axe's enjeux, participants by category; the total of actions, an axe
    // that has its one action, a subset (« dont ») and one axe's actions
    // are not reported.
    compte_incoherent: "compte-incoherent" => 0 [
        "feuille.yaml:12:46 avertissement fdr::texte::compte_incoherent",
        "feuille.yaml:14:14 avertissement fdr::texte::compte_incoherent",
        "feuille.yaml:16:56 avertissement fdr::texte::compte_incoherent",
        "feuille.yaml:36:30 avertissement fdr::texte::compte_incoherent",
    ] + [
        "le texte annonce 4 associations, la liste des structures participantes en compte 2",
        "le texte annonce 3 axes, la feuille de route en compte 2",
        "le texte annonce 3 associations, la liste des structures participantes en compte 2",
        "le texte annonce 3 actions, l'axe 1 en compte 2",
        "le document écrit déjà « Cet axe est décliné en 2",
    ];
    texte_hors_dossier: "texte-hors-dossier" => 1 [
        "feuille.yaml:12:5 erreur fdr::texte::fichier",
        "feuille.yaml:14:5 erreur fdr::texte::fichier",
    ] + ["« ../dehors.md » est introuvable ou hors du dossier"];

    // ---- positions ----

    colonne_accents: "colonne-accents" => 1 [
        "feuille.yaml:10:32 erreur fdr::reference::inconnue",
        "feuille.yaml:10:41 erreur fdr::reference::inconnue",
    ] + ["[roadmap/feuille.yaml:10:32]", "[roadmap/feuille.yaml:10:41]"];

    // ---- many errors in one run, sorted by file then position ----
    plusieurs_erreurs: "plusieurs-erreurs" => 1 [
        "a-acteurs.yaml:5:5 erreur fdr::schema::cle_inconnue",
        "a-acteurs.yaml:8:16 erreur fdr::schema::valeur_inconnue",
        "b-axes.yaml:3:13 erreur fdr::schema::type",
        "b-axes.yaml:7:5 erreur fdr::schema::champ_manquant",
        "c-feuille.yaml:5:16 erreur fdr::schema::valeur_inconnue",
        "c-feuille.yaml:10:3 erreur fdr::yaml::cle_dupliquee",
        "d-vide.yaml avertissement fdr::fichier::vide",
        "e-financements.yaml:6:15 erreur fdr::schema::valeur_inconnue",
        "e-financements.yaml:8:14 erreur fdr::schema::type",
        "f-calendrier.yaml:3:16 erreur fdr::yaml::syntaxe",
        "g-latin1.yaml erreur fdr::fichier::encodage",
    ] + ["[roadmap/a-acteurs.yaml:5:5]", "[roadmap/b-axes.yaml:3:13]"];
    plusieurs_erreurs_semantique: "plusieurs-erreurs-semantique" => 1 [
        "acteurs.yaml:6:14 erreur fdr::contact::email_invalide",
        "axes.yaml:13:19 erreur fdr::reference::inconnue",
        "axes.yaml:14:12 erreur fdr::date::invalide",
        "axes.yaml:17:13 erreur fdr::numero::lacune",
        "axes.yaml:23:10 erreur fdr::date::fin_avant_debut",
        "feuille.yaml:10:32 erreur fdr::reference::inconnue",
        "feuille.yaml:11:31 erreur fdr::reference::renvoi_inconnu",
        "financements.yaml:5:16 erreur fdr::financement::enveloppe_depassee",
        "financements.yaml:15:16 erreur fdr::montant::invalide",
        "financements.yaml:26:14 avertissement fdr::date::hors_periode",
    ];

    // ---- indicators ----
    indicateurs_erreurs: "indicateurs-erreurs" => 1 [
        "feuille.yaml:21:31 erreur fdr::indicateur::ordre",
        "feuille.yaml:25:31 erreur fdr::indicateur::avant_reference",
        "feuille.yaml:30:21 erreur fdr::indicateur::pourcentage",
        "feuille.yaml:33:19 avertissement fdr::indicateur::cible_hors_periode",
        "feuille.yaml:38:33 avertissement fdr::indicateur::sens_incoherent",
        "feuille.yaml:40:15 avertissement fdr::indicateur::forme_double",
    ] + ["mesure datée 2025-03 placée après celle datée 2025-06", "vise la baisse"];
}

#[test]
fn every_fixture_has_a_test() {
    // Folders used by the other test files (`tests/*.rs`) are theirs.
    let tests_dir = fixtures_dir().parent().unwrap().to_path_buf();
    let others: String = std::fs::read_dir(&tests_dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "rs") && !p.ends_with("check.rs"))
        .map(|p| std::fs::read_to_string(p).unwrap())
        .collect();
    let mut on_disk: Vec<String> = std::fs::read_dir(fixtures_dir())
        .unwrap()
        .map(|e| e.unwrap())
        .filter(|e| e.file_type().unwrap().is_dir())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|name| {
            FIXTURES.contains(&name.as_str())
                || !(others.contains(&format!("\"{name}\""))
                    || others.contains(&format!("fixtures/{name}\"")))
        })
        .collect();
    on_disk.sort();
    let mut listed: Vec<&str> = FIXTURES.to_vec();
    listed.sort();
    assert_eq!(
        on_disk, listed,
        "each folder of tests/fixtures/ needs a line in fixtures! {{}} (or a test in another tests/*.rs)"
    );
}

#[test]
fn valide_summary_line() {
    let dir = sandbox("valide");
    let out = check_in(dir.path(), &[]);
    assert_eq!(out.code, 0);
    assert_eq!(
        out.stderr,
        "aucune erreur, aucun avertissement\nroadmap : 2 axes, 3 actions, 10 fichiers vérifiés\n"
    );
}

#[test]
fn diagnostics_are_sorted_by_file_then_position() {
    for fixture in ["plusieurs-erreurs", "plusieurs-erreurs-semantique"] {
        let dir = sandbox(fixture);
        let out = check_in(dir.path(), &["--format", "json"]);
        let diags = parse_json(&out.stdout);
        let keys: Vec<(String, u64, u64)> = diags
            .iter()
            .map(|d| {
                (
                    d["file"].as_str().unwrap_or("").to_string(),
                    d["line"].as_u64().unwrap_or(0),
                    d["column"].as_u64().unwrap_or(0),
                )
            })
            .collect();
        let mut sorted = keys.clone();
        sorted.sort();
        assert_eq!(keys, sorted, "{fixture}: not sorted by file, line, column");
        let files: std::collections::BTreeSet<_> = keys.iter().map(|k| k.0.clone()).collect();
        assert!(
            files.len() >= 4,
            "{fixture}: errors of several files in one run, got {files:?}"
        );
    }
}

#[test]
fn json_format() {
    let fixture = "plusieurs-erreurs-semantique";
    let dir = sandbox(fixture);
    let out = check_in(dir.path(), &["--format", "json"]);
    assert_eq!(out.code, 1);
    assert_eq!(out.stderr, "", "--format json prints nothing on stderr");
    let diags = parse_json(&out.stdout);
    assert_eq!(diags.len(), 10);
    for d in &diags {
        let keys: Vec<&str> = d.as_object().unwrap().keys().map(String::as_str).collect();
        assert_eq!(
            keys,
            [
                "file",
                "line",
                "column",
                "end_line",
                "end_column",
                "severity",
                "code",
                "message",
                "help",
                "label",
                "related"
            ],
            "fields of {d}"
        );
        assert!(d["line"].as_u64().unwrap() >= 1);
        assert!(d["column"].as_u64().unwrap() >= 1);
        let start = (d["line"].as_u64().unwrap(), d["column"].as_u64().unwrap());
        let end = (
            d["end_line"].as_u64().unwrap(),
            d["end_column"].as_u64().unwrap(),
        );
        assert!(end > start, "end {end:?} after start {start:?} in {d}");
        assert!(matches!(
            d["severity"].as_str(),
            Some("erreur" | "avertissement")
        ));
        assert!(d["code"].as_str().unwrap().starts_with("fdr::"));
        assert!(!d["message"].as_str().unwrap().is_empty());
    }
    // One object in full: the unknown partner on line 13 of axes.yaml (CRLF file).
    assert_eq!(
        diags[1],
        serde_json::json!({
            "file": "roadmap/axes.yaml",
            "line": 13,
            "column": 19,
            "end_line": 13,
            "end_column": 29,
            "severity": "erreur",
            "code": "fdr::reference::inconnue",
            "message": "acteur « hub-du-sud » inconnu",
            "help": "vouliez-vous dire « hub-sud » ?",
            "label": "aucun acteur ne porte cet identifiant",
            "related": []
        })
    );
    snapshot!(
        &format!("json-{fixture}"),
        &transcript(&format!("--color never check {ROOT} --format json"), &out),
    );
}

#[test]
fn json_format_valid_roadmap_is_empty_array() {
    let dir = sandbox("valide");
    let out = check_in(dir.path(), &["--format", "json"]);
    assert_eq!(out.code, 0);
    assert_eq!(parse_json(&out.stdout), Vec::<Value>::new());
}

#[test]
fn json_format_file_without_position() {
    let dir = sandbox("fichier-non-utf8");
    let out = check_in(dir.path(), &["--format", "json"]);
    let diags = parse_json(&out.stdout);
    assert_eq!(diags.len(), 1);
    assert_eq!(diags[0]["file"], "roadmap/acteurs-latin1.yaml");
    for key in ["line", "column", "end_line", "end_column"] {
        assert!(
            diags[0][key].is_null(),
            "{key} should be null: {}",
            diags[0]
        );
    }
}

#[test]
fn deny_warnings_turns_warnings_into_errors() {
    let dir = sandbox("acteur-inutilise");
    let plain = check_in(dir.path(), &[]);
    assert_eq!(
        plain.code, 0,
        "a warning alone does not fail:\n{}",
        plain.stderr
    );
    assert_reports(&plain, &summary_line(0, 1));

    let denied = check_in(dir.path(), &["--deny-warnings"]);
    assert_eq!(
        denied.code, 1,
        "--deny-warnings fails on a warning:\n{}",
        denied.stderr
    );
    assert_reports(&denied, "fdr::acteur::inutilise");
    assert_reports(&denied, &summary_line(1, 0));
    snapshot!(
        "deny-warnings-acteur-inutilise",
        &transcript(
            &format!("--color never check {ROOT} --deny-warnings"),
            &denied,
        ),
    );

    let json = check_in(dir.path(), &["--deny-warnings", "--format", "json"]);
    assert_eq!(json.code, 1);
    assert_eq!(
        summarize(&parse_json(&json.stdout)),
        ["feuille.yaml:19:9 erreur fdr::acteur::inutilise"]
    );

    let valid = sandbox("valide");
    assert_eq!(
        check_in(valid.path(), &["--deny-warnings"]).code,
        0,
        "nothing to deny"
    );
}

#[test]
fn quiet_shows_errors_only() {
    let dir = sandbox("acteur-inutilise");
    let out = fdr_in(dir.path(), &["--color", "never", "--quiet", "check", ROOT]);
    assert_eq!(out.code, 0);
    assert_eq!(
        out.stderr, "",
        "--quiet hides warnings and the all-clear line"
    );

    let dir = sandbox("plusieurs-erreurs-semantique");
    let out = fdr_in(dir.path(), &["--color", "never", "--quiet", "check", ROOT]);
    assert_eq!(out.code, 1);
    assert!(
        !out.stderr.contains("fdr::date::hors_periode"),
        "warning shown with --quiet"
    );
    assert_reports(&out, "fdr::montant::invalide");
    assert_reports(&out, &summary_line(9, 1));
}

#[test]
fn missing_directory_is_a_usage_error() {
    let tmp = tempfile::tempdir().unwrap();
    let out = fdr_in(tmp.path(), &["--color", "never", "check", "absent"]);
    assert_eq!(out.code, 2, "{}", out.stderr);
    assert_eq!(out.stdout, "");
    assert_eq!(
        out.stderr,
        "erreur : le dossier « absent » n'existe pas ou n'est pas un dossier\n"
    );
    snapshot!(
        "dossier-absent",
        &transcript("--color never check absent", &out),
    );

    let json = fdr_in(tmp.path(), &["check", "absent", "--format", "json"]);
    assert_eq!(json.code, 2, "same exit code with --format json");
}

#[test]
fn file_instead_of_directory_is_a_usage_error() {
    let tmp = tempfile::tempdir().unwrap();
    std::fs::write(tmp.path().join("feuille.yaml"), "acteurs: []\n").unwrap();
    let out = fdr_in(tmp.path(), &["--color", "never", "check", "feuille.yaml"]);
    assert_eq!(out.code, 2, "{}", out.stderr);
    assert_reports(&out, "n'est pas un dossier");
}

#[test]
fn bad_arguments_are_usage_errors() {
    let tmp = tempfile::tempdir().unwrap();
    assert_eq!(fdr_in(tmp.path(), &["check"]).code, 2, "DIR is required");
    assert_eq!(
        fdr_in(tmp.path(), &["check", ".", "--format", "xml"]).code,
        2
    );
    assert_eq!(
        fdr_in(tmp.path(), &["--color", "rose", "check", "."]).code,
        2
    );
}

#[test]
fn output_does_not_depend_on_the_terminal() {
    let dir = sandbox("plusieurs-erreurs-semantique");
    let args = ["--color", "never", "check", ROOT];
    let reference = fdr_in(dir.path(), &args).stderr;
    for env in [
        &[("COLUMNS", "20")][..],
        &[("COLUMNS", "300"), ("TERM", "xterm-256color")][..],
        &[("NO_COLOR", "1")][..],
        &[("FORCE_COLOR", "1"), ("CLICOLOR_FORCE", "1")][..],
    ] {
        assert_eq!(
            fdr_with_env(dir.path(), &args, env).stderr,
            reference,
            "with {env:?}"
        );
    }
    // `auto` never colours a pipe.
    let auto = fdr_in(dir.path(), &["check", ROOT]).stderr;
    assert_eq!(auto, reference, "--color auto on a pipe");
    // `always` colours, and the text under the colours is the same.
    let always = fdr_in(dir.path(), &["--color", "always", "check", ROOT]).stderr;
    assert!(
        always.contains("\u{1b}["),
        "--color always prints escape codes"
    );
}

#[test]
fn fichier_trop_gros() {
    let dir = sandbox("valide");
    let big = dir.path().join(ROOT).join("gros.yaml");
    let mut text = String::from("acteurs: []\n");
    while text.len() <= 8 * 1024 * 1024 {
        text.push_str(
            "# ligne de commentaire pour grossir le fichier au-delà de la limite de huit Mio\n",
        );
    }
    std::fs::write(&big, text).unwrap();
    let out = check_in(dir.path(), &["--format", "json"]);
    assert_eq!(out.code, 1);
    assert_eq!(
        summarize(&parse_json(&out.stdout)),
        ["gros.yaml erreur fdr::fichier::trop_gros"]
    );
}

#[cfg(unix)]
#[test]
fn symbolic_links_are_ignored() {
    let dir = sandbox("valide");
    let outside = dir.path().join("dehors.yaml");
    std::fs::write(&outside, "acteurs: [}\n").unwrap();
    std::os::unix::fs::symlink(&outside, dir.path().join(ROOT).join("lien.yaml")).unwrap();
    let out = check_in(dir.path(), &["--format", "json"]);
    assert_eq!(
        out.code, 0,
        "the link target is never read:\n{}",
        out.stdout
    );
    assert_eq!(
        summarize(&parse_json(&out.stdout)),
        ["- avertissement fdr::fichier::lien_ignore"]
    );
}

#[test]
fn an_axe_added_in_a_file_that_sorts_first_takes_the_next_number() {
    let dir = sandbox("axe-ajoute-en-tete");
    let model = export_json(&dir.path().join(ROOT));
    let axes: Vec<(String, u64)> = model["modele"]["axes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| {
            (
                a["id"].as_str().unwrap().to_string(),
                a["numero"].as_u64().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        axes,
        [
            ("accompagner".to_string(), 1),
            ("former".to_string(), 2),
            ("equiper".to_string(), 3)
        ]
    );
}

#[test]
fn meeting_ids_are_checked_like_the_others() {
    let dir = sandbox("valide");
    let path = dir.path().join(ROOT).join("concertation.yaml");
    let text = std::fs::read_to_string(&path).unwrap();
    let twice = text.replace(
        "  participants: [tpm]",
        "    - id: atelier-1\n      date: 2024-12\n      type: atelier\n      objet: Suite\n    - id: Atelier 2\n      date: 2025-01\n      type: atelier\n      objet: Fin\n  participants: [tpm]",
    );
    assert_ne!(twice, text);
    std::fs::write(&path, twice).unwrap();
    let out = check_in(dir.path(), &["--format", "json"]);
    assert_eq!(
        summarize(&parse_json(&out.stdout)),
        [
            "concertation.yaml:9:11 erreur fdr::id::doublon",
            "concertation.yaml:13:11 erreur fdr::id::invalide",
        ],
        "{}",
        out.stdout
    );
}
