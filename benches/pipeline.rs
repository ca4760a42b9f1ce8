//! Pipeline benchmark: `fdr check` and the Markdown + HTML build, on the
//! Bouches-du-Rhône example and on generated roadmaps of growing size.
//! Run with `cargo bench --bench pipeline`; prints medians and the ratio of
//! each size to the previous one (linear growth: ≈ 2× per doubling).
//!
//! Reference run in the same command: reading and parsing the YAML alone
//! (the floor any checker pays), so figures can be compared across machines.

use std::fmt::Write as _;
use std::path::Path;
use std::time::{Duration, Instant};

use fdr::render::{HtmlRenderer, MarkdownRenderer, RenderContext, Renderer};

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

/// One run of `f`, timed.
fn once(mut f: impl FnMut()) -> Duration {
    let t = Instant::now();
    f();
    t.elapsed()
}

/// Median of `runs` timed runs of `f`, after one warm-up run.
fn time<F: FnMut()>(runs: usize, mut f: F) -> Duration {
    f(); // warm-up
    median((0..runs).map(|_| once(&mut f)).collect())
}

/// Write a synthetic roadmap: `n` actions, `n / 20` axes, `5 n` financing
/// lines, `5 n / 2` acteurs, spread over files of 50 actions.
fn generate(dir: &Path, n: usize) {
    let axes = (n / 20).max(1);
    let acteurs = n * 5 / 2;
    let mut head = String::new();
    head.push_str("feuille_de_route:\n  titre: Feuille de route synthétique\n  territoire: { nom: Département test, code_departement: \"00\", perimetre: departemental }\n  periode: { debut: 2024, fin: 2027 }\n  date: \"2024-09\"\n  co_porteurs: [acteur-0, acteur-1]\n  introduction: |\n    Une feuille de route **générée** pour mesurer fdr. Voir [](#annexe:financement).\n");
    head.push_str("annexes:\n  - { id: acteurs, titre: Acteurs, contenu: acteurs }\n  - { id: chronogramme, titre: Chronogramme, contenu: chronogramme }\n  - { id: financement, titre: Financement, contenu: financement }\n");
    head.push_str("financements:\n  enveloppes:\n    - { id: env, libelle: Enveloppe, montant: 999999999, financeur: acteur-0, debut: 2024, fin: 2027 }\n");
    head.push_str("concertation:\n  participants: [");
    for a in 0..acteurs.min(200) {
        let _ = write!(head, "{}acteur-{a}", if a > 0 { ", " } else { "" });
    }
    head.push_str("]\n");
    std::fs::write(dir.join("feuille-de-route.yaml"), head).unwrap();
    let cats = [
        "etat",
        "collectivite",
        "epci",
        "association",
        "centre_social",
        "entreprise",
    ];
    let mut s = String::from("acteurs:\n");
    for a in 0..acteurs {
        let _ = writeln!(
            s,
            "  - {{ id: acteur-{a}, nom: Structure numéro {a}, categorie: {}, contact: {{ email: contact{a}@structure.example }} }}",
            cats[a % cats.len()]
        );
    }
    std::fs::write(dir.join("acteurs.yaml"), s).unwrap();
    let mut s = String::from("axes:\n");
    for x in 0..axes {
        let _ = writeln!(
            s,
            "  - id: axe-{x}\n    titre: Axe de travail numéro {x}\n    enjeux: Les enjeux de l'axe {x}, en *Markdown*."
        );
    }
    std::fs::write(dir.join("axes.yaml"), s).unwrap();
    std::fs::create_dir_all(dir.join("actions")).unwrap();
    for chunk in 0..n.div_ceil(50) {
        let mut s = String::from("actions:\n");
        let mut f = String::from("financements:\n  lignes:\n");
        let mut c = String::from("calendrier:\n  taches:\n");
        for i in chunk * 50..((chunk + 1) * 50).min(n) {
            let axe = i % axes;
            let _ = writeln!(
                s,
                "  - id: action-{i}\n    axe: axe-{axe}\n    titre: Action synthétique numéro {i}\n    statut: en_cours\n    description: |\n      Description de l'action {i} avec un [lien](https://example.org) et une liste :\n\n      - premier point\n      - second point\n    referents: [{{ acteur: acteur-{} }}]\n    partenaires: [acteur-{}, acteur-{}]\n    debut: \"2025-01\"\n    fin: \"2026-06\"",
                i % acteurs,
                (i + 1) % acteurs,
                (i + 2) % acteurs
            );
            for l in 0..5 {
                let _ = writeln!(
                    f,
                    "    - {{ action: action-{i}, montant: {}, financeur: acteur-{}, recipiendaire: acteur-{}, annee: 2025, enveloppe: env, nature: subvention, statut: accorde }}",
                    1000 + l * 250,
                    (i + l) % 7,
                    (i + l) % acteurs
                );
            }
            let _ = writeln!(
                c,
                "    - {{ action: action-{i}, libelle: Tâche de l'action {i}, debut: \"2025-0{}\", fin: \"2025-1{}\" }}",
                1 + i % 9,
                i % 3
            );
        }
        std::fs::write(
            dir.join(format!("actions/lot-{chunk:03}.yaml")),
            format!("{s}{f}{c}"),
        )
        .unwrap();
    }
}

