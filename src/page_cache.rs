//! Rendered public pages, kept per worker until the next write or the end of the day (UTC). A
//! hit costs a hash lookup and a look at the WAL index, so public pages serve at close to the
//! speed of a trivial handler; any committed change to what the public sees (a staff save, a
//! scheduled statement going live, another process writing to the file) makes every kept page
//! stale at once, and so does midnight, since some pages show what is still to come. The
//! staff's own writes (logging in, a session kept alive, a failed login recorded) leave them. A
//! kept page is compressed once for each coding clients ask for (Brotli, gzip), and those bodies
//! are kept beside it.
//!
//! Every public page also gets an `ETag` (a hash of its body, or a tag its handler gave it from
//! the data's version, see `unless_held`) and, once its data is a second old, a
//! `Last-Modified`, answered with 304 when the browser already has it, and a `Cache-Control`
//! that lets a shared cache hold it briefly. Staff pages (in every language), anyone with a
//! session cookie, answers that set a cookie or may not be stored, streamed answers (CSV
//! exports) and anything but a 200 to a GET are never kept.
//!
//! A page's language is in its address, so the address is the whole key: the one page whose
//! answer depends on the reader (`/`, sent to the reader's language on a first visit) is
//! redirected by the language middleware around this one, and its 200 is always the English
//! home page.

use crate::auth::SESSION_COOKIE;
use crate::compression::{Coding, Effort, SMALLEST_COMPRESSED, is_compressible};
use crate::db::{self, Reader};
use crate::error::AppResult;
use crate::i18n::Lang;
use actix_web::body::{BodySize, BoxBody, MessageBody};
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::header::{self, HeaderName, HeaderValue, HttpDate};
use actix_web::http::{Method, StatusCode};
use actix_web::middleware::Next;
use actix_web::web::{self, Bytes};
use actix_web::{HttpRequest, HttpResponse, body};
use std::cell::RefCell;
use std::collections::{HashMap, VecDeque};
use std::hash::BuildHasher;
use std::rc::Rc;
use std::time::SystemTime;

/// What a public page may be held for by browsers and shared caches, in seconds: short, because
/// a record can change at any time.
const SHARED_MAX_AGE: &str = "public, max-age=60";

/// A rendered page as it is answered, whichever way it was made.
#[derive(Clone)]
struct Rendered {
    content_type: HeaderValue,
    etag: HeaderValue,
    /// When the worker first saw the data the page was made from.
    seen_since: Option<SystemTime>,
    /// The handler's own headers (the content type and length aside).
    headers: Rc<[(HeaderName, HeaderValue)]>,
    body: Bytes,
}

struct Page {
    /// The database's content version when the page was rendered.
    version: i64,
    /// The day (UTC) it was rendered on: a page can change with the date alone.
    day: u64,
    rendered: Rendered,
    brotli: Option<Bytes>,
    gzip: Option<Bytes>,
}

impl Page {
    fn bytes(&self) -> usize {
        self.rendered.body.len()
            + self.brotli.as_ref().map_or(0, Bytes::len)
            + self.gzip.as_ref().map_or(0, Bytes::len)
    }

    /// The body in `coding`, compressed the first time it is asked for; `None` when the page is
    /// sent as it is (too short, or not text).
    fn compressed(&mut self, coding: Coding) -> Option<Bytes> {
        let rendered = &self.rendered;
        if rendered.body.len() < SMALLEST_COMPRESSED
            || !is_compressible(Some(&rendered.content_type))
        {
            return None;
        }
        let slot = match coding {
            Coding::Brotli => &mut self.brotli,
            Coding::Gzip => &mut self.gzip,
        };
        Some(
            slot.get_or_insert_with(|| coding.compress(&rendered.body, Effort::Kept))
                .clone(),
        )
    }
}

#[derive(Default)]
struct Pages {
    by_address: HashMap<String, Page>,
    oldest_first: VecDeque<String>,
    bytes: usize,
}

/// One worker's pages, bounded in bytes; the oldest go first.
pub struct PageCache {
    enabled: bool,
    budget: usize,
    pages: RefCell<Pages>,
}

impl PageCache {
    pub fn new(enabled: bool, budget_bytes: usize) -> Self {
        Self {
            enabled,
            budget: budget_bytes,
            pages: RefCell::new(Pages::default()),
        }
    }

    /// The page kept under `key` for data `version` on `day`, in `coding` when it gains by it.
    fn get(
        &self,
        key: &str,
        version: i64,
        day: u64,
        coding: Option<Coding>,
    ) -> Option<(Rendered, Option<Coding>)> {
        let mut guard = self.pages.borrow_mut();
        let pages = &mut *guard;
        let page = pages
            .by_address
            .get_mut(key)
            .filter(|page| page.version == version && page.day == day)?;
        let mut rendered = page.rendered.clone();
        let mut sent_in = None;
        if let Some(coding) = coding {
            let before = page.bytes();
            if let Some(body) = page.compressed(coding) {
                rendered.body = body;
                sent_in = Some(coding);
            }
            pages.bytes += page.bytes() - before;
            self.shrink_to_budget(pages);
        }
        Some((rendered, sent_in))
    }

