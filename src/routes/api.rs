//! The read-only JSON API, `/api/v1/<collection>[/<slug>]`: the same records, filters and pages
//! as the HTML lists, with the address of every record named, and errors as JSON.

mod linked;

use crate::db::reference::Page;
use crate::db::{
    DbError, DbResult, Reader, agreements, areas, delegations, meetings, mous, organisations,
    people, statements,
};
use crate::domain::{InvalidInput, ListFilter, ListQuery, PAGE_SIZE, PublicUrl, RecordKind, Slug};
use crate::error::AppError;
use actix_web::http::StatusCode;
use actix_web::{HttpResponse, ResponseError, web};
use diesel::SqliteConnection;
use serde::Serialize;
use serde_json::json;

use linked::Linked;

const OPENAPI: &str = include_str!("../../api/openapi.json");

/// An API request's failure: the portal's status for it, with a JSON body.
#[derive(Debug, thiserror::Error)]
#[error(transparent)]
pub struct ApiError(#[from] AppError);

impl From<DbError> for ApiError {
    fn from(error: DbError) -> Self {
        Self(error.into())
    }
}

impl From<InvalidInput> for ApiError {
    fn from(error: InvalidInput) -> Self {
        Self(error.into())
    }
}

impl ResponseError for ApiError {
    fn status_code(&self) -> StatusCode {
        self.0.status_code()
    }

    fn error_response(&self) -> HttpResponse {
        let status = self.status_code();
        let message = match status {
            StatusCode::NOT_FOUND => "not found".to_owned(),
            StatusCode::BAD_REQUEST => self.0.public_detail(),
            _ => {
                tracing::error!(error = %self.0, cause = ?self.0, "API request failed");
                "the request could not be answered; please try again in a moment".to_owned()
            }
        };
        HttpResponse::build(status).json(json!({ "error": message }))
    }
}

type ApiResult<T> = Result<T, ApiError>;

pub fn scope() -> actix_web::Scope {
    web::scope("/api/v1")
        .app_data(
            web::QueryConfig::default()
                .error_handler(|error, _| ApiError(AppError::Unreadable(error.to_string())).into()),
        )
        .route("/openapi.json", web::get().to(openapi))
        .route("/{collection}", web::get().to(list))
        .route("/{collection}/{slug}", web::get().to(detail))
        .default_service(web::to(not_found))
}

async fn not_found() -> ApiResult<HttpResponse> {
    Err(ApiError(AppError::NotFound))
}

async fn openapi() -> HttpResponse {
    HttpResponse::Ok()
        .content_type("application/json")
        .body(OPENAPI)
}

/// What a caller makes of one page of a collection, whatever the type of its records.
pub(crate) trait PageUse {
    type Output;
    fn page<T: Serialize>(self, page: Page<T>) -> Self::Output;
}

/// One page of a collection, from the same query as its HTML list, made into what `using` makes
/// of it.
pub(crate) fn page_of<U: PageUse>(
    conn: &mut SqliteConnection,
    kind: RecordKind,
    filter: &ListFilter,
    using: U,
) -> DbResult<U::Output> {
    Ok(match kind {
        RecordKind::Statement => using.page(statements::list(conn, filter)?),
        RecordKind::Agreement => using.page(agreements::list(conn, filter)?),
        RecordKind::Meeting => using.page(meetings::list(conn, filter)?),
        RecordKind::Delegation => using.page(delegations::list(conn, filter)?),
        RecordKind::Mou => using.page(mous::list(conn, filter)?),
        RecordKind::Organisation => using.page(organisations::list(conn, filter)?),
        RecordKind::Person => using.page(people::list(conn, filter)?),
        RecordKind::Area => using.page(areas::page(conn, filter)?),
    })
}

/// `body` as JSON, in a buffer the size of a page of records from the start.
fn to_json(body: &impl Serialize) -> serde_json::Result<Vec<u8>> {
    let mut json = Vec::with_capacity(32 * 1024);
    serde_json::to_writer(&mut json, body)?;
    Ok(json)
}

/// A list response: the page's records with links, where the page sits among the others, and
/// links to the pages beside it and to the same list as a web page and as CSV.
#[derive(Serialize)]
struct ListBody<'a, T> {
    collection: &'static str,
    filters: Filters<'a>,
    page: u32,
    per_page: i64,
    total: i64,
    last_page: u32,
    links: ListLinks,
    items: Linked<'a, [T]>,
}

#[derive(Serialize)]
struct ListLinks {
    #[serde(rename = "self")]
    this: String,
    first: String,
    last: String,
    prev: Option<String>,
    next: Option<String>,
    html: String,
    csv: String,
}

/// The filters a list was asked for, by name.
struct Filters<'a>(&'a ListFilter);

impl Serialize for Filters<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_map(self.0.filters())
    }
}

