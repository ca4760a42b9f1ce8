//! Nothing accepted is dropped: every field the schema accepts is shown in
//! the document or used by a check.
//!
//! 1. Every property path of `schemas/fragment.schema.json` (through
//!    `$ref`, arrays and `anyOf`) must appear in the roadmap
//!    `tests/fixtures/chaque-champ/`: a field added to the format fails
//!    here until the fixture uses it.
//! 2. Every text of that fixture carrying a marker `ZQnnn` (three digits,
//!    unique in the fixture) must appear in the built Markdown and HTML.
//! 3. Every path that takes a scalar value must be covered: by a marker,
//!    by an entry of [`RENDERED`] (numbers, dates, enums: the French text
//!    the document prints for the fixture's value), by an entry of
//!    [`CHECK_ONLY`] (identifiers, references and figures read by checks
//!    and computations, each naming what uses it), or by [`NEVER_PUBLISHED`]
//!    (whose marker must then be absent from both documents).
//!
//! A text is Markdown or `{ fichier: … }`: `P.fichier` counts as `P`, and
//! the markers of the file are checked like those of an inline text. The
//! fixture uses the file form at least once.

mod common;

use common::*;
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

const FIXTURE: &str = "chaque-champ";

/// Paths whose value is not a marked text (numbers, dates, enums, and
/// references printed as the name or number they point at), with the
/// text the document prints for the fixture's value, in Markdown and HTML
/// alike (as [`readable`] folds them); `a || b`: either.
const RENDERED: &[(&str, &[&str])] = &[
    (
        "axes[].reprend",
        &["reprend l'axe 1 « un axe zq026 » de la feuille de route départementale"],
    ),
    (
        "feuille_de_route.sous_feuilles.axes_repris_minimum",
        &["reprend au moins 1 axe de la feuille de route départementale"],
    ),
    (
        "feuille_de_route.territoire.population",
        &["12 345 habitants"],
    ),
    (
        "actions[].etapes[].date",
        &["une étape faite zq111 (janvier 2025)"],
    ),
    ("actions[].etapes[].faite", &["(1 sur 2)"]),
    ("actions[].priorite", &["priorité haute"]),
    ("actions[].suivi[].date", &["3 février 2025"]),
    (
        "actions[].indicateurs[].cibles[].date",
        &["90 unités zq114 (décembre 2026)"],
    ),
    (
        "actions[].indicateurs[].cibles[].valeur",
        &["90 unités zq114 (décembre 2026)"],
    ),
    (
        "actions[].indicateurs[].mesures[].date",
        &["50 unités zq114 (juin 2025)"],
    ),
    (
        "actions[].indicateurs[].mesures[].valeur",
        &["50 unités zq114 (juin 2025)"],
    ),
    (
        "actions[].indicateurs[].reference.date",
        &["10 unités zq114 (janvier 2025)"],
    ),
    (
        "actions[].indicateurs[].reference.valeur",
        &["10 unités zq114 (janvier 2025)"],
    ),
    ("actions[].indicateurs[].sens", &["à la hausse"]),
    (
        "evaluation.indicateurs[].cible",
        &["5 dossiers zq128 (2027)"],
    ),
    (
        "evaluation.indicateurs[].echeance",
        &["5 dossiers zq128 (2027)"],
    ),
    ("evaluation.indicateurs[].valeur", &["8 dossiers zq128"]),
    (
        "evaluation.indicateurs[].cibles[].date",
        &["20 personnes zq121 (juin 2027)"],
    ),
    (
        "evaluation.indicateurs[].cibles[].valeur",
        &["20 personnes zq121 (juin 2027)"],
    ),
    (
        "evaluation.indicateurs[].mesures[].date",
        &["30 personnes zq121 (septembre 2025)"],
    ),
    (
        "evaluation.indicateurs[].mesures[].valeur",
        &["30 personnes zq121 (septembre 2025)"],
    ),
    (
        "evaluation.indicateurs[].reference.date",
        &["40 personnes zq121 (juin 2024)"],
    ),
    (
        "evaluation.indicateurs[].reference.valeur",
        &["40 personnes zq121 (juin 2024)"],
    ),
    ("evaluation.indicateurs[].sens", &["à la baisse"]),
    (
        "feuille_de_route.territoire.code_departement",
        &["territoire zq003 (2a)"],
    ),
    (
        "feuille_de_route.territoire.perimetre",
        &["périmètre infra-départemental (groupements de communes)"],
    ),
    (
        "feuille_de_route.periode.debut",
        &["(2a) · période 2025–2027 || (2a) · 2025–2027"],
    ),
    (
        "feuille_de_route.periode.fin",
        &["(2a) · période 2025–2027 || (2a) · 2025–2027"],
    ),
    ("feuille_de_route.date", &["date 14 mars 2025"]),
    (
        "feuille_de_route.co_porteurs",
        &["co-porteurs préfecture zq010 et département zq016"],
    ),
    (
        "acteurs[].categorie",
        &["(1 service de l'état)", "(1 fondation)"],
    ),
    (
        "gouvernance.membres[].acteur",
        &["préfecture zq010 co-porteur, observateur"],
    ),
    (
        "gouvernance.membres[].roles",
        &["département zq016 co-financeur"],
    ),
    (
        "gouvernance.instances[].type",
        &["(sigle-zq022) instance consultative"],
    ),
    (
        "gouvernance.instances[].frequence",
        &["réunion trimestrielle"],
    ),
    (
        "gouvernance.instances[].membres",
        &["membres préfecture zq010, département zq016"],
    ),
    (
        "gouvernance.instances[].reunions[].date",
        &["10 février 2025"],
    ),
    ("axes[].numero", &["axe 1 — un axe zq026"]),
    (
        "actions[].axe",
        &[
            "axe 2 — un autre axe zq029",
            "action 2.1 — une action de formation zq038",
        ],
    ),
    ("actions[].numero", &["action 1.1 — une action zq030"]),
    (
        "actions[].statut",
        &["statut en pause", "statut réalisée", "statut à venir"],
    ),
    ("actions[].debut", &["janvier 2025 → 4e trimestre 2026"]),
    ("actions[].fin", &["janvier 2025 → 4e trimestre 2026"]),
    (
        "actions[].referents[].acteur",
        &[
            "référents association zq018",
            "référents intercommunalité zq017",
        ],
    ),
    (
        "actions[].partenaires",
        &["une note zq033 acteurs publics intercommunalité zq017"],
    ),
    (
        "actions[].partenaires_comme",
        &["référents intercommunalité zq017 partenaires acteurs publics intercommunalité zq017"],
    ),
    (
        "actions[].indicateurs[].cible",
        &["4 321 unités zq036 (2026)"],
    ),
    ("actions[].indicateurs[].valeur", &["1 234 unités zq036"]),
    (
        "actions[].indicateurs[].echeance",
        &["4 321 unités zq036 (2026)"],
    ),
    (
        "actions[].budget",
        &["budget de 58 000 € || budget 58 000 €"],
    ),
    (
        "financements.enveloppes[].financeur",
        &["une enveloppe zq041 préfecture zq010"],
    ),
    (
        "financements.enveloppes[].debut",
        &["préfecture zq010 2025 → 2026"],
    ),
    (
        "financements.enveloppes[].fin",
        &["préfecture zq010 2025 → 2026"],
    ),
    (
        "financements.enveloppes[].montant",
        &["2025 → 2026 60 000 €"],
    ),
    (
        "financements.enveloppes[].plafond_annuel",
        &["plafond annuel 55 000 €"],
    ),
    (
        "financements.enveloppes[].contributions[].financeur",
        &["caisse zq020 2025 31 000 €"],
    ),
    (
        "financements.enveloppes[].contributions[].annee",
        &["fondation zq019 2026"],
    ),
    (
        "financements.enveloppes[].contributions[].montant",
        &["fondation zq019 2026 17 000 €"],
    ),
    (
        "financements.cercles[].membres[].acteur",
        &["caisse zq020 62,5 %"],
    ),
    (
        "financements.cercles[].membres[].part",
        &["caisse zq020 62,5 %", "département zq016 37,5 %"],
    ),
    (
        "financements.lignes[].action",
        &["1.2 une deuxième action zq037 14 000 €"],
    ),
    (
        "financements.lignes[].montant",
        &["25 000 € préfecture zq010"],
    ),
    (
        "financements.lignes[].enveloppe",
        &["(14 000 €) une enveloppe abondée zq043"],
    ),
    (
        "financements.lignes[].recipiendaire",
        &["préfecture zq010 association zq018 2025"],
    ),
    (
        "financements.lignes[].annee",
        &["association zq018 2025 · subvention"],
    ),
    (
        "financements.lignes[].nature",
        &["2025 · subvention", "zq043 numéraire"],
    ),
    (
        "financements.lignes[].section",
        &[
            "subvention · investissement",
            "cofinancement · fonctionnement",
        ],
    ),
    (
        "financements.lignes[].statut",
        &["investissement · versé", "fonctionnement · demandé"],
    ),
    ("financements.lignes[].accorde", &["accordé 24 000 €"]),
    ("financements.lignes[].verse", &["versé 23 000 €"]),
    (
        "financements.lignes[].cercle",
        &["(33 000 €) un cercle zq044"],
    ),
    (
        "financements.lignes[].par_an",
        &["11 000 € par an de 2025 à 2027 (33 000 €)"],
    ),
    ("financements.lignes[].par_an.montant", &["11 000 € par an"]),
    (
        "financements.lignes[].par_an.de",
        &["par an de 2025 à 2027"],
    ),
    ("financements.lignes[].par_an.a", &["par an de 2025 à 2027"]),
    (
        "financements.lignes[].annees[].annee",
        &["2025 7 100 € ; 2026 6 900 €"],
    ),
    (
        "financements.lignes[].annees[].montant",
        &["2025 7 100 € ; 2026 6 900 € (14 000 €)"],
    ),
    (
        "financements.lignes[].financeur",
        &["37 jours département zq016"],
    ),
    ("financements.lignes[].jours", &["37 jours"]),
    ("financements.lignes[].etp", &["demandé · 1,25 etp"]),
    (
        "financements.fonds[].cible.valeur",
        &["au moins 250 départs zq051"],
    ),
    (
        "financements.fonds[].cible.minimum",
        &["au moins 250 départs zq051"],
    ),
    (
        "financements.fonds[].cible.echeance",
        &["250 départs zq051 (2027)"],
    ),
    (
        "financements.fonds[].recipiendaire",
        &["récipiendaire association zq018 montant"],
    ),
    ("financements.fonds[].montant", &["montant 48 000 €"]),
    (
        "financements.fonds[].enveloppe",
        &["alimenté par une enveloppe abondée zq043"],
    ),
    (
        "financements.fonds[].appels[].ouverture",
        &["mars 2025 → mai 2025"],
    ),
    (
        "financements.fonds[].appels[].cloture",
        &["mars 2025 → mai 2025"],
    ),
    ("financements.fonds[].appels[].budget", &["budget 40 000 €"]),
    (
        "financements.fonds[].appels[].projets[].porteur",
        &["un projet zq055 intercommunalité zq017"],
    ),
    (
        "financements.fonds[].appels[].projets[].montant",
        &["intercommunalité zq017 15 000 €"],
    ),
    (
        "financements.fonds[].appels[].projets[].cout_total",
        &["15 000 € 45 000 €"],
    ),
    (
        "financements.postes[].structure",
        &["association zq018 un rôle de poste zq058"],
    ),
    (
        "financements.postes[].etp",
        &["un rôle de poste zq058 1,75"],
    ),
    (
        "financements.postes[].action",
        &["un rôle de poste zq058 1,75 1.1"],
    ),
    ("financements.postes[].debut", &["1.1 2025–2027"]),
    ("financements.postes[].fin", &["1.1 2025–2027"]),
    ("financements.postes[].nombre", &["des conseillers zq059 4"]),
    (
        "calendrier.jalons[].date",
        &["juin 2025 un jalon d'action zq066"],
    ),
    (
        "calendrier.jalons[].fin",
        &["3e trimestre 2025 → 4e trimestre 2025 un jalon d'axe zq065"],
    ),
    (
        "calendrier.jalons[].axe",
        &["calendrier prévisionnel — axe 2 2025 3e trimestre 2025"],
    ),
    (
        "calendrier.jalons[].action",
        &["un jalon d'action zq066 (action 1.1)"],
    ),
    (
        "calendrier.taches[].action",
        &["action 1.1 — une action zq030 une tâche zq067 || action 1.1 — une action zq030 tâche"],
    ),
    (
        "calendrier.taches[].debut",
        &["une tâche zq067 ■ ■ ■ ■ || une tâche zq067 (janvier 2025 → avril 2025)"],
    ),
    (
        "calendrier.taches[].fin",
        &["une tâche zq067 ■ ■ ■ ■ || une tâche zq067 (janvier 2025 → avril 2025)"],
    ),
    ("territoire.populations.annee", &["une source zq068, 2021"]),
    (
        "territoire.populations.epci[].population",
        &["un epci zq069 41 234"],
    ),
    (
        "territoire.chiffres_cles[].valeur",
        &["15,6 un chiffre clé zq071"],
    ),
    (
        "territoire.chiffres_cles[].annee",
        &["une source de chiffre zq073, 2019"],
    ),
    (
        "territoire.taux[].annee",
        &["une source de taux zq075, 2018"],
    ),
    (
        "territoire.taux[].valeurs[].taux",
        &["un territoire zq076 14,7 %"],
    ),
    ("territoire.communes.ifn_moyen", &["total 39 871 5,3"]),
    (
        "territoire.communes.lignes[].code_postal",
        &["20090 une commune zq079"],
    ),
    (
        "territoire.communes.lignes[].population",
        &["une commune zq079 39 871"],
    ),
    ("territoire.communes.lignes[].ifn", &["39 871 7,9"]),
    (
        "territoire.communes.lignes[].population_fragile",
        &["7,9 9 123"],
    ),
    (
        "territoire.tableaux[].lignes",
        &["une cellule zq083 28 28 conseillers 41 41"],
    ),
    (
        "concertation.reunions[].date",
        &["novembre 2024 réunion de synthèse"],
    ),
    (
        "concertation.reunions[].type",
        &["réunion de synthèse un lieu de réunion zq086"],
    ),
    (
        "concertation.reunions[].participants",
        &["un objet de réunion zq087 préfecture zq010, association zq018"],
    ),
    (
        "concertation.participants",
        &["1 opérateur de service public", "caisse zq020"],
    ),
    ("concertation.personnes", &["87 personnes ont pris part"]),
    (
        "concertation.personnes_precision",
        &["plus de 87 personnes ont pris part"],
    ),
    (
        "concertation.effectifs[].nombre",
        &["environ 12 structures zq101 et au moins 3 associations ont participé"],
    ),
    (
        "concertation.effectifs[].precision",
        &["environ 12 structures zq101 et au moins 3 associations ont participé"],
    ),
    (
        "concertation.effectifs[].categorie",
        &["au moins 3 associations ont participé"],
    ),
    (
        "acteurs[].secteur",
        &["structures privées", "bailleur zq104"],
    ),
    (
        "feuille_de_route.vocabulaire.axe",
        &["vue d'ensemble des axes"],
    ),
    (
        "gouvernance.instances[].reunions_par_an.de",
        &["2 à 3 réunions par an"],
    ),
    (
        "gouvernance.instances[].reunions_par_an.a",
        &["2 à 3 réunions par an"],
    ),
    (
        "gouvernance.instances[].statut",
        &["2 à 3 réunions par an, réservée aux financeurs, active."],
    ),
    (
        "gouvernance.instances[].reservee_aux_financeurs",
        &["2 à 3 réunions par an, réservée aux financeurs, active."],
    ),
    (
        "gouvernance.instances[].colleges[].sieges",
        &["collège zq102 5 sièges"],
    ),
    (
        "gouvernance.instances[].colleges[].membres",
        &["collège zq102 5 sièges département zq016"],
    ),
    (
        "concertation.acteurs_informes",
        &["sur 163 acteurs informés"],
    ),
    (
        "sections[].partie",
        &["zq081 une section zq088 || zq085 69 69 une section zq088"],
    ),
    (
        "annexes[].contenu",
        &["un texte d'annexe zq092. acteurs publics"],
    ),
];

