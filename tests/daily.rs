//! The daily loop of a roadmap repository: CI annotations, `fdr init`,
//! `fdr diff` between git revisions, CSV exports.

mod common;

use common::*;
use std::path::Path;
use std::process::Command;

fn fdr(cwd: &Path, args: &[&str]) -> Outcome {
    run(cwd, args, &[], TIMEOUT)
}

fn git(cwd: &Path, args: &[&str]) {
    common::git(cwd, None, args);
}

#[test]
fn github_annotations_are_pinned() {
    let tmp = sandbox("reference-inconnue");
    let o = fdr(tmp.path(), &["check", "roadmap", "--format", "github"]);
    assert_eq!(o.code, 1);
    let stdout = o.stdout;
    assert!(
        stdout
            .starts_with("::error file=roadmap/feuille.yaml,line=31,col=19,endLine=31,endColumn="),
        "{stdout}"
    );
    assert!(
        stdout.contains(",title=fdr%3A%3Areference%3A%3Ainconnue::"),
        "{stdout}"
    );
    insta::assert_snapshot!("github_reference_inconnue", stdout);
}

#[test]
fn gitlab_report_is_code_quality_json() {
    let tmp = sandbox("reference-inconnue");
    let o = fdr(tmp.path(), &["check", "roadmap", "--format", "gitlab"]);
    assert_eq!(o.code, 1);
    let v: serde_json::Value = serde_json::from_str(&o.stdout).unwrap();
    let issue = &v[0];
    assert_eq!(issue["check_name"], "fdr::reference::inconnue");
    assert_eq!(issue["severity"], "major");
    assert_eq!(issue["location"]["path"], "roadmap/feuille.yaml");
    assert_eq!(issue["location"]["lines"]["begin"], 31);
    assert_eq!(issue["fingerprint"].as_str().unwrap().len(), 16);
}

#[test]
fn init_scaffolds_a_valid_roadmap_and_refuses_to_overwrite() {
    let tmp = tempfile::tempdir().unwrap();
    let o = fdr(
        tmp.path(),
        &[
            "init",
            "fdr-13",
            "--territoire",
            "Bouches-du-Rhône",
            "--code",
            "13",
        ],
    );
    assert_eq!(o.code, 0, "{}", o.stderr);
    let dir = tmp.path().join("fdr-13");
    for f in [
        "feuille-de-route.yaml",
        ".gitignore",
        ".github/workflows/feuille-de-route.yml",
        ".gitlab-ci.yml",
        "schemas/fragment.schema.json",
    ] {
        assert!(dir.join(f).is_file(), "{f} manquant");
    }
    let o = fdr(tmp.path(), &["check", "fdr-13", "--deny-warnings"]);
    assert_eq!(o.code, 0, "{}", o.stderr);
    // The CI files are YAML and name real fdr commands.
    for f in [".github/workflows/feuille-de-route.yml", ".gitlab-ci.yml"] {
        let text = std::fs::read_to_string(dir.join(f)).unwrap();
        let v: serde_json::Value =
            serde_saphyr::from_str(&text).unwrap_or_else(|e| panic!("{f} : {e}"));
        assert!(v.is_object());
        for cmd in ["fdr check .", "fdr diff", "fdr build . -o public"] {
            assert!(text.contains(cmd), "{f} ne contient pas « {cmd} »");
        }
    }
    let again = fdr(tmp.path(), &["init", "fdr-13"]);
    assert_eq!(again.code, 2);
    assert_reports(&again, "n'écrase rien");
}

