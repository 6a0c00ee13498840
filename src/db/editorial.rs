//! Statements as staff see and write them: every status, every revision.

use super::reference::Page;
use super::schema::{
    agreements, delegations, focus_areas, meetings, mous, organisations, people,
    statement_revision_translations, statement_revisions, statement_subjects,
    statement_translations, statements, users,
};
use super::staff::{self, AuditEntry};
use super::statements::{self as public_statements, subjects_of};
use super::{DbError, DbResult, OptionalRow, kept};
use crate::domain::forms::{Collection, RecordRef};
use crate::domain::markdown::{self, RENDERER_VERSION};
use crate::domain::statement::{Action, Refusal, StatementContent, StatementText, next_status};
use crate::domain::{ListFilter, Localized, Role, Slug, StatementStatus};
use crate::i18n::Lang;
use chrono::NaiveDateTime;
use diesel::prelude::*;

#[derive(Debug, Queryable)]
pub struct StaffStatementItem {
    pub id: i32,
    pub slug: String,
    pub title: String,
    pub status: StatementStatus,
    pub language: Lang,
    pub updated_at: NaiveDateTime,
    pub publish_at: Option<NaiveDateTime>,
    pub author: Option<String>,
}

/// Every statement, newest change first; writers see only their own. The order is read once per
/// write generation (see `kept`), so a deep page costs what the first does.
pub fn list(
    conn: &mut SqliteConnection,
    only_author: Option<i32>,
    status: Option<StatementStatus>,
    filter: &ListFilter,
) -> DbResult<Page<StaffStatementItem>> {
    let asked = format!("{only_author:?} {status:?}");
    let order = kept::order_of("staff statements", asked, || {
        let mut ids = statements::table
            .order((statements::updated_at.desc(), statements::id.desc()))
            .select(statements::id)
            .into_boxed();
        if let Some(author) = only_author {
            ids = ids.filter(statements::author_id.eq(author));
        }
        if let Some(status) = status {
            ids = ids.filter(statements::status.eq(status));
        }
        Ok(ids.load(conn)?)
    })?;
    order.page(filter, |shown| {
        let rows: Vec<StaffStatementItem> =
            super::by_ids!(statements::table, statements::id, shown)
                .left_join(users::table.on(statements::author_id.eq(users::id.nullable())))
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
                .load(conn)?;
        Ok(super::in_order(
            shown,
            rows.into_iter().map(|row| (row.id, row)),
        ))
    })
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
    /// The language it was written in.
    pub language: Lang,
    /// Its text in `language` first, then its translations.
    pub texts: Vec<StatementText>,
    /// Paths of the records it is about, except focus areas.
    pub related: Vec<String>,
    pub areas: Vec<String>,
}

impl Editable {
    /// The title in the language it was written in, which staff lists and the audit use.
    pub fn title(&self) -> &str {
        self.texts.first().map_or("", |text| text.title.as_str())
    }

    /// Its text in `lang`, if it has one.
    pub fn text(&self, lang: Lang) -> Option<&StatementText> {
        self.texts.iter().find(|text| text.lang == lang)
    }
}

/// A text's title, summary, dateline and Markdown body, as a form edits them.
type TextColumns = (String, String, Option<String>, String);

