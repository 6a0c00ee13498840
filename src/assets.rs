//! Static files under addresses that name their contents (`/static/css/site.<hash>.css`), so
//! browsers may keep them for a year and still see a new stylesheet the moment it changes.
//! The unfingerprinted addresses keep working, with a short cache, for links made elsewhere.

use crate::documents::sha256_hex;
use crate::error::{AppError, AppResult};
use actix_files::NamedFile;
use actix_web::http::header::{self, HeaderValue};
use actix_web::{HttpRequest, HttpResponse, web};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::RwLock;

/// Hex digits of the SHA-256 kept in an address: enough that two versions never share one.
const HASH_DIGITS: usize = 16;

/// How long a browser may keep a file reached by its plain address, which may change meaning.
pub const PLAIN_CACHE: &str = "public, max-age=300";
const FINGERPRINTED_CACHE: &str = "public, max-age=31536000, immutable";

/// Every file of a static folder, by its plain path (`css/site.css`) and by its fingerprinted
/// path (`css/site.0123456789abcdef.css`).
#[derive(Debug, Default)]
pub struct Assets {
    fingerprinted: BTreeMap<String, String>,
    files: BTreeMap<String, PathBuf>,
}

impl Assets {
    /// Reads every file under `dir` and names it by its contents.
    pub fn fingerprint(dir: &Path) -> std::io::Result<Self> {
        let mut assets = Self::default();
        let mut folders = vec![dir.to_path_buf()];
        while let Some(folder) = folders.pop() {
            for entry in std::fs::read_dir(&folder)? {
                let path = entry?.path();
                if path.is_dir() {
                    folders.push(path);
                    continue;
                }
                let Some(plain) = path
                    .strip_prefix(dir)
                    .ok()
                    .and_then(Path::to_str)
                    .map(|p| p.replace(std::path::MAIN_SEPARATOR, "/"))
                else {
                    continue;
                };
                let hash = sha256_hex(&std::fs::read(&path)?);
                let named = with_hash(&plain, &hash[..HASH_DIGITS]);
                assets.files.insert(named.clone(), path);
                assets.fingerprinted.insert(plain, named);
            }
        }
        Ok(assets)
    }

    /// Makes these the addresses templates link to. Pages are rendered without the app's
    /// state, so the names live in the process; every portal of a process serves the same files.
    pub fn publish(&self) {
        let mut published = PUBLISHED.write().unwrap_or_else(|e| e.into_inner());
        published.extend(self.fingerprinted.clone());
    }
}

static PUBLISHED: RwLock<BTreeMap<String, String>> = RwLock::new(BTreeMap::new());

/// The address of the static file `plain` (`css/site.css`): fingerprinted when the file was
/// found at start-up, plain otherwise.
pub fn url(plain: &str) -> String {
    let published = PUBLISHED.read().unwrap_or_else(|e| e.into_inner());
    format!(
        "/static/{}",
        published.get(plain).map_or(plain, String::as_str)
    )
}

/// `css/site.css` with `hash` becomes `css/site.<hash>.css`.
fn with_hash(plain: &str, hash: &str) -> String {
    let file_start = plain.rfind('/').map_or(0, |i| i + 1);
    match plain[file_start..].rfind('.') {
        Some(dot) if dot > 0 => {
            let (stem, extension) = plain.split_at(file_start + dot);
            format!("{stem}.{hash}{extension}")
        }
        _ => format!("{plain}.{hash}"),
    }
}

/// The address pattern of a fingerprinted file, so plain addresses fall through to the folder.
pub const FINGERPRINTED_PATH: &str = "/{name:.+\\.[0-9a-f]{16}(\\.[A-Za-z0-9]+)?}";

/// Serves a file by its fingerprinted name, cached for a year.
pub async fn fingerprinted(
    request: HttpRequest,
    name: web::Path<String>,
    assets: web::Data<Assets>,
) -> AppResult<HttpResponse> {
    let path = assets.files.get(name.as_str()).ok_or(AppError::NotFound)?;
    let file = NamedFile::open_async(path)
        .await
        .map_err(|_| AppError::NotFound)?;
    let mut response = file.use_etag(true).into_response(&request);
    response.headers_mut().insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static(FINGERPRINTED_CACHE),
    );
    Ok(response)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_hash_goes_before_the_extension() {
        assert_eq!(with_hash("css/site.css", "abc"), "css/site.abc.css");
        assert_eq!(with_hash("img/a.b.svg", "abc"), "img/a.b.abc.svg");
        assert_eq!(with_hash("LICENCE", "abc"), "LICENCE.abc");
        assert_eq!(with_hash("dir.d/.hidden", "abc"), "dir.d/.hidden.abc");
    }

    #[test]
    fn every_file_is_named_by_its_contents() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("css")).unwrap();
        std::fs::write(dir.path().join("css/site.css"), "body{}").unwrap();
        let assets = Assets::fingerprint(dir.path()).unwrap();
        let named = &assets.fingerprinted["css/site.css"];
        let hash = &sha256_hex(b"body{}")[..HASH_DIGITS];
        assert_eq!(named, &format!("css/site.{hash}.css"));
        assert_eq!(assets.files[named], dir.path().join("css/site.css"));
    }
}
