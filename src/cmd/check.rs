//! `fdr check DIR`: validate, print every diagnostic, write nothing.

use super::{EXIT_INVALID, Failure, Output};
use crate::cli::{CheckArgs, DiagFormat};
use crate::render::fmt;
use crate::validate;

pub fn run(args: &CheckArgs, out: &Output) -> Result<u8, Failure> {
    let mut checked = validate::check(&args.dir, Some(&args.dir.join("build")))?;
    if args.deny_warnings {
        checked.diags.deny_warnings();
    }
    out.emit(args.format, &checked.diags, &checked.sources);
    if args.format == DiagFormat::Human
        && !checked.diags.has_errors()
        && !out.quiet
        && let Some(m) = &checked.model
    {
        let mot = m.feuille.mot_axe;
        let sous = match m.sous_feuilles.len() {
            0 => String::new(),
            n => format!(", {}", fmt::count(n, "sous-feuille", "sous-feuilles")),
        };
        eprintln!(
            "{} : {}, {}{sous}, {}",
            args.dir.display(),
            fmt::count(m.axes.len(), mot.singulier(), mot.pluriel()),
            fmt::count(m.actions.len(), "action", "actions"),
            fmt::count(
                checked.sources.files.len(),
                "fichier vérifié",
                "fichiers vérifiés"
            ),
        );
    }
    Ok(if checked.diags.has_errors() {
        EXIT_INVALID
    } else {
        0
    })
}
