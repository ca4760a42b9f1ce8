//! `fdr export DIR --format json`: the resolved, computed model.

use super::{EXIT_INVALID, Failure, Output};
use crate::cli::{CsvTable, ExportArgs, ExportFormat};
use crate::{compute, validate};

pub fn run(args: &ExportArgs, out: &Output) -> Result<u8, Failure> {
    let checked = validate::check(&args.dir, Some(&args.dir.join("build")))?;
    let Some(model) = checked
        .model
        .as_ref()
        .filter(|_| !checked.diags.has_errors())
    else {
        out.report(&checked.diags, &checked.sources);
        return Ok(EXIT_INVALID);
    };
    if !out.quiet && !checked.diags.items.is_empty() {
        out.report(&checked.diags, &checked.sources);
    }
    let calculs = compute::compute(model);
    match args.format {
        ExportFormat::Json => {
            let doc = serde_json::json!({ "modele": model, "calculs": calculs });
            let text =
                serde_json::to_string_pretty(&doc).map_err(|e| Failure::Io(e.to_string()))?;
            println!("{text}");
        }
        ExportFormat::Csv => match args.table {
            CsvTable::Financements => print!("{}", crate::render::csv::financements(model)),
            CsvTable::Actions => print!("{}", crate::render::csv::actions(model, &calculs)),
            CsvTable::Indicateurs => print!("{}", crate::render::csv::indicateurs(model)),
        },
    }
    Ok(0)
}
