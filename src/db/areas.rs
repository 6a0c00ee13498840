//! Focus areas of the cooperation, and everything filed under each.

use super::agreements::{self, AgreementItem};
use super::delegations::{self, DelegationItem};
use super::meetings::{self, MeetingItem};
use super::mous::{self, MouItem};
use super::organisations::{self, OrganisationItem};
use super::reference::{Named, Page};
use super::schema::{
    agreement_areas, delegation_areas, focus_areas, meeting_areas, mou_areas, statement_subjects,
};
use super::statements::{self, StatementItem};
use super::{DbResult, OptionalRow};
use crate::domain::{ListFilter, Localized, PageNumber, Slug};
use diesel::prelude::*;
use serde::Serialize;

/// An area with how much is filed under it.
#[derive(Debug, Queryable, Serialize)]
pub struct AreaItem {
    pub slug: String,
    pub name: Localized,
    pub description: Localized,
    pub agreement_count: i64,
    pub meeting_count: i64,
    pub delegation_count: i64,
    pub mou_count: i64,
    pub statement_count: i64,
}

impl AreaItem {
    /// Everything filed under the area: agreements, meetings, visits, MoUs and statements.
    pub fn record_count(&self) -> i64 {
        self.agreement_count
            + self.meeting_count
            + self.delegation_count
            + self.mou_count
            + self.statement_count
    }
}

/// Every area, with counts; there are few areas, so they are listed on one page.
pub fn list(conn: &mut SqliteConnection) -> DbResult<Vec<AreaItem>> {
    let agreement_count = agreement_areas::table
        .filter(agreement_areas::area_id.eq(focus_areas::id))
        .count()
        .single_value()
        .assume_not_null();
    let meeting_count = meeting_areas::table
        .filter(meeting_areas::area_id.eq(focus_areas::id))
        .count()
        .single_value()
        .assume_not_null();
    let delegation_count = delegation_areas::table
        .filter(delegation_areas::area_id.eq(focus_areas::id))
        .count()
        .single_value()
        .assume_not_null();
    let mou_count = mou_areas::table
        .filter(mou_areas::area_id.eq(focus_areas::id))
        .count()
        .single_value()
        .assume_not_null();
    let statement_count = statement_subjects::table
        .filter(statement_subjects::area_id.eq(focus_areas::id.nullable()))
        .count()
        .single_value()
        .assume_not_null();
    Ok(focus_areas::table
        .order(focus_areas::name)
        .select((
            focus_areas::slug,
            (
                focus_areas::name,
                focus_areas::name_ms,
                focus_areas::name_zh,
            ),
            (
                focus_areas::description,
                focus_areas::description_ms,
                focus_areas::description_zh,
            ),
            agreement_count,
            meeting_count,
            delegation_count,
            mou_count,
            statement_count,
        ))
        .load(conn)?)
}

/// Every area's slug and name, for forms that file records under areas.
pub fn names(conn: &mut SqliteConnection) -> DbResult<Vec<Named>> {
    Ok(focus_areas::table
        .order(focus_areas::name)
        .select((
            focus_areas::slug,
            (
                focus_areas::name,
                focus_areas::name_ms,
                focus_areas::name_zh,
            ),
        ))
        .load(conn)?)
}

/// Every area as one page of a list, so that areas are served like the other collections; there
/// is no second page.
pub fn page(conn: &mut SqliteConnection, filter: &ListFilter) -> DbResult<Page<AreaItem>> {
    let items = if filter.page == PageNumber::FIRST {
        list(conn)?
    } else {
        Vec::new()
    };
    let total: i64 = focus_areas::table.count().get_result(conn)?;
    Ok(Page::new(items, total, filter))
}

#[derive(Debug, Serialize)]
pub struct AreaDetail {
    pub slug: String,
    pub name: Localized,
    pub description: Localized,
    pub agreements: Page<AgreementItem>,
    pub meetings: Page<MeetingItem>,
    pub delegations: Page<DelegationItem>,
    pub mous: Page<MouItem>,
    pub organisations: Page<OrganisationItem>,
    pub statements: Page<StatementItem>,
}

pub fn detail(conn: &mut SqliteConnection, slug: &Slug) -> DbResult<Option<AreaDetail>> {
    let Some((name, description)) = focus_areas::table
        .filter(focus_areas::slug.eq(slug.as_str()))
        .select((
            (
                focus_areas::name,
                focus_areas::name_ms,
                focus_areas::name_zh,
            ),
            (
                focus_areas::description,
                focus_areas::description_ms,
                focus_areas::description_zh,
            ),
        ))
        .first::<(Localized, Localized)>(conn)
        .found()?
    else {
        return Ok(None);
    };
    let related = ListFilter::with_area(slug);
    Ok(Some(AreaDetail {
        slug: slug.to_string(),
        name,
        description,
        agreements: agreements::list(conn, &related)?,
        meetings: meetings::list(conn, &related)?,
        delegations: delegations::list(conn, &related)?,
        mous: mous::list(conn, &related)?,
        organisations: organisations::list(conn, &related)?,
        statements: statements::list(conn, &related)?,
    }))
}