#[test]
fn diff_between_two_commits_is_pinned() {
    let tmp = tempfile::tempdir().unwrap();
    let work = tmp.path();
    copy_dir(&repo().join("examples/bouches-du-rhone"), &work.join("fdr"));
    git(work, &["init", "-q", "-b", "main"]);
    git(work, &["add", "."]);
    git(work, &["commit", "-qm", "v1"]);
    // A changed amount, a moved date, a new action.
    let f = work.join("fdr/actions/1.3-pilotage-donnee.yaml");
    let text = std::fs::read_to_string(&f).unwrap();
    assert!(text.contains("montant: 1584"), "fixture drift: {f:?}");
    std::fs::write(&f, text.replace("montant: 1584", "montant: 4084")).unwrap();
    let f = work.join("fdr/actions/1.5-communication-ressources.yaml");
    let text = std::fs::read_to_string(&f).unwrap();
    assert!(text.contains("debut: 2025\n"), "fixture drift: {f:?}");
    std::fs::write(&f, text.replace("debut: 2025\n", "debut: \"2025-04\"\n")).unwrap();
    std::fs::write(
        work.join("fdr/actions/4.3-nouvelle-action.yaml"),
        "actions:\n  - id: nouvelle-action\n    axe: competences\n    titre: Former les agents d'accueil des France Services\n    statut: a_venir\n    referents: [{ acteur: hub-du-sud }]\n",
    )
    .unwrap();
    git(work, &["add", "."]);
    git(work, &["commit", "-qm", "v2"]);
    let o = fdr(work, &["diff", "HEAD~1", "HEAD", "--chemin", "fdr"]);
    assert_eq!(o.code, 0, "{}", o.stderr);
    let md = o.stdout;
    let folded = plain(&md);
    assert!(folded.contains("71 433 € → 73 933 € (+2 500 €)"), "{md}");
    assert!(folded.contains("➕ **ajoutée** : action 4.3"), "{md}");
    insta::assert_snapshot!("diff_head1_head", md);
    // Nothing changed: one line.
    let same = fdr(work, &["diff", "HEAD", "HEAD", "--chemin", "fdr"]);
    assert_eq!(same.stdout, "Aucune modification entre HEAD et HEAD.\n");
}

#[test]
fn csv_export_for_spreadsheets() {
    let o = fdr(
        &repo(),
        &["export", "--format", "csv", "examples/bouches-du-rhone"],
    );
    assert_eq!(o.code, 0);
    let text = o.stdout;
    assert!(text.starts_with('\u{feff}'), "BOM for spreadsheets");
    let lines: Vec<&str> = text.trim_end().split("\r\n").collect();
    assert_eq!(lines.len(), 11, "header + 10 lines");
    let col = lines[0]
        .split(';')
        .position(|h| h == "Montant (€)")
        .expect("amount column");
    let total: i64 = lines[1..]
        .iter()
        .map(|l| l.split(';').nth(col).unwrap().parse::<i64>().unwrap())
        .sum();
    assert_eq!(total, 71_433);
    let o = fdr(
        &repo(),
        &[
            "export",
            "--format",
            "csv",
            "--table",
            "actions",
            "examples/bouches-du-rhone",
        ],
    );
    assert_eq!(o.stdout.trim_end().split("\r\n").count(), 11);
}

/// A child process killed when the test ends, even when it fails: a
/// leftover `fdr serve` would keep the test runner's output open.
struct Kill(std::process::Child);

