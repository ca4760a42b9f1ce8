//! `fdr export DIR --format json|csv|xlsx|ods [-o FICHIER]`: the resolved,
//! computed model, a CSV table, or a workbook of every table.

use super::{EXIT_INVALID, Failure, Output};
use crate::cli::{CsvTable, ExportArgs, ExportFormat};
use crate::render::sheets;
use crate::{compute, validate};
use std::io::{IsTerminal, Write};
use std::path::Path;

fn extension(f: ExportFormat) -> &'static str {
    match f {
        ExportFormat::Json => "json",
        ExportFormat::Csv => "csv",
        ExportFormat::Xlsx => "xlsx",
        ExportFormat::Ods => "ods",
    }
}

/// A workbook goes to a file (or to `-o -` piped elsewhere): never to a
/// terminal, never to a file named for another format.
fn check_output(args: &ExportArgs) -> Result<(), Failure> {
    let ext = extension(args.format);
    let binary = matches!(args.format, ExportFormat::Xlsx | ExportFormat::Ods);
    match args.output.as_deref() {
        None if binary => Err(Failure::Usage(format!(
            "--format {ext} produit un classeur : donnez le fichier à créer avec -o (par exemple -o feuille.{ext})"
        ))),
        Some(p) if p == Path::new("-") && binary && std::io::stdout().is_terminal() => {
            Err(Failure::Usage(format!(
                "fdr n'écrit pas un classeur {ext} dans le terminal : redirigez la sortie (> feuille.{ext}) ou donnez -o feuille.{ext}"
            )))
        }
        Some(p) => match p.extension().and_then(|e| e.to_str()) {
            Some(e)
                if ["json", "csv", "xlsx", "ods"].contains(&e.to_ascii_lowercase().as_str())
                    && !e.eq_ignore_ascii_case(ext) =>
            {
                Err(Failure::Usage(format!(
                    "« {} » : l'extension .{e} ne correspond pas au format {ext} (choisissez --format {} ou un fichier .{ext})",
                    p.display(),
                    e.to_ascii_lowercase()
                )))
            }
            _ => Ok(()),
        },
        None => Ok(()),
    }
}

pub fn run(args: &ExportArgs, out: &Output) -> Result<u8, Failure> {
    check_output(args)?;
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
    let bytes =
        match args.format {
            ExportFormat::Json => {
                let doc = serde_json::json!({ "modele": model, "calculs": calculs });
                let text =
                    serde_json::to_string_pretty(&doc).map_err(|e| Failure::Io(e.to_string()))?;
                format!("{text}\n").into_bytes()
            }
            ExportFormat::Csv => match args.table {
                CsvTable::Financements => crate::render::csv::financements(model),
                CsvTable::Actions => crate::render::csv::actions(model, &calculs),
                CsvTable::Indicateurs => crate::render::csv::indicateurs(model),
            }
            .into_bytes(),
            ExportFormat::Xlsx => sheets::xlsx::write(&sheets::workbook(model, &calculs))
                .map_err(|e| Failure::Io(e.0))?,
            ExportFormat::Ods => sheets::ods::write(&sheets::workbook(model, &calculs))
                .map_err(|e| Failure::Io(e.0))?,
        };
    match args.output.as_deref() {
        Some(p) if p != Path::new("-") => {
            super::write::create_new(p, &args.dir, &bytes)?;
            if !out.quiet && args.format != ExportFormat::Json && args.format != ExportFormat::Csv {
                eprintln!("classeur écrit : {}", p.display());
            }
        }
        _ => std::io::stdout().write_all(&bytes).map_err(|e| {
            Failure::Io(format!("écriture sur la sortie standard impossible : {e}"))
        })?,
    }
    Ok(0)
}
