//! Delegation visits and their itineraries.

use super::reference::{
    CountryRef, Named, OrganisationRef, Page, countries_by_id, meeting_names, organisation_refs,
    person_names,
};
use super::schema::{
    countries, delegation_areas, delegation_members, delegations, focus_areas, itinerary_stops,
    mous, organisations, people,
};
use super::stamp::Day;
use super::statements::{self, StatementItem, Subject};
use super::{DbResult, OptionalRow, kept};
use crate::domain::{Formatted, ListFilter, Localized, PartialDate, Slug, format_day_range};
use crate::i18n::Lang;
use chrono::NaiveDate;
use diesel::prelude::*;
use diesel::sql_types::Bool;
use diesel::sqlite::Sqlite;
use foldhash::{HashMap, HashMapExt};
use serde::Serialize;
use std::rc::Rc;

#[derive(Debug, Queryable, Selectable)]
#[diesel(table_name = delegations)]
struct DelegationRow {
    slug: String,
    #[diesel(select_expression = (delegations::title, delegations::title_ms, delegations::title_zh))]
    title: Localized,
    #[diesel(deserialize_as = Day)]
    starts_on: NaiveDate,
    #[diesel(deserialize_as = Day)]
    ends_on: NaiveDate,
    leader_id: Option<i32>,
    from_country_id: i32,
    host_country_id: i32,
}

#[derive(Debug, Serialize)]
pub struct DelegationItem {
    pub slug: String,
    pub title: Localized,
    pub starts_on: NaiveDate,
    pub ends_on: NaiveDate,
    pub leader: Option<Rc<Named>>,
    pub from_country: Localized,
    pub host_country: Localized,
}

impl DelegationItem {
    pub fn dates(&self, lang: Lang) -> Formatted {
        format_day_range(self.starts_on, self.ends_on, lang)
    }
}

pub(crate) type Condition = Box<dyn BoxableExpression<delegations::table, Sqlite, SqlType = Bool>>;

pub(crate) fn condition(filter: &ListFilter) -> Condition {
    let mut condition: Condition = Box::new(diesel::IntoSql::into_sql::<Bool>(true));
    if let Some(area) = &filter.area {
        let in_area = delegation_areas::table
            .inner_join(focus_areas::table)
            .filter(focus_areas::slug.eq(area.to_string()))
            .select(delegation_areas::delegation_id);
        condition = Box::new(condition.and(delegations::id.eq_any(in_area)));
    }
    if let Some(organisation) = &filter.organisation {
        let visiting = itinerary_stops::table
            .inner_join(organisations::table)
            .filter(organisations::slug.eq(organisation.to_string()))
            .select(itinerary_stops::delegation_id);
        condition = Box::new(condition.and(delegations::id.eq_any(visiting)));
    }
    if let Some(country) = filter.country {
        let country_id = countries::table
            .filter(countries::code.eq(country.to_string()))
            .select(countries::id);
        let country_id_again = countries::table
            .filter(countries::code.eq(country.to_string()))
            .select(countries::id);
        condition = Box::new(
            condition.and(
                delegations::from_country_id
                    .eq_any(country_id)
                    .or(delegations::host_country_id.eq_any(country_id_again)),
            ),
        );
    }
    if let Some(person) = &filter.person {
        let person_id = people::table
            .filter(people::slug.eq(person.to_string()))
            .select(people::id);
        let member_id = people::table
            .filter(people::slug.eq(person.to_string()))
            .select(people::id);
        let with_member = delegation_members::table
            .filter(delegation_members::person_id.eq_any(member_id))
            .select(delegation_members::delegation_id);
        condition = Box::new(
            condition.and(
                delegations::leader_id
                    .assume_not_null()
                    .eq_any(person_id)
                    .or(delegations::id.eq_any(with_member)),
            ),
        );
    }
    if let Some(year) = filter.year {
        let start = NaiveDate::from_ymd_opt(year.value(), 1, 1).unwrap_or_default();
        let end = NaiveDate::from_ymd_opt(year.value(), 12, 31).unwrap_or_default();
        condition = Box::new(
            condition
                .and(delegations::starts_on.le(end))
                .and(delegations::ends_on.ge(start)),
        );
    }
    condition
}

/// The ids of the records the filter lets through, in the list's order.
pub(crate) fn order(conn: &mut SqliteConnection, filter: &ListFilter) -> DbResult<kept::Order> {
    kept::order("delegations", filter, || {
        Ok(delegations::table
            .filter(condition(filter))
            .order((delegations::starts_on.desc(), delegations::id.desc()))
            .select(delegations::id)
            .load(conn)?)
    })
}

