//! Government-to-government agreements.

use super::documents::{self, Owner};
use super::meetings::{self, MeetingItem};
use super::mous::{DocumentRef, StatusEvent};
use super::reference::{CountryRef, Named, Page};
use super::schema::{
    agreement_areas, agreement_parties, agreement_signatories, agreement_status_events, agreements,
    countries, focus_areas, people,
};
use super::statements::{self, StatementItem, Subject};
use super::{DbResult, OptionalRow, kept};
use crate::domain::{ListFilter, Localized, PartialDate, RELATED_SHOWN, RecordStatus, Slug};
use diesel::prelude::*;
use diesel::sql_types::Bool;
use diesel::sqlite::Sqlite;
use foldhash::{HashMap, HashMapExt};
use serde::Serialize;

#[derive(Debug, Queryable, Selectable)]
#[diesel(table_name = agreements)]
struct AgreementRow {
    id: i32,
    slug: String,
    #[diesel(select_expression = (agreements::title, agreements::title_ms, agreements::title_zh))]
    title: Localized,
    signed_on: Option<PartialDate>,
    #[diesel(select_expression = (agreements::signed_at, agreements::signed_at_ms, agreements::signed_at_zh))]
    signed_at: Localized,
    status: RecordStatus,
}

#[derive(Debug, Serialize)]
pub struct AgreementItem {
    pub slug: String,
    pub title: Localized,
    pub signed_on: Option<PartialDate>,
    pub signed_at: Localized,
    pub status: RecordStatus,
    pub parties: Vec<CountryRef>,
}

pub(crate) type Condition = Box<dyn BoxableExpression<agreements::table, Sqlite, SqlType = Bool>>;

pub(crate) fn condition(filter: &ListFilter) -> Condition {
    let mut condition: Condition = Box::new(diesel::IntoSql::into_sql::<Bool>(true));
    if let Some(area) = &filter.area {
        let in_area = agreement_areas::table
            .inner_join(focus_areas::table)
            .filter(focus_areas::slug.eq(area.to_string()))
            .select(agreement_areas::agreement_id);
        condition = Box::new(condition.and(agreements::id.eq_any(in_area)));
    }
    if let Some(country) = filter.country {
        let with_party = agreement_parties::table
            .inner_join(countries::table)
            .filter(countries::code.eq(country.to_string()))
            .select(agreement_parties::agreement_id);
        condition = Box::new(condition.and(agreements::id.eq_any(with_party)));
    }
    if let Some(person) = &filter.person {
        let signed_by = agreement_signatories::table
            .inner_join(people::table)
            .filter(people::slug.eq(person.to_string()))
            .select(agreement_signatories::agreement_id);
        condition = Box::new(condition.and(agreements::id.eq_any(signed_by)));
    }
    if let Some(status) = filter.status {
        condition = Box::new(condition.and(agreements::status.eq(status)));
    }
    if let Some(year) = filter.year {
        let (from, until) = year.text_range();
        let signed_on = agreements::signed_on.assume_not_null();
        condition = Box::new(condition.and(signed_on.ge(from)).and(signed_on.lt(until)));
    }
    condition
}

/// The ids of the records the filter lets through, in the list's order.
pub(crate) fn order(conn: &mut SqliteConnection, filter: &ListFilter) -> DbResult<kept::Order> {
    kept::order("agreements", filter, || {
        Ok(agreements::table
            .filter(condition(filter))
            .order((agreements::signed_on.desc(), agreements::id.desc()))
            .select(agreements::id)
            .load(conn)?)
    })
}

/// How many records the filter lets through, on every page.
pub fn count(conn: &mut SqliteConnection, filter: &ListFilter) -> DbResult<i64> {
    Ok(order(conn, filter)?.total())
}

pub fn list(conn: &mut SqliteConnection, filter: &ListFilter) -> DbResult<Page<AgreementItem>> {
    order(conn, filter)?.page(filter, |shown| items(conn, shown))
}