/// Paths read by checks or computations only, and what reads them.
const CHECK_ONLY: &[(&str, &str)] = &[
    (
        "feuille_de_route.sous_feuilles.liste[].id",
        "identifier (fdr::id::doublon): names the sub-roadmap's documents (sous-feuilles/ID/) and the annex's link to them",
    ),
    (
        "feuille_de_route.sous_feuilles.liste[].dossier",
        "folder of the sub-roadmap (fdr::sous_feuille::dossier): its fragments form the sub-roadmap",
    ),
    (
        "actions[].indicateurs[].id",
        "identifiant : doublons et forme vérifiés (fdr::id::{doublon, invalide}), cité par fdr diff",
    ),
    (
        "evaluation.indicateurs[].id",
        "identifiant : doublons et forme vérifiés (fdr::id::{doublon, invalide}), cité par fdr diff",
    ),
    (
        "acteurs[].id",
        "identifier (fdr::id::{doublon, invalide}): every reference to an acteur resolves through it (fdr::reference::inconnue); the document prints the name",
    ),
    (
        "axes[].id",
        "identifier: resolves `axe:` and `[](#axe:ID)` (fdr::reference::renvoi_inconnu)",
    ),
    (
        "actions[].id",
        "identifier: resolves lines, jalons, tâches, postes and `[](#action:ID)`",
    ),
    (
        "annexes[].id",
        "identifier: resolves `[](#annexe:ID)` (fdr::reference::renvoi_inconnu)",
    ),
    ("sections[].id", "identifier: resolves `[](#section:ID)`"),
    (
        "gouvernance.instances[].id",
        "identifier (fdr::id::{doublon, invalide})",
    ),
    (
        "financements.enveloppes[].id",
        "identifier: resolves `enveloppe:` of lines and fonds",
    ),
    (
        "financements.cercles[].id",
        "identifier: resolves `cercle:` of lines",
    ),
    (
        "financements.fonds[].id",
        "identifier (fdr::id::{doublon, invalide})",
    ),
    (
        "territoire.tableaux[].id",
        "identifier (fdr::id::{doublon, invalide})",
    ),
    (
        "concertation.reunions[].id",
        "identifier (fdr::id::{doublon, invalide})",
    ),
    (
        "territoire.populations.epci[].acteur",
        "reference (fdr::reference::inconnue); keeps the EPCI's acteur cited (fdr::acteur::inutilise); the row prints `nom`",
    ),
];

