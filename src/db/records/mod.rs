//! Staff writes to the records: one save flow for every collection (form token, version check,
//! write, audit, all in one transaction), and what each collection writes.

mod agreement;
mod area;
mod delegation;
mod meeting;
mod mou;
mod organisation;
mod person;

pub use agreement::Agreements;
pub use area::Areas;
pub use delegation::Delegations;
pub use meeting::Meetings;
pub use mou::Mous;
pub use organisation::Organisations;
pub use person::People;

use super::editorial::resolve;
use super::mous::DocumentRef;
use super::reference::Page;
use super::schema::{
    agreements, countries, delegations, focus_areas, meetings, mous, organisations, people,
};
use super::staff::{self, AuditEntry};
use super::{DbError, DbResult, kept};
use crate::domain::forms::{Collection, FormErrors, RecordRef, shorten};
use crate::domain::records::{FormBasics, RecordForm, StatusEvent};
use crate::domain::{
    CountryCode, InvalidInput, Lang, ListFilter, Localized, Message, PageNumber, PartialDate,
    RecordStatus, Slug,
};
use chrono::NaiveDateTime;
use diesel::prelude::*;

/// A record as its edit form starts: the form's values, and what the page shows beside them.
#[derive(Debug)]
pub struct Stored<F> {
    pub id: i32,
    pub slug: String,
    pub version: i32,
    pub form: F,
    /// The dated status history, oldest first (agreements and MoUs).
    pub history: Vec<HistoryEvent>,
    /// The signed documents attached (agreements and MoUs).
    pub documents: Vec<DocumentRef>,
}

impl<F> Stored<F> {
    fn new(id: i32, slug: String, version: i32, form: F) -> Self {
        Self {
            id,
            slug,
            version,
            form,
            history: Vec::new(),
            documents: Vec::new(),
        }
    }
}

/// An event of a record's status history.
#[derive(Debug, Clone, PartialEq, Queryable)]
pub struct HistoryEvent {
    pub status: RecordStatus,
    pub occurred_on: Option<PartialDate>,
    pub note: Localized,
}

impl HistoryEvent {
    /// The event as the audit trail records it: "2013-10-04 Signed: note", in English.
    fn line(&self) -> String {
        let on = self
            .occurred_on
            .as_ref()
            .map_or_else(|| "undated".to_owned(), |on| on.iso().to_string());
        match self.note.input(Lang::En) {
            "" => format!("{on} {}", self.status),
            note => format!("{on} {}: {note}", self.status),
        }
    }
}

/// Where a save writes: a new record at a fresh slug, or over an existing one.
#[derive(Debug, Clone, Copy)]
pub enum Target<'a> {
    New(&'a str),
    Existing(i32),
}

/// One collection as staff edit it.
pub trait Record: 'static {
    type Form: RecordForm;
    const COLLECTION: Collection;

    fn load(conn: &mut SqliteConnection, id: i32) -> DbResult<Option<Stored<Self::Form>>>;

    /// Writes `content` to `target` and returns the record's id. Every record the content names
    /// is looked up first; if any is missing the write fails with `DbError::Invalid`.
    fn write(
        conn: &mut SqliteConnection,
        target: Target<'_>,
        content: &<Self::Form as RecordForm>::Content,
    ) -> DbResult<i32>;
}

/// Inserts a record at a new slug (with `new:` values only a new record takes), or updates one
/// and moves its version on; gives the id.
macro_rules! upsert {
    ($conn:expr, $target:expr, $table:ident, $values:expr) => {
        upsert!($conn, $target, $table, $values, new: $table::updated_at.eq(diesel::dsl::now))
    };
    ($conn:expr, $target:expr, $table:ident, $values:expr, new: $new:expr) => {
        match $target {
            $crate::db::records::Target::New(slug) => diesel::insert_into($table::table)
                .values(($values, $new, $table::slug.eq(slug)))
                .returning($table::id)
                .get_result::<i32>($conn)?,
            $crate::db::records::Target::Existing(id) => {
                diesel::update($table::table.find(id))
                    .set((
                        $values,
                        $table::version.eq($table::version + 1),
                        $table::updated_at.eq(diesel::dsl::now),
                    ))
                    .execute($conn)?;
                id
            }
        }
    };
}
use upsert;

