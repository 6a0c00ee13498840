//! Every collection as CSV (RFC 4180: a header row, CRLF line ends), all pages of the filtered
//! list, safe to open in a spreadsheet.

use crate::db::kept::{Order, Walk};
use crate::db::{
    DbResult, Reader, agreements, areas, delegations, meetings, mous, organisations, people,
    statements,
};
use crate::domain::{ListFilter, ListQuery, PublicUrl, RecordKind};
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

/// The order of `kind`'s list under `filter`, as the list pages have it.
fn order_of(conn: &mut SqliteConnection, kind: RecordKind, filter: &ListFilter) -> DbResult<Order> {
    match kind {
        RecordKind::Statement => statements::order(conn, filter),
        RecordKind::Agreement => agreements::order(conn, filter),
        RecordKind::Meeting => meetings::order(conn, filter),
        RecordKind::Delegation => delegations::order(conn, filter),
        RecordKind::Mou => mous::order(conn, filter),
        RecordKind::Organisation => organisations::order(conn, filter),
        RecordKind::Person => people::order(conn, filter),
        RecordKind::Area => areas::order(conn),
    }
}

/// The records of `kind` with the given ids, in their order, as JSON, which `cell` makes into
/// the cells of a row.
fn records_of(conn: &mut SqliteConnection, kind: RecordKind, ids: &[i32]) -> DbResult<Vec<Value>> {
    fn json<T: Serialize>(items: Vec<T>) -> Vec<Value> {
        // Read models always serialise: only a map with keys other than text could fail.
        items
            .into_iter()
            .map(|item| serde_json::to_value(item).unwrap_or_default())
            .collect()
    }
    Ok(match kind {
        RecordKind::Statement => json(statements::items(conn, ids)?),
        RecordKind::Agreement => json(agreements::items(conn, ids)?),
        RecordKind::Meeting => json(meetings::items(conn, ids)?),
        RecordKind::Delegation => json(delegations::items(conn, ids)?),
        RecordKind::Mou => json(mous::items(conn, ids)?),
        RecordKind::Organisation => json(organisations::items(conn, ids)?),
        RecordKind::Person => json(people::items(conn, ids)?),
        RecordKind::Area => json(areas::items(conn, ids)?),
    })
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

/// How many records one piece of a file holds. Each piece is one read, between which the
/// worker serves other requests, and only one piece is in memory at a time: a whole file of
/// 100,000 statements is some 20 MB.
const RECORDS_PER_PIECE: usize = 500;

/// Where an export has got to.
struct Export {
    reader: web::Data<Reader>,
    site: web::Data<PublicUrl>,
    kind: RecordKind,
    lang: Lang,
    filter: ListFilter,
    /// The list as it stood when the export began, and how far through it the export is;
    /// `None` until the first piece is read.
    walk: Option<Walk>,
}

impl Export {
    /// The next piece of the file, with the header row if it is the first, encoded.
    fn piece(&mut self) -> Option<AppResult<Bytes>> {
        if self.walk.as_ref().is_some_and(Walk::is_done) {
            return None;
        }
        let first = self.walk.is_none();
        let records = self.reader.read(|conn| {
            let now = order_of(conn, self.kind, &self.filter)?;
            let walk = self.walk.get_or_insert_with(|| Walk::new(now.clone()));
            let ids = walk.next_piece(now, RECORDS_PER_PIECE);
            records_of(conn, self.kind, &ids)
        });
        Some(
            records
                .map_err(AppError::from)
                .and_then(|records| self.encode(first, &records)),
        )
    }

    fn encode(&self, with_header: bool, records: &[Value]) -> AppResult<Bytes> {
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
        for record in records {
            let path = self.kind.page(&cell(&record["slug"], self.lang));
            let cells = columns(self.kind)
                .iter()
                .map(|column| cell(&record[*column], self.lang))
                .chain([self.site.join(&self.lang.href(&path))]);
            writer
                .write_record(cells.map(neutralise))
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
    let filter = ListFilter::try_from(query.into_inner())?;
    let mut export = Export {
        reader,
        site,
        kind,
        lang,
        filter,
        walk: None,
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::db::Database;
    use crate::db::seed::seed_demo_if_empty;
    use crate::db::synthetic::{Sizes, generate};
    use diesel::sql_types::Integer;
    use diesel::{RunQueryDsl, sql_query};

    fn rows(piece: &Bytes) -> Vec<csv::StringRecord> {
        csv::ReaderBuilder::new()
            .has_headers(false)
            .from_reader(piece.as_ref())
            .records()
            .map(Result::unwrap)
            .collect()
    }

    #[test]
    fn an_export_across_writes_gives_the_list_as_it_began_less_what_left_it() {
        let dir = tempfile::tempdir().unwrap();
        let db = Database::open(&dir.path().join("portal.sqlite")).unwrap();
        let mut conn = db.connection().unwrap();
        seed_demo_if_empty(&mut conn).unwrap();
        generate(&mut conn, Sizes::for_statements(1_200), |_, _| {}).unwrap();
        let reader = web::Data::new(db.reader());
        let listed = reader
            .read(|conn| {
                let order = statements::order(conn, &ListFilter::default())?;
                statements::items(conn, order.ids())
            })
            .unwrap();
        assert!(listed.len() > 2 * RECORDS_PER_PIECE);
        let mut download = Export {
            reader: reader.clone(),
            site: web::Data::new(PublicUrl::parse("https://sti.example.org").unwrap()),
            kind: RecordKind::Statement,
            lang: Lang::En,
            filter: ListFilter::default(),
            walk: None,
        };

        let mut exported = rows(&download.piece().unwrap().unwrap());
        assert_eq!(&exported.remove(0)[0], "slug");
        assert_eq!(exported.len(), RECORDS_PER_PIECE);
        // Between the pieces: one statement not yet exported is retitled and another taken back
        // to draft, and a third is moved to the top of the list, which has been exported.
        let (retitled, drafted, moved) = (&listed[600], &listed[700], &listed[800]);
        for (sql, id) in [
            (
                "UPDATE statements SET title = 'Retitled while exported' WHERE id = ?",
                retitled.id,
            ),
            (
                "UPDATE statements SET status = 'draft', published_at = NULL WHERE id = ?",
                drafted.id,
            ),
            (
                "UPDATE statements SET published_at = '2099-01-01 00:00:00' WHERE id = ?",
                moved.id,
            ),
        ] {
            sql_query(sql)
                .bind::<Integer, _>(id)
                .execute(&mut conn)
                .unwrap();
        }
        while let Some(piece) = download.piece() {
            exported.extend(rows(&piece.unwrap()));
        }

        let expected: Vec<&str> = listed
            .iter()
            .filter(|item| item.id != drafted.id)
            .map(|item| item.slug.as_str())
            .collect();
        assert_eq!(
            exported.iter().map(|row| &row[0]).collect::<Vec<_>>(),
            expected
        );
        let retitled_row = exported.iter().find(|row| row[0] == retitled.slug).unwrap();
        assert_eq!(&retitled_row[1], "Retitled while exported");
    }
}
