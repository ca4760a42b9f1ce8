//! `fdr diff` between git revisions of real repositories, and the CI files
//! `fdr init` writes, run as GitHub would run them.
//!
//! Every repository is made by `fdr init` in a temporary folder, with git
//! isolated from the machine's configuration (`GIT_CONFIG_NOSYSTEM`, a
//! temporary `HOME`).

mod common;

use common::*;
use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::rc::Rc;
use tempfile::TempDir;

/// A repository whose roadmap is `root/sub` (or `root` itself).
struct Repo {
    tmp: Rc<TempDir>,
    root: PathBuf,
    roadmap: PathBuf,
}

impl Repo {
    fn home(&self) -> PathBuf {
        self.tmp.path().join("home")
    }

    fn env(&self) -> Vec<(String, String)> {
        vec![
            ("GIT_CONFIG_NOSYSTEM".into(), "1".into()),
            ("HOME".into(), self.home().to_string_lossy().into_owned()),
        ]
    }

    fn git(&self, args: &[&str]) -> String {
        git_in(&self.root, &self.home(), args)
    }

    /// `fdr ARGS` from the roadmap folder.
    fn fdr(&self, args: &[&str]) -> Outcome {
        self.fdr_in(&self.roadmap, args)
    }

    fn fdr_in(&self, cwd: &Path, args: &[&str]) -> Outcome {
        let env = self.env();
        let env: Vec<(&str, &str)> = env.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
        run(cwd, args, &env, TIMEOUT)
    }

    /// Replace `from` (which must be there) by `to` in a roadmap file.
    fn edit(&self, file: &str, from: &str, to: &str) {
        let path = self.roadmap.join(file);
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(text.contains(from), "{file} ne contient pas « {from} »");
        std::fs::write(&path, text.replacen(from, to, 1)).unwrap();
    }

    /// A `git clone` of this repository (its `origin`), as a partner has.
    fn clone_as(&self, name: &str) -> Repo {
        let root = self.tmp.path().join(name);
        git_in(
            self.tmp.path(),
            &self.home(),
            &["clone", "-q", self.root.to_str().unwrap(), name],
        );
        let sub = self.roadmap.strip_prefix(&self.root).unwrap();
        Repo {
            tmp: Rc::clone(&self.tmp),
            roadmap: root.join(sub),
            root,
        }
    }

    fn commit(&self, message: &str) {
        self.git(&["add", "-A"]);
        self.git(&["commit", "-qm", message]);
    }

    /// `fdr diff ARGS [--chemin SUB]` from the repository root.
    fn diff_outcome(&self, args: &[&str]) -> Outcome {
        let mut all = vec!["diff"];
        all.extend_from_slice(args);
        let sub = self.roadmap.strip_prefix(&self.root).unwrap();
        let sub = sub.to_str().unwrap();
        if !sub.is_empty() {
            all.extend(["--chemin", sub]);
        }
        self.fdr_in(&self.root, &all)
    }

    /// `fdr diff ARGS`, which must succeed: its output.
    fn diff(&self, args: &[&str]) -> String {
        let o = self.diff_outcome(args);
        assert_eq!(o.code, 0, "fdr diff {args:?}:\n{}", o.stderr);
        o.stdout
    }
}

fn git_in(cwd: &Path, home: &Path, args: &[&str]) -> String {
    common::git(cwd, Some(home), args)
}

/// `fdr init` into `root/sub` (`sub` empty: the root), `git init`, first commit.
fn repo(sub: &str) -> Repo {
    let tmp = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(tmp.path().join("home")).unwrap();
    let root = tmp.path().join("depot");
    let roadmap = if sub.is_empty() {
        root.clone()
    } else {
        root.join(sub)
    };
    let r = Repo {
        tmp: Rc::new(tmp),
        root,
        roadmap,
    };
    let o = r.fdr_in(r.tmp.path(), &["init", r.roadmap.to_str().unwrap()]);
    assert_eq!(o.code, 0, "{}", o.stderr);
    r.git(&["init", "-q", "-b", "main"]);
    r.commit("init");
    r
}