/// Accepted on purpose and never printed: its marker must be absent.
const NEVER_PUBLISHED: &[(&str, &str)] = &[(
    "acteurs[].personne",
    "a person's name: never required, never published (its schema description; README, « Le document produit »)",
)];

/// Every property path of the schema, and those that take a scalar value.
#[derive(Default)]
struct SchemaPaths {
    all: BTreeSet<String>,
    scalar: BTreeSet<String>,
}

/// `P.fichier` is the file form of the text `P`.
fn normalize(path: &str) -> String {
    path.strip_suffix(".fichier").unwrap_or(path).to_string()
}

fn walk_schema(
    defs: &Value,
    node: &Value,
    path: &str,
    stack: &mut Vec<String>,
    out: &mut SchemaPaths,
) {
    if let Some(r) = node.get("$ref").and_then(Value::as_str) {
        let name = r.rsplit('/').next().unwrap_or_default().to_string();
        if !stack.contains(&name) {
            stack.push(name.clone());
            walk_schema(defs, &defs[&name], path, stack, out);
            stack.pop();
        }
    }
    for key in ["anyOf", "oneOf", "allOf"] {
        for sub in node
            .get(key)
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
        {
            walk_schema(defs, sub, path, stack, out);
        }
    }
    let types: Vec<&str> = match node.get("type") {
        Some(Value::String(t)) => vec![t.as_str()],
        Some(Value::Array(ts)) => ts.iter().filter_map(Value::as_str).collect(),
        _ => Vec::new(),
    };
    let scalar = types
        .iter()
        .any(|t| matches!(*t, "string" | "number" | "integer" | "boolean"))
        || node.get("enum").is_some()
        || node.get("const").is_some_and(|c| !c.is_null());
    if scalar && !path.is_empty() {
        out.scalar.insert(normalize(path.trim_end_matches("[]")));
    }
    if let Some(items) = node.get("items") {
        walk_schema(defs, items, &format!("{path}[]"), stack, out);
    }
    for (name, sub) in node
        .get("properties")
        .and_then(Value::as_object)
        .into_iter()
        .flatten()
    {
        let p = if path.is_empty() {
            name.clone()
        } else {
            format!("{path}.{name}")
        };
        out.all.insert(normalize(&p));
        walk_schema(defs, sub, &p, stack, out);
    }
}

