//! A count restated in prose (« cet axe est décliné en 5 actions »,
//! « articulée autour de 4 axes », « 25 collectivités ont participé ») that
//! the sources contradict. Only unambiguous phrasings are read: a number
//! announced by a verb of structure, in the text of what it counts.

use super::super::context::{Ctx, LoadedText};
use super::super::merge::Merged;
use super::scan::{Locator, Word, prose, words};
use crate::diagnostic::{Diagnostic, FileId};
use crate::format::{Sp, Texte};
use crate::model::{self as m, Categorie};

/// What a number counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Noun {
    Axes,
    Actions,
    Participants(Categorie),
}

/// Where a text sits, hence which counts it may restate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// An axe's enjeux: its number of actions.
    Axe,
    /// The roadmap's own texts: its axes and actions.
    Roadmap,
    /// The methodology: also the participants by category.
    Methodologie,
}

/// A count read in a text, with its byte range (« 5 actions »).
#[derive(Debug, PartialEq, Eq)]
pub struct Claim {
    pub value: u32,
    pub noun: Noun,
    pub start: usize,
    pub end: usize,
}

const NUMBER_WORDS: &[(&str, u32)] = &[
    ("deux", 2),
    ("trois", 3),
    ("quatre", 4),
    ("cinq", 5),
    ("six", 6),
    ("sept", 7),
    ("huit", 8),
    ("neuf", 9),
    ("dix", 10),
    ("onze", 11),
    ("douze", 12),
    ("treize", 13),
    ("quatorze", 14),
    ("quinze", 15),
    ("seize", 16),
    ("dix-sept", 17),
    ("dix-huit", 18),
    ("dix-neuf", 19),
    ("vingt", 20),
];

/// « 12 » or « douze » (never « un », « une »: articles first).
fn number(w: &str) -> Option<u32> {
    if w.len() <= 3 && w.bytes().all(|b| b.is_ascii_digit()) {
        return w.parse().ok();
    }
    NUMBER_WORDS.iter().find(|(t, _)| *t == w).map(|(_, n)| *n)
}

/// Verbs that announce how many parts a whole has.
const VERBS: &[&str] = &[
    "décliné",
    "déclinée",
    "déclinés",
    "déclinées",
    "décline",
    "déclinent",
    "comporte",
    "comprend",
    "compte",
    "regroupe",
    "rassemble",
    "réunit",
    "contient",
    "propose",
];

/// Words before « en » or « de » that announce the parts of a whole
/// (« structurée en », « autour de », « composée de »).
const BEFORE_EN_DE: &[&str] = &[
    "autour",
    "composé",
    "composée",
    "constitué",
    "constituée",
    "structuré",
    "structurée",
    "organisé",
    "organisée",
    "articulé",
    "articulée",
];

/// Whether the number at `i` is announced as the count of a whole.
fn announced(ws: &[Word], i: usize) -> bool {
    let at = |k: usize| {
        i.checked_sub(k)
            .map(|j| &ws[j])
            .filter(|w| w.sentence == ws[i].sentence)
            .map(|w| w.text.as_str())
    };
    match at(1) {
        Some(v) if VERBS.contains(&v) => true,
        Some("en" | "de") => at(2).is_some_and(|v| VERBS.contains(&v) || BEFORE_EN_DE.contains(&v)),
        _ => false,
    }
}

/// The category a noun of participants names, and how many words it takes.
fn category(ws: &[Word], i: usize) -> Option<(Categorie, usize)> {
    let w = ws.get(i)?.text.as_str();
    let next = ws.get(i + 1).map(|w| w.text.as_str());
    Some(match w {
        "collectivité" | "collectivités" => (Categorie::Collectivite, 1),
        "intercommunalité" | "intercommunalités" => (Categorie::Epci, 1),
        "association" | "associations" => (Categorie::Association, 1),
        "entreprise" | "entreprises" => (Categorie::Entreprise, 1),
        "fondation" | "fondations" => (Categorie::Fondation, 1),
        "centre" | "centres" if matches!(next, Some("social" | "sociaux")) => {
            (Categorie::CentreSocial, 2)
        }
        _ => return None,
    })
}

