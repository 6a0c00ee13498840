//! What every page template shares: the layout, the filter form and the pager, built from
//! typed values so that templates only lay them out.

use crate::db::reference::{FilterChoices, Page};
use crate::domain::{
    InvalidInput, ListFilter, Localized, OrganisationKind, PartialDate, PublicUrl, RecordStatus,
};
use crate::i18n::{self, Lang, Message};
use actix_web::web;
use chrono::NaiveDate;
use fluent_bundle::FluentValue;
use std::borrow::Cow;
use std::rc::Rc;

mod chrome;
pub use chrome::Chrome;

/// The sections of the site, in the order the navigation shows them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Section {
    Home,
    Statements,
    Agreements,
    Meetings,
    Delegations,
    Mous,
    Organisations,
    People,
    Areas,
    None,
}

impl Section {
    pub const ALL: [Section; 10] = [
        Section::Home,
        Section::Statements,
        Section::Agreements,
        Section::Meetings,
        Section::Delegations,
        Section::Mous,
        Section::Organisations,
        Section::People,
        Section::Areas,
        Section::None,
    ];

    /// The section's place in `ALL`.
    pub fn index(self) -> usize {
        self as usize
    }
}

const NAVIGATION: [(Section, &str, &str); 8] = [
    (Section::Statements, "/statements", "nav-statements"),
    (Section::Agreements, "/agreements", "nav-agreements"),
    (Section::Meetings, "/meetings", "nav-meetings"),
    (Section::Delegations, "/delegations", "nav-delegations"),
    (Section::Mous, "/mous", "nav-mous"),
    (
        Section::Organisations,
        "/organisations",
        "nav-organisations",
    ),
    (Section::People, "/people", "nav-people"),
    (Section::Areas, "/areas", "nav-areas"),
];

/// The same page in another language, for the switcher and `hreflang` links. Its addresses are
/// written straight into the page from their parts: every page lists three of each.
pub struct LanguageVersion<'a> {
    pub lang: Lang,
    pub current: bool,
    layout: &'a Layout,
}

impl LanguageVersion<'_> {
    /// The page's absolute address in this language, for `hreflang` links.
    pub fn href(&self) -> Address<'_, 3> {
        let layout = self.layout;
        Address([layout.site.as_str(), self.lang.prefix(), &layout.page])
    }

    /// The switcher's link: it remembers the choice, then shows the page in this language.
    pub fn switch(&self) -> Address<'_, 4> {
        Address([
            "/language/",
            self.lang.code(),
            "?",
            self.layout.next.get_or_init(|| {
                serde_urlencoded::to_string([("next", self.layout.page.as_str())])
                    .unwrap_or_default()
            }),
        ])
    }
}

/// An address written as its parts one after the other.
pub struct Address<'a, const N: usize>([&'a str; N]);

impl<const N: usize> Address<'_, N> {
    fn write_to<W: std::fmt::Write + ?Sized>(&self, out: &mut W) -> std::fmt::Result {
        self.0.iter().try_for_each(|part| out.write_str(part))
    }
}