/// The JSON diff between two revisions.
fn diff_json(r: &Repo, old: &str, new: &str) -> Value {
    serde_json::from_str(&r.diff(&[old, new, "--format", "json"])).unwrap()
}

const ACTION: &str = "actions/1.1-premiere-action.yaml";

#[test]
fn diff_works_at_the_root_and_from_a_subdirectory() {
    let r = repo("");
    assert_eq!(
        r.diff(&["main", "HEAD"]),
        "Aucune modification entre main et HEAD.\n"
    );
    r.edit(ACTION, "montant: 5000", "montant: 7500");
    r.commit("plus");
    let md = plain(&r.diff(&["main~1", "main"]));
    assert!(md.contains("5 000 € → 7 500 € (+2 500 €)"), "{md}");
    // From `actions/`, the roadmap is the parent folder.
    let o = r.fdr_in(
        &r.roadmap.join("actions"),
        &["diff", "HEAD~1", "HEAD", "--chemin", ".."],
    );
    assert_eq!(o.code, 0, "{}", o.stderr);
    assert!(plain(&o.stdout).contains("(+2 500 €)"), "{}", o.stdout);
    // The roadmap in a subfolder, diffed from the repository root.
    let s = repo("fdr");
    s.edit(ACTION, "montant: 5000", "montant: 4000");
    s.commit("moins");
    let o = s.fdr_in(&s.root, &["diff", "HEAD~1", "HEAD", "--chemin", "fdr"]);
    assert_eq!(o.code, 0, "{}", o.stderr);
    assert!(plain(&o.stdout).contains("(-1 000 €)"), "{}", o.stdout);
    // From the roadmap subfolder, a revision against the work tree.
    s.edit(ACTION, "montant: 4000", "montant: 4500");
    let o = s.fdr(&["diff", "HEAD"]);
    assert_eq!(o.code, 0, "{}", o.stderr);
    assert!(
        plain(&o.stdout).contains("4 000 € → 4 500 € (+500 €)"),
        "{}",
        o.stdout
    );
}

#[test]
fn option_like_and_unknown_revisions_are_refused() {
    let r = repo("");
    for rev in ["--output=pwned", "-p", "pas-une-branche"] {
        let o = r.fdr(&["diff", "--", rev, "HEAD"]);
        assert_eq!(o.code, 2, "{rev}: {}", o.stderr);
        assert_reports(&o, "n'est ni un dossier ni une révision git");
    }
    assert!(!r.roadmap.join("pwned").exists());
    let o = r.fdr(&["diff", "HEAD", "HEAD", "--chemin", "absent"]);
    assert_eq!(o.code, 2, "{}", o.stderr);
    assert_reports(&o, "ne contient pas le dossier « absent »");
}

/// HEAD~2 and HEAD^2 are different commits: a merge whose second parent
/// changed an amount.
#[test]
fn head_tilde_2_and_head_caret_2_do_not_collide() {
    let r = repo("fdr");
    r.git(&["checkout", "-q", "-b", "partenaire"]);
    r.edit(ACTION, "montant: 5000", "montant: 6000");
    r.commit("partenaire");
    r.git(&["checkout", "-q", "main"]);
    r.edit(ACTION, "statut: a_venir", "statut: en_cours");
    r.commit("main");
    r.git(&["merge", "-q", "--no-ff", "-m", "fusion", "partenaire"]);
    let o = r.fdr_in(&r.root, &["diff", "HEAD~2", "HEAD^2", "--chemin", "fdr"]);
    assert_eq!(o.code, 0, "{}", o.stderr);
    let md = plain(&o.stdout);
    assert!(md.contains("5 000 € → 6 000 € (+1 000 €)"), "{md}");
    assert!(!md.contains("Aucune modification"), "{md}");
}

