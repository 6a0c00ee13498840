//! Memoranda of understanding between organisations.

use super::documents::{self, Owner};
use super::reference::{Named, OrganisationRef, Page, organisation_refs};
use super::schema::{
    countries, delegations, focus_areas, itinerary_stops, meetings, mou_areas, mou_parties,
    mou_status_events, mou_witnesses, mous, organisations, people,
};
use super::stamp::MaybeDay;
use super::statements::{self, StatementItem, Subject};
use super::{DbResult, OptionalRow, kept};
use crate::domain::{ListFilter, Localized, PartialDate, RecordStatus, Slug};
use chrono::NaiveDate;
use diesel::prelude::*;
use diesel::sql_types::Bool;
use diesel::sqlite::Sqlite;
use serde::Serialize;
use std::rc::Rc;

#[derive(Debug, Queryable, Selectable)]
#[diesel(table_name = mous)]
struct MouRow {
    id: i32,
    slug: String,
    #[diesel(select_expression = (mous::title, mous::title_ms, mous::title_zh))]
    title: Localized,
    signed_on: Option<PartialDate>,
    #[diesel(select_expression = (mous::place, mous::place_ms, mous::place_zh))]
    place: Localized,
    status: RecordStatus,
    /// The parties as `position:organisation_id` pairs, separated by commas, in no order.
    party_ids: String,
}

/// The organisation ids of `position:organisation_id` pairs, by position.
fn parties_in_order(party_ids: &str) -> Vec<i32> {
    let mut parties: Vec<(i32, i32)> = party_ids
        .split(',')
        .filter_map(|pair| {
            let (position, id) = pair.split_once(':')?;
            Some((position.parse().ok()?, id.parse().ok()?))
        })
        .collect();
    parties.sort_unstable();
    parties.into_iter().map(|(_, id)| id).collect()
}

/// An MoU as lists show it.
#[derive(Debug, Serialize)]
pub struct MouItem {
    pub slug: String,
    pub title: Localized,
    pub signed_on: Option<PartialDate>,
    pub place: Localized,
    pub status: RecordStatus,
    pub parties: Vec<Rc<OrganisationRef>>,
}

pub(crate) type Condition = Box<dyn BoxableExpression<mous::table, Sqlite, SqlType = Bool>>;

pub(crate) fn condition(filter: &ListFilter) -> Condition {
    let mut condition: Condition = Box::new(diesel::IntoSql::into_sql::<Bool>(true));
    if let Some(area) = &filter.area {
        let in_area = mou_areas::table
            .inner_join(focus_areas::table)
            .filter(focus_areas::slug.eq(area.to_string()))
            .select(mou_areas::mou_id);
        condition = Box::new(condition.and(mous::id.eq_any(in_area)));
    }
    if let Some(organisation) = &filter.organisation {
        let with_party = mou_parties::table
            .inner_join(organisations::table)
            .filter(organisations::slug.eq(organisation.to_string()))
            .select(mou_parties::mou_id);
        condition = Box::new(condition.and(mous::id.eq_any(with_party)));
    }
    if let Some(country) = filter.country {
        let with_party_from = mou_parties::table
            .inner_join(organisations::table.inner_join(countries::table))
            .filter(countries::code.eq(country.to_string()))
            .select(mou_parties::mou_id);
        condition = Box::new(condition.and(mous::id.eq_any(with_party_from)));
    }
    if let Some(person) = &filter.person {
        let witnessed_by = mou_witnesses::table
            .inner_join(people::table)
            .filter(people::slug.eq(person.to_string()))
            .select(mou_witnesses::mou_id);
        condition = Box::new(condition.and(mous::id.eq_any(witnessed_by)));
    }
    if let Some(status) = filter.status {
        condition = Box::new(condition.and(mous::status.eq(status)));
    }
    if let Some(year) = filter.year {
        let (from, until) = year.text_range();
        let signed_on = mous::signed_on.assume_not_null();
        condition = Box::new(condition.and(signed_on.ge(from)).and(signed_on.lt(until)));
    }
    condition
}

/// The ids of the records the filter lets through, in the list's order.
pub(crate) fn order(conn: &mut SqliteConnection, filter: &ListFilter) -> DbResult<kept::Order> {
    kept::order("mous", filter, || {
        Ok(mous::table
            .filter(condition(filter))
            .order((mous::signed_on.desc(), mous::id.desc()))
            .select(mous::id)
            .load(conn)?)
    })
}

