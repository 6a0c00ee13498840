//! What the home page gathers: the latest statements, what is coming up, and the totals.

use super::areas::{self, AreaItem};
use super::delegations::{self, DelegationItem};
use super::meetings::{self, MeetingItem};
use super::reference::Page;
use super::schema::{agreements, delegations as delegation_rows, mous, organisations};
use super::statements::{self, StatementItem};
use super::{DbResult, kept};
use crate::domain::ListFilter;
use chrono::NaiveDate;
use diesel::prelude::*;

#[derive(Debug, Clone)]
pub struct Totals {
    pub agreements: i64,
    pub mous: i64,
    pub delegations: i64,
    pub organisations: i64,
}

#[derive(Debug)]
pub struct Home {
    pub statements: Page<StatementItem>,
    pub upcoming: Vec<DelegationItem>,
    pub recent_delegations: Page<DelegationItem>,
    pub recent_meetings: Page<MeetingItem>,
    pub areas: Vec<AreaItem>,
    pub totals: Totals,
}

/// Counting a whole table reads all of it, so the totals are counted once per write generation.
fn totals(conn: &mut SqliteConnection) -> DbResult<Totals> {
    let totals = kept::kept(
        ("home totals", String::new()),
        |_| std::mem::size_of::<Totals>(),
        || {
            Ok(Totals {
                agreements: agreements::table.count().get_result(conn)?,
                mous: mous::table.count().get_result(conn)?,
                delegations: delegation_rows::table.count().get_result(conn)?,
                organisations: organisations::table.count().get_result(conn)?,
            })
        },
    )?;
    Ok(Totals::clone(&totals))
}

/// How many of the latest statements the home page shows.
const LATEST_STATEMENTS: usize = 5;
/// How many of the latest meetings, and of the latest delegations, the home page shows.
const RECENT_EACH: usize = 3;

pub fn gather(conn: &mut SqliteConnection, today: NaiveDate) -> DbResult<Home> {
    let latest = |count| ListFilter::default().previewing(count);
    let recent_delegations = delegations::list(conn, &latest(RECENT_EACH))?;
    let upcoming = delegations::starting_from(conn, today)?;
    Ok(Home {
        statements: statements::list(conn, &latest(LATEST_STATEMENTS))?,
        upcoming,
        recent_delegations,
        recent_meetings: meetings::list(conn, &latest(RECENT_EACH))?,
        areas: areas::list(conn)?,
        totals: totals(conn)?,
    })
}