/// Replaces the rows of a link table that belong to one record; with `ordered by`, each row
/// also gets its place in the list, from 1.
macro_rules! replace_links {
    ($conn:expr, $table:ident, $owner:ident = $id:expr, $target:ident in $ids:expr) => {{
        diesel::delete($table::table.filter($table::$owner.eq($id))).execute($conn)?;
        for target in $ids {
            diesel::insert_into($table::table)
                .values(($table::$owner.eq($id), $table::$target.eq(*target)))
                .execute($conn)?;
        }
    }};
    ($conn:expr, $table:ident, $owner:ident = $id:expr, $target:ident in $ids:expr,
     ordered by $position:ident) => {{
        diesel::delete($table::table.filter($table::$owner.eq($id))).execute($conn)?;
        for (position, target) in (1..).zip($ids) {
            diesel::insert_into($table::table)
                .values((
                    $table::$owner.eq($id),
                    $table::$target.eq(*target),
                    $table::$position.eq(position),
                ))
                .execute($conn)?;
        }
    }};
}
use replace_links;

/// What one record links to through a link table: the linked records' slugs (or `select`ed
/// column), in `order`.
macro_rules! linked {
    ($conn:expr, $links:ident . $owner:ident = $id:expr, $records:ident . $column:ident,
     order by $order:expr) => {
        $links::table
            .inner_join($records::table)
            .filter($links::$owner.eq($id))
            .order($order)
            .select($records::$column)
            .load::<String>($conn)?
    };
}
use linked;

/// The status history of agreements and MoUs: reading it as lines, and adding a dated event
/// while the record's `status` column follows the newest event.
macro_rules! status_history {
    ($events:ident, $owner:ident, $records:ident) => {
        /// The history, oldest first.
        fn history(conn: &mut SqliteConnection, id: i32) -> DbResult<Vec<super::HistoryEvent>> {
            Ok($events::table
                .filter($events::$owner.eq(id))
                .order(($events::occurred_on, $events::id))
                .select((
                    $events::status,
                    $events::occurred_on,
                    ($events::note, $events::note_ms, $events::note_zh),
                ))
                .load(conn)?)
        }

        /// Adds `event`, then sets the record's status to the newest event's (latest date,
        /// then latest entered), in the same transaction.
        fn add_event(conn: &mut SqliteConnection, id: i32, event: &StatusEvent) -> DbResult<()> {
            diesel::insert_into($events::table)
                .values((
                    $events::$owner.eq(id),
                    $events::status.eq(event.status),
                    $events::occurred_on.eq(event.occurred_on),
                    $events::note.eq(event.note.input(crate::domain::Lang::En)),
                    $events::note_ms.eq(event.note.get(crate::domain::Lang::Ms)),
                    $events::note_zh.eq(event.note.get(crate::domain::Lang::Zh)),
                ))
                .execute(conn)?;
            let newest: RecordStatus = $events::table
                .filter($events::$owner.eq(id))
                .order(($events::occurred_on.desc(), $events::id.desc()))
                .select($events::status)
                .first(conn)?;
            diesel::update($records::table.find(id))
                .set($records::status.eq(newest))
                .execute(conn)?;
            Ok(())
        }
    };
}
use status_history;

/// Looks up the records a form names, collecting a message for each one that does not exist,
/// so a form with three unknown addresses is told about all three at once.
#[derive(Default)]
struct Resolver {
    errors: FormErrors,
}

impl Resolver {
    fn all(
        &mut self,
        conn: &mut SqliteConnection,
        field: &'static str,
        collection: Collection,
        slugs: &[Slug],
    ) -> DbResult<Vec<i32>> {
        let mut ids = Vec::with_capacity(slugs.len());
        let mut unknown = Vec::new();
        for slug in slugs {
            let reference = RecordRef {
                collection,
                slug: slug.clone(),
            };
            match resolve(conn, &reference) {
                Ok(id) => ids.push(id),
                Err(DbError::UnknownRecord(path)) => unknown.push(path),
                Err(other) => return Err(other),
            }
        }
        if !unknown.is_empty() {
            self.refuse(
                field,
                Message::new("invalid-not-records")
                    .text("addresses", unknown.join(", "))
                    .number("count", unknown.len() as i64),
            );
        }
        Ok(ids)
    }

    fn one(
        &mut self,
        conn: &mut SqliteConnection,
        field: &'static str,
        collection: Collection,
        slug: Option<&Slug>,
    ) -> DbResult<Option<i32>> {
        let slugs: Vec<Slug> = slug.into_iter().cloned().collect();
        Ok(self.all(conn, field, collection, &slugs)?.pop())
    }

    fn countries(
        &mut self,
        conn: &mut SqliteConnection,
        field: &'static str,
        codes: &[CountryCode],
    ) -> DbResult<Vec<i32>> {
        let mut ids = Vec::with_capacity(codes.len());
        for code in codes {
            let id: Option<i32> = countries::table
                .filter(countries::code.eq(code.as_str()))
                .select(countries::id)
                .first(conn)
                .optional()?;
            match id {
                Some(id) => ids.push(id),
                None => self.refuse(
                    field,
                    Message::new("invalid-unknown-country").text("code", code.as_str()),
                ),
            }
        }
        Ok(ids)
    }

