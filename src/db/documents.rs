//! The rows of signed documents; the files themselves are stored by `crate::documents`.

use super::mous::DocumentRef;
use super::schema::documents;
use super::staff::{self, AuditEntry};
use super::{DbResult, OptionalRow};
use crate::domain::{Lang, Localized};
use diesel::prelude::*;

/// The record a document belongs to.
#[derive(Debug, Clone, Copy)]
pub enum Owner {
    Agreement(i32),
    Mou(i32),
}

/// A stored file to record as a document of `owner`.
#[derive(Debug, Clone)]
pub struct NewDocument {
    pub owner: Owner,
    /// The owner's public address, for the audit trail.
    pub owner_path: String,
    pub title: Localized,
    pub file_name: String,
    pub media_type: String,
    pub byte_size: i32,
    pub sha256: String,
}

#[derive(Debug)]
pub enum AttachOutcome {
    Attached,
    /// The same upload form was sent before; where it led.
    Repeated(String),
}

/// Records the document and its audit entry in one transaction; `form_token` makes a repeated
/// upload form attach it once, and `location` is where the form leads afterwards.
pub fn attach(
    conn: &mut SqliteConnection,
    document: &NewDocument,
    actor_id: i32,
    form_token: &str,
    location: &str,
) -> DbResult<AttachOutcome> {
    if let Some(earlier) = staff::earlier_submission(conn, form_token)? {
        return Ok(AttachOutcome::Repeated(earlier));
    }
    let (agreement_id, mou_id, entity, entity_id) = match document.owner {
        Owner::Agreement(id) => (Some(id), None, "agreement", id),
        Owner::Mou(id) => (None, Some(id), "mou", id),
    };
    diesel::insert_into(documents::table)
        .values((
            documents::agreement_id.eq(agreement_id),
            documents::mou_id.eq(mou_id),
            documents::title.eq(document.title.input(Lang::En)),
            documents::title_ms.eq(document.title.get(Lang::Ms)),
            documents::title_zh.eq(document.title.get(Lang::Zh)),
            documents::file_name.eq(&document.file_name),
            documents::media_type.eq(&document.media_type),
            documents::byte_size.eq(document.byte_size),
            documents::sha256.eq(&document.sha256),
        ))
        .execute(conn)?;
    staff::audit(
        conn,
        AuditEntry {
            user_id: Some(actor_id),
            action: "attach",
            entity,
            entity_id: Some(entity_id),
            summary: format!(
                "attached “{}” ({}, {} bytes, SHA-256 {}) to {}",
                document.title.input(Lang::En),
                document.file_name,
                document.byte_size,
                document.sha256,
                document.owner_path
            ),
        },
    )?;
    staff::claim_form(conn, form_token, actor_id, location)?;
    Ok(AttachOutcome::Attached)
}

/// The documents of a record, in the order they were attached.
pub fn attached(conn: &mut SqliteConnection, owner: Owner) -> DbResult<Vec<DocumentRef>> {
    let query = documents::table.order(documents::id).select((
        (documents::title, documents::title_ms, documents::title_zh),
        documents::file_name,
        documents::byte_size,
        documents::sha256,
    ));
    Ok(match owner {
        Owner::Agreement(id) => query.filter(documents::agreement_id.eq(id)).load(conn)?,
        Owner::Mou(id) => query.filter(documents::mou_id.eq(id)).load(conn)?,
    })
}

/// The file name a published document is served with, if any document has these contents.
pub fn file_name(conn: &mut SqliteConnection, sha256: &str) -> DbResult<Option<String>> {
    documents::table
        .filter(documents::sha256.eq(sha256))
        .order(documents::id)
        .select(documents::file_name)
        .first(conn)
        .found()
}
