//! Every error a request can end in, and the one place each becomes an HTTP status and page.
//!
//! - 303 to the login page: a staff page asked for without a live session;
//! - 400: a query string, path or form that does not parse (the page says which value and why);
//! - 403: a role that may not do this, a missing or wrong CSRF token, a cross-site request;
//! - 404: no such page or record;
//! - 413: a request body over the limit;
//! - 414: a query string over the limit (`startup::QUERY_LIMIT`);
//! - 429: too many login attempts (with `Retry-After`);
//! - 500: anything unexpected; the page says only that, and the cause goes to the log.
//!
//! The JSON API answers the same statuses with a JSON body instead of a page (`routes::api`).
//!
//! A form with invalid values is not an error here: its handler renders the form again with a
//! message beside each field, with status 422.

use crate::db::DbError;
use crate::domain::InvalidInput;
use crate::i18n::Lang;
use crate::views::{Layout, Section};
use actix_web::http::StatusCode;
use actix_web::http::header::{self, ContentType};
use actix_web::{HttpResponse, ResponseError};
use askama::Template;

#[derive(Debug, thiserror::Error)]
pub enum AppError {
    #[error("page not found")]
    NotFound,
    #[error("bad request: {0}")]
    BadRequest(#[from] InvalidInput),
    #[error("unreadable request: {0}")]
    Unreadable(String),
    #[error("login required for {0}")]
    LoginRequired(String),
    #[error("forbidden")]
    Forbidden,
    #[error("request body too large")]
    PayloadTooLarge,
    #[error("query string too long")]
    QueryTooLong,
    #[error("too many login attempts")]
    TooManyAttempts(std::time::Duration),
    #[error(transparent)]
    Database(#[from] DbError),
    #[error("template failed: {0}")]
    Template(#[from] askama::Error),
    #[error("could not encode the response: {0}")]
    Encoding(String),
}

pub type AppResult<T> = Result<T, AppError>;

#[derive(Template)]
#[template(path = "error.html")]
struct ErrorPage {
    layout: Layout,
    heading: String,
    message: String,
    reference: Option<String>,
}

impl ResponseError for AppError {
    fn status_code(&self) -> StatusCode {
        match self {
            AppError::NotFound | AppError::Database(DbError::NotFound) => StatusCode::NOT_FOUND,
            AppError::BadRequest(_) | AppError::Unreadable(_) => StatusCode::BAD_REQUEST,
            AppError::LoginRequired(_) => StatusCode::SEE_OTHER,
            AppError::Forbidden => StatusCode::FORBIDDEN,
            AppError::PayloadTooLarge => StatusCode::PAYLOAD_TOO_LARGE,
            AppError::QueryTooLong => StatusCode::URI_TOO_LONG,
            AppError::TooManyAttempts(_) => StatusCode::TOO_MANY_REQUESTS,
            AppError::Database(DbError::Busy) => StatusCode::SERVICE_UNAVAILABLE,
            AppError::Database(_) | AppError::Template(_) | AppError::Encoding(_) => {
                StatusCode::INTERNAL_SERVER_ERROR
            }
        }
    }

    fn error_response(&self) -> HttpResponse {
        let status = self.status_code();
        let lang = crate::i18n::current().lang;
        if let AppError::LoginRequired(next) = self {
            let query = serde_urlencoded::to_string([("next", next)]).unwrap_or_default();
            let login = lang.href("/staff/login");
            return HttpResponse::SeeOther()
                .insert_header((header::LOCATION, format!("{login}?{query}")))
                .finish();
        }
        let (heading, message) = match status {
            StatusCode::NOT_FOUND => ("error-not-found", lang.t("error-not-found-message").into()),
            StatusCode::BAD_REQUEST => ("error-bad-request", self.detail_in(lang)),
            StatusCode::FORBIDDEN => ("error-forbidden", lang.t("error-forbidden-message").into()),
            StatusCode::PAYLOAD_TOO_LARGE => {
                ("error-too-large", lang.t("error-too-large-message").into())
            }
            StatusCode::URI_TOO_LONG => ("error-too-long", lang.t("error-too-long-message").into()),
            StatusCode::TOO_MANY_REQUESTS => (
                "error-too-many",
                lang.t_with(
                    "error-too-many-message",
                    &[("seconds", self.retry_after_seconds().into())],
                ),
            ),
            StatusCode::SERVICE_UNAVAILABLE => (
                "error-busy",
                lang.t_with(
                    "error-busy-message",
                    &[("seconds", self.retry_after_seconds().into())],
                ),
            ),
            _ => {
                tracing::error!(error = %self, cause = ?self, "request failed");
                (
                    "error-unexpected",
                    lang.t("error-unexpected-message").into(),
                )
            }
        };
        let heading = lang.t(heading).into_owned();
        let page = ErrorPage {
            layout: Layout::new(heading.clone(), Section::None),
            heading: heading.clone(),
            message,
            reference: crate::request_id::current().filter(|id| !id.is_empty()),
        };
        let body = page
            .render()
            .unwrap_or_else(|_| format!("{heading}. {}", status.canonical_reason().unwrap_or("")));
        let mut response = HttpResponse::build(status);
        let retry_after = self.retry_after_seconds();
        if retry_after > 0 {
            response.insert_header((header::RETRY_AFTER, retry_after.to_string()));
        }
        response.content_type(ContentType::html()).body(body)
    }
}

/// When a client refused for being too busy may try again: searches waiting for their ranking
/// take a third of a second each at most.
const BUSY_RETRY_SECONDS: u64 = 5;

impl AppError {
    /// Maps a body that could not be read: too large, or broken.
    pub fn from_payload(error: actix_web::Error) -> Self {
        if error.as_response_error().status_code() == StatusCode::PAYLOAD_TOO_LARGE {
            AppError::PayloadTooLarge
        } else {
            AppError::Unreadable(error.to_string())
        }
    }

    /// When the client may ask again, for a refusal that says so (`Retry-After`); 0 for others.
    fn retry_after_seconds(&self) -> u64 {
        match self {
            AppError::TooManyAttempts(wait) => wait.as_secs().max(1),
            AppError::Database(DbError::Busy) => BUSY_RETRY_SECONDS,
            _ => 0,
        }
    }

    /// What a program may be told about a bad request, in English: which value was refused
    /// and why.
    pub(crate) fn public_detail(&self) -> String {
        match self {
            AppError::BadRequest(invalid) => {
                format!(
                    "The value given for “{}” {}.",
                    invalid.field, invalid.message
                )
            }
            _ => "The address or form could not be read.".to_owned(),
        }
    }

    /// What a reader may be told about a bad request, in their language: the value is named
    /// as the address or form names it (`year` in `?year=soon`).
    fn detail_in(&self, lang: Lang) -> String {
        match self {
            AppError::BadRequest(invalid) => lang.t_with(
                "error-bad-value",
                &[
                    ("field", invalid.field.into()),
                    ("reason", invalid.reason_in(lang).into()),
                ],
            ),
            _ => lang.t("error-unreadable").into_owned(),
        }
    }
}

/// Renders a page template into a 200 response.
pub fn html(page: impl Template) -> AppResult<HttpResponse> {
    html_with_status(StatusCode::OK, page)
}

/// Renders a page template with another status: 422 for a form with invalid values, 409 for a
/// conflicting edit.
pub fn html_with_status(status: StatusCode, page: impl Template) -> AppResult<HttpResponse> {
    // Room for a whole page at once: grown from askama's estimate, which counts only the
    // template's own text, the buffer was copied again each time it doubled.
    let mut body = String::with_capacity(PAGE_CAPACITY);
    page.render_into(&mut body)?;
    Ok(HttpResponse::build(status)
        .content_type(ContentType::html())
        .body(body))
}

/// What a rendered page is given to start with; most pages are 7–24 KB.
const PAGE_CAPACITY: usize = 32 * 1024;

/// Where a form goes after a write: 303, so a reload does not send the form again.
pub fn see_other(location: &str) -> HttpResponse {
    HttpResponse::SeeOther()
        .insert_header((header::LOCATION, location.to_owned()))
        .finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn too_busy_is_a_503_that_says_when_to_try_again() {
        let response = AppError::Database(DbError::Busy).error_response();
        assert_eq!(response.status(), StatusCode::SERVICE_UNAVAILABLE);
        assert_eq!(
            response.headers().get(header::RETRY_AFTER).unwrap(),
            &BUSY_RETRY_SECONDS.to_string()
        );
    }
}
