//! The cooperation over time: every dated event in order, and the counts the statistics page
//! draws.

use super::kept::{self, RecordKey};
use super::reference::{Page, agreement_names};
use super::schema::{agreement_status_events, agreements, delegations, meetings, mous, statements};
use super::stamp::{Day, MaybeStamp};
use super::{
    DbResult, Prepared, agreements as agreement_queries, delegations as delegation_queries,
};
use super::{meetings as meeting_queries, mous as mou_queries, statements as statement_queries};
use crate::domain::{
    ListFilter, Localized, OrganisationKind, PageNumber, PartialDate, RecordKind, RecordStatus,
    Year,
};
use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;
use diesel::sql_types::{BigInt, Nullable, Text};
use foldhash::HashMap;
use std::rc::Rc;

/// Something that happened on a date, and the record it happened to.
#[derive(Debug)]
pub struct Event {
    pub date: PartialDate,
    /// The last day, for a visit of several days.
    pub until: Option<NaiveDate>,
    pub kind: RecordKind,
    pub slug: String,
    pub title: Localized,
    /// For an agreement, the status it reached; every other kind of event is its record's
    /// (a meeting held, a visit, an MoU signed, a statement published).
    pub status: Option<RecordStatus>,
}

impl Event {
    pub fn href(&self) -> String {
        self.kind.page(&self.slug)
    }

    pub fn dates(&self, lang: crate::i18n::Lang) -> crate::domain::Formatted {
        self.date.format_until(self.until, lang)
    }
}

/// How many events the timeline shows to a page.
pub const TIMELINE_PAGE_SIZE: i64 = 50;

/// One page of the timeline, and how many events each year holds (of the area asked for).
#[derive(Debug)]
pub struct Timeline {
    pub page: Page<Event>,
    pub years: Vec<YearCount>,
}

#[derive(Debug)]
pub struct YearCount {
    pub year: i32,
    pub count: i64,
}

impl Timeline {
    /// The page's events in runs of one year.
    pub fn by_year(&self) -> impl Iterator<Item = (i32, &[Event])> {
        self.page
            .items
            .chunk_by(|a, b| a.date.year() == b.date.year())
            .map(|events| (events[0].date.year(), events))
    }
}

/// Every event of a timeline in order, and where each year's events start.
struct TimelineOrder {
    events: Vec<RecordKey>,
    year_starts: Vec<(i32, usize)>,
}

impl TimelineOrder {
    /// Each year that has events, and where its events lie in the order.
    fn year_spans(&self) -> impl Iterator<Item = (i32, std::ops::Range<usize>)> + '_ {
        let ends = self.year_starts.iter().skip(1).map(|(_, start)| *start);
        self.year_starts
            .iter()
            .zip(ends.chain([self.events.len()]))
            .map(|((year, start), end)| (*year, *start..end))
    }

    /// Where the events of `year`, or of every year, lie in the order.
    fn span(&self, year: Option<Year>) -> std::ops::Range<usize> {
        match year {
            None => 0..self.events.len(),
            Some(year) => self
                .year_spans()
                .find(|(y, _)| *y == year.value())
                .map_or(0..0, |(_, span)| span),
        }
    }

    fn years(&self) -> Vec<YearCount> {
        self.year_spans()
            .map(|(year, span)| YearCount {
                year,
                count: span.len() as i64,
            })
            .collect()
    }
}

