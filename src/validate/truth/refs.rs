//! A reference typed by hand in a text (« voir l'action 2.1 », « (axe 3) »,
//! « annexe 4 ») goes stale when the roadmap is renumbered; the computed
//! link `[](#action:ID)` prints the same words and stays true.

use super::super::context::{Ctx, LoadedText};
use super::scan::{Locator, Word, prose, words};
use crate::diagnostic::Diagnostic;
use crate::diagnostic::fr;
use crate::model as m;

/// One hand-typed reference: its kind, its number as written, and its
/// byte range in the text (« action 1.2 »).
#[derive(Debug, PartialEq, Eq)]
pub struct HandRef {
    pub kind: &'static str,
    pub numero: String,
    pub start: usize,
    pub end: usize,
    /// For an annex, the noun the prose calls it (« synthèse » in « cf.
    /// synthèse en annexe 5 »), in lower case.
    pub noun: Option<String>,
    /// For an axe or an action, the title the prose writes right after the
    /// number (« Axe 2 - Cartographie exhaustive »).
    pub titled: Option<String>,
}

/// « action 1.2 », « actions 1.2 », « axe 3 », « annexe 4 » in the prose of
/// `text` (not in code or links). A plural counts only before an action's
/// « N.M »: « les actions 2025 » is not a reference; numbers of four
/// digits are years.
pub fn hand_refs(text: &str) -> Vec<HandRef> {
    let prose = prose(text);
    let ws: Vec<Word> = words(&prose);
    let mut out = Vec::new();
    for pair in ws.windows(2) {
        let (w, n) = (&pair[0], &pair[1]);
        let kind = match w.text.as_str() {
            "action" | "actions" => "action",
            "axe" => "axe",
            "annexe" => "annexe",
            _ => continue,
        };
        let gap = &prose[w.end..n.start];
        if gap.is_empty() || !gap.chars().all(char::is_whitespace) {
            continue;
        }
        if n.text.len() > 3 || !n.text.bytes().all(|b| b.is_ascii_digit()) {
            continue;
        }
        // « 1.2 »: the words stop at the dot.
        let rest = &prose[n.end..];
        let minor: String = rest
            .strip_prefix('.')
            .map(|r| r.chars().take_while(char::is_ascii_digit).collect())
            .unwrap_or_default();
        let plural = w.text.ends_with('s');
        if (kind != "action" && !minor.is_empty()) || (plural && minor.is_empty()) {
            continue;
        }
        let (numero, end) = if minor.is_empty() {
            (n.text.clone(), n.end)
        } else {
            (format!("{}.{minor}", n.text), n.end + 1 + minor.len())
        };
        // « l'annexe 2 de la circulaire », « l'axe 3 du plan national »:
        // another document's; an action's « N.M » is always this roadmap's.
        if minor.is_empty() && of_something(&prose[end..]) {
            continue;
        }
        let noun = if kind == "annexe" {
            let before = prose.get(..w.start).unwrap_or_default();
            let from = before.char_indices().rev().nth(60).map_or(0, |(i, _)| i);
            let after = prose.get(end..).unwrap_or_default();
            super::fit::noun_before(&before[from..]).or_else(|| noun_after(after))
        } else {
            None
        };
        let titled = (kind != "annexe")
            .then(|| super::fit::title_after(prose.get(end..).unwrap_or_default()))
            .flatten();
        out.push(HandRef {
            kind,
            numero,
            start: w.start,
            end,
            noun,
            titled,
        });
    }
    out
}

/// « annexe 5 (synthèse) »: the noun in parentheses right after.
fn noun_after(rest: &str) -> Option<String> {
    let inner = rest.trim_start().strip_prefix('(')?;
    let inner = &inner[..inner.find(')')?];
    let noun = inner.trim().to_lowercase();
    let one_word = noun.chars().all(char::is_alphabetic) && noun.chars().count() >= 4;
    one_word.then_some(noun)
}

/// Whether `rest` goes on with « de », « du », « des » or « d' ».
fn of_something(rest: &str) -> bool {
    let rest: String = rest
        .trim_start()
        .chars()
        .take(4)
        .collect::<String>()
        .to_lowercase();
    ["de ", "du ", "des ", "d'", "d’"]
        .iter()
        .any(|p| rest.starts_with(p))
}

/// What a kind of reference numbers: (number, title, id) of each axe,
/// action or annex, in the roadmap's order.
fn numbered<'a>(model: &'a m::Roadmap, kind: &str) -> Vec<(String, &'a str, &'a str)> {
    match kind {
        "action" => model
            .actions
            .iter()
            .map(|a| (a.numero.clone(), a.titre.as_str(), a.id.as_str()))
            .collect(),
        "axe" => model
            .axes
            .iter()
            .map(|a| (a.numero.to_string(), a.titre.as_str(), a.id.as_str()))
            .collect(),
        _ => model
            .annexes
            .iter()
            .map(|a| (a.numero.to_string(), a.titre.as_str(), a.id.as_str()))
            .collect(),
    }
}

