//! Sessions of the joint bodies set up under the agreements.

use super::mous::{self, MouItem, SigningPlace};
use super::reference::{Named, OrganisationRef, Page};
use super::schema::{
    agreements, countries, delegations, focus_areas, itinerary_stops, meeting_areas,
    meeting_co_chairs, meeting_organisations, meetings, organisations, people,
};
use super::statements::{self, StatementItem, Subject};
use super::{DbResult, OptionalRow, kept};
use crate::domain::{ListFilter, Localized, PartialDate, Slug};
use diesel::prelude::*;
use diesel::sql_types::Bool;
use diesel::sqlite::Sqlite;
use serde::Serialize;

#[derive(Debug, Queryable, Selectable, Serialize)]
#[diesel(table_name = meetings)]
pub struct MeetingItem {
    pub slug: String,
    #[diesel(select_expression = (meetings::title, meetings::title_ms, meetings::title_zh))]
    pub title: Localized,
    #[diesel(select_expression = (meetings::joint_body, meetings::joint_body_ms, meetings::joint_body_zh))]
    pub joint_body: Localized,
    pub held_on: Option<PartialDate>,
    #[diesel(select_expression = (meetings::place, meetings::place_ms, meetings::place_zh))]
    pub place: Localized,
}

pub(crate) type Condition = Box<dyn BoxableExpression<meetings::table, Sqlite, SqlType = Bool>>;

pub(crate) fn condition(filter: &ListFilter) -> Condition {
    let mut condition: Condition = Box::new(diesel::IntoSql::into_sql::<Bool>(true));
    if let Some(area) = &filter.area {
        let in_area = meeting_areas::table
            .inner_join(focus_areas::table)
            .filter(focus_areas::slug.eq(area.to_string()))
            .select(meeting_areas::meeting_id);
        condition = Box::new(condition.and(meetings::id.eq_any(in_area)));
    }
    if let Some(organisation) = &filter.organisation {
        let with = meeting_organisations::table
            .inner_join(organisations::table)
            .filter(organisations::slug.eq(organisation.to_string()))
            .select(meeting_organisations::meeting_id);
        condition = Box::new(condition.and(meetings::id.eq_any(with)));
    }
    if let Some(country) = filter.country {
        let with_organisation_from = meeting_organisations::table
            .inner_join(organisations::table.inner_join(countries::table))
            .filter(countries::code.eq(country.to_string()))
            .select(meeting_organisations::meeting_id);
        condition = Box::new(condition.and(meetings::id.eq_any(with_organisation_from)));
    }
    if let Some(person) = &filter.person {
        let chaired_by = meeting_co_chairs::table
            .inner_join(people::table)
            .filter(people::slug.eq(person.to_string()))
            .select(meeting_co_chairs::meeting_id);
        condition = Box::new(condition.and(meetings::id.eq_any(chaired_by)));
    }
    if let Some(agreement) = &filter.agreement {
        let under = agreements::table
            .filter(agreements::slug.eq(agreement.to_string()))
            .select(agreements::id.nullable());
        condition = Box::new(condition.and(meetings::agreement_id.eq_any(under).assume_not_null()));
    }
    if let Some(year) = filter.year {
        let (from, until) = year.text_range();
        let held_on = meetings::held_on.assume_not_null();
        condition = Box::new(condition.and(held_on.ge(from)).and(held_on.lt(until)));
    }
    condition
}

/// The ids of the records the filter lets through, in the list's order.
pub(crate) fn order(conn: &mut SqliteConnection, filter: &ListFilter) -> DbResult<kept::Order> {
    kept::order("meetings", filter, || {
        Ok(meetings::table
            .filter(condition(filter))
            .order((meetings::held_on.desc(), meetings::id.desc()))
            .select(meetings::id)
            .load(conn)?)
    })
}

/// How many records the filter lets through, on every page.
pub fn count(conn: &mut SqliteConnection, filter: &ListFilter) -> DbResult<i64> {
    Ok(order(conn, filter)?.total())
}

