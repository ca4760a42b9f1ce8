//! Hostile input (issue « Hardening »): the real binary on roadmaps built to
//! hurt it — YAML bombs and oddities, filesystem traps, templates that never
//! end or try to read files, and output folders that must survive a failure.
//!
//! Every roadmap starts from `examples/minimal/feuille-de-route.yaml`, copied
//! into a temporary folder as `roadmap/` and changed by the test; big inputs
//! are generated at run time. Each run of `fdr` has a time limit (a hang
//! fails the test instead of blocking the suite) and
//!
//! - never exits with 101 (panic) nor dies from a signal (stack overflow);
//! - exits 1 or 2 on invalid input, 0 on input that must be accepted;
//! - names the file (and its line when there is one) in its report;
//! - when the report is stable, pins it with an insta snapshot
//!   `tests/snapshots/hostile__NAME.snap`.
//!
//! Tests for a behaviour that `src/` gets wrong are marked `#[ignore]` with
//! the reason; their expectations describe the correct behaviour. Run them
//! with `cargo test --test hostile -- --ignored`.
//!
//! Update the snapshots with `INSTA_UPDATE=always cargo test --test hostile`,
//! then read the diff of `tests/snapshots/`.

mod common;

use common::*;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};
use tempfile::TempDir;

/// The one file of the starting roadmap.
const MAIN: &str = "feuille-de-route.yaml";
/// Longest run for a minijinja template that burns all its fuel: the
/// 200,000,000 units of `render::templates::FUEL` take about 30 s in a debug
/// build (about 5 s in release).
const FUEL_TIMEOUT: Duration = Duration::from_secs(120);

// ---------------------------------------------------------------------------
// Running the binary
// ---------------------------------------------------------------------------

fn fdr(cwd: &Path, args: &[&str]) -> Outcome {
    run(cwd, args, &[], TIMEOUT)
}

fn fdr_timed(cwd: &Path, args: &[&str], limit: Duration) -> Outcome {
    run(cwd, args, &[], limit)
}

// ---------------------------------------------------------------------------
// The roadmap under test
// ---------------------------------------------------------------------------

/// A temporary directory holding `roadmap/feuille-de-route.yaml`, copied
/// from `examples/minimal`.
struct Roadmap {
    tmp: TempDir,
}

impl Roadmap {
    fn new() -> Self {
        let tmp = minimal_roadmap();
        Roadmap { tmp }
    }

    /// The temporary directory (where `fdr` runs).
    fn cwd(&self) -> &Path {
        self.tmp.path()
    }

    /// The roadmap folder.
    fn root(&self) -> PathBuf {
        self.tmp.path().join(ROOT)
    }

    /// Write `roadmap/REL` (creating its folders).
    fn write(&self, rel: &str, bytes: impl AsRef<[u8]>) -> PathBuf {
        let path = self.root().join(rel);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, bytes).unwrap();
        path
    }

    fn main_text(&self) -> String {
        std::fs::read_to_string(self.root().join(MAIN)).unwrap()
    }

    /// Replace `from` (which must occur once) by `to` in the main file.
    fn replace(&self, from: &str, to: &str) {
        let text = self.main_text();
        assert_eq!(text.matches(from).count(), 1, "« {from} » once in {MAIN}");
        self.write(MAIN, text.replace(from, to));
    }

    /// `fdr --color never check roadmap EXTRA…`.
    fn check(&self, extra: &[&str]) -> Outcome {
        let mut args = vec!["--color", "never", "check", ROOT];
        args.extend_from_slice(extra);
        fdr(self.cwd(), &args)
    }

    /// Diagnostics of `check --format json`, one
    /// `file:line:column severity code` line each (see tests/check.rs).
    fn diagnostics(&self) -> (i32, Vec<String>) {
        let out = self.check(&["--format", "json"]);
        (out.code, summarize(&parse_json(&out.stdout)))
    }

    /// `fdr --color never build roadmap -o sortie --format FORMATS`.
    fn build(&self, formats: &str) -> Outcome {
        self.build_timed(formats, limit_for(formats))
    }

    fn build_timed(&self, formats: &str, limit: Duration) -> Outcome {
        fdr_timed(
            self.cwd(),
            &[
                "--color", "never", "build", ROOT, "-o", "sortie", "--format", formats,
            ],
            limit,
        )
    }

    /// A build that must fail and leave the output folder as it was: the
    /// folder holds a sentinel `feuille-de-route.md` (« ANCIEN ») before the
    /// build and exactly that afterwards.
    fn failing_build(&self, formats: &str) -> Outcome {
        self.failing_build_timed(formats, limit_for(formats))
    }

    fn failing_build_timed(&self, formats: &str, limit: Duration) -> Outcome {
        let out_dir = self.cwd().join("sortie");
        std::fs::create_dir_all(&out_dir).unwrap();
        std::fs::write(out_dir.join("feuille-de-route.md"), "ANCIEN\n").unwrap();
        let out = self.build_timed(formats, limit);
        assert!(
            matches!(out.code, 1 | 2),
            "the build must fail with 1 or 2, got {}:\n{}",
            out.code,
            head(&out.stderr)
        );
        assert_output_unchanged(&out_dir);
        out
    }
}

