use crate::db::Database;
use actix_web::{HttpResponse, get, web};

/// Answers as long as the process serves requests.
#[get("/healthz")]
pub async fn healthz() -> HttpResponse {
    HttpResponse::Ok()
        .content_type("text/plain; charset=utf-8")
        .body("ok\n")
}

/// Answers `ready` only when the database takes a write transaction: it can be reached, the disk
/// is not read-only, and no stuck writer holds the lock.
#[get("/readyz")]
pub async fn readyz(database: web::Data<Database>) -> HttpResponse {
    match database.probe_writable().await {
        Ok(()) => HttpResponse::Ok()
            .content_type("text/plain; charset=utf-8")
            .body("ready\n"),
        Err(error) => {
            tracing::error!(%error, "the database is not writable");
            HttpResponse::ServiceUnavailable()
                .content_type("text/plain; charset=utf-8")
                .body("not ready: the database is not writable\n")
        }
    }
}
