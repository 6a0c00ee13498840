//! Statements as staff see and write them: every status, every revision.

use super::reference::Page;
use super::schema::{
    agreements, delegations, focus_areas, meetings, mous, organisations, people,
    statement_revisions, statement_subjects, statements, users,
};
use super::staff::{self, AuditEntry};
use super::statements::subjects_of;
use super::{DbError, DbResult, OptionalRow};
use crate::domain::forms::{Collection, RecordRef};
use crate::domain::markdown::{self, RENDERER_VERSION};
use crate::domain::statement::{Action, Refusal, StatementContent, next_status};
use crate::domain::{Language, ListFilter, PAGE_SIZE, Role, Slug, StatementStatus};
use chrono::NaiveDateTime;
use diesel::prelude::*;

#[derive(Debug, Queryable)]
pub struct StaffStatementItem {
    pub id: i32,
    pub slug: String,
    pub title: String,
    pub status: StatementStatus,
    pub language: Language,
    pub updated_at: NaiveDateTime,
    pub publish_at: Option<NaiveDateTime>,
    pub author: Option<String>,
}

/// Every statement, newest change first; writers see only their own.
pub fn list(
    conn: &mut SqliteConnection,
    only_author: Option<i32>,
    status: Option<StatementStatus>,
    filter: &ListFilter,
) -> DbResult<Page<StaffStatementItem>> {
    let mut count = statements::table.select(statements::id).into_boxed();
    let mut query = statements::table
        .left_join(users::table)
        .order((statements::updated_at.desc(), statements::id.desc()))
        .limit(PAGE_SIZE)
        .offset(filter.page.offset())
        .select((
            statements::id,
            statements::slug,
            statements::title,
            statements::status,
            statements::language,
            statements::updated_at,
            statements::publish_at,
            users::display_name.nullable(),
        ))
        .into_boxed();
    if let Some(author) = only_author {
        count = count.filter(statements::author_id.eq(author));
        query = query.filter(statements::author_id.eq(author));
    }
    if let Some(status) = status {
        count = count.filter(statements::status.eq(status));
        query = query.filter(statements::status.eq(status));
    }
    let total = count.count().get_result(conn)?;
    Ok(Page::new(query.load(conn)?, total, filter))
}

/// A statement as its edit form needs it.
#[derive(Debug, Clone)]
pub struct Editable {
    pub id: i32,
    pub slug: String,
    pub status: StatementStatus,
    pub version: i32,
    pub author_id: Option<i32>,
    pub publish_at: Option<NaiveDateTime>,
    pub withdrawn_reason: Option<String>,
    pub title: String,
    pub summary: String,
    pub dateline: Option<String>,
    pub body: String,
    pub language: Language,
    /// Paths of the records it is about, except focus areas.
    pub related: Vec<String>,
    pub areas: Vec<String>,
}

type EditableRow = (
    i32,
    String,
    StatementStatus,
    i32,
    Option<i32>,
    Option<NaiveDateTime>,
    Option<String>,
    String,
    String,
    Option<String>,
    String,
    Language,
);

pub fn editable(conn: &mut SqliteConnection, id: i32) -> DbResult<Option<Editable>> {
    let Some(row) = statements::table
        .find(id)
        .select((
            statements::id,
            statements::slug,
            statements::status,
            statements::version,
            statements::author_id,
            statements::publish_at,
            statements::withdrawn_reason,
            statements::title,
            statements::summary,
            statements::dateline,
            statements::body_markdown,
            statements::language,
        ))
        .first::<EditableRow>(conn)
        .found()?
    else {
        return Ok(None);
    };
    let (related, areas) = subject_paths(conn, id)?;
    let (
        id,
        slug,
        status,
        version,
        author_id,
        publish_at,
        withdrawn_reason,
        title,
        summary,
        dateline,
        body,
        language,
    ) = row;
    Ok(Some(Editable {
        id,
        slug,
        status,
        version,
        author_id,
        publish_at,
        withdrawn_reason,
        title,
        summary,
        dateline,
        body,
        language,
        related,
        areas,
    }))
}

fn subject_paths(conn: &mut SqliteConnection, id: i32) -> DbResult<(Vec<String>, Vec<String>)> {
    let subjects = subjects_of(conn, id)?;
    let path = |collection: Collection, slug: &str| format!("/{}/{slug}", collection.path());
    let related = [
        (Collection::Agreements, &subjects.agreements),
        (Collection::Meetings, &subjects.meetings),
        (Collection::Delegations, &subjects.delegations),
        (Collection::Mous, &subjects.mous),
        (Collection::People, &subjects.people),
    ]
    .into_iter()
    .flat_map(|(collection, records)| records.iter().map(move |r| path(collection, &r.slug)))
    .chain(
        subjects
            .organisations
            .iter()
            .map(|o| path(Collection::Organisations, &o.slug)),
    )
    .collect();
    let areas = subjects.areas.into_iter().map(|a| a.slug).collect();
    Ok((related, areas))
}