/// Time limit of a build: longer when it typesets a PDF.
fn limit_for(formats: &str) -> Duration {
    if formats.contains("pdf") {
        PDF_TIMEOUT
    } else {
        TIMEOUT
    }
}

fn assert_output_unchanged(out_dir: &Path) {
    let mut names: Vec<String> = std::fs::read_dir(out_dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(
        names,
        ["feuille-de-route.md"],
        "a failed build writes nothing in the output folder"
    );
    assert_eq!(
        std::fs::read_to_string(out_dir.join("feuille-de-route.md")).unwrap(),
        "ANCIEN\n",
        "a failed build leaves the previous output intact"
    );
}

// ---------------------------------------------------------------------------
// Reports
// ---------------------------------------------------------------------------

const CHECK_ARGS: &str = "--color never check roadmap";
const BUILD_MD: &str = "--color never build roadmap -o sortie --format md";

/// An invalid roadmap, its human report pinned as `hostile__NAME`: see
/// `assert_refused`.
fn assert_rejected(map: &Roadmap, name: &str, expected: &[&str], texts: &[&str]) {
    let human = assert_refused(map, expected, texts);
    snapshot!(name, &transcript(CHECK_ARGS, &human));
}

/// An invalid roadmap: exit 1, the expected diagnostics, the file (and
/// line) of each and every one of `texts` in the human report, returned.
fn assert_refused(map: &Roadmap, expected: &[&str], texts: &[&str]) -> Outcome {
    let (code, diags) = map.diagnostics();
    assert_eq!(code, 1, "exit code of check --format json: {diags:?}");
    assert_eq!(
        diags, expected,
        "diagnostics (file:line:column severity code)"
    );
    let human = map.check(&[]);
    assert_eq!(human.code, 1, "{}", head(&human.stderr));
    for line in expected {
        let place = line.split(' ').next().unwrap();
        let shown = format!("{ROOT}/{place}");
        assert!(
            human.stderr.contains(&shown),
            "« {shown} » (file and position) absent from the report:\n{}",
            head(&human.stderr)
        );
    }
    for text in texts {
        assert!(
            human.stderr.contains(text),
            "« {text} » absent from the report:\n{}",
            head(&human.stderr)
        );
    }
    human
}

/// A roadmap accepted with, at most, warnings for ignored symbolic links;
/// its human report.
fn assert_only_ignored_links(map: &Roadmap) -> Outcome {
    let (code, diags) = map.diagnostics();
    assert_eq!(code, 0, "{diags:?}");
    assert!(
        diags
            .iter()
            .all(|d| d == "- avertissement fdr::fichier::lien_ignore"),
        "{diags:?}"
    );
    let human = map.check(&[]);
    assert_eq!(human.code, 0, "{}", head(&human.stderr));
    human
}

/// A roadmap that must be accepted: exit 0 and exactly these diagnostics.
fn assert_accepted(map: &Roadmap, expected: &[&str]) -> Outcome {
    let (code, diags) = map.diagnostics();
    assert_eq!(code, 0, "exit code of check --format json: {diags:?}");
    assert_eq!(
        diags, expected,
        "diagnostics (file:line:column severity code)"
    );
    let human = map.check(&[]);
    assert_eq!(human.code, 0, "{}", head(&human.stderr));
    human
}

// ---------------------------------------------------------------------------
// YAML
// ---------------------------------------------------------------------------

#[test]
fn yaml_alias_bomb() {
    // Billion laughs: nine levels of nine aliases, 9^9 values once expanded.
    let map = Roadmap::new();
    let mut bomb = String::from("acteurs:\n  - id: lol\n    nom: &a0 \"lol\"\n");
    bomb.push_str("    description:\n");
    for i in 1..=9 {
        let p = i - 1;
        let items = vec![format!("*a{p}"); 9].join(", ");
        bomb.push_str(&format!("      - &a{i} [{items}]\n"));
    }
    map.write("bombe.yaml", bomb);
    assert_rejected(
        &map,
        "yaml-alias-bomb",
        &["bombe.yaml:10:44 erreur fdr::yaml::alias_excessifs"],
        &["bombe d'alias"],
    );
}

#[test]
fn yaml_deep_flow_nesting() {
    let map = Roadmap::new();
    let depth = 10_000;
    map.write(
        "profond.yaml",
        format!("acteurs: {}{}\n", "[".repeat(depth), "]".repeat(depth)),
    );
    // The YAML scanner stops flow collections at 256 levels, before the
    // tree's own limit of 64 is reached: the position is the 256th « [ »
    // (as in tests/fixtures/yaml-profond).
    assert_refused(
        &map,
        &["profond.yaml:1:265 erreur fdr::yaml::trop_profond"],
        &["[roadmap/profond.yaml:1:265]", "imbrication trop profonde"],
    );
}

#[test]
fn yaml_deep_block_nesting() {
    // Block sequences in compact form: `- - - … x`, one level per `- `.
    let map = Roadmap::new();
    map.write(
        "profond.yaml",
        format!("acteurs:\n  {}x\n", "- ".repeat(10_000)),
    );
    assert_refused(
        &map,
        &["profond.yaml:2:129 erreur fdr::yaml::trop_profond"],
        &["[roadmap/profond.yaml:2:129]"],
    );
}

#[test]
fn yaml_50_mb_file() {
    let map = Roadmap::new();
    let line = "# commentaire pour grossir le fichier jusqu'à cinquante mébioctets\n";
    let mut text = String::with_capacity(50 * 1024 * 1024 + line.len());
    text.push_str("acteurs: []\n");
    while text.len() < 50 * 1024 * 1024 {
        text.push_str(line);
    }
    map.write("gros.yaml", text);
    assert_rejected(
        &map,
        "yaml-50-mio",
        &["gros.yaml erreur fdr::fichier::trop_gros"],
        &["roadmap/gros.yaml : fichier trop volumineux (50 Mio, au plus 8 Mio)"],
    );
}

#[test]
fn yaml_one_megabyte_line() {
    // A valid roadmap whose title is one 1 MB line: accepted, in bounded time.
    let map = Roadmap::new();
    let long = "a".repeat(1024 * 1024);
    map.replace(
        "titre: Feuille de route France Numérique Ensemble",
        &format!("titre: \"{long}\""),
    );
    let human = assert_accepted(&map, &[]);
    assert_reports(&human, "aucune erreur");
    let built = map.build("md,html");
    assert_eq!(built.code, 0, "{}", head(&built.stderr));
    let md = std::fs::read_to_string(map.cwd().join("sortie/feuille-de-route.md")).unwrap();
    assert!(md.contains(&long), "the long title is in the Markdown");
}

#[test]
fn markdown_prose_checks_stay_linear() {
    // What the truth checks read (unclosed brackets, angle brackets and
    // backticks, hand-typed references, restated counts), 3 MB of it in one
    // Markdown file: checked in bounded time, and at most a thousand of
    // each kind reported.
    let map = Roadmap::new();
    let pieces = [
        "[[[[ ",
        "<<<< ",
        "`` ` ",
        "voir l'axe 1 ",
        "autour de 5 axes ",
        "]]) ",
    ];
    let mut text = String::with_capacity(3 * 1024 * 1024);
    let mut i = 0;
    while text.len() < 3 * 1024 * 1024 {
        text.push_str(pieces[i % pieces.len()]);
        i += 1;
    }
    map.write("textes/long.md", text);
    map.replace(
        "  co_porteurs:\n",
        "  conclusion:\n    fichier: textes/long.md\n  co_porteurs:\n",
    );
    let (code, diags) = map.diagnostics();
    assert_eq!(code, 0, "warnings only");
    let refs = diags
        .iter()
        .filter(|d| d.ends_with("fdr::texte::renvoi_manuel"))
        .count();
    let counts = diags
        .iter()
        .filter(|d| d.ends_with("fdr::texte::compte_incoherent"))
        .count();
    assert_eq!((refs, counts), (1000, 1000), "each kind is capped");
}

#[test]
fn yaml_non_utf8_bytes() {
    let map = Roadmap::new();
    let mut bytes = map.main_text().into_bytes();
    let at = bytes
        .windows("Département".len())
        .position(|w| w == "Département".as_bytes())
        .unwrap();
    // « Département » in Latin-1 (é = 0xE9) on line 9.
    bytes.splice(
        at..at + "Département".len(),
        b"D\xe9partement".iter().copied(),
    );
    map.write(MAIN, bytes);
    assert_rejected(
        &map,
        "yaml-non-utf8",
        &["feuille-de-route.yaml erreur fdr::fichier::encodage"],
        &[
            "roadmap/feuille-de-route.yaml : le fichier n'est pas en UTF-8 (octets invalides à la ligne 9)",
        ],
    );
}

#[test]
fn yaml_bom_and_crlf_are_accepted() {
    let map = Roadmap::new();
    let text = map.main_text();
    map.write(MAIN, format!("\u{feff}{text}"));
    assert_accepted(&map, &[]);

    let map = Roadmap::new();
    map.write(MAIN, text.replace('\n', "\r\n"));
    assert_accepted(&map, &[]);

    let map = Roadmap::new();
    map.write(MAIN, format!("\u{feff}{}", text.replace('\n', "\r\n")));
    assert_accepted(&map, &[]);
    // Positions still count lines and characters, not the BOM or the CR.
    map.replace("- acteur: association-mediation", "- acteur: inconnue");
    let (code, diags) = map.diagnostics();
    assert_eq!(code, 1);
    assert_eq!(
        diags,
        ["feuille-de-route.yaml:39:17 erreur fdr::reference::inconnue"]
    );
}

#[test]
fn yaml_tab_indentation() {
    let map = Roadmap::new();
    map.replace("    nom: Département exemple", "\tnom: Département exemple");
    let (code, diags) = map.diagnostics();
    assert_eq!(code, 1);
    // The column (the tab itself) is checked by
    // `yaml_tab_points_at_the_tab` below.
    assert_eq!(diags.len(), 1, "{diags:?}");
    assert!(
        diags[0].starts_with("feuille-de-route.yaml:9:")
            && diags[0].ends_with(" erreur fdr::yaml::syntaxe"),
        "{diags:?}"
    );
    let human = map.check(&[]);
    assert_eq!(human.code, 1);
    assert_reports(&human, "[roadmap/feuille-de-route.yaml:9:");
    assert_reports(&human, "tabulation dans l'indentation");
}

#[test]
fn yaml_tab_points_at_the_tab() {
    let map = Roadmap::new();
    map.replace("    nom: Département exemple", "\tnom: Département exemple");
    map.replace(
        "  - id: reseau\n",
        "  - id: reseau # commentaire\tavec tabulation\n",
    );
    assert_rejected(
        &map,
        "yaml-tabulation-position",
        &["feuille-de-route.yaml:9:1 erreur fdr::yaml::syntaxe"],
        &["tabulation dans l'indentation"],
    );
}

#[test]
fn yaml_duplicate_keys() {
    let map = Roadmap::new();
    map.replace(
        "  date: \"2024-09\"\n",
        "  date: \"2024-09\"\n  titre: Autre titre\n",
    );
    assert_rejected(
        &map,
        "yaml-cle-dupliquee",
        &["feuille-de-route.yaml:16:3 erreur fdr::yaml::cle_dupliquee"],
        &[
            "clé « titre » définie deux fois",
            "[roadmap/feuille-de-route.yaml:7:3]",
        ],
    );
}

#[test]
fn yaml_11_booleans_are_strings_with_a_warning() {
    let map = Roadmap::new();
    map.replace("    nom: Département exemple", "    nom: yes");
    map.replace(
        "    titre: Animer un réseau départemental de l'inclusion numérique",
        "    titre: on",
    );
    map.replace("    nom: Association de médiation numérique", "    nom: no");
    let human = assert_accepted(
        &map,
        &[
            "feuille-de-route.yaml:9:10 avertissement fdr::yaml::booleen_ambigu",
            "feuille-de-route.yaml:24:10 avertissement fdr::yaml::booleen_ambigu",
            "feuille-de-route.yaml:31:12 avertissement fdr::yaml::booleen_ambigu",
        ],
    );
    assert_reports(&human, "« yes » est lu comme du texte");
    snapshot!("yaml-booleen-ambigu", &transcript(CHECK_ARGS, &human));
}

const HUGE_POPULATION: &str = "territoire:\n  populations:\n    annee: 2021\n    source: INSEE\n    epci:\n      - acteur: prefecture\n        nom: Intercommunalité\n        population: 99999999999999999999999\n";

#[test]
fn yaml_huge_integer() {
    let map = Roadmap::new();
    map.write("territoire.yaml", HUGE_POPULATION);
    // The message names the field, in French.
    let human = assert_refused(
        &map,
        &["territoire.yaml:8:21 erreur fdr::schema::type"],
        &["[roadmap/territoire.yaml:8:21]", "« population »"],
    );
    assert!(
        !human.stderr.contains("invalid") && !human.stderr.contains(" at line "),
        "English message from the YAML library:\n{}",
        human.stderr
    );
}

#[test]
fn yaml_nan_and_infinite_amounts() {
    let map = Roadmap::new();
    let mut text = String::from("financements:\n  enveloppes:\n");
    for (i, value) in [".nan", ".inf", "-.inf"].iter().enumerate() {
        text.push_str(&format!(
            "    - id: enveloppe-{i}\n      libelle: Enveloppe {i}\n      montant: {value}\n      financeur: prefecture\n"
        ));
    }
    map.write("financements.yaml", text);
    assert_rejected(
        &map,
        "yaml-montant-nan-inf",
        &[
            "financements.yaml:5:16 erreur fdr::montant::invalide",
            "financements.yaml:9:16 erreur fdr::montant::invalide",
            "financements.yaml:13:16 erreur fdr::montant::invalide",
        ],
        &["montant invalide"],
    );
}

#[test]
fn yaml_impossible_dates() {
    let map = Roadmap::new();
    map.replace("    debut: 2025", "    debut: 2025-02-30\n    fin: 2025-13");
    assert_rejected(
        &map,
        "yaml-dates-impossibles",
        &[
            "feuille-de-route.yaml:40:12 erreur fdr::date::invalide",
            "feuille-de-route.yaml:41:10 erreur fdr::date::invalide",
        ],
        &["« 2025-02-30 » : ce jour n'existe pas"],
    );
}

// ---------------------------------------------------------------------------
// Filesystem
// ---------------------------------------------------------------------------

#[cfg(unix)]
#[test]
fn symlink_loop_is_not_followed() {
    let map = Roadmap::new();
    std::fs::create_dir(map.root().join("sous-dossier")).unwrap();
    std::os::unix::fs::symlink("..", map.root().join("sous-dossier/boucle")).unwrap();
    std::os::unix::fs::symlink(".", map.root().join("ici")).unwrap();
    // Accepted in bounded time; the links are not followed (no fragment is
    // read twice, which would be an fdr::fragment::doublon error). Whether
    // they are reported is checked by `directory_symlinks_are_reported`.
    let human = assert_only_ignored_links(&map);
    assert_reports(&human, "1 action, 1 fichier vérifié");
}

#[cfg(unix)]
#[test]
fn symlink_outside_is_not_followed() {
    let map = Roadmap::new();
    let outside = map.cwd().join("dehors");
    std::fs::create_dir(&outside).unwrap();
    std::fs::write(outside.join("piege.yaml"), "acteurs: [}\n").unwrap();
    std::os::unix::fs::symlink(&outside, map.root().join("dossier-externe")).unwrap();
    std::os::unix::fs::symlink(outside.join("piege.yaml"), map.root().join("piege.yaml")).unwrap();
    // The broken YAML behind the links is never read.
    let human = assert_only_ignored_links(&map);
    assert_reports(&human, "lien symbolique ignoré : « roadmap/piege.yaml »");
    snapshot!("lien-externe-fichier", &transcript(CHECK_ARGS, &human));
}

#[cfg(unix)]
#[test]
fn directory_symlinks_are_reported() {
    let map = Roadmap::new();
    let outside = map.cwd().join("dehors");
    std::fs::create_dir(&outside).unwrap();
    std::fs::write(outside.join("actions.yaml"), "actions: []\n").unwrap();
    std::os::unix::fs::symlink(&outside, map.root().join("dossier-externe")).unwrap();
    std::os::unix::fs::symlink(".", map.root().join("ici")).unwrap();
    let human = assert_accepted(
        &map,
        &[
            "- avertissement fdr::fichier::lien_ignore",
            "- avertissement fdr::fichier::lien_ignore",
        ],
    );
    assert_reports(&human, "« roadmap/dossier-externe »");
    assert_reports(&human, "« roadmap/ici »");
    snapshot!("lien-dossier", &transcript(CHECK_ARGS, &human));
}

#[test]
fn text_reference_outside_is_refused() {
    let map = Roadmap::new();
    map.replace(
        "  date: \"2024-09\"\n",
        "  date: \"2024-09\"\n  introduction: { fichier: ../../etc/passwd }\n  conclusion: { fichier: /etc/passwd }\n",
    );
    assert_rejected(
        &map,
        "texte-hors-dossier",
        &[
            "feuille-de-route.yaml:16:17 erreur fdr::texte::fichier",
            "feuille-de-route.yaml:17:15 erreur fdr::texte::fichier",
        ],
        &["« ../../etc/passwd » est introuvable ou hors du dossier"],
    );
    let human = map.check(&[]);
    assert!(!human.stderr.contains("root:"), "/etc/passwd was read");
}

#[cfg(unix)]
#[test]
fn text_reference_through_a_symlink_is_refused() {
    let map = Roadmap::new();
    std::fs::create_dir(map.root().join("textes")).unwrap();
    std::os::unix::fs::symlink("/etc/passwd", map.root().join("textes/intro.md")).unwrap();
    map.replace(
        "  date: \"2024-09\"\n",
        "  date: \"2024-09\"\n  introduction: { fichier: textes/intro.md }\n",
    );
    let human = assert_refused(
        &map,
        &["feuille-de-route.yaml:16:17 erreur fdr::texte::fichier"],
        &["[roadmap/feuille-de-route.yaml:16:17]"],
    );
    assert!(!human.stderr.contains("root:"), "/etc/passwd was read");
}

#[test]
fn directory_named_like_a_yaml_file() {
    let map = Roadmap::new();
    map.write(
        "actions.yaml/autre.yaml",
        "actions:\n  - id: autre\n    axe: reseau\n    titre: Une autre action\n    statut: a_venir\n    referents:\n      - acteur: association-mediation\n",
    );
    let human = assert_accepted(&map, &[]);
    assert!(
        human.stderr.contains("2 actions, 2 fichiers vérifiés"),
        "the fragment inside the folder is read:\n{}",
        human.stderr
    );
}

#[cfg(unix)]
#[test]
fn unreadable_file() {
    use std::os::unix::fs::PermissionsExt;
    let map = Roadmap::new();
    let path = map.write("secret.yaml", "acteurs: []\n");
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o000)).unwrap();
    if std::fs::read(&path).is_ok() {
        // Running as root (CI containers): chmod 000 does not stop a read,
        // so there is nothing to test; only check that nothing breaks.
        let out = map.check(&[]);
        assert_eq!(out.code, 0, "{}", out.stderr);
        return;
    }
    assert_refused(
        &map,
        &["secret.yaml erreur fdr::fichier::illisible"],
        &["[roadmap/secret.yaml]"],
    );
}

