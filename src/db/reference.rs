//! Small shared read models: links to records, filter choices, pages of a list.

use super::schema::{
    agreements, countries, delegations, focus_areas, meetings, mous, organisations, people,
};
use super::{DbResult, kept};
use crate::domain::{ListFilter, Localized, PAGE_SIZE};
use diesel::prelude::*;
use foldhash::HashMap;
use serde::Serialize;
use std::rc::Rc;

/// Enough of a record to link to it.
#[derive(Debug, Clone, PartialEq, Eq, Queryable, Serialize)]
pub struct Named {
    pub slug: String,
    pub name: Localized,
}

/// An organisation as other pages mention it: the short name where it has one ("MIMOS").
#[derive(Debug, Clone, Queryable, Selectable, Serialize)]
#[diesel(table_name = organisations)]
pub struct OrganisationRef {
    pub slug: String,
    #[diesel(select_expression = (organisations::name, organisations::name_ms, organisations::name_zh))]
    pub name: Localized,
    pub short_name: Option<String>,
}

impl OrganisationRef {
    /// The short name where it has one ("MIMOS"), else the name in the page's language.
    pub fn label(&self) -> &str {
        self.short_name
            .as_deref()
            .unwrap_or_else(|| self.name.on_page())
    }
}

#[derive(Debug, Clone, Default, Queryable, Serialize)]
pub struct CountryRef {
    pub code: String,
    pub name: Localized,
}

/// One page of a list, with what the page links need.
#[derive(Debug, Serialize)]
pub struct Page<T> {
    pub items: Vec<T>,
    pub total: i64,
    pub number: u32,
    /// How many records a full page shows.
    #[serde(skip)]
    pub size: i64,
}

impl<T> Page<T> {
    pub fn new(items: Vec<T>, total: i64, filter: &ListFilter) -> Self {
        Self::sized(items, total, filter, PAGE_SIZE)
    }

    /// A page of a list that shows `size` records to a page.
    pub fn sized(items: Vec<T>, total: i64, filter: &ListFilter, size: i64) -> Self {
        Self {
            items,
            total,
            number: filter.page.get(),
            size,
        }
    }

    pub fn last_number(&self) -> u32 {
        u32::try_from(((self.total + self.size - 1) / self.size).max(1)).unwrap_or(u32::MAX)
    }

    pub fn has_more_than_shown(&self) -> bool {
        self.total > self.items.len() as i64
    }
}

/// The organisations with the given ids, as other records name them (see `kept::named`).
pub(crate) fn organisation_refs(
    conn: &mut SqliteConnection,
    ids: &[i32],
) -> DbResult<HashMap<i32, Rc<OrganisationRef>>> {
    kept::named("organisation", ids, |missing| {
        Ok(
            super::by_ids!(organisations::table, organisations::id, missing)
                .select((organisations::id, OrganisationRef::as_select()))
                .load(conn)?,
        )
    })
}

/// Readers of the records of a table by id, each as its slug and its name (or title) in every
/// language, as other records name them (see `kept::named`).
macro_rules! named_records {
    ($($reader:ident: $kind:literal, $table:ident ($name:ident, $name_ms:ident, $name_zh:ident);)+) => {$(
        pub(crate) fn $reader(
            conn: &mut SqliteConnection,
            ids: &[i32],
        ) -> DbResult<HashMap<i32, Rc<Named>>> {
            kept::named($kind, ids, |missing| {
                Ok(super::by_ids!($table::table, $table::id, missing)
                    .select((
                        $table::id,
                        ($table::slug, ($table::$name, $table::$name_ms, $table::$name_zh)),
                    ))
                    .load(conn)?)
            })
        }
    )+};
}

named_records! {
    person_names: "person", people (name, name_ms, name_zh);
    agreement_names: "agreement", agreements (title, title_ms, title_zh);
    meeting_names: "meeting", meetings (title, title_ms, title_zh);
    delegation_names: "delegation", delegations (title, title_ms, title_zh);
    mou_names: "mou", mous (title, title_ms, title_zh);
    area_names: "area", focus_areas (name, name_ms, name_zh);
}

/// Every country by id, read once per write generation; there are few, so pages look them up
/// here instead of joining.
pub fn countries_by_id(conn: &mut SqliteConnection) -> DbResult<Rc<HashMap<i32, CountryRef>>> {
    kept::kept(
        ("countries", String::new()),
        |countries: &HashMap<i32, CountryRef>| countries.len() * 128,
        || {
            Ok(countries::table
                .select((
                    countries::id,
                    (
                        countries::code,
                        (countries::name, countries::name_ms, countries::name_zh),
                    ),
                ))
                .load::<(i32, CountryRef)>(conn)?
                .into_iter()
                .collect())
        },
    )
}

/// Beyond this many organisations a filter form asks for one by name instead of listing them.
pub const ORGANISATIONS_TO_CHOOSE_FROM: i64 = 100;

/// The choices a filter form offers.
#[derive(Clone)]
pub struct FilterChoices {
    pub areas: Vec<Named>,
    pub countries: Vec<CountryRef>,
    pub organisations: Vec<Named>,
}

/// Every list and search page offers the same choices, so they are read once per write
/// generation.
pub fn filter_choices(conn: &mut SqliteConnection) -> DbResult<Rc<FilterChoices>> {
    kept::kept(
        ("filter choices", String::new()),
        |choices: &FilterChoices| {
            (choices.areas.len() + choices.countries.len() + choices.organisations.len()) * 256
        },
        || read_filter_choices(conn),
    )
}

fn read_filter_choices(conn: &mut SqliteConnection) -> DbResult<FilterChoices> {
    Ok(FilterChoices {
        areas: focus_areas::table
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
        countries: countries::table
            .order(countries::name)
            .select((
                countries::code,
                (countries::name, countries::name_ms, countries::name_zh),
            ))
            .load(conn)?,
        organisations: organisations::table
            .order((organisations::name, organisations::id))
            .limit(ORGANISATIONS_TO_CHOOSE_FROM + 1)
            .select((
                organisations::slug,
                (
                    organisations::name,
                    organisations::name_ms,
                    organisations::name_zh,
                ),
            ))
            .load(conn)?,
    })
}

/// The display name of the record behind a filter's slug, so a filtered page can say
/// "MoUs of MIMOS" rather than repeat the slug.
pub fn filter_subject_names(
    conn: &mut SqliteConnection,
    filter: &ListFilter,
) -> DbResult<Vec<(&'static str, Localized)>> {
    use super::schema::agreements;
    let mut names = Vec::new();
    if let Some(slug) = &filter.person {
        let name: Option<Localized> = people::table
            .filter(people::slug.eq(slug.as_str()))
            .select((people::name, people::name_ms, people::name_zh))
            .first(conn)
            .optional()?;
        names.push((
            "person",
            name.unwrap_or_else(|| Localized::new(slug.to_string(), None, None)),
        ));
    }
    if let Some(slug) = &filter.agreement {
        let name: Option<Localized> = agreements::table
            .filter(agreements::slug.eq(slug.as_str()))
            .select((
                agreements::title,
                agreements::title_ms,
                agreements::title_zh,
            ))
            .first(conn)
            .optional()?;
        names.push((
            "agreement",
            name.unwrap_or_else(|| Localized::new(slug.to_string(), None, None)),
        ));
    }
    Ok(names)
}