/// How many records the filter lets through, on every page.
pub fn count(conn: &mut SqliteConnection, filter: &ListFilter) -> DbResult<i64> {
    Ok(order(conn, filter)?.total())
}

pub fn list(conn: &mut SqliteConnection, filter: &ListFilter) -> DbResult<Page<MouItem>> {
    order(conn, filter)?.page(filter, |shown| items(conn, shown))
}

/// The records with the given ids, in their order.
pub(crate) fn items(conn: &mut SqliteConnection, ids: &[i32]) -> DbResult<Vec<MouItem>> {
    let rows = super::by_ids!(mous::table, mous::id, ids)
        .select(MouRow::as_select())
        .load(conn)?;
    let rows = super::in_order(ids, rows.into_iter().map(|row| (row.id, row)));
    with_parties(conn, rows)
}

/// The MoUs signed at a meeting or at one of a delegation's stops.
pub fn signed_at(conn: &mut SqliteConnection, place: SigningPlace) -> DbResult<Vec<MouItem>> {
    let query = mous::table
        .order((mous::signed_on.desc(), mous::id.desc()))
        .select(MouRow::as_select());
    let rows = match place {
        SigningPlace::Meeting(id) => query.filter(mous::meeting_id.eq(id)).load(conn)?,
        SigningPlace::Delegation(id) => query
            .filter(
                mous::itinerary_stop_id.eq_any(
                    itinerary_stops::table
                        .filter(itinerary_stops::delegation_id.eq(id))
                        .select(itinerary_stops::id.nullable()),
                ),
            )
            .load(conn)?,
    };
    with_parties(conn, rows)
}

pub enum SigningPlace {
    Meeting(i32),
    Delegation(i32),
}

fn with_parties(conn: &mut SqliteConnection, rows: Vec<MouRow>) -> DbResult<Vec<MouItem>> {
    let parties: Vec<Vec<i32>> = rows
        .iter()
        .map(|row| parties_in_order(&row.party_ids))
        .collect();
    let organisations = organisation_refs(conn, &parties.concat())?;
    Ok(rows
        .into_iter()
        .zip(parties)
        .map(|(row, parties)| MouItem {
            parties: parties
                .iter()
                .filter_map(|id| organisations.get(id).cloned())
                .collect(),
            slug: row.slug,
            title: row.title,
            signed_on: row.signed_on,
            place: row.place,
            status: row.status,
        })
        .collect())
}

#[derive(Debug, Queryable, Serialize)]
pub struct StatusEvent {
    pub status: RecordStatus,
    pub occurred_on: Option<PartialDate>,
    pub note: Localized,
}

#[derive(Debug, Clone, Queryable, Serialize)]
pub struct DocumentRef {
    pub title: Localized,
    pub file_name: String,
    pub byte_size: i32,
    pub sha256: String,
}

#[derive(Debug, Queryable, Serialize)]
pub struct PartyRef {
    pub slug: String,
    pub name: Localized,
    pub short_name: Option<String>,
    pub country: Localized,
}

/// The delegation stop where an MoU was signed.
#[derive(Debug, Queryable, Serialize)]
pub struct StopRef {
    pub delegation_slug: String,
    pub delegation_title: Localized,
    pub stop_title: Localized,
}

#[derive(Debug, Queryable, Selectable)]
#[diesel(table_name = mous)]
struct MouDetailRow {
    id: i32,
    slug: String,
    #[diesel(select_expression = (mous::title, mous::title_ms, mous::title_zh))]
    title: Localized,
    signed_on: Option<PartialDate>,
    #[diesel(select_expression = (mous::place, mous::place_ms, mous::place_zh))]
    place: Localized,
    #[diesel(select_expression = (mous::purpose, mous::purpose_ms, mous::purpose_zh))]
    purpose: Localized,
    status: RecordStatus,
    #[diesel(deserialize_as = MaybeDay)]
    valid_until: Option<NaiveDate>,
    meeting_id: Option<i32>,
    itinerary_stop_id: Option<i32>,
    renews_mou_id: Option<i32>,
}

