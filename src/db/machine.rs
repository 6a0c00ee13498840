//! What the feeds, the calendar and the sitemap read: published statements, dated events and
//! the address and age of every public page.

use super::schema::{
    agreements, delegations, focus_areas, meetings, mous, organisations, people,
    statement_revisions, statements,
};
use super::statements::{self as statement_queries, FeedEntry, condition as statement_condition};
use super::{DbResult, OptionalRow};
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
    let visits: Vec<(
        i32,
        String,
        Localized,
        Localized,
        NaiveDate,
        NaiveDate,
        NaiveDateTime,
    )> = delegations::table
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
        events.push(CalendarEvent {
            kind: RecordKind::Delegation,
            id,
            slug,
            summary: title,
            description: purpose,
            place: Localized::default(),
            starts_on,
            ends_before: next_day(ends_on),
            updated_at,
        });
    }
    let expiring: Vec<(i32, String, Localized, NaiveDate, NaiveDateTime)> = mous::table
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
        events.push(CalendarEvent {
            kind: RecordKind::Mou,
            id,
            slug,
            summary: title.clone(),
            description: title,
            place: Localized::default(),
            starts_on: until,
            ends_before: next_day(until),
            updated_at,
        });
    }
    events.sort_by_key(|event| (event.starts_on, event.kind.as_str(), event.id));
    Ok(events)
}

/// A public record's page and when it last changed.
#[derive(Debug)]
pub struct PageAge {
    pub kind: RecordKind,
    pub slug: String,
    pub updated_at: NaiveDateTime,
}

/// The slug and `updated_at` of every row of a table, in the order they were made.
macro_rules! ages {
    ($conn:expr, $table:ident) => {
        $table::table
            .order($table::id)
            .select(($table::slug, $table::updated_at))
            .load::<(String, NaiveDateTime)>($conn)?
    };
}

/// Every published version of a public statement (its slug and number) with the time it was
/// published: each keeps its own address.
pub fn published_versions(
    conn: &mut SqliteConnection,
) -> DbResult<Vec<(String, i32, NaiveDateTime)>> {
    Ok(statement_revisions::table
        .inner_join(statements::table)
        .filter(statements::published_at.is_not_null())
        .filter(statement_revisions::published_at.is_not_null())
        .order((statements::id, statement_revisions::number))
        .select((
            statements::slug,
            statement_revisions::number,
            statement_revisions::published_at.assume_not_null(),
        ))
        .load(conn)?)
}

/// Every public record with its `updated_at`, for the sitemap.
pub fn record_ages(conn: &mut SqliteConnection) -> DbResult<Vec<PageAge>> {
    let statements: Vec<(String, NaiveDateTime)> = statements::table
        .filter(statement_condition(&ListFilter::default()))
        .order(statements::id)
        .select((statements::slug, statements::updated_at))
        .load(conn)?;
    let tables = [
        (RecordKind::Statement, statements),
        (RecordKind::Agreement, ages!(conn, agreements)),
        (RecordKind::Meeting, ages!(conn, meetings)),
        (RecordKind::Delegation, ages!(conn, delegations)),
        (RecordKind::Mou, ages!(conn, mous)),
        (RecordKind::Organisation, ages!(conn, organisations)),
        (RecordKind::Person, ages!(conn, people)),
        (RecordKind::Area, ages!(conn, focus_areas)),
    ];
    Ok(tables
        .into_iter()
        .flat_map(|(kind, rows)| {
            rows.into_iter().map(move |(slug, updated_at)| PageAge {
                kind,
                slug,
                updated_at,
            })
        })
        .collect())
}
