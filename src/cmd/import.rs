//! `fdr import TABLEUR -o DIR [--dry-run]`: a roadmap folder of YAML
//! fragments from a spreadsheet of actions (fdr layout, shared with
//! `fdr export --format xlsx|ods`, or the plan import template of
//! Territoires en Transitions). Problems are diagnostics at the cell
//! (`Actions!D12`); with errors nothing is written. The folder written is
//! then checked like `fdr check` does, and its diagnostics join the report.
//! Never overwrites: the folder must be absent or empty.

mod acteurs;
mod actions;
mod emit;
mod identite;
mod layout;
mod lignes;
mod roadmap;
mod sheet;
mod values;
mod yaml;

use super::{EXIT_INVALID, Failure, Output};
use crate::cli::{DiagFormat, ImportArgs};
use crate::diagnostic::{Diagnostic, Diagnostics, codes};
use crate::load::{SourceFile, SourceSet, display_of};
use crate::model::DateFlou;
use roadmap::Roadmap;
use std::path::Path;
use std::sync::Arc;

/// Refuse an output that exists and is not an empty folder.
fn check_output(dir: &Path) -> Result<(), Failure> {
    let refuse = |why: &str| {
        Err(Failure::Usage(format!(
            "fdr import n'écrase rien : « {} » {why} ; choisissez un dossier absent ou vide avec -o",
            dir.display()
        )))
    };
    match std::fs::symlink_metadata(dir) {
        Err(_) => Ok(()),
        Ok(m) if m.file_type().is_symlink() => refuse("est un lien symbolique"),
        Ok(m) if !m.is_dir() => refuse("est un fichier"),
        Ok(_) => match std::fs::read_dir(dir).map(|mut e| e.next().is_none()) {
            Ok(true) => Ok(()),
            Ok(false) => refuse("existe et n'est pas vide"),
            Err(e) => Err(Failure::Io(format!("{} : {e}", dir.display()))),
        },
    }
}

/// `2024-2027` → (2024, 2027).
fn parse_periode(s: &str) -> Result<(u16, u16), Failure> {
    let bad = || {
        Failure::Usage(format!(
            "--periode « {s} » : écrivez deux années, par exemple 2024-2027"
        ))
    };
    let (a, b) = s.split_once(['-', '/']).ok_or_else(bad)?;
    let (a, b): (u16, u16) = (
        a.trim().parse().map_err(|_| bad())?,
        b.trim().parse().map_err(|_| bad())?,
    );
    if !(1900..=2200).contains(&a) || !(1900..=2200).contains(&b) || a > b {
        return Err(bad());
    }
    Ok((a, b))
}

/// The roadmap's identity: the options first, then the sheet « Feuille de
/// route » of the workbook, else placeholders (and the period from the
/// actions' dates).
fn identite(
    args: &ImportArgs,
    map: &Roadmap,
    sheet: identite::DuTableur,
) -> Result<emit::Identite, Failure> {
    let from_sheet = sheet.debut.zip(sheet.fin).filter(|(a, b)| a <= b);
    let periode = match (&args.periode, from_sheet) {
        (Some(p), _) => parse_periode(p).map(|(a, b)| (a, b, false))?,
        (None, Some((a, b))) => (a, b, false),
        (None, None) => match (map.years.first(), map.years.last()) {
            (Some(&a), Some(&b)) => (a, b, true),
            _ => {
                return Err(Failure::Usage(
                    "le tableur ne donne aucune date : indiquez la période de la feuille de route avec --periode 2024-2027".into(),
                ));
            }
        },
    };
    if let Some(d) = &args.date {
        DateFlou::parse(d).map_err(|e| Failure::Usage(format!("--date : {e}")))?;
    }
    let co_porteurs = sheet
        .co_porteurs
        .iter()
        .filter_map(|n| map.acteurs.find(n))
        .collect();
    Ok(emit::Identite {
        titre: sheet.titre,
        sous_titre: sheet.sous_titre,
        territoire: args.territoire.clone().or(sheet.territoire),
        code: args.code.clone().or(sheet.code),
        perimetre: sheet.perimetre,
        date: args.date.clone().or(sheet.date),
        version: sheet.version,
        periode,
        co_porteurs,
    })
}

/// The warnings about the placeholders written in the roadmap's files.
fn placeholders(id: &emit::Identite, map: &Roadmap, sources: &SourceSet) -> Vec<Diagnostic> {
    let file = |rel: &str| sources.files.iter().position(|f| f.rel == rel);
    let mut out = Vec::new();
    let mut missing = Vec::new();
    if id.territoire.is_none() {
        missing.push("territoire (--territoire)");
    }
    if id.date.is_none() {
        missing.push("date du document (--date)");
    }
    if id.perimetre.is_none() {
        missing.push("périmètre");
    }
    if id.co_porteurs.is_empty() {
        missing.push("co-porteurs");
    }
    let mut parts = Vec::new();
    if !missing.is_empty() {
        parts.push(format!(
            "identité de la feuille de route à compléter : {}",
            missing.join(", ")
        ));
    }
    if id.periode.2 {
        parts.push(format!(
            "période {}–{} déduite des dates du tableur",
            id.periode.0, id.periode.1
        ));
    }
    if !parts.is_empty() {
        let d = Diagnostic::warning(codes::IMPORT_A_PRECISER, parts.join(" ; "))
            .help("complétez les valeurs marquées « à préciser » dans feuille-de-route.yaml");
        out.push(match file("feuille-de-route.yaml") {
            Some(f) => d.in_file(f),
            None => d,
        });
    }
    let mut sans: Vec<&str> = map
        .acteurs
        .acteurs
        .iter()
        .filter(|a| a.categorie.is_none())
        .map(|a| a.id.as_str())
        .collect();
    sans.sort_unstable();
    if !sans.is_empty() {
        let msg = format!(
            "catégorie non donnée par le tableur pour {} : écrite « autre », à préciser ({})",
            crate::render::fmt::count(sans.len(), "structure", "structures"),
            sans.join(", ")
        );
        let d = Diagnostic::warning(codes::IMPORT_A_PRECISER, msg).help(
            "donnez la catégorie dans acteurs.yaml, ou dans une feuille « Acteurs » du tableur",
        );
        out.push(match file("acteurs.yaml") {
            Some(f) => d.in_file(f),
            None => d,
        });
    }
    out
}