/// Create a named pipe (FIFO) with `mkfifo`; `false` if it is not available.
#[cfg(unix)]
fn mkfifo(path: &Path) -> bool {
    std::process::Command::new("mkfifo")
        .arg(path)
        .status()
        .is_ok_and(|s| s.success())
}

#[cfg(unix)]
#[test]
fn fifo_named_like_a_fragment_is_skipped() {
    // A named pipe is not a regular file: reading it would wait forever.
    let map = Roadmap::new();
    if !mkfifo(&map.root().join("attente.yaml")) {
        eprintln!("mkfifo indisponible : test ignoré");
        return;
    }
    assert_accepted(&map, &[]);
}

#[cfg(unix)]
#[test]
fn fifo_as_text_reference_is_refused() {
    let map = Roadmap::new();
    std::fs::create_dir(map.root().join("textes")).unwrap();
    if !mkfifo(&map.root().join("textes/intro.md")) {
        eprintln!("mkfifo indisponible : test ignoré");
        return;
    }
    map.replace(
        "  date: \"2024-09\"\n",
        "  date: \"2024-09\"\n  introduction: { fichier: textes/intro.md }\n",
    );
    let out = map.check(&[]);
    assert_eq!(out.code, 1, "{}", out.stderr);
    assert_reports(&out, "[roadmap/feuille-de-route.yaml:16:17]");
}

