//! Every collection as CSV (RFC 4180: a header row, CRLF line ends), all pages of the filtered
//! list, safe to open in a spreadsheet.

use super::api::{PageUse, page_of};
use crate::db::reference::Page;
use crate::db::{DbResult, Reader};
use crate::domain::{ListFilter, ListQuery, PageNumber, PublicUrl, RecordKind};
use crate::error::{AppError, AppResult};
use crate::i18n::Lang;
use actix_web::web::Bytes;
use actix_web::{HttpResponse, get, web};
use diesel::SqliteConnection;
use futures_util::StreamExt;
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

/// How many pages of a list one piece of its file holds. Each piece is one read, between which
/// the worker serves other requests, and only one piece is in memory at a time: a whole file of
/// 100,000 statements is some 20 MB.
const PAGES_PER_PIECE: u32 = 25;

/// Where an export has got to.
struct Export {
    reader: web::Data<Reader>,
    site: web::Data<PublicUrl>,
    kind: RecordKind,
    lang: Lang,
    /// The first page the next piece holds, `None` once the last has been read.
    filter: Option<ListFilter>,
    /// The write generation the export began in: every piece must come from it.
    version: Option<i64>,
}

impl Export {
    /// The next piece of the file, with the header row if it is the first, encoded.
    fn piece(&mut self) -> Option<AppResult<Bytes>> {
        let filter = self.filter.take()?;
        let first = filter.page == PageNumber::FIRST;
        let read = self.reader.read(|conn| self.rows(conn, filter));
        let version = self
            .reader
            .generation()
            .map(|generation| generation.version);
        let piece = read.map_err(AppError::from).and_then(|(rows, next)| {
            // Pages read in different generations might repeat or miss a record that moved.
            if !first && version != self.version {
                return Err(AppError::Encoding(
                    "the records changed while they were exported".into(),
                ));
            }
            self.version = version;
            self.filter = next;
            self.encode(first, rows)
        });
        Some(piece)
    }

    /// The rows of up to `PAGES_PER_PIECE` pages from `filter`'s, and the page after them if
    /// the list goes on.
    fn rows(
        &self,
        conn: &mut SqliteConnection,
        mut filter: ListFilter,
    ) -> DbResult<(Vec<Vec<String>>, Option<ListFilter>)> {
        let columns = columns(self.kind);
        let mut rows = Vec::new();
        for _ in 0..PAGES_PER_PIECE {
            let page = page_of(conn, self.kind, &filter, AsJson)?;
            for item in &page.items {
                let mut row: Vec<String> =
                    columns.iter().map(|c| cell(&item[*c], self.lang)).collect();
                let path = self.kind.page(&cell(&item["slug"], self.lang));
                row.push(self.site.join(&self.lang.href(&path)));
                rows.push(row);
            }
            match filter.page.next() {
                Some(next) if filter.page.get() < page.last_number() => filter.page = next,
                _ => return Ok((rows, None)),
            }
        }
        Ok((rows, Some(filter)))
    }

    fn encode(&self, with_header: bool, rows: Vec<Vec<String>>) -> Result<Bytes, AppError> {
        let encoding = |e: csv::Error| AppError::Encoding(e.to_string());
        let mut writer = csv::WriterBuilder::new()
            .terminator(csv::Terminator::CRLF)
            .from_writer(Vec::new());
        if with_header {
            let columns = columns(self.kind).iter().copied();
            writer
                .write_record(columns.chain(["url"]))
                .map_err(encoding)?;
        }
        for row in rows {
            writer
                .write_record(row.into_iter().map(neutralise))
                .map_err(encoding)?;
        }
        let bytes = writer
            .into_inner()
            .map_err(|e| AppError::Encoding(e.to_string()))?;
        Ok(Bytes::from(bytes))
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
    let mut export = Export {
        reader,
        site,
        kind,
        lang,
        filter: Some(filter),
        version: None,
    };
    // The first piece is read before answering, so that a failure is still an error page.
    let first = export.piece().transpose()?;
    let rest = futures_util::stream::unfold(export, |mut export| async move {
        // A piece is always ready, so without this the worker would send the whole file, to a
        // client reading as fast as it is sent, before serving anyone else.
        actix_web::rt::task::yield_now().await;
        export.piece().map(|piece| (piece, export))
    });
    let pieces = futures_util::stream::iter(first.map(Ok))
        .chain(rest)
        .map(|piece| piece.map_err(|error| std::io::Error::other(error.to_string())));
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
        .streaming(pieces))
}