pub fn list(conn: &mut SqliteConnection, filter: &ListFilter) -> DbResult<Page<MeetingItem>> {
    order(conn, filter)?.page(filter, |shown| items(conn, shown))
}

/// The records with the given ids, in their order.
pub(crate) fn items(conn: &mut SqliteConnection, ids: &[i32]) -> DbResult<Vec<MeetingItem>> {
    let rows: Vec<(i32, MeetingItem)> = super::by_ids!(meetings::table, meetings::id, ids)
        .select((meetings::id, MeetingItem::as_select()))
        .load(conn)?;
    Ok(super::in_order(ids, rows))
}

#[derive(Debug, Queryable, Selectable, Serialize)]
#[diesel(table_name = meetings)]
pub struct MeetingRow {
    #[serde(skip)]
    pub id: i32,
    pub slug: String,
    #[diesel(select_expression = (meetings::title, meetings::title_ms, meetings::title_zh))]
    pub title: Localized,
    #[diesel(select_expression = (meetings::joint_body, meetings::joint_body_ms, meetings::joint_body_zh))]
    pub joint_body: Localized,
    pub ordinal: Option<i32>,
    pub held_on: Option<PartialDate>,
    #[diesel(select_expression = (meetings::place, meetings::place_ms, meetings::place_zh))]
    pub place: Localized,
    #[diesel(select_expression = (meetings::summary, meetings::summary_ms, meetings::summary_zh))]
    pub summary: Localized,
    #[diesel(select_expression = (meetings::outcomes, meetings::outcomes_ms, meetings::outcomes_zh))]
    pub outcomes: Localized,
    #[serde(skip)]
    pub agreement_id: Option<i32>,
}

#[derive(Debug, Serialize)]
pub struct MeetingDetail {
    pub meeting: MeetingRow,
    pub agreement: Option<Named>,
    pub co_chairs: Vec<Named>,
    pub organisations: Vec<OrganisationRef>,
    pub areas: Vec<Named>,
    /// The delegation visit during which the meeting took place.
    pub during: Option<Named>,
    pub mous_signed: Vec<MouItem>,
    pub statements: Vec<StatementItem>,
}

pub fn detail(conn: &mut SqliteConnection, slug: &Slug) -> DbResult<Option<MeetingDetail>> {
    let Some(meeting) = meetings::table
        .filter(meetings::slug.eq(slug.as_str()))
        .select(MeetingRow::as_select())
        .first(conn)
        .found()?
    else {
        return Ok(None);
    };
    let id = meeting.id;
    let agreement = match meeting.agreement_id {
        Some(agreement_id) => agreements::table
            .find(agreement_id)
            .select((
                agreements::slug,
                (
                    agreements::title,
                    agreements::title_ms,
                    agreements::title_zh,
                ),
            ))
            .first(conn)
            .found()?,
        None => None,
    };
    Ok(Some(MeetingDetail {
        agreement,
        co_chairs: meeting_co_chairs::table
            .inner_join(people::table)
            .filter(meeting_co_chairs::meeting_id.eq(id))
            .order(meeting_co_chairs::position)
            .select((
                people::slug,
                (people::name, people::name_ms, people::name_zh),
            ))
            .load(conn)?,
        organisations: meeting_organisations::table
            .inner_join(organisations::table)
            .filter(meeting_organisations::meeting_id.eq(id))
            .order(organisations::name)
            .select(OrganisationRef::as_select())
            .load(conn)?,
        areas: meeting_areas::table
            .inner_join(focus_areas::table)
            .filter(meeting_areas::meeting_id.eq(id))
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
        during: itinerary_stops::table
            .inner_join(delegations::table)
            .filter(itinerary_stops::meeting_id.eq(id))
            .select((
                delegations::slug,
                (
                    delegations::title,
                    delegations::title_ms,
                    delegations::title_zh,
                ),
            ))
            .first(conn)
            .found()?,
        mous_signed: mous::signed_at(conn, SigningPlace::Meeting(id))?,
        statements: statements::about(conn, Subject::Meeting(id))?,
        meeting,
    }))
}