#[test]
fn a_renamed_action_is_one_change() {
    let r = repo("fdr");
    r.edit(
        ACTION,
        "titre: Réunir le réseau des acteurs de l'inclusion numérique",
        "titre: Animer le réseau départemental",
    );
    r.edit(ACTION, "montant: 5000", "montant: 6000");
    r.commit("renommée");
    let d = diff_json(&r, "HEAD~1", "HEAD");
    let rows = d["par_action"].as_array().unwrap();
    assert_eq!(rows.len(), 1, "{d:#}");
    assert_eq!(rows[0]["action"]["id"], "premiere-action");
    assert_eq!(rows[0]["ecart"], 100_000);
    assert_eq!(d["actions_modifiees"].as_array().unwrap().len(), 1);
    let md = r.diff(&["HEAD~1", "HEAD"]);
    let table = md.split("#### Financement par action").nth(1).unwrap();
    let table = table.split("####").next().unwrap();
    assert_eq!(table.matches("| action 1.1").count(), 1, "{md}");
    assert!(md.contains("renommée « Réunir le réseau"), "{md}");
}

/// A second action file, numbered `numero`, with a 1 000 € line.
fn action_file(id: &str, numero: &str) -> String {
    format!(
        "actions:\n  - id: {id}\n    axe: reseau\n    numero: \"{numero}\"\n    titre: Action {numero}\n    statut: a_venir\n    referents:\n      - acteur: hub\nfinancements:\n  lignes:\n    - action: {id}\n      montant: 1000\n      recipiendaire: hub\n      annee: 2025\n      enveloppe: fne\n      nature: subvention\n      statut: prevu\n"
    )
}

#[test]
fn action_numbers_sort_numerically() {
    let r = repo("fdr");
    // 1.2 to 1.10: numbers have no gap.
    for k in 2..=10 {
        let n = format!("1.{k}");
        let file = r.roadmap.join(format!("actions/{n}.yaml"));
        std::fs::write(file, action_file(&format!("action-{k}"), &n)).unwrap();
    }
    r.commit("neuf actions");
    for n in ["1.10", "1.2"] {
        r.edit(
            &format!("actions/{n}.yaml"),
            "statut: a_venir",
            "statut: en_cours",
        );
        r.edit(
            &format!("actions/{n}.yaml"),
            "montant: 1000",
            "montant: 2000",
        );
    }
    r.commit("en cours");
    let d = diff_json(&r, "HEAD~1", "HEAD");
    let numbers = |key: &str, at: &str| -> Vec<String> {
        d[key]
            .as_array()
            .unwrap()
            .iter()
            .map(|x| x[at]["numero"].as_str().unwrap().to_string())
            .collect()
    };
    assert_eq!(numbers("actions_modifiees", "action"), ["1.2", "1.10"]);
    assert_eq!(numbers("par_action", "action"), ["1.2", "1.10"]);
    assert_eq!(numbers("lignes", "action"), ["1.2", "1.10"]);
    let md = r.diff(&["HEAD~1", "HEAD"]);
    let (a, b) = (
        md.find("action 1.2 ").unwrap(),
        md.find("action 1.10 ").unwrap(),
    );
    assert!(a < b, "{md}");
}

#[test]
fn a_small_negative_delta_keeps_its_sign() {
    let r = repo("fdr");
    r.edit(ACTION, "montant: 5000", "montant: 4999.50");
    r.commit("moins 50 centimes");
    let md = plain(&r.diff(&["HEAD~1", "HEAD"]));
    assert!(md.contains("5 000 € → 4 999,50 € (-0,50 €)"), "{md}");
    assert!(md.contains("| **-0,50 €** |"), "{md}");
    assert_eq!(diff_json(&r, "HEAD~1", "HEAD")["total"]["ecart"], -50);
}

fn diff_schema() -> jsonschema::Validator {
    let text = std::fs::read_to_string(repo_dir().join("schemas/diff.schema.json")).unwrap();
    let schema: Value = serde_json::from_str(&text).unwrap();
    jsonschema::validator_for(&schema).unwrap()
}

fn repo_dir() -> PathBuf {
    common::repo()
}

