//! The read-only JSON API, `/api/v1/<collection>[/<slug>]`: the same records, filters and pages
//! as the HTML lists, with the address of every record named, and errors as JSON.

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
use serde_json::{Map, Value, json};

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

/// Plain records always serialise; a failure could only come from a map with non-text keys,
/// which no read model has.
fn to_json<T: Serialize>(value: T) -> Value {
    serde_json::to_value(value).unwrap_or_default()
}

/// One page of a collection, each record as JSON, from the same query as its HTML list.
pub(crate) fn page_of(
    conn: &mut SqliteConnection,
    kind: RecordKind,
    filter: &ListFilter,
) -> DbResult<Page<Value>> {
    fn values<T: Serialize>(page: Page<T>) -> Page<Value> {
        Page {
            items: page.items.into_iter().map(to_json).collect(),
            total: page.total,
            number: page.number,
        }
    }
    Ok(match kind {
        RecordKind::Statement => values(statements::list(conn, filter)?),
        RecordKind::Agreement => values(agreements::list(conn, filter)?),
        RecordKind::Meeting => values(meetings::list(conn, filter)?),
        RecordKind::Delegation => values(delegations::list(conn, filter)?),
        RecordKind::Mou => values(mous::list(conn, filter)?),
        RecordKind::Organisation => values(organisations::list(conn, filter)?),
        RecordKind::Person => values(people::list(conn, filter)?),
        RecordKind::Area => values(areas::page(conn, filter)?),
    })
}

fn record_of(
    conn: &mut SqliteConnection,
    kind: RecordKind,
    slug: &Slug,
) -> DbResult<Option<Value>> {
    Ok(match kind {
        RecordKind::Statement => statements::detail(conn, slug)?.map(to_json),
        RecordKind::Agreement => agreements::detail(conn, slug)?.map(to_json),
        RecordKind::Meeting => meetings::detail(conn, slug)?.map(to_json),
        RecordKind::Delegation => delegations::detail(conn, slug)?.map(to_json),
        RecordKind::Mou => mous::detail(conn, slug)?.map(to_json),
        RecordKind::Organisation => organisations::detail(conn, slug)?.map(to_json),
        RecordKind::Person => people::detail(conn, slug)?.map(to_json),
        RecordKind::Area => areas::detail(conn, slug)?.map(to_json),
    })
}

/// The kind of record that a field of a read model names, by the field's name.
fn related(field: &str) -> Option<RecordKind> {
    Some(match field {
        "agreement" | "agreements" => RecordKind::Agreement,
        "meeting" | "meetings" => RecordKind::Meeting,
        "delegation" | "delegations" | "during" => RecordKind::Delegation,
        "mous" | "mous_signed" | "renews" | "renewed_by" => RecordKind::Mou,
        "organisation" | "organisations" | "parties" => RecordKind::Organisation,
        "people" | "leader" | "members" | "co_chairs" | "signatories" | "witnesses" => {
            RecordKind::Person
        }
        "areas" => RecordKind::Area,
        "statements" => RecordKind::Statement,
        _ => return None,
    })
}

/// Gives every object that names a record (by its `slug`) the record's page (`url`) and API
/// resource (`href`). `kind` is the kind the object is known to be, from where it sits.
fn add_links(value: &mut Value, kind: Option<RecordKind>, site: &PublicUrl) {
    match value {
        Value::Object(map) => {
            if let (Some(kind), Some(Value::String(slug))) = (kind, map.get("slug")) {
                let page = kind.page(slug);
                map.insert("href".into(), site.join(&format!("/api/v1{page}")).into());
                map.insert("url".into(), site.join(&page).into());
            }
            for (field, child) in map.iter_mut() {
                let child_kind = if field == "items" {
                    kind
                } else {
                    related(field)
                };
                add_links(child, child_kind, site);
            }
        }
        Value::Array(items) => {
            for item in items {
                add_links(item, kind, site);
            }
        }
        _ => {}
    }
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
    let page = reader.read(|conn| page_of(conn, kind, &filter))?;
    let path = format!("/api/v1/{}", kind.collection());
    let last = page.last_number();
    let at = |number: u32| site.join(&format!("{path}{}", filter.query_string_for_page(number)));
    let mut items = Value::Array(page.items);
    add_links(&mut items, Some(kind), &site);
    let filters: Map<String, Value> = filter
        .filters()
        .map(|(name, value)| (name.to_owned(), value.into()))
        .collect();
    Ok(HttpResponse::Ok().json(json!({
        "collection": kind.collection(),
        "filters": filters,
        "page": page.number,
        "per_page": PAGE_SIZE,
        "total": page.total,
        "last_page": last,
        "links": {
            "self": at(page.number),
            "first": at(1),
            "last": at(last),
            "prev": (page.number > 1).then(|| at(page.number.min(last + 1) - 1)),
            "next": (page.number < last).then(|| at(page.number + 1)),
            "html": site.join(&format!("{}{}", kind.list_path(), filter.query_string_for_page(page.number))),
            "csv": site.join(&format!("{}.csv{}", kind.list_path(), filter.query_string_for_page(1))),
        },
        "items": items,
    })))
}

async fn detail(
    reader: web::Data<Reader>,
    site: web::Data<PublicUrl>,
    path: web::Path<(String, String)>,
) -> ApiResult<HttpResponse> {
    let (name, slug) = path.into_inner();
    let kind = collection(&name)?;
    let slug = Slug::parse(&slug).map_err(|_| ApiError(AppError::NotFound))?;
    let mut record = reader
        .read(|conn| record_of(conn, kind, &slug))?
        .ok_or(ApiError(AppError::NotFound))?;
    add_links(&mut record, Some(kind), &site);
    let page = kind.page(slug.as_str());
    Ok(HttpResponse::Ok().json(json!({
        "collection": kind.collection(),
        "slug": slug.as_str(),
        "url": site.join(&page),
        "href": site.join(&format!("/api/v1{page}")),
        "record": record,
    })))
}
