//! Signed documents, served by the SHA-256 of their contents: the address never changes
//! meaning, so browsers and proxies may keep a copy for a year.

use crate::db::{Database, Reader, documents};
use crate::documents::{DocumentStore, is_sha256_hex};
use crate::error::{AppError, AppResult};
use actix_files::NamedFile;
use actix_web::http::header::{
    self, ContentDisposition, DispositionParam, DispositionType, HeaderValue,
};
use actix_web::{HttpRequest, HttpResponse, get, web};

#[get("/documents/{name}")]
pub async fn document(
    request: HttpRequest,
    name: web::Path<String>,
    reader: web::Data<Reader>,
    database: web::Data<Database>,
) -> AppResult<HttpResponse> {
    let sha256 = name
        .strip_suffix(".pdf")
        .filter(|sha| is_sha256_hex(sha))
        .ok_or(AppError::NotFound)?;
    let file_name = reader
        .read(|conn| documents::file_name(conn, sha256))?
        .ok_or(AppError::NotFound)?;
    let path = DocumentStore::beside(database.path()).path_of(sha256);
    let file = NamedFile::open_async(path)
        .await
        .map_err(|_| AppError::NotFound)?;
    let mut response = file
        .set_content_disposition(ContentDisposition {
            disposition: DispositionType::Inline,
            parameters: vec![DispositionParam::Filename(file_name)],
        })
        .into_response(&request);
    response.headers_mut().insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static("public, max-age=31536000, immutable"),
    );
    Ok(response)
}
