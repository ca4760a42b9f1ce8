//! Whether a hand-typed reference to an annex fits what it points at:
//! « (cf. synthèse en annexe 5) » names the annex a « synthèse »; when
//! annex 5 is the chronogramme, the number is wrong, not only hand-typed.

use crate::model as m;
use crate::model::names::fold;

/// Nouns too general to tell one annex from another (folded).
const GENERAL: &[&str] = &[
    "detail",
    "details",
    "liste",
    "listes",
    "tableau",
    "tableaux",
    "document",
    "documents",
    "annexe",
    "annexes",
    "element",
    "elements",
    "information",
    "informations",
    "donnees",
    "precisions",
    "ensemble",
    "presentation",
    "schema",
    "carte",
    "cartes",
    "figure",
    "page",
];

/// Words that may stand before the noun: « la synthèse », « cf. synthèse ».
const BEFORE: &[&str] = &[
    "le", "la", "les", "l", "un", "une", "des", "du", "cf", "voir", "sa", "son", "ses", "leur",
    "leurs", "notre", "nos", "(",
];

/// What each kind of annex may be called besides its title's words.
fn kind_words(k: m::GenreAnnexe) -> &'static [&'static str] {
    use m::GenreAnnexe as G;
    match k {
        G::Acteurs => &[
            "acteurs",
            "structures",
            "partenaires",
            "annuaire",
            "contacts",
        ],
        G::Communes => &["communes", "fragilite", "territoires"],
        G::Chronogramme => &["chronogramme", "calendrier", "planning", "echeancier"],
        G::Financement => &[
            "financement",
            "financements",
            "montants",
            "budget",
            "budgets",
            "plan",
        ],
        G::Fonds => &["fonds", "appels"],
        G::Gouvernance => &["gouvernance", "instances", "comitologie", "comites"],
        G::SousFeuilles => &["territoires", "declinaisons", "feuilles", "couverture"],
        G::Texte => &[],
    }
}

/// The noun the prose gives the annex just before « en annexe N », « à
/// l'annexe N », « dans l'annexe N » or « (annexe N) », when a determiner
/// or « cf. » stands before it: « cf. synthèse en annexe 5 » → synthèse.
pub fn noun_before(prose_before: &str) -> Option<String> {
    let b = prose_before.to_lowercase().replace('’', "'");
    let b = b.trim_end();
    let b = ["en", "à l'", "dans l'", "("]
        .iter()
        .find_map(|s| b.strip_suffix(s))?
        .trim_end();
    let tokens: Vec<&str> = b
        .split(|c: char| c.is_whitespace() || c == '\'' || c == '.')
        .filter(|t| !t.is_empty())
        .collect();
    let [.., before, noun] = tokens.as_slice() else {
        return None;
    };
    let det = before.trim_start_matches('(');
    let det_ok = BEFORE.contains(&det) || before.ends_with('(');
    let word = noun.chars().all(char::is_alphabetic) && noun.chars().count() >= 4;
    let general = GENERAL.contains(&fold(noun).as_str());
    (det_ok && word && !general).then(|| noun.to_string())
}

/// Two words that are the same word, give or take an ending: their first
/// five letters (or all of the shorter one, under five).
fn same_word(a: &str, b: &str) -> bool {
    let n = a.chars().count().min(b.chars().count()).min(5);
    n >= 4 && a.chars().take(n).eq(b.chars().take(n))
}

/// Whether `noun` may name `annexe` (its title's words, its kind's words).
pub fn fits(noun: &str, annexe: &m::Annexe) -> bool {
    let noun = fold(noun);
    let title = fold(&annexe.titre);
    title
        .split(|c: char| !c.is_alphanumeric())
        .chain(kind_words(annexe.contenu).iter().copied())
        .any(|w| same_word(&noun, w))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_noun_given_to_the_annex() {
        assert_eq!(
            noun_before("(cf. synthèse en ").as_deref(),
            Some("synthèse")
        );
        assert_eq!(
            noun_before("Voir la synthèse à l'").as_deref(),
            Some("synthèse")
        );
        assert_eq!(
            noun_before("le calendrier (").as_deref(),
            Some("calendrier")
        );
        assert_eq!(noun_before("Le détail des montants est en "), None);
        assert_eq!(noun_before("voir le tableau en "), None);
        assert_eq!(noun_before("comme indiqué en "), None);
        assert_eq!(noun_before("voir l'"), None);
    }

    #[test]
    fn a_noun_fits_a_title_word_or_the_kind() {
        let annexe = |titre: &str, contenu| m::Annexe {
            id: "a".into(),
            numero: 5,
            titre: titre.into(),
            contenu,
            texte: None,
        };
        let chrono = annexe("Chronogramme des actions", m::GenreAnnexe::Chronogramme);
        assert!(!fits("synthèse", &chrono));
        assert!(fits("calendrier", &chrono));
        assert!(fits("chronogrammes", &chrono));
        let synthese = annexe("Synthèse des financements", m::GenreAnnexe::Texte);
        assert!(fits("Synthèse", &synthese));
    }
}