#[cfg(unix)]
#[test]
fn fifo_as_template_is_refused() {
    let map = Roadmap::new();
    std::fs::create_dir(map.root().join("templates")).unwrap();
    if !mkfifo(&map.root().join("templates/feuille-de-route.md.j2")) {
        eprintln!("mkfifo indisponible : test ignoré");
        return;
    }
    let out = map.failing_build("md");
    assert_eq!(out.code, 1, "{}", out.stderr);
    assert_reports(&out, "roadmap/templates/feuille-de-route.md.j2");
}

#[test]
fn two_thousand_fragments() {
    let map = Roadmap::new();
    for i in 0..2000 {
        map.write(
            &format!("actions/action-{i:04}.yaml"),
            format!(
                "actions:\n  - id: action-{i:04}\n    axe: reseau\n    titre: Action numéro {i}\n    statut: a_venir\n    referents:\n      - acteur: association-mediation\n"
            ),
        );
    }
    let start = Instant::now();
    let human = assert_accepted(&map, &[]);
    let report = human.stderr.replace(['\u{202f}', '\u{a0}'], " ");
    assert!(
        report.contains("2 001 actions, 2 001 fichiers vérifiés"),
        "{report}"
    );
    assert!(
        start.elapsed() < TIMEOUT,
        "2,000 fragments checked in {:?}",
        start.elapsed()
    );
}