/// A page of a collection written as the API's JSON list response.
struct ListJson<'a> {
    kind: RecordKind,
    filter: &'a ListFilter,
    site: &'a PublicUrl,
}

impl PageUse for ListJson<'_> {
    type Output = serde_json::Result<Vec<u8>>;

    fn page<T: Serialize>(self, page: Page<T>) -> Self::Output {
        let Self { kind, filter, site } = self;
        let last = page.last_number();
        let api = format!("/api/v1/{}", kind.collection());
        let at = |number: u32| site.join(&format!("{api}{}", filter.query_string_for_page(number)));
        let links = ListLinks {
            this: at(page.number),
            first: at(1),
            last: at(last),
            prev: (page.number > 1).then(|| at(page.number.min(last + 1) - 1)),
            next: (page.number < last).then(|| at(page.number + 1)),
            html: site.join(&format!(
                "{}{}",
                kind.list_path(),
                filter.query_string_for_page(page.number)
            )),
            csv: site.join(&format!(
                "{}.csv{}",
                kind.list_path(),
                filter.query_string_for_page(1)
            )),
        };
        to_json(&ListBody {
            collection: kind.collection(),
            filters: Filters(filter),
            page: page.number,
            per_page: PAGE_SIZE,
            total: page.total,
            last_page: last,
            links,
            items: Linked::new(page.items.as_slice(), Some(kind), site),
        })
    }
}

/// A record response: where the record is, and the record with links.
#[derive(Serialize)]
struct RecordBody<'a, T> {
    collection: &'static str,
    slug: &'a str,
    url: String,
    href: String,
    record: Linked<'a, T>,
}

/// A record written as the API's JSON record response.
struct RecordJson<'a> {
    kind: RecordKind,
    slug: &'a Slug,
    site: &'a PublicUrl,
}

impl RecordJson<'_> {
    /// The response for `record`, if there is one by that slug.
    fn write<T: Serialize>(&self, record: Option<T>) -> Option<serde_json::Result<Vec<u8>>> {
        let Self { kind, slug, site } = *self;
        let record = record?;
        let [href, url] = linked::record_links(site, kind, slug.as_str());
        Some(to_json(&RecordBody {
            collection: kind.collection(),
            slug: slug.as_str(),
            url,
            href,
            record: Linked::new(&record, Some(kind), site),
        }))
    }
}

/// One record as the API's JSON record response, if there is one by that slug.
fn record_json(
    conn: &mut SqliteConnection,
    kind: RecordKind,
    slug: &Slug,
    site: &PublicUrl,
) -> DbResult<Option<serde_json::Result<Vec<u8>>>> {
    let json = RecordJson { kind, slug, site };
    Ok(match kind {
        RecordKind::Statement => json.write(statements::detail(conn, slug)?),
        RecordKind::Agreement => json.write(agreements::detail(conn, slug)?),
        RecordKind::Meeting => json.write(meetings::detail(conn, slug)?),
        RecordKind::Delegation => json.write(delegations::detail(conn, slug)?),
        RecordKind::Mou => json.write(mous::detail(conn, slug)?),
        RecordKind::Organisation => json.write(organisations::detail(conn, slug)?),
        RecordKind::Person => json.write(people::detail(conn, slug)?),
        RecordKind::Area => json.write(areas::detail(conn, slug)?),
    })
}

fn json_response(body: serde_json::Result<Vec<u8>>) -> ApiResult<HttpResponse> {
    let body = body.map_err(|error| ApiError(AppError::Encoding(error.to_string())))?;
    Ok(HttpResponse::Ok()
        .content_type("application/json")
        .body(body))
}

fn collection(name: &str) -> ApiResult<RecordKind> {
    RecordKind::from_collection(name).ok_or(ApiError(AppError::NotFound))
}

async fn list(
    reader: web::Data<Reader>,
    site: web::Data<PublicUrl>,
    name: web::Path<String>,
    query: web::Query<ListQuery>,
) -> ApiResult<HttpResponse> {
    let kind = collection(&name)?;
    let filter = ListFilter::try_from(query.into_inner())?;
    let using = ListJson {
        kind,
        filter: &filter,
        site: &site,
    };
    json_response(reader.read(|conn| page_of(conn, kind, &filter, using))?)
}

async fn detail(
    reader: web::Data<Reader>,
    site: web::Data<PublicUrl>,
    path: web::Path<(String, String)>,
) -> ApiResult<HttpResponse> {
    let (name, slug) = path.into_inner();
    let kind = collection(&name)?;
    let slug = Slug::parse(&slug).map_err(|_| ApiError(AppError::NotFound))?;
    let body = reader
        .read(|conn| record_json(conn, kind, &slug, &site))?
        .ok_or(ApiError(AppError::NotFound))?;
    json_response(body)
}
