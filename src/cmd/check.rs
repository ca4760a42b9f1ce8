//! `fdr check DIR`: validate, print every diagnostic, write nothing.

use super::{Failure, Output, EXIT_INVALID};
use crate::cli::{CheckArgs, DiagFormat};
use crate::diagnostic::render_json;
use crate::validate;

pub fn run(args: &CheckArgs, out: &Output) -> Result<u8, Failure> {
    let mut checked = validate::check(&args.dir, None)?;
    if args.deny_warnings {
        checked.diags.deny_warnings();
    }
    match args.format {
        DiagFormat::Human => {
            out.report(&checked.diags, &checked.sources);
            if !checked.diags.has_errors() && !out.quiet {
                if let Some(m) = &checked.model {
                    eprintln!(
                        "{} : {} axes, {} actions, {} fichiers vérifiés",
                        args.dir.display(),
                        m.axes.len(),
                        m.actions.len(),
                        checked.sources.files.len()
                    );
                }
            }
        }
        DiagFormat::Json => println!("{}", render_json(&checked.diags, &checked.sources)),
    }
    Ok(if checked.diags.has_errors() { EXIT_INVALID } else { 0 })
}
