//! French formatting of numbers, money, shares and dates — in one place.

use crate::compute::Share;
use crate::model::{DateFlou, Decimal, Money, Precision};

/// The separators of French typography, shared with the messages.
pub use crate::diagnostic::fr::{THOUSANDS, UNIT_SPACE};

pub const MONTHS: [&str; 12] = [
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
];

/// Short month names for grids.
pub const MONTHS_SHORT: [&str; 12] = [
    "janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.", "nov.",
    "déc.",
];

/// First letter in capitals, the rest as is (« COPIL » stays « COPIL »).
pub fn ucfirst(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().collect::<String>() + c.as_str(),
        None => String::new(),
    }
}

/// `2082886` → `2 082 886`.
pub fn int(n: i128) -> String {
    crate::diagnostic::fr::int(n)
}

/// `Money(7143300)` → `71 433 €`; cents shown only when there are some;
/// the sign kept between −1 € and 0 (`-0,50 €`).
pub fn money(m: Money) -> String {
    crate::diagnostic::fr::euros(m.0)
}

/// Signed amount for diffs: `+2 500 €`, `-1 000 €`.
pub fn money_signed(m: Money) -> String {
    if m.0 > 0 {
        format!("+{}", money(m))
    } else {
        money(m)
    }
}

/// `6.8` → `6,8`; integers get thousands separators.
pub fn decimal(d: Decimal) -> String {
    let s = d.to_string();
    let (int_part, frac) = s.split_once('.').unwrap_or((&s, ""));
    let i: i128 = int_part.parse().unwrap_or(0);
    let mut out = int(i);
    if int_part.starts_with('-') && i == 0 {
        out = format!("-{out}");
    }
    if !frac.is_empty() {
        out.push(',');
        out.push_str(frac);
    }
    out
}

/// `91.8 %`, one decimal, French comma.
pub fn share(s: Share) -> String {
    let pm = s.per_mille();
    format!("{},{}{UNIT_SPACE}%", int((pm / 10) as i128), pm % 10)
}

/// A signed ratio as a percentage, one decimal: `62,5 %`, `-12,0 %`.
pub fn ratio(r: crate::compute::indicateurs::Ratio) -> String {
    let pm = r.per_mille();
    let sign = if pm < 0 { "-" } else { "" };
    let a = pm.unsigned_abs();
    format!("{sign}{},{}{UNIT_SPACE}%", int((a / 10) as i128), a % 10)
}

pub fn opt_share(s: Option<Share>) -> String {
    s.map(share).unwrap_or_default()
}

/// `2025-T2` → `2e trimestre 2025`, `2025-03` → `mars 2025`.
pub fn date(d: DateFlou) -> String {
    let month = MONTHS[(d.mois as usize).saturating_sub(1) % 12];
    match d.precision {
        Precision::Annee => d.annee.to_string(),
        Precision::Trimestre => {
            let q = (d.mois - 1) / 3 + 1;
            let ord = if q == 1 {
                "1er".to_string()
            } else {
                format!("{q}e")
            };
            format!("{ord} trimestre {}", d.annee)
        }
        Precision::Mois => format!("{month} {}", d.annee),
        Precision::Jour => {
            let day = if d.jour == 1 {
                "1er".to_string()
            } else {
                d.jour.to_string()
            };
            format!("{day} {month} {}", d.annee)
        }
    }
}

/// "de mars 2025", "de 2025", "du 1er trimestre 2025", "du 14 mars 2025".
fn de(d: DateFlou) -> String {
    match d.precision {
        Precision::Trimestre | Precision::Jour => format!("du {}", date(d)),
        Precision::Annee | Precision::Mois => format!("de {}", date(d)),
    }
}

/// "jusqu'en 2025", "jusqu'à mars 2025", "jusqu'au 1er trimestre 2025".
fn jusqu_a(d: DateFlou) -> String {
    match d.precision {
        Precision::Annee => format!("jusqu'en {}", date(d)),
        Precision::Mois => format!("jusqu'à {}", date(d)),
        Precision::Trimestre | Precision::Jour => format!("jusqu'au {}", date(d)),
    }
}

/// A span of dates: `de mars 2025 à juin 2025`, or one date when equal.
pub fn date_range(a: Option<DateFlou>, b: Option<DateFlou>) -> Option<String> {
    match (a, b) {
        (Some(a), Some(b)) if a == b => Some(date(a)),
        (Some(a), Some(b)) => Some(format!("{} → {}", date(a), date(b))),
        (Some(a), None) => Some(format!("à partir {}", de(a))),
        (None, Some(b)) => Some(jusqu_a(b)),
        (None, None) => None,
    }
}

/// `s` cut to `max` characters, ending with « … » when it was longer.
pub fn truncate(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        return s.to_string();
    }
    let kept: String = s.chars().take(max.saturating_sub(1)).collect();
    format!("{}…", kept.trim_end())
}

/// "1 action", "5 actions".
pub fn count(n: usize, one: &str, many: &str) -> String {
    if n > 1 {
        format!("{} {many}", int(n as i128))
    } else {
        format!("{n} {one}")
    }
}

/// "A", "A et B", "A, B et C".
pub fn join_fr(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} et {last}", init.join(", ")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn open_spans_take_the_right_preposition() {
        let d = |s: &str| DateFlou::parse(s).unwrap();
        assert_eq!(
            date_range(Some(d("2025-T1")), None).unwrap(),
            "à partir du 1er trimestre 2025"
        );
        assert_eq!(
            date_range(Some(d("2025-03")), None).unwrap(),
            "à partir de mars 2025"
        );
        assert_eq!(
            date_range(Some(d("2025")), None).unwrap(),
            "à partir de 2025"
        );
        assert_eq!(
            date_range(None, Some(d("2026-T2"))).unwrap(),
            "jusqu'au 2e trimestre 2026"
        );
        assert_eq!(date_range(None, Some(d("2026"))).unwrap(), "jusqu'en 2026");
        assert_eq!(
            date_range(None, Some(d("2026-05"))).unwrap(),
            "jusqu'à mai 2026"
        );
    }

    #[test]
    fn formats_money_in_french() {
        assert_eq!(money(Money::euros(71_433)), "71\u{202f}433\u{a0}€");
        assert_eq!(money(Money(600_050)), "6\u{202f}000,50\u{a0}€");
        assert_eq!(money(Money::euros(950)), "950\u{a0}€");
        assert_eq!(money_signed(Money::euros(2500)), "+2\u{202f}500\u{a0}€");
        assert_eq!(money_signed(Money::euros(-1000)), "-1\u{202f}000\u{a0}€");
    }

    #[test]
    fn formats_dates_in_french() {
        let d = |s| date(DateFlou::parse(s).unwrap());
        assert_eq!(d("2025-T2"), "2e trimestre 2025");
        assert_eq!(d("2025-T1"), "1er trimestre 2025");
        assert_eq!(d("2025-03"), "mars 2025");
        assert_eq!(d("2023-11-01"), "1er novembre 2023");
        assert_eq!(d("2024"), "2024");
    }

    #[test]
    fn formats_numbers_and_shares() {
        assert_eq!(int(2_082_886), "2\u{202f}082\u{202f}886");
        assert_eq!(decimal(Decimal::parse("6.8").unwrap()), "6,8");
        assert_eq!(
            share(Share::new(1_911_311, 2_082_886).unwrap()),
            "91,8\u{a0}%"
        );
    }
}