fn parse_only(dir: &Path) {
    let mut d = fdr::diagnostic::Diagnostics::default();
    let set = fdr::load::load(dir, None, &mut d).unwrap();
    for (i, f) in set.files.iter().enumerate() {
        let mut v = Vec::new();
        let _ = fdr::parse::tree::parse_tree(i, &f.text, &mut v);
    }
}

/// The reference of the parse-once target: the same files read and parsed
/// once by serde-saphyr into a generic value, on as many threads as
/// `check` uses, and nothing else.
fn saphyr_only(dir: &Path) {
    let mut d = fdr::diagnostic::Diagnostics::default();
    let set = fdr::load::load(dir, None, &mut d).unwrap();
    let threads = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(8);
    std::thread::scope(|scope| {
        for k in 0..threads {
            let files = &set.files;
            scope.spawn(move || {
                for f in files.iter().skip(k).step_by(threads) {
                    let v: Result<serde_json::Value, _> = serde_saphyr::from_str(&f.text);
                    std::hint::black_box(v.is_ok());
                }
            });
        }
    });
}

fn check(dir: &Path) -> fdr::validate::Checked {
    let c = fdr::validate::check(dir, None).unwrap();
    assert!(
        c.model.is_some(),
        "the benchmark roadmap must be valid: {:?}",
        c.diags.items.first().map(|d| &d.message)
    );
    c
}

/// check → compute → view: the view model every renderer reads.
fn view_of(dir: &Path) -> fdr::render::view::View {
    let model = check(dir).model.unwrap();
    let computed = fdr::compute::compute(&model);
    fdr::render::view::build(&model, &computed)
}

fn build_md_html(dir: &Path) -> usize {
    let view = view_of(dir);
    let ctx = RenderContext {
        view: &view,
        root: dir,
    };
    MarkdownRenderer.render(&ctx).unwrap().len() + HtmlRenderer.render(&ctx).unwrap().len()
}

/// Typst alone on the sources `fdr build --emit-typst` writes: the same
/// template and JSON, compiled and exported with the same options.
#[cfg(feature = "pdf")]
fn typst_alone(typ: &str, json: &str) -> usize {
    use typst::foundations::{Bytes, Dict, IntoValue, Smart};
    use typst_pdf::{PdfOptions, PdfStandard, PdfStandards};
    let engine = typst_as_lib::TypstEngine::builder()
        .main_file(("feuille-de-route.typ", typ.to_owned()))
        .fonts(typst_assets::fonts().map(Bytes::new))
        .build();
    let mut inputs = Dict::new();
    inputs.insert("data".into(), json.into_value());
    let doc = engine
        .compile_with_input(inputs)
        .output
        .expect("typst compiles the emitted document");
    let options = PdfOptions {
        ident: Smart::Custom("fdr".into()),
        creator: Smart::Custom(Some("fdr".into())),
        timestamp: None,
        page_ranges: None,
        standards: PdfStandards::new(&[PdfStandard::Ua_1]).unwrap_or_default(),
        tagged: true,
        pretty: false,
    };
    typst_pdf::pdf(&doc, &options)
        .expect("typst exports the PDF")
        .len()
}

