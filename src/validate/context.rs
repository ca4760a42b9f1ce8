//! Shared helpers of the semantic checks: id tables, value parsing and text
//! loading, each reporting its problems at the right place.

use crate::diagnostic::fr::Nom;
use crate::diagnostic::{Diagnostic, Diagnostics, FileId, did_you_mean};
use crate::format::{DateBrute, DecimalBrut, MontantBrut, Sp, Span, Texte};
use crate::load::{SourceFile, SourceSet, read_text, resolve_inside};
use crate::model::{DateFlou, Decimal, Money};
use std::collections::BTreeMap;

/// Where an id was defined.
#[derive(Debug, Clone, Copy)]
pub struct Def {
    pub ix: usize,
    pub file: FileId,
    pub span: Span,
}

/// Ids of one kind of entity ("acteur", "action"…).
#[derive(Debug, Default)]
pub struct IdTable {
    pub kind: &'static str,
    /// The noun of `kind`, for agreement in messages.
    pub nom: Nom,
    pub ids: BTreeMap<String, Def>,
}

impl IdTable {
    pub fn new(nom: Nom) -> Self {
        Self {
            kind: nom.singulier,
            nom,
            ids: BTreeMap::new(),
        }
    }

    /// "un acteur" / "une action".
    pub fn un(&self) -> String {
        self.nom.un()
    }

    /// "inconnu" / "inconnue", "défini" / "définie"…
    pub fn agree(&self, word: &str) -> String {
        self.nom.accorde(word, 1)
    }

    pub fn get(&self, id: &str) -> Option<usize> {
        self.ids.get(id).map(|d| d.ix)
    }
}

/// A piece of Markdown and where its text starts, for cross-reference positions.
pub struct LoadedText {
    pub text: String,
    pub file: FileId,
    pub base: usize,
    /// The YAML value it was read from (file, offset): which axe, which
    /// part of the document the text belongs to.
    pub origin: (FileId, usize),
}

pub struct Ctx<'s> {
    pub sources: &'s mut SourceSet,
    pub diags: &'s mut Diagnostics,
    /// Markdown texts to scan for cross-references once every id is known.
    pub texts: Vec<LoadedText>,
    /// Identifiers defined in parts set aside for schema errors: a
    /// reference to one is not reported again.
    pub pruned: std::collections::BTreeSet<String>,
    /// Folder of the sub-roadmap being lowered (`territoires/luberon/`),
    /// empty for the roadmap itself: its text files are relative to it.
    pub dossier: String,
}

fn valid_id(id: &str) -> bool {
    !id.is_empty()
        && id.bytes().all(|b| {
            b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'_' || b == b'.'
        })
}