// ---------------------------------------------------------------------------
// Templates
// ---------------------------------------------------------------------------

/// The template of the issue: two nested loops of 10^8 iterations.
const HUGE_LOOP: &str =
    "{% for i in range(100000000) %}{% for j in range(100000000) %}x{% endfor %}{% endfor %}";

#[test]
fn template_huge_range_message_is_french() {
    let map = Roadmap::new();
    map.write(
        "templates/feuille-de-route.md.j2",
        format!("# Titre\n{HUGE_LOOP}\n"),
    );
    let out = map.failing_build("md");
    assert_eq!(out.code, 1);
    assert_reports(&out, "fdr::gabarit::erreur");
    assert_reports(&out, "[roadmap/templates/feuille-de-route.md.j2:2:");
    assert_reports(&out, "ne termine pas");
    assert!(
        !out.stderr.contains("too many"),
        "English message: {}",
        out.stderr
    );
}

#[test]
fn template_infinite_loop_runs_out_of_fuel() {
    // 10^10 iterations within minijinja's range limit: only the fuel stops it.
    let map = Roadmap::new();
    map.write(
        "templates/feuille-de-route.md.j2",
        "# Titre\n{% for i in range(100000) %}{% for j in range(100000) %}x{% endfor %}{% endfor %}\n",
    );
    let out = map.failing_build_timed("md", FUEL_TIMEOUT);
    assert_eq!(out.code, 1);
    assert_reports(&out, "[roadmap/templates/feuille-de-route.md.j2:2:");
    assert_reports(&out, "ne termine pas");
    snapshot!("gabarit-boucle", &transcript(BUILD_MD, &out));
}