/// The id and the computed words of what `r` points at, if it exists.
fn target(model: &m::Roadmap, r: &HandRef) -> Option<(String, String)> {
    numbered(model, r.kind)
        .into_iter()
        .find(|(numero, _, _)| *numero == r.numero)
        .map(|(numero, titre, id)| (id.to_string(), format!("{} {numero} « {titre} »", r.kind)))
}

/// The diagnostic of one hand-typed reference `written`: a warning with
/// the computed link (or, when the number points at nothing, the links it
/// may have meant), an error when it points at an annex the prose calls
/// otherwise.
fn diagnostic(model: &m::Roadmap, r: &HandRef, written: &str) -> Diagnostic {
    use crate::diagnostic::codes::{TEXTE_RENVOI_DISCORDANT, TEXTE_RENVOI_MANUEL};
    let nom = match r.kind {
        "action" => fr::ACTION,
        "axe" => fr::AXE,
        _ => fr::ANNEXE,
    };
    let kind = nom.singulier;
    let annexe = (kind == "annexe")
        .then(|| {
            model
                .annexes
                .iter()
                .find(|a| a.numero.to_string() == r.numero)
        })
        .flatten();
    if let (Some(a), Some(noun)) = (annexe, &r.noun)
        && !super::fit::fits(noun, a)
    {
        {
            let better = model.annexes.iter().find(|x| super::fit::fits(noun, x));
            return Diagnostic::error(
                TEXTE_RENVOI_DISCORDANT,
                format!(
                    "renvoi faux : « {written} » mène à l'annexe {} « {} », que le texte appelle « {noun} »",
                    a.numero, a.titre
                ),
            )
            .label(format!("l'annexe {} n'est pas « {noun} »", a.numero))
            .help(match better {
                Some(x) => format!(
                    "vouliez-vous dire l'annexe {} « {} » ? écrivez [](#annexe:{}) : fdr en écrit le \
                     numéro et le titre",
                    x.numero, x.titre, x.id
                ),
                None => "retrouvez l'annexe visée et écrivez [](#annexe:ID) avec son identifiant : \
                         fdr en écrit le numéro et le titre"
                    .to_string(),
            });
        }
    }
    if let Some(d) = wrong_title(model, r, written) {
        return d;
    }
    match target(model, r) {
        Some((id, words)) => Diagnostic::warning(
            TEXTE_RENVOI_MANUEL,
            format!("renvoi écrit à la main : « {written} »"),
        )
        .label("numéro saisi à la main")
        .help(format!(
            "remplacez « {written} » par [](#{kind}:{id}) : fdr écrit « {words} » et le tient \
             à jour si la numérotation change"
        )),
        // A number that points at nothing stays a warning: a roadmap
        // imported from a spreadsheet keeps the annexes' numbers its texts
        // name, not the annexes, until they are written.
        None => Diagnostic::warning(
            TEXTE_RENVOI_MANUEL,
            format!(
                "renvoi écrit à la main vers {} {} qui n'existe pas : « {written} »",
                nom.un(),
                r.numero
            ),
        )
        .label(format!("{} ne porte ce numéro", nom.aucun()))
        .help(missing_help(model, r, nom)),
    }
}

/// « Axe 2 - Cartographie exhaustive » when axe 2 is « Structurer des
/// filières locales… »: the number leads elsewhere than the title says.
fn wrong_title(model: &m::Roadmap, r: &HandRef, written: &str) -> Option<Diagnostic> {
    let titled = r.titled.as_ref()?;
    let kind = r.kind;
    let items = numbered(model, kind);
    let (numero, titre, id) = items.iter().find(|(n, _, _)| *n == r.numero)?;
    if super::fit::title_fits(titled, titre) {
        return None;
    }
    let better = items
        .iter()
        .find(|(_, t, i)| super::fit::title_fits(titled, t) && i != id)
        .map(|(n, t, i)| (i.to_string(), format!("{kind} {n} « {t} »")));
    Some(
        Diagnostic::error(
            crate::diagnostic::codes::TEXTE_RENVOI_DISCORDANT,
            format!(
                "renvoi faux : « {written} » mène à l'{kind} {numero} « {titre} », que le texte intitule « {titled} »"
            ),
        )
        .label(format!("l'{kind} {numero} porte un autre titre"))
        .help(match better {
            Some((id, words)) => format!(
                "vouliez-vous dire l'{words} ? écrivez [](#{kind}:{id}) : fdr en écrit le numéro et le titre"
            ),
            None => format!(
                "écrivez le renvoi calculé [](#{kind}:ID) vers l'{kind} voulu, ou corrigez le titre écrit à la main"
            ),
        }),
    )
}