#[test]
fn json_prints_codes_and_ids_and_follows_its_schema() {
    let r = repo("fdr");
    r.edit(ACTION, "statut: a_venir", "statut: en_cours");
    r.edit(ACTION, "debut: \"2025-01\"", "debut: \"2025-T2\"");
    r.edit(
        ACTION,
        "partenaires: [prefecture, departement]",
        "partenaires: [prefecture, anct]",
    );
    r.edit(ACTION, "montant: 5000", "montant: 25000");
    r.commit("codes");
    let d = diff_json(&r, "HEAD~1", "HEAD");
    let c = &d["actions_modifiees"][0];
    assert_eq!(
        c["statut"],
        serde_json::json!({"avant": "a_venir", "apres": "en_cours"})
    );
    assert_eq!(
        c["debut"],
        serde_json::json!({"avant": "2025-01", "apres": "2025-T2"})
    );
    assert_eq!(c["partenaires_ajoutes"], serde_json::json!(["anct"]));
    assert_eq!(c["partenaires_retires"], serde_json::json!(["departement"]));
    let line = &d["lignes"][0];
    assert_eq!(line["financeur"], "anct");
    assert_eq!(line["recipiendaire"], "hub");
    assert_eq!(line["action"]["id"], "premiere-action");
    assert_eq!(d["enveloppes_depassees"][0]["id"], "fne");
    // Names of the cited acteurs only: prefecture is cited by no change.
    let names = d["acteurs"].as_object().unwrap();
    let cited: Vec<&str> = names.keys().map(String::as_str).collect();
    assert_eq!(cited, ["anct", "departement", "hub"]);
    let validator = diff_schema();
    let errors: Vec<String> = validator.iter_errors(&d).map(|e| e.to_string()).collect();
    assert!(errors.is_empty(), "{errors:#?}\n{d:#}");
    // The schema is not a blank cheque: a label where a code belongs fails.
    let mut wrong = d.clone();
    wrong["actions_modifiees"][0]["statut"]["apres"] = "En cours".into();
    assert!(!validator.is_valid(&wrong));
    // The Markdown still speaks French.
    let md = plain(&r.diff(&["HEAD~1", "HEAD"]));
    assert!(md.contains("statut : À venir → En cours"), "{md}");
    assert!(
        md.contains("début : janvier 2025 → 2e trimestre 2025"),
        "{md}"
    );
}

/// The summary as GitHub would show it (GFM with autolinks, raw HTML kept).
fn to_html(md: &str) -> String {
    let mut o = comrak::Options::default();
    o.extension.table = true;
    o.extension.autolink = true;
    o.extension.strikethrough = true;
    o.render.r#unsafe = true;
    comrak::markdown_to_html(md, &o)
}

#[test]
fn titles_cannot_inject_markdown_into_the_summary() {
    let r = repo("fdr");
    let evil = "Titre\\n\\n### ✅ Tout est validé\\n\\n| a | b |\\n|---|---|\\n<img src=x onerror=alert(1)> [clic](https://evil.example) `code` *gras* www.evil.example a@evil.example ~~barré~~ &amp; ![i](https://evil.example/i.png) https://evil.example/nu &#60;b&#62;gras&#60;/b&#62; $x^2$ :warning:";
    r.edit(
        ACTION,
        "titre: Réunir le réseau des acteurs de l'inclusion numérique",
        &format!("titre: \"{evil}\""),
    );
    r.edit(ACTION, "montant: 5000", "montant: 6000");
    r.commit("titre piégé");
    let md = r.diff(&["HEAD~1", "HEAD"]);
    let html = to_html(&md);
    // Our own headings only: one h3 and h4s (actions, par ligne, action, axe, année, financeur).
    assert_eq!(html.matches("<h3").count(), 1, "{html}");
    assert!(!html.contains("Tout est validé</h"), "{html}");
    assert_eq!(html.matches("<table").count(), 5, "{html}");
    for bad in ["<img", "<a ", "<code", "<em", "<strong>gras", "<del", "<b>"] {
        assert!(!html.contains(bad), "« {bad} » dans :\n{html}");
    }
    for line in md.lines() {
        assert!(
            !line.starts_with("### ✅") && !line.starts_with("| a |"),
            "{md}"
        );
    }
}

