//! Command-line interface (clap derive). Help texts are in French.

use clap::{Parser, Subcommand, ValueEnum};
use std::path::{Path, PathBuf};

#[derive(Debug, Parser)]
#[command(
    name = "fdr",
    version = concat!(env!("CARGO_PKG_VERSION"), " (", env!("FDR_GIT_REV"), ")"),
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
    #[arg(long, short, global = true, conflicts_with = "verbose")]
    pub quiet: bool,
    /// Détaille les étapes et leur durée.
    #[arg(long, short, global = true)]
    pub verbose: bool,
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
    /// Résume ce qui change entre deux versions (dossiers ou révisions git).
    Diff(DiffArgs),
    /// Produit le bilan d'étape à une date : avancement, indicateurs, argent, gouvernance.
    Bilan(BilanArgs),
    /// Rassemble plusieurs feuilles de route (une par département) en une synthèse régionale.
    Synthese(SyntheseArgs),
    /// Crée une petite feuille de route valide et ses fichiers d'intégration continue.
    Init(InitArgs),
    /// Crée une feuille de route à partir d'un tableur (.xlsx, .ods, .csv).
    Import(ImportArgs),
    /// Reconstruit les documents à chaque modification des sources.
    Watch(WatchArgs),
    /// Sert la page HTML sur 127.0.0.1 et la recharge après chaque modification.
    Serve(ServeArgs),
    /// Affiche le script de complétion pour un shell.
    Completions(CompletionsArgs),
    /// Affiche la page de manuel (roff).
    Man,
    /// Interne : rend un format avec le gabarit de l'utilisateur, dans un
    /// processus limité en mémoire et en durée (voir `fdr build`).
    #[command(hide = true, name = "rendu-isole")]
    RenduIsole(BuildArgs),
    /// Interne : rend un format du bilan avec le gabarit de l'utilisateur,
    /// dans un processus limité (voir `fdr bilan`).
    #[command(hide = true, name = "rendu-isole-bilan")]
    RenduIsoleBilan(BilanArgs),
}

#[derive(Debug, clap::Args)]
pub struct BilanArgs {
    /// Dossier de la feuille de route.
    pub dir: PathBuf,
    /// Date du bilan (AAAA-MM-JJ), donnée par l'utilisateur : fdr ne lit jamais l'horloge.
    #[arg(long)]
    pub au: String,
    /// Révision git du dernier bilan (une étiquette comme copil-2026-03) : ajoute « ce qui a changé depuis ».
    #[arg(long)]
    pub depuis: Option<String>,
    #[command(flatten)]
    pub sortie: Sortie,
    /// Traite les avertissements comme des erreurs.
    #[arg(long)]
    pub deny_warnings: bool,
}

impl BilanArgs {
    /// The output folder: `-o` or `DIR/build`.
    pub fn output_dir(&self) -> PathBuf {
        self.sortie.dir(&self.dir)
    }
}

/// Where a command writes its documents, and in which formats.
#[derive(Debug, Clone, clap::Args)]
pub struct Sortie {
    /// Dossier de sortie (par défaut : DIR/build).
    #[arg(long, short)]
    pub output: Option<PathBuf>,
    /// Formats à produire, séparés par des virgules (par défaut : md,html,pdf).
    #[arg(long, value_enum, value_delimiter = ',')]
    pub format: Vec<OutFormat>,
}

impl Sortie {
    /// `-o`, or `DIR/build` for the roadmap folder `dir`.
    pub fn dir(&self, dir: &std::path::Path) -> PathBuf {
        self.output.clone().unwrap_or_else(|| dir.join("build"))
    }
}

#[derive(Debug, clap::Args)]
pub struct SyntheseArgs {
    /// Dossiers des feuilles de route, un par département, dans l'ordre de la synthèse.
    #[arg(required = true, num_args = 1..)]
    pub dirs: Vec<PathBuf>,
    /// Dossier de sortie (obligatoire : la synthèse n'appartient à aucune des feuilles de route).
    #[arg(short, long)]
    pub output: PathBuf,
    /// Titre de la synthèse (« Synthèse régionale Nouvelle-Aquitaine »).
    #[arg(long)]
    pub titre: Option<String>,
    /// Formats à produire, séparés par des virgules (par défaut : md,html,pdf).
    #[arg(long, value_enum, value_delimiter = ',')]
    pub format: Vec<OutFormat>,
    /// Traite les avertissements comme des erreurs.
    #[arg(long)]
    pub deny_warnings: bool,
}

#[derive(Debug, clap::Args)]
pub struct CompletionsArgs {
    /// Shell visé.
    #[arg(value_enum)]
    pub shell: clap_complete::Shell,
}

#[derive(Debug, clap::Args)]
pub struct ServeArgs {
    /// Dossier de la feuille de route.
    pub dir: PathBuf,
    /// Port sur 127.0.0.1 (0 : un port libre, affiché au démarrage).
    #[arg(long, default_value_t = 8013)]
    pub port: u16,
    /// Dossier de sortie, exclu des sources surveillées (par défaut : DIR/build) ; serve n'y écrit rien, la page est servie depuis la mémoire.
    #[arg(long, short)]
    pub output: Option<PathBuf>,
}