/// The id of the record `reference` names, or `UnknownRecord`.
pub(crate) fn resolve(conn: &mut SqliteConnection, reference: &RecordRef) -> DbResult<i32> {
    let slug = reference.slug.as_str();
    let found = match reference.collection {
        Collection::Agreements => agreements::table
            .filter(agreements::slug.eq(slug))
            .select(agreements::id)
            .first(conn),
        Collection::Meetings => meetings::table
            .filter(meetings::slug.eq(slug))
            .select(meetings::id)
            .first(conn),
        Collection::Delegations => delegations::table
            .filter(delegations::slug.eq(slug))
            .select(delegations::id)
            .first(conn),
        Collection::Mous => mous::table
            .filter(mous::slug.eq(slug))
            .select(mous::id)
            .first(conn),
        Collection::Organisations => organisations::table
            .filter(organisations::slug.eq(slug))
            .select(organisations::id)
            .first(conn),
        Collection::People => people::table
            .filter(people::slug.eq(slug))
            .select(people::id)
            .first(conn),
        Collection::Areas => focus_areas::table
            .filter(focus_areas::slug.eq(slug))
            .select(focus_areas::id)
            .first(conn),
    };
    found
        .found()?
        .ok_or_else(|| DbError::UnknownRecord(reference.path()))
}

fn replace_subjects(
    conn: &mut SqliteConnection,
    statement_id: i32,
    subjects: &[RecordRef],
) -> DbResult<()> {
    diesel::delete(
        statement_subjects::table.filter(statement_subjects::statement_id.eq(statement_id)),
    )
    .execute(conn)?;
    for subject in subjects {
        let id = Some(resolve(conn, subject)?);
        let none = None::<i32>;
        let column = |c: Collection| if c == subject.collection { id } else { none };
        diesel::insert_into(statement_subjects::table)
            .values((
                statement_subjects::statement_id.eq(statement_id),
                statement_subjects::agreement_id.eq(column(Collection::Agreements)),
                statement_subjects::meeting_id.eq(column(Collection::Meetings)),
                statement_subjects::delegation_id.eq(column(Collection::Delegations)),
                statement_subjects::mou_id.eq(column(Collection::Mous)),
                statement_subjects::organisation_id.eq(column(Collection::Organisations)),
                statement_subjects::person_id.eq(column(Collection::People)),
                statement_subjects::area_id.eq(column(Collection::Areas)),
            ))
            .execute(conn)?;
    }
    Ok(())
}

/// A unique slug from the title: `title-words`, then `title-words-2`, ... Titles with no Latin
/// letters (a Chinese title) become `statement`, `statement-2`, ...
fn unique_slug(conn: &mut SqliteConnection, title: &str) -> DbResult<String> {
    let base = Slug::from_title(title).map_or_else(|| "statement".to_owned(), |s| s.to_string());
    let base: String = base
        .chars()
        .take(100)
        .collect::<String>()
        .trim_end_matches('-')
        .to_owned();
    for n in 1.. {
        let candidate = if n == 1 {
            base.clone()
        } else {
            format!("{base}-{n}")
        };
        let taken: i64 = statements::table
            .filter(statements::slug.eq(&candidate))
            .count()
            .get_result(conn)?;
        if taken == 0 {
            return Ok(candidate);
        }
    }
    unreachable!("an unbounded range always yields a free slug")
}

/// One save of the statement form, by one staff member.
pub struct SaveRequest {
    /// `None` creates a new statement.
    pub statement_id: Option<i32>,
    /// The version the form was loaded at; a different current version is a conflict.
    pub expected_version: Option<i32>,
    pub content: StatementContent,
    pub action: Action,
    pub actor_id: i32,
    pub actor_role: Role,
    pub form_token: String,
    pub now: NaiveDateTime,
}

#[derive(Debug)]
pub enum SaveOutcome {
    Saved {
        id: i32,
        status: StatementStatus,
    },
    /// The same form was sent before; where its first submission led.
    Repeated(String),
    Refused(Refusal),
    /// Someone else saved first; the statement as it is now.
    Conflict(Box<Editable>),
}

