//! What the feeds, the calendar and the sitemap read: published statements, dated events and
//! the address and age of every public page.

use super::schema::{
    agreements, delegations, focus_areas, meetings, mous, organisations, people,
    statement_revisions, statements,
};
use super::stamp::{Day, Stamp};
use super::statements::{self as statement_queries, FeedEntry, condition as statement_condition};
use super::{DbResult, OptionalRow, kept};
use crate::domain::{ListFilter, Localized, PartialDate, RecordKind, Slug};
use chrono::{Days, NaiveDate, NaiveDateTime};
use diesel::prelude::*;

/// How many statements a feed carries.
pub const FEED_LENGTH: i64 = 50;

/// Which statements a feed follows.
#[derive(Debug, Clone)]
pub enum FeedScope {
    All,
    Area(Slug),
    Organisation(Slug),
}

impl FeedScope {
    /// The feed about one record of `kind`, for the kinds that have one.
    pub fn about(kind: RecordKind, slug: Slug) -> Option<Self> {
        match kind {
            RecordKind::Area => Some(Self::Area(slug)),
            RecordKind::Organisation => Some(Self::Organisation(slug)),
            _ => None,
        }
    }
}

#[derive(Debug)]
pub struct Feed {
    /// The area's or organisation's name, for a feed that follows one.
    pub subject: Option<Localized>,
    pub entries: Vec<FeedEntry>,
}

/// The newest published statements in `scope`, or `None` when the area or organisation does
/// not exist. Withdrawn statements leave the feeds (their pages stay, with the reason).
pub fn statement_feed(conn: &mut SqliteConnection, scope: &FeedScope) -> DbResult<Option<Feed>> {
    let (filter, subject) = match scope {
        FeedScope::All => (ListFilter::default(), None),
        FeedScope::Area(slug) => {
            let name: Option<Localized> = focus_areas::table
                .filter(focus_areas::slug.eq(slug.as_str()))
                .select((
                    focus_areas::name,
                    focus_areas::name_ms,
                    focus_areas::name_zh,
                ))
                .first(conn)
                .found()?;
            let Some(name) = name else { return Ok(None) };
            (ListFilter::with_area(slug), Some(name))
        }
        FeedScope::Organisation(slug) => {
            let name: Option<Localized> = organisations::table
                .filter(organisations::slug.eq(slug.as_str()))
                .select((
                    organisations::name,
                    organisations::name_ms,
                    organisations::name_zh,
                ))
                .first(conn)
                .found()?;
            let Some(name) = name else { return Ok(None) };
            (ListFilter::with_organisation(slug), Some(name))
        }
    };
    let entries = statement_queries::feed(conn, &filter, FEED_LENGTH)?;
    Ok(Some(Feed { subject, entries }))
}

/// One entry of the events calendar: whole days, the end exclusive as iCalendar wants it.
#[derive(Debug)]
pub struct CalendarEvent {
    pub kind: RecordKind,
    pub id: i32,
    pub slug: String,
    pub summary: Localized,
    pub description: Localized,
    pub place: Localized,
    pub starts_on: NaiveDate,
    pub ends_before: NaiveDate,
    pub updated_at: NaiveDateTime,
}

#[derive(Debug, Queryable, Selectable)]
#[diesel(table_name = meetings)]
struct HeldMeeting {
    id: i32,
    slug: String,
    #[diesel(select_expression = (meetings::title, meetings::title_ms, meetings::title_zh))]
    title: Localized,
    held_on: Option<PartialDate>,
    #[diesel(select_expression = (meetings::place, meetings::place_ms, meetings::place_zh))]
    place: Localized,
    #[diesel(select_expression = (meetings::summary, meetings::summary_ms, meetings::summary_zh))]
    summary: Localized,
    #[diesel(deserialize_as = Stamp)]
    updated_at: NaiveDateTime,
}

fn next_day(day: NaiveDate) -> NaiveDate {
    day.checked_add_days(Days::new(1)).unwrap_or(day)
}