fn schema_paths() -> SchemaPaths {
    let text = std::fs::read_to_string(repo().join("schemas/fragment.schema.json")).unwrap();
    let schema: Value = serde_json::from_str(&text).unwrap();
    let mut out = SchemaPaths::default();
    walk_schema(&schema["$defs"], &schema, "", &mut Vec::new(), &mut out);
    out
}

/// What the fixture holds: the paths present, and each marker with the
/// path of the text it is in.
#[derive(Default)]
struct Fixture {
    present: BTreeSet<String>,
    markers: BTreeMap<String, String>,
    duplicates: Vec<String>,
    file_texts: usize,
}

/// The markers `zqNNN` of a text, lower-cased.
fn markers_in(text: &str) -> Vec<String> {
    let lower = text.to_lowercase();
    let b = lower.as_bytes();
    let mut out = Vec::new();
    for (i, _) in lower.match_indices("zq") {
        let digits = b.get(i + 2..i + 5);
        let next = b.get(i + 5);
        assert!(
            digits.is_some_and(|d| d.iter().all(u8::is_ascii_digit))
                && !next.is_some_and(u8::is_ascii_digit),
            "a marker is « ZQ » and three digits: {text:?}"
        );
        out.push(lower[i..i + 5].to_string());
    }
    out
}