/// Write `bytes` as a file name (not UTF-8) inside `dir`.
#[cfg(unix)]
fn write_raw_name(dir: &Path, name: &[u8], text: &str) {
    use std::os::unix::ffi::OsStrExt;
    std::fs::write(dir.join(std::ffi::OsStr::from_bytes(name)), text).unwrap();
}

#[cfg(unix)]
#[test]
fn a_file_name_that_is_not_utf8_is_skipped_and_reported() {
    let r = repo("fdr");
    write_raw_name(&r.roadmap.join("textes"), b"notes-\xff.md", "bonjour\n");
    r.edit(ACTION, "montant: 5000", "montant: 6000");
    r.commit("nom brut");
    let o = r.diff_outcome(&["HEAD~1", "HEAD"]);
    assert_eq!(o.code, 0, "{}", o.stderr);
    assert!(plain(&o.stdout).contains("(+1 000 €)"), "{}", o.stdout);
    assert_reports(&o, "n'est pas en UTF-8 ignoré");
}

#[test]
fn an_oversized_file_in_a_revision_is_refused() {
    let r = repo("fdr");
    let big = format!("# {}\n", "x".repeat(9 * 1024 * 1024));
    std::fs::write(r.roadmap.join("textes/gros.md"), big).unwrap();
    r.commit("gros");
    let o = r.diff_outcome(&["HEAD~1", "HEAD"]);
    assert_eq!(o.code, 1, "{}", o.stderr);
    assert_reports(
        &o,
        "textes/gros.md : fichier trop volumineux (9 Mio, au plus 8 Mio)",
    );
}