    fn country(
        &mut self,
        conn: &mut SqliteConnection,
        field: &'static str,
        code: CountryCode,
    ) -> DbResult<i32> {
        Ok(self
            .countries(conn, field, &[code])?
            .pop()
            .unwrap_or_default())
    }

    /// The status a new agreement or MoU starts with: that of the event its form adds, which a
    /// new one must have.
    fn first_status(&mut self, target: Target<'_>, event: Option<&StatusEvent>) -> RecordStatus {
        match (event, target) {
            (Some(event), _) => event.status,
            (None, Target::New(_)) => {
                self.refuse("new_status", Message::new("invalid-first-status"));
                RecordStatus::Signed
            }
            (None, Target::Existing(_)) => RecordStatus::Signed,
        }
    }

    fn refuse(&mut self, field: &'static str, reason: Message) {
        self.errors.add(InvalidInput::because(field, reason));
    }

    /// Fails the write, and so rolls back the transaction, if anything was refused.
    fn finish(self) -> DbResult<()> {
        if self.errors.is_empty() {
            Ok(())
        } else {
            Err(DbError::Invalid(self.errors))
        }
    }
}

/// A slug for a new record: `title-words`, then `title-words-2`, ...; a title with no Latin
/// letters falls back to the collection's noun (`organisation`, `organisation-2`, ...).
fn unique_slug(
    conn: &mut SqliteConnection,
    collection: Collection,
    title: &str,
) -> DbResult<String> {
    let base =
        Slug::from_title(title).map_or_else(|| collection.noun().to_owned(), |s| s.to_string());
    // Room for a numeric suffix within the slug's 120 characters.
    let base = shorten(&base, 100).trim_end_matches(['-', '…']).to_owned();
    for n in 1.. {
        let candidate = if n == 1 {
            base.clone()
        } else {
            format!("{base}-{n}")
        };
        let slug = Slug::parse(&candidate).map_err(|e| DbError::Interrupted(e.message))?;
        match resolve(conn, &RecordRef { collection, slug }) {
            Err(DbError::UnknownRecord(_)) => return Ok(candidate),
            Ok(_) => continue,
            Err(other) => return Err(other),
        }
    }
    unreachable!("an unbounded range always yields a free slug")
}

/// One save of a record form, by one editor.
pub struct SaveRequest<C> {
    /// `None` creates a new record.
    pub id: Option<i32>,
    /// The version the form was loaded at; another current version is a conflict.
    pub expected_version: Option<i32>,
    pub content: C,
    pub actor_id: i32,
    pub form_token: String,
}

#[derive(Debug)]
pub enum SaveOutcome<F> {
    Saved(i32),
    /// The same form was sent before; where its first submission led.
    Repeated(String),
    /// Someone else saved first; the record as it is now.
    Conflict(Box<Stored<F>>),
}

/// The staff address of a record's edit page.
pub fn edit_path(collection: Collection, id: i32) -> String {
    format!("/staff/records/{}/{id}/edit", collection.path())
}

/// Saves a record form in one transaction: the record, its links, and the audit entry with
/// what changed, or nothing at all.
pub fn save<R: Record>(
    conn: &mut SqliteConnection,
    request: SaveRequest<<R::Form as RecordForm>::Content>,
) -> DbResult<SaveOutcome<R::Form>> {
    let collection = R::COLLECTION;
    if let Some(earlier) = staff::earlier_submission(conn, &request.form_token)? {
        return Ok(SaveOutcome::Repeated(earlier));
    }
    let mut before = match request.id {
        Some(id) => Some(R::load(conn, id)?.ok_or(DbError::NotFound)?),
        None => None,
    };
    if let Some(current) = before.take_if(|c| request.expected_version != Some(c.version)) {
        return Ok(SaveOutcome::Conflict(Box::new(current)));
    }
    let id = match &before {
        Some(current) => R::write(conn, Target::Existing(current.id), &request.content)?,
        None => {
            let slug = unique_slug(conn, collection, R::Form::title(&request.content))?;
            R::write(conn, Target::New(&slug), &request.content)?
        }
    };
    let after = R::load(conn, id)?.ok_or(DbError::NotFound)?;
    staff::audit(
        conn,
        AuditEntry {
            user_id: Some(request.actor_id),
            action: if before.is_some() { "update" } else { "create" },
            entity: collection.noun(),
            entity_id: Some(id),
            summary: change_summary(collection, before.as_ref(), &after),
        },
    )?;
    staff::claim_form(
        conn,
        &request.form_token,
        request.actor_id,
        &edit_path(collection, id),
    )?;
    Ok(SaveOutcome::Saved(id))
}