/// The records with the given ids, in their order.
pub(crate) fn items(conn: &mut SqliteConnection, ids: &[i32]) -> DbResult<Vec<AgreementItem>> {
    let rows: Vec<AgreementRow> = super::by_ids!(agreements::table, agreements::id, ids)
        .select(AgreementRow::as_select())
        .load(conn)?;
    let rows = super::in_order(ids, rows.into_iter().map(|row| (row.id, row)));
    let mut parties: HashMap<i32, Vec<CountryRef>> = HashMap::new();
    for (agreement_id, country) in super::by_ids!(
        agreement_parties::table,
        agreement_parties::agreement_id,
        ids
    )
    .inner_join(countries::table.on(countries::id.eq(agreement_parties::country_id)))
    .order(countries::name)
    .select((
        agreement_parties::agreement_id,
        (
            countries::code,
            (countries::name, countries::name_ms, countries::name_zh),
        ),
    ))
    .load::<(i32, CountryRef)>(conn)?
    {
        parties.entry(agreement_id).or_default().push(country);
    }
    Ok(rows
        .into_iter()
        .map(|row| AgreementItem {
            parties: parties.remove(&row.id).unwrap_or_default(),
            slug: row.slug,
            title: row.title,
            signed_on: row.signed_on,
            signed_at: row.signed_at,
            status: row.status,
        })
        .collect())
}

#[derive(Debug, Queryable, Selectable, Serialize)]
#[diesel(table_name = agreements)]
pub struct AgreementDetailRow {
    #[serde(skip)]
    pub id: i32,
    pub slug: String,
    #[diesel(select_expression = (agreements::title, agreements::title_ms, agreements::title_zh))]
    pub title: Localized,
    pub signed_on: Option<PartialDate>,
    #[diesel(select_expression = (agreements::signed_at, agreements::signed_at_ms, agreements::signed_at_zh))]
    pub signed_at: Localized,
    #[diesel(select_expression = (agreements::summary, agreements::summary_ms, agreements::summary_zh))]
    pub summary: Localized,
    pub status: RecordStatus,
}

#[derive(Debug, Serialize)]
pub struct AgreementDetail {
    pub agreement: AgreementDetailRow,
    pub parties: Vec<CountryRef>,
    pub signatories: Vec<Named>,
    pub areas: Vec<Named>,
    pub history: Vec<StatusEvent>,
    pub documents: Vec<DocumentRef>,
    pub meetings: Page<MeetingItem>,
    pub statements: Vec<StatementItem>,
}

pub fn detail(conn: &mut SqliteConnection, slug: &Slug) -> DbResult<Option<AgreementDetail>> {
    let Some(agreement) = agreements::table
        .filter(agreements::slug.eq(slug.as_str()))
        .select(AgreementDetailRow::as_select())
        .first(conn)
        .found()?
    else {
        return Ok(None);
    };
    let id = agreement.id;
    Ok(Some(AgreementDetail {
        parties: agreement_parties::table
            .inner_join(countries::table)
            .filter(agreement_parties::agreement_id.eq(id))
            .order(countries::name)
            .select((
                countries::code,
                (countries::name, countries::name_ms, countries::name_zh),
            ))
            .load(conn)?,
        signatories: agreement_signatories::table
            .inner_join(people::table)
            .filter(agreement_signatories::agreement_id.eq(id))
            .order(people::name)
            .select((
                people::slug,
                (people::name, people::name_ms, people::name_zh),
            ))
            .load(conn)?,
        areas: agreement_areas::table
            .inner_join(focus_areas::table)
            .filter(agreement_areas::agreement_id.eq(id))
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
        history: agreement_status_events::table
            .filter(agreement_status_events::agreement_id.eq(id))
            .order((
                agreement_status_events::occurred_on,
                agreement_status_events::id,
            ))
            .select((
                agreement_status_events::status,
                agreement_status_events::occurred_on,
                (
                    agreement_status_events::note,
                    agreement_status_events::note_ms,
                    agreement_status_events::note_zh,
                ),
            ))
            .load(conn)?,
        documents: documents::attached(conn, Owner::Agreement(id))?,
        meetings: meetings::list(
            conn,
            &ListFilter::with_agreement(slug).previewing(RELATED_SHOWN),
        )?,
        statements: statements::about(conn, Subject::Agreement(id))?,
        agreement,
    }))
}