impl Drop for Kill {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// Poll `f` until it holds or `limit` passes; no fixed sleeps.
fn wait_until(limit: std::time::Duration, mut f: impl FnMut() -> bool) -> bool {
    let start = std::time::Instant::now();
    while start.elapsed() < limit {
        if f() {
            return true;
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    f()
}

#[test]
fn watch_rebuilds_after_an_edit_and_keeps_outputs_on_errors() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("fdr");
    copy_dir(&repo().join("examples/minimal"), &dir);
    let out = tmp.path().join("sortie");
    let child = Kill(
        Command::new(env!("CARGO_BIN_EXE_fdr"))
            .args(["--quiet", "watch"])
            .arg(&dir)
            .arg("-o")
            .arg(&out)
            .args(["--format", "md"])
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap(),
    );
    let md = out.join("feuille-de-route.md");
    let limit = std::time::Duration::from_secs(30);
    let first = wait_until(limit, || md.is_file());
    let yaml = dir.join("feuille-de-route.yaml");
    let text = std::fs::read_to_string(&yaml).unwrap();
    let title = text
        .lines()
        .find(|l| l.trim_start().starts_with("titre:"))
        .unwrap()
        .to_string();
    // Edit repeatedly until the watcher picks it up (the first write may
    // land before the watch is registered).
    let edited = first
        && wait_until(limit, || {
            std::fs::write(
                &yaml,
                text.replacen(&title, "  titre: Titre modifié en direct", 1),
            )
            .unwrap();
            wait_until(std::time::Duration::from_secs(2), || {
                std::fs::read_to_string(&md).is_ok_and(|m| m.contains("Titre modifié en direct"))
            })
        });
    // A broken edit keeps the last good output.
    std::fs::write(&yaml, "feuille_de_route: [\n").unwrap();
    std::thread::sleep(std::time::Duration::from_millis(800));
    let kept = std::fs::read_to_string(&md).is_ok_and(|m| m.contains("Titre modifié en direct"));
    drop(child);
    assert!(first, "first build not written");
    assert!(edited, "edit not rebuilt");
    assert!(kept, "last good output lost after a broken edit");
}

fn http_get(port: u16, path: &str) -> Option<String> {
    use std::io::{Read, Write};
    let mut s = std::net::TcpStream::connect(("127.0.0.1", port)).ok()?;
    s.set_read_timeout(Some(std::time::Duration::from_secs(5)))
        .ok()?;
    write!(
        s,
        "GET {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nConnection: close\r\n\r\n"
    )
    .ok()?;
    let mut body = String::new();
    s.read_to_string(&mut body).ok()?;
    Some(body)
}

#[test]
fn serve_answers_on_loopback_and_reloads_after_an_edit() {
    use std::io::{BufRead, BufReader};
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("fdr");
    copy_dir(&repo().join("examples/minimal"), &dir);
    let mut child = Kill(
        Command::new(env!("CARGO_BIN_EXE_fdr"))
            .args(["--quiet", "serve", "--port", "0"])
            .arg(&dir)
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap(),
    );
    // The port is announced on stderr: « http://127.0.0.1:PORT/ ».
    let stderr = child.0.stderr.take().unwrap();
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stderr).lines().map_while(Result::ok) {
            if let Some(rest) = line.split("http://127.0.0.1:").nth(1) {
                let _ = tx.send(
                    rest.trim_end_matches(|c: char| !c.is_ascii_digit())
                        .parse::<u16>()
                        .ok(),
                );
            }
        }
    });
    let port = rx
        .recv_timeout(std::time::Duration::from_secs(30))
        .ok()
        .flatten();
    let limit = std::time::Duration::from_secs(30);
    let mut page = None;
    let mut reloaded = false;
    if let Some(port) = port {
        page = http_get(port, "/");
        let before = http_get(port, "/__generation").unwrap_or_default();
        let yaml = dir.join("feuille-de-route.yaml");
        let text = std::fs::read_to_string(&yaml).unwrap();
        reloaded = wait_until(limit, || {
            std::fs::write(&yaml, text.replacen("titre:", "titre: Servi —", 1)).unwrap();
            wait_until(std::time::Duration::from_secs(2), || {
                http_get(port, "/__generation")
                    .is_some_and(|g| g.split("\r\n\r\n").nth(1) != before.split("\r\n\r\n").nth(1))
            })
        });
        assert!(http_get(port, "/../../etc/passwd").is_some_and(|r| r.starts_with("HTTP/1.1 404")));
        if reloaded {
            page = http_get(port, "/");
        }
    }
    drop(child);
    assert!(port.is_some(), "no port announced");
    let page = page.unwrap_or_default();
    assert!(page.starts_with("HTTP/1.1 200 OK"), "{page}");
    assert!(page.contains("/__generation"), "reload script missing");
    assert!(reloaded, "no new generation after an edit");
    assert!(page.contains("Servi —"), "page not rebuilt");
}
