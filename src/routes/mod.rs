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

/// Routes are tried in the order they are registered. A fixed address costs one comparison of
/// strings to rule out, an address with a variable part a regular expression; so fixed
/// addresses and scopes come first, and of the rest the pages most asked for.
pub fn configure(config: &mut web::ServiceConfig) {
    config
        .service(api::scope())
        .service(health::healthz)
        .service(health::readyz)
        .service(feeds::sitemap)
        .service(feeds::robots);
    staff::configure(config);
    public::configure(config);
    config
        .service(documents::document)
        .service(feeds::sitemap_part_page)
        .service(language::switch);
}

/// Everything no route claims.
pub async fn not_found() -> AppResult<HttpResponse> {
    Err(AppError::NotFound)
}