/// The counts `text` restates, for a text in `scope`.
pub fn claims(text: &str, scope: Scope) -> Vec<Claim> {
    let ws = words(&prose(text));
    // Per sentence: does it name one axe, does it speak of participation.
    let sentences = ws.last().map_or(0, |w| w.sentence + 1);
    let (mut one_axe, mut participation) = (vec![false; sentences], vec![false; sentences]);
    for (k, w) in ws.iter().enumerate() {
        one_axe[w.sentence] |= w.text == "axe";
        // « ont participé », « la participation », « ont pris part »
        let took_part = w.text == "part"
            && k.checked_sub(1)
                .is_some_and(|j| ws[j].text == "pris" || ws[j].text.starts_with("pren"));
        participation[w.sentence] |= w.text.starts_with("particip") || took_part;
    }
    let mut out = Vec::new();
    for i in 0..ws.len() {
        let Some(value) = number(&ws[i].text) else {
            continue;
        };
        let Some(next) = ws.get(i + 1) else { continue };
        let sentence = ws[i].sentence;
        // « 4 axes et 11 actions »: the second count is announced by the first.
        let chained =
            i >= 3 && ws[i - 1].text == "et" && ws[i - 2].text == "axes" && announced(&ws, i - 3);
        let noun = match next.text.as_str() {
            "axe" | "axes" if scope != Scope::Axe && announced(&ws, i) => Noun::Axes,
            "action" | "actions" if scope == Scope::Axe && announced(&ws, i) => Noun::Actions,
            // At the roadmap's level, a sentence about one axe counts its actions.
            "action" | "actions"
                if scope != Scope::Axe && (announced(&ws, i) || chained) && !one_axe[sentence] =>
            {
                Noun::Actions
            }
            _ if scope == Scope::Methodologie => {
                let Some((c, len)) = category(&ws, i + 1) else {
                    continue;
                };
                let subset = i > 0 && matches!(ws[i - 1].text.as_str(), "dont" | "parmi" | "sur");
                if subset || !participation[sentence] {
                    continue;
                }
                out.push(Claim {
                    value,
                    noun: Noun::Participants(c),
                    start: ws[i].start,
                    end: ws[i + len].end,
                });
                continue;
            }
            _ => continue,
        };
        out.push(Claim {
            value,
            noun,
            start: ws[i].start,
            end: next.end,
        });
    }
    out
}

/// « 1 action », « 4 actions ».
fn count(n: usize, one: &str, many: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{n} {many}")
    }
}

/// (singular, plural) of a category of participants, as the document
/// writes them (`render::labels::categorie`).
fn category_words(c: Categorie) -> (&'static str, &'static str) {
    match c {
        Categorie::Collectivite => ("collectivité", "collectivités"),
        Categorie::Epci => ("intercommunalité", "intercommunalités"),
        Categorie::Association => ("association", "associations"),
        Categorie::CentreSocial => ("centre social", "centres sociaux"),
        Categorie::Entreprise => ("entreprise", "entreprises"),
        _ => ("fondation", "fondations"),
    }
}

/// The loaded text read from the YAML value `t` of `file`.
fn loaded<'a>(
    texts: &'a [LoadedText],
    file: FileId,
    t: &Option<Sp<Texte>>,
) -> Option<&'a LoadedText> {
    let t = t.as_ref()?;
    texts.iter().find(|lt| lt.origin == (file, t.span.offset))
}

/// The computed count a claim restates: (count, message, help).
fn computed(
    model: &m::Roadmap,
    claim: &Claim,
    axe: Option<&m::Axe>,
) -> Option<(usize, String, String)> {
    let said = claim.value;
    Some(match (claim.noun, axe) {
        (Noun::Actions, Some(a)) => {
            let n = a.actions.len();
            (
                n,
                format!(
                    "le texte annonce {said} actions, l'axe {} en compte {n}",
                    a.numero
                ),
                format!(
                    "écrivez {n}, ou ne répétez pas ce nombre : le document écrit déjà « Cet axe \
                     est décliné en {} »",
                    count(n, "action.", "actions.")
                ),
            )
        }
        (Noun::Actions, None) | (Noun::Axes, _) => {
            let (n, what) = if claim.noun == Noun::Axes {
                (model.axes.len(), "axes")
            } else {
                (model.actions.len(), "actions")
            };
            (
                n,
                format!("le texte annonce {said} {what}, la feuille de route en compte {n}"),
                format!(
                    "écrivez {n} : la couverture et la vue d'ensemble des axes donnent les \
                     nombres calculés ({}, {})",
                    count(model.axes.len(), "axe", "axes"),
                    count(model.actions.len(), "action", "actions")
                ),
            )
        }
        (Noun::Participants(c), _) => {
            let participants = &model.concertation.participants;
            if participants.is_empty() {
                return None;
            }
            let n = participants
                .iter()
                .filter(|p| model.acteurs.get(**p).is_some_and(|a| a.categorie == c))
                .count();
            let (one, many) = category_words(c);
            (
                n,
                format!(
                    "le texte annonce {said} {many}, la liste des structures participantes en \
                     compte {n}"
                ),
                format!(
                    "écrivez {}, ou complétez `concertation.participants` : le document compte \
                     les structures participantes par catégorie",
                    count(n, one, many)
                ),
            )
        }
    })
}

/// Where a text is and what it may count.
struct Place<'a> {
    scope: Scope,
    axe: Option<&'a m::Axe>,
}