impl Ctx<'_> {
    pub fn push(&mut self, d: Diagnostic) {
        self.diags.push(d);
    }

    /// Register an id; a duplicate is reported with both places.
    pub fn define(&mut self, table: &mut IdTable, file: FileId, id: &Sp<String>, ix: usize) {
        if !valid_id(id) {
            self.push(
                Diagnostic::error(
                    crate::diagnostic::codes::ID_INVALIDE,
                    format!("identifiant « {} » invalide", id.value),
                )
                .at(file, id.span)
                .label("identifiant")
                .help("un identifiant s'écrit en minuscules, chiffres et tirets, sans espace ni accent : « hub-du-sud »"),
            );
        }
        if let Some(first) = table.ids.get(&id.value) {
            let (ff, fs) = (first.file, first.span);
            self.push(
                Diagnostic::error(
                    crate::diagnostic::codes::ID_DOUBLON,
                    format!(
                        "{} « {} » {} deux fois",
                        table.kind,
                        id.value,
                        table.agree("défini")
                    ),
                )
                .at(file, id.span)
                .label("deuxième définition")
                .related(ff, fs, "première définition")
                .help("chaque identifiant doit être unique : renommez l'un des deux"),
            );
            return;
        }
        table.ids.insert(
            id.value.clone(),
            Def {
                ix,
                file,
                span: id.span,
            },
        );
    }

    /// Resolve a reference, reporting an unknown id with a suggestion.
    pub fn resolve(&mut self, table: &IdTable, file: FileId, id: &Sp<String>) -> Option<usize> {
        if let Some(ix) = table.get(&id.value) {
            return Some(ix);
        }
        if self.pruned.contains(&id.value) {
            return None;
        }
        let help =
            did_you_mean(&id.value, table.ids.keys().map(String::as_str)).unwrap_or_else(|| {
                format!(
                    "ajoutez {} d'identifiant « {} », ou corrigez la référence",
                    table.un(),
                    id.value
                )
            });
        self.push(
            Diagnostic::error(
                crate::diagnostic::codes::REFERENCE_INCONNUE,
                format!("{} « {} » {}", table.kind, id.value, table.agree("inconnu")),
            )
            .at(file, id.span)
            .label(format!("{} ne porte cet identifiant", table.nom.aucun()))
            .help(help),
        );
        None
    }

    pub fn date(&mut self, file: FileId, d: &Sp<DateBrute>) -> Option<DateFlou> {
        match DateFlou::parse(&d.value.0) {
            Ok(v) => Some(v),
            Err(msg) => {
                self.push(
                    Diagnostic::error(crate::diagnostic::codes::DATE_INVALIDE, msg)
                        .at(file, d.span)
                        .label("date invalide")
                        .help("formats acceptés : 2025, 2025-T2, 2025-03, 2025-03-14"),
                );
                None
            }
        }
    }

    pub fn opt_date(&mut self, file: FileId, d: &Option<Sp<DateBrute>>) -> Option<DateFlou> {
        d.as_ref().and_then(|d| self.date(file, d))
    }

    /// A strictly positive amount.
    pub fn money(&mut self, file: FileId, m: &Sp<MontantBrut>) -> Option<Money> {
        match Money::parse(&m.value.0) {
            Ok(v) if v.0 > 0 => Some(v),
            Ok(_) => {
                self.push(
                    Diagnostic::error(
                        crate::diagnostic::codes::MONTANT_NON_POSITIF,
                        "un montant doit être strictement positif",
                    )
                    .at(file, m.span)
                    .label("montant nul ou négatif")
                    .help("supprimez la ligne si rien n'est financé"),
                );
                None
            }
            Err(msg) => {
                self.push(
                    Diagnostic::error(crate::diagnostic::codes::MONTANT_INVALIDE, msg)
                        .at(file, m.span)
                        .label("montant invalide")
                        .help("écrivez un nombre d'euros (6000) ou une chaîne avec au plus deux décimales (\"6000.50\")"),
                );
                None
            }
        }
    }

    pub fn decimal(&mut self, file: FileId, d: &Sp<DecimalBrut>) -> Option<Decimal> {
        match Decimal::parse(&d.value.0) {
            Ok(v) => Some(v),
            Err(msg) => {
                self.push(
                    Diagnostic::error(crate::diagnostic::codes::NOMBRE_INVALIDE, msg)
                        .at(file, d.span)
                        .label("nombre invalide"),
                );
                None
            }
        }
    }

    pub fn opt_decimal(&mut self, file: FileId, d: &Option<Sp<DecimalBrut>>) -> Option<Decimal> {
        d.as_ref().and_then(|d| self.decimal(file, d))
    }

    pub fn email(&mut self, file: FileId, e: &Sp<String>) {
        let s = e.value.as_str();
        // The schema's pattern, so that editors and `check` agree.
        let ok = crate::format::is_email(s);
        if !ok {
            self.push(
                Diagnostic::error(
                    crate::diagnostic::codes::CONTACT_EMAIL_INVALIDE,
                    format!("adresse électronique « {s} » invalide"),
                )
                .at(file, e.span)
                .label("adresse invalide")
                .help("forme attendue : nom@domaine.fr"),
            );
        }
    }

    /// Load a text: inline Markdown, or a `.md` file inside the roadmap folder.
    pub fn text(&mut self, file: FileId, t: &Sp<Texte>) -> Option<String> {
        match &t.value {
            Texte::Markdown(s) => {
                self.texts.push(LoadedText {
                    text: s.clone(),
                    file,
                    base: t.span.offset,
                    origin: (file, t.span.offset),
                });
                Some(s.clone())
            }
            Texte::Fichier { fichier } => {
                let refuse = |ctx: &mut Self, msg: String, help: &str| {
                    ctx.push(
                        Diagnostic::error(crate::diagnostic::codes::TEXTE_FICHIER, msg)
                            .at(file, t.span)
                            .label("fichier de texte")
                            .help(help.to_string()),
                    );
                    None
                };
                let fichier = &format!("{}{fichier}", self.dossier);
                let Some(path) = resolve_inside(&self.sources.root, fichier) else {
                    return refuse(
                        self,
                        format!(
                            "« {fichier} » est introuvable ou hors du dossier de la feuille de route"
                        ),
                        "indiquez un chemin relatif au dossier de la feuille de route, sans « .. » qui en sorte",
                    );
                };
                if let Some(out) = &self.sources.output
                    && path.starts_with(out)
                {
                    return refuse(
                        self,
                        format!("« {fichier} » est dans le dossier de sortie de fdr"),
                        "un texte source ne peut pas être un document produit par fdr : placez-le hors du dossier de sortie",
                    );
                }
                if !fichier.ends_with(".md") {
                    return refuse(
                        self,
                        format!("« {fichier} » n'est pas un fichier .md"),
                        "un texte long est un fichier Markdown (.md)",
                    );
                }
                match read_text(&path) {
                    Ok(text) => {
                        let id = self.sources.files.len();
                        let rel = fichier.trim_start_matches("./").to_string();
                        let display = format!("{}/{}", self.sources.root.display(), rel);
                        self.sources
                            .files
                            .push(SourceFile::new(rel, display, text.clone()));
                        self.texts.push(LoadedText {
                            text: text.to_string(),
                            file: id,
                            base: 0,
                            origin: (file, t.span.offset),
                        });
                        Some(text.to_string())
                    }
                    Err(p) => {
                        let d = p.into_diagnostic(file).at(file, t.span);
                        self.push(d);
                        None
                    }
                }
            }
        }
    }

    pub fn opt_text(&mut self, file: FileId, t: &Option<Sp<Texte>>) -> Option<String> {
        t.as_ref().and_then(|t| self.text(file, t))
    }
}

/// Cross-references written as `[texte](#kind:id)` in a Markdown text:
/// (kind, id, byte offset of `#kind:id` in the text).
pub fn cross_refs(text: &str) -> Vec<(&str, &str, usize)> {
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(pos) = text[from..].find("](#") {
        let start = from + pos + 3;
        let rest = &text[start..];
        let end = rest.find(')').unwrap_or(rest.len());
        let target = &rest[..end];
        if let Some((kind, id)) = target.split_once(':')
            && matches!(kind, "action" | "axe" | "annexe" | "section")
        {
            out.push((kind, id.trim(), start - 1));
        }
        from = start;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_cross_refs() {
        let r = cross_refs("voir [](#annexe:communes) et [l'action](#action:reseau), [x](#haut)");
        assert_eq!(r.len(), 2);
        assert_eq!((r[0].0, r[0].1), ("annexe", "communes"));
        assert_eq!((r[1].0, r[1].1), ("action", "reseau"));
        assert_eq!(&"voir [](#annexe:communes)"[r[0].2..r[0].2 + 7], "#annexe");
    }
}