crate::domain::written!(Address<'_, N>; const N: usize);

/// A link that shows a record beside its text in `lang`.
pub struct CompareLink {
    pub lang: Lang,
    pub href: String,
    /// Whether that is the comparison shown now.
    pub current: bool,
}

/// The links of a page that can show a second language beside the reader's.
pub struct CompareLinks {
    pub versions: Vec<CompareLink>,
    /// Back to the page alone, while a comparison is shown.
    pub close: Option<String>,
}

pub struct Crumb {
    pub href: String,
    pub label: String,
}

/// Another form of the page (its Atom feed, JSON, CSV): linked from the head for machines and
/// from the foot of the page for people.
pub struct Alternate {
    pub href: String,
    pub media_type: &'static str,
    pub label: String,
}

/// A count as templates hand it over, by value or by reference.
pub trait Count {
    fn count(&self) -> i64;
}

macro_rules! counts {
    ($($number:ty),+) => {
        $(impl Count for $number {
            fn count(&self) -> i64 {
                i64::from(*self)
            }
        })+
    };
}

counts!(i64, i32, u32);

impl Count for usize {
    fn count(&self) -> i64 {
        i64::try_from(*self).unwrap_or(i64::MAX)
    }
}

impl<T: Count> Count for &T {
    fn count(&self) -> i64 {
        (**self).count()
    }
}

/// The parts of the base layout that change from page to page.
pub struct Layout {
    pub title: String,
    pub description: String,
    pub section: Section,
    pub crumbs: Vec<Crumb>,
    /// The page's one absolute address, for `<link rel="canonical">` and OpenGraph.
    pub canonical: Option<String>,
    /// The OpenGraph type: "website", or "article" for a press statement.
    pub og_type: &'static str,
    /// schema.org JSON-LD, already serialised so that it cannot close its script element.
    pub linked_data: Option<String>,
    pub alternates: Vec<Alternate>,
    /// The reader's language, in which the page is laid out and its links stay.
    pub lang: Lang,
    /// The language some of the record's own text is shown in, when it has not been
    /// translated into the reader's.
    pub fallback: Option<Lang>,
    /// The page's path and query in its English form, to link its other language versions.
    page: String,
    /// The page's path and query as the switcher's `next` parameter, made when first asked for.
    next: std::cell::OnceCell<String>,
    /// Where the public reaches the portal, for the absolute `hreflang` links.
    site: web::Data<PublicUrl>,
}

impl Layout {
    pub fn new(title: impl Into<String>, section: Section) -> Self {
        let current = i18n::current();
        Self {
            title: title.into(),
            description: String::new(),
            section,
            crumbs: Vec::new(),
            canonical: None,
            og_type: "website",
            linked_data: None,
            alternates: Vec::new(),
            lang: current.lang,
            fallback: None,
            page: current.path_and_query,
            next: std::cell::OnceCell::new(),
            site: current.site,
        }
    }

    /// Notes which language the record's untranslated texts are shown in, if any is.
    pub fn texts(mut self, texts: &[&crate::domain::Localized]) -> Self {
        self.fallback = texts.iter().find_map(|text| text.fallback_in(self.lang));
        self
    }

    /// The links that show a record at `path` beside each other language it has, the one
    /// shown now marked, and a link back to the page alone while a comparison is shown.
    pub fn compare_links(
        &self,
        languages: Vec<Lang>,
        shown: Option<Lang>,
        path: String,
    ) -> CompareLinks {
        let page = self.lang.href(&path);
        let links = languages
            .into_iter()
            .filter(|lang| *lang != self.lang)
            .map(|lang| CompareLink {
                lang,
                href: format!("{page}?compare={}", lang.code()),
                current: shown == Some(lang),
            })
            .collect();
        CompareLinks {
            versions: links,
            close: shown.map(|_| page),
        }
    }

    /// The page's language and `other`, in the order a comparison shows them.
    pub fn compared_with(&self, other: &Lang) -> [Lang; 2] {
        [self.lang, *other]
    }

    /// What readers of this page call `lang`.
    pub fn language_name(&self, lang: &Lang) -> String {
        lang.name_in(self.lang)
    }

    /// Says that the record has no text in `lang`.
    pub fn not_available_in(&self, lang: &Lang) -> String {
        self.lang.t_with(
            "compare-none",
            &[("language", lang.name_in(self.lang).into())],
        )
    }

    /// The notice a page with untranslated text carries, in the page's language.
    pub fn fallback_notice(&self) -> Option<String> {
        let shown = self.fallback?;
        Some(self.lang.t_with(
            "content-untranslated",
            &[
                ("language", self.lang.name_in(self.lang).into()),
                ("shown", shown.name_in(self.lang).into()),
            ],
        ))
    }

    /// The interface message `key` in the page's language.
    pub fn t(&self, key: &str) -> i18n::HtmlText {
        self.lang.t_html(key)
    }

    /// The interface message `key` with its arguments, in the page's language.
    pub fn t_with(&self, key: &str, args: &[(&'static str, FluentValue<'_>)]) -> String {
        self.lang.t_with(key, args)
    }

    /// `message` in the page's language.
    pub fn say(&self, message: &Message) -> String {
        self.lang.say(message)
    }

    /// Why a form field was refused, as a sentence in the page's language.
    /// The label of the form field `name` in the page's language.
    pub fn field_label(&self, name: &str) -> std::borrow::Cow<'static, str> {
        self.lang.field_label(name)
    }

    pub fn error(&self, error: &InvalidInput) -> String {
        error.sentence_in(self.lang)
    }

    /// A count or total as the page's language writes numbers.
    pub fn number(&self, n: impl Count) -> String {
        self.lang.number(n.count())
    }

    /// The size of a file in the page's language.
    pub fn file_size(&self, bytes: impl Count) -> String {
        self.lang.file_size(bytes.count())
    }

    /// A day as the page's language writes dates.
    pub fn day(&self, day: &NaiveDate) -> impl std::fmt::Display {
        PartialDate::Day(*day).format(self.lang)
    }

    /// What site paths start with in the page's language, for links in templates.
    pub fn prefix(&self) -> &'static str {
        self.lang.prefix()
    }

    /// A message that says how many of something there are, in the page's language.
    pub fn t_count(&self, key: &'static str, count: impl Count) -> Rc<str> {
        self.lang.t_count(key, count.count())
    }

    /// The name of a vocabulary value (`term("status", "in_force")`) in the page's language.
    pub fn term(&self, group: &str, value: &str) -> Cow<'static, str> {
        self.lang.term(group, value)
    }

    /// The page in each language, the current one marked.
    pub fn languages(&self) -> [LanguageVersion<'_>; 3] {
        Lang::ALL.map(|lang| LanguageVersion {
            lang,
            current: lang == self.lang,
            layout: self,
        })
    }

    /// The English version's absolute address, which readers whose language is none of ours get.
    pub fn default_version(&self) -> Address<'_, 2> {
        Address([self.site.as_str(), &self.page])
    }

    pub fn canonical(mut self, url: String) -> Self {
        self.canonical = Some(url);
        self
    }

    pub fn og_type(mut self, og_type: &'static str) -> Self {
        self.og_type = og_type;
        self
    }

    /// Sets the JSON-LD, escaping `<`, `>` and `&` so that no text of a record can end the
    /// script element or be read as markup; the JSON means the same.
    pub fn linked_data(mut self, data: &impl serde::Serialize) -> Self {
        let Ok(json) = serde_json::to_string(data) else {
            return self;
        };
        let mut escaped = String::with_capacity(json.len() + 16);
        let mut rest = json.as_str();
        // By byte: a search for any of several chars decodes every character of the text.
        while let Some(at) = rest.bytes().position(|b| matches!(b, b'<' | b'>' | b'&')) {
            escaped.push_str(&rest[..at]);
            escaped.push_str(match rest.as_bytes()[at] {
                b'<' => "\\u003c",
                b'>' => "\\u003e",
                _ => "\\u0026",
            });
            rest = &rest[at + 1..];
        }
        escaped.push_str(rest);
        self.linked_data = Some(escaped);
        self
    }

    pub fn alternate(
        mut self,
        href: impl Into<String>,
        media_type: &'static str,
        label: impl Into<String>,
    ) -> Self {
        self.alternates.push(Alternate {
            href: href.into(),
            media_type,
            label: label.into(),
        });
        self
    }

    pub fn describe(mut self, description: impl Into<String>) -> Self {
        self.description = description.into();
        self
    }

    /// Adds a crumb: a page above this one, by its path in English form.
    pub fn within(mut self, href: &str, label: &str) -> Self {
        self.crumbs.push(Crumb {
            href: self.lang.href(href),
            label: label.to_owned(),
        });
        self
    }

    /// The parts of the layout every page of this language shares, rendered once.
    pub fn chrome(&self) -> &'static Chrome {
        Chrome::of(self.lang)
    }

    /// The main navigation, this page's section marked.
    pub fn navigation(&self) -> &'static str {
        self.chrome().navigation(self.section)
    }
}

