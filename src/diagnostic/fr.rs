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