#[cfg(feature = "pdf")]
fn pdf_rows(example: &Path) {
    let view = view_of(example);
    let ctx = RenderContext {
        view: &view,
        root: example,
    };
    let sources = fdr::render::pdf::typst_sources(&ctx).unwrap();
    let typ = String::from_utf8(sources[0].1.clone()).unwrap();
    let json = String::from_utf8(sources[1].1.clone()).unwrap();
    let alone = time(9, || {
        std::hint::black_box(typst_alone(&typ, &json));
    });
    let ours = time(9, || {
        let view = view_of(example);
        let ctx = RenderContext {
            view: &view,
            root: example,
        };
        std::hint::black_box(fdr::render::pdf::PdfRenderer.render(&ctx).unwrap());
    });
    println!();
    println!("| PDF, Bouches-du-Rhône | typst seul (réf.) | fdr build --format pdf | × réf. |");
    println!("|---|---:|---:|---:|");
    println!(
        "| 34 pages | {:.1} ms | {:.1} ms | {:.2} |",
        alone.as_secs_f64() * 1000.0,
        ours.as_secs_f64() * 1000.0,
        ours.as_secs_f64() / alone.as_secs_f64()
    );
}

fn ms(d: Duration) -> String {
    format!("{:.1} ms", d.as_secs_f64() * 1000.0)
}

/// One row of the table: the two references, the check and its ratios to
/// them, the Markdown + HTML build, the growth from the previous size.
fn row(case: &str, [r, sa, c, b]: [Duration; 4], growth: &str) {
    println!(
        "| {case} | {} | {} | {} | {:.1} | {:.2} | {} | {growth} |",
        ms(r),
        ms(sa),
        ms(c),
        c.as_secs_f64() / r.as_secs_f64(),
        c.as_secs_f64() / sa.as_secs_f64(),
        ms(b)
    );
}

/// The example's row: each measure in 21 runs of its own.
fn example_row(example: &Path) {
    let r = time(21, || parse_only(example));
    let sa = time(21, || saphyr_only(example));
    let c = time(21, || drop(check(example)));
    let b = time(21, || {
        std::hint::black_box(build_md_html(example));
    });
    row("Bouches-du-Rhône (10 actions)", [r, sa, c, b], "—");
}

/// The synthetic sizes' rows.
fn size_rows(filter: Option<&str>) {
    // The synthetic sizes are measured in interleaved rounds (each round
    // runs every size once), so that a slow spell of the machine weighs on
    // all sizes alike and the doubling ratios compare like with like.
    let sizes: Vec<usize> = [125, 250, 500, 1000, 2000]
        .into_iter()
        .filter(|n| filter.is_none_or(|f| format!("{n} actions").contains(f)))
        .collect();
    let dirs: Vec<tempfile::TempDir> = sizes
        .iter()
        .map(|&n| {
            let tmp = tempfile::tempdir().unwrap();
            generate(tmp.path(), n);
            tmp
        })
        .collect();
    let rounds = 21;
    let mut samples = vec![[Vec::new(), Vec::new(), Vec::new(), Vec::new()]; sizes.len()];
    for round in 0..=rounds {
        for (i, dir) in dirs.iter().enumerate() {
            let dir = dir.path();
            let r = once(|| parse_only(dir));
            let sa = once(|| saphyr_only(dir));
            let c = once(|| drop(check(dir)));
            let b = once(|| {
                std::hint::black_box(build_md_html(dir));
            });
            if round > 0 {
                // round 0 is the warm-up
                samples[i][0].push(r);
                samples[i][1].push(c);
                samples[i][2].push(b);
                samples[i][3].push(sa);
            }
        }
    }
    let mut prev: Option<(Duration, Duration)> = None;
    for (&n, [r, c, b, sa]) in sizes.iter().zip(samples) {
        let (r, c, b, sa) = (median(r), median(c), median(b), median(sa));
        let growth = prev.map_or("—".to_string(), |(pc, pb)| {
            format!(
                "{:.2} / {:.2}",
                c.as_secs_f64() / pc.as_secs_f64(),
                b.as_secs_f64() / pb.as_secs_f64()
            )
        });
        let case = format!(
            "{n} actions, {} axes, {} lignes, {} acteurs",
            (n / 20).max(1),
            n * 5,
            n * 5 / 2
        );
        row(&case, [r, sa, c, b], &growth);
        prev = Some((c, b));
    }
}

