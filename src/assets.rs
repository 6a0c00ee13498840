//! Static files under addresses that name their contents (`/static/css/site.<hash>.css`), so
//! browsers may keep them for a year and still see a new stylesheet the moment it changes.
//! The unfingerprinted addresses keep working, with a short cache, for links made elsewhere.
//!
//! The files (a few stylesheets and images) are read once at start-up and served from memory:
//! reading a file for every request goes through the blocking thread pool twice. Each is
//! compressed then too, once, in each coding browsers ask for.

use crate::compression::{Coding, Effort, SMALLEST_COMPRESSED, is_compressible};
use crate::documents::sha256_hex;
use crate::error::{AppError, AppResult};
use actix_web::http::header::{self, HeaderValue};
use actix_web::web::Bytes;
use actix_web::{HttpRequest, HttpResponse, web};
use std::collections::{BTreeMap, HashMap};
use std::path::Path;
use std::sync::{Arc, RwLock};

/// Hex digits of the SHA-256 kept in an address: enough that two versions never share one.
const HASH_DIGITS: usize = 16;

/// How long a browser may keep a file reached by its plain address, which may change meaning.
const PLAIN_CACHE: &str = "public, max-age=300";
const FINGERPRINTED_CACHE: &str = "public, max-age=31536000, immutable";

/// One static file, as it is sent: as it is, and compressed in each coding when it gains by it.
#[derive(Debug)]
struct File {
    body: Bytes,
    brotli: Option<Bytes>,
    gzip: Option<Bytes>,
    content_type: HeaderValue,
    etag: HeaderValue,
}

impl File {
    fn new(body: Vec<u8>, content_type: HeaderValue, etag: HeaderValue) -> Self {
        let worth_compressing =
            body.len() >= SMALLEST_COMPRESSED && is_compressible(Some(&content_type));
        let compressed =
            |coding: Coding| worth_compressing.then(|| coding.compress(&body, Effort::Kept));
        Self {
            brotli: compressed(Coding::Brotli),
            gzip: compressed(Coding::Gzip),
            body: Bytes::from(body),
            content_type,
            etag,
        }
    }

    /// The body to send to a client that prefers `coding`, and the coding it is in.
    fn body_for(&self, coding: Option<Coding>) -> (Bytes, Option<Coding>) {
        let compressed = match coding {
            Some(Coding::Brotli) => self.brotli.as_ref(),
            Some(Coding::Gzip) => self.gzip.as_ref(),
            None => None,
        };
        match compressed {
            Some(body) => (body.clone(), coding),
            None => (self.body.clone(), None),
        }
    }
}

/// Every file of a static folder, by its plain path (`css/site.css`) and by its fingerprinted
/// path (`css/site.0123456789abcdef.css`).
#[derive(Debug, Default)]
pub struct Assets {
    fingerprinted: BTreeMap<String, String>,
    /// Each file under both its names, with how long it may be kept under that name.
    files: HashMap<String, (Arc<File>, &'static str)>,
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
                let body = std::fs::read(&path)?;
                let hash = sha256_hex(&body);
                let extension = path.extension().and_then(|e| e.to_str()).unwrap_or("");
                let file = Arc::new(File::new(
                    body,
                    HeaderValue::from_str(actix_files::file_extension_to_mime(extension).as_ref())
                        .unwrap_or(HeaderValue::from_static("application/octet-stream")),
                    HeaderValue::from_str(&format!("\"{hash}\""))
                        .unwrap_or(HeaderValue::from_static("\"\"")),
                ));
                let named = with_hash(&plain, &hash[..HASH_DIGITS]);
                assets
                    .files
                    .insert(named.clone(), (file.clone(), FINGERPRINTED_CACHE));
                assets.files.insert(plain.clone(), (file, PLAIN_CACHE));
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

/// Serves a static file by its plain or its fingerprinted name; 304 when the browser has it.
pub async fn serve(
    request: HttpRequest,
    name: web::Path<String>,
    assets: web::Data<Assets>,
) -> AppResult<HttpResponse> {
    let (file, cache) = assets.files.get(name.as_str()).ok_or(AppError::NotFound)?;
    let has_it = request
        .headers()
        .get_all(header::IF_NONE_MATCH)
        .filter_map(|value| value.to_str().ok())
        .flat_map(|value| value.split(','))
        .any(|tag| tag.trim() == file.etag || tag.trim() == "*");
    let mut response = if has_it {
        HttpResponse::NotModified()
    } else {
        HttpResponse::Ok()
    };
    response
        .insert_header((header::ETAG, file.etag.clone()))
        .insert_header((header::CACHE_CONTROL, HeaderValue::from_static(cache)))
        .insert_header((header::VARY, HeaderValue::from_static("accept-encoding")));
    if has_it {
        return Ok(response.finish());
    }
    let (body, coding) = file.body_for(Coding::preferred(request.headers()));
    if let Some(coding) = coding {
        response.insert_header((header::CONTENT_ENCODING, coding.header_value()));
    }
    Ok(response
        .insert_header((header::CONTENT_TYPE, file.content_type.clone()))
        .body(body))
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
        let (file, cache) = &assets.files[named];
        assert_eq!(file.body, "body{}");
        assert_eq!(*cache, FINGERPRINTED_CACHE);
        assert_eq!(file.content_type, "text/css");
        assert_eq!(assets.files["css/site.css"].1, PLAIN_CACHE);
    }
}