/// The timeline's order under `filter` (its year and page aside): every dated event, oldest
/// first, events of one date by kind and then as recorded. Undated events (a signing whose date
/// is not recorded) cannot be placed and are left out.
fn timeline_order(conn: &mut SqliteConnection, filter: &ListFilter) -> DbResult<Rc<TimelineOrder>> {
    let scope = ListFilter {
        year: None,
        page: PageNumber::FIRST,
        ..filter.clone()
    };
    kept::kept(
        ("timeline", scope.query_string_for_page(1)),
        |order: &TimelineOrder| order.events.len() * std::mem::size_of::<RecordKey>(),
        || {
            let mut dated: Vec<(u32, RecordKind, i32)> = Vec::new();
            let mut add = |kind, rows: Vec<(i32, Option<PartialDate>)>| {
                dated.extend(
                    rows.into_iter()
                        .filter_map(|(id, date)| Some((date?.chronological_key(), kind, id))),
                );
            };
            let agreement_ids: Vec<i32> = agreements::table
                .filter(agreement_queries::condition(&scope))
                .select(agreements::id)
                .load(conn)?;
            add(
                RecordKind::Agreement,
                super::by_ids!(
                    agreement_status_events::table,
                    agreement_status_events::agreement_id,
                    &agreement_ids
                )
                .select((
                    agreement_status_events::id,
                    agreement_status_events::occurred_on,
                ))
                .load(conn)?,
            );
            add(
                RecordKind::Meeting,
                meetings::table
                    .filter(meeting_queries::condition(&scope))
                    .select((meetings::id, meetings::held_on))
                    .load(conn)?,
            );
            let visits: Vec<(i32, Day)> = delegations::table
                .filter(delegation_queries::condition(&scope))
                .select((delegations::id, delegations::starts_on))
                .load(conn)?;
            add(
                RecordKind::Delegation,
                visits
                    .into_iter()
                    .map(|(id, starts_on)| (id, Some(PartialDate::Day(starts_on.into()))))
                    .collect(),
            );
            add(
                RecordKind::Mou,
                mous::table
                    .filter(mou_queries::condition(&scope))
                    .select((mous::id, mous::signed_on))
                    .load(conn)?,
            );
            let published: Vec<(i32, MaybeStamp)> = statements::table
                .filter(statement_queries::condition(&scope))
                .select((statements::id, statements::published_at))
                .load(conn)?;
            add(
                RecordKind::Statement,
                published
                    .into_iter()
                    .map(|(id, at)| {
                        let at: Option<NaiveDateTime> = at.into();
                        (id, at.map(|at| PartialDate::from(at.date())))
                    })
                    .collect(),
            );
            dated.sort_unstable_by_key(|(date, kind, id)| (*date, kind.as_str(), *id));
            let mut order = TimelineOrder {
                events: Vec::with_capacity(dated.len()),
                year_starts: Vec::new(),
            };
            for (date, kind, id) in dated {
                let Some(key) = RecordKey::new(kind, id) else {
                    continue;
                };
                let year = (date / 10_000) as i32;
                if order.year_starts.last().is_none_or(|(y, _)| *y != year) {
                    order.year_starts.push((year, order.events.len()));
                }
                order.events.push(key);
            }
            Ok(order)
        },
    )
}

/// One page of the timeline: the dated events the filter lets through (its area, and its year
/// if it names one), oldest first.
pub fn timeline(conn: &mut SqliteConnection, filter: &ListFilter) -> DbResult<Timeline> {
    let order = timeline_order(conn, filter)?;
    let span = order.span(filter.year);
    let total = span.len() as i64;
    let start = usize::try_from(filter.page.offset_in(TIMELINE_PAGE_SIZE))
        .unwrap_or(usize::MAX)
        .saturating_add(span.start)
        .min(span.end);
    let end = start
        .saturating_add(TIMELINE_PAGE_SIZE as usize)
        .min(span.end);
    let shown = &order.events[start..end];
    let events = if shown.is_empty() {
        Vec::new()
    } else {
        events(conn, shown)?
    };
    Ok(Timeline {
        page: Page::sized(events, total, filter, TIMELINE_PAGE_SIZE),
        years: order.years(),
    })
}

