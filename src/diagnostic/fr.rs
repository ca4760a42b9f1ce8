//! French number formatting for messages, and the one implementation the
//! documents' formatting (`render::fmt`) builds on: narrow no-break space
//! between thousands, no-break space before the unit.

/// Between groups of three digits: narrow no-break space.
pub const THOUSANDS: char = '\u{202f}';
/// Between a number and its unit: no-break space.
pub const UNIT_SPACE: char = '\u{a0}';

/// `1234567` → `1 234 567`.
pub fn int(n: i128) -> String {
    let digits = n.unsigned_abs().to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(THOUSANDS);
        }
        out.push(c);
    }
    if n < 0 { format!("-{out}") } else { out }
}

/// Cents as euros: `7143300` → `71 433 €`; cents shown only when there
/// are some.
pub fn euros(cents: i64) -> String {
    let units = int(i128::from(cents / 100));
    let rest = (cents % 100).abs();
    let sign = if cents < 0 && cents > -100 { "-" } else { "" };
    if rest == 0 {
        format!("{sign}{units}{UNIT_SPACE}€")
    } else {
        format!("{sign}{units},{rest:02}{UNIT_SPACE}€")
    }
}

/// A noun of the messages with its gender: the one place French agreement
/// is made (« une action inconnue », « aucun axe », « 2 objectifs
/// demandés », « départementaux »).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Nom {
    pub singulier: &'static str,
    pub pluriel: &'static str,
    pub feminin: bool,
}

impl Nom {
    pub const fn m(singulier: &'static str, pluriel: &'static str) -> Self {
        Self {
            singulier,
            pluriel,
            feminin: false,
        }
    }

    pub const fn f(singulier: &'static str, pluriel: &'static str) -> Self {
        Self {
            singulier,
            pluriel,
            feminin: true,
        }
    }

    /// « un acteur », « une action ».
    pub fn un(self) -> String {
        format!(
            "{} {}",
            if self.feminin { "une" } else { "un" },
            self.singulier
        )
    }

    /// « aucun acteur », « aucune action ».
    pub fn aucun(self) -> String {
        format!(
            "aucun{} {}",
            if self.feminin { "e" } else { "" },
            self.singulier
        )
    }

    /// « d'un acteur », « d'une action ».
    pub fn d_un(self) -> String {
        format!("d'{}", self.un())
    }

    /// « 1 action », « 2 actions ».
    pub fn nombre(self, n: usize) -> String {
        format!("{n} {}", if n > 1 { self.pluriel } else { self.singulier })
    }

    /// A regular adjective (given in the masculine singular) agreeing with
    /// `n` of this noun: « inconnu » → « inconnue », « inconnues » ;
    /// « départemental » → « départementaux » ; « demandé » → « demandés ».
    pub fn accorde(self, adjectif: &str, n: usize) -> String {
        let pluriel = n > 1;
        match (self.feminin, pluriel) {
            (false, false) => adjectif.to_string(),
            (false, true) => match adjectif.strip_suffix("al") {
                Some(base) => format!("{base}aux"),
                None if adjectif.ends_with(['s', 'x']) => adjectif.to_string(),
                None => format!("{adjectif}s"),
            },
            (true, _) => {
                let f = if adjectif.ends_with('e') {
                    adjectif.to_string()
                } else {
                    format!("{adjectif}e")
                };
                if pluriel { format!("{f}s") } else { f }
            }
        }
    }

    /// The noun a roadmap gives its strands (`vocabulaire.axe`).
    pub fn de_mot(mot: crate::format::MotAxe) -> Self {
        Self {
            singulier: mot.singulier(),
            pluriel: mot.pluriel(),
            feminin: mot.feminin(),
        }
    }
}

pub const ACTEUR: Nom = Nom::m("acteur", "acteurs");
pub const ACTION: Nom = Nom::f("action", "actions");
pub const ANNEXE: Nom = Nom::f("annexe", "annexes");
pub const AXE: Nom = Nom::m("axe", "axes");
pub const CERCLE: Nom = Nom::m("cercle", "cercles");
pub const ENVELOPPE: Nom = Nom::f("enveloppe", "enveloppes");
pub const FONDS: Nom = Nom::m("fonds", "fonds");
pub const INDICATEUR: Nom = Nom::m("indicateur", "indicateurs");
pub const INSTANCE: Nom = Nom::f("instance", "instances");
pub const REUNION: Nom = Nom::f("réunion", "réunions");
pub const SECTION: Nom = Nom::f("section", "sections");
pub const SOUS_FEUILLE: Nom = Nom::f("sous-feuille", "sous-feuilles");
pub const TABLEAU: Nom = Nom::m("tableau", "tableaux");

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nouns_agree_in_gender_and_number() {
        assert_eq!(ACTION.un(), "une action");
        assert_eq!(AXE.aucun(), "aucun axe");
        assert_eq!(ACTION.aucun(), "aucune action");
        assert_eq!(ACTEUR.d_un(), "d'un acteur");
        assert_eq!(ACTION.nombre(1), "1 action");
        assert_eq!(TABLEAU.nombre(3), "3 tableaux");
        assert_eq!(ACTION.accorde("inconnu", 1), "inconnue");
        assert_eq!(ACTION.accorde("inconnu", 2), "inconnues");
        assert_eq!(AXE.accorde("départemental", 2), "départementaux");
        assert_eq!(AXE.accorde("demandé", 2), "demandés");
        assert_eq!(FONDS.accorde("épars", 2), "épars");
        assert_eq!(ANNEXE.accorde("libre", 1), "libre");
        let priorite = Nom::f("priorité", "priorités");
        assert_eq!(priorite.accorde("départemental", 2), "départementales");
    }
}
