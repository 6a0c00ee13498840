//! Every error a request can end in, and the one place each becomes an HTTP status and page.
//!
//! - 400: a query string or path that does not parse (the page says which value and why);
//! - 404: no such page or record;
//!
//! The JSON API answers the same statuses with a JSON body instead of a page (`routes::api`).
//! - 500: anything unexpected; the page says only that, and the cause goes to the log.

use crate::db::DbError;
use crate::domain::InvalidInput;
use crate::views::{Layout, Section};
use actix_web::http::StatusCode;
use actix_web::http::header::ContentType;
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
    heading: &'static str,
    message: String,
}

impl ResponseError for AppError {
    fn status_code(&self) -> StatusCode {
        match self {
            AppError::NotFound | AppError::Database(DbError::NotFound) => StatusCode::NOT_FOUND,
            AppError::BadRequest(_) | AppError::Unreadable(_) => StatusCode::BAD_REQUEST,
            AppError::Database(_) | AppError::Template(_) | AppError::Encoding(_) => {
                StatusCode::INTERNAL_SERVER_ERROR
            }
        }
    }

    fn error_response(&self) -> HttpResponse {
        let status = self.status_code();
        let (heading, message) = match status {
            StatusCode::NOT_FOUND => (
                "Page not found",
                "There is no page at this address. It may have moved, or the link may be mistyped."
                    .to_owned(),
            ),
            StatusCode::BAD_REQUEST => ("This request cannot be answered", self.public_detail()),
            _ => {
                tracing::error!(error = %self, cause = ?self, "request failed");
                (
                    "Something went wrong",
                    "The portal could not show this page. Please try again in a moment.".to_owned(),
                )
            }
        };
        let page = ErrorPage {
            layout: Layout::new(heading, Section::None),
            heading,
            message,
        };
        let body = page
            .render()
            .unwrap_or_else(|_| format!("{heading}. {}", status.canonical_reason().unwrap_or("")));
        HttpResponse::build(status)
            .content_type(ContentType::html())
            .body(body)
    }
}

impl AppError {
    /// What a reader may be told about a bad request: which value was refused and why.
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
}

/// Renders a page template into a 200 response.
pub fn html(page: impl Template) -> AppResult<HttpResponse> {
    Ok(HttpResponse::Ok()
        .content_type(ContentType::html())
        .body(page.render()?))
}