pub struct SelectOption {
    pub value: String,
    pub label: String,
    pub selected: bool,
    /// How many records the list would show with this choice and the other filters kept.
    pub count: Option<i64>,
}

/// One choice of a list's filter: the same on every list page in a language until the next write.
#[derive(Clone)]
pub struct Choice {
    pub value: String,
    pub label: String,
    /// The language of the label where it is not the page's: a name not yet translated.
    pub label_lang: Option<Lang>,
}

impl Choice {
    /// A choice labelled in the page's language.
    fn new(value: String, label: String) -> Self {
        Self {
            value,
            label,
            label_lang: None,
        }
    }

    /// A choice labelled by a record's name as a reader of `lang` is shown it.
    fn named(value: String, name: &Localized, lang: Lang) -> Self {
        Self {
            value,
            label: name.shown(lang).text.to_owned(),
            label_lang: name.fallback_in(lang),
        }
    }
}

pub struct SelectField {
    pub name: &'static str,
    /// The message key of the field's label.
    pub label: &'static str,
    /// Shared by every page of the write generation in this language (see `FilterForm::new`).
    pub choices: Rc<Vec<Choice>>,
    /// The value chosen now, if any.
    chosen: Option<String>,
    /// How many records the list would show with each choice (by its position) and the other
    /// filters kept, where they are counted.
    counts: Vec<Option<i64>>,
    /// Too many choices to list: the form asks for the value as text, kept here.
    pub typed: Option<String>,
}