/// Meetings known to the day, delegation visits, and the days MoUs expire, oldest first.
/// A meeting known only to the month or year is left out: a calendar entry would claim a day
/// (or a month-long meeting) the record does not know.
pub fn calendar(conn: &mut SqliteConnection) -> DbResult<Vec<CalendarEvent>> {
    let mut events = Vec::new();
    let held: Vec<HeldMeeting> = meetings::table
        .filter(meetings::held_on.is_not_null())
        .select(HeldMeeting::as_select())
        .load(conn)?;
    for meeting in held {
        if let Some(PartialDate::Day(day)) = meeting.held_on {
            events.push(CalendarEvent {
                kind: RecordKind::Meeting,
                id: meeting.id,
                slug: meeting.slug,
                summary: meeting.title,
                description: meeting.summary,
                place: meeting.place,
                starts_on: day,
                ends_before: next_day(day),
                updated_at: meeting.updated_at,
            });
        }
    }
    let visits: Vec<(i32, String, Localized, Localized, Day, Day, Stamp)> = delegations::table
        .select((
            delegations::id,
            delegations::slug,
            (
                delegations::title,
                delegations::title_ms,
                delegations::title_zh,
            ),
            (
                delegations::purpose,
                delegations::purpose_ms,
                delegations::purpose_zh,
            ),
            delegations::starts_on,
            delegations::ends_on,
            delegations::updated_at,
        ))
        .load(conn)?;
    for (id, slug, title, purpose, starts_on, ends_on, updated_at) in visits {
        let (starts_on, ends_on): (NaiveDate, NaiveDate) = (starts_on.into(), ends_on.into());
        events.push(CalendarEvent {
            kind: RecordKind::Delegation,
            id,
            slug,
            summary: title,
            description: purpose,
            place: Localized::default(),
            starts_on,
            ends_before: next_day(ends_on),
            updated_at: updated_at.into(),
        });
    }
    let expiring: Vec<(i32, String, Localized, Day, Stamp)> = mous::table
        .filter(mous::valid_until.is_not_null())
        .select((
            mous::id,
            mous::slug,
            (mous::title, mous::title_ms, mous::title_zh),
            mous::valid_until.assume_not_null(),
            mous::updated_at,
        ))
        .load(conn)?;
    for (id, slug, title, until, updated_at) in expiring {
        let until: NaiveDate = until.into();
        events.push(CalendarEvent {
            kind: RecordKind::Mou,
            id,
            slug,
            summary: title.clone(),
            description: title,
            place: Localized::default(),
            starts_on: until,
            ends_before: next_day(until),
            updated_at: updated_at.into(),
        });
    }
    events.sort_by_key(|event| (event.starts_on, event.kind.as_str(), event.id));
    Ok(events)
}

/// One part of the sitemap's pages: the records of one collection, or every published version
/// of a statement (each keeps its own address).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SitemapSection {
    Records(RecordKind),
    Versions,
}