#[derive(Debug, clap::Args)]
pub struct WatchArgs {
    /// Dossier de la feuille de route.
    pub dir: PathBuf,
    #[command(flatten)]
    pub sortie: Sortie,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum DiffFormat {
    /// Résumé Markdown (commentaire de demande de fusion).
    Markdown,
    /// Pour les machines.
    Json,
}

#[derive(Debug, clap::Args)]
pub struct DiffArgs {
    /// Ancienne version : dossier ou révision git (main, HEAD~1, v1.0…).
    pub old: String,
    /// Nouvelle version : dossier ou révision git (par défaut, la copie de travail).
    pub new: Option<String>,
    /// Dossier de la feuille de route (relatif au dossier courant), lu dans chaque révision git.
    #[arg(long, default_value = ".")]
    pub chemin: PathBuf,
    /// Format du résumé.
    #[arg(long, value_enum, default_value_t = DiffFormat::Markdown)]
    pub format: DiffFormat,
}

#[derive(Debug, clap::Args)]
pub struct InitArgs {
    /// Dossier à créer (ou dossier vide).
    pub dir: PathBuf,
    /// Nom du territoire.
    #[arg(long, default_value = "Département exemple")]
    pub territoire: String,
    /// Code du département.
    #[arg(long, default_value = "00")]
    pub code: String,
}

#[derive(Debug, clap::Args)]
pub struct ImportArgs {
    /// Tableur à importer : .xlsx, .ods ou .csv (séparateur « ; » ou « , », UTF-8).
    pub tableur: PathBuf,
    /// Dossier de la feuille de route à créer (absent ou vide).
    #[arg(long, short)]
    pub output: PathBuf,
    /// Affiche les fichiers qui seraient écrits, sans rien écrire.
    #[arg(long)]
    pub dry_run: bool,
    /// Format des diagnostics, comme `check --format`.
    #[arg(long, value_enum, default_value_t = DiagFormat::Human)]
    pub format: DiagFormat,
    /// Nom du territoire (sinon « à préciser »).
    #[arg(long)]
    pub territoire: Option<String>,
    /// Code du département.
    #[arg(long)]
    pub code: Option<String>,
    /// Date du document (AAAA, AAAA-MM ou AAAA-MM-JJ ; sinon « à préciser »).
    #[arg(long)]
    pub date: Option<String>,
    /// Période en années, par exemple 2024-2027 (sinon déduite des dates du tableur).
    #[arg(long)]
    pub periode: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum DiagFormat {
    /// Rapport lisible, ligne soulignée.
    Human,
    /// Un objet JSON par diagnostic.
    Json,
    /// Commandes de workflow GitHub (annotations sur les lignes d'une demande de fusion).
    Github,
    /// Rapport « code quality » de GitLab (JSON).
    Gitlab,
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
    /// Texte OpenDocument modifiable (LibreOffice), `fdr build` seulement.
    Odt,
    /// Texte Word modifiable, `fdr build` seulement.
    Docx,
}

#[derive(Debug, Clone, clap::Args)]
pub struct BuildArgs {
    /// Dossier de la feuille de route.
    pub dir: PathBuf,
    #[command(flatten)]
    pub sortie: Sortie,
    /// Traite les avertissements comme des erreurs.
    #[arg(long)]
    pub deny_warnings: bool,
    /// Écrit aussi le modèle typst et ses données JSON (pour comparer avec typst seul).
    #[arg(long)]
    pub emit_typst: bool,
    /// Format des diagnostics (sources, gabarits, PDF, écriture), comme `check --format`.
    #[arg(long, value_enum, value_name = "FORMAT", default_value_t = DiagFormat::Human)]
    pub diagnostics: DiagFormat,
    /// Interne (processus isolé) : rend le document de cette sous-feuille.
    #[arg(long, hide = true, value_name = "ID")]
    pub sous_feuille: Option<String>,
}

impl BuildArgs {
    /// The options of the rebuilds that `watch` and `serve` run: output in
    /// `output` or `DIR/build`, warnings allowed, no typst sources.
    pub fn rebuild(dir: &Path, output: Option<&Path>, format: Vec<OutFormat>) -> Self {
        BuildArgs {
            dir: dir.to_path_buf(),
            sortie: Sortie {
                output: Some(output.map_or_else(|| dir.join("build"), Path::to_path_buf)),
                format,
            },
            deny_warnings: false,
            emit_typst: false,
            diagnostics: DiagFormat::Human,
            sous_feuille: None,
        }
    }

    /// The output folder: `-o` or `DIR/build`.
    pub fn output_dir(&self) -> PathBuf {
        self.sortie.dir(&self.dir)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    /// Le modèle résolu et calculé.
    Json,
    /// Tableau CSV (séparateur « ; », UTF-8 avec BOM) pour LibreOffice Calc ou Excel.
    Csv,
    /// Classeur Excel (.xlsx) : actions, financements, acteurs, chiffres, indicateurs.
    Xlsx,
    /// Classeur OpenDocument (.ods) : les mêmes feuilles que xlsx.
    Ods,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CsvTable {
    /// Les lignes de financement.
    Financements,
    /// Les actions.
    Actions,
    /// Les valeurs des indicateurs (référence, mesures, cibles).
    Indicateurs,
}

#[derive(Debug, clap::Args)]
pub struct ExportArgs {
    /// Dossier de la feuille de route.
    pub dir: PathBuf,
    /// Format d'export.
    #[arg(long, value_enum, default_value_t = ExportFormat::Json)]
    pub format: ExportFormat,
    /// Tableau exporté en CSV.
    #[arg(long, value_enum, default_value_t = CsvTable::Financements)]
    pub table: CsvTable,
    /// Fichier à créer (obligatoire pour xlsx et ods ; jamais écrasé).
    #[arg(short, long)]
    pub output: Option<PathBuf>,
}