/// Write `files` into `dir`, each created new.
fn write_all(dir: &Path, files: &[(String, String)]) -> Result<(), Failure> {
    for (p, c) in files {
        super::write::create_new(&dir.join(p), dir, c.as_bytes())?;
    }
    Ok(())
}

/// Check the files as `fdr check` would: in `args.output`, or (dry run)
/// in a private temporary folder, shown under `args.output`.
fn check(
    args: &ImportArgs,
    files: &[(String, String)],
) -> Result<crate::validate::Checked, Failure> {
    if !args.dry_run {
        write_all(&args.output, files)?;
        return Ok(crate::validate::check(&args.output, None)?);
    }
    let tmp = tempfile::tempdir().map_err(|e| Failure::Io(format!("dossier temporaire : {e}")))?;
    write_all(tmp.path(), files)?;
    let mut checked = crate::validate::check(tmp.path(), None)?;
    for f in &mut checked.sources.files {
        f.display = display_of(&args.output, &f.rel);
    }
    Ok(checked)
}

fn print_files(args: &ImportArgs, files: &[(String, String)]) {
    let mut text = String::new();
    for (p, c) in files {
        text.push_str(&format!("--- {}\n{c}\n", display_of(&args.output, p)));
    }
    // Machine formats own stdout: the files go to stderr then.
    if args.format == DiagFormat::Human {
        print!("{text}");
    } else {
        eprint!("{text}");
    }
}

/// The spreadsheet as a file of the report, and the import's diagnostics
/// pointing at it.
fn add_sheet(args: &ImportArgs, sources: &mut SourceSet, diags: &mut [Diagnostic]) {
    let name = args.tableur.display().to_string();
    sources
        .files
        .push(SourceFile::new(name.clone(), name, Arc::from("")));
    let id = sources.files.len() - 1;
    for d in diags
        .iter_mut()
        .filter(|d| d.file == Some(values::SHEET_FILE))
    {
        d.file = Some(id);
    }
}

fn summary(args: &ImportArgs, map: &Roadmap, files: usize) -> String {
    use crate::render::fmt::count;
    let verb = if args.dry_run {
        "serait créée"
    } else {
        "créée"
    };
    format!(
        "feuille de route {verb} dans {} : {}, {}, {}, {} ({}). Ensuite : fdr check {0}",
        args.output.display(),
        count(map.axes.len(), "axe", "axes"),
        count(map.actions.len(), "action", "actions"),
        count(map.acteurs.acteurs.len(), "structure", "structures"),
        count(
            map.lignes.len(),
            "ligne de financement",
            "lignes de financement"
        ),
        count(files, "fichier", "fichiers"),
    )
}

pub fn run(args: &ImportArgs, out: &Output) -> Result<u8, Failure> {
    check_output(&args.output)?;
    let (map, mut diags, du_tableur) = match sheet::read(&args.tableur) {
        Ok(sheets) => {
            let (map, diags) = roadmap::build(&sheets);
            (map, diags, identite::read(&sheets))
        }
        Err(why) => {
            let d =
                Diagnostic::error(codes::IMPORT_TABLEUR_ILLISIBLE, why).in_file(values::SHEET_FILE);
            (Roadmap::default(), vec![d], identite::DuTableur::default())
        }
    };
    if diags.iter().any(Diagnostic::is_error) {
        let mut sources = SourceSet::default();
        add_sheet(args, &mut sources, &mut diags);
        out.emit(args.format, &Diagnostics { items: diags }, &sources);
        if args.format == DiagFormat::Human && !out.quiet {
            eprintln!("rien n'est écrit : corrigez le tableur, puis relancez fdr import");
        }
        return Ok(EXIT_INVALID);
    }
    let id = identite(args, &map, du_tableur)?;
    let files = emit::files(&map, &id);
    if args.dry_run {
        print_files(args, &files);
    }
    let mut checked = check(args, &files)?;
    add_sheet(args, &mut checked.sources, &mut diags);
    diags.extend(placeholders(&id, &map, &checked.sources));
    diags.append(&mut checked.diags.items);
    let all = Diagnostics { items: diags };
    out.emit(args.format, &all, &checked.sources);
    if args.format == DiagFormat::Human && !out.quiet {
        eprintln!("{}", summary(args, &map, files.len()));
    }
    Ok(if all.has_errors() { EXIT_INVALID } else { 0 })
}
