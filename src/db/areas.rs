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
use super::{DbResult, OptionalRow, kept};
use crate::domain::{ListFilter, Localized, PageNumber, RELATED_SHOWN, Slug};
use diesel::dsl::count_star;
use diesel::prelude::*;
use foldhash::{HashMap, HashMapExt};
use serde::Serialize;
use std::rc::Rc;

/// An area with how much is filed under it.
#[derive(Debug, Serialize)]
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

/// How much is filed under each area, by area id: agreements, meetings, visits, MoUs, statements.
type Counts = HashMap<i32, [i64; 5]>;

/// Counting what is filed under the areas reads every link row, so it is done once per write
/// generation.
fn counts(conn: &mut SqliteConnection) -> DbResult<Rc<Counts>> {
    kept::kept(
        ("area counts", String::new()),
        |counts: &Counts| counts.len() * 48,
        || {
            let per_kind: [Vec<(i32, i64)>; 5] = [
                agreement_areas::table
                    .group_by(agreement_areas::area_id)
                    .select((agreement_areas::area_id, count_star()))
                    .load(conn)?,
                meeting_areas::table
                    .group_by(meeting_areas::area_id)
                    .select((meeting_areas::area_id, count_star()))
                    .load(conn)?,
                delegation_areas::table
                    .group_by(delegation_areas::area_id)
                    .select((delegation_areas::area_id, count_star()))
                    .load(conn)?,
                mou_areas::table
                    .group_by(mou_areas::area_id)
                    .select((mou_areas::area_id, count_star()))
                    .load(conn)?,
                statement_subjects::table
                    .filter(statement_subjects::area_id.is_not_null())
                    .group_by(statement_subjects::area_id)
                    .select((statement_subjects::area_id.assume_not_null(), count_star()))
                    .load(conn)?,
            ];
            let mut counts = Counts::new();
            for (kind, rows) in per_kind.into_iter().enumerate() {
                for (area, count) in rows {
                    counts.entry(area).or_default()[kind] = count;
                }
            }
            Ok(counts)
        },
    )
}

/// An area's name and its description, each in every language, as columns to select.
type Texts = (
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
);

pub(crate) fn texts() -> Texts {
    Texts::default()
}

/// Every area's id, by name. There are few areas, so they are listed on one page.
pub(crate) fn order(conn: &mut SqliteConnection) -> DbResult<kept::Order> {
    kept::order_of("areas", String::new(), || {
        Ok(focus_areas::table
            .order((focus_areas::name, focus_areas::id))
            .select(focus_areas::id)
            .load(conn)?)
    })
}

/// Every area, with counts.
pub fn list(conn: &mut SqliteConnection) -> DbResult<Vec<AreaItem>> {
    let order = order(conn)?;
    items(conn, order.ids())
}

/// An area's id, slug, name and description.
type ItemRow = (i32, String, (Localized, Localized));

/// The areas with the given ids, in their order, with counts. There are few areas, and reading
/// them all costs less than looking the ids up (SQLite would read the list of ids once per area).
pub(crate) fn items(conn: &mut SqliteConnection, ids: &[i32]) -> DbResult<Vec<AreaItem>> {
    let counts = counts(conn)?;
    let rows: Vec<(i32, ItemRow)> = focus_areas::table
        .select((
            focus_areas::id,
            (focus_areas::id, focus_areas::slug, texts()),
        ))
        .load(conn)?;
    Ok(super::in_order(ids, rows)
        .into_iter()
        .map(|(id, slug, (name, description))| {
            let [agreements, meetings, delegations, mous, statements] =
                counts.get(&id).copied().unwrap_or_default();
            AreaItem {
                slug,
                name,
                description,
                agreement_count: agreements,
                meeting_count: meetings,
                delegation_count: delegations,
                mou_count: mous,
                statement_count: statements,
            }
        })
        .collect())
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
    let order = order(conn)?;
    let items = if filter.page == PageNumber::FIRST {
        items(conn, order.ids())?
    } else {
        Vec::new()
    };
    Ok(Page::new(items, order.total(), filter))
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
        .select(texts())
        .first::<(Localized, Localized)>(conn)
        .found()?
    else {
        return Ok(None);
    };
    let related = ListFilter::with_area(slug).previewing(RELATED_SHOWN);
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