#[test]
fn template_recursive_macro() {
    let map = Roadmap::new();
    map.write(
        "templates/feuille-de-route.md.j2",
        "{% macro f(n) %}{{ f(n + 1) }}{% endmacro %}\n{{ f(0) }}\n",
    );
    let out = map.failing_build("md");
    assert_eq!(out.code, 1);
    assert_reports(&out, "[roadmap/templates/feuille-de-route.md.j2:1:");
    assert!(
        !out.stderr.contains("recursion limit exceeded"),
        "English message: {}",
        out.stderr
    );
}

#[test]
fn template_include_outside_is_refused() {
    // Templates run without a loader: no file can be included at all.
    for include in ["../../etc/passwd", "/etc/passwd"] {
        let map = Roadmap::new();
        map.write(
            "templates/feuille-de-route.md.j2",
            format!("# Titre\n{{% include \"{include}\" %}}\n"),
        );
        let out = map.failing_build("md");
        assert_eq!(out.code, 1);
        assert_reports(&out, "roadmap/templates/feuille-de-route.md.j2:2");
        assert!(!out.stderr.contains("root:"), "/etc/passwd was read");
        assert_reports(&out, &format!("'{include}'"));
        assert!(
            !out.stderr.contains("tried to include"),
            "English message: {}",
            out.stderr
        );
    }
}