impl SelectField {
    /// Organisations are many and grow without bound, so their choices are not counted; the
    /// other vocabularies are short and each count is one indexed query.
    fn is_counted(&self) -> bool {
        self.name != "organisation"
    }

    pub fn is_chosen(&self, value: &str) -> bool {
        self.chosen.as_deref() == Some(value)
    }

    /// How many records the choice at `position` would show, if counted.
    pub fn count(&self, position: usize) -> Option<i64> {
        self.counts.get(position).copied().flatten()
    }
}

/// A list's filter form: a select per filter the list takes, and hidden fields for filters set
/// from another page (a person's or an agreement's).
pub struct FilterForm {
    pub action: String,
    pub fields: Vec<SelectField>,
    pub hidden: Vec<(&'static str, String)>,
    /// Filters set from elsewhere, shown in words ("Person: Chang Lih Kang").
    pub fixed: Vec<(&'static str, String)>,
}

/// Which filters a list offers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Filter {
    Area,
    Organisation,
    Country,
    Kind,
    Status,
    Year,
}

/// The choices of a filter in `lang`, made once per write generation (the labels of every area,
/// country and organisation, which every list page shows in its form).
fn kept_choices(lang: Lang, name: &str, make: impl FnOnce() -> Vec<Choice>) -> Rc<Vec<Choice>> {
    let key = ("filter choices", format!("{}:{name}", lang.code()));
    let weight = |choices: &Vec<Choice>| {
        choices
            .iter()
            .map(|c| c.value.len() + c.label.len() + 48)
            .sum()
    };
    crate::db::kept::kept(key, weight, || Ok(make())).unwrap_or_else(|_| Rc::new(Vec::new()))
}

impl FilterForm {
    pub fn new(
        lang: Lang,
        action: String,
        offered: &[Filter],
        filter: &ListFilter,
        choices: &FilterChoices,
        fixed: Vec<(&'static str, String)>,
    ) -> Self {
        let select = |name, label, choices, chosen: Option<String>| SelectField {
            name,
            label,
            choices,
            chosen,
            counts: Vec::new(),
            typed: None,
        };
        let named = |name, records: &[crate::db::reference::Named]| {
            kept_choices(lang, name, || {
                records
                    .iter()
                    .map(|record| Choice::named(record.slug.clone(), &record.name, lang))
                    .collect()
            })
        };
        let terms = |group: &'static str, values: &mut dyn Iterator<Item = &'static str>| {
            kept_choices(lang, group, || {
                values
                    .map(|value| {
                        Choice::new(value.to_owned(), lang.term(group, value).into_owned())
                    })
                    .collect()
            })
        };
        let fields = offered
            .iter()
            .map(|offer| match offer {
                Filter::Area => select(
                    "area",
                    "filter-area",
                    named("area", &choices.areas),
                    filter.area.as_ref().map(|s| s.to_string()),
                ),
                Filter::Organisation
                    if choices.organisations.len() as i64
                        > crate::db::reference::ORGANISATIONS_TO_CHOOSE_FROM =>
                {
                    SelectField {
                        typed: Some(
                            filter
                                .organisation
                                .as_ref()
                                .map(|s| s.to_string())
                                .unwrap_or_default(),
                        ),
                        ..select(
                            "organisation",
                            "filter-organisation-typed",
                            Rc::default(),
                            None,
                        )
                    }
                }
                Filter::Organisation => select(
                    "organisation",
                    "filter-organisation",
                    named("organisation", &choices.organisations),
                    filter.organisation.as_ref().map(|s| s.to_string()),
                ),
                Filter::Country => select(
                    "country",
                    "filter-country",
                    kept_choices(lang, "country", || {
                        choices
                            .countries
                            .iter()
                            .map(|c| Choice::named(c.code.clone(), &c.name, lang))
                            .collect()
                    }),
                    filter.country.map(|c| c.to_string()),
                ),
                Filter::Kind => select(
                    "kind",
                    "filter-kind",
                    terms(
                        "kind",
                        &mut OrganisationKind::ALL.iter().map(|k| k.as_str()),
                    ),
                    filter.kind.map(|k| k.as_str().to_owned()),
                ),
                Filter::Status => select(
                    "status",
                    "filter-status",
                    terms("status", &mut RecordStatus::ALL.iter().map(|s| s.as_str())),
                    filter.status.map(|s| s.as_str().to_owned()),
                ),
                Filter::Year => select(
                    "year",
                    "filter-year",
                    year_choices(lang, filter),
                    filter.year.map(|y| y.value().to_string()),
                ),
            })
            .collect();
        let hidden = filter
            .filters()
            .filter(|(name, _)| matches!(*name, "person" | "agreement"))
            .map(|(name, value)| (name, value.into_owned()))
            .collect();
        Self {
            action,
            fields,
            hidden,
            fixed,
        }
    }
}

impl FilterForm {
    /// Counts with `count` how many records each choice of the form would show under
    /// `filter`, once per write generation: each count is a lookup of its own, and a form
    /// offers some sixty choices.
    pub fn count_choices(
        &mut self,
        filter: &ListFilter,
        mut count: impl FnMut(&ListFilter) -> crate::db::DbResult<i64>,
    ) -> crate::db::DbResult<()> {
        // The form's address names the list and the language its choices are ordered in.
        let key = (
            "choice counts",
            format!("{}{}", self.action, filter.query_string_for_page(1)),
        );
        let counts = crate::db::kept::kept(
            key,
            |counts: &Vec<((usize, usize), i64)>| counts.len() * 24,
            || {
                self.choices_to_count(filter)
                    .into_iter()
                    .map(|(choice, chosen)| Ok((choice, count(&chosen)?)))
                    .collect()
            },
        )?;
        for &(choice, n) in counts.iter() {
            self.set_count(choice, n);
        }
        Ok(())
    }