/// How many pages each section of the sitemap holds and the highest id among them, and when
/// each collection last changed: what the sitemap index and the lists' entries need, read once
/// per write generation.
#[derive(Debug)]
pub struct SitemapOutline {
    pub sections: Vec<SectionSize>,
    pub newest: Vec<(RecordKind, Option<NaiveDateTime>)>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SectionSize {
    pub section: SitemapSection,
    pub pages: usize,
    pub highest_id: i32,
}

impl SitemapOutline {
    /// When any collection last changed, or `kind`'s.
    pub fn newest(&self, kind: Option<RecordKind>) -> Option<NaiveDateTime> {
        self.newest
            .iter()
            .filter(|(k, _)| kind.is_none_or(|kind| kind == *k))
            .filter_map(|(_, at)| *at)
            .max()
    }
}

/// The rows, highest id and newest change of a table, for the outline: three queries, each
/// answered by an index (one, which reads every row).
macro_rules! outline_of {
    ($conn:expr, $table:ident) => {{
        let rows: i64 = $table::table.count().get_result($conn)?;
        let highest: Option<i32> = $table::table
            .select(diesel::dsl::max($table::id))
            .get_result($conn)?;
        let newest: Option<NaiveDateTime> = $table::table
            .select(diesel::dsl::max($table::updated_at))
            .get_result($conn)?;
        (rows, highest, newest)
    }};
}

pub fn sitemap_outline(conn: &mut SqliteConnection) -> DbResult<std::rc::Rc<SitemapOutline>> {
    kept::kept(
        ("sitemap", String::new()),
        |_| 512,
        || {
            let public = || statements::table.filter(statement_condition(&ListFilter::default()));
            let statements_outline: (i64, Option<i32>, Option<NaiveDateTime>) = (
                public().count().get_result(conn)?,
                public()
                    .select(diesel::dsl::max(statements::id))
                    .get_result(conn)?,
                public()
                    .select(diesel::dsl::max(statements::updated_at))
                    .get_result(conn)?,
            );
            let counted = [
                (RecordKind::Statement, statements_outline),
                (RecordKind::Agreement, outline_of!(conn, agreements)),
                (RecordKind::Meeting, outline_of!(conn, meetings)),
                (RecordKind::Delegation, outline_of!(conn, delegations)),
                (RecordKind::Mou, outline_of!(conn, mous)),
                (RecordKind::Organisation, outline_of!(conn, organisations)),
                (RecordKind::Person, outline_of!(conn, people)),
                (RecordKind::Area, outline_of!(conn, focus_areas)),
            ];
            // Each public statement's versions found by its id, from indexes alone: joining each
            // version to its statement's row, which holds the statement's whole text, took a
            // third of a second at 100,000 statements.
            let (versions, highest_version): (i64, Option<i32>) = statement_revisions::table
                .filter(statement_revisions::published_at.is_not_null())
                .filter(
                    statement_revisions::statement_id.eq_any(
                        statements::table
                            .filter(statement_queries::public())
                            .select(statements::id),
                    ),
                )
                .select((
                    diesel::dsl::count_star(),
                    diesel::dsl::max(statement_revisions::id),
                ))
                .get_result(conn)?;
            let size = |section, rows: i64, highest: Option<i32>| SectionSize {
                section,
                pages: usize::try_from(rows).unwrap_or(0),
                highest_id: highest.unwrap_or(0),
            };
            Ok(SitemapOutline {
                sections: counted
                    .iter()
                    .map(|(kind, (rows, highest, _))| {
                        size(SitemapSection::Records(*kind), *rows, *highest)
                    })
                    .chain([size(SitemapSection::Versions, versions, highest_version)])
                    .collect(),
                newest: counted
                    .iter()
                    .map(|(kind, (_, _, newest))| (*kind, *newest))
                    .collect(),
            })
        },
    )
}

type PublishedVersions = diesel::dsl::Filter<
    diesel::dsl::Filter<
        diesel::dsl::InnerJoin<statement_revisions::table, statements::table>,
        diesel::dsl::IsNotNull<statements::published_at>,
    >,
    diesel::dsl::IsNotNull<statement_revisions::published_at>,
>;

/// Every published version of a public statement.
fn published_versions() -> PublishedVersions {
    statement_revisions::table
        .inner_join(statements::table)
        .filter(statements::published_at.is_not_null())
        .filter(statement_revisions::published_at.is_not_null())
}

/// The address and last change of the pages of a table whose ids are in `ids`, in id order.
macro_rules! pages_of {
    ($conn:expr, $table:ident, $kind:expr, $ids:expr) => {
        $table::table
            .filter($table::id.ge($ids.start))
            .filter($table::id.lt($ids.end))
            .order($table::id)
            .select(($table::slug, $table::updated_at))
            .load::<(String, Stamp)>($conn)?
            .into_iter()
            .map(|(slug, at)| ($kind.page(&slug), at.into()))
            .collect()
    };
}

/// The address and last change of the pages of `section` whose ids are in `ids` (for published
/// versions, the version's own id), in id order.
pub fn sitemap_pages(
    conn: &mut SqliteConnection,
    section: SitemapSection,
    ids: std::ops::Range<i32>,
) -> DbResult<Vec<(String, NaiveDateTime)>> {
    use RecordKind as Kind;
    let SitemapSection::Records(kind) = section else {
        return Ok(published_versions()
            .filter(statement_revisions::id.ge(ids.start))
            .filter(statement_revisions::id.lt(ids.end))
            .order(statement_revisions::id)
            .select((
                statements::slug,
                statement_revisions::number,
                statement_revisions::published_at.assume_not_null(),
            ))
            .load::<(String, i32, Stamp)>(conn)?
            .into_iter()
            .map(|(slug, number, at)| {
                let page = format!("{}/v/{number}", Kind::Statement.page(&slug));
                (page, at.into())
            })
            .collect());
    };
    Ok(match kind {
        Kind::Statement => statements::table
            .filter(statement_condition(&ListFilter::default()))
            .filter(statements::id.ge(ids.start))
            .filter(statements::id.lt(ids.end))
            .order(statements::id)
            .select((statements::slug, statements::updated_at))
            .load::<(String, Stamp)>(conn)?
            .into_iter()
            .map(|(slug, at)| (kind.page(&slug), at.into()))
            .collect(),
        Kind::Agreement => pages_of!(conn, agreements, kind, ids),
        Kind::Meeting => pages_of!(conn, meetings, kind, ids),
        Kind::Delegation => pages_of!(conn, delegations, kind, ids),
        Kind::Mou => pages_of!(conn, mous, kind, ids),
        Kind::Organisation => pages_of!(conn, organisations, kind, ids),
        Kind::Person => pages_of!(conn, people, kind, ids),
        Kind::Area => pages_of!(conn, focus_areas, kind, ids),
    })
}
