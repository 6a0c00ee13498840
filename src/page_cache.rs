//! Rendered public pages, kept per worker until the next write. A hit costs a hash lookup and
//! one `PRAGMA data_version`, so public pages serve at close to the speed of a trivial handler;
//! any committed write (a staff save, a scheduled statement going live, another process writing
//! to the file) makes every kept page stale at once.
//!
//! Every public page also gets an `ETag`, answered with 304 when the browser already has it, and
//! a `Cache-Control` that lets a shared cache hold it briefly. Staff pages (in every language),
//! anyone with a session cookie, answers that set a cookie or may not be stored, and anything but
//! a 200 to a GET are never kept.
//!
//! A page's language is in its address, so the address is the whole key: the one page whose
//! answer depends on the reader (`/`, sent to the reader's language on a first visit) is
//! redirected by the language middleware around this one, and its 200 is always the English
//! home page.

use crate::auth::SESSION_COOKIE;
use crate::db::Reader;
use crate::i18n::Lang;
use actix_web::body::{BoxBody, MessageBody};
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::header::{self, HeaderValue};
use actix_web::http::{Method, StatusCode};
use actix_web::middleware::Next;
use actix_web::web::{self, Bytes};
use actix_web::{HttpResponse, body};
use std::cell::RefCell;
use std::collections::{HashMap, VecDeque};
use std::hash::BuildHasher;

/// What a public page may be held for by browsers and shared caches, in seconds: short, because
/// a record can change at any time.
const SHARED_MAX_AGE: &str = "public, max-age=60";

struct Page {
    /// The database's `data_version` when the page was rendered.
    version: i64,
    content_type: HeaderValue,
    etag: HeaderValue,
    headers: Vec<(header::HeaderName, HeaderValue)>,
    body: Bytes,
}

/// What a hit hands back: the stored page's type, tag, other headers and body.
type Stored = (
    HeaderValue,
    HeaderValue,
    Vec<(header::HeaderName, HeaderValue)>,
    Bytes,
);

/// One worker's pages, bounded in bytes; the oldest go first.
pub struct PageCache {
    enabled: bool,
    budget: usize,
    pages: RefCell<(HashMap<String, Page>, VecDeque<String>, usize)>,
}

impl PageCache {
    pub fn new(enabled: bool, budget_bytes: usize) -> Self {
        Self {
            enabled,
            budget: budget_bytes,
            pages: RefCell::new((HashMap::new(), VecDeque::new(), 0)),
        }
    }

    fn get(&self, key: &str, version: i64) -> Option<Stored> {
        let pages = self.pages.borrow();
        let page = pages.0.get(key).filter(|p| p.version == version)?;
        Some((
            page.content_type.clone(),
            page.etag.clone(),
            page.headers.clone(),
            page.body.clone(),
        ))
    }

    fn put(&self, key: String, page: Page) {
        if page.body.len() > self.budget / 4 {
            return;
        }
        let mut guard = self.pages.borrow_mut();
        let (pages, order, bytes) = &mut *guard;
        if let Some(old) = pages.remove(&key) {
            *bytes -= old.body.len();
            order.retain(|k| k != &key);
        }
        *bytes += page.body.len();
        order.push_back(key.clone());
        pages.insert(key, page);
        while *bytes > self.budget {
            let Some(oldest) = order.pop_front() else {
                break;
            };
            if let Some(old) = pages.remove(&oldest) {
                *bytes -= old.body.len();
            }
        }
    }
}

fn is_public_page(request: &ServiceRequest) -> bool {
    let path = Lang::split_path(request.path()).1;
    request.method() == Method::GET
        && request.cookie(SESSION_COOKIE).is_none()
        && ![
            "/staff",
            "/language/",
            "/static/",
            "/documents/",
            "/healthz",
            "/readyz",
        ]
        .iter()
        .any(|prefix| path.starts_with(prefix))
}

/// Whether an answer is for everyone: it sets no cookie and does not forbid being stored.
fn is_for_everyone(response: &ServiceResponse<impl MessageBody>) -> bool {
    let headers = response.headers();
    !headers.contains_key(header::SET_COOKIE)
        && !headers
            .get_all(header::CACHE_CONTROL)
            .any(|value| value.to_str().is_ok_and(|v| v.contains("no-store")))
}

/// A fast hash of the body, the same in every worker and run (a fixed seed): SipHash, the
/// standard one, made a noticeable part of serving a page.
fn etag_of(body: &[u8]) -> HeaderValue {
    let hash = foldhash::quality::FixedState::with_seed(0).hash_one(body);
    HeaderValue::from_str(&format!("\"{hash:016x}\""))
        .unwrap_or_else(|_| HeaderValue::from_static("\"0\""))
}

fn answer(request: &actix_web::HttpRequest, stored: Stored) -> HttpResponse {
    let (content_type, etag, extra, body) = stored;
    let matches = request
        .headers()
        .get(header::IF_NONE_MATCH)
        .is_some_and(|given| given.as_bytes() == etag.as_bytes() || given.as_bytes() == b"*");
    let mut response = if matches {
        HttpResponse::NotModified().finish()
    } else {
        HttpResponse::Ok().content_type(content_type).body(body)
    };
    let headers = response.headers_mut();
    headers.insert(header::ETAG, etag);
    headers.insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static(SHARED_MAX_AGE),
    );
    headers.insert(header::VARY, HeaderValue::from_static("Accept-Encoding"));
    for (name, value) in extra {
        if !headers.contains_key(&name) {
            headers.insert(name, value);
        }
    }
    response
}

pub async fn middleware(
    request: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<BoxBody>, actix_web::Error> {
    let Some(cache) = request
        .app_data::<web::Data<PageCache>>()
        .filter(|_| is_public_page(&request))
        .cloned()
    else {
        return Ok(next.call(request).await?.map_into_boxed_body());
    };
    // Without the cache the version would name nothing, and reading it is a read transaction.
    let version = request
        .app_data::<web::Data<Reader>>()
        .filter(|_| cache.enabled)
        .and_then(|reader| reader.data_version().ok());
    let key = request.uri().to_string();
    if let Some(stored) = version.and_then(|version| cache.get(&key, version)) {
        let response = answer(request.request(), stored);
        return Ok(request.into_response(response));
    }
    let response = next.call(request).await?;
    if response.status() != StatusCode::OK || !is_for_everyone(&response) {
        return Ok(response.map_into_boxed_body());
    }
    let (request, response) = response.into_parts();
    let content_type = response
        .headers()
        .get(header::CONTENT_TYPE)
        .cloned()
        .unwrap_or_else(|| HeaderValue::from_static("text/html; charset=utf-8"));
    let extra: Vec<_> = response
        .headers()
        .iter()
        .filter(|(name, _)| *name != header::CONTENT_TYPE && *name != header::CONTENT_LENGTH)
        .map(|(n, v)| (n.clone(), v.clone()))
        .collect();
    let body = body::to_bytes(response.into_body())
        .await
        .map_err(|_| actix_web::error::ErrorInternalServerError("the page could not be read"))?;
    let etag = etag_of(&body);
    if let Some(version) = version {
        cache.put(
            key,
            Page {
                version,
                content_type: content_type.clone(),
                etag: etag.clone(),
                headers: extra.clone(),
                body: body.clone(),
            },
        );
    }
    let fresh = answer(&request, (content_type, etag, extra, body));
    Ok(ServiceResponse::new(request, fresh))
}