impl Fixture {
    fn add_markers(&mut self, text: &str, path: &str) {
        for m in markers_in(text) {
            if self.markers.insert(m.clone(), path.to_string()).is_some() {
                self.duplicates.push(m);
            }
        }
    }

    fn walk(&mut self, root: &Path, v: &Value, path: &str) {
        match v {
            Value::Object(map) => {
                for (k, sub) in map {
                    let p = if path.is_empty() {
                        k.clone()
                    } else {
                        format!("{path}.{k}")
                    };
                    self.present.insert(normalize(&p));
                    if k == "fichier"
                        && let Some(rel) = sub.as_str()
                    {
                        let text = std::fs::read_to_string(root.join(rel)).unwrap();
                        self.file_texts += 1;
                        self.add_markers(&text, &normalize(&p));
                    } else {
                        self.walk(root, sub, &p);
                    }
                }
            }
            Value::Array(items) => {
                for item in items {
                    self.walk(root, item, &format!("{path}[]"));
                }
            }
            Value::String(s) => self.add_markers(s, path.trim_end_matches("[]")),
            _ => {}
        }
    }
}

fn read_fixture() -> Fixture {
    let root = fixtures_dir().join(FIXTURE);
    let mut out = Fixture::default();
    // The sub-roadmap's fragments too (territoires/local/).
    fn yaml_files(dir: &std::path::Path, out: &mut Vec<std::path::PathBuf>) {
        for e in std::fs::read_dir(dir).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                yaml_files(&p, out);
            } else if p.extension().is_some_and(|x| x == "yaml") {
                out.push(p);
            }
        }
    }
    let mut files = Vec::new();
    yaml_files(&root, &mut files);
    files.sort();
    for f in files {
        let text = std::fs::read_to_string(&f).unwrap();
        let v: Value =
            serde_saphyr::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", f.display()));
        out.walk(&root, &v, "");
    }
    out
}

