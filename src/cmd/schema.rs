//! `fdr schema`: print the JSON Schema of a fragment.

use super::Failure;

pub fn run() -> Result<u8, Failure> {
    print!("{}", crate::validate::schema::fragment_schema_text());
    Ok(0)
}
