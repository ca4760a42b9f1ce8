//! `fdr build DIR`: check, then render every requested format.

use super::{Failure, Output, EXIT_INVALID};
use crate::cli::BuildArgs;
use crate::validate;

pub fn run(args: &BuildArgs, out: &Output) -> Result<u8, Failure> {
    let output = args.output.clone().unwrap_or_else(|| args.dir.join("build"));
    let mut checked = validate::check(&args.dir, Some(&output))?;
    if args.deny_warnings {
        checked.diags.deny_warnings();
    }
    if !checked.diags.items.is_empty() {
        out.report(&checked.diags, &checked.sources);
    }
    let Some(_model) = checked.model.filter(|_| !checked.diags.has_errors()) else {
        return Ok(EXIT_INVALID);
    };
    Ok(0)
}
