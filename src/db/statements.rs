//! Press statements as the public sees them: only published and withdrawn ones, never drafts.

use super::reference::{Named, OrganisationRef, Page};
use super::schema::{
    agreements, delegations, focus_areas, meetings, mous, organisations, people,
    statement_revisions, statement_subjects, statements,
};
use super::{DbResult, OptionalRow};
use crate::domain::markdown::{self, RENDERER_VERSION};
use crate::domain::{Language, ListFilter, PAGE_SIZE, PartialDate, Slug, StatementStatus};
use chrono::NaiveDateTime;
use diesel::prelude::*;
use diesel::sql_types::Bool;
use diesel::sqlite::Sqlite;
use serde::Serialize;

/// A statement is public once published (withdrawn ones stay public with their reason): exactly
/// the statements with a publication time, which a trigger keeps true and an index serves.
fn public() -> diesel::dsl::IsNotNull<statements::published_at> {
    statements::published_at.is_not_null()
}

#[derive(Debug, Queryable, Selectable, Serialize)]
#[diesel(table_name = statements)]
pub struct StatementItem {
    pub slug: String,
    pub title: String,
    pub summary: String,
    pub status: StatementStatus,
    pub published_at: Option<NaiveDateTime>,
}

impl StatementItem {
    /// The day of publication; the time is not shown to readers.
    pub fn published_on(&self) -> Option<PartialDate> {
        self.published_at.map(|at| PartialDate::from(at.date()))
    }

    pub fn is_withdrawn(&self) -> bool {
        self.status == StatementStatus::Withdrawn
    }
}

pub(crate) type Condition = Box<dyn BoxableExpression<statements::table, Sqlite, SqlType = Bool>>;

/// What a statement can be about; each maps to one column of `statement_subjects`.
#[derive(Debug, Clone, Copy)]
pub enum Subject {
    Agreement(i32),
    Meeting(i32),
    Delegation(i32),
    Mou(i32),
}

fn about_subject(subject: Subject) -> Condition {
    let ids = statement_subjects::table.select(statement_subjects::statement_id);
    Box::new(
        statements::id.eq_any(match subject {
            Subject::Agreement(id) => ids
                .filter(statement_subjects::agreement_id.eq(id))
                .into_boxed(),
            Subject::Meeting(id) => ids
                .filter(statement_subjects::meeting_id.eq(id))
                .into_boxed(),
            Subject::Delegation(id) => ids
                .filter(statement_subjects::delegation_id.eq(id))
                .into_boxed(),
            Subject::Mou(id) => ids.filter(statement_subjects::mou_id.eq(id)).into_boxed(),
        }),
    )
}

pub(crate) fn condition(filter: &ListFilter) -> Condition {
    let mut condition: Condition = Box::new(public());
    if let Some(area) = &filter.area {
        let about = statement_subjects::table
            .inner_join(focus_areas::table)
            .filter(focus_areas::slug.eq(area.to_string()))
            .select(statement_subjects::statement_id);
        condition = Box::new(condition.and(statements::id.eq_any(about)));
    }
    if let Some(organisation) = &filter.organisation {
        let about = statement_subjects::table
            .inner_join(organisations::table)
            .filter(organisations::slug.eq(organisation.to_string()))
            .select(statement_subjects::statement_id);
        condition = Box::new(condition.and(statements::id.eq_any(about)));
    }
    if let Some(person) = &filter.person {
        let about = statement_subjects::table
            .inner_join(people::table)
            .filter(people::slug.eq(person.to_string()))
            .select(statement_subjects::statement_id);
        condition = Box::new(condition.and(statements::id.eq_any(about)));
    }
    if let Some(year) = filter.year {
        let start = chrono::NaiveDate::from_ymd_opt(year.value(), 1, 1)
            .and_then(|d| d.and_hms_opt(0, 0, 0))
            .unwrap_or_default();
        let end = chrono::NaiveDate::from_ymd_opt(year.value() + 1, 1, 1)
            .and_then(|d| d.and_hms_opt(0, 0, 0))
            .unwrap_or_default();
        let published_at = statements::published_at.assume_not_null();
        condition = Box::new(
            condition
                .and(published_at.ge(start))
                .and(published_at.lt(end)),
        );
    }
    condition
}

/// How many records the filter lets through, on every page.
pub fn count(conn: &mut SqliteConnection, filter: &ListFilter) -> DbResult<i64> {
    Ok(statements::table
        .filter(condition(filter))
        .count()
        .get_result(conn)?)
}

pub fn list(conn: &mut SqliteConnection, filter: &ListFilter) -> DbResult<Page<StatementItem>> {
    let total = count(conn, filter)?;
    let items = statements::table
        .filter(condition(filter))
        .order((statements::published_at.desc(), statements::id.desc()))
        .limit(PAGE_SIZE)
        .offset(filter.page.offset())
        .select(StatementItem::as_select())
        .load(conn)?;
    Ok(Page::new(items, total, filter))
}

/// The public statements about one record, newest first.
pub fn about(conn: &mut SqliteConnection, subject: Subject) -> DbResult<Vec<StatementItem>> {
    Ok(statements::table
        .filter(public())
        .filter(about_subject(subject))
        .order((statements::published_at.desc(), statements::id.desc()))
        .select(StatementItem::as_select())
        .load(conn)?)
}

#[derive(Debug, Queryable, Selectable)]
#[diesel(table_name = statements)]
struct StatementRow {
    id: i32,
    slug: String,
    title: String,
    summary: String,
    dateline: Option<String>,
    body_html: String,
    language: Language,
    status: StatementStatus,
    published_at: Option<NaiveDateTime>,
    updated_at: NaiveDateTime,
    withdrawn_reason: Option<String>,
}

