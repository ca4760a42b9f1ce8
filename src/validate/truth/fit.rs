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

/// The title the prose gives right after a number: « Axe 2 - Cartographie
/// exhaustive », « action 1.2 : Former les aidants » (up to the end of the
/// line or sentence); `None` without a dash or colon.
pub fn title_after(rest: &str) -> Option<String> {
    let r = rest.trim_start_matches([' ', '\u{a0}']);
    let r = ["- ", "– ", "— ", ": ", "\u{a0}: "]
        .iter()
        .find_map(|p| r.strip_prefix(p))?;
    let end = r.find(['\n', '.', ';', '(', ')', '»']).unwrap_or(r.len());
    let title = r[..end].trim().trim_matches(['«', ' ', '\u{a0}']);
    (!title.is_empty()).then(|| title.to_string())
}

/// Whether a title written by hand may be `title`: one of its words of five
/// letters or more is a word of the title (give or take an ending); a
/// phrase without such a word is not compared.
pub fn title_fits(written: &str, title: &str) -> bool {
    let title = fold(title);
    let words: Vec<&str> = title.split(|c: char| !c.is_alphanumeric()).collect();
    let written = fold(written);
    let mut long = written
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().count() >= 5)
        .peekable();
    long.peek().is_none() || long.any(|w| words.iter().any(|t| same_word(w, t)))
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
    fn a_title_written_after_the_number_is_compared() {
        assert_eq!(
            title_after(" - Cartographie exhaustive\n\nAxe 3").as_deref(),
            Some("Cartographie exhaustive")
        );
        assert_eq!(
            title_after(" : « Former les aidants » ;").as_deref(),
            Some("Former les aidants")
        );
        assert_eq!(title_after(" pour la suite"), None);
        let t = "Organiser, coordonner et animer un réseau départemental";
        assert!(!title_fits("Cartographie exhaustive", t));
        assert!(title_fits("Animer le réseau", t));
        assert!(title_fits("le 2", t));
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