/// The text a reader sees, for searching: HTML without its style sheet and
/// tags (their attributes are not read), entities decoded; Markdown without
/// emphasis, escapes, heading marks and list bullets; typographic spaces
/// folded, runs of spaces and table bars made one space, « : » dropped,
/// lower case.
fn readable(text: &str, html: bool) -> String {
    let mut s = String::with_capacity(text.len());
    if html {
        // The style sheet is not text.
        let text = match (text.find("<style"), text.find("</style>")) {
            (Some(a), Some(b)) if a < b => format!("{}{}", &text[..a], &text[b..]),
            _ => text.to_string(),
        };
        let mut in_tag = false;
        for c in text.chars() {
            match c {
                '<' => in_tag = true,
                '>' if in_tag => {
                    in_tag = false;
                    s.push(' ');
                }
                _ if !in_tag => s.push(c),
                _ => {}
            }
        }
        for (entity, c) in [
            ("&nbsp;", " "),
            ("&#39;", "'"),
            ("&#x27;", "'"),
            ("&quot;", "\""),
            ("&lt;", "<"),
            ("&gt;", ">"),
            ("&amp;", "&"),
        ] {
            s = s.replace(entity, c);
        }
    } else {
        for line in text.replace(['*', '\\'], "").lines() {
            let line = line.trim_start().trim_start_matches('#');
            s.push_str(line.trim_start().strip_prefix("- ").unwrap_or(line));
            s.push('\n');
        }
    }
    let s = plain(&s).replace('|', " ").to_lowercase();
    s.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .replace(" : ", " ")
}