fn yaml(path: &Path) -> Value {
    let text = std::fs::read_to_string(path).unwrap();
    serde_saphyr::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The generated workflow's steps that run fdr on a pull request: each
/// `run:` line with its `env:`, `${{ github.base_ref }}` replaced by `base`.
fn fdr_steps(workflow: &Value, base: &str) -> Vec<(String, Vec<(String, String)>)> {
    let steps = workflow["jobs"]["fdr"]["steps"].as_array().unwrap();
    steps
        .iter()
        .filter_map(|s| {
            let run = s["run"].as_str()?.replace("${{ github.base_ref }}", base);
            if !(run.starts_with("fdr check") || run.starts_with("fdr diff")) {
                return None;
            }
            let env = s["env"].as_object().map_or(Vec::new(), |m| {
                m.iter()
                    .map(|(k, v)| {
                        let v = v.as_str().unwrap().replace("${{ github.base_ref }}", base);
                        (k.clone(), v)
                    })
                    .collect()
            });
            assert!(!run.contains("${{"), "expression in run: {run}");
            Some((run, env))
        })
        .collect()
}

/// Run `command` as GitHub runs a `run:` step (bash -eo pipefail) in `cwd`,
/// with the built fdr first on PATH.
fn run_step(r: &Repo, cwd: &Path, command: &str, env: &[(String, String)], summary: &Path) {
    let bin = Path::new(env!("CARGO_BIN_EXE_fdr")).parent().unwrap();
    let path = format!(
        "{}:{}",
        bin.display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let o = Command::new("bash")
        .args(["--noprofile", "--norc", "-eo", "pipefail", "-c", command])
        .current_dir(cwd)
        .env("PATH", path)
        .env("GITHUB_STEP_SUMMARY", summary)
        .envs(r.env())
        .envs(env.iter().cloned())
        .output()
        .unwrap();
    assert!(
        o.status.success(),
        "`{command}` failed ({}):\n{}\n{}",
        o.status,
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    );
}

/// A partner's pull request (two commits: an amount, then a statut) checked
/// and summarised by the steps of the workflow `fdr init` wrote.
fn pull_request_through_the_workflow(sub: &str) {
    let upstream = repo(sub);
    let pr = upstream.clone_as("partenaire");
    pr.git(&["checkout", "-q", "-b", "plus-de-moyens"]);
    pr.edit(ACTION, "montant: 5000", "montant: 7500");
    pr.commit("plus de moyens");
    pr.edit(ACTION, "statut: a_venir", "statut: en_cours");
    pr.commit("action commencée");
    let workflow = yaml(&pr.roadmap.join(".github/workflows/feuille-de-route.yml"));
    let steps = fdr_steps(&workflow, "main");
    assert_eq!(steps.len(), 2, "{steps:?}");
    let summary = pr.tmp.path().join("summary.md");
    for (command, env) in &steps {
        run_step(&pr, &pr.roadmap, command, env, &summary);
    }
    let text = plain(&std::fs::read_to_string(&summary).unwrap());
    assert!(
        text.contains("**Financement total** : 5 000 € → 7 500 € (+2 500 €)"),
        "{text}"
    );
    assert!(text.contains("statut : À venir → En cours"), "{text}");
    // Nothing in the work tree changed.
    assert_eq!(pr.git(&["status", "--porcelain"]), "");
}

#[test]
fn the_generated_workflow_summarises_a_pull_request_at_the_root() {
    pull_request_through_the_workflow("");
}

#[test]
fn the_generated_workflow_summarises_a_pull_request_in_a_subfolder() {
    pull_request_through_the_workflow("feuille");
}

#[test]
fn the_generated_ci_files_cache_fdr_and_avoid_duplicate_pipelines() {
    let r = repo("");
    let version = env!("CARGO_PKG_VERSION");
    let gh = yaml(&r.roadmap.join(".github/workflows/feuille-de-route.yml"));
    assert_eq!(gh["env"]["FDR_VERSION"], version);
    let steps = gh["jobs"]["fdr"]["steps"].as_array().unwrap();
    let uses = |name: &str| {
        steps
            .iter()
            .find(|s| s["uses"].as_str().is_some_and(|u| u.starts_with(name)))
    };
    assert_eq!(uses("actions/checkout").unwrap()["with"]["fetch-depth"], 0);
    let cache = uses("actions/cache").unwrap();
    assert!(
        cache["with"]["path"]
            .as_str()
            .unwrap()
            .starts_with("~/.cargo/bin")
    );
    assert!(
        cache["with"]["key"]
            .as_str()
            .unwrap()
            .contains("env.FDR_VERSION")
    );
    let install = steps
        .iter()
        .find(|s| {
            s["run"]
                .as_str()
                .is_some_and(|r| r.starts_with("cargo install"))
        })
        .unwrap();
    assert!(
        install["if"]
            .as_str()
            .unwrap()
            .contains("cache-hit != 'true'")
    );

    let gl = yaml(&r.roadmap.join(".gitlab-ci.yml"));
    let top = gl.as_object().unwrap();
    for deprecated in [
        "image",
        "before_script",
        "cache",
        "services",
        "after_script",
    ] {
        assert!(
            !top.contains_key(deprecated),
            "{deprecated} au premier niveau"
        );
    }
    assert_eq!(gl["variables"]["FDR_VERSION"], version);
    let rules = serde_json::to_string(&gl["workflow"]["rules"]).unwrap();
    assert!(rules.contains("merge_request_event"), "{rules}");
    assert!(
        rules.contains("$CI_OPEN_MERGE_REQUESTS") && rules.contains("never"),
        "{rules}"
    );
    let default = &gl["default"];
    assert!(default["image"].is_string() && default["before_script"].is_array());
    assert!(
        default["cache"]["key"]
            .as_str()
            .unwrap()
            .contains("$FDR_VERSION")
    );
    for (name, job) in top {
        if ["workflow", "variables", "default", "stages"].contains(&name.as_str()) {
            continue;
        }
        assert!(job["script"].is_array(), "{name} sans script");
        assert!(
            ["test", "deploy"].contains(&job["stage"].as_str().unwrap()),
            "{name}"
        );
    }
}

/// Every hook a git command could run, and fsmonitor, write a canary: diff
/// runs none of them, leaves the work tree, the index and the refs alone, and
/// removes its temporary folders.
#[cfg(unix)]
#[test]
fn diff_runs_no_hook_and_leaves_the_repository_alone() {
    use std::os::unix::fs::PermissionsExt;
    let r = repo("fdr");
    r.edit(ACTION, "montant: 5000", "montant: 6000");
    r.commit("plus");
    let canary = r.tmp.path().join("canary");
    let script = format!("#!/bin/sh\necho \"$0\" >> '{}'\n", canary.display());
    let hooks = r.root.join(".git/hooks");
    for name in [
        "post-checkout",
        "post-index-change",
        "reference-transaction",
        "pre-commit",
        "post-merge",
        "fsmonitor",
    ] {
        let path = hooks.join(name);
        std::fs::write(&path, &script).unwrap();
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o755)).unwrap();
    }
    r.git(&[
        "config",
        "core.fsmonitor",
        hooks.join("fsmonitor").to_str().unwrap(),
    ]);
    let snapshot = || {
        let index = std::fs::read(r.root.join(".git/index")).unwrap();
        let refs = r.git(&["for-each-ref"]);
        let status = r.git(&["-c", "core.fsmonitor=false", "status", "--porcelain"]);
        (index, refs, status)
    };
    let before = snapshot();
    let _ = std::fs::remove_file(&canary);
    let tmpdir = r.tmp.path().join("tmpdir");
    std::fs::create_dir(&tmpdir).unwrap();
    let mut env = r.env();
    env.push(("TMPDIR".into(), tmpdir.to_string_lossy().into_owned()));
    let env: Vec<(&str, &str)> = env.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    let o = run(
        &r.root,
        &["diff", "HEAD~1", "HEAD", "--chemin", "fdr"],
        &env,
        TIMEOUT,
    );
    assert_eq!(o.code, 0, "{}", o.stderr);
    assert!(plain(&o.stdout).contains("(+1 000 €)"), "{}", o.stdout);
    assert!(
        !canary.exists(),
        "hook run: {}",
        std::fs::read_to_string(&canary).unwrap_or_default()
    );
    assert!(before == snapshot(), "the repository changed");
    let left: Vec<_> = std::fs::read_dir(&tmpdir).unwrap().collect();
    assert!(left.is_empty(), "temporary files left: {left:?}");
}

