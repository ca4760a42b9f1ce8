//! Exact values parsed from the sources: money in cents, decimals as
//! integer mantissas, dates at the precision they were written with.

use serde::Serialize;
use std::fmt;

/// An amount in euro cents. Never a float.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(transparent)]
pub struct Money(pub i64);

impl Money {
    /// Whole euros (saturating: never wraps).
    pub fn euros(e: i64) -> Self {
        Money(e.saturating_mul(100))
    }

    /// Parse `6000`, `6000.5`, `"6 000,50"`, `"6000 €"`.
    pub fn parse(raw: &str) -> Result<Money, String> {
        let cleaned: String = raw
            .trim()
            .trim_end_matches('€')
            .chars()
            .filter(|c| !matches!(c, ' ' | '\u{a0}' | '\u{202f}'))
            .collect();
        let d = Decimal::parse(&cleaned).map_err(|_| format!("« {raw} » n'est pas un montant"))?;
        if d.scale > 2 {
            return Err(format!("« {raw} » a plus de deux décimales"));
        }
        let cents = d
            .mantissa
            .checked_mul(10i64.pow(2 - d.scale as u32))
            .filter(|c| c.unsigned_abs() < 10u64.pow(15))
            .ok_or_else(|| format!("« {raw} » est un montant trop grand"))?;
        Ok(Money(cents))
    }

    pub fn checked_add(self, o: Money) -> Option<Money> {
        self.0.checked_add(o.0).map(Money)
    }
}

impl std::ops::Add for Money {
    type Output = Money;
    fn add(self, o: Money) -> Money {
        Money(self.0.saturating_add(o.0))
    }
}

impl std::ops::Sub for Money {
    type Output = Money;
    fn sub(self, o: Money) -> Money {
        Money(self.0.saturating_sub(o.0))
    }
}

impl std::iter::Sum for Money {
    fn sum<I: Iterator<Item = Money>>(iter: I) -> Money {
        iter.fold(Money(0), |a, b| a + b)
    }
}

/// A decimal number: `mantissa / 10^scale`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Decimal {
    pub mantissa: i64,
    pub scale: u8,
}

impl Decimal {
    pub fn parse(raw: &str) -> Result<Decimal, String> {
        let s = raw.trim().replace(',', ".");
        let (neg, s) = match s.strip_prefix('-') {
            Some(r) => (true, r.to_string()),
            None => (false, s),
        };
        let (int, frac) = s.split_once('.').unwrap_or((&s, ""));
        let ok = !int.is_empty()
            && int.bytes().all(|b| b.is_ascii_digit())
            && frac.bytes().all(|b| b.is_ascii_digit())
            && frac.len() <= 6;
        if !ok {
            return Err(format!("« {raw} » n'est pas un nombre"));
        }
        let digits = format!("{int}{frac}");
        let m: i64 = digits
            .parse()
            .map_err(|_| format!("« {raw} » est trop grand"))?;
        Ok(Decimal {
            mantissa: if neg { -m } else { m },
            scale: frac.len() as u8,
        })
    }

    pub const ZERO: Decimal = Decimal {
        mantissa: 0,
        scale: 0,
    };

    /// Exact sum at the larger scale; `None` when it leaves `i64`.
    pub fn checked_add(self, o: Decimal) -> Option<Decimal> {
        let scale = self.scale.max(o.scale);
        let widen = |d: Decimal| {
            10i64
                .checked_pow(u32::from(scale - d.scale))
                .and_then(|p| d.mantissa.checked_mul(p))
        };
        Some(Decimal {
            mantissa: widen(self)?.checked_add(widen(o)?)?,
            scale,
        })
    }

    pub fn is_positive(&self) -> bool {
        self.mantissa > 0
    }

    /// Compare two values exactly (`5.2` and `5.20` are equal).
    pub fn cmp_value(&self, o: &Decimal) -> std::cmp::Ordering {
        // Scales are at most 6 (`parse`): the widened mantissas fit an i128.
        let widen = |d: &Decimal, to: u8| {
            10i128
                .checked_pow(u32::from(to.saturating_sub(d.scale)))
                .and_then(|p| i128::from(d.mantissa).checked_mul(p))
                .unwrap_or(i128::MAX)
        };
        let scale = self.scale.max(o.scale);
        widen(self, scale).cmp(&widen(o, scale))
    }

    /// Compare with an integer without floats.
    pub fn cmp_int(&self, n: i64) -> std::cmp::Ordering {
        (self.mantissa as i128).cmp(&(n as i128 * 10i128.pow(self.scale as u32)))
    }
}

impl fmt::Display for Decimal {
    /// Plain notation with a dot; French formatting happens in `render`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let p = 10i64.pow(self.scale as u32);
        let sign = if self.mantissa < 0 { "-" } else { "" };
        let m = self.mantissa.unsigned_abs();
        if self.scale == 0 {
            write!(f, "{sign}{m}")
        } else {
            write!(
                f,
                "{sign}{}.{:0width$}",
                m / p as u64,
                m % p as u64,
                width = self.scale as usize
            )
        }
    }
}

impl Serialize for Decimal {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.to_string())
    }
}

/// How precisely a date was written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Precision {
    Annee,
    Trimestre,
    Mois,
    Jour,
}

/// A date written as `2025`, `2025-T2`, `2025-03` or `2025-03-14`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct DateFlou {
    pub annee: u16,
    /// First month covered (1–12).
    pub mois: u8,
    /// Day, for day precision.
    pub jour: u8,
    pub precision: Precision,
}

