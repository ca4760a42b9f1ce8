//! French diagnostics for YAML syntax errors reported by the parser.

use super::tree::{MAX_DEPTH, marker_offset};
use crate::diagnostic::{Diagnostic, FileId};
use crate::format::Span;
use serde_saphyr::granit_parser::ScanError;

/// French message and help of a YAML syntax error.
type Text = (&'static str, &'static str);

const TAB_INDENT: Text = (
    "tabulation dans l'indentation",
    "YAML s'indente avec des espaces : remplacez les tabulations par des espaces",
);
const UNCLOSED_BRACKET: Text = (
    "liste entre crochets non fermée",
    "ajoutez le « ] » manquant",
);
const UNCLOSED_BRACE: Text = (
    "dictionnaire entre accolades non fermé",
    "ajoutez le « } » manquant",
);

const UNEXPECTED_CHARACTER: Text = (
    "caractère inattendu en début de valeur",
    "mettez la valeur entre guillemets : « @ » et « ` » ne peuvent pas commencer une valeur YAML",
);

/// The scanner reports a tab where the previous token ended: the tab
/// itself, on the scanner's line (before or after its position), or on the
/// next lines when the scanner stopped at the end of a line.
fn tab_near(text: &str, offset: usize) -> Option<usize> {
    let offset = offset.min(text.len());
    let line_start = text[..offset].rfind('\n').map_or(0, |i| i + 1);
    let line_end = text[offset..].find('\n').map_or(text.len(), |i| offset + i);
    let on_line = text
        .get(line_start..line_end)
        .and_then(|l| l.find('\t'))
        .map(|i| line_start + i);
    on_line.or_else(|| text.get(offset..)?.find('\t').map(|i| offset + i))
}

/// The French message and help of an error kind; `None` for the kinds
/// without a translation (their English text is shown). Matched by kind,
/// never by text: the parser's texts change with its features and versions.
fn french(kind: &serde_saphyr::granit_parser::ErrorKind) -> Option<(String, String)> {
    use serde_saphyr::granit_parser::ErrorKind as K;
    let t = |(m, h): Text| Some((m.to_string(), h.to_string()));
    match kind {
        K::TabNotAllowed | K::TabInBlockIndentation | K::TabInIndentation => t(TAB_INDENT),
        K::TabInPlainScalar | K::TabAtBlockScalarStart => {
            t(("tabulation dans le YAML", TAB_INDENT.1))
        }
        K::UnknownAnchor => t((
            "alias vers une ancre inconnue",
            "définissez l'ancre (&nom) avant de l'utiliser (*nom)",
        )),
        K::UnexpectedEofFlowSequence | K::UnclosedFlowCollection { open: '[' } => {
            t(UNCLOSED_BRACKET)
        }
        K::UnexpectedEofFlowMapping
        | K::UnexpectedEofImplicitFlowMapping
        | K::UnclosedFlowCollection { open: '{' } => t(UNCLOSED_BRACE),
        K::InvalidIndentation | K::ExpectedBlockMappingKey | K::ExpectedBlockSequenceEntry => t((
            "indentation incohérente",
            "alignez les clés d'un même niveau sur la même colonne",
        )),
        K::MultipleDocumentsUnsupported => t((
            "plusieurs documents YAML dans un même fichier",
            "placez chaque document dans un fichier séparé",
        )),
        K::InvalidColonPlacement => t((
            "deux-points mal placé",
            "vérifiez les crochets et accolades ouverts au-dessus, ou mettez la valeur entre guillemets",
        )),
        K::UnexpectedCharacter { .. } => t(UNEXPECTED_CHARACTER),
        K::UnclosedQuotedScalar => t((
            "guillemet non fermé",
            "fermez la chaîne avec le même guillemet qu'à l'ouverture",
        )),
        K::MappingValueNotAllowed => t((
            "deux-points inattendu dans une valeur",
            "mettez la valeur entre guillemets si elle contient « : »",
        )),
        K::ExpectedFlowMappingSeparator | K::ExpectedFlowSequenceSeparator => t((
            "virgule attendue entre deux éléments entre crochets ou accolades",
            "séparez les éléments par des virgules, et mettez entre guillemets une valeur qui contient « : » ou « , »",
        )),
        K::MismatchedFlowCollectionEnd { open, close } => Some((
            format!("« {open} » fermé par « {close} »"),
            "fermez chaque crochet par « ] » et chaque accolade par « } »".to_string(),
        )),
        K::MisplacedFlowCollectionEnd => t((
            "crochet ou accolade fermant sans ouvrant",
            "retirez-le, ou mettez la valeur entre guillemets",
        )),
        _ => None,
    }
}

/// Translate a parser error into a French diagnostic.
pub(super) fn scan_error(file: FileId, e: &ScanError, text: &str) -> Diagnostic {
    use serde_saphyr::granit_parser::ErrorKind as K;
    let m = e.marker();
    let offset = marker_offset(text, m);
    let mut span = Span {
        offset,
        len: 1,
        line: m.line(),
        col: m.col() + 1,
    };
    let kind = e.kind();
    let tab = matches!(
        kind,
        K::TabNotAllowed
            | K::TabInBlockIndentation
            | K::TabInIndentation
            | K::TabInPlainScalar
            | K::TabAtBlockScalarStart
    );
    if tab && let Some(at) = tab_near(text, offset) {
        span = Span::locate(text, at, 1);
    }
    if matches!(kind, K::RecursionLimitExceeded) {
        return Diagnostic::error(
            crate::diagnostic::codes::YAML_TROP_PROFOND,
            format!("imbrication trop profonde (plus de {MAX_DEPTH} niveaux)"),
        )
        .at(file, span)
        .label("ici")
        .help("une feuille de route n'a besoin que de quelques niveaux d'imbrication");
    }
    let known = french(kind);
    let d = |msg: String| {
        Diagnostic::error(crate::diagnostic::codes::YAML_SYNTAXE, msg)
            .at(file, span)
            .label("ici")
    };
    match known {
        Some((msg, help)) => d(msg).help(help),
        None => d(format!("syntaxe YAML invalide ({})", e.info())),
    }
}
