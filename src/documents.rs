//! Signed documents on disk: PDF files stored under the SHA-256 of their bytes, in a
//! `documents/` folder beside the database file (`data/portal.sqlite` keeps its files in
//! `data/documents/`). A name that is the content's hash never changes meaning, so the same file
//! is stored once and can be cached for ever.

use sha2::{Digest, Sha256};
use std::fs::{self, File};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// The largest document accepted.
pub const MAX_DOCUMENT_BYTES: usize = 10 * 1024 * 1024;
pub const PDF_MEDIA_TYPE: &str = "application/pdf";
/// Every PDF file starts with these bytes.
const PDF_MAGIC: &[u8] = b"%PDF-";

/// Whether `start`, the first bytes of a file, can begin a PDF: false as soon as it cannot.
pub fn may_be_pdf(start: &[u8]) -> bool {
    let n = start.len().min(PDF_MAGIC.len());
    start[..n] == PDF_MAGIC[..n]
}

/// Whether the whole `bytes` are a PDF by their first bytes.
pub fn is_pdf(bytes: &[u8]) -> bool {
    bytes.starts_with(PDF_MAGIC)
}

/// The SHA-256 of `bytes` as 64 lowercase hex digits.
pub fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// Whether `text` is a SHA-256 as this module writes it, and so safe in a path.
pub fn is_sha256_hex(text: &str) -> bool {
    text.len() == 64 && text.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'))
}

/// A file name that is safe in a `Content-Disposition` header and on any disk: the last part of
/// what the browser sent, with letters, digits, dots, hyphens and underscores kept and the rest
/// folded into hyphens, ending in `.pdf`.
pub fn sanitised_file_name(sent: &str) -> String {
    let base = sent.rsplit(['/', '\\']).next().unwrap_or("");
    let stem = match base.len().checked_sub(4) {
        Some(at) if base.is_char_boundary(at) && base[at..].eq_ignore_ascii_case(".pdf") => {
            &base[..at]
        }
        _ => base,
    };
    let mut name = String::with_capacity(stem.len());
    for c in stem.chars().take(100) {
        if c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-') {
            name.push(c);
        } else if !name.ends_with('-') {
            name.push('-');
        }
    }
    let name = name.trim_matches(['.', '-']);
    if name.is_empty() {
        "document.pdf".to_owned()
    } else {
        format!("{name}.pdf")
    }
}

/// Where documents are kept.
#[derive(Debug, Clone)]
pub struct DocumentStore {
    dir: PathBuf,
}

impl DocumentStore {
    /// The store beside a database file: `<its folder>/documents`.
    pub fn beside(database: &Path) -> Self {
        let folder = database.parent().unwrap_or(Path::new(""));
        Self {
            dir: folder.join("documents"),
        }
    }

    /// The file of a document, by its SHA-256 (which the caller has checked with
    /// `is_sha256_hex`).
    pub fn path_of(&self, sha256: &str) -> PathBuf {
        self.dir.join(format!("{sha256}.pdf"))
    }

    /// Stores `bytes` under their SHA-256 and returns it. The file is written to a temporary
    /// name, flushed to disk, then renamed into place and the folder flushed, so a crash leaves
    /// either the whole file or none. Blocking: call it off the async threads.
    pub fn put(&self, bytes: &[u8]) -> io::Result<String> {
        let sha256 = sha256_hex(bytes);
        let target = self.path_of(&sha256);
        if target.exists() {
            return Ok(sha256);
        }
        fs::create_dir_all(&self.dir)?;
        let temporary = self.dir.join(format!(
            ".upload-{sha256}-{}.tmp",
            crate::auth::random_token()
        ));
        let written = (|| {
            let mut file = File::create(&temporary)?;
            file.write_all(bytes)?;
            file.sync_all()?;
            fs::rename(&temporary, &target)?;
            File::open(&self.dir)?.sync_all()
        })();
        if written.is_err() {
            // Best effort: the temporary file is useless once the write failed.
            let _ = fs::remove_file(&temporary);
        }
        written.map(|()| sha256)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pdfs_are_known_by_their_first_bytes() {
        assert!(is_pdf(b"%PDF-1.7\n..."));
        assert!(!is_pdf(b"<html>%PDF-"));
        assert!(may_be_pdf(b"%PD"));
        assert!(!may_be_pdf(b"MZ"));
    }

    #[test]
    fn file_names_are_made_safe_for_headers_and_disks() {
        assert_eq!(sanitised_file_name("MoU signed.pdf"), "MoU-signed.pdf");
        assert_eq!(sanitised_file_name("C:\\docs\\..\\a\"b.PDF"), "a-b.pdf");
        assert_eq!(sanitised_file_name("../../etc/passwd"), "passwd.pdf");
        assert_eq!(sanitised_file_name("合作备忘录.pdf"), "document.pdf");
        assert_eq!(sanitised_file_name(""), "document.pdf");
        assert!(sanitised_file_name(&"a".repeat(500)).len() <= 104);
    }

    #[test]
    fn a_document_is_stored_once_under_its_hash() {
        let dir = tempfile::tempdir().unwrap();
        let store = DocumentStore::beside(&dir.path().join("portal.sqlite"));
        let sha = store.put(b"%PDF-1.4 test").unwrap();
        assert!(is_sha256_hex(&sha));
        assert_eq!(store.put(b"%PDF-1.4 test").unwrap(), sha);
        let stored = fs::read(store.path_of(&sha)).unwrap();
        assert_eq!(stored, b"%PDF-1.4 test");
        let leftovers = fs::read_dir(dir.path().join("documents")).unwrap().count();
        assert_eq!(leftovers, 1, "no temporary file is left behind");
    }
}