/// Saves the form in one transaction: the statement, a new revision, its subjects and the audit
/// entry, or nothing at all.
pub fn save(conn: &mut SqliteConnection, request: SaveRequest) -> DbResult<SaveOutcome> {
    if let Some(earlier) = staff::earlier_submission(conn, &request.form_token)? {
        return Ok(SaveOutcome::Repeated(earlier));
    }
    let current = match request.statement_id {
        Some(id) => Some(editable(conn, id)?.ok_or(DbError::NotFound)?),
        None => None,
    };
    if let Some(current) = &current {
        let own = current.author_id == Some(request.actor_id);
        if !own && !request.actor_role.allows(Role::Editor) {
            return Ok(SaveOutcome::Refused(Refusal::Role));
        }
        if request.expected_version != Some(current.version) {
            return Ok(SaveOutcome::Conflict(Box::new(current.clone())));
        }
    }
    let status = match next_status(
        current.as_ref().map(|c| c.status),
        &request.action,
        request.actor_role,
    ) {
        Ok(status) => status,
        Err(refusal) => return Ok(SaveOutcome::Refused(refusal)),
    };
    let id = match (&current, &request.action) {
        (Some(current), Action::Withdraw(reason)) => withdraw(conn, current, reason, &request)?,
        (Some(current), Action::Unschedule) => {
            set_status(conn, current.id, status, None, &request)?;
            current.id
        }
        _ => write_content(conn, current.as_ref(), status, &request)?,
    };
    let location = format!("/staff/statements/{id}/edit");
    staff::claim_form(conn, &request.form_token, request.actor_id, &location)?;
    Ok(SaveOutcome::Saved { id, status })
}

fn write_content(
    conn: &mut SqliteConnection,
    current: Option<&Editable>,
    status: StatementStatus,
    request: &SaveRequest,
) -> DbResult<i32> {
    let content = &request.content;
    let body_html = markdown::render(&content.body);
    let publish_at = match request.action {
        Action::Schedule(at) => Some(at),
        _ => current
            .and_then(|c| c.publish_at)
            .filter(|_| status == StatementStatus::Scheduled),
    };
    let goes_live = status == StatementStatus::Published;
    let id = match current {
        None => {
            let slug = unique_slug(conn, &content.title)?;
            diesel::insert_into(statements::table)
                .values((
                    statements::slug.eq(&slug),
                    statements::title.eq(&content.title),
                    statements::summary.eq(&content.summary),
                    statements::dateline.eq(&content.dateline),
                    statements::body_markdown.eq(&content.body),
                    statements::body_html.eq(&body_html),
                    statements::renderer_version.eq(RENDERER_VERSION),
                    statements::language.eq(content.language),
                    statements::status.eq(status),
                    statements::publish_at.eq(publish_at),
                    statements::published_at.eq(goes_live.then_some(request.now)),
                    statements::author_id.eq(request.actor_id),
                    statements::created_at.eq(request.now),
                    statements::updated_at.eq(request.now),
                ))
                .returning(statements::id)
                .get_result(conn)?
        }
        Some(current) => {
            let first_publication: Option<NaiveDateTime> = statements::table
                .find(current.id)
                .select(statements::published_at)
                .first(conn)?;
            diesel::update(statements::table.find(current.id))
                .set((
                    statements::title.eq(&content.title),
                    statements::summary.eq(&content.summary),
                    statements::dateline.eq(&content.dateline),
                    statements::body_markdown.eq(&content.body),
                    statements::body_html.eq(&body_html),
                    statements::renderer_version.eq(RENDERER_VERSION),
                    statements::language.eq(content.language),
                    statements::status.eq(status),
                    statements::publish_at.eq(publish_at),
                    statements::published_at
                        .eq(first_publication.or(goes_live.then_some(request.now))),
                    statements::updated_at.eq(request.now),
                    statements::version.eq(current.version + 1),
                ))
                .execute(conn)?;
            current.id
        }
    };
    replace_subjects(conn, id, &content.subjects)?;
    let number: Option<i32> = statement_revisions::table
        .filter(statement_revisions::statement_id.eq(id))
        .select(diesel::dsl::max(statement_revisions::number))
        .first(conn)?;
    let number = number.unwrap_or(0) + 1;
    diesel::insert_into(statement_revisions::table)
        .values((
            statement_revisions::statement_id.eq(id),
            statement_revisions::number.eq(number),
            statement_revisions::title.eq(&content.title),
            statement_revisions::summary.eq(&content.summary),
            statement_revisions::body_markdown.eq(&content.body),
            statement_revisions::body_html.eq(&body_html),
            statement_revisions::renderer_version.eq(RENDERER_VERSION),
            statement_revisions::change_note.eq(&content.change_note),
            statement_revisions::published_at.eq(goes_live.then_some(request.now)),
            statement_revisions::author_id.eq(request.actor_id),
            statement_revisions::created_at.eq(request.now),
        ))
        .execute(conn)?;
    let was = current.map(|c| c.status);
    let verb = match status {
        StatementStatus::Published if was == Some(StatementStatus::Published) => "amend",
        StatementStatus::Published => "publish",
        StatementStatus::Scheduled => "schedule",
        StatementStatus::Submitted if was != Some(StatementStatus::Submitted) => "submit",
        _ if current.is_none() => "create",
        _ => "update",
    };
    let before = current.map_or_else(
        || "new".to_owned(),
        |c| format!("{} “{}” v{}", c.status.as_str(), c.title, c.version),
    );
    staff::audit(
        conn,
        AuditEntry {
            user_id: Some(request.actor_id),
            action: verb,
            entity: "statement",
            entity_id: Some(id),
            summary: format!(
                "{before} → {} “{}” revision {number}",
                status.as_str(),
                content.title
            ),
        },
    )?;
    Ok(id)
}