fn check(ctx: &mut Ctx, lt: &LoadedText, at: Place, model: &m::Roadmap, left: &mut usize) {
    let Place { scope, axe } = at;
    let mut locator = Locator::new(ctx, lt);
    for claim in claims(&lt.text, scope) {
        let Some((n, message, help)) = computed(model, &claim, axe) else {
            continue;
        };
        if usize::try_from(claim.value).is_ok_and(|v| v == n) {
            continue;
        }
        let Some(l) = left.checked_sub(1) else { return };
        *left = l;
        let mut d = Diagnostic::warning(crate::diagnostic::codes::TEXTE_COMPTE_INCOHERENT, message)
            .label(format!("{n} selon les sources"))
            .help(help)
            .in_file(lt.file);
        if let Some(l) = &mut locator {
            d = d.at(lt.file, l.span(&lt.text, claim.start, claim.end));
        }
        ctx.push(d);
    }
}

/// The enjeux of each axe, and the roadmap's introduction, methodology,
/// introduction of the axes and conclusion.
pub fn run(ctx: &mut Ctx, merged: &Merged, model: &m::Roadmap) {
    let texts = std::mem::take(&mut ctx.texts);
    let mut left = super::MAX_REPORTED;
    for (file, a) in &merged.axes {
        let axe = model.axes.iter().find(|x| x.id == a.id.value);
        if let (Some(lt), Some(axe)) = (loaded(&texts, *file, &a.enjeux), axe) {
            let at = Place {
                scope: Scope::Axe,
                axe: Some(axe),
            };
            check(ctx, lt, at, model, &mut left);
        }
    }
    if let Some((file, f)) = &merged.feuille {
        let f = &f.value;
        for (t, scope) in [
            (&f.introduction, Scope::Roadmap),
            (&f.methodologie, Scope::Methodologie),
            (&f.axes_introduction, Scope::Roadmap),
            (&f.conclusion, Scope::Roadmap),
        ] {
            if let Some(lt) = loaded(&texts, *file, t) {
                check(ctx, lt, Place { scope, axe: None }, model, &mut left);
            }
        }
    }
    ctx.texts = texts;
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str, scope: Scope) -> Vec<(u32, Noun, String)> {
        claims(text, scope)
            .into_iter()
            .map(|c| (c.value, c.noun, text[c.start..c.end].to_string()))
            .collect()
    }

    #[test]
    fn reads_announced_counts() {
        assert_eq!(
            read("Cet axe est décliné en 5 actions.", Scope::Axe),
            [(5, Noun::Actions, "5 actions".into())]
        );
        assert_eq!(
            read(
                "La feuille de route s'articule autour de quatre axes et 11 actions.",
                Scope::Roadmap
            ),
            [
                (4, Noun::Axes, "quatre axes".into()),
                (11, Noun::Actions, "11 actions".into())
            ]
        );
        assert_eq!(
            read(
                "Au total, 25 collectivités ont participé.",
                Scope::Methodologie
            ),
            [(
                25,
                Noun::Participants(Categorie::Collectivite),
                "25 collectivités".into()
            )]
        );
        assert_eq!(
            read("4 centres sociaux y ont participé", Scope::Methodologie)[0].2,
            "4 centres sociaux"
        );
        // The seed's own sentence: « pris part », no « particip… ».
        assert_eq!(
            read(
                "Ce sont plus de 60 personnes qui auront pris part à ces échanges, représentant \
                 25 collectivités, 19 associations.",
                Scope::Methodologie
            )
            .iter()
            .map(|c| c.2.as_str())
            .collect::<Vec<_>>(),
            ["25 collectivités", "19 associations"]
        );
    }

    #[test]
    fn leaves_what_is_not_a_count_of_the_whole() {
        for (t, scope) in [
            ("Les 3 actions de l'axe 2 sont prêtes.", Scope::Roadmap),
            ("L'axe 2 compte 3 actions.", Scope::Roadmap),
            (
                "Deux axes transversaux guident la mise en œuvre.",
                Scope::Roadmap,
            ),
            ("Une action, puis 2 actions nouvelles.", Scope::Axe),
            (
                "Le département compte douze intercommunalités.",
                Scope::Methodologie,
            ),
            ("dont 5 collectivités ont participé", Scope::Methodologie),
            (
                "Pour une large part, 5 collectivités sont rurales.",
                Scope::Methodologie,
            ),
            ("décliné en `5 actions`", Scope::Axe),
            ("Cet axe est décliné en 5 actions.", Scope::Roadmap),
        ] {
            assert!(read(t, scope).is_empty(), "{t}: {:?}", read(t, scope));
        }
    }

    #[test]
    fn category_words_are_the_documents() {
        for c in Categorie::ALL {
            let (one, many) = crate::render::labels::categorie(c);
            if category(&words(many), 0).is_some() {
                assert_eq!(category_words(c), (one, many));
            }
        }
    }
}
