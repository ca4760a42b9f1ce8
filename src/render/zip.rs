//! The package the office formats are (ODT, DOCX, ODS): a zip archive
//! whose entries come in the order given, all dated 1980-01-01 (the earliest zip date), so that the
//! same document gives the same bytes.

use std::io::{Cursor, Write};
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, DateTime, ZipWriter};

/// One entry: its path, its bytes, whether it is stored uncompressed (the
/// `mimetype` of an ODF package must be).
pub struct Entry {
    pub path: &'static str,
    pub bytes: Vec<u8>,
    pub stored: bool,
}

pub fn package(entries: Vec<Entry>) -> Result<Vec<u8>, String> {
    let mut zip = ZipWriter::new(Cursor::new(Vec::new()));
    for e in entries {
        let method = if e.stored {
            CompressionMethod::Stored
        } else {
            CompressionMethod::Deflated
        };
        let options = SimpleFileOptions::default()
            .compression_method(method)
            .compression_level(if e.stored { None } else { Some(6) })
            .last_modified_time(DateTime::DEFAULT)
            .unix_permissions(0o644);
        zip.start_file(e.path, options).map_err(|x| x.to_string())?;
        zip.write_all(&e.bytes).map_err(|x| x.to_string())?;
    }
    let out = zip.finish().map_err(|x| x.to_string())?;
    Ok(out.into_inner())
}
