//! The filters and page number of a list page, parsed from its query string.

use super::Message;
use super::{CountryCode, InvalidInput, OrganisationKind, RecordStatus, Slug};
use serde::Deserialize;
use std::borrow::Cow;
use std::fmt::Write;

pub const PAGE_SIZE: i64 = 20;
const MAX_PAGE: u32 = 100_000;

/// A list page's query string as it arrives: every value still unchecked text. An empty value
/// (a filter form's "any" choice) means the filter is not set.
#[derive(Debug, Default, Deserialize)]
pub struct ListQuery {
    area: Option<String>,
    organisation: Option<String>,
    person: Option<String>,
    agreement: Option<String>,
    country: Option<String>,
    kind: Option<String>,
    status: Option<String>,
    year: Option<String>,
    page: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Year(i32);

impl Year {
    pub fn parse(input: &str) -> Result<Self, InvalidInput> {
        match input.parse::<i32>() {
            Ok(year) if input.len() == 4 => Self::new(year),
            _ => Err(InvalidInput::because("year", Message::new("invalid-year"))),
        }
    }

    pub fn new(year: i32) -> Result<Self, InvalidInput> {
        if (1900..=2199).contains(&year) {
            Ok(Self(year))
        } else {
            Err(InvalidInput::because("year", Message::new("invalid-year")))
        }
    }

    pub fn value(&self) -> i32 {
        self.0
    }

    /// Partial dates are stored as text, so "in this year" is the text range [year, year + 1).
    pub fn text_range(&self) -> (String, String) {
        (format!("{:04}", self.0), format!("{:04}", self.0 + 1))
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PageNumber(u32);

impl PageNumber {
    pub const FIRST: Self = Self(1);

    pub fn parse(input: &str) -> Result<Self, InvalidInput> {
        match input.parse::<u32>() {
            Ok(page) if (1..=MAX_PAGE).contains(&page) => Ok(Self(page)),
            _ => Err(InvalidInput::because(
                "page",
                Message::new("invalid-page").number("max", i64::from(MAX_PAGE)),
            )),
        }
    }

    pub fn get(&self) -> u32 {
        self.0
    }

    pub fn offset(&self) -> i64 {
        self.offset_in(PAGE_SIZE)
    }

    /// Where this page starts in a list that shows `size` records to a page.
    pub fn offset_in(&self, size: i64) -> i64 {
        i64::from(self.0 - 1) * size
    }

    /// The page after this one, or `None` past the last page a list may have.
    pub fn next(&self) -> Option<Self> {
        (self.0 < MAX_PAGE).then_some(Self(self.0 + 1))
    }
}

/// Every filter a list can take. Each collection uses the ones that apply to it; they combine
/// with AND.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ListFilter {
    pub area: Option<Slug>,
    pub organisation: Option<Slug>,
    pub person: Option<Slug>,
    pub agreement: Option<Slug>,
    pub country: Option<CountryCode>,
    pub kind: Option<OrganisationKind>,
    pub status: Option<RecordStatus>,
    pub year: Option<Year>,
    pub page: PageNumber,
    /// Set where another page previews the list (a record's related records, the home page):
    /// only its first this many records are read. Never part of the list's address.
    pub preview: Option<usize>,
}

/// How many related records a record's page shows before its link to the whole list.
pub const RELATED_SHOWN: usize = 5;

impl Default for ListFilter {
    fn default() -> Self {
        Self {
            area: None,
            organisation: None,
            person: None,
            agreement: None,
            country: None,
            kind: None,
            status: None,
            year: None,
            page: PageNumber::FIRST,
            preview: None,
        }
    }
}

pub(super) fn parse_set<T>(
    value: Option<String>,
    parse: impl Fn(&str) -> Result<T, InvalidInput>,
    field: &'static str,
) -> Result<Option<T>, InvalidInput> {
    match value.as_deref().map(str::trim) {
        None | Some("") => Ok(None),
        Some(text) => parse(text).map(Some).map_err(|error| error.in_field(field)),
    }
}

impl TryFrom<ListQuery> for ListFilter {
    type Error = InvalidInput;

    fn try_from(query: ListQuery) -> Result<Self, Self::Error> {
        Ok(Self {
            area: parse_set(query.area, Slug::parse, "area")?,
            organisation: parse_set(query.organisation, Slug::parse, "organisation")?,
            person: parse_set(query.person, Slug::parse, "person")?,
            agreement: parse_set(query.agreement, Slug::parse, "agreement")?,
            country: parse_set(query.country, CountryCode::parse, "country")?,
            kind: parse_set(query.kind, OrganisationKind::parse, "kind")?,
            status: parse_set(query.status, RecordStatus::parse, "status")?,
            year: parse_set(query.year, Year::parse, "year")?,
            page: parse_set(query.page, PageNumber::parse, "page")?.unwrap_or(PageNumber::FIRST),
            preview: None,
        })
    }
}

impl ListFilter {
    /// The same list, of which only the first `count` records are read.
    pub fn previewing(self, count: usize) -> Self {
        Self {
            preview: Some(count),
            ..self
        }
    }

    pub fn with_area(area: &Slug) -> Self {
        Self {
            area: Some(area.clone()),
            ..Self::default()
        }
    }