/// Typst templates: (name, source, column of the error on line 1, English
/// message typst gives).
#[cfg(feature = "pdf")]
const TYPST_HOSTILE: &[(&str, &str, usize, &str)] = &[
    (
        "read absolu",
        "#read(\"/etc/passwd\")\n",
        7,
        "file not found",
    ),
    (
        "read relatif",
        "#read(\"../../../etc/passwd\")\n",
        7,
        "would escape the project root",
    ),
    (
        "récursion",
        "#let f(n) = f(n + 1)\n#f(0)\n",
        13,
        "maximum function call depth exceeded",
    ),
    ("boucle", "#while true {}\n", 8, "condition is always true"),
    (
        "boucle déguisée",
        "#let n = 0\n#while n >= 0 { n += 1 }\n",
        0,
        "loop seems to be infinite",
    ),
];

#[cfg(feature = "pdf")]
#[test]
fn typst_hostile_templates_fail_cleanly() {
    for (name, source, col, english) in TYPST_HOSTILE {
        let map = Roadmap::new();
        map.write("templates/feuille-de-route.typ", source);
        let out = map.failing_build("pdf");
        assert_eq!(out.code, 1, "{name}: {}", out.stderr);
        let place = if *col > 0 {
            format!("[roadmap/templates/feuille-de-route.typ:1:{col}]")
        } else {
            "roadmap/templates/feuille-de-route.typ:".to_string()
        };
        assert!(
            out.stderr.starts_with("fdr::pdf::compilation\n"),
            "{name}: {}",
            out.stderr
        );
        assert!(out.stderr.contains(&place), "{name}: {}", out.stderr);
        assert!(
            out.stderr.contains("× erreur de gabarit typst : "),
            "{name}: {}",
            out.stderr
        );
        assert!(
            !out.stderr.contains("root:"),
            "{name}: /etc/passwd was read"
        );
        assert!(
            !out.stderr.contains(english),
            "{name}: English message: {}",
            out.stderr
        );
    }
}