#[derive(Debug, Serialize)]
pub struct MouDetail {
    pub slug: String,
    pub title: Localized,
    pub signed_on: Option<PartialDate>,
    pub place: Localized,
    pub purpose: Localized,
    pub status: RecordStatus,
    pub valid_until: Option<NaiveDate>,
    pub parties: Vec<PartyRef>,
    pub witnesses: Vec<Named>,
    pub areas: Vec<Named>,
    pub meeting: Option<Named>,
    pub signed_during: Option<StopRef>,
    pub renews: Option<Named>,
    pub renewed_by: Vec<Named>,
    pub history: Vec<StatusEvent>,
    pub documents: Vec<DocumentRef>,
    pub statements: Vec<StatementItem>,
}

impl MouDetail {
    /// The languages its title has been written in.
    pub fn languages(&self) -> Vec<crate::i18n::Lang> {
        self.title.languages().collect()
    }
}

pub fn detail(conn: &mut SqliteConnection, slug: &Slug) -> DbResult<Option<MouDetail>> {
    let Some(row) = mous::table
        .filter(mous::slug.eq(slug.as_str()))
        .select(MouDetailRow::as_select())
        .first(conn)
        .found()?
    else {
        return Ok(None);
    };
    let parties = mou_parties::table
        .inner_join(organisations::table.inner_join(countries::table))
        .filter(mou_parties::mou_id.eq(row.id))
        .order(mou_parties::position)
        .select((
            organisations::slug,
            (
                organisations::name,
                organisations::name_ms,
                organisations::name_zh,
            ),
            organisations::short_name,
            (countries::name, countries::name_ms, countries::name_zh),
        ))
        .load(conn)?;
    let witnesses = mou_witnesses::table
        .inner_join(people::table)
        .filter(mou_witnesses::mou_id.eq(row.id))
        .order(people::name)
        .select((
            people::slug,
            (people::name, people::name_ms, people::name_zh),
        ))
        .load(conn)?;
    let areas = mou_areas::table
        .inner_join(focus_areas::table)
        .filter(mou_areas::mou_id.eq(row.id))
        .order(focus_areas::name)
        .select((
            focus_areas::slug,
            (
                focus_areas::name,
                focus_areas::name_ms,
                focus_areas::name_zh,
            ),
        ))
        .load(conn)?;
    let meeting = match row.meeting_id {
        Some(id) => meetings::table
            .find(id)
            .select((
                meetings::slug,
                (meetings::title, meetings::title_ms, meetings::title_zh),
            ))
            .first(conn)
            .found()?,
        None => None,
    };
    let signed_during = match row.itinerary_stop_id {
        Some(id) => itinerary_stops::table
            .inner_join(delegations::table)
            .filter(itinerary_stops::id.eq(id))
            .select((
                delegations::slug,
                (
                    delegations::title,
                    delegations::title_ms,
                    delegations::title_zh,
                ),
                (
                    itinerary_stops::title,
                    itinerary_stops::title_ms,
                    itinerary_stops::title_zh,
                ),
            ))
            .first(conn)
            .found()?,
        None => None,
    };
    let renews = match row.renews_mou_id {
        Some(id) => mous::table
            .find(id)
            .select((mous::slug, (mous::title, mous::title_ms, mous::title_zh)))
            .first(conn)
            .found()?,
        None => None,
    };
    let renewed_by = mous::table
        .filter(mous::renews_mou_id.eq(row.id))
        .order(mous::signed_on.desc())
        .select((mous::slug, (mous::title, mous::title_ms, mous::title_zh)))
        .load(conn)?;
    let history = mou_status_events::table
        .filter(mou_status_events::mou_id.eq(row.id))
        .order((mou_status_events::occurred_on, mou_status_events::id))
        .select((
            mou_status_events::status,
            mou_status_events::occurred_on,
            (
                mou_status_events::note,
                mou_status_events::note_ms,
                mou_status_events::note_zh,
            ),
        ))
        .load(conn)?;
    let documents = documents::attached(conn, Owner::Mou(row.id))?;
    Ok(Some(MouDetail {
        slug: row.slug,
        title: row.title,
        signed_on: row.signed_on,
        place: row.place,
        purpose: row.purpose,
        status: row.status,
        valid_until: row.valid_until,
        parties,
        witnesses,
        areas,
        meeting,
        signed_during,
        renews,
        renewed_by,
        history,
        documents,
        statements: statements::about(conn, Subject::Mou(row.id))?,
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parties_come_in_the_order_of_their_positions() {
        assert_eq!(parties_in_order("2:30,0:12,1:7"), [12, 7, 30]);
        assert_eq!(parties_in_order(""), Vec::<i32>::new());
    }
}