fn days_in_month(y: u16, m: u8) -> u8 {
    match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        _ if (y.is_multiple_of(4) && !y.is_multiple_of(100)) || y.is_multiple_of(400) => 29,
        _ => 28,
    }
}

impl DateFlou {
    pub fn parse(raw: &str) -> Result<DateFlou, String> {
        let s = raw.trim();
        let bad = || format!("« {raw} » n'est pas une date (2025, 2025-T2, 2025-03 ou 2025-03-14)");
        let mut parts = s.split('-');
        let y: u16 = parts
            .next()
            .filter(|p| p.len() == 4)
            .and_then(|p| p.parse().ok())
            .ok_or_else(bad)?;
        if !(1900..=2200).contains(&y) {
            return Err(format!(
                "« {raw} » : l'année doit être comprise entre 1900 et 2200"
            ));
        }
        let second = parts.next();
        let third = parts.next();
        if parts.next().is_some() {
            return Err(bad());
        }
        let mut d = DateFlou {
            annee: y,
            mois: 1,
            jour: 1,
            precision: Precision::Annee,
        };
        match (second, third) {
            (None, None) => {}
            (Some(q), None) if q.starts_with('T') => {
                let q: u8 = q[1..].parse().map_err(|_| bad())?;
                if !(1..=4).contains(&q) {
                    return Err(format!("« {raw} » : le trimestre va de T1 à T4"));
                }
                d.mois = (q - 1) * 3 + 1;
                d.precision = Precision::Trimestre;
            }
            (Some(m), day) => {
                if m.len() != 2 {
                    return Err(bad());
                }
                let m: u8 = m.parse().map_err(|_| bad())?;
                if !(1..=12).contains(&m) {
                    return Err(format!("« {raw} » : le mois va de 01 à 12"));
                }
                d.mois = m;
                d.precision = Precision::Mois;
                if let Some(day) = day {
                    if day.len() != 2 {
                        return Err(bad());
                    }
                    let day: u8 = day.parse().map_err(|_| bad())?;
                    if day == 0 || day > days_in_month(y, m) {
                        return Err(format!("« {raw} » : ce jour n'existe pas"));
                    }
                    d.jour = day;
                    d.precision = Precision::Jour;
                }
            }
            _ => return Err(bad()),
        }
        Ok(d)
    }

    /// First day covered, as a sortable (year, month, day).
    pub fn start(&self) -> (u16, u8, u8) {
        (self.annee, self.mois, self.jour)
    }

    /// Last month covered.
    pub fn last_month(&self) -> u8 {
        match self.precision {
            Precision::Annee => 12,
            Precision::Trimestre => self.mois + 2,
            Precision::Mois | Precision::Jour => self.mois,
        }
    }

    /// Last day covered, as a sortable (year, month, day).
    pub fn end(&self) -> (u16, u8, u8) {
        let m = self.last_month();
        let d = match self.precision {
            Precision::Jour => self.jour,
            _ => days_in_month(self.annee, m),
        };
        (self.annee, m, d)
    }

    /// Months since year 0, for month grids.
    pub fn month_index(&self) -> u32 {
        self.annee as u32 * 12 + self.mois as u32 - 1
    }

    pub fn end_month_index(&self) -> u32 {
        self.annee as u32 * 12 + self.last_month() as u32 - 1
    }
}

impl fmt::Display for DateFlou {
    /// The canonical source notation.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.precision {
            Precision::Annee => write!(f, "{}", self.annee),
            Precision::Trimestre => write!(f, "{}-T{}", self.annee, (self.mois - 1) / 3 + 1),
            Precision::Mois => write!(f, "{}-{:02}", self.annee, self.mois),
            Precision::Jour => write!(f, "{}-{:02}-{:02}", self.annee, self.mois, self.jour),
        }
    }
}

impl Serialize for DateFlou {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn money_parses_without_floats() {
        assert_eq!(Money::parse("6000"), Ok(Money(600_000)));
        assert_eq!(Money::parse("6 000,50 €"), Ok(Money(600_050)));
        assert_eq!(Money::parse("0.1"), Ok(Money(10)));
        assert!(Money::parse("1.234").is_err());
        assert!(Money::parse(".nan").is_err());
        assert!(Money::parse("inf").is_err());
        assert!(Money::parse("99999999999999999999").is_err());
    }

    #[test]
    fn dates_parse_at_their_precision() {
        let d = DateFlou::parse("2025-T2").unwrap();
        assert_eq!((d.mois, d.last_month()), (4, 6));
        assert_eq!(d.to_string(), "2025-T2");
        assert_eq!(DateFlou::parse("2024-02-29").unwrap().end(), (2024, 2, 29));
        assert!(DateFlou::parse("2025-02-30").is_err());
        assert!(DateFlou::parse("2025-13").is_err());
        assert!(DateFlou::parse("2025-T5").is_err());
        assert_eq!(DateFlou::parse("2025").unwrap().end(), (2025, 12, 31));
    }

    #[test]
    fn decimals_keep_their_digits() {
        let d = Decimal::parse("6,8").unwrap();
        assert_eq!(d.to_string(), "6.8");
        assert_eq!(d.cmp_int(7), std::cmp::Ordering::Less);
        assert_eq!(Decimal::parse("15").unwrap().to_string(), "15");
        assert!(Decimal::parse("abc").is_err());
    }
}
