//! Robustness corpus: roadmaps nobody tuned the templates for — twelve
//! référents on every action, 300-character titles and structure names,
//! an axe of 40 actions, unbreakable words and URLs, one action and no
//! optional part — built in every format. Each PDF is read back with
//! `pdftotext -bbox`: no word outside the page's printable area (8 mm from
//! each edge), no two words drawn over each other. Each Markdown and HTML
//! holds every action title. (The browser checks of the HTML, 375 px and
//! axe-core, run on `tests/a11y/` in `.ci/run`.)
#![cfg(feature = "pdf")]

mod common;

use common::*;
use std::fmt::Write as _;
use std::path::Path;
use std::process::Command;

/// A word of the PDF: page, box in points, text.
#[derive(Debug)]
struct Word {
    page: usize,
    x0: f64,
    y0: f64,
    x1: f64,
    y1: f64,
    text: String,
}

fn attr(tag: &str, name: &str) -> f64 {
    let key = format!("{name}=\"");
    tag.split(&key)
        .nth(1)
        .and_then(|r| r.split('"').next())
        .and_then(|v| v.parse().ok())
        .unwrap_or_else(|| panic!("{name} absent de {tag}"))
}

/// Pages (width, height) and words of a PDF, from `pdftotext -bbox`.
fn words(pdf: &Path) -> (Vec<(f64, f64)>, Vec<Word>) {
    let o = Command::new("pdftotext")
        .args(["-bbox", "-enc", "UTF-8"])
        .arg(pdf)
        .arg("-")
        .output()
        .expect("pdftotext (poppler-utils) est nécessaire : apt-get install poppler-utils");
    assert!(o.status.success());
    let html = String::from_utf8_lossy(&o.stdout).into_owned();
    let mut pages = Vec::new();
    let mut out = Vec::new();
    for line in html.lines().map(str::trim) {
        if line.starts_with("<page ") {
            pages.push((attr(line, "width"), attr(line, "height")));
        } else if line.starts_with("<word ") {
            let text = line
                .split('>')
                .nth(1)
                .and_then(|r| r.split('<').next())
                .unwrap_or_default()
                .to_string();
            out.push(Word {
                page: pages.len(),
                x0: attr(line, "xMin"),
                y0: attr(line, "yMin"),
                x1: attr(line, "xMax"),
                y1: attr(line, "yMax"),
                text,
            });
        }
    }
    (pages, out)
}

fn layout_faults(pdf: &Path) -> Vec<String> {
    let (pages, words) = words(pdf);
    faults(&pages, &words)
}

/// Layout faults, described for the failure message.
fn faults(pages: &[(f64, f64)], words: &[Word]) -> Vec<String> {
    const EDGE: f64 = 8.0 / 25.4 * 72.0;
    let mut faults = Vec::new();
    for w in words {
        let (width, height) = pages[w.page - 1];
        if w.x0 < EDGE || w.y0 < EDGE || w.x1 > width - EDGE || w.y1 > height - EDGE {
            faults.push(format!(
                "page {} : « {} » hors de la zone imprimable ({:.0}, {:.0})–({:.0}, {:.0})",
                w.page, w.text, w.x0, w.y0, w.x1, w.y1
            ));
        }
    }
    // Overlaps, page by page, words sorted by their top.
    for page in 1..=pages.len() {
        let mut on: Vec<&Word> = words.iter().filter(|w| w.page == page).collect();
        on.sort_by(|a, b| a.y0.total_cmp(&b.y0));
        for (i, a) in on.iter().enumerate() {
            for b in on[i + 1..].iter().take_while(|b| b.y0 < a.y1) {
                let dx = a.x1.min(b.x1) - a.x0.max(b.x0);
                let dy = a.y1.min(b.y1) - a.y0.max(b.y0);
                let smaller = ((a.x1 - a.x0) * (a.y1 - a.y0)).min((b.x1 - b.x0) * (b.y1 - b.y0));
                if dx > 0.5 && dy > 0.5 && dx * dy > 0.3 * smaller {
                    faults.push(format!(
                        "page {page} : « {} » et « {} » se chevauchent",
                        a.text, b.text
                    ));
                }
            }
        }
    }
    faults
}

const HEAD: &str = "feuille_de_route:
  titre: Feuille de route de robustesse
  territoire: { nom: Département de test, perimetre: departemental }
  periode: { debut: 2024, fin: 2027 }
  date: 2025-03
  co_porteurs: [s0]
annexes:
  - { id: acteurs, titre: Les structures, contenu: acteurs }
  - { id: financement, titre: Financement, contenu: financement }
  - { id: chronogramme, titre: Chronogramme, contenu: chronogramme }
";

