//! Press statements as the public sees them: only published and withdrawn ones, never drafts.

use super::reference::{
    Named, OrganisationRef, Page, agreement_names, area_names, delegation_names, meeting_names,
    mou_names, organisation_refs, person_names,
};
use super::schema::{
    focus_areas, organisations, people, statement_revision_translations, statement_revisions,
    statement_subjects, statement_translations, statements,
};
use super::stamp::{MaybeStamp, Stamp};
use super::{DbResult, OptionalRow, kept};
use crate::domain::markdown::{self, RENDERER_VERSION};
use crate::domain::{ListFilter, Localized, PartialDate, Slug, StatementStatus};
use crate::i18n::Lang;
use chrono::NaiveDateTime;
use diesel::prelude::*;
use diesel::sql_types::Bool;
use diesel::sqlite::Sqlite;
use foldhash::{HashMap, HashMapExt};
use serde::Serialize;
use std::rc::Rc;

/// A statement is public once published (withdrawn ones stay public with their reason): exactly
/// the statements with a publication time, which a trigger keeps true and an index serves.
pub(crate) fn public() -> diesel::dsl::IsNotNull<statements::published_at> {
    statements::published_at.is_not_null()
}

/// A statement as lists show it, in every language it has been published in.
#[derive(Debug, Serialize)]
pub struct StatementItem {
    #[serde(skip)]
    pub id: i32,
    pub slug: String,
    pub title: Localized,
    pub summary: Localized,
    /// The language it was written in.
    pub language: Lang,
    pub status: StatementStatus,
    pub published_at: Option<NaiveDateTime>,
}

#[derive(Debug, Queryable, Selectable)]
#[diesel(table_name = statements)]
struct ItemRow {
    id: i32,
    slug: String,
    title: String,
    summary: String,
    language: Lang,
    status: StatementStatus,
    #[diesel(deserialize_as = MaybeStamp)]
    published_at: Option<NaiveDateTime>,
}

/// Where each language's text of a statement comes from: the statement's own columns, in the
/// language it was written in, and its translations. A reader whose language it lacks gets the
/// English text, or the original where there is no English.
pub(crate) fn in_every_language<T>(
    original: (Lang, T),
    translations: Vec<(Lang, T)>,
) -> Vec<(Lang, T)> {
    let mut texts = vec![original];
    texts.extend(translations);
    texts
}

fn primary(texts: &[(Lang, impl Sized)], original: Lang) -> Lang {
    if texts.iter().any(|(lang, _)| *lang == Lang::En) {
        Lang::En
    } else {
        original
    }
}

/// One field of a statement from each language's text.
pub(crate) fn field<T>(
    texts: &[(Lang, T)],
    original: Lang,
    value: impl Fn(&T) -> String,
) -> Localized {
    Localized::from_texts(
        texts.iter().map(|(lang, text)| (*lang, value(text))),
        primary(texts, original),
    )
}

/// Each statement's translations, by statement id.
type Translations<T> = HashMap<i32, Vec<(Lang, T)>>;

fn by_statement<T>(rows: Vec<(i32, Lang, T)>) -> Translations<T> {
    let mut translations: Translations<T> = HashMap::new();
    for (id, lang, text) in rows {
        translations.entry(id).or_default().push((lang, text));
    }
    translations
}

