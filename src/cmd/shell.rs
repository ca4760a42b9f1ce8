//! `fdr completions SHELL` and `fdr man`: generated from the clap
//! definitions. The man page is one French page: every subcommand in its
//! own subsection, then exit status, environment and examples.

use super::Failure;
use crate::cli::{Cli, CompletionsArgs};
use clap::{Arg, ArgAction, Command, CommandFactory, FromArgMatches};
use std::fmt::Write;

const TEMPLATE: &str = "{about-with-newline}\nUtilisation : {usage}\n\n{all-args}{after-help}";

/// The clap command with French texts where clap writes English ones: the
/// `--help`/`--version` flags, the `help` subcommand, the headings.
pub fn command() -> Command {
    let help = Arg::new("help")
        .short('h')
        .long("help")
        .action(ArgAction::Help)
        .global(true)
        .help("Affiche l'aide");
    let version = Arg::new("version")
        .short('V')
        .long("version")
        .action(ArgAction::Version)
        .help("Affiche la version");
    let aide = Command::new("help")
        .about("Affiche l'aide de fdr ou d'une commande")
        .arg(Arg::new("commande").value_name("COMMANDE"));
    Cli::command()
        .disable_help_flag(true)
        .disable_version_flag(true)
        .disable_help_subcommand(true)
        .arg(help)
        .arg(version)
        .mut_args(french_values)
        .mut_subcommands(|s| {
            s.disable_help_flag(true)
                .help_template(TEMPLATE)
                .mut_args(french_values)
        })
        .subcommand(aide)
        .subcommand_help_heading("Commandes")
        .subcommand_value_name("COMMANDE")
        .help_template(TEMPLATE)
}

/// Possible and default values in French, in the help text itself
/// (clap writes « [possible values: …] » and « [default: …] »).
fn french_values(a: Arg) -> Arg {
    let extra = values_text(&a);
    if extra.is_empty() {
        return a;
    }
    let help = a
        .get_help()
        .map(|h| sentence(&h.to_string()))
        .unwrap_or_default();
    a.hide_possible_values(true)
        .hide_default_value(true)
        .help(format!("{help}{extra}"))
}

/// « Valeurs : a : aide ; b. Par défaut : « a ». » for an argument.
fn values_text(a: &Arg) -> String {
    let mut text = String::new();
    let values: Vec<String> = a
        .get_possible_values()
        .iter()
        .filter(|v| !v.is_hide_set())
        .map(|v| match v.get_help() {
            Some(h) => format!("{} : {}", v.get_name(), lowercase_first(&h.to_string())),
            None => v.get_name().to_string(),
        })
        .collect();
    if !values.is_empty() && a.get_action().takes_values() {
        let _ = write!(text, " Valeurs : {}.", values.join(" ; "));
    }
    let defaults: Vec<_> = a
        .get_default_values()
        .iter()
        .map(|v| v.to_string_lossy())
        .collect();
    if !defaults.is_empty() {
        let _ = write!(text, " Par défaut : « {} ».", defaults.join(","));
    }
    text
}

/// Parse the command line with [`command`]; `fdr help [COMMANDE]` prints
/// the help and exits, as clap's own `help` subcommand did.
pub fn parse() -> Cli {
    let mut cmd = command();
    let matches = cmd.clone().get_matches();
    if let Some(("help", sub)) = matches.subcommand() {
        cmd.build();
        let name = sub.get_one::<String>("commande");
        let target = match name.and_then(|n| cmd.find_subcommand_mut(n)) {
            Some(c) => c,
            None => &mut cmd,
        };
        let _ = target.print_long_help();
        std::process::exit(if name.is_some_and(|n| cmd.find_subcommand(n).is_none()) {
            2
        } else {
            0
        });
    }
    Cli::from_arg_matches(&matches).unwrap_or_else(|e| e.exit())
}

pub fn completions(args: &CompletionsArgs) -> Result<u8, Failure> {
    let mut cmd = command();
    // Into memory first: clap_complete panics when stdout is closed early
    // (`fdr completions bash | head`).
    let mut script = Vec::new();
    clap_complete::generate(args.shell, &mut cmd, "fdr", &mut script);
    write_stdout(&script)
}

pub fn man() -> Result<u8, Failure> {
    write_stdout(man_page().as_bytes())
}

