//! One figure, two sources: a figure of the territory typed in two places
//! with two values would print both. Caught: a key figure giving the mean
//! digital-fragility index (IFN) beside the communes table's `ifn_moyen`,
//! or the IFN of a commune beside that commune's row;
//! a key figure giving the population beside the population table of the
//! same year (its computed total); two key figures with the same label and
//! year.

use super::super::context::Ctx;
use super::super::merge::Merged;
use crate::diagnostic::{Diagnostic, FileId, codes};
use crate::format::{self as f, Span};
use crate::model::Decimal;

/// A value as typed, where it is typed, and what it is.
struct Typed<'a> {
    raw: &'a str,
    file: FileId,
    span: Span,
    place: String,
}

pub fn run(ctx: &mut Ctx, merged: &Merged) {
    let Some((file, t)) = &merged.territoire else {
        return;
    };
    let t = &t.value;
    let keys: Vec<(&f::ChiffreCle, String)> = t
        .chiffres_cles
        .iter()
        .map(|k| (k, words(&k.libelle.value)))
        .collect();
    for (k, label) in &keys {
        let key = Typed {
            raw: &k.valeur.value.0,
            file: *file,
            span: k.valeur.span,
            place: format!("chiffre clé « {} »", k.libelle.value.trim()),
        };
        let about_ifn = is_ifn(label)
            || k.description
                .as_ref()
                .is_some_and(|d| is_ifn(&words(&d.value)));
        // « IFN d'Arles »: the index of a commune of the table, not the mean.
        if let Some(c) = about_ifn
            .then(|| named_commune(t, &k.libelle.value))
            .flatten()
        {
            commune_ifn(ctx, *file, c, &key);
        } else if let Some(ifn) = t.communes.as_ref().and_then(|c| c.ifn_moyen.as_ref())
            && about_ifn
        {
            let other = Typed {
                raw: &ifn.value.0,
                file: *file,
                span: ifn.span,
                place: "IFN moyen du tableau des communes (`communes.ifn_moyen`)".into(),
            };
            let fig = Figure {
                what: "l'indice de fragilité numérique moyen",
                feminine: false,
                help: FIX,
            };
            disagree(ctx, &fig, &key, &other);
        }
        population(ctx, *file, t, k, label, &key);
    }
    same_labels(ctx, *file, &keys);
}

/// Lower-case words of a label, accents kept, punctuation dropped.
fn words(s: &str) -> String {
    s.to_lowercase()
        .split(|c: char| !c.is_alphanumeric() && c != '\'')
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

fn is_ifn(words: &str) -> bool {
    words.split(' ').any(|w| w == "ifn") || words.contains("indice de fragilité numérique")
}

/// « habitants », « population totale du département (INSEE) »: the
/// population itself, not a part of it.
fn is_population(words: &str) -> bool {
    const FILLER: &[&str] = &[
        "du",
        "de",
        "la",
        "le",
        "département",
        "totale",
        "total",
        "insee",
        "au",
        "en",
    ];
    let rest: Vec<&str> = words
        .split(' ')
        .filter(|w| !FILLER.contains(w) && !w.chars().all(|c| c.is_ascii_digit()))
        .collect();
    matches!(rest.as_slice(), ["habitants"] | ["population"])
}

/// Name words for matching: lower case, accents aside, split at every
/// non-letter (« d'Arles » holds « arles »), padded with spaces.
fn name_words(s: &str) -> String {
    let folded = crate::model::names::fold(s);
    let ws: Vec<&str> = folded
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    format!(" {} ", ws.join(" "))
}

/// The row of the communes table whose name the label holds, the longest
/// name first (« Marseille 3e arrondissement » before « Marseille »).
fn named_commune<'a>(t: &'a f::Territoire, label: &str) -> Option<&'a f::Commune> {
    let label = name_words(label);
    t.communes
        .as_ref()?
        .lignes
        .iter()
        .map(|c| (name_words(&c.commune.value), c))
        .filter(|(name, _)| name.trim() != "" && label.contains(name.as_str()))
        .max_by_key(|(name, _)| name.len())
        .map(|(_, c)| c)
}