/// A roadmap of `axes` axes of `per_axe` actions, `refs` référents each,
/// names and titles of `len` characters, a financing line and a task per
/// action.
fn roadmap(dir: &Path, axes: usize, per_axe: usize, refs: usize, len: usize) -> Vec<String> {
    let long = |prefix: &str, i: usize| {
        let mut s = format!("{prefix} {i} ");
        while s.chars().count() < len {
            s.push_str("inclusion numérique des habitants ");
        }
        s.chars()
            .take(len)
            .collect::<String>()
            .trim_end()
            .to_string()
    };
    let mut y = String::from(HEAD);
    y.push_str("acteurs:\n");
    for s in 0..refs.max(1) {
        let cat = if s % 2 == 0 {
            "collectivite"
        } else {
            "association"
        };
        let _ = writeln!(
            y,
            "  - {{ id: s{s}, nom: \"{}\", categorie: {cat} }}",
            long("Structure", s)
        );
    }
    y.push_str("axes:\n");
    for a in 0..axes {
        let _ = writeln!(y, "  - {{ id: axe-{a}, titre: \"{}\" }}", long("Axe", a));
    }
    let mut titles = Vec::new();
    let (mut actions, mut lignes, mut taches) = (String::new(), String::new(), String::new());
    for a in 0..axes {
        for n in 0..per_axe {
            let id = format!("a-{a}-{n}");
            let title = long("Action", a * per_axe + n);
            let referents: Vec<String> = (0..refs).map(|s| format!("{{ acteur: s{s} }}")).collect();
            let _ = writeln!(
                actions,
                "  - id: {id}\n    axe: axe-{a}\n    titre: \"{title}\"\n    statut: en_cours\n    description: \"Voir https://example.org/{}\"\n    referents: [{}]",
                "a".repeat(len.min(120)),
                referents.join(", ")
            );
            let _ = writeln!(
                lignes,
                "    - {{ action: {id}, montant: {}, financeur: s0, recipiendaire: s{} }}",
                1000 + 37 * (a * per_axe + n),
                (a * per_axe + n) % refs.max(1)
            );
            let _ = writeln!(
                taches,
                "    - {{ action: {id}, libelle: \"{}\", debut: \"2025-01\", fin: \"2026-06\" }}",
                long("Tâche", n)
            );
            titles.push(title);
        }
    }
    let _ = write!(
        y,
        "actions:\n{actions}financements:\n  lignes:\n{lignes}calendrier:\n  taches:\n{taches}"
    );
    std::fs::write(dir.join("feuille.yaml"), y).unwrap();
    titles
}

fn check_variant(name: &str, axes: usize, per_axe: usize, refs: usize, len: usize) {
    let src = tempfile::tempdir().unwrap();
    let titles = roadmap(src.path(), axes, per_axe, refs, len);
    let (out, run) = build_into_temp(src.path(), "md,html,pdf");
    assert_eq!(run.code, 0, "{name} : {}", run.stderr);
    let faults = layout_faults(&out.path().join("feuille-de-route.pdf"));
    assert!(
        faults.is_empty(),
        "{name} : {} défaut(s) de mise en page\n{}",
        faults.len(),
        faults[..faults.len().min(20)].join("\n")
    );
    let md = std::fs::read_to_string(out.path().join("feuille-de-route.md")).unwrap();
    let html = std::fs::read_to_string(out.path().join("feuille-de-route.html")).unwrap();
    for t in &titles {
        assert!(
            md.contains(t.as_str()),
            "{name} : titre absent du Markdown : {t}"
        );
        assert!(
            html.contains(t.as_str()),
            "{name} : titre absent du HTML : {t}"
        );
    }
}

#[test]
fn twelve_referents_on_every_action() {
    check_variant("12 référents", 2, 4, 12, 40);
}

#[test]
fn titles_and_names_of_300_characters() {
    check_variant("titres de 300 caractères", 2, 3, 3, 300);
}

#[test]
fn an_axe_of_40_actions() {
    check_variant("axe de 40 actions", 1, 40, 2, 60);
}

#[test]
fn one_action_and_no_optional_part() {
    check_variant("une action", 1, 1, 1, 20);
}

#[test]
fn the_examples_and_the_money_fixture_lay_out_cleanly() {
    for dir in [
        repo().join("examples/bouches-du-rhone"),
        repo().join("examples/maine-et-loire"),
        repo().join("examples/lot-et-garonne"),
        fixtures_dir().join("argent-valide"),
    ] {
        let (out, run) = build_into_temp(&dir, "pdf");
        assert_eq!(run.code, 0, "{}", run.stderr);
        let faults = layout_faults(&out.path().join("feuille-de-route.pdf"));
        assert!(
            faults.is_empty(),
            "{} : {} défaut(s)\n{}",
            dir.display(),
            faults.len(),
            faults[..faults.len().min(20)].join("\n")
        );
    }
}

/// The checker sees each kind of fault where there is one, and none on a
/// clean page.
#[test]
fn the_layout_check_can_fail() {
    let w = |x0, y0, x1, y1, t: &str| Word {
        page: 1,
        x0,
        y0,
        x1,
        y1,
        text: t.into(),
    };
    let page = [(595.0, 842.0)];
    let clean = [
        w(100.0, 100.0, 140.0, 110.0, "a"),
        w(150.0, 100.0, 190.0, 110.0, "b"),
    ];
    assert!(faults(&page, &clean).is_empty());
    let over = [
        w(100.0, 100.0, 140.0, 110.0, "a"),
        w(110.0, 102.0, 150.0, 112.0, "b"),
    ];
    assert_eq!(
        faults(&page, &over),
        ["page 1 : « a » et « b » se chevauchent"]
    );
    let below = [w(100.0, 830.0, 140.0, 841.0, "Total")];
    assert_eq!(faults(&page, &below).len(), 1);
}