    pub fn with_organisation(organisation: &Slug) -> Self {
        Self {
            organisation: Some(organisation.clone()),
            ..Self::default()
        }
    }

    pub fn with_person(person: &Slug) -> Self {
        Self {
            person: Some(person.clone()),
            ..Self::default()
        }
    }

    pub fn with_agreement(agreement: &Slug) -> Self {
        Self {
            agreement: Some(agreement.clone()),
            ..Self::default()
        }
    }

    /// This filter with one of its values set to `value` (as a form would send it), from the
    /// first page.
    pub fn with_choice(&self, name: &str, value: &str) -> Result<Self, InvalidInput> {
        let mut chosen = Self {
            page: PageNumber::FIRST,
            ..self.clone()
        };
        match name {
            "area" => chosen.area = Some(Slug::parse(value)?),
            "organisation" => chosen.organisation = Some(Slug::parse(value)?),
            "country" => chosen.country = Some(CountryCode::parse(value)?),
            "kind" => chosen.kind = Some(OrganisationKind::parse(value)?),
            "status" => chosen.status = Some(RecordStatus::parse(value)?),
            "year" => chosen.year = Some(Year::parse(value)?),
            _ => return Err(InvalidInput::new("filter", "is not a filter of lists")),
        }
        Ok(chosen)
    }

    pub fn is_filtered(&self) -> bool {
        self.filters().next().is_some()
    }

    /// The set filters as (name, value) pairs, in a fixed order so that equal filters give
    /// equal URLs.
    pub fn filters(&self) -> impl Iterator<Item = (&'static str, Cow<'_, str>)> + '_ {
        [
            (
                "area",
                self.area.as_ref().map(|s| Cow::Borrowed(s.as_str())),
            ),
            (
                "organisation",
                self.organisation
                    .as_ref()
                    .map(|s| Cow::Borrowed(s.as_str())),
            ),
            (
                "person",
                self.person.as_ref().map(|s| Cow::Borrowed(s.as_str())),
            ),
            (
                "agreement",
                self.agreement.as_ref().map(|s| Cow::Borrowed(s.as_str())),
            ),
            (
                "country",
                self.country.as_ref().map(|c| Cow::Borrowed(c.as_str())),
            ),
            ("kind", self.kind.map(|k| Cow::Borrowed(k.as_str()))),
            ("status", self.status.map(|s| Cow::Borrowed(s.as_str()))),
            ("year", self.year.map(|y| Cow::Owned(y.value().to_string()))),
        ]
        .into_iter()
        .filter_map(|(name, value)| value.map(|v| (name, v)))
    }

    /// The query string of this filter at another page: `?area=x&page=2`, or "" for the bare
    /// first page. Every value is a validated slug, code, word or number, so none needs escaping.
    pub fn query_string_for_page(&self, page: u32) -> String {
        let mut query = String::new();
        for (name, value) in self.filters() {
            query.push(if query.is_empty() { '?' } else { '&' });
            query.push_str(name);
            query.push('=');
            query.push_str(&value);
        }
        if page > 1 {
            let _ = write!(
                query,
                "{}page={page}",
                if query.is_empty() { '?' } else { '&' }
            );
        }
        query
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn query(pairs: &[(&str, &str)]) -> ListQuery {
        let text: Vec<String> = pairs.iter().map(|(k, v)| format!("{k}={v}")).collect();
        actix_web::web::Query::<ListQuery>::from_query(&text.join("&"))
            .unwrap()
            .into_inner()
    }

    #[test]
    fn empty_values_mean_no_filter() {
        let filter = ListFilter::try_from(query(&[("area", ""), ("year", " ")])).unwrap();
        assert_eq!(filter, ListFilter::default());
        assert!(!filter.is_filtered());
    }

    #[test]
    fn filters_combine_into_one_stable_url() {
        let filter = ListFilter::try_from(query(&[
            ("year", "2024"),
            ("area", "space-technology"),
            ("country", "my"),
            ("page", "3"),
        ]))
        .unwrap();
        assert_eq!(
            filter.query_string_for_page(2),
            "?area=space-technology&country=MY&year=2024&page=2"
        );
        assert_eq!(
            filter.query_string_for_page(1),
            "?area=space-technology&country=MY&year=2024"
        );
    }

    #[test]
    fn a_bad_value_names_its_field() {
        for (field, value) in [
            ("year", "abc"),
            ("page", "0"),
            ("page", "-1"),
            ("area", "../x"),
            ("status", "x"),
            ("kind", "x"),
            ("country", "XYZ"),
        ] {
            let error = ListFilter::try_from(query(&[(field, value)])).unwrap_err();
            assert_eq!(error.field, field);
        }
    }

    #[test]
    fn a_choice_replaces_one_filter_and_keeps_the_others() {
        let filter = ListFilter::try_from(query(&[("year", "2024"), ("page", "3")])).unwrap();
        let chosen = filter.with_choice("area", "space-technology").unwrap();
        assert_eq!(
            chosen.query_string_for_page(1),
            "?area=space-technology&year=2024"
        );
        assert_eq!(chosen.page, PageNumber::FIRST);
    }

    #[test]
    fn pages_map_to_offsets() {
        assert_eq!(PageNumber::FIRST.offset(), 0);
        assert_eq!(PageNumber::parse("3").unwrap().offset(), 2 * PAGE_SIZE);
    }
}
