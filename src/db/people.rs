//! People: ministers, officials and the others who sign, chair and lead.

use super::agreements::{self, AgreementItem};
use super::delegations::{self, DelegationItem};
use super::meetings::{self, MeetingItem};
use super::mous::{self, MouItem};
use super::reference::{CountryRef, OrganisationRef, Page, countries_by_id};
use super::schema::{appointments, countries, organisations, people};
use super::statements::{self, StatementItem};
use super::{DbResult, OptionalRow, kept};
use crate::domain::{ListFilter, Localized, PartialDate, RELATED_SHOWN, Slug};
use diesel::prelude::*;
use diesel::sql_types::Bool;
use diesel::sqlite::Sqlite;
use foldhash::{HashMap, HashMapExt};
use serde::Serialize;

#[derive(Debug, Serialize)]
pub struct PersonItem {
    pub slug: String,
    pub name: Localized,
    pub country: CountryRef,
    /// The most recent post, as "Minister of …".
    pub post: Option<Localized>,
}

pub(crate) type Condition = Box<dyn BoxableExpression<people::table, Sqlite, SqlType = Bool>>;

pub(crate) fn condition(filter: &ListFilter) -> Condition {
    let mut condition: Condition = Box::new(diesel::IntoSql::into_sql::<Bool>(true));
    if let Some(country) = filter.country {
        let country_id = countries::table
            .filter(countries::code.eq(country.to_string()))
            .select(countries::id);
        condition = Box::new(condition.and(people::country_id.eq_any(country_id)));
    }
    if let Some(organisation) = &filter.organisation {
        let appointed_at = appointments::table
            .inner_join(organisations::table)
            .filter(organisations::slug.eq(organisation.to_string()))
            .select(appointments::person_id);
        condition = Box::new(condition.and(people::id.eq_any(appointed_at)));
    }
    condition
}

/// The ids of the records the filter lets through, in the list's order.
pub(crate) fn order(conn: &mut SqliteConnection, filter: &ListFilter) -> DbResult<kept::Order> {
    kept::order("people", filter, || {
        Ok(people::table
            .filter(condition(filter))
            .order((people::name, people::id))
            .select(people::id)
            .load(conn)?)
    })
}

/// How many records the filter lets through, on every page.
pub fn count(conn: &mut SqliteConnection, filter: &ListFilter) -> DbResult<i64> {
    Ok(order(conn, filter)?.total())
}

pub fn list(conn: &mut SqliteConnection, filter: &ListFilter) -> DbResult<Page<PersonItem>> {
    order(conn, filter)?.page(filter, |shown| items(conn, shown))
}

/// The records with the given ids, in their order.
pub(crate) fn items(conn: &mut SqliteConnection, ids: &[i32]) -> DbResult<Vec<PersonItem>> {
    let rows: Vec<(i32, String, Localized, i32)> = super::by_ids!(people::table, people::id, ids)
        .select((
            people::id,
            people::slug,
            (people::name, people::name_ms, people::name_zh),
            people::country_id,
        ))
        .load(conn)?;
    let rows = super::in_order(ids, rows.into_iter().map(|row| (row.0, row)));
    let countries = countries_by_id(conn)?;
    // Ordered oldest first, so the last post inserted per person is their newest.
    let mut posts: HashMap<i32, Localized> = HashMap::new();
    for (person_id, title) in super::by_ids!(appointments::table, appointments::person_id, ids)
        .order((appointments::starts_on, appointments::id))
        .select((
            appointments::person_id,
            (
                appointments::title,
                appointments::title_ms,
                appointments::title_zh,
            ),
        ))
        .load::<(i32, Localized)>(conn)?
    {
        posts.insert(person_id, title);
    }
    Ok(rows
        .into_iter()
        .map(|(id, slug, name, country_id)| PersonItem {
            post: posts.remove(&id),
            country: countries.get(&country_id).cloned().unwrap_or_default(),
            slug,
            name,
        })
        .collect())
}

#[derive(Debug, Queryable, Serialize)]
pub struct Appointment {
    pub title: Localized,
    pub organisation: Option<OrganisationRef>,
    pub starts_on: Option<PartialDate>,
    pub ends_on: Option<PartialDate>,
}

#[derive(Debug, Serialize)]
pub struct PersonDetail {
    pub slug: String,
    pub name: Localized,
    pub country: CountryRef,
    pub appointments: Vec<Appointment>,
    pub agreements: Page<AgreementItem>,
    pub meetings: Page<MeetingItem>,
    pub delegations: Page<DelegationItem>,
    pub mous: Page<MouItem>,
    pub statements: Page<StatementItem>,
}

pub fn detail(conn: &mut SqliteConnection, slug: &Slug) -> DbResult<Option<PersonDetail>> {
    let Some((id, name, country)) = people::table
        .inner_join(countries::table)
        .filter(people::slug.eq(slug.as_str()))
        .select((
            people::id,
            (people::name, people::name_ms, people::name_zh),
            (
                countries::code,
                (countries::name, countries::name_ms, countries::name_zh),
            ),
        ))
        .first::<(i32, Localized, CountryRef)>(conn)
        .found()?
    else {
        return Ok(None);
    };
    let related = ListFilter::with_person(slug).previewing(RELATED_SHOWN);
    Ok(Some(PersonDetail {
        slug: slug.to_string(),
        name,
        country,
        appointments: appointments::table
            .left_join(organisations::table)
            .filter(appointments::person_id.eq(id))
            .order((appointments::starts_on.desc(), appointments::id.desc()))
            .select((
                (
                    appointments::title,
                    appointments::title_ms,
                    appointments::title_zh,
                ),
                (
                    organisations::slug,
                    (
                        organisations::name,
                        organisations::name_ms,
                        organisations::name_zh,
                    ),
                    organisations::short_name,
                )
                    .nullable(),
                appointments::starts_on,
                appointments::ends_on,
            ))
            .load(conn)?,
        agreements: agreements::list(conn, &related)?,
        meetings: meetings::list(conn, &related)?,
        delegations: delegations::list(conn, &related)?,
        mous: mous::list(conn, &related)?,
        statements: statements::list(conn, &related)?,
    }))
}