type EditableRow = (
    i32,
    String,
    StatementStatus,
    i32,
    Option<i32>,
    Option<NaiveDateTime>,
    Option<String>,
    TextColumns,
    Lang,
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
            (
                statements::title,
                statements::summary,
                statements::dateline,
                statements::body_markdown,
            ),
            statements::language,
        ))
        .first::<EditableRow>(conn)
        .found()?
    else {
        return Ok(None);
    };
    let (related, areas) = subject_paths(conn, id)?;
    let (id, slug, status, version, author_id, publish_at, withdrawn_reason, original, language) =
        row;
    let text = |lang, (title, summary, dateline, body)| StatementText {
        lang,
        title,
        summary,
        dateline,
        body,
    };
    let mut texts = vec![text(language, original)];
    let translations: Vec<(Lang, TextColumns)> = statement_translations::table
        .filter(statement_translations::statement_id.eq(id))
        .select((
            statement_translations::language,
            (
                statement_translations::title,
                statement_translations::summary,
                statement_translations::dateline,
                statement_translations::body_markdown,
            ),
        ))
        .load(conn)?;
    texts.extend(
        translations
            .into_iter()
            .map(|(lang, columns)| text(lang, columns)),
    );
    Ok(Some(Editable {
        id,
        slug,
        status,
        version,
        author_id,
        publish_at,
        withdrawn_reason,
        language,
        texts,
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
    let areas = subjects.areas.iter().map(|a| a.slug.clone()).collect();
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
    let original = content.original();
    let body_html = markdown::render(&original.body);
    let body_text = markdown::plain_text(&original.body);
    let publish_at = match request.action {
        Action::Schedule(at) => Some(at),
        _ => current
            .and_then(|c| c.publish_at)
            .filter(|_| status == StatementStatus::Scheduled),
    };
    let goes_live = status == StatementStatus::Published;
    let id = match current {
        None => {
            let slug = unique_slug(conn, slug_source(content))?;
            diesel::insert_into(statements::table)
                .values((
                    statements::slug.eq(&slug),
                    statements::title.eq(&original.title),
                    statements::summary.eq(&original.summary),
                    statements::dateline.eq(&original.dateline),
                    statements::body_markdown.eq(&original.body),
                    statements::body_html.eq(&body_html),
                    statements::body_text.eq(&body_text),
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
                    statements::title.eq(&original.title),
                    statements::summary.eq(&original.summary),
                    statements::dateline.eq(&original.dateline),
                    statements::body_markdown.eq(&original.body),
                    statements::body_html.eq(&body_html),
                    statements::body_text.eq(&body_text),
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
    replace_translations(conn, id, content.translations())?;
    let number: Option<i32> = statement_revisions::table
        .filter(statement_revisions::statement_id.eq(id))
        .select(diesel::dsl::max(statement_revisions::number))
        .first(conn)?;
    let number = number.unwrap_or(0) + 1;
    let revision: i32 = diesel::insert_into(statement_revisions::table)
        .values((
            statement_revisions::statement_id.eq(id),
            statement_revisions::number.eq(number),
            statement_revisions::title.eq(&original.title),
            statement_revisions::summary.eq(&original.summary),
            statement_revisions::body_markdown.eq(&original.body),
            statement_revisions::body_html.eq(&body_html),
            statement_revisions::renderer_version.eq(RENDERER_VERSION),
            statement_revisions::change_note.eq(&content.change_note),
            statement_revisions::published_at.eq(goes_live.then_some(request.now)),
            statement_revisions::author_id.eq(request.actor_id),
            statement_revisions::created_at.eq(request.now),
        ))
        .returning(statement_revisions::id)
        .get_result(conn)?;
    for text in content.translations() {
        diesel::insert_into(statement_revision_translations::table)
            .values((
                statement_revision_translations::revision_id.eq(revision),
                statement_revision_translations::language.eq(text.lang),
                statement_revision_translations::title.eq(&text.title),
                statement_revision_translations::summary.eq(&text.summary),
                statement_revision_translations::body_markdown.eq(&text.body),
                statement_revision_translations::body_html.eq(markdown::render(&text.body)),
                statement_revision_translations::renderer_version.eq(RENDERER_VERSION),
            ))
            .execute(conn)?;
    }
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
        |c| format!("{} “{}” v{}", c.status.as_str(), c.title(), c.version),
    );
    let languages: Vec<&str> = content.texts.iter().map(|t| t.lang.code()).collect();
    staff::audit(
        conn,
        AuditEntry {
            user_id: Some(request.actor_id),
            action: verb,
            entity: "statement",
            entity_id: Some(id),
            summary: format!(
                "{before} → {} “{}” revision {number} ({})",
                status.as_str(),
                original.title,
                languages.join(", ")
            ),
        },
    )?;
    Ok(id)
}

/// What a new statement's address is made from: its English title where it has one, since
/// addresses are read by everyone and Latin letters make a readable slug.
fn slug_source(content: &StatementContent) -> &str {
    content
        .texts
        .iter()
        .find(|text| text.lang == Lang::En)
        .unwrap_or(content.original())
        .title
        .as_str()
}

/// Makes the statement's translations exactly `translations`, rendering each body once.
fn replace_translations(
    conn: &mut SqliteConnection,
    statement_id: i32,
    translations: &[StatementText],
) -> DbResult<()> {
    diesel::delete(
        statement_translations::table.filter(statement_translations::statement_id.eq(statement_id)),
    )
    .execute(conn)?;
    for text in translations {
        diesel::insert_into(statement_translations::table)
            .values((
                statement_translations::statement_id.eq(statement_id),
                statement_translations::language.eq(text.lang),
                statement_translations::title.eq(&text.title),
                statement_translations::summary.eq(&text.summary),
                statement_translations::dateline.eq(&text.dateline),
                statement_translations::body_markdown.eq(&text.body),
                statement_translations::body_html.eq(markdown::render(&text.body)),
                statement_translations::body_text.eq(markdown::plain_text(&text.body)),
                statement_translations::renderer_version.eq(RENDERER_VERSION),
            ))
            .execute(conn)?;
    }
    Ok(())
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

/// One published version of a statement, for its permanent address, in every language that
/// version had.
#[derive(Debug)]
pub struct PublishedRevision {
    pub number: i32,
    pub title: Localized,
    pub summary: Localized,
    pub body_html: Localized,
    pub change_note: String,
    pub published_at: Option<NaiveDateTime>,
    /// The statement's current title, which the page links back to.
    pub current_title: Localized,
}

type RevisionRow = (
    i32,
    Lang,
    String,
    (
        i32,
        i32,
        (String, String, String),
        String,
        Option<NaiveDateTime>,
    ),
);

pub fn published_revision(
    conn: &mut SqliteConnection,
    slug: &Slug,
    number: i32,
) -> DbResult<Option<PublishedRevision>> {
    let Some((
        statement_id,
        language,
        current,
        (revision_id, number, text, change_note, published_at),
    )) = statement_revisions::table
        .inner_join(statements::table)
        .filter(statements::slug.eq(slug.as_str()))
        .filter(statements::status.eq_any([StatementStatus::Published, StatementStatus::Withdrawn]))
        .filter(statement_revisions::number.eq(number))
        .filter(statement_revisions::published_at.is_not_null())
        .select((
            statements::id,
            statements::language,
            statements::title,
            (
                statement_revisions::id,
                statement_revisions::number,
                (
                    statement_revisions::title,
                    statement_revisions::summary,
                    statement_revisions::body_html,
                ),
                statement_revisions::change_note,
                statement_revisions::published_at,
            ),
        ))
        .first::<RevisionRow>(conn)
        .found()?
    else {
        return Ok(None);
    };
    let translations: Vec<(Lang, (String, String, String))> =
        statement_revision_translations::table
            .filter(statement_revision_translations::revision_id.eq(revision_id))
            .select((
                statement_revision_translations::language,
                (
                    statement_revision_translations::title,
                    statement_revision_translations::summary,
                    statement_revision_translations::body_html,
                ),
            ))
            .load(conn)?;
    let current_titles: Vec<(Lang, String)> = statement_translations::table
        .filter(statement_translations::statement_id.eq(statement_id))
        .select((
            statement_translations::language,
            statement_translations::title,
        ))
        .load(conn)?;
    let texts = public_statements::in_every_language((language, text), translations);
    let current_titles = public_statements::in_every_language((language, current), current_titles);
    Ok(Some(PublishedRevision {
        number,
        title: public_statements::field(&texts, language, |t| t.0.clone()),
        summary: public_statements::field(&texts, language, |t| t.1.clone()),
        body_html: public_statements::field(&texts, language, |t| t.2.clone()),
        change_note,
        published_at,
        current_title: public_statements::field(&current_titles, language, String::clone),
    }))
}