#[derive(Debug, Queryable, Serialize)]
pub struct RevisionItem {
    pub number: i32,
    pub change_note: String,
    pub published_at: Option<NaiveDateTime>,
}

/// The records a statement is about, grouped by kind.
#[derive(Debug, Default, Serialize)]
pub struct Subjects {
    pub agreements: Vec<Named>,
    pub meetings: Vec<Named>,
    pub delegations: Vec<Named>,
    pub mous: Vec<Named>,
    pub organisations: Vec<OrganisationRef>,
    pub people: Vec<Named>,
    pub areas: Vec<Named>,
}

impl Subjects {
    pub fn is_empty(&self) -> bool {
        self.agreements.is_empty()
            && self.meetings.is_empty()
            && self.delegations.is_empty()
            && self.mous.is_empty()
            && self.organisations.is_empty()
            && self.people.is_empty()
            && self.areas.is_empty()
    }
}

impl StatementDetail {
    pub fn published_on(&self) -> Option<PartialDate> {
        self.published_at.map(|at| PartialDate::from(at.date()))
    }

    pub fn is_withdrawn(&self) -> bool {
        self.status == StatementStatus::Withdrawn
    }
}

impl RevisionItem {
    pub fn published_on(&self) -> Option<PartialDate> {
        self.published_at.map(|at| PartialDate::from(at.date()))
    }
}

#[derive(Debug, Serialize)]
pub struct StatementDetail {
    pub slug: String,
    pub title: String,
    pub summary: String,
    pub dateline: Option<String>,
    pub body_html: String,
    pub language: Language,
    pub status: StatementStatus,
    pub published_at: Option<NaiveDateTime>,
    pub updated_at: NaiveDateTime,
    pub withdrawn_reason: Option<String>,
    pub subjects: Subjects,
    pub revisions: Vec<RevisionItem>,
}

pub fn detail(conn: &mut SqliteConnection, slug: &Slug) -> DbResult<Option<StatementDetail>> {
    let Some(row) = statements::table
        .filter(statements::slug.eq(slug.as_str()))
        .filter(public())
        .select(StatementRow::as_select())
        .first(conn)
        .found()?
    else {
        return Ok(None);
    };
    let subjects = subjects_of(conn, row.id)?;
    let revisions = statement_revisions::table
        .filter(statement_revisions::statement_id.eq(row.id))
        .filter(statement_revisions::published_at.is_not_null())
        .order(statement_revisions::number.desc())
        .select((
            statement_revisions::number,
            statement_revisions::change_note,
            statement_revisions::published_at,
        ))
        .load(conn)?;
    Ok(Some(StatementDetail {
        slug: row.slug,
        title: row.title,
        summary: row.summary,
        dateline: row.dateline,
        body_html: row.body_html,
        language: row.language,
        status: row.status,
        published_at: row.published_at,
        updated_at: row.updated_at,
        withdrawn_reason: row.withdrawn_reason,
        subjects,
        revisions,
    }))
}

/// Renders again every stored body (current and revisions) that an older renderer made, so that
/// a change to the Markdown or sanitising rules reaches every page. Returns how many it updated.
pub fn rerender_outdated(conn: &mut SqliteConnection) -> DbResult<usize> {
    let mut updated = 0;
    let stale: Vec<(i32, String)> = statements::table
        .filter(statements::renderer_version.ne(RENDERER_VERSION))
        .select((statements::id, statements::body_markdown))
        .load(conn)?;
    for (id, body) in stale {
        updated += diesel::update(statements::table.find(id))
            .set((
                statements::body_html.eq(markdown::render(&body)),
                statements::renderer_version.eq(RENDERER_VERSION),
            ))
            .execute(conn)?;
    }
    let stale_revisions: Vec<(i32, String)> = statement_revisions::table
        .filter(statement_revisions::renderer_version.ne(RENDERER_VERSION))
        .select((statement_revisions::id, statement_revisions::body_markdown))
        .load(conn)?;
    for (id, body) in stale_revisions {
        updated += diesel::update(statement_revisions::table.find(id))
            .set((
                statement_revisions::body_html.eq(markdown::render(&body)),
                statement_revisions::renderer_version.eq(RENDERER_VERSION),
            ))
            .execute(conn)?;
    }
    Ok(updated)
}

/// The records a statement is about, each kind in name order: for its public page and for its
/// edit form alike.
pub(crate) fn subjects_of(conn: &mut SqliteConnection, statement_id: i32) -> DbResult<Subjects> {
    let subject_rows =
        statement_subjects::table.filter(statement_subjects::statement_id.eq(statement_id));
    Ok(Subjects {
        agreements: subject_rows
            .inner_join(agreements::table)
            .order(agreements::title)
            .select((agreements::slug, agreements::title))
            .load(conn)?,
        meetings: subject_rows
            .inner_join(meetings::table)
            .order(meetings::title)
            .select((meetings::slug, meetings::title))
            .load(conn)?,
        delegations: subject_rows
            .inner_join(delegations::table)
            .order(delegations::title)
            .select((delegations::slug, delegations::title))
            .load(conn)?,
        mous: subject_rows
            .inner_join(mous::table)
            .order(mous::title)
            .select((mous::slug, mous::title))
            .load(conn)?,
        organisations: subject_rows
            .inner_join(organisations::table)
            .order(organisations::name)
            .select((
                organisations::slug,
                organisations::name,
                organisations::short_name,
            ))
            .load(conn)?,
        people: subject_rows
            .inner_join(people::table)
            .order(people::name)
            .select((people::slug, people::name))
            .load(conn)?,
        areas: subject_rows
            .inner_join(focus_areas::table)
            .order(focus_areas::name)
            .select((focus_areas::slug, focus_areas::name))
            .load(conn)?,
    })
}
