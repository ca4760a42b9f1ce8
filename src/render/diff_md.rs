//! `fdr diff` as Markdown, fit for a pull-request comment or a CI job summary.
//!
//! Every text that comes from the sources (titles, names, labels) or the
//! command line goes through [`text`]: it cannot start a line, so it cannot
//! make a heading, a list or a table row, and its punctuation is escaped so
//! that it cannot make a link, an image, HTML, code or emphasis either.

use crate::compute::diff::{ActionRef, Amounts, Change, Diff};
use crate::model::{DateFlou, Money};
use crate::render::{fmt, labels};

/// Characters that make inline markup anywhere in a line: emphasis, code,
/// links and images, HTML and entities, table cells, strikethrough, math,
/// headings (`#`, escaped although a line never starts with source text).
const MARKUP: &str = "\\`*_[]<>|#~$&";

/// Invisible, breaks GFM autolinks (`www.`, `http://`, `a@b.c`).
const JOINER: char = '\u{2060}';

/// Source text as inert inline Markdown: line breaks and other control
/// characters become spaces, markup characters are backslash-escaped, and
/// an invisible word joiner breaks what GFM would turn into a link.
pub fn text(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if c.is_control() || matches!(c, '\u{2028}' | '\u{2029}') {
            out.push(' ');
        } else if c == '.' && ends_with_www(&out) {
            out.push(JOINER);
            out.push(c);
        } else if matches!(c, ':' | '@') {
            out.push(c);
            out.push(JOINER);
        } else if MARKUP.contains(c) {
            out.push('\\');
            out.push(c);
        } else {
            out.push(c);
        }
    }
    out
}

fn ends_with_www(s: &str) -> bool {
    s.len()
        .checked_sub(3)
        .and_then(|i| s.get(i..))
        .is_some_and(|t| t.eq_ignore_ascii_case("www"))
}

/// An amount with its sign even between −1 € and 0: `-0,50 €` (as
/// `fmt::money` writes every amount).
fn money(m: Money) -> String {
    fmt::money(m)
}

/// A delta: `+2 500 €`, `-0,50 €`, `0 €`.
fn signed(m: Money) -> String {
    if m.0 > 0 {
        format!("+{}", fmt::money(m))
    } else {
        money(m)
    }
}

fn action(a: &ActionRef) -> String {
    format!("action {} « {} »", text(&a.numero), text(&a.titre))
}

fn money_table(out: &mut String, title: &str, rows: &[(String, Amounts)]) {
    if rows.is_empty() {
        return;
    }
    out.push_str(&format!(
        "\n#### {title}\n\n| | Avant | Après | Écart |\n|---|---:|---:|---:|\n"
    ));
    for (label, m) in rows {
        out.push_str(&format!(
            "| {label} | {} | {} | **{}** |\n",
            money(m.avant),
            money(m.apres),
            signed(m.ecart)
        ));
    }
}

fn date(d: &Option<DateFlou>) -> String {
    d.map_or_else(|| "—".into(), fmt::date)
}

fn dates(label: &str, c: &Option<Change<Option<DateFlou>>>, parts: &mut Vec<String>) {
    if let Some(c) = c {
        parts.push(format!("{label} : {} → {}", date(&c.avant), date(&c.apres)));
    }
}

/// The escaped name of an acteur id.
fn acteur(d: &Diff, id: &str) -> String {
    text(d.acteurs.get(id).map_or(id, String::as_str))
}

fn action_lines(out: &mut String, d: &Diff) {
    for x in &d.actions_ajoutees {
        out.push_str(&format!("- ➕ **ajoutée** : {}\n", action(x)));
    }
    for x in &d.actions_retirees {
        out.push_str(&format!("- ➖ **retirée** : {}\n", action(x)));
    }
    for c in &d.actions_modifiees {
        let mut parts = Vec::new();
        if let Some(t) = &c.titre {
            parts.push(format!(
                "renommée « {} » → « {} »",
                text(&t.avant),
                text(&t.apres)
            ));
        }
        if let Some(n) = &c.numero {
            parts.push(format!(
                "renumérotée {} → {}",
                text(&n.avant),
                text(&n.apres)
            ));
        }
        if let Some(s) = &c.statut {
            parts.push(format!(
                "statut : {} → {}",
                labels::statut(s.avant),
                labels::statut(s.apres)
            ));
        }
        dates("début", &c.debut, &mut parts);
        dates("fin", &c.fin, &mut parts);
        for (label, ids) in [
            ("référent ajouté", &c.referents_ajoutes),
            ("référent retiré", &c.referents_retires),
            ("partenaire ajouté", &c.partenaires_ajoutes),
            ("partenaire retiré", &c.partenaires_retires),
        ] {
            for id in ids {
                parts.push(format!("{label} : {}", acteur(d, id)));
            }
        }
        for x in &c.indicateurs {
            parts.push(format!("indicateur modifié : {}", text(x)));
        }
        out.push_str(&format!(
            "- ✏️ {} : {}\n",
            action(&c.action),
            parts.join(" ; ")
        ));
    }
}