fn build_documents() -> (String, String) {
    let dir = fixtures_dir().join(FIXTURE);
    let (out, run) = build_into_temp(&dir, "md,html");
    assert_eq!(run.code, 0, "build of {FIXTURE}:\n{}", run.stderr);
    // The document, then its sub-roadmap's own.
    let read = |ext: &str| {
        ["", "sous-feuilles/territoire-local/"]
            .iter()
            .map(|d| {
                std::fs::read_to_string(out.path().join(format!("{d}feuille-de-route.{ext}")))
                    .unwrap()
            })
            .collect::<Vec<_>>()
    };
    let md: String = read("md")
        .iter()
        .map(|d| readable(d, false))
        .collect::<Vec<_>>()
        .join(" ");
    let html: String = read("html")
        .iter()
        .map(|d| readable(d, true))
        .collect::<Vec<_>>()
        .join(" ");
    (md, html)
}

#[test]
fn the_fixture_holds_every_path_of_the_schema() {
    let schema = schema_paths();
    assert!(
        schema.all.len() > 200,
        "the walk found {} paths",
        schema.all.len()
    );
    let fixture = read_fixture();
    let missing: Vec<&String> = schema.all.difference(&fixture.present).collect();
    assert!(
        missing.is_empty(),
        "paths of the schema absent from tests/fixtures/{FIXTURE}/ (add them, with a marker ZQnnn for a text):\n{}",
        missing
            .iter()
            .map(|p| format!("  {p}"))
            .collect::<Vec<_>>()
            .join("\n")
    );
    let unknown: Vec<&String> = fixture.present.difference(&schema.all).collect();
    assert!(
        unknown.is_empty(),
        "paths of the fixture the walk missed: {unknown:?}"
    );
    assert!(
        fixture.duplicates.is_empty(),
        "markers used twice: {:?}",
        fixture.duplicates
    );
    assert!(
        fixture.file_texts > 0,
        "the fixture uses the `fichier:` form of a text"
    );
}

#[test]
fn every_scalar_path_is_rendered_or_checked() {
    let schema = schema_paths();
    let fixture = read_fixture();
    let marked: BTreeSet<&str> = fixture.markers.values().map(String::as_str).collect();
    let tables: Vec<&str> = RENDERED
        .iter()
        .map(|(p, _)| *p)
        .chain(CHECK_ONLY.iter().map(|(p, _)| *p))
        .chain(NEVER_PUBLISHED.iter().map(|(p, _)| *p))
        .collect();
    let stale: Vec<&&str> = tables
        .iter()
        .filter(|p| !schema.all.contains(**p))
        .collect();
    assert!(
        stale.is_empty(),
        "entries naming no path of the schema: {stale:?}"
    );
    let uncovered: Vec<&String> = schema
        .scalar
        .iter()
        .filter(|p| !marked.contains(p.as_str()) && !tables.contains(&p.as_str()))
        .collect();
    assert!(
        uncovered.is_empty(),
        "paths with neither a marked text in the fixture, nor a RENDERED, CHECK_ONLY or NEVER_PUBLISHED entry:\n{}",
        uncovered
            .iter()
            .map(|p| format!("  {p}"))
            .collect::<Vec<_>>()
            .join("\n")
    );
}

#[test]
fn nothing_accepted_is_dropped() {
    let fixture = read_fixture();
    let (md, html) = build_documents();
    let hidden: BTreeSet<&str> = NEVER_PUBLISHED.iter().map(|(p, _)| *p).collect();
    let mut failures = Vec::new();
    for (marker, path) in &fixture.markers {
        let (in_md, in_html) = (md.contains(marker), html.contains(marker));
        if hidden.contains(path.as_str()) {
            if in_md || in_html {
                failures.push(format!("  {path} ({marker}): published, it must not be"));
            }
        } else if !(in_md && in_html) {
            failures.push(format!(
                "  {path} ({marker}): absent from{}{}",
                if in_md { "" } else { " Markdown" },
                if in_html { "" } else { " HTML" }
            ));
        }
    }
    for (path, texts) in RENDERED {
        for text in *texts {
            let found = |doc: &str| text.split(" || ").any(|t| doc.contains(t));
            let (in_md, in_html) = (found(&md), found(&html));
            if !(in_md && in_html) {
                failures.push(format!(
                    "  {path}: « {text} » absent from{}{}",
                    if in_md { "" } else { " Markdown" },
                    if in_html { "" } else { " HTML" }
                ));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "fields accepted and then dropped (show them, or allow-list a field only a check reads):\n{}",
        failures.join("\n")
    );
}