/// How many records the filter lets through, on every page.
pub fn count(conn: &mut SqliteConnection, filter: &ListFilter) -> DbResult<i64> {
    Ok(order(conn, filter)?.total())
}

pub fn list(conn: &mut SqliteConnection, filter: &ListFilter) -> DbResult<Page<DelegationItem>> {
    order(conn, filter)?.page(filter, |shown| items(conn, shown))
}

/// The records with the given ids, in their order.
pub(crate) fn items(conn: &mut SqliteConnection, ids: &[i32]) -> DbResult<Vec<DelegationItem>> {
    let rows: Vec<(i32, DelegationRow)> = super::by_ids!(delegations::table, delegations::id, ids)
        .select((delegations::id, DelegationRow::as_select()))
        .load(conn)?;
    with_names(conn, super::in_order(ids, rows))
}

/// How many delegations the home page lists as under way or coming.
const UPCOMING_SHOWN: usize = 5;

/// Visits that have not ended by `day`, soonest first.
pub fn starting_from(conn: &mut SqliteConnection, day: NaiveDate) -> DbResult<Vec<DelegationItem>> {
    // Sorted here, not by SQLite: asked for an order, it walks every delegation by date (the
    // day bound could be any day), where the delegations not yet over are a few, found by
    // their end date.
    let mut rows = delegations::table
        .filter(delegations::ends_on.ge(day))
        .select(DelegationRow::as_select())
        .load(conn)?;
    rows.sort_by(|a, b| (a.starts_on, &a.slug).cmp(&(b.starts_on, &b.slug)));
    rows.truncate(UPCOMING_SHOWN);
    with_names(conn, rows)
}

fn with_names(
    conn: &mut SqliteConnection,
    rows: Vec<DelegationRow>,
) -> DbResult<Vec<DelegationItem>> {
    let leader_ids: Vec<i32> = rows.iter().filter_map(|row| row.leader_id).collect();
    let leaders = person_names(conn, &leader_ids)?;
    let countries = countries_by_id(conn)?;
    let country = |id: i32| {
        countries
            .get(&id)
            .map(|c| c.name.clone())
            .unwrap_or_default()
    };
    Ok(rows
        .into_iter()
        .map(|row| DelegationItem {
            leader: row.leader_id.and_then(|id| leaders.get(&id).cloned()),
            from_country: country(row.from_country_id),
            host_country: country(row.host_country_id),
            slug: row.slug,
            title: row.title,
            starts_on: row.starts_on,
            ends_on: row.ends_on,
        })
        .collect())
}

#[derive(Debug, Queryable, Selectable, Serialize)]
#[diesel(table_name = delegations)]
pub struct DelegationDetailRow {
    #[serde(skip)]
    pub id: i32,
    pub slug: String,
    #[diesel(select_expression = (delegations::title, delegations::title_ms, delegations::title_zh))]
    pub title: Localized,
    #[diesel(deserialize_as = Day)]
    pub starts_on: NaiveDate,
    #[diesel(deserialize_as = Day)]
    pub ends_on: NaiveDate,
    #[diesel(select_expression = (delegations::purpose, delegations::purpose_ms, delegations::purpose_zh))]
    pub purpose: Localized,
    #[serde(skip)]
    pub leader_id: Option<i32>,
    #[serde(skip)]
    pub from_country_id: i32,
    #[serde(skip)]
    pub host_country_id: i32,
}

#[derive(Debug, Queryable, Serialize)]
pub struct Member {
    pub slug: String,
    pub name: Localized,
    pub role: Localized,
}

#[derive(Debug, Queryable, Selectable)]
#[diesel(table_name = itinerary_stops)]
struct StopRow {
    id: i32,
    #[diesel(select_expression = (itinerary_stops::title, itinerary_stops::title_ms, itinerary_stops::title_zh))]
    title: Localized,
    stop_on: Option<PartialDate>,
    #[diesel(select_expression = (itinerary_stops::place, itinerary_stops::place_ms, itinerary_stops::place_zh))]
    place: Localized,
    #[diesel(select_expression = (itinerary_stops::event_name, itinerary_stops::event_name_ms, itinerary_stops::event_name_zh))]
    event_name: Localized,
    #[diesel(select_expression = (itinerary_stops::summary, itinerary_stops::summary_ms, itinerary_stops::summary_zh))]
    summary: Localized,
    organisation_id: Option<i32>,
    meeting_id: Option<i32>,
}

/// One stop of an itinerary, with what was signed there.
#[derive(Debug, Serialize)]
pub struct Stop {
    pub title: Localized,
    pub stop_on: Option<PartialDate>,
    pub place: Localized,
    pub event_name: Localized,
    pub summary: Localized,
    pub organisation: Option<Rc<OrganisationRef>>,
    pub meeting: Option<Rc<Named>>,
    pub mous_signed: Vec<Named>,
}

