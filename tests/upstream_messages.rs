//! Every English message of an upstream crate that fdr translates by its
//! text is produced here by the real upstream (serde-saphyr's scanner,
//! minijinja, typst): when a new version rewords one, its translation
//! stops matching and this test names it, instead of users silently
//! getting the English fallback.

mod common;

use common::*;

/// `fdr check` on a folder whose only file is `yaml`: the message of its
/// one syntax diagnostic.
fn yaml_message(yaml: &str) -> String {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("feuille.yaml"), yaml).unwrap();
    let o = run(
        &repo(),
        &[
            "--color",
            "never",
            "check",
            "--format",
            "json",
            dir.path().to_str().unwrap(),
        ],
        &[],
        TIMEOUT,
    );
    assert_eq!(o.code, 1, "{yaml:?}: {}", o.stderr);
    let diags = parse_json(&o.stdout);
    let d = diags
        .iter()
        .find(|d| d["code"] == "fdr::yaml::syntaxe")
        .unwrap_or_else(|| panic!("{yaml:?}: no syntax diagnostic in {}", o.stdout));
    d["message"].as_str().unwrap().to_string()
}

#[test]
fn yaml_scanner_messages_are_translated() {
    let cases = [
        ("a:\n\tb: 1\n", "tabulation"),
        ("a: [1, 2\n", "liste entre crochets non fermée"),
        ("a: {b: 1\n", "dictionnaire entre accolades non fermé"),
        ("a: [b: c: d]\n", "virgule attendue"),
        ("a: [1, 2}\n", "« [ » fermé par « } »"),
        ("a: {b: c: d}\n", "virgule attendue"),
        ("a: \"abc\n", "guillemet non fermé"),
        ("a: b: c\n", "deux-points"),
        ("a: @b\n", "caractère"),
        ("a: `b\n", "caractère"),
    ];
    for (yaml, french) in cases {
        let m = yaml_message(yaml);
        assert!(
            m.contains(french) && !m.contains("syntaxe YAML invalide ("),
            "{yaml:?} gives « {m} », expected a translation containing « {french} »"
        );
    }
}

/// The French message of a user template `templates/NAME` holding `body`.
fn template_message(body: &str) -> String {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("templates")).unwrap();
    std::fs::write(dir.path().join("templates/x.md.j2"), body).unwrap();
    let e = fdr::render::templates::render(dir.path(), "x.md.j2", minijinja::Value::UNDEFINED)
        .expect_err(body);
    e.message
}

#[test]
fn minijinja_messages_matched_by_text_are_translated() {
    let cases = [
        (
            "{% macro f() %}{{ f() }}{% endmacro %}{{ f() }}",
            "récursion trop profonde dans le gabarit",
        ),
        (
            "{% for i in range(100000000) %}{% endfor %}",
            "boucle sur un intervalle trop grand",
        ),
    ];
    for (body, french) in cases {
        let m = template_message(body);
        assert!(m.contains(french), "{body}: « {m} »");
    }
}

#[cfg(feature = "pdf")]
mod typst {
    use fdr::render::templates::Template;

    /// The French message of the typst template `source` run by fdr.
    fn message(source: &str) -> String {
        let template = Template {
            name: "feuille-de-route.typ",
            source: source.to_string(),
            path: None,
        };
        match fdr::render::pdf::render_main(None, template, "{}".into()) {
            Ok(_) => panic!("{source}: no error"),
            Err(e) => e.message,
        }
    }

    #[test]
    fn typst_messages_are_translated() {
        let cases = [
            (
                "#set document(title: [t])\n#read(\"x.txt\")",
                "fichier introuvable",
            ),
            (
                "#set document(title: [t])\n#read(\"../../x.txt\")",
                "ce chemin sort du dossier",
            ),
            (
                "#set document(title: [t])\n#let f(x) = f(x)\n#f(1)",
                "appels de fonction trop profonds",
            ),
            ("#set document(title: [t])\n#(1 + 2", "délimiteur non fermé"),
            ("#set document(title: [t])\n#\"abc", "chaîne non fermée"),
            (
                "#set document(title: [t])\n#let x = ",
                "expression attendue",
            ),
            (
                "#set document(title: [t])\n#panic(\"x\")",
                "arrêt demandé par le gabarit",
            ),
            (
                "#set document(title: [t])\n#inconnue",
                "variable inconnue : inconnue",
            ),
            (
                "#set document(title: [t])\n@nulle-part",
                "l'étiquette <nulle-part> n'existe pas",
            ),
            (
                "#set document(title: [t])\n#(a: 1).b",
                "clé absente des données",
            ),
            (
                "#set document(title: [t])\n#(1, 2).at(5)",
                "indice hors du tableau",
            ),
            (
                "#set document(title: [t])\n#text(size: \"x\")[a]",
                "valeur inattendue : attendu",
            ),
            ("#while true {}", "boucle"),
            // « missing document title » is not an error: fdr then falls
            // back to a tagged PDF without PDF/UA, with a warning.
        ];
        let mut wrong = Vec::new();
        for (source, french) in cases {
            let m = message(source);
            if !m.contains(french) {
                wrong.push(format!("{source:?} gives « {m} », expected « {french} »"));
            }
        }
        assert!(wrong.is_empty(), "{}", wrong.join("\n"));
    }
}