/// The regional synthesis: roadmaps of 40 actions (8 distinct ones, reused)
/// checked, computed and rendered together, for one région (8) up to the
/// whole country (13 régions × 8 = 104): the cost must grow linearly.
fn synthese_rows() {
    let dirs: Vec<tempfile::TempDir> = (0..8)
        .map(|_| {
            let tmp = tempfile::tempdir().unwrap();
            generate(tmp.path(), 40);
            tmp
        })
        .collect();
    let counts = [8usize, 16, 32, 104];
    let one = |n: usize| {
        let models: Vec<_> = (0..n)
            .map(|i| check(dirs[i % dirs.len()].path()).model.unwrap())
            .collect();
        let computed: Vec<_> = models.iter().map(fdr::compute::compute).collect();
        let pairs: Vec<_> = models.iter().zip(&computed).collect();
        let figures = fdr::compute::synthese::synthese(&pairs);
        let view = fdr::render::synthese::build(None, &pairs, &figures);
        let md = fdr::render::synthese::render::render("md", &view).unwrap();
        let html = fdr::render::synthese::render::render("html", &view).unwrap();
        std::hint::black_box(md.len() + html.len());
    };
    let rounds = 7;
    let mut samples = vec![Vec::new(); counts.len()];
    for round in 0..=rounds {
        for (i, &n) in counts.iter().enumerate() {
            let d = once(|| one(n));
            if round > 0 {
                samples[i].push(d);
            }
        }
    }
    println!();
    println!(
        "| Synthèse (feuilles de route de 40 actions) | Vérification + calcul + Markdown + HTML | par feuille de route |"
    );
    println!("|---|---:|---:|");
    for (&n, v) in counts.iter().zip(samples) {
        let m = median(v);
        let per = m / u32::try_from(n).unwrap();
        println!("| {n} feuilles de route | {} | {} |", ms(m), ms(per));
    }
}

fn main() {
    // `FDR_BENCH_WRITE=DIR cargo bench --bench pipeline` only writes the
    // 2,000-action roadmap to DIR (to measure the binary, e.g. its memory);
    // `FDR_BENCH_ACTIONS=N` chooses another size.
    if let Some(dir) = std::env::var_os("FDR_BENCH_WRITE") {
        let dir = Path::new(&dir);
        let actions = std::env::var("FDR_BENCH_ACTIONS")
            .ok()
            .and_then(|n| n.parse().ok())
            .unwrap_or(2000);
        std::fs::create_dir_all(dir).unwrap();
        generate(dir, actions);
        return;
    }
    // `cargo bench` passes `--bench`; a filter argument selects rows.
    let filter: Option<String> = std::env::args().skip(1).find(|a| !a.starts_with("--"));
    let example = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/bouches-du-rhone");
    println!(
        "| Cas | Lecture+YAML seuls (réf.) | serde-saphyr seul (réf.) | Vérification | × réf. | × serde-saphyr | Markdown + HTML | × précédent (vérif. / build) |"
    );
    println!("|---|---:|---:|---:|---:|---:|---:|---:|");
    if filter
        .as_deref()
        .is_none_or(|f| "bouches-du-rhone".contains(f))
    {
        example_row(&example);
    }
    size_rows(filter.as_deref());
    #[cfg(feature = "pdf")]
    if filter.as_deref().is_none_or(|f| "pdf".contains(f)) {
        pdf_rows(&example);
    }
    if filter.as_deref().is_none_or(|f| "synthese".contains(f)) {
        synthese_rows();
    }
}