/// What to write instead of a number that points at nothing: the actions
/// ending with it (« l'action 2 » meant 1.2 or 3.2), else the link form.
fn missing_help(model: &m::Roadmap, r: &HandRef, nom: fr::Nom) -> String {
    let kind = nom.singulier;
    let suffix = format!(".{}", r.numero);
    let close: Vec<String> = model
        .actions
        .iter()
        .filter(|a| kind == "action" && a.numero.ends_with(&suffix))
        .take(3)
        .map(|a| {
            format!(
                "[](#action:{}) pour l'action {} « {} »",
                a.id, a.numero, a.titre
            )
        })
        .collect();
    if close.is_empty() {
        format!(
            "retrouvez l'{kind} {} et écrivez [](#{kind}:ID) avec son identifiant : fdr en \
             écrit le numéro et le titre",
            nom.accorde("visé", 1)
        )
    } else {
        format!(
            "les actions sont numérotées par axe : écrivez {}",
            close.join(", ou ")
        )
    }
}

fn check_text(ctx: &mut Ctx, lt: &LoadedText, model: &m::Roadmap, left: &mut usize) {
    let mut locator = Locator::new(ctx, lt);
    for r in hand_refs(&lt.text) {
        let Some(l) = left.checked_sub(1) else { return };
        *left = l;
        let written = lt.text.get(r.start..r.end).unwrap_or_default().to_string();
        let mut d = diagnostic(model, &r, &written).in_file(lt.file);
        if let Some(l) = &mut locator {
            d = d.at(lt.file, l.span(&lt.text, r.start, r.end));
        }
        ctx.push(d);
    }
}

/// The plain-text fields where a reference is typed as often as in the
/// texts (« Les partenaires sont ceux de l'action 1 ») but cannot be a
/// link: a partners' note, needs, milestones.
pub fn plain(ctx: &mut Ctx, merged: &super::super::merge::Merged, model: &m::Roadmap) {
    let mut left = super::MAX_REPORTED;
    let mut fields: Vec<(crate::diagnostic::FileId, &crate::format::Sp<String>)> = Vec::new();
    for (file, a) in &merged.actions {
        fields.extend(a.partenaires_note.iter().map(|n| (*file, n)));
        fields.extend(a.besoins.iter().map(|n| (*file, n)));
    }
    for (file, j) in &merged.jalons {
        fields.push((*file, &j.libelle));
    }
    for (file, field) in fields {
        for r in hand_refs(&field.value) {
            let Some(l) = left.checked_sub(1) else { return };
            left = l;
            let written = field.value.get(r.start..r.end).unwrap_or_default();
            let d = diagnostic(model, &r, written);
            ctx.push(d.at(file, within(field, &r)));
        }
    }
}

/// The span of `r` in a plain one-line value written as is (no quotes,
/// escapes or folding: its span is exactly its text); else the value's.
fn within(field: &crate::format::Sp<String>, r: &HandRef) -> crate::format::Span {
    let s = field.span;
    let as_is = s.len == field.value.len() && !field.value.contains('\n');
    match field.value.get(..r.start).filter(|_| as_is) {
        Some(before) => crate::format::Span {
            offset: s.offset + r.start,
            len: r.end - r.start,
            line: s.line,
            col: s.col + before.chars().count(),
        },
        None => s,
    }
}

/// Every Markdown text of the roadmap (the first [`super::MAX_REPORTED`]
/// references found).
pub fn run(ctx: &mut Ctx, model: &m::Roadmap) {
    let texts = std::mem::take(&mut ctx.texts);
    let mut left = super::MAX_REPORTED;
    for lt in &texts {
        check_text(ctx, lt, model, &mut left);
    }
    ctx.texts = texts;
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str) -> Vec<(String, String)> {
        hand_refs(text)
            .into_iter()
            .map(|r| (r.kind.to_string(), text[r.start..r.end].to_string()))
            .collect()
    }

    #[test]
    fn finds_hand_typed_references() {
        assert_eq!(
            found("Voir l'action 2.1 (axe 3), puis l'Annexe\u{a0}4. Les actions 1.2 et 1.3."),
            [
                ("action".into(), "action 2.1".into()),
                ("axe".into(), "axe 3".into()),
                ("annexe".into(), "Annexe\u{a0}4".into()),
                ("action".into(), "actions 1.2".into()),
            ]
        );
        assert_eq!(found("l'action 2 et l'action 1.2.")[0].1, "action 2");
        assert_eq!(found("l'action 1.2 de l'axe 1")[0].1, "action 1.2");
        assert_eq!(found("l'action 2 et l'action 1.2.")[1].1, "action 1.2");
    }

    #[test]
    fn leaves_links_code_plurals_and_years() {
        for t in [
            "[](#action:reseau) et [l'action 2.1](#action:reseau)",
            "`axe 2` et ```annexe 3```",
            "les actions 2025, les axes 1 et 2, l'axe 1.2, axe-2, annexe 2024",
            "http://exemple.fr/action 1",
            "l'annexe 2 de la circulaire, l'axe 3 du plan national, l'axe 1 d'Inclusion",
        ] {
            let refs = found(t);
            assert!(refs.is_empty(), "{t}: {refs:?}");
        }
    }
}