/// A line granted and stretched over two years: its status move, the new
/// year and the funder's delta.
#[test]
fn status_moves_years_and_funders_are_diffed() {
    let r = repo("fdr");
    r.edit(ACTION, "statut: prevu", "statut: accorde");
    r.edit(
        ACTION,
        "montant: 5000\n      recipiendaire: hub\n      annee: 2025",
        "par_an: { montant: 5000, de: 2025, a: 2026 }\n      recipiendaire: hub",
    );
    r.commit("accordé sur deux ans");
    let d = diff_json(&r, "HEAD~1", "HEAD");
    assert_eq!(d["statuts"][0]["avant"], "prevu");
    assert_eq!(d["statuts"][0]["apres"], "accorde");
    assert_eq!(d["statuts"][0]["financeur"], "anct");
    // 2025 is unchanged; 2026 goes from nothing to 5 000 €.
    assert_eq!(
        d["par_annee"],
        serde_json::json!([{"annee": 2026, "avant": 0, "apres": 500_000, "ecart": 500_000}])
    );
    assert_eq!(d["par_financeur"][0]["financeur"], "anct");
    assert_eq!(d["par_financeur"][0]["ecart"], 500_000);
    let errors: Vec<String> = diff_schema()
        .iter_errors(&d)
        .map(|e| e.to_string())
        .collect();
    assert!(errors.is_empty(), "{errors:#?}\n{d:#}");
    let md = plain(&r.diff(&["HEAD~1", "HEAD"]));
    assert!(md.contains("#### Financement par année"), "{md}");
    assert!(
        md.contains("| 2026 | 0 € | 5 000 € | **+5 000 €** |"),
        "{md}"
    );
    assert!(
        md.contains(
            "- action 1.1 — Agence nationale de la cohésion des territoires : prévu → accordé"
        ),
        "{md}"
    );
}
