//! The cooperation over time: every dated event in order, and the counts the statistics page
//! draws.

use super::schema::{agreement_status_events, agreements, delegations, meetings, mous};
use super::{DbResult, agreements as agreement_queries, delegations as delegation_queries};
use super::{meetings as meeting_queries, mous as mou_queries, statements as statement_queries};
use crate::domain::{ListFilter, Localized, PartialDate, RecordKind, RecordStatus};
use chrono::NaiveDate;
use diesel::prelude::*;
use diesel::sql_types::{BigInt, Text};
use foldhash::HashMap;

/// Something that happened on a date, and the record it happened to.
#[derive(Debug)]
pub struct Event {
    pub date: PartialDate,
    /// The last day, for a visit of several days.
    pub until: Option<NaiveDate>,
    pub kind: RecordKind,
    pub slug: String,
    pub title: Localized,
    /// What happened: "Signed", "In force", "Meeting held", "Visit", "Published".
    pub what: String,
}

impl Event {
    pub fn href(&self) -> String {
        self.kind.page(&self.slug)
    }

    pub fn dates(&self, lang: crate::i18n::Lang) -> String {
        match (self.date, self.until) {
            (PartialDate::Day(start), Some(end)) => {
                crate::domain::format_day_range(start, end, lang)
            }
            (date, _) => date.format(lang).to_string(),
        }
    }
}

/// One year of the timeline.
#[derive(Debug)]
pub struct YearOfEvents {
    pub year: i32,
    pub events: Vec<Event>,
}

/// Every dated event the filter lets through (its area and year), oldest first, by year.
/// Undated events (a signing whose date is not recorded) cannot be placed and are left out.
pub fn timeline(conn: &mut SqliteConnection, filter: &ListFilter) -> DbResult<Vec<YearOfEvents>> {
    let mut events = Vec::new();
    let agreement_names: HashMap<i32, (String, Localized)> = agreements::table
        .filter(agreement_queries::condition(&ListFilter {
            year: None,
            ..filter.clone()
        }))
        .select((
            agreements::id,
            (
                agreements::slug,
                (
                    agreements::title,
                    agreements::title_ms,
                    agreements::title_zh,
                ),
            ),
        ))
        .load::<(i32, (String, Localized))>(conn)?
        .into_iter()
        .collect();
    let ids: Vec<i32> = agreement_names.keys().copied().collect();
    let status_events: Vec<(i32, RecordStatus, Option<PartialDate>)> = super::by_ids!(
        agreement_status_events::table,
        agreement_status_events::agreement_id,
        &ids
    )
    .filter(agreement_status_events::occurred_on.is_not_null())
    .select((
        agreement_status_events::agreement_id,
        agreement_status_events::status,
        agreement_status_events::occurred_on,
    ))
    .load(conn)?;
    for (agreement_id, status, occurred_on) in status_events {
        if let (Some(date), Some((slug, title))) = (occurred_on, agreement_names.get(&agreement_id))
        {
            events.push(Event {
                date,
                until: None,
                kind: RecordKind::Agreement,
                slug: slug.clone(),
                title: title.clone(),
                what: status.label().to_owned(),
            });
        }
    }
    let held: Vec<(String, Localized, Option<PartialDate>)> = meetings::table
        .filter(meeting_queries::condition(filter))
        .filter(meetings::held_on.is_not_null())
        .select((
            meetings::slug,
            (meetings::title, meetings::title_ms, meetings::title_zh),
            meetings::held_on,
        ))
        .load(conn)?;
    events.extend(held.into_iter().filter_map(|(slug, title, held_on)| {
        Some(Event {
            date: held_on?,
            until: None,
            kind: RecordKind::Meeting,
            slug,
            title,
            what: "Meeting held".to_owned(),
        })
    }));
    let visits: Vec<(String, Localized, NaiveDate, NaiveDate)> = delegations::table
        .filter(delegation_queries::condition(filter))
        .select((
            delegations::slug,
            (
                delegations::title,
                delegations::title_ms,
                delegations::title_zh,
            ),
            delegations::starts_on,
            delegations::ends_on,
        ))
        .load(conn)?;
    events.extend(
        visits
            .into_iter()
            .map(|(slug, title, starts_on, ends_on)| Event {
                date: PartialDate::Day(starts_on),
                until: Some(ends_on),
                kind: RecordKind::Delegation,
                slug,
                title,
                what: "Visit".to_owned(),
            }),
    );
    let signed: Vec<(String, Localized, Option<PartialDate>)> = mous::table
        .filter(mou_queries::condition(filter))
        .filter(mous::signed_on.is_not_null())
        .select((
            mous::slug,
            (mous::title, mous::title_ms, mous::title_zh),
            mous::signed_on,
        ))
        .load(conn)?;
    events.extend(signed.into_iter().filter_map(|(slug, title, signed_on)| {
        Some(Event {
            date: signed_on?,
            until: None,
            kind: RecordKind::Mou,
            slug,
            title,
            what: "MoU signed".to_owned(),
        })
    }));
    let published = statement_queries::all_public(conn, filter)?;
    events.extend(published.into_iter().filter_map(|statement| {
        Some(Event {
            date: statement.published_on()?,
            until: None,
            kind: RecordKind::Statement,
            slug: statement.slug,
            title: statement.title,
            what: "Press statement".to_owned(),
        })
    }));
    // Agreements are filtered by year of signing; their later status events by their own year.
    if let Some(year) = filter.year {
        events.retain(|event| event.date.year() == year.value());
    }
    // ISO text sorts a year before its months and a month before its days.
    events.sort_by(|a, b| {
        (
            a.date.iso().to_string(),
            a.kind.as_str(),
            a.title.primary_text(),
        )
            .cmp(&(
                b.date.iso().to_string(),
                b.kind.as_str(),
                b.title.primary_text(),
            ))
    });
    let mut years: Vec<YearOfEvents> = Vec::new();
    for event in events {
        match years.last_mut() {
            Some(year) if year.year == event.date.year() => year.events.push(event),
            _ => years.push(YearOfEvents {
                year: event.date.year(),
                events: vec![event],
            }),
        }
    }
    Ok(years)
}