#[cfg(feature = "pdf")]
#[test]
fn one_failing_format_writes_no_format() {
    // Markdown and HTML render fine, the PDF template fails: nothing written.
    let map = Roadmap::new();
    map.write("templates/feuille-de-route.typ", "#panic(\"non\")\n");
    let out = map.failing_build("md,html,pdf");
    assert_reports(&out, "roadmap/templates/feuille-de-route.typ:1");
}

// ---------------------------------------------------------------------------
// Outputs
// ---------------------------------------------------------------------------

#[test]
fn failing_sources_leave_the_output_folder_unchanged() {
    let map = Roadmap::new();
    map.replace("- acteur: association-mediation", "- acteur: inconnue");
    let out = map.failing_build("md,html");
    assert_eq!(out.code, 1);
    assert_reports(&out, "[roadmap/feuille-de-route.yaml:39:17]");
}

/// `fdr build DIR -o OUTPUT --format md` run from `cwd` is refused (exit 2,
/// the French reason) and writes nothing in the roadmap folder.
fn assert_output_refused(map: &Roadmap, cwd: &Path, dir: &str, output: &str) {
    let out = fdr(
        cwd,
        &[
            "--color", "never", "build", dir, "-o", output, "--format", "md",
        ],
    );
    assert_eq!(
        out.code,
        2,
        "-o {output} from {}: {}",
        cwd.display(),
        out.stderr
    );
    assert!(
        out.stderr
            .contains("ne peut pas être le dossier de la feuille de route ni le contenir"),
        "-o {output}: {}",
        out.stderr
    );
    let names: Vec<_> = std::fs::read_dir(map.root())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(
        names,
        [MAIN],
        "-o {output}: nothing written in the roadmap folder"
    );
}

#[test]
fn output_folder_may_not_be_the_roadmap_or_contain_it() {
    let map = Roadmap::new();
    let cases: &[(&Path, &str)] = &[
        (map.cwd(), "roadmap"),
        (map.cwd(), "roadmap/."),
        (map.cwd(), "."),
        (map.cwd(), ".."),
        (&map.root(), "."),
        (&map.root(), ".."),
        (map.cwd(), "/"),
    ];
    for (cwd, output) in cases {
        let dir = if *cwd == map.cwd() { ROOT } else { "." };
        assert_output_refused(&map, cwd, dir, output);
    }
    let out = fdr(
        map.cwd(),
        &[
            "--color", "never", "build", ROOT, "-o", "..", "--format", "md",
        ],
    );
    snapshot!(
        "sortie-parent",
        &transcript("--color never build roadmap -o .. --format md", &out),
    );
}

#[test]
fn output_folder_through_a_missing_folder_and_dotdot() {
    for output in ["roadmap/sous/..", "roadmap/sous/../..", "sortie/../roadmap"] {
        let map = Roadmap::new();
        assert_output_refused(&map, map.cwd(), ROOT, output);
    }
}

#[cfg(unix)]
#[test]
fn output_folder_may_not_be_a_link_to_the_roadmap() {
    let map = Roadmap::new();
    std::os::unix::fs::symlink(ROOT, map.cwd().join("lien")).unwrap();
    assert_output_refused(&map, map.cwd(), ROOT, "lien");
}

#[test]
fn example_builds_are_byte_identical() {
    let formats = if cfg!(feature = "pdf") {
        "md,html,pdf"
    } else {
        "md,html"
    };
    let example = repo().join("examples/bouches-du-rhone");
    let tmp = tempfile::tempdir().unwrap();
    let mut outputs = Vec::new();
    for run in ["a", "b"] {
        let out = fdr_timed(
            tmp.path(),
            &[
                "--color",
                "never",
                "--quiet",
                "build",
                example.to_str().unwrap(),
                "-o",
                run,
                "--format",
                formats,
            ],
            PDF_TIMEOUT,
        );
        assert_eq!(out.code, 0, "{}", out.stderr);
        let mut files: Vec<(String, Vec<u8>)> = std::fs::read_dir(tmp.path().join(run))
            .unwrap()
            .map(|e| {
                let e = e.unwrap();
                (
                    e.file_name().to_string_lossy().into_owned(),
                    std::fs::read(e.path()).unwrap(),
                )
            })
            .collect();
        files.sort();
        outputs.push(files);
    }
    let names: Vec<&str> = outputs[0].iter().map(|(n, _)| n.as_str()).collect();
    let mut expected = vec!["feuille-de-route.html", "feuille-de-route.md"];
    if cfg!(feature = "pdf") {
        expected.push("feuille-de-route.pdf");
    }
    assert_eq!(
        names, expected,
        "one file per format, no temporary file left"
    );
    for ((name, a), (_, b)) in outputs[0].iter().zip(&outputs[1]) {
        assert!(a == b, "{name} differs between two builds");
    }
}
