//! `fdr check DIR`: validate, print every diagnostic, write nothing.

use super::{EXIT_INVALID, Failure, Output};
use crate::cli::{CheckArgs, DiagFormat};
use crate::render::fmt;
use crate::report::{render_github, render_gitlab, render_json};
use crate::validate;

pub fn run(args: &CheckArgs, out: &Output) -> Result<u8, Failure> {
    let mut checked = validate::check(&args.dir, Some(&args.dir.join("build")))?;
    if args.deny_warnings {
        checked.diags.deny_warnings();
    }
    match args.format {
        DiagFormat::Human => {
            out.report(&checked.diags, &checked.sources);
            if !checked.diags.has_errors()
                && !out.quiet
                && let Some(m) = &checked.model
            {
                eprintln!(
                    "{} : {}, {}, {}",
                    args.dir.display(),
                    fmt::count(m.axes.len(), "axe", "axes"),
                    fmt::count(m.actions.len(), "action", "actions"),
                    fmt::count(
                        checked.sources.files.len(),
                        "fichier vérifié",
                        "fichiers vérifiés"
                    ),
                );
            }
        }
        DiagFormat::Json => println!("{}", render_json(&checked.diags, &checked.sources)),
        DiagFormat::Github => print!("{}", render_github(&checked.diags, &checked.sources)),
        DiagFormat::Gitlab => println!("{}", render_gitlab(&checked.diags, &checked.sources)),
    }
    Ok(if checked.diags.has_errors() {
        EXIT_INVALID
    } else {
        0
    })
}