#[derive(Debug, QueryableByName)]
pub struct Count {
    #[diesel(sql_type = Text)]
    pub label: String,
    #[diesel(sql_type = BigInt)]
    pub count: i64,
}

#[derive(Debug, QueryableByName)]
struct YearKindCount {
    #[diesel(sql_type = Text)]
    year: String,
    #[diesel(sql_type = Text)]
    kind: String,
    #[diesel(sql_type = BigInt)]
    count: i64,
}

/// How many meetings, visits, MoUs and statements fell in one year.
#[derive(Debug, Default)]
pub struct Activity {
    pub year: String,
    pub meetings: i64,
    pub delegations: i64,
    pub mous: i64,
    pub statements: i64,
    pub agreements: i64,
}

impl Activity {
    pub fn total(&self) -> i64 {
        self.meetings + self.delegations + self.mous + self.statements + self.agreements
    }
}

#[derive(Debug)]
pub struct Statistics {
    pub mous_by_year: Vec<Count>,
    pub mous_by_area: Vec<Count>,
    pub organisations_by_country: Vec<Count>,
    pub organisations_by_kind: Vec<Count>,
    pub activity: Vec<Activity>,
}

/// The counts of the statistics page; each is one grouped query over an indexed column.
pub fn statistics(conn: &mut SqliteConnection) -> DbResult<Statistics> {
    let count = |conn: &mut SqliteConnection, sql: &str| -> DbResult<Vec<Count>> {
        Ok(diesel::sql_query(sql).load(conn)?)
    };
    let mous_by_year = count(
        conn,
        "SELECT substr(signed_on, 1, 4) AS label, count(*) AS count FROM mous
         WHERE signed_on IS NOT NULL GROUP BY 1 ORDER BY 1",
    )?;
    let mous_by_area = count(
        conn,
        "SELECT fa.name AS label, count(*) AS count FROM mou_areas ma
         JOIN focus_areas fa ON fa.id = ma.area_id GROUP BY fa.id ORDER BY 2 DESC, 1",
    )?;
    let organisations_by_country = count(
        conn,
        "SELECT c.name AS label, count(*) AS count FROM organisations o
         JOIN countries c ON c.id = o.country_id GROUP BY c.id ORDER BY 2 DESC, 1",
    )?;
    let organisations_by_kind = count(
        conn,
        "SELECT kind AS label, count(*) AS count FROM organisations GROUP BY kind ORDER BY 2 DESC, 1",
    )?
    .into_iter()
    .map(|c| Count {
        label: crate::domain::OrganisationKind::parse(&c.label)
            .map_or(c.label, |kind| kind.label().to_owned()),
        count: c.count,
    })
    .collect();
    let rows: Vec<YearKindCount> = diesel::sql_query(
        "SELECT substr(on_date, 1, 4) AS year, kind, count(*) AS count FROM record_dates
         GROUP BY 1, 2 ORDER BY 1",
    )
    .load(conn)?;
    let mut activity: Vec<Activity> = Vec::new();
    for row in rows {
        if activity.last().is_none_or(|a| a.year != row.year) {
            activity.push(Activity {
                year: row.year.clone(),
                ..Activity::default()
            });
        }
        if let Some(year) = activity.last_mut() {
            match row.kind.as_str() {
                "meeting" => year.meetings = row.count,
                "delegation" => year.delegations = row.count,
                "mou" => year.mous = row.count,
                "statement" => year.statements = row.count,
                "agreement" => year.agreements = row.count,
                _ => {}
            }
        }
    }
    Ok(Statistics {
        mous_by_year,
        mous_by_area,
        organisations_by_country,
        organisations_by_kind,
        activity,
    })
}
