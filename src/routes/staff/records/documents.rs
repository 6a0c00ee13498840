//! Attaching a signed PDF to an agreement or an MoU. The upload form is multipart, so the CSRF
//! token is one of its parts: it comes first, and nothing after it is read, let alone stored,
//! unless it matches.

use super::{Editable, PageState, editor, load, repeated};
use crate::auth::Staff;
use crate::auth::csrf::{is_cross_site, tokens_match};
use crate::db::documents::{self, AttachOutcome, NewDocument, Owner};
use crate::db::records::edit_path;
use crate::db::{Database, DbError, Reader};
use crate::documents::{
    DocumentStore, MAX_DOCUMENT_BYTES, PDF_MEDIA_TYPE, is_pdf, may_be_pdf, sanitised_file_name,
};
use crate::domain::forms::{Collection, English, FormErrors, translated};
use crate::domain::{InvalidInput, Role};
use crate::error::{AppError, AppResult, see_other};
use crate::i18n::{Lang, Message};
use actix_multipart::{Field, Multipart, MultipartError};
use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, web};
use futures_util::TryStreamExt;

pub fn configure<R: Editable>(config: &mut web::ServiceConfig) {
    config.route(
        &format!("/records/{}/{{id}}/documents", R::COLLECTION.path()),
        web::post().to(upload::<R>),
    );
}

/// How much of a refused upload is still read, so that the browser gets the answer rather than
/// a broken connection; past this the connection is dropped.
const DRAIN_LIMIT: usize = 16 * 1024 * 1024;
/// The most a text part of the form may hold.
const MAX_TEXT_PART: usize = 8 * 1024;
/// The upload form's title fields, in English, Malay and Chinese.
pub(super) const DOCUMENT_TITLE: [&str; 3] =
    ["document_title", "document_title_ms", "document_title_zh"];

/// Why an uploaded file was not kept.
enum FileRefusal {
    TooLarge,
    NotPdf,
}

struct SentFile {
    name: String,
    media_type: Option<String>,
    bytes: Result<Vec<u8>, FileRefusal>,
}

/// The upload form's parts, once the CSRF token has been checked.
#[derive(Default)]
struct Sent {
    form_token: String,
    /// In English, Malay and Chinese.
    title: [String; 3],
    file: Option<SentFile>,
}

fn unreadable(error: MultipartError) -> AppError {
    AppError::Unreadable(error.to_string())
}

async fn read_text(field: &mut Field) -> AppResult<String> {
    let mut bytes = Vec::new();
    while let Some(chunk) = field.try_next().await.map_err(unreadable)? {
        if bytes.len() + chunk.len() > MAX_TEXT_PART {
            return Err(AppError::PayloadTooLarge);
        }
        bytes.extend_from_slice(&chunk);
    }
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}

/// Reads the file part, keeping it only while it is small enough and starts as a PDF does.
async fn read_file(field: &mut Field) -> AppResult<Result<Vec<u8>, FileRefusal>> {
    let mut bytes = Vec::new();
    let mut refusal = None;
    let mut discarded = 0;
    while let Some(chunk) = field.try_next().await.map_err(unreadable)? {
        if refusal.is_some() {
            discarded += chunk.len();
            if discarded > DRAIN_LIMIT {
                return Err(AppError::PayloadTooLarge);
            }
        } else if bytes.len() + chunk.len() > MAX_DOCUMENT_BYTES {
            refusal = Some(FileRefusal::TooLarge);
            bytes = Vec::new();
        } else {
            bytes.extend_from_slice(&chunk);
            if !may_be_pdf(&bytes) {
                refusal = Some(FileRefusal::NotPdf);
                bytes = Vec::new();
            }
        }
    }
    Ok(refusal.map_or(Ok(bytes), Err))
}

/// Reads the form in order; refuses (403) before reading anything else unless its first part
/// is the session's CSRF token.
async fn read_upload(staff: &Staff, mut payload: Multipart) -> AppResult<Sent> {
    let mut sent = Sent::default();
    let mut checked = false;
    while let Some(mut field) = payload.try_next().await.map_err(unreadable)? {
        let name = field.name().unwrap_or("").to_owned();
        match name.as_str() {
            "csrf_token" if !checked => {
                checked = tokens_match(&staff.csrf_token, &read_text(&mut field).await?);
                if !checked {
                    return Err(AppError::Forbidden);
                }
            }
            _ if !checked => return Err(AppError::Forbidden),
            "form_token" => sent.form_token = read_text(&mut field).await?,
            "document_title" => sent.title[0] = read_text(&mut field).await?,
            "document_title_ms" => sent.title[1] = read_text(&mut field).await?,
            "document_title_zh" => sent.title[2] = read_text(&mut field).await?,
            "document_file" => {
                let sent_name = field
                    .content_disposition()
                    .and_then(|d| d.get_filename())
                    .unwrap_or("")
                    .to_owned();
                let media_type = field.content_type().map(|m| m.essence_str().to_owned());
                let bytes = read_file(&mut field).await?;
                sent.file = Some(SentFile {
                    name: sent_name,
                    media_type,
                    bytes,
                });
            }
            _ => {
                read_text(&mut field).await?;
            }
        }
    }
    if !checked {
        return Err(AppError::Forbidden);
    }
    Ok(sent)
}