/// A key figure giving a commune's IFN against its row in the table.
fn commune_ifn(ctx: &mut Ctx, file: FileId, c: &f::Commune, key: &Typed) {
    let Some(ifn) = &c.ifn else { return };
    let other = Typed {
        raw: &ifn.value.0,
        file,
        span: ifn.span,
        place: "tableau des communes".into(),
    };
    let what = format!(
        "l'indice de fragilité numérique de la commune « {} »",
        c.commune.value.trim()
    );
    let fig = Figure {
        what: &what,
        feminine: false,
        help: FIX,
    };
    disagree(ctx, &fig, key, &other);
}

/// A key figure of the population against the total of the population
/// table, when both are of the same year.
fn population(
    ctx: &mut Ctx,
    file: FileId,
    t: &f::Territoire,
    k: &f::ChiffreCle,
    label: &str,
    key: &Typed,
) {
    let Some(p) = &t.populations else { return };
    let same_year = k.annee.as_ref().is_some_and(|a| a.value == p.annee.value);
    if !is_population(label) || !same_year || p.epci.is_empty() {
        return;
    }
    let total = p
        .epci
        .iter()
        .try_fold(0u64, |s, e| s.checked_add(e.population.value));
    let Some(total) = total else { return };
    let total = total.to_string();
    let other = Typed {
        raw: &total,
        file,
        span: p.annee.span,
        place: format!(
            "total calculé du tableau des populations {} ({} intercommunalités)",
            p.annee.value,
            p.epci.len()
        ),
    };
    let fig = Figure {
        what: "la population",
        feminine: true,
        help: "corrigez le chiffre clé ou le tableau des populations ; si le tableau ne couvre \
               pas tout le territoire, dites-le dans le libellé du chiffre clé",
    };
    disagree(ctx, &fig, key, &other);
}

/// Two key figures with the same label and the same year (or none).
fn same_labels(ctx: &mut Ctx, file: FileId, keys: &[(&f::ChiffreCle, String)]) {
    let mut seen: std::collections::BTreeMap<(&str, Option<u16>), &f::ChiffreCle> =
        std::collections::BTreeMap::new();
    for (k, label) in keys {
        let year = k.annee.as_ref().map(|a| a.value);
        match seen.get(&(label.as_str(), year)) {
            None => {
                seen.insert((label.as_str(), year), k);
            }
            Some(first) => {
                let a = Typed {
                    raw: &k.valeur.value.0,
                    file,
                    span: k.valeur.span,
                    place: "second chiffre clé".into(),
                };
                let b = Typed {
                    raw: &first.valeur.value.0,
                    file,
                    span: first.valeur.span,
                    place: "premier chiffre clé".into(),
                };
                let what = format!("le chiffre clé « {} »", k.libelle.value.trim());
                let fig = Figure {
                    what: &what,
                    feminine: false,
                    help: "corrigez la valeur fausse et retirez l'autre chiffre clé",
                };
                disagree(ctx, &fig, &a, &b);
            }
        }
    }
}

/// What a figure is: « la population » (feminine), and what to do when
/// its two values differ.
struct Figure<'a> {
    what: &'a str,
    feminine: bool,
    help: &'a str,
}

const FIX: &str = "un chiffre n'a qu'une valeur : corrigez celle qui est fausse, ou retirez \
                   le chiffre clé si le document l'imprime déjà ailleurs";

/// Warn when two typed values of one figure differ (`5,2` and `5.20`
/// agree).
fn disagree(ctx: &mut Ctx, fig: &Figure, a: &Typed, b: &Typed) {
    let same = match (Decimal::parse(a.raw), Decimal::parse(b.raw)) {
        (Ok(x), Ok(y)) => x.cmp_value(&y) == std::cmp::Ordering::Equal,
        _ => true, // a malformed value has its own diagnostic
    };
    if same {
        return;
    }
    ctx.push(
        Diagnostic::warning(
            codes::TERRITOIRE_DEUX_VALEURS,
            format!(
                "{} est {} deux fois avec deux valeurs : {} ({}) et {} ({})",
                fig.what,
                if fig.feminine { "écrite" } else { "écrit" },
                a.raw.trim(),
                a.place,
                b.raw.trim(),
                b.place
            ),
        )
        .at(a.file, a.span)
        .label(format!("{} ici", a.raw.trim()))
        .related(b.file, b.span, format!("{} là", b.raw.trim()))
        .help(fig.help),
    );
}