/// The events `keys` name, in their order: one query for each kind of record among them.
fn events(conn: &mut SqliteConnection, keys: &[RecordKey]) -> DbResult<Vec<Event>> {
    let ids_of = |kind: RecordKind| -> Vec<i32> {
        keys.iter()
            .filter(|key| key.kind() == kind)
            .map(|key| key.id())
            .collect()
    };
    let mut found: HashMap<(RecordKind, i32), Event> = HashMap::default();
    let event = |kind, slug, title, date| Event {
        date,
        until: None,
        kind,
        slug,
        title,
        status: None,
    };
    let ids = ids_of(RecordKind::Agreement);
    if !ids.is_empty() {
        let rows: Vec<(i32, i32, RecordStatus, Option<PartialDate>)> = super::by_ids!(
            agreement_status_events::table,
            agreement_status_events::id,
            &ids
        )
        .select((
            agreement_status_events::id,
            agreement_status_events::agreement_id,
            agreement_status_events::status,
            agreement_status_events::occurred_on,
        ))
        .load(conn)?;
        let agreement_ids: Vec<i32> = rows.iter().map(|(_, agreement, ..)| *agreement).collect();
        let names = agreement_names(conn, &agreement_ids)?;
        for (id, agreement, status, date) in rows {
            if let (Some(date), Some(named)) = (date, names.get(&agreement)) {
                let title = named.name.clone();
                let reached = Event {
                    status: Some(status),
                    ..event(RecordKind::Agreement, named.slug.clone(), title, date)
                };
                found.insert((RecordKind::Agreement, id), reached);
            }
        }
    }
    // A meeting held and an MoU signed: each one date column of its record's own.
    macro_rules! dated_records {
        ($kind:expr, $table:ident, $date:ident) => {
            let ids = ids_of($kind);
            if !ids.is_empty() {
                let rows: Vec<(i32, String, Localized, Option<PartialDate>)> =
                    super::by_ids!($table::table, $table::id, &ids)
                        .select((
                            $table::id,
                            $table::slug,
                            ($table::title, $table::title_ms, $table::title_zh),
                            $table::$date,
                        ))
                        .load(conn)?;
                for (id, slug, title, date) in rows {
                    if let Some(date) = date {
                        found.insert(($kind, id), event($kind, slug, title, date));
                    }
                }
            }
        };
    }
    dated_records!(RecordKind::Meeting, meetings, held_on);
    dated_records!(RecordKind::Mou, mous, signed_on);
    let ids = ids_of(RecordKind::Delegation);
    if !ids.is_empty() {
        let rows: Vec<(i32, String, Localized, Day, Day)> =
            super::by_ids!(delegations::table, delegations::id, &ids)
                .select((
                    delegations::id,
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
        for (id, slug, title, starts_on, ends_on) in rows {
            let date = PartialDate::Day(starts_on.into());
            let visit = Event {
                until: Some(ends_on.into()),
                ..event(RecordKind::Delegation, slug, title, date)
            };
            found.insert((RecordKind::Delegation, id), visit);
        }
    }
    let ids = ids_of(RecordKind::Statement);
    if !ids.is_empty() {
        for statement in statement_queries::items(conn, &ids)? {
            if let Some(date) = statement.published_on() {
                let kind = RecordKind::Statement;
                let published = event(kind, statement.slug, statement.title, date);
                found.insert((kind, statement.id), published);
            }
        }
    }
    Ok(keys
        .iter()
        .filter_map(|key| found.remove(&(key.kind(), key.id())))
        .collect())
}

#[derive(Debug, QueryableByName)]
pub struct Count {
    #[diesel(sql_type = Text)]
    pub label: String,
    /// The label in Malay and Chinese, where it is a record's name that has been translated.
    #[diesel(sql_type = Nullable<Text>)]
    pub label_ms: Option<String>,
    #[diesel(sql_type = Nullable<Text>)]
    pub label_zh: Option<String>,
    #[diesel(sql_type = BigInt)]
    pub count: i64,
}

impl Count {
    /// The label in each language it has been written in.
    pub fn localized_label(&self) -> Localized {
        Localized::new(
            self.label.clone(),
            self.label_ms.clone(),
            self.label_zh.clone(),
        )
    }
}

/// How many meetings, visits, MoUs and statements fell in one year.
#[derive(Debug, Default, Clone)]
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
    /// MoUs signed in each year that has any, by year.
    pub mous_by_year: Vec<(String, i64)>,
    pub mous_by_area: Vec<Count>,
    pub organisations_by_country: Vec<Count>,
    pub organisations_by_kind: Vec<(OrganisationKind, i64)>,
    pub activity: Vec<Activity>,
}

/// The counts of the statistics page, read once per write generation (some 20 ms at 100,000
/// MoUs and statements).
pub fn statistics(conn: &mut SqliteConnection) -> DbResult<Rc<Statistics>> {
    kept::kept(
        ("statistics", String::new()),
        // A few dozen labels and counts.
        |_: &Statistics| 4 * 1024,
        || count_everything(conn),
    )
}

fn count_everything(conn: &mut SqliteConnection) -> DbResult<Statistics> {
    let count = |conn: &mut SqliteConnection, sql: &str| -> DbResult<Vec<Count>> {
        Ok(diesel::sql_query(sql).load(conn)?)
    };
    let mous_by_area = count(
        conn,
        "SELECT focus_areas.name AS label, focus_areas.name_ms AS label_ms,
                focus_areas.name_zh AS label_zh, count(*) AS count FROM mou_areas
         JOIN focus_areas ON focus_areas.id = mou_areas.area_id
         GROUP BY focus_areas.id ORDER BY 4 DESC, 1",
    )?;
    let organisations_by_country = count(
        conn,
        "SELECT countries.name AS label, countries.name_ms AS label_ms,
                countries.name_zh AS label_zh, count(*) AS count FROM organisations
         JOIN countries ON countries.id = organisations.country_id
         GROUP BY countries.id ORDER BY 4 DESC, 1",
    )?;
    let organisations_by_kind = count(
        conn,
        "SELECT kind AS label, NULL AS label_ms, NULL AS label_zh, count(*) AS count
         FROM organisations GROUP BY kind ORDER BY 4 DESC, 1",
    )?
    .into_iter()
    // The table allows no other kind.
    .filter_map(|c| Some((OrganisationKind::parse(&c.label).ok()?, c.count)))
    .collect();
    let activity = activity(conn)?;
    let mous_by_year = activity
        .iter()
        .filter(|year| year.mous > 0)
        .map(|year| (year.year.clone(), year.mous))
        .collect();
    Ok(Statistics {
        mous_by_year,
        mous_by_area,
        organisations_by_country,
        organisations_by_kind,
        activity,
    })
}

/// Each kind of dated record the activity chart counts: its table, the column of its date, how
/// a year's first day is written to compare with that column, and its count in a year.
///
/// Every date is stored as text that sorts as time does. A partial date's column is declared
/// `TEXT`, and a year is its own first value ("2024" before "2024-04"); the others are declared
/// `DATE` or `TIMESTAMP`, for which SQLite would read a bare "2024" as the number 2024, which
/// sorts before every text, so their bounds are written as days.
type Dated = (
    &'static str,
    &'static str,
    fn(i32) -> String,
    fn(&mut Activity) -> &mut i64,
);

const DATED: [Dated; 5] = [
    ("agreements", "signed_on", as_year, |year| {
        &mut year.agreements
    }),
    ("meetings", "held_on", as_year, |year| &mut year.meetings),
    ("delegations", "starts_on", as_day, |year| {
        &mut year.delegations
    }),
    ("mous", "signed_on", as_year, |year| &mut year.mous),
    ("statements", "published_at", as_day, |year| {
        &mut year.statements
    }),
];

fn as_year(year: i32) -> String {
    format!("{year:04}")
}

fn as_day(year: i32) -> String {
    format!("{year:04}-01-01")
}

/// How many records of each kind fall in each year that has any. Each year is found by seeking
/// the next date in the kind's index of dates, and counted as a range of it: grouping every
/// record by its year (a part of its date, which no index is ordered by) read and sorted all of
/// them, 0.15 s at 100,000 statements and MoUs.
fn activity(conn: &mut SqliteConnection) -> DbResult<Vec<Activity>> {
    #[derive(QueryableByName)]
    struct Next {
        #[diesel(sql_type = diesel::sql_types::Nullable<Text>)]
        date: Option<String>,
    }
    #[derive(QueryableByName)]
    struct Within {
        #[diesel(sql_type = BigInt)]
        count: i64,
    }
    let mut years: std::collections::BTreeMap<i32, Activity> = Default::default();
    for (table, column, first_day, count_of) in DATED {
        let next = format!("SELECT min({column}) AS date FROM {table} WHERE {column} >= ?");
        let within =
            format!("SELECT count(*) AS count FROM {table} WHERE {column} >= ? AND {column} < ?");
        // Every date sorts after the empty text, and a missing one matches no comparison.
        let mut from = String::new();
        let mut last = None;
        loop {
            let found: Next =
                Prepared(diesel::sql_query(&next).bind::<Text, _>(&from)).get_result(conn)?;
            // Each year found is past the one before, or the search is over.
            let Some(year) = found
                .date
                .and_then(|date| date.get(..4)?.parse::<i32>().ok())
                .filter(|year| last < Some(*year))
            else {
                break;
            };
            let (start, end) = (first_day(year), first_day(year + 1));
            let counted: Within = Prepared(
                diesel::sql_query(&within)
                    .bind::<Text, _>(&start)
                    .bind::<Text, _>(&end),
            )
            .get_result(conn)?;
            let activity = years.entry(year).or_insert_with(|| Activity {
                year: as_year(year),
                ..Activity::default()
            });
            *count_of(activity) = counted.count;
            last = Some(year);
            from = end;
        }
    }
    Ok(years.into_values().collect())
}