impl Stop {
    /// The event the stop was part of, where it is not what the stop is already called.
    pub fn event_apart_from_title(&self) -> Option<&Localized> {
        self.event_name
            .present()
            .filter(|event| **event != self.title)
    }
}

impl DelegationDetailRow {
    pub fn dates(&self, lang: Lang) -> Formatted {
        format_day_range(self.starts_on, self.ends_on, lang)
    }
}

#[derive(Debug, Serialize)]
pub struct DelegationDetail {
    pub delegation: DelegationDetailRow,
    pub leader: Option<Rc<Named>>,
    pub from_country: CountryRef,
    pub host_country: CountryRef,
    pub members: Vec<Member>,
    pub areas: Vec<Named>,
    pub itinerary: Vec<Stop>,
    pub statements: Vec<StatementItem>,
}

pub fn detail(conn: &mut SqliteConnection, slug: &Slug) -> DbResult<Option<DelegationDetail>> {
    let Some(delegation) = delegations::table
        .filter(delegations::slug.eq(slug.as_str()))
        .select(DelegationDetailRow::as_select())
        .first(conn)
        .found()?
    else {
        return Ok(None);
    };
    let id = delegation.id;
    let leader = match delegation.leader_id {
        Some(id) => person_names(conn, &[id])?.remove(&id),
        None => None,
    };
    let countries = countries_by_id(conn)?;
    let country = |country_id: i32| {
        countries
            .get(&country_id)
            .cloned()
            .ok_or(super::DbError::NotFound)
    };
    let from_country = country(delegation.from_country_id)?;
    let host_country = country(delegation.host_country_id)?;
    let stop_rows: Vec<StopRow> = itinerary_stops::table
        .filter(itinerary_stops::delegation_id.eq(id))
        .order(itinerary_stops::position)
        .select(StopRow::as_select())
        .load(conn)?;
    let organisation_ids: Vec<i32> = stop_rows.iter().filter_map(|s| s.organisation_id).collect();
    let organisations_by_id = organisation_refs(conn, &organisation_ids)?;
    let meeting_ids: Vec<i32> = stop_rows.iter().filter_map(|s| s.meeting_id).collect();
    let meetings_by_id = meeting_names(conn, &meeting_ids)?;
    let stop_ids: Vec<i32> = stop_rows.iter().map(|s| s.id).collect();
    let mut mous_by_stop: HashMap<i32, Vec<Named>> = HashMap::new();
    let mut signed: Vec<(i32, i32, Named)> = super::schema::json_each::table
        .filter(super::schema::json_each::json.eq(super::ids_json(&stop_ids)))
        .inner_join(
            mous::table.on(mous::itinerary_stop_id.eq(super::schema::json_each::value.nullable())),
        )
        .select((
            mous::itinerary_stop_id.assume_not_null(),
            mous::id,
            (mous::slug, (mous::title, mous::title_ms, mous::title_zh)),
        ))
        .load(conn)?;
    signed.sort_unstable_by_key(|(_, mou_id, _)| *mou_id);
    for (stop_id, _, mou) in signed {
        mous_by_stop.entry(stop_id).or_default().push(mou);
    }
    let itinerary = stop_rows
        .into_iter()
        .map(|row| Stop {
            organisation: row
                .organisation_id
                .and_then(|oid| organisations_by_id.get(&oid).cloned()),
            meeting: row
                .meeting_id
                .and_then(|mid| meetings_by_id.get(&mid).cloned()),
            mous_signed: mous_by_stop.remove(&row.id).unwrap_or_default(),
            title: row.title,
            stop_on: row.stop_on,
            place: row.place,
            event_name: row.event_name,
            summary: row.summary,
        })
        .collect();
    Ok(Some(DelegationDetail {
        leader,
        from_country,
        host_country,
        members: delegation_members::table
            .inner_join(people::table)
            .filter(delegation_members::delegation_id.eq(id))
            .order(people::name)
            .select((
                people::slug,
                (people::name, people::name_ms, people::name_zh),
                (
                    delegation_members::role,
                    delegation_members::role_ms,
                    delegation_members::role_zh,
                ),
            ))
            .load(conn)?,
        areas: delegation_areas::table
            .inner_join(focus_areas::table)
            .filter(delegation_areas::delegation_id.eq(id))
            .order(focus_areas::name)
            .select((
                focus_areas::slug,
                (
                    focus_areas::name,
                    focus_areas::name_ms,
                    focus_areas::name_zh,
                ),
            ))
            .load(conn)?,
        itinerary,
        statements: statements::about(conn, Subject::Delegation(id))?,
        delegation,
    }))
}
