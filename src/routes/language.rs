//! The language switcher: remembers the reader's choice in a cookie, then shows the page they
//! were reading in that language.

use crate::auth::session::CookiePolicy;
use crate::domain::SitePath;
use crate::error::{AppError, AppResult};
use crate::i18n::{self, Lang};
use actix_web::http::header;
use actix_web::{HttpResponse, get, web};
use serde::Deserialize;

/// How long the choice is remembered, in seconds: a year.
const REMEMBERED_FOR: i64 = 365 * 24 * 60 * 60;

#[derive(Deserialize)]
pub struct Next {
    next: Option<String>,
}

/// `GET /language/{code}?next=/mous?year=2024`: the choice of `code` is kept for a year, and the
/// reader is sent (303) to `next` in that language, or to its home page. A `next` that is not a
/// page of this site is refused (400) and nothing is kept.
#[get("/language/{code}")]
pub async fn switch(
    code: web::Path<String>,
    query: web::Query<Next>,
    policy: web::Data<CookiePolicy>,
) -> AppResult<HttpResponse> {
    let lang = Lang::from_code(&code).ok_or(AppError::NotFound)?;
    let location = match query.into_inner().next.as_deref() {
        Some(next) => SitePath::parse(next)?.in_language(lang),
        None => lang.href("/"),
    };
    Ok(HttpResponse::SeeOther()
        .insert_header((header::LOCATION, location))
        .insert_header((header::CACHE_CONTROL, "no-store"))
        .cookie(policy.cookie(i18n::COOKIE, lang.code().to_owned(), REMEMBERED_FOR))
        .finish())
}
