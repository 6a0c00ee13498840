//! Every collection as CSV (RFC 4180: a header row, CRLF line ends), all pages of the filtered
//! list, safe to open in a spreadsheet.

use super::api::{PageUse, page_of};
use crate::db::Reader;
use crate::db::reference::Page;
use crate::domain::{ListFilter, ListQuery, PageNumber, PublicUrl, RecordKind};
use crate::error::{AppError, AppResult};
use crate::i18n::Lang;
use actix_web::{HttpResponse, get, web};
use serde::Serialize;
use serde_json::Value;

/// The columns of each collection: fields of its list records, in order; `url` follows.
fn columns(kind: RecordKind) -> &'static [&'static str] {
    match kind {
        RecordKind::Statement => &["slug", "title", "summary", "status", "published_at"],
        RecordKind::Agreement => &[
            "slug",
            "title",
            "signed_on",
            "signed_at",
            "status",
            "parties",
        ],
        RecordKind::Meeting => &["slug", "title", "joint_body", "held_on", "place"],
        RecordKind::Delegation => &[
            "slug",
            "title",
            "starts_on",
            "ends_on",
            "leader",
            "from_country",
            "host_country",
        ],
        RecordKind::Mou => &["slug", "title", "signed_on", "place", "status", "parties"],
        RecordKind::Organisation => &["slug", "name", "short_name", "kind", "country"],
        RecordKind::Person => &["slug", "name", "country", "post"],
        RecordKind::Area => &[
            "slug",
            "name",
            "description",
            "agreement_count",
            "meeting_count",
            "delegation_count",
            "mou_count",
            "statement_count",
        ],
    }
}

/// A page's records as JSON, which `cell` makes into the cells of a row.
struct AsJson;

impl PageUse for AsJson {
    type Output = Page<Value>;

    fn page<T: Serialize>(self, page: Page<T>) -> Page<Value> {
        Page {
            // Read models always serialise: only a map with keys other than text could fail.
            items: page
                .items
                .into_iter()
                .map(|item| serde_json::to_value(item).unwrap_or_default())
                .collect(),
            total: page.total,
            number: page.number,
            size: page.size,
        }
    }
}

/// A field as one cell: lists joined with "; ", a record by its name, text in `lang` (or, where
/// it has not been translated, in the language the record has it in).
fn cell(value: &Value, lang: Lang) -> String {
    match value {
        Value::Null => String::new(),
        Value::String(text) => text.clone(),
        Value::Array(items) => items
            .iter()
            .map(|item| cell(item, lang))
            .collect::<Vec<_>>()
            .join("; "),
        Value::Object(fields) if is_language_map(fields) => [lang, Lang::En, Lang::Ms, Lang::Zh]
            .iter()
            .find_map(|l| fields.get(l.tag()))
            .map(|text| cell(text, lang))
            .unwrap_or_default(),
        Value::Object(fields) => ["name", "title", "code"]
            .iter()
            .find_map(|key| fields.get(*key))
            .map(|field| cell(field, lang))
            .unwrap_or_default(),
        other => other.to_string(),
    }
}

/// Whether an object is translatable text (`{"en": …, "zh-Hans": …}`) rather than a record.
fn is_language_map(fields: &serde_json::Map<String, Value>) -> bool {
    fields
        .keys()
        .all(|key| Lang::ALL.iter().any(|l| l.tag() == key))
}

/// A spreadsheet reads a cell starting with `=`, `+`, `-`, `@`, tab or CR as a formula; a
/// leading `'` makes it text.
fn neutralise(text: String) -> String {
    if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{text}")
    } else {
        text
    }
}

#[get("/{collection}.csv")]
pub async fn export(
    lang: Lang,
    reader: web::Data<Reader>,
    site: web::Data<PublicUrl>,
    name: web::Path<String>,
    query: web::Query<ListQuery>,
) -> AppResult<HttpResponse> {
    let kind = RecordKind::from_collection(&name).ok_or(AppError::NotFound)?;
    let mut filter = ListFilter::try_from(query.into_inner())?;
    filter.page = PageNumber::FIRST;
    let columns = columns(kind);
    let mut rows: Vec<Vec<String>> = Vec::new();
    reader.read(|conn| {
        loop {
            let page = page_of(conn, kind, &filter, AsJson)?;
            let last = page.last_number();
            for item in &page.items {
                let mut row: Vec<String> = columns.iter().map(|c| cell(&item[*c], lang)).collect();
                row.push(site.join(&lang.href(&kind.page(&cell(&item["slug"], lang)))));
                rows.push(row);
            }
            match filter.page.next() {
                Some(next) if filter.page.get() < last => filter.page = next,
                _ => return Ok(()),
            }
        }
    })?;
    let encoding = |e: csv::Error| AppError::Encoding(e.to_string());
    let mut writer = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(Vec::new());
    writer
        .write_record(columns.iter().copied().chain(["url"]))
        .map_err(encoding)?;
    for row in rows {
        writer
            .write_record(row.into_iter().map(neutralise))
            .map_err(encoding)?;
    }
    let body = writer
        .into_inner()
        .map_err(|e| AppError::Encoding(e.to_string()))?;
    Ok(HttpResponse::Ok()
        .content_type("text/csv; charset=utf-8; header=present")
        .insert_header((
            actix_web::http::header::CONTENT_DISPOSITION,
            format!(
                "attachment; filename=\"{}{}.csv\"",
                kind.collection(),
                match lang {
                    Lang::En => String::new(),
                    other => format!("-{}", other.code()),
                }
            ),
        ))
        .body(body))
}
