//! Subcommands, one file each. [`run`] dispatches; errors that stop a
//! command before any diagnostic can be shown are a [`Failure`].

mod bilan;
mod build;
mod check;
mod diff;
mod export;
mod import;
mod init;
mod isolate;
mod schema;
mod serve;
pub mod shell;
mod synthese;
mod watch;
mod write;

use crate::cli::{Cli, Color, Command, DiagFormat};
use crate::diagnostic::Diagnostics;
use crate::load::SourceSet;
use crate::report::{render_github, render_gitlab, render_human, render_json, summary_line};
use std::io::IsTerminal;

/// Exit code when sources (or a template) have errors.
pub const EXIT_INVALID: u8 = 1;
/// Exit code of a failure outside the sources: usage, input/output.
pub const EXIT_FAILURE: u8 = 2;

/// A failure of the command itself (usage, I/O): exit code 2.
#[derive(Debug)]
pub enum Failure {
    Usage(String),
    Io(String),
}

impl Failure {
    pub fn exit_code(&self) -> u8 {
        EXIT_FAILURE
    }
}

impl std::fmt::Display for Failure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Failure::Usage(m) | Failure::Io(m) => f.write_str(m),
        }
    }
}

impl From<crate::load::LoadError> for Failure {
    fn from(e: crate::load::LoadError) -> Self {
        Failure::Usage(e.to_string())
    }
}

/// Options shared by the commands that print diagnostics.
pub struct Output {
    pub color: bool,
    pub quiet: bool,
    pub verbose: bool,
}

impl Output {
    fn new(cli: &Cli) -> Self {
        let color = match cli.color {
            Color::Always => true,
            Color::Never => false,
            Color::Auto => {
                std::env::var_os("NO_COLOR").is_none() && std::io::stderr().is_terminal()
            }
        };
        Output {
            color,
            quiet: cli.quiet,
            verbose: cli.verbose,
        }
    }

    /// Print diagnostics and the summary line to stderr.
    pub fn report(&self, diags: &Diagnostics, sources: &SourceSet) {
        let shown = Diagnostics {
            items: diags
                .items
                .iter()
                .filter(|d| !self.quiet || d.is_error())
                .cloned()
                .collect(),
        };
        let text = render_human(&shown, sources, self.color);
        eprint!("{text}");
        if !self.quiet || diags.has_errors() {
            eprintln!("{}", summary_line(diags));
        }
    }

    /// Print diagnostics in `format`: for people on stderr (see
    /// [`Output::report`]), for machines on stdout.
    pub fn emit(&self, format: DiagFormat, diags: &Diagnostics, sources: &SourceSet) {
        match format {
            DiagFormat::Human => self.report(diags, sources),
            DiagFormat::Json => println!("{}", render_json(diags, sources)),
            DiagFormat::Github => print!("{}", render_github(diags, sources)),
            DiagFormat::Gitlab => println!("{}", render_gitlab(diags, sources)),
        }
    }
}

/// The formats of a report (`bilan`, `synthese`) asked for, in a fixed
/// order; md, html and pdf when none is given. `what` names the report in
/// the message refusing a format it does not have.
fn report_formats(
    asked: &[crate::cli::OutFormat],
    what: &str,
) -> Result<Vec<&'static str>, Failure> {
    use crate::cli::OutFormat;
    let mut f = asked.to_vec();
    if f.is_empty() {
        f = vec![OutFormat::Md, OutFormat::Html];
        if cfg!(feature = "pdf") {
            f.push(OutFormat::Pdf);
        }
    }
    f.sort();
    f.dedup();
    f.into_iter()
        .map(|f| match f {
            OutFormat::Md => Ok("md"),
            OutFormat::Html => Ok("html"),
            OutFormat::Pdf if cfg!(feature = "pdf") => Ok("pdf"),
            OutFormat::Pdf => Err(Failure::Usage(
                "le format pdf n'est pas disponible : fdr a été compilé sans la fonctionnalité « pdf » (cargo build --features pdf)".into(),
            )),
            OutFormat::Odt | OutFormat::Docx => Err(Failure::Usage(format!(
                "les formats odt et docx ne sont disponibles que pour fdr build : {what} s'écrit en md, html ou pdf"
            ))),
        })
        .collect()
}

/// `fdr check --format json | head` ends quietly when `head` has read
/// enough, as Unix tools do, instead of panicking on the closed pipe:
/// the default action of SIGPIPE (which Rust ignores) is restored. Not for
/// `serve`, whose closed sockets must not end the server.
fn quiet_on_closed_pipe(command: &Command) {
    #[cfg(unix)]
    if !matches!(command, Command::Serve(_)) {
        // SAFETY: setting the disposition of SIGPIPE to its default, before
        // any other thread exists, has no precondition.
        unsafe {
            libc::signal(libc::SIGPIPE, libc::SIG_DFL);
        }
    }
}

pub fn run(cli: Cli) -> Result<u8, Failure> {
    quiet_on_closed_pipe(&cli.command);
    let out = Output::new(&cli);
    match &cli.command {
        Command::Check(args) => check::run(args, &out),
        Command::Build(args) => build::run(args, &out),
        Command::Export(args) => export::run(args, &out),
        Command::Schema => schema::run(),
        Command::Diff(args) => diff::run(args, &out),
        Command::Init(args) => init::run(args, &out),
        Command::Import(args) => import::run(args, &out),
        Command::Watch(args) => watch::run(args, &out),
        Command::Serve(args) => serve::run(args, &out),
        Command::Completions(args) => shell::completions(args),
        Command::Man => shell::man(),
        Command::RenduIsole(args) => isolate::run_child(args, &out),
        Command::Bilan(args) => bilan::run(args, &out),
        Command::Synthese(args) => synthese::run(args, &out),
        Command::RenduIsoleBilan(args) => bilan::run_child(args, &out),
    }
}