    fn put(&self, key: String, page: Page) {
        if page.bytes() > self.budget / 4 {
            return;
        }
        let mut guard = self.pages.borrow_mut();
        let pages = &mut *guard;
        if let Some(old) = pages.by_address.remove(&key) {
            pages.bytes -= old.bytes();
            pages.oldest_first.retain(|k| k != &key);
        }
        pages.bytes += page.bytes();
        pages.oldest_first.push_back(key.clone());
        pages.by_address.insert(key, page);
        self.shrink_to_budget(pages);
    }

    fn shrink_to_budget(&self, pages: &mut Pages) {
        while pages.bytes > self.budget {
            let Some(oldest) = pages.oldest_first.pop_front() else {
                break;
            };
            if let Some(old) = pages.by_address.remove(&oldest) {
                pages.bytes -= old.bytes();
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
    tag(foldhash::quality::FixedState::with_seed(0).hash_one(body))
}

fn tag(hash: u64) -> HeaderValue {
    HeaderValue::from_str(&format!("\"{hash:016x}\""))
        .unwrap_or_else(|_| HeaderValue::from_static("\"0\""))
}

/// Whether the client already holds this page: its `If-None-Match` names the page's tag, or,
/// when it sends no tag, its `If-Modified-Since` is no earlier than the page's time.
fn client_has(request: &HttpRequest, etag: &HeaderValue, last_modified: Option<HttpDate>) -> bool {
    let headers = request.headers();
    if headers.contains_key(header::IF_NONE_MATCH) {
        return headers
            .get_all(header::IF_NONE_MATCH)
            .filter_map(|value| value.to_str().ok())
            .flat_map(|value| value.split(','))
            .map(str::trim)
            .any(|tag| tag.as_bytes() == etag.as_bytes() || tag == "*");
    }
    let since = headers
        .get(header::IF_MODIFIED_SINCE)
        .and_then(|value| value.to_str().ok())
        .and_then(|value| value.parse::<HttpDate>().ok());
    matches!((since, last_modified), (Some(since), Some(modified)) if SystemTime::from(modified) <= SystemTime::from(since))
}

/// The answer to `request` with `page`, whose body is in `coding` if any; `read_at` is when the
/// read that found the page current began.
fn answer(
    request: &HttpRequest,
    page: Rendered,
    coding: Option<Coding>,
    read_at: Option<SystemTime>,
) -> HttpResponse {
    let last_modified = page
        .seen_since
        .zip(read_at)
        .and_then(|(seen_since, read_at)| db::last_modified(seen_since, read_at))
        .map(HttpDate::from);
    let unchanged = client_has(request, &page.etag, last_modified);
    let mut response = if unchanged {
        HttpResponse::NotModified().finish()
    } else {
        let mut response = HttpResponse::Ok();
        response.content_type(page.content_type);
        if let Some(coding) = coding {
            response.insert_header((header::CONTENT_ENCODING, coding.header_value()));
        }
        response.body(page.body)
    };
    // A body sent as it is gets its `Vary` from the compression middleware, which knows whether
    // it could have been compressed.
    let vary = coding.is_some() || unchanged;
    let headers = response.headers_mut();
    validators(headers, page.etag, last_modified, vary);
    for (name, value) in page.headers.iter() {
        if !headers.contains_key(name) {
            headers.insert(name.clone(), value.clone());
        }
    }
    response
}

/// What says which version of a public page an answer holds, and for how long it may be kept.
fn validators(
    headers: &mut header::HeaderMap,
    etag: HeaderValue,
    last_modified: Option<HttpDate>,
    vary: bool,
) {
    headers.insert(header::ETAG, etag);
    if let Some(value) =
        last_modified.and_then(|modified| HeaderValue::from_str(&modified.to_string()).ok())
    {
        headers.insert(header::LAST_MODIFIED, value);
    }
    headers.insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static(SHARED_MAX_AGE),
    );
    if vary {
        headers.insert(header::VARY, HeaderValue::from_static("accept-encoding"));
    }
}

/// The page `make` makes, unless the client already holds it as the data now stands: for a
/// page long to make that depends on nothing but its address and the data, read again and again
/// unchanged by feed readers and crawlers. Its tag, known before the page is made, names the
/// address, the data's content version, and the run of the server, since another build may make
/// the same page from the same data differently; the middleware keeps a tag the handler gave.
pub async fn unless_held<Made>(
    request: &HttpRequest,
    reader: &Reader,
    make: impl FnOnce() -> Made,
) -> AppResult<HttpResponse>
where
    Made: Future<Output = AppResult<HttpResponse>>,
{
    static RUN: std::sync::LazyLock<u64> = std::sync::LazyLock::new(|| {
        SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |since| since.as_nanos() as u64)
    });
    let version = reader.content_version()?;
    let etag =
        tag(foldhash::quality::FixedState::with_seed(*RUN).hash_one((request.uri(), version)));
    let last_modified = reader
        .generation()
        .and_then(|generation| db::last_modified(generation.seen_since, generation.read_at))
        .map(HttpDate::from);
    if client_has(request, &etag, last_modified) {
        let mut held = HttpResponse::NotModified().finish();
        validators(held.headers_mut(), etag, last_modified, true);
        return Ok(held);
    }
    let mut page = make().await?;
    page.headers_mut().insert(header::ETAG, etag);
    Ok(page)
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
    let reader = request.app_data::<web::Data<Reader>>().cloned();
    let coding = Coding::preferred(request.headers());
    // Without the cache the version would name nothing, and reading it is a read transaction.
    let current = reader
        .as_ref()
        .filter(|_| cache.enabled)
        .and_then(|reader| reader.content_version().ok().and(reader.generation()));
    let key = request.uri().to_string();
    if let Some((current, (page, sent_in))) = current.and_then(|current| {
        let day = db::day_of(current.read_at);
        Some((current, cache.get(&key, current.version, day, coding)?))
    }) {
        let response = answer(request.request(), page, sent_in, Some(current.read_at));
        return Ok(request.into_response(response));
    }
    let started = SystemTime::now();
    let response = next.call(request).await?;
    // A streamed answer (a CSV export of a whole collection, many megabytes) is sent as it is
    // read, never gathered to be kept.
    let streamed = matches!(response.response().body().size(), BodySize::Stream);
    if response.status() != StatusCode::OK || !is_for_everyone(&response) || streamed {
        return Ok(response.map_into_boxed_body());
    }
    // The data the page was made from: what the handler's own read saw, if it read any.
    let made_from = reader
        .and_then(|reader| reader.generation())
        .filter(|generation| generation.read_at >= started);
    let (request, response) = response.into_parts();
    let given_tag = response.headers().get(header::ETAG).cloned();
    let content_type = response
        .headers()
        .get(header::CONTENT_TYPE)
        .cloned()
        .unwrap_or_else(|| HeaderValue::from_static("text/html; charset=utf-8"));
    let headers: Rc<[_]> = response
        .headers()
        .iter()
        .filter(|(name, _)| *name != header::CONTENT_TYPE && *name != header::CONTENT_LENGTH)
        .map(|(n, v)| (n.clone(), v.clone()))
        .collect();
    // A rendered page is one piece already; any other body of known size is gathered.
    let body = match response.into_body().try_into_bytes() {
        Ok(bytes) => bytes,
        Err(streamed) => body::to_bytes(streamed).await.map_err(|_| {
            actix_web::error::ErrorInternalServerError("the page could not be read")
        })?,
    };
    let rendered = Rendered {
        content_type,
        etag: given_tag.unwrap_or_else(|| etag_of(&body)),
        seen_since: made_from.map(|generation| generation.seen_since),
        headers,
        body,
    };
    let read_at = made_from.map(|generation| generation.read_at);
    let Some(current) = current else {
        // Not kept: the compression middleware compresses it as it is sent.
        let fresh = answer(&request, rendered, None, read_at);
        return Ok(ServiceResponse::new(request, fresh));
    };
    let mut page = Page {
        version: current.version,
        // The day the version was read on, before the page was made: a page made across
        // midnight counts as the earlier day's, and is made again rather than kept into a day
        // whose date it may not show.
        day: db::day_of(current.read_at),
        rendered,
        brotli: None,
        gzip: None,
    };
    let compressed = coding.and_then(|coding| Some((page.compressed(coding)?, coding)));
    let mut sent = page.rendered.clone();
    cache.put(key, page);
    let sent_in = compressed.map(|(body, coding)| {
        sent.body = body;
        coding
    });
    let fresh = answer(&request, sent, sent_in, read_at);
    Ok(ServiceResponse::new(request, fresh))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page(version: i64, day: u64) -> Page {
        Page {
            version,
            day,
            rendered: Rendered {
                content_type: HeaderValue::from_static("text/html; charset=utf-8"),
                etag: etag_of(b"<p>kept</p>"),
                seen_since: None,
                headers: Rc::new([]),
                body: Bytes::from_static(b"<p>kept</p>"),
            },
            brotli: None,
            gzip: None,
        }
    }

    #[test]
    fn a_page_is_served_only_for_the_data_and_the_day_it_was_made_from() {
        let cache = PageCache::new(true, 1024 * 1024);
        cache.put("/".into(), page(7, 20_000));

        assert!(cache.get("/", 7, 20_000, None).is_some());
        assert!(cache.get("/", 8, 20_000, None).is_none(), "after a write");
        assert!(cache.get("/", 7, 20_001, None).is_none(), "the next day");
    }
}
