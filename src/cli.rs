//! Command-line interface (clap derive). Help texts are in French.

use clap::{Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

#[derive(Debug, Parser)]
#[command(
    name = "fdr",
    version,
    about = "Vérifie et met en forme une feuille de route France Numérique Ensemble écrite en YAML.",
    long_about = None
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
    /// Couleurs : auto (terminal seulement, NO_COLOR respecté), always, never.
    #[arg(long, global = true, value_enum, default_value_t = Color::Auto)]
    pub color: Color,
    /// N'affiche que les erreurs.
    #[arg(long, short, global = true)]
    pub quiet: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Color {
    Auto,
    Always,
    Never,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Vérifie les sources et signale chaque problème à sa ligne.
    Check(CheckArgs),
    /// Produit le document (Markdown, HTML, PDF) dans le dossier de sortie.
    Build(BuildArgs),
    /// Exporte le modèle résolu et calculé.
    Export(ExportArgs),
    /// Affiche le schéma JSON d'un fragment de feuille de route.
    Schema,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum DiagFormat {
    /// Rapport lisible, ligne soulignée.
    Human,
    /// Un objet JSON par diagnostic.
    Json,
}

#[derive(Debug, clap::Args)]
pub struct CheckArgs {
    /// Dossier de la feuille de route.
    pub dir: PathBuf,
    /// Format des diagnostics.
    #[arg(long, value_enum, default_value_t = DiagFormat::Human)]
    pub format: DiagFormat,
    /// Traite les avertissements comme des erreurs.
    #[arg(long)]
    pub deny_warnings: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, ValueEnum)]
pub enum OutFormat {
    Md,
    Html,
    Pdf,
}

#[derive(Debug, clap::Args)]
pub struct BuildArgs {
    /// Dossier de la feuille de route.
    pub dir: PathBuf,
    /// Dossier de sortie (par défaut : DIR/build).
    #[arg(long, short)]
    pub output: Option<PathBuf>,
    /// Formats à produire, séparés par des virgules (par défaut : md,html,pdf).
    #[arg(long, value_enum, value_delimiter = ',')]
    pub format: Vec<OutFormat>,
    /// Traite les avertissements comme des erreurs.
    #[arg(long)]
    pub deny_warnings: bool,
    /// Écrit aussi le modèle typst et ses données JSON (pour comparer avec typst seul).
    #[arg(long)]
    pub emit_typst: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    Json,
}

#[derive(Debug, clap::Args)]
pub struct ExportArgs {
    /// Dossier de la feuille de route.
    pub dir: PathBuf,
    /// Format d'export.
    #[arg(long, value_enum, default_value_t = ExportFormat::Json)]
    pub format: ExportFormat,
}
