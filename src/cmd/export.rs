//! `fdr export DIR --format json`: the resolved, computed model.

use super::{EXIT_INVALID, Failure, Output};
use crate::cli::ExportArgs;
use crate::{compute, validate};

pub fn run(args: &ExportArgs, out: &Output) -> Result<u8, Failure> {
    let checked = validate::check(&args.dir, None)?;
    let Some(model) = &checked.model else {
        out.report(&checked.diags, &checked.sources);
        return Ok(EXIT_INVALID);
    };
    if !out.quiet && !checked.diags.items.is_empty() {
        out.report(&checked.diags, &checked.sources);
    }
    let calculs = compute::compute(model);
    let doc = serde_json::json!({ "modele": model, "calculs": calculs });
    let text = serde_json::to_string_pretty(&doc).map_err(|e| Failure::Io(e.to_string()))?;
    println!("{text}");
    Ok(0)
}