    /// For each counted choice of the form: where it is, and the filter the list would have
    /// with it chosen and every other filter kept.
    fn choices_to_count(&self, filter: &ListFilter) -> Vec<((usize, usize), ListFilter)> {
        let mut choices = Vec::new();
        for (f, field) in self.fields.iter().enumerate() {
            if !field.is_counted() {
                continue;
            }
            for (o, choice) in field.choices.iter().enumerate() {
                if let Ok(chosen) = filter.with_choice(field.name, &choice.value) {
                    choices.push(((f, o), chosen));
                }
            }
        }
        choices
    }

    fn set_count(&mut self, (field, choice): (usize, usize), count: i64) {
        if let Some(field) = self.fields.get_mut(field)
            && choice < field.choices.len()
        {
            field.counts.resize(field.choices.len(), None);
            field.counts[choice] = Some(count);
        }
    }
}

/// The years from the cooperation agreement to next year, newest first, with any year asked for
/// outside that span kept selectable.
fn year_choices(lang: Lang, filter: &ListFilter) -> Rc<Vec<Choice>> {
    use chrono::Datelike;
    let next_year = chrono::Utc::now().year() + 1;
    let year = |year: i32| Choice::new(year.to_string(), year.to_string());
    // Kept under the year, which changes without a write.
    let years = kept_choices(lang, &format!("year {next_year}"), || {
        (2010..=next_year).rev().map(year).collect()
    });
    match filter.year.map(|y| y.value()) {
        Some(asked) if !(2010..=next_year).contains(&asked) => {
            let mut with_asked: Vec<Choice> = years.iter().cloned().collect();
            with_asked.push(year(asked));
            Rc::new(with_asked)
        }
        _ => years,
    }
}

pub struct PageLink {
    pub number: u32,
    pub href: String,
    pub current: bool,
}

/// Links between the pages of a list; every link keeps the filters.
pub struct Pager {
    pub summary: String,
    pub previous: Option<String>,
    pub next: Option<String>,
    pub pages: Vec<PageLink>,
}

impl Pager {
    pub fn new<T>(lang: Lang, path: &str, page: &Page<T>, filter: &ListFilter) -> Self {
        Self::linking(lang, page, |number| {
            format!("{path}{}", filter.query_string_for_page(number))
        })
    }