fn money_tables(out: &mut String, d: &Diff) {
    let lines: Vec<(String, Amounts)> = d
        .lignes
        .iter()
        .map(|l| {
            let mut k = format!(
                "action {} — {}",
                text(&l.action.numero),
                acteur(d, &l.financeur)
            );
            if !l.recipiendaire.is_empty() {
                k.push_str(&format!(" → {}", acteur(d, &l.recipiendaire)));
            }
            if let Some(y) = l.annee {
                k.push_str(&format!(" ({y})"));
            }
            (k, l.montant)
        })
        .collect();
    money_table(out, "Financement par ligne", &lines);
    let actions: Vec<(String, Amounts)> = d
        .par_action
        .iter()
        .map(|a| (action(&a.action), a.montant))
        .collect();
    money_table(out, "Financement par action", &actions);
    let axes: Vec<(String, Amounts)> = d
        .par_axe
        .iter()
        .map(|a| {
            let label = format!("axe {} « {} »", a.axe.numero, text(&a.axe.titre));
            (label, a.montant)
        })
        .collect();
    money_table(out, "Financement par axe", &axes);
    let years: Vec<(String, Amounts)> = d
        .par_annee
        .iter()
        .map(|y| {
            let label = y
                .annee
                .map_or("année non précisée".into(), |a| a.to_string());
            (label, y.montant)
        })
        .collect();
    money_table(out, "Financement par année", &years);
    let sources: Vec<(String, Amounts)> = d
        .par_financeur
        .iter()
        .map(|s| (acteur(d, &s.financeur), s.montant))
        .collect();
    money_table(out, "Financement par financeur", &sources);
    status_moves(out, d);
}

/// « action 1.2 — ANCT : accordé → versé ».
fn status_moves(out: &mut String, d: &Diff) {
    if d.statuts.is_empty() {
        return;
    }
    out.push_str("\n#### État des financements\n\n");
    let label = |s: Option<crate::model::StatutFinancement>| {
        s.map_or("non précisé", crate::render::labels::statut_financement)
    };
    for m in &d.statuts {
        out.push_str(&format!(
            "- action {} — {} : {} → {}\n",
            text(&m.action.numero),
            acteur(d, &m.financeur),
            label(m.avant),
            label(m.apres)
        ));
    }
}

pub fn render(d: &Diff, old: &str, new: &str) -> String {
    let (old, new) = (text(old), text(new));
    if d.is_empty() {
        return format!("Aucune modification entre {old} et {new}.\n");
    }
    let mut out = format!("### Feuille de route : {old} → {new}\n\n");
    out.push_str(&format!(
        "**Financement total** : {} → {} ({})\n",
        money(d.total.avant),
        money(d.total.apres),
        signed(d.total.ecart)
    ));
    if !d.enveloppes_depassees.is_empty() {
        let names: Vec<String> = d
            .enveloppes_depassees
            .iter()
            .map(|e| text(&e.libelle))
            .collect();
        out.push_str(&format!(
            "\n⚠️ **Enveloppe(s) désormais dépassée(s)** : {}\n",
            names.join(", ")
        ));
    }
    if !d.actions_ajoutees.is_empty()
        || !d.actions_retirees.is_empty()
        || !d.actions_modifiees.is_empty()
    {
        out.push_str("\n#### Actions\n\n");
        action_lines(&mut out, d);
    }
    money_tables(&mut out, d);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn source_text_cannot_make_markup() {
        assert_eq!(text("a\n# b"), "a \\# b");
        assert_eq!(text("<img>"), "\\<img\\>");
        assert_eq!(text("![x](y)"), "!\\[x\\](y)");
        assert_eq!(text("a | b"), "a \\| b");
        assert_eq!(text("www.x.org"), "www\u{2060}.x.org");
        assert_eq!(text("d'accueil, oui"), "d'accueil, oui");
    }

    #[test]
    fn small_negative_amounts_keep_their_sign() {
        assert_eq!(signed(Money(-50)), "-0,50\u{a0}€");
        assert_eq!(signed(Money(50)), "+0,50\u{a0}€");
        assert_eq!(signed(Money(0)), "0\u{a0}€");
    }
}
