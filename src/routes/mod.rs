//! The route table. Handlers are thin: parse the request into domain types, call one function
//! of `db`, render one template.

mod api;
mod csv;
mod documents;
mod feeds;
mod health;
mod language;
mod public;
mod staff;

use crate::error::{AppError, AppResult};
use actix_web::{HttpResponse, web};

pub fn configure(config: &mut web::ServiceConfig) {
    config
        .service(api::scope())
        .service(health::healthz)
        .service(health::readyz)
        .service(documents::document)
        .service(feeds::sitemap)
        .service(feeds::sitemap_part_page)
        .service(feeds::robots)
        .service(language::switch);
    staff::configure(config);
    public::configure(config);
}

/// Everything no route claims.
pub async fn not_found() -> AppResult<HttpResponse> {
    Err(AppError::NotFound)
}