/// Write to stdout; a reader that stopped early is not an error.
fn write_stdout(bytes: &[u8]) -> Result<u8, Failure> {
    use std::io::Write;
    match std::io::stdout().lock().write_all(bytes) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(Failure::Io(e.to_string())),
        _ => Ok(0),
    }
}

const EXIT_STATUS: &[(&str, &str)] = &[
    (
        "0",
        "Succès : aucune erreur (des avertissements peuvent avoir été affichés).",
    ),
    (
        "1",
        "Erreurs dans la feuille de route, un gabarit ou la composition du PDF (ou des avertissements avec \\-\\-deny\\-warnings) ; rien n'est produit.",
    ),
    (
        "2",
        "Usage incorrect ou échec hors des sources : option inconnue, dossier absent, révision git introuvable, écriture impossible.",
    ),
];

const ENVIRONMENT: &[(&str, &str)] = &[
    (
        "NO_COLOR",
        "Si elle est définie (quelle que soit sa valeur), pas de couleurs avec \\-\\-color auto.",
    ),
    (
        "TMPDIR",
        "Dossier des fichiers temporaires (fdr diff extrait les révisions git dans un sous\\-dossier privé).",
    ),
];

const EXAMPLES: &[(&str, &str)] = &[
    (
        "Créer une feuille de route et ses fichiers d'intégration continue :",
        "fdr init ma-feuille --territoire \"Var\" --code 83",
    ),
    (
        "Vérifier les sources, les avertissements comptant comme des erreurs :",
        "fdr check ma-feuille --deny-warnings",
    ),
    (
        "Annoter une demande de fusion GitHub :",
        "fdr check . --format github",
    ),
    (
        "Produire le Markdown et le HTML dans sortie/ :",
        "fdr build ma-feuille -o sortie --format md,html",
    ),
    (
        "Résumer les changements depuis la branche principale :",
        "fdr diff main HEAD",
    ),
    (
        "Exporter les financements pour un tableur :",
        "fdr export ma-feuille --format csv > financements.csv",
    ),
    (
        "Relire le document dans un navigateur pendant l'écriture :",
        "fdr serve ma-feuille",
    ),
    (
        "Installer la complétion de bash :",
        "fdr completions bash > fdr.bash",
    ),
];