fn set_status(
    conn: &mut SqliteConnection,
    id: i32,
    status: StatementStatus,
    withdrawn_reason: Option<&str>,
    request: &SaveRequest,
) -> DbResult<()> {
    diesel::update(statements::table.find(id))
        .set((
            statements::status.eq(status),
            statements::publish_at.eq(None::<NaiveDateTime>),
            statements::withdrawn_reason.eq(withdrawn_reason),
            statements::updated_at.eq(request.now),
            statements::version.eq(statements::version + 1),
        ))
        .execute(conn)?;
    staff::audit(
        conn,
        AuditEntry {
            user_id: Some(request.actor_id),
            action: if status == StatementStatus::Withdrawn {
                "withdraw"
            } else {
                "unschedule"
            },
            entity: "statement",
            entity_id: Some(id),
            summary: match withdrawn_reason {
                Some(reason) => format!("withdrawn: {reason}"),
                None => format!("status set to {}", status.as_str()),
            },
        },
    )
}

fn withdraw(
    conn: &mut SqliteConnection,
    current: &Editable,
    reason: &str,
    request: &SaveRequest,
) -> DbResult<i32> {
    set_status(
        conn,
        current.id,
        StatementStatus::Withdrawn,
        Some(reason),
        request,
    )?;
    Ok(current.id)
}

/// Publishes every scheduled statement whose time has come; returns their ids.
pub fn publish_due(conn: &mut SqliteConnection, now: NaiveDateTime) -> DbResult<Vec<i32>> {
    let due: Vec<(i32, Option<NaiveDateTime>)> = statements::table
        .filter(statements::status.eq(StatementStatus::Scheduled))
        .filter(statements::publish_at.le(now))
        .select((statements::id, statements::publish_at))
        .load(conn)?;
    for (id, at) in &due {
        let at = at.unwrap_or(now);
        diesel::update(statements::table.find(id))
            .set((
                statements::status.eq(StatementStatus::Published),
                statements::published_at.eq(at),
                statements::updated_at.eq(now),
                statements::version.eq(statements::version + 1),
            ))
            .execute(conn)?;
        let latest: Option<i32> = statement_revisions::table
            .filter(statement_revisions::statement_id.eq(id))
            .select(diesel::dsl::max(statement_revisions::id))
            .first(conn)?;
        if let Some(revision) = latest {
            diesel::update(statement_revisions::table.find(revision))
                .set(statement_revisions::published_at.eq(at))
                .execute(conn)?;
        }
        staff::audit(
            conn,
            AuditEntry {
                user_id: None,
                action: "publish",
                entity: "statement",
                entity_id: Some(*id),
                summary: format!("published as scheduled for {at}"),
            },
        )?;
    }
    Ok(due.into_iter().map(|(id, _)| id).collect())
}

/// One published version of a statement, for its permanent address.
#[derive(Debug, Queryable)]
pub struct PublishedRevision {
    pub number: i32,
    pub title: String,
    pub summary: String,
    pub body_html: String,
    pub change_note: String,
    pub published_at: Option<NaiveDateTime>,
}

pub fn published_revision(
    conn: &mut SqliteConnection,
    slug: &Slug,
    number: i32,
) -> DbResult<Option<(String, PublishedRevision)>> {
    statement_revisions::table
        .inner_join(statements::table)
        .filter(statements::slug.eq(slug.as_str()))
        .filter(statements::status.eq_any([StatementStatus::Published, StatementStatus::Withdrawn]))
        .filter(statement_revisions::number.eq(number))
        .filter(statement_revisions::published_at.is_not_null())
        .select((
            statements::title,
            (
                statement_revisions::number,
                statement_revisions::title,
                statement_revisions::summary,
                statement_revisions::body_html,
                statement_revisions::change_note,
                statement_revisions::published_at,
            ),
        ))
        .first(conn)
        .found()
}
