//! Organisations: ministries, agencies, universities, institutes and companies.

use super::delegations::{self, DelegationItem};
use super::meetings::{self, MeetingItem};
use super::mous::{self, MouItem};
use super::reference::{CountryRef, OrganisationRef, Page, countries_by_id};
use super::schema::{
    appointments, countries, focus_areas, mou_areas, mou_parties, organisations, people,
};
use super::statements::{self, StatementItem};
use super::{DbResult, OptionalRow, kept};
use crate::domain::{ListFilter, Localized, OrganisationKind, PartialDate, RELATED_SHOWN, Slug};
use diesel::prelude::*;
use diesel::sql_types::Bool;
use diesel::sqlite::Sqlite;
use serde::Serialize;

#[derive(Debug, Serialize)]
pub struct OrganisationItem {
    pub slug: String,
    pub name: Localized,
    pub short_name: Option<String>,
    pub kind: OrganisationKind,
    pub country: CountryRef,
}

pub(crate) type Condition =
    Box<dyn BoxableExpression<organisations::table, Sqlite, SqlType = Bool>>;

pub(crate) fn condition(filter: &ListFilter) -> Condition {
    let mut condition: Condition = Box::new(diesel::IntoSql::into_sql::<Bool>(true));
    if let Some(country) = filter.country {
        let country_id = countries::table
            .filter(countries::code.eq(country.to_string()))
            .select(countries::id);
        condition = Box::new(condition.and(organisations::country_id.eq_any(country_id)));
    }
    if let Some(kind) = filter.kind {
        condition = Box::new(condition.and(organisations::kind.eq(kind)));
    }
    if let Some(area) = &filter.area {
        let party_in_area = mou_parties::table
            .inner_join(mou_areas::table.on(mou_areas::mou_id.eq(mou_parties::mou_id)))
            .inner_join(focus_areas::table.on(focus_areas::id.eq(mou_areas::area_id)))
            .filter(focus_areas::slug.eq(area.to_string()))
            .select(mou_parties::organisation_id);
        condition = Box::new(condition.and(organisations::id.eq_any(party_in_area)));
    }
    condition
}

/// The ids of the records the filter lets through, in the list's order.
pub(crate) fn order(conn: &mut SqliteConnection, filter: &ListFilter) -> DbResult<kept::Order> {
    kept::order("organisations", filter, || {
        Ok(organisations::table
            .filter(condition(filter))
            .order((organisations::name, organisations::id))
            .select(organisations::id)
            .load(conn)?)
    })
}

/// How many records the filter lets through, on every page.
pub fn count(conn: &mut SqliteConnection, filter: &ListFilter) -> DbResult<i64> {
    Ok(order(conn, filter)?.total())
}

/// An organisation as its list shows it: as other pages name it, its kind and its country's id.
type ItemRow = (OrganisationRef, OrganisationKind, i32);

pub fn list(conn: &mut SqliteConnection, filter: &ListFilter) -> DbResult<Page<OrganisationItem>> {
    order(conn, filter)?.page(filter, |shown| items(conn, shown))
}

/// The records with the given ids, in their order.
pub(crate) fn items(conn: &mut SqliteConnection, ids: &[i32]) -> DbResult<Vec<OrganisationItem>> {
    let rows: Vec<(i32, ItemRow)> = super::by_ids!(organisations::table, organisations::id, ids)
        .select((
            organisations::id,
            (
                OrganisationRef::as_select(),
                organisations::kind,
                organisations::country_id,
            ),
        ))
        .load(conn)?;
    let countries = countries_by_id(conn)?;
    Ok(super::in_order(ids, rows)
        .into_iter()
        .map(|(named, kind, country_id)| OrganisationItem {
            country: countries.get(&country_id).cloned().unwrap_or_default(),
            slug: named.slug,
            name: named.name,
            short_name: named.short_name,
            kind,
        })
        .collect())
}

#[derive(Debug, Queryable, Serialize)]
pub struct OrganisationRow {
    #[serde(skip)]
    pub id: i32,
    pub slug: String,
    pub name: Localized,
    pub short_name: Option<String>,
    pub kind: OrganisationKind,
    pub website: Option<String>,
    pub description: Localized,
    pub country: CountryRef,
}

/// Someone who held a post at the organisation.
#[derive(Debug, Queryable, Serialize)]
pub struct Holder {
    pub slug: String,
    pub name: Localized,
    pub title: Localized,
    pub starts_on: Option<PartialDate>,
    pub ends_on: Option<PartialDate>,
}

#[derive(Debug, Serialize)]
pub struct OrganisationDetail {
    pub organisation: OrganisationRow,
    pub people: Vec<Holder>,
    pub mous: Page<MouItem>,
    pub meetings: Page<MeetingItem>,
    pub delegations: Page<DelegationItem>,
    pub statements: Page<StatementItem>,
}

pub fn detail(conn: &mut SqliteConnection, slug: &Slug) -> DbResult<Option<OrganisationDetail>> {
    let Some(organisation) = organisations::table
        .inner_join(countries::table)
        .filter(organisations::slug.eq(slug.as_str()))
        .select((
            organisations::id,
            organisations::slug,
            (
                organisations::name,
                organisations::name_ms,
                organisations::name_zh,
            ),
            organisations::short_name,
            organisations::kind,
            organisations::website,
            (
                organisations::description,
                organisations::description_ms,
                organisations::description_zh,
            ),
            (
                countries::code,
                (countries::name, countries::name_ms, countries::name_zh),
            ),
        ))
        .first::<OrganisationRow>(conn)
        .found()?
    else {
        return Ok(None);
    };
    let related = ListFilter::with_organisation(slug).previewing(RELATED_SHOWN);
    Ok(Some(OrganisationDetail {
        people: appointments::table
            .inner_join(people::table)
            .filter(appointments::organisation_id.eq(organisation.id))
            .order((appointments::starts_on.desc(), people::name))
            .select((
                people::slug,
                (people::name, people::name_ms, people::name_zh),
                (
                    appointments::title,
                    appointments::title_ms,
                    appointments::title_zh,
                ),
                appointments::starts_on,
                appointments::ends_on,
            ))
            .load(conn)?,
        mous: mous::list(conn, &related)?,
        meetings: meetings::list(conn, &related)?,
        delegations: delegations::list(conn, &related)?,
        statements: statements::list(conn, &related)?,
        organisation,
    }))
}