/// The title and summary of each statement in `rows`, in every language, for a list.
fn with_translations(
    conn: &mut SqliteConnection,
    rows: Vec<ItemRow>,
) -> DbResult<Vec<StatementItem>> {
    // A record no statement is about need not ask SQLite for the translations of none.
    if rows.is_empty() {
        return Ok(Vec::new());
    }
    let ids: Vec<i32> = rows.iter().map(|row| row.id).collect();
    let mut translations = by_statement(
        super::by_ids!(
            statement_translations::table,
            statement_translations::statement_id,
            &ids
        )
        .select((
            statement_translations::statement_id,
            statement_translations::language,
            (
                statement_translations::title,
                statement_translations::summary,
            ),
        ))
        .load::<(i32, Lang, (String, String))>(conn)?,
    );
    Ok(rows
        .into_iter()
        .map(|row| {
            let texts = in_every_language(
                (row.language, (row.title, row.summary)),
                translations.remove(&row.id).unwrap_or_default(),
            );
            StatementItem {
                id: row.id,
                title: field(&texts, row.language, |(title, _)| title.clone()),
                summary: field(&texts, row.language, |(_, summary)| summary.clone()),
                slug: row.slug,
                language: row.language,
                status: row.status,
                published_at: row.published_at,
            }
        })
        .collect())
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

/// The ids of the public statements the filter lets through, newest first.
pub(crate) fn order(conn: &mut SqliteConnection, filter: &ListFilter) -> DbResult<kept::Order> {
    kept::order("statements", filter, || {
        Ok(statements::table
            .filter(condition(filter))
            .order((statements::published_at.desc(), statements::id.desc()))
            .select(statements::id)
            .load(conn)?)
    })
}

/// How many records the filter lets through, on every page.
pub fn count(conn: &mut SqliteConnection, filter: &ListFilter) -> DbResult<i64> {
    Ok(order(conn, filter)?.total())
}

pub fn list(conn: &mut SqliteConnection, filter: &ListFilter) -> DbResult<Page<StatementItem>> {
    order(conn, filter)?.page(filter, |shown| items(conn, shown))
}

/// The statements with the given ids, in their order. Nothing here checks that they are public:
/// the ids must come from a public list's order (`order`, the timeline's), as every caller's do.
pub(crate) fn items(conn: &mut SqliteConnection, ids: &[i32]) -> DbResult<Vec<StatementItem>> {
    let rows = super::by_ids!(statements::table, statements::id, ids)
        .select(ItemRow::as_select())
        .load(conn)?;
    let rows = super::in_order(ids, rows.into_iter().map(|row| (row.id, row)));
    with_translations(conn, rows)
}

/// A published statement as feeds carry it, in every language it has.
#[derive(Debug)]
pub struct FeedEntry {
    pub slug: String,
    pub title: Localized,
    pub summary: Localized,
    pub body_html: Localized,
    pub published_at: Option<NaiveDateTime>,
    pub updated_at: NaiveDateTime,
}

type FeedRow = (
    i32,
    String,
    Lang,
    (String, String, String),
    MaybeStamp,
    Stamp,
);

/// The newest published (not withdrawn) statements the filter lets through.
pub fn feed(
    conn: &mut SqliteConnection,
    filter: &ListFilter,
    length: i64,
) -> DbResult<Vec<FeedEntry>> {
    let rows: Vec<FeedRow> = statements::table
        .filter(condition(filter))
        .filter(statements::status.eq(StatementStatus::Published))
        .order((statements::published_at.desc(), statements::id.desc()))
        .limit(length)
        .select((
            statements::id,
            statements::slug,
            statements::language,
            (
                statements::title,
                statements::summary,
                statements::body_html,
            ),
            statements::published_at,
            statements::updated_at,
        ))
        .load(conn)?;
    let ids: Vec<i32> = rows.iter().map(|row| row.0).collect();
    let mut translations = by_statement(
        super::by_ids!(
            statement_translations::table,
            statement_translations::statement_id,
            &ids
        )
        .select((
            statement_translations::statement_id,
            statement_translations::language,
            (
                statement_translations::title,
                statement_translations::summary,
                statement_translations::body_html,
            ),
        ))
        .load::<(i32, Lang, (String, String, String))>(conn)?,
    );
    Ok(rows
        .into_iter()
        .map(|(id, slug, language, text, published_at, updated_at)| {
            let texts = in_every_language(
                (language, text),
                translations.remove(&id).unwrap_or_default(),
            );
            FeedEntry {
                slug,
                title: field(&texts, language, |t| t.0.clone()),
                summary: field(&texts, language, |t| t.1.clone()),
                body_html: field(&texts, language, |t| t.2.clone()),
                published_at: published_at.into(),
                updated_at: updated_at.into(),
            }
        })
        .collect())
}

/// The public statements about one record, newest first.
pub fn about(conn: &mut SqliteConnection, subject: Subject) -> DbResult<Vec<StatementItem>> {
    // One query of its own per kind of subject, each kept prepared (a query built at run time,
    // boxed, would be parsed again at every page). A statement is about a record at most once
    // (a unique index), so the join gives each once.
    macro_rules! about {
        ($column:ident, $id:expr) => {
            statement_subjects::table
                .inner_join(statements::table)
                .filter(statement_subjects::$column.eq($id))
                .filter(public())
                .order((statements::published_at.desc(), statements::id.desc()))
                .select(ItemRow::as_select())
                .load(conn)?
        };
    }
    let rows = match subject {
        Subject::Agreement(id) => about!(agreement_id, id),
        Subject::Meeting(id) => about!(meeting_id, id),
        Subject::Delegation(id) => about!(delegation_id, id),
        Subject::Mou(id) => about!(mou_id, id),
    };
    with_translations(conn, rows)
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
    language: Lang,
    status: StatementStatus,
    #[diesel(deserialize_as = MaybeStamp)]
    published_at: Option<NaiveDateTime>,
    #[diesel(deserialize_as = Stamp)]
    updated_at: NaiveDateTime,
    withdrawn_reason: Option<String>,
}

#[derive(Debug, Queryable, Serialize)]
pub struct RevisionItem {
    pub number: i32,
    pub change_note: String,
    #[diesel(deserialize_as = MaybeStamp)]
    pub published_at: Option<NaiveDateTime>,
}

/// The records a statement is about, grouped by kind.
#[derive(Debug, Default, Serialize)]
pub struct Subjects {
    pub agreements: Vec<Rc<Named>>,
    pub meetings: Vec<Rc<Named>>,
    pub delegations: Vec<Rc<Named>>,
    pub mous: Vec<Rc<Named>>,
    pub organisations: Vec<Rc<OrganisationRef>>,
    pub people: Vec<Rc<Named>>,
    pub areas: Vec<Rc<Named>>,
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

    /// The languages it has been published in, in the order the portal lists them.
    pub fn languages(&self) -> Vec<Lang> {
        self.title.languages().collect()
    }

    /// Each language it has been published in, and whether it is the one it was written in.
    pub fn versions(&self) -> Vec<(Lang, bool)> {
        self.title
            .languages()
            .map(|lang| (lang, lang == self.language))
            .collect()
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
    pub title: Localized,
    pub summary: Localized,
    pub dateline: Localized,
    pub body_html: Localized,
    /// The language it was written in; the others it has are translations.
    pub language: Lang,
    pub status: StatementStatus,
    pub published_at: Option<NaiveDateTime>,
    pub updated_at: NaiveDateTime,
    pub withdrawn_reason: Option<String>,
    pub subjects: Subjects,
    pub revisions: Vec<RevisionItem>,
}

/// A text's title, summary, dateline and rendered body.
type TextRow = (String, String, Option<String>, String);

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
    let translations: Vec<(Lang, TextRow)> = statement_translations::table
        .filter(statement_translations::statement_id.eq(row.id))
        .select((
            statement_translations::language,
            (
                statement_translations::title,
                statement_translations::summary,
                statement_translations::dateline,
                statement_translations::body_html,
            ),
        ))
        .load(conn)?;
    let texts = in_every_language(
        (
            row.language,
            (row.title, row.summary, row.dateline, row.body_html),
        ),
        translations,
    );
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
    let language = row.language;
    let primary = primary(&texts, language);
    // Each language's texts moved into their fields, not copied: the bodies are long.
    let mut fields: [Vec<(Lang, String)>; 4] = Default::default();
    for (lang, (title, summary, dateline, body)) in texts {
        for (field, text) in
            fields
                .iter_mut()
                .zip([title, summary, dateline.unwrap_or_default(), body])
        {
            field.push((lang, text));
        }
    }
    let [title, summary, dateline, body_html] =
        fields.map(|texts| Localized::from_texts(texts, primary));
    Ok(Some(StatementDetail {
        slug: row.slug,
        title,
        summary,
        dateline,
        body_html,
        language,
        status: row.status,
        published_at: row.published_at,
        updated_at: row.updated_at,
        withdrawn_reason: row.withdrawn_reason,
        subjects,
        revisions,
    }))
}

/// The rows of `table` whose body another renderer made, selecting `columns`: as two ranges,
/// which the renderer-version indexes answer (a `!=`, or an `OR` on a table without rowids,
/// would read every row).
macro_rules! made_by_another_renderer {
    ($table:ident, $columns:expr) => {
        $table::table
            .filter($table::renderer_version.lt(RENDERER_VERSION))
            .select($columns)
            .union_all(
                $table::table
                    .filter($table::renderer_version.gt(RENDERER_VERSION))
                    .select($columns),
            )
    };
}

/// Renders again every stored body (current and revisions) that an older renderer made, so that
/// a change to the Markdown or sanitising rules reaches every page. Returns how many it updated.
pub fn rerender_outdated(conn: &mut SqliteConnection) -> DbResult<usize> {
    let mut updated = 0;
    let stale: Vec<(i32, String)> =
        made_by_another_renderer!(statements, (statements::id, statements::body_markdown))
            .load(conn)?;
    for (id, body) in stale {
        updated += diesel::update(statements::table.find(id))
            .set((
                statements::body_html.eq(markdown::render(&body)),
                statements::body_text.eq(markdown::plain_text(&body)),
                statements::renderer_version.eq(RENDERER_VERSION),
            ))
            .execute(conn)?;
    }
    let stale_revisions: Vec<(i32, String)> = made_by_another_renderer!(
        statement_revisions,
        (statement_revisions::id, statement_revisions::body_markdown)
    )
    .load(conn)?;
    for (id, body) in stale_revisions {
        updated += diesel::update(statement_revisions::table.find(id))
            .set((
                statement_revisions::body_html.eq(markdown::render(&body)),
                statement_revisions::renderer_version.eq(RENDERER_VERSION),
            ))
            .execute(conn)?;
    }
    let stale_translations: Vec<(i32, Lang, String)> = made_by_another_renderer!(
        statement_translations,
        (
            statement_translations::statement_id,
            statement_translations::language,
            statement_translations::body_markdown,
        )
    )
    .load(conn)?;
    for (id, lang, body) in stale_translations {
        updated += diesel::update(statement_translations::table.find((id, lang)))
            .set((
                statement_translations::body_html.eq(markdown::render(&body)),
                statement_translations::body_text.eq(markdown::plain_text(&body)),
                statement_translations::renderer_version.eq(RENDERER_VERSION),
            ))
            .execute(conn)?;
    }
    let stale_revision_translations: Vec<(i32, Lang, String)> = made_by_another_renderer!(
        statement_revision_translations,
        (
            statement_revision_translations::revision_id,
            statement_revision_translations::language,
            statement_revision_translations::body_markdown,
        )
    )
    .load(conn)?;
    for (id, lang, body) in stale_revision_translations {
        updated += diesel::update(statement_revision_translations::table.find((id, lang)))
            .set((
                statement_revision_translations::body_html.eq(markdown::render(&body)),
                statement_revision_translations::renderer_version.eq(RENDERER_VERSION),
            ))
            .execute(conn)?;
    }
    Ok(updated)
}

/// Which records one row of a statement's subjects names: one of them.
#[derive(Queryable, Selectable)]
#[diesel(table_name = statement_subjects)]
struct SubjectIds {
    agreement_id: Option<i32>,
    meeting_id: Option<i32>,
    delegation_id: Option<i32>,
    mou_id: Option<i32>,
    organisation_id: Option<i32>,
    person_id: Option<i32>,
    area_id: Option<i32>,
}

/// The records a statement is about, each kind in name order: for its public page and for its
/// edit form alike. One query reads which records they are; their names are kept ones (see
/// `kept::named`), each kind read in one query for those not yet kept.
pub(crate) fn subjects_of(conn: &mut SqliteConnection, statement_id: i32) -> DbResult<Subjects> {
    let rows: Vec<SubjectIds> = statement_subjects::table
        .filter(statement_subjects::statement_id.eq(statement_id))
        .select(SubjectIds::as_select())
        .load(conn)?;
    let ids =
        |id: fn(&SubjectIds) -> Option<i32>| -> Vec<i32> { rows.iter().filter_map(id).collect() };
    /// The named records of `ids`, in name order.
    fn sorted<T>(found: HashMap<i32, Rc<T>>, name: impl Fn(&T) -> &str) -> Vec<Rc<T>> {
        let mut records: Vec<Rc<T>> = found.into_values().collect();
        records.sort_by(|a, b| name(a).cmp(name(b)));
        records
    }
    // The order of the name column itself, as SQL sorted it: the English text.
    fn by_name(named: &Named) -> &str {
        named.name.get(Lang::En).unwrap_or_default()
    }
    fn by_organisation_name(organisation: &OrganisationRef) -> &str {
        organisation.name.get(Lang::En).unwrap_or_default()
    }
    Ok(Subjects {
        agreements: sorted(agreement_names(conn, &ids(|s| s.agreement_id))?, by_name),
        meetings: sorted(meeting_names(conn, &ids(|s| s.meeting_id))?, by_name),
        delegations: sorted(delegation_names(conn, &ids(|s| s.delegation_id))?, by_name),
        mous: sorted(mou_names(conn, &ids(|s| s.mou_id))?, by_name),
        organisations: sorted(
            organisation_refs(conn, &ids(|s| s.organisation_id))?,
            by_organisation_name,
        ),
        people: sorted(person_names(conn, &ids(|s| s.person_id))?, by_name),
        areas: sorted(area_names(conn, &ids(|s| s.area_id))?, by_name),
    })
}