    /// A pager whose page `n` is at `href(n)`.
    pub fn linking<T>(lang: Lang, page: &Page<T>, href: impl Fn(u32) -> String) -> Self {
        let last = page.last_number();
        let current = page.number;
        let first_shown = i64::from(current - 1) * page.size + 1;
        let summary = match page.total {
            0 => String::new(),
            total if page.items.is_empty() => lang.t_with(
                "pager-past-end",
                &[("page", current.into()), ("total", total.into())],
            ),
            total => lang.t_with(
                "pager-summary",
                &[
                    ("first", first_shown.into()),
                    ("last", (first_shown + page.items.len() as i64 - 1).into()),
                    ("total", total.into()),
                ],
            ),
        };
        // First, last, and two either side of the current page (counted from these alone, not
        // by walking the thousands of pages a large list has).
        let mut numbers: Vec<u32> = [1, last]
            .into_iter()
            .chain(current.saturating_sub(2)..=current.saturating_add(2))
            .filter(|n| (1..=last).contains(n))
            .collect();
        numbers.sort_unstable();
        numbers.dedup();
        let pages = numbers
            .into_iter()
            .map(|number| PageLink {
                number,
                href: href(number),
                current: number == current,
            })
            .collect();
        Self {
            summary,
            previous: (current > 1).then(|| href(current.min(last + 1) - 1)),
            next: (current < last).then(|| href(current + 1)),
            pages,
        }
    }

    pub fn has_links(&self) -> bool {
        self.pages.len() > 1 || self.previous.is_some()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn linked_data_cannot_end_its_script_and_means_the_same() {
        let data = serde_json::json!({ "name": "</script><b>R&D</b>", "plain": "MIMOS" });
        let layout = Layout::new("A record", Section::None).linked_data(&data);
        let written = layout.linked_data.unwrap();
        assert!(!written.contains(['<', '>', '&']), "{written}");
        assert!(written.contains(r"\u003c/script\u003e") && written.contains(r"R\u0026D"));
        assert_eq!(
            serde_json::from_str::<serde_json::Value>(&written).unwrap(),
            data
        );
    }

    #[test]
    fn each_section_stands_at_its_index_in_the_list_of_all() {
        for (at, section) in Section::ALL.into_iter().enumerate() {
            assert_eq!(section.index(), at, "{section:?}");
        }
    }

    use crate::domain::PageNumber;

    fn page_of(total: i64, number: u32, shown: usize) -> (Page<()>, ListFilter) {
        let filter = ListFilter {
            page: PageNumber::parse(&number.to_string()).unwrap(),
            year: Some(crate::domain::Year::parse("2024").unwrap()),
            ..ListFilter::default()
        };
        (Page::new(vec![(); shown], total, &filter), filter)
    }

    #[test]
    fn pager_links_keep_the_filters() {
        let (page, filter) = page_of(95, 2, 20);
        let pager = Pager::new(Lang::En, "/mous", &page, &filter);
        assert_eq!(pager.previous.as_deref(), Some("/mous?year=2024"));
        assert_eq!(pager.next.as_deref(), Some("/mous?year=2024&page=3"));
        assert_eq!(pager.summary, "Showing 21–40 of 95");
        let numbers: Vec<u32> = pager.pages.iter().map(|p| p.number).collect();
        assert_eq!(numbers, vec![1, 2, 3, 4, 5]);
    }

    #[test]
    fn a_single_page_needs_no_links() {
        let (page, filter) = page_of(3, 1, 3);
        assert!(!Pager::new(Lang::En, "/mous", &page, &filter).has_links());
    }

    #[test]
    fn a_page_past_the_end_links_back_to_the_last() {
        let (page, filter) = page_of(25, 9, 0);
        let pager = Pager::new(Lang::En, "/mous", &page, &filter);
        assert_eq!(pager.previous.as_deref(), Some("/mous?year=2024&page=2"));
        assert_eq!(pager.next, None);
    }
}