/// What a save changed, for the audit trail: each changed field with its value before and
/// after, shortened.
fn change_summary<F: FormBasics>(
    collection: Collection,
    before: Option<&Stored<F>>,
    after: &Stored<F>,
) -> String {
    let address = format!("/{}/{}", collection.path(), after.slug);
    let Some(before) = before else {
        let title = after
            .form
            .labelled()
            .into_iter()
            .next()
            .unwrap_or_default()
            .1;
        return format!("created {address} “{}”", shorten(&title, 120));
    };
    let with_history = |stored: &Stored<F>| {
        let mut fields = stored.form.labelled();
        let history: Vec<String> = stored.history.iter().map(HistoryEvent::line).collect();
        fields.push(("Status history".into(), history.join("; ")));
        fields
    };
    let changes: Vec<String> = with_history(before)
        .into_iter()
        .zip(with_history(after))
        .filter(|((_, old), (_, new))| old != new)
        .map(|((label, old), (_, new))| {
            format!(
                "{}: “{}” → “{}”",
                label.to_lowercase(),
                shorten(&old, 80),
                shorten(&new, 80)
            )
        })
        .collect();
    let what = if changes.is_empty() {
        "saved without changes".to_owned()
    } else {
        changes.join("; ")
    };
    format!("{address} v{} → v{}: {what}", before.version, after.version)
}

/// A record as the staff lists show it.
#[derive(Debug, Queryable)]
pub struct RecordItem {
    pub id: i32,
    pub slug: String,
    pub label: String,
    pub updated_at: NaiveDateTime,
}

/// `%text%` for LIKE, with the pattern characters of `text` taken literally.
fn containing(text: &str) -> String {
    let mut pattern = String::from("%");
    for c in text.chars() {
        if matches!(c, '%' | '_' | '\\') {
            pattern.push('\\');
        }
        pattern.push(c);
    }
    pattern.push('%');
    pattern
}

/// One page of a collection for staff, by name or title, optionally only those whose name or
/// title contains `search`. The order is read once per write generation (see `kept`), so a deep
/// page costs what the first does.
pub fn staff_list(
    conn: &mut SqliteConnection,
    collection: Collection,
    search: Option<&str>,
    page: PageNumber,
) -> DbResult<Page<RecordItem>> {
    let pattern = search.map(containing);
    let asked = format!("{collection:?} {}", pattern.as_deref().unwrap_or_default());
    let filter = ListFilter {
        page,
        ..ListFilter::default()
    };
    macro_rules! listed {
        ($table:ident, $label:ident) => {{
            let order = kept::order_of("staff records", asked, || {
                let mut ids = $table::table
                    .order(($table::$label, $table::id))
                    .select($table::id)
                    .into_boxed();
                if let Some(pattern) = &pattern {
                    ids = ids.filter($table::$label.like(pattern).escape('\\'));
                }
                Ok(ids.load(conn)?)
            })?;
            order.page(&filter, |shown| {
                let rows: Vec<RecordItem> = super::by_ids!($table::table, $table::id, shown)
                    .select(($table::id, $table::slug, $table::$label, $table::updated_at))
                    .load(conn)?;
                Ok(super::in_order(
                    shown,
                    rows.into_iter().map(|row| (row.id, row)),
                ))
            })?
        }};
    }
    Ok(match collection {
        Collection::Agreements => listed!(agreements, title),
        Collection::Meetings => listed!(meetings, title),
        Collection::Delegations => listed!(delegations, title),
        Collection::Mous => listed!(mous, title),
        Collection::Organisations => listed!(organisations, name),
        Collection::People => listed!(people, name),
        Collection::Areas => listed!(focus_areas, name),
    })
}

/// The address of a record for a form's text: `/people/yin-hejun`.
fn address(collection: Collection, slug: &str) -> String {
    format!("/{}/{slug}", collection.path())
}

/// Addresses one per line, as record pickers hold them.
fn addresses(collection: Collection, slugs: &[String]) -> String {
    slugs
        .iter()
        .map(|slug| address(collection, slug))
        .collect::<Vec<_>>()
        .join("\n")
}

fn iso(date: Option<crate::domain::PartialDate>) -> String {
    date.map(|d| d.iso().to_string()).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn search_text_is_taken_literally() {
        assert_eq!(containing("50%_a\\"), "%50\\%\\_a\\\\%");
    }
}
