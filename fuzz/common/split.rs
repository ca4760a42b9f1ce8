//! Turns one fuzz input into the files of a roadmap folder.
//!
//! Shared by the `pipeline` fuzz target and `tests/fuzz_regressions.rs`
//! (through `#[path]`), so that a saved regression is replayed exactly as
//! the fuzzer produced it.
//!
//! The input is split on [`SEP`] into at most [`MAX_PIECES`] pieces (the
//! last piece keeps any further separators). The first piece that starts
//! with [`MD_MARK`] becomes `textes/t.md` (without the mark), which YAML
//! fragments reference as `{ fichier: textes/t.md }`; every other piece
//! becomes a YAML fragment named after its position (see [`yaml_name`]).
//! Bytes are written as they are: invalid UTF-8 is part of what is tested.

use std::io;
use std::path::Path;

/// Separator between two files of the input.
pub const SEP: &[u8] = b"\n#---\n";
/// First line of the piece that becomes the Markdown text.
pub const MD_MARK: &[u8] = b"#md\n";
/// Path of the Markdown text, relative to the roadmap folder.
pub const MD_PATH: &str = "textes/t.md";
/// Largest number of files made from one input (the largest example,
/// `examples/bouches-du-rhone`, has 17 YAML fragments).
pub const MAX_PIECES: usize = 20;

/// Name of the YAML fragment made from piece `i`: some in a subfolder,
/// some with the `.yml` extension.
pub fn yaml_name(i: usize) -> String {
    if i % 4 == 3 {
        format!("sous/f{i:02}.yaml")
    } else if i % 5 == 4 {
        format!("f{i:02}.yml")
    } else {
        format!("f{i:02}.yaml")
    }
}

/// The files of one input: (relative path, content).
pub fn split(data: &[u8]) -> Vec<(String, &[u8])> {
    let mut pieces: Vec<&[u8]> = Vec::new();
    let mut rest = data;
    while pieces.len() + 1 < MAX_PIECES {
        match rest.windows(SEP.len()).position(|w| w == SEP) {
            Some(i) => {
                pieces.push(&rest[..i]);
                rest = &rest[i + SEP.len()..];
            }
            None => break,
        }
    }
    pieces.push(rest);
    let mut files = Vec::with_capacity(pieces.len());
    let mut md_done = false;
    for (i, piece) in pieces.into_iter().enumerate() {
        if !md_done && let Some(text) = piece.strip_prefix(MD_MARK) {
            md_done = true;
            files.push((MD_PATH.to_string(), text));
        } else {
            files.push((yaml_name(i), piece));
        }
    }
    files
}

/// Write the files of `data` into the folder `dir` (which must exist).
pub fn write(dir: &Path, data: &[u8]) -> io::Result<()> {
    for (rel, content) in split(data) {
        let path = dir.join(rel);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent)?;
        }
        std::fs::write(path, content)?;
    }
    Ok(())
}