/// Text for roff: backslashes and hyphens escaped, no line starting with
/// a control character.
fn roff(s: &str) -> String {
    let s = s.replace('\\', "\\e").replace('-', "\\-");
    s.lines()
        .map(|l| {
            if l.starts_with(['.', '\'']) {
                format!("\\&{l}")
            } else {
                l.to_string()
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

fn help_of(a: &Arg) -> String {
    let text = a
        .get_long_help()
        .or_else(|| a.get_help())
        .map(|h| sentence(&h.to_string()))
        .unwrap_or_default();
    roff(&format!("{text}{}", values_text(a)))
}

/// clap drops the final period of a doc comment: put it back.
fn sentence(s: &str) -> String {
    let s = s.trim_end();
    if s.is_empty() || s.ends_with(['.', '!', '?']) {
        s.to_string()
    } else {
        format!("{s}.")
    }
}

fn lowercase_first(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_lowercase().chain(c).collect(),
        None => String::new(),
    }
}

/// Value names in French (clap derives them from the English field names).
fn value_name(name: &str) -> String {
    match name.to_uppercase().as_str() {
        "COLOR" => "QUAND".into(),
        "OUTPUT" => "DOSSIER".into(),
        "TABLE" => "TABLEAU".into(),
        "TERRITOIRE" => "NOM".into(),
        "OLD" => "ANCIENNE".into(),
        "NEW" => "NOUVELLE".into(),
        other => other.into(),
    }
}

/// `\fB\-\-long\fR, \fB\-s\fR \fIVALEUR\fR`, or `\fIDIR\fR` for a positional.
fn arg_head(a: &Arg) -> String {
    let value = a.get_value_names().and_then(|v| v.first()).map_or_else(
        || value_name(a.get_id().as_str()),
        |v| value_name(v.as_str()),
    );
    if a.is_positional() {
        return format!("\\fI{}\\fR", roff(&value));
    }
    let mut names = Vec::new();
    if let Some(l) = a.get_long() {
        names.push(format!("\\fB\\-\\-{}\\fR", roff(l)));
    }
    if let Some(s) = a.get_short() {
        names.push(format!("\\fB\\-{s}\\fR"));
    }
    let mut head = names.join(", ");
    if a.get_action().takes_values() {
        let _ = write!(head, " \\fI{}\\fR", roff(&value));
    }
    head
}

fn args_section(out: &mut String, cmd: &clap::Command, global: bool) {
    for a in cmd.get_arguments() {
        if a.is_hide_set() || a.is_global_set() != global {
            continue;
        }
        let _ = writeln!(out, ".TP\n{}\n{}", arg_head(a), help_of(a));
    }
}

fn synopsis(name: &str, cmd: &clap::Command) -> String {
    let mut s = format!("\\fBfdr {}\\fR [\\fIOPTIONS\\fR]", roff(name));
    for a in cmd.get_positionals() {
        let v = arg_head(a);
        if a.is_required_set() {
            let _ = write!(s, " {v}");
        } else {
            let _ = write!(s, " [{v}]");
        }
    }
    s
}

fn list_section(out: &mut String, title: &str, items: &[(&str, &str)]) {
    let _ = writeln!(out, ".SH {title}");
    for (k, v) in items {
        let _ = writeln!(out, ".TP\n\\fB{}\\fR\n{v}", roff(k));
    }
}

/// The whole page, in roff.
pub fn man_page() -> String {
    let cmd = Cli::command();
    let version = cmd.get_version().unwrap_or_default().to_string();
    let about = cmd.get_about().map(|a| a.to_string()).unwrap_or_default();
    let mut out = String::new();
    let _ = writeln!(
        out,
        ".TH FDR 1 \"\" \"fdr {}\" \"Manuel de fdr\"",
        roff(&version)
    );
    let _ = writeln!(out, ".SH NOM\nfdr \\- {}", roff(&about));
    let _ = writeln!(
        out,
        ".SH SYNOPSIS\n\\fBfdr\\fR [\\fIOPTIONS\\fR] \\fICOMMANDE\\fR [\\fIARGUMENTS\\fR]"
    );
    let _ = writeln!(
        out,
        ".SH DESCRIPTION\nUne feuille de route est un dossier de fichiers YAML (des fragments) et de textes Markdown. \\fBfdr check\\fR signale chaque problème à sa ligne, avec un code stable (\\fBfdr::famille::nom\\fR), un message et, quand c'est possible, une correction ; \\fBfdr build\\fR produit le document (Markdown, HTML, PDF). Chaque commande est décrite ci\\-dessous, avec ses options."
    );
    let _ = writeln!(
        out,
        ".SH OPTIONS\nOptions valables avec toutes les commandes :"
    );
    args_section(&mut out, &cmd, true);
    let _ = writeln!(
        out,
        ".TP\n\\fB\\-h\\fR, \\fB\\-\\-help\\fR\nAffiche l'aide (de la commande qui précède).\n.TP\n\\fB\\-V\\fR, \\fB\\-\\-version\\fR\nAffiche la version."
    );
    let _ = writeln!(out, ".SH COMMANDES");
    for sub in cmd.get_subcommands() {
        let name = sub.get_name();
        let about = sub.get_about().map(|a| a.to_string()).unwrap_or_default();
        let _ = writeln!(
            out,
            ".SS \"fdr {}\"\n{}\n.PP\n{}",
            roff(name),
            roff(&about),
            synopsis(name, sub)
        );
        args_section(&mut out, sub, false);
    }
    list_section(&mut out, "CODE DE RETOUR", EXIT_STATUS);
    list_section(&mut out, "ENVIRONNEMENT", ENVIRONMENT);
    let _ = writeln!(out, ".SH EXEMPLES");
    for (what, how) in EXAMPLES {
        let _ = writeln!(
            out,
            ".PP\n{}\n.PP\n.RS 4\n\\fB{}\\fR\n.RE",
            roff(what),
            roff(how)
        );
    }
    let _ = writeln!(
        out,
        ".SH VOIR AUSSI\nLe schéma JSON des fragments : \\fBfdr schema\\fR ; le README du projet."
    );
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roff_escapes() {
        assert_eq!(roff("a-b\\c"), "a\\-b\\ec");
        assert_eq!(roff(".x\n'y"), "\\&.x\n\\&'y");
    }
}