/// The file as a document, or the message to show beside the file field and the status to
/// answer with.
fn checked_file(file: Option<SentFile>) -> Result<(String, Vec<u8>), (StatusCode, InvalidInput)> {
    let refuse = |status, key: &'static str| {
        Err((
            status,
            InvalidInput::because("document_file", Message::new(key)),
        ))
    };
    let unprocessable = StatusCode::UNPROCESSABLE_ENTITY;
    let Some(file) = file.filter(|f| !f.name.is_empty()) else {
        return refuse(unprocessable, "invalid-document-missing");
    };
    match file.bytes {
        Err(FileRefusal::TooLarge) => {
            refuse(StatusCode::PAYLOAD_TOO_LARGE, "invalid-document-too-large")
        }
        Err(FileRefusal::NotPdf) => refuse(unprocessable, "invalid-document-not-pdf"),
        Ok(bytes) if bytes.is_empty() => refuse(unprocessable, "invalid-document-empty"),
        Ok(_) if file.media_type.as_deref() != Some(PDF_MEDIA_TYPE) => {
            refuse(unprocessable, "invalid-document-media-type")
        }
        Ok(bytes) if !is_pdf(&bytes) => refuse(unprocessable, "invalid-document-not-pdf"),
        Ok(bytes) => Ok((sanitised_file_name(&file.name), bytes)),
    }
}

async fn upload<R: Editable>(
    lang: Lang,
    request: HttpRequest,
    staff: Staff,
    path: web::Path<i32>,
    payload: Multipart,
    reader: web::Data<Reader>,
    database: web::Data<Database>,
) -> AppResult<HttpResponse> {
    if is_cross_site(&request) {
        return Err(AppError::Forbidden);
    }
    staff.require(Role::Editor)?;
    let sent = read_upload(&staff, payload).await?;
    let stored = load::<R>(&reader, path.into_inner())?;
    let mut errors = FormErrors::default();
    let title = translated(
        &mut errors,
        (DOCUMENT_TITLE, sent.title.each_ref().map(String::as_str)),
        300,
        English::Required,
    );
    let file = checked_file(sent.file).map_err(|(status, error)| {
        errors.add(error);
        status
    });
    if sent.form_token.len() < 16 {
        errors.add(InvalidInput::because(
            "form_token",
            Message::new("invalid-form-token"),
        ));
    }
    let (Some(title), Ok((file_name, bytes)), true) = (title, file.as_ref(), errors.is_empty())
    else {
        let status = file.err().unwrap_or(StatusCode::UNPROCESSABLE_ENTITY);
        let mut state = PageState::with_errors(Some(&stored), errors);
        state.document_title = sent.title;
        return editor::<R>(lang, status, staff, &reader, &stored.form, state);
    };
    let owner = match R::COLLECTION {
        Collection::Agreements => Owner::Agreement(stored.id),
        Collection::Mous => Owner::Mou(stored.id),
        _ => return Err(AppError::NotFound),
    };
    let store = DocumentStore::beside(database.path());
    let byte_size = i32::try_from(bytes.len()).map_err(|_| AppError::PayloadTooLarge)?;
    let bytes = bytes.clone();
    let sha256 = web::block(move || store.put(&bytes))
        .await
        .map_err(|e| DbError::Interrupted(e.to_string()))?
        .map_err(|e| DbError::Interrupted(format!("storing the document failed: {e}")))?;
    let location = edit_path(R::COLLECTION, stored.id);
    let document = NewDocument {
        owner,
        owner_path: format!("/{}/{}", R::COLLECTION.path(), stored.slug),
        title,
        file_name: file_name.clone(),
        media_type: PDF_MEDIA_TYPE.to_owned(),
        byte_size,
        sha256,
    };
    let actor = staff.user.id;
    let done = location.clone();
    match database
        .write(move |conn| documents::attach(conn, &document, actor, &sent.form_token, &done))
        .await?
    {
        AttachOutcome::Attached => Ok(see_other(&lang.href(&format!("{location}?done=attached")))),
        AttachOutcome::Repeated(earlier) => Ok(repeated(lang, &earlier)),
    }
}
