//! The public pages: one module per collection, each with its list and detail page.

/// Declares the list page and the detail page of one collection: their templates and handlers.
/// The spec names the collection's kind, title, introduction, section, filters and feeds.
/// Every collection's pages work alike; what differs is named here.
macro_rules! collection {
    (
        queries: $db:ident,
        list: $path:tt, $list_template:tt, $item:ty,
        detail: $detail_path:tt, $detail_template:tt, $record_type:ty,
        spec: $spec:tt $(,)?
    ) => {
        use super::{ListChrome, ListSpec, detail_page, list_page};
        use crate::db::Reader;
        use crate::db::reference::Page;
        use crate::domain::{ListQuery, PublicUrl, RecordKind};
        use crate::error::AppResult;
        use crate::i18n::Lang;
        use crate::views::{Filter, Layout, Section};
        use actix_web::{HttpResponse, get, web};
        use askama::Template;

        pub(super) const LIST: ListSpec = ListSpec $spec;

        #[derive(Template)]
        #[template(path = $list_template)]
        struct ListPage {
            layout: Layout,
            chrome: ListChrome,
            page: Page<$item>,
        }

        #[get($path)]
        pub async fn list(
            lang: Lang,
            reader: web::Data<Reader>,
            site: web::Data<PublicUrl>,
            query: web::Query<ListQuery>,
        ) -> AppResult<HttpResponse> {
            list_page(lang, &reader, &site, query.into_inner(), &LIST, ($db::list, $db::count), |layout, chrome, page| {
                ListPage { layout, chrome, page }
            })
        }

        #[derive(Template)]
        #[template(path = $detail_template)]
        struct DetailPage {
            layout: Layout,
            record: $record_type,
            /// The second language shown beside the page's, when the reader asked for one.
            #[allow(dead_code, reason = "only statements and MoUs offer a comparison")]
            compare: Option<Lang>,
        }

        #[get($detail_path)]
        pub async fn detail(
            lang: Lang,
            reader: web::Data<Reader>,
            site: web::Data<PublicUrl>,
            slug: web::Path<String>,
            query: web::Query<super::DetailQuery>,
        ) -> AppResult<HttpResponse> {
            detail_page(lang, &reader, &site, slug, &query, &LIST, $db::detail, |layout, record, compare| DetailPage {
                layout,
                record,
                compare,
            })
        }
    };
}

mod agreements;
mod areas;
mod delegations;
mod home;
mod meetings;
mod mous;
mod open_data;
mod organisations;
mod people;
mod revisions;
mod search;
mod statements;
mod stats;
mod timeline;

use crate::db::reference::{Page, filter_choices, filter_subject_names};
use crate::db::{DbResult, Reader};
use crate::domain::{InvalidInput, ListFilter, ListQuery, PublicUrl, RecordKind, Slug};
use crate::error::{AppError, AppResult, html};
use crate::i18n::Lang;
use crate::linked_data::RecordPage;
use crate::views::{Filter, FilterForm, Layout, Pager, Section};
use actix_web::{HttpResponse, web};
use askama::Template;
use diesel::SqliteConnection;

/// Registers the public pages in English at the root, and again under each other language's
/// prefix; handlers learn the language from the path (`Lang` is an extractor). The pages at
/// fixed addresses come before those whose address has a variable part (see
/// `routes::configure`).
pub fn configure(config: &mut web::ServiceConfig) {
    fixed_pages(config);
    for lang in [Lang::Ms, Lang::Zh] {
        config.service(
            web::scope(lang.prefix())
                .configure(fixed_pages)
                .configure(record_pages),
        );
    }
    record_pages(config);
}

fn fixed_pages(config: &mut web::ServiceConfig) {
    config
        .service(home::home_page)
        .service(statements::list)
        .service(agreements::list)
        .service(meetings::list)
        .service(delegations::list)
        .service(mous::list)
        .service(organisations::list)
        .service(people::list)
        .service(areas::list)
        .service(search::search_page)
        .service(timeline::timeline)
        .service(stats::stats)
        .service(open_data::open_data);
    super::feeds::at_fixed_addresses(config);
}

fn record_pages(config: &mut web::ServiceConfig) {
    config
        .service(statements::detail)
        .service(agreements::detail)
        .service(meetings::detail)
        .service(delegations::detail)
        .service(mous::detail)
        .service(organisations::detail)
        .service(people::detail)
        .service(areas::detail)
        .service(revisions::published_version);
    super::feeds::of_records(config);
}

/// The media type of Atom feeds, which pages link in their head.
pub(crate) const ATOM: &str = "application/atom+xml";

/// What sets one collection's pages apart from the others.
pub(crate) struct ListSpec {
    pub kind: RecordKind,
    /// The message keys of the list's title and introduction.
    pub title: &'static str,
    pub intro: &'static str,
    pub section: Section,
    pub filters: &'static [Filter],
    /// The Atom feed of the list, if it has one.
    pub feed: Option<&'static str>,
    /// Whether each record has its own feed of the statements about it.
    pub record_feeds: bool,
    /// Whether a record's page can show a second language beside the reader's (`?compare=zh`).
    pub comparable: bool,
}

/// What a record's page takes in its query string.
#[derive(Debug, Default, serde::Deserialize)]
pub(crate) struct DetailQuery {
    compare: Option<String>,
}

impl DetailQuery {
    /// The language to show beside the page's: one the portal speaks, on a page that offers it.
    fn compare(&self, spec: &ListSpec, lang: Lang) -> Result<Option<Lang>, InvalidInput> {
        let Some(code) = self.compare.as_deref() else {
            return Ok(None);
        };
        if !spec.comparable {
            return Err(InvalidInput::new("compare", "is not offered on this page"));
        }
        let other = Lang::from_code(code)
            .ok_or_else(|| InvalidInput::new("compare", "must be one of: en ms zh"))?;
        Ok((other != lang).then_some(other))
    }
}

/// The parts of a list page every collection shares: heading, filter form, pager.
struct ListChrome {
    intro: std::borrow::Cow<'static, str>,
    form: FilterForm,
    pager: Pager,
    total: i64,
    filtered: bool,
}

/// A collection's page of records and its count, for the same filter.
type ListQueries<T> = (
    fn(&mut SqliteConnection, &ListFilter) -> DbResult<Page<T>>,
    fn(&mut SqliteConnection, &ListFilter) -> DbResult<i64>,
);

/// Lists longer than this show their filter choices without counts.
const COUNTED_UP_TO: i64 = 2_000;

/// Serves one list page: parses the filters, reads one page of `list` and the count of each
/// filter choice, renders `template`.
fn list_page<T, P: Template>(
    lang: Lang,
    reader: &Reader,
    site: &PublicUrl,
    query: ListQuery,
    spec: &ListSpec,
    (list, count): ListQueries<T>,
    template: impl FnOnce(Layout, ListChrome, Page<T>) -> P,
) -> AppResult<HttpResponse> {
    let filter = ListFilter::try_from(query)?;
    let path = spec.kind.list_path();
    let local = lang.href(path);
    let (page, form) = reader.read(|conn| {
        let page = list(conn, &filter)?;
        let mut form = FilterForm::new(
            lang,
            local.clone(),
            spec.filters,
            &filter,
            &*filter_choices(conn)?,
            filter_subject_names(conn, &filter)?
                .into_iter()
                .map(|(field, name)| (field, name.shown(lang).text.to_owned()))
                .collect(),
        );
        // Each count is a query of its own over the collection: worth it while the collection
        // is small, not at scale.
        if page.total <= COUNTED_UP_TO && count(conn, &ListFilter::default())? <= COUNTED_UP_TO {
            form.count_choices(&filter, |chosen| count(conn, chosen))?;
        }
        Ok((page, form))
    })?;
    let chrome = ListChrome {
        intro: lang.t(spec.intro),
        pager: Pager::new(lang, &local, &page, &filter),
        form,
        total: page.total,
        filtered: filter.is_filtered(),
    };
    let filters = filter.query_string_for_page(1);
    let mut layout = Layout::new(lang.t(spec.title), spec.section)
        .describe(chrome.intro.clone())
        .canonical(site.join(&format!(
            "{local}{}",
            filter.query_string_for_page(page.number)
        )))
        .alternate(
            lang.href(&format!("{path}.csv{filters}")),
            "text/csv",
            lang.t("alt-csv"),
        )
        .alternate(
            format!("/api/v1{path}{filters}"),
            "application/json",
            "JSON",
        );
    if let Some(feed) = spec.feed {
        layout = layout.alternate(lang.href(feed), ATOM, lang.t("alt-atom"));
    }
    html(template(layout, chrome, page))
}

/// Serves one record's page: 404 unless the slug names a record that `detail` finds.
#[allow(
    clippy::too_many_arguments,
    reason = "each is one part of the request or the page"
)]
fn detail_page<R: RecordPage, P: Template>(
    lang: Lang,
    reader: &Reader,
    site: &PublicUrl,
    slug: web::Path<String>,
    query: &DetailQuery,
    spec: &ListSpec,
    detail: fn(&mut SqliteConnection, &Slug) -> DbResult<Option<R>>,
    template: impl FnOnce(Layout, R, Option<Lang>) -> P,
) -> AppResult<HttpResponse> {
    // Anything that cannot be a slug cannot name a record.
    let slug = Slug::parse(&slug.into_inner()).map_err(|_| AppError::NotFound)?;
    let compare = query.compare(spec, lang)?;
    let record = reader
        .read(|conn| detail(conn, &slug))?
        .ok_or(AppError::NotFound)?;
    let path = spec.kind.page(slug.as_str());
    let url = site.join(&lang.href(&path));
    let layout = Layout::new(record.heading(), spec.section)
        .texts(&record.texts())
        .describe(record.description())
        .within(spec.kind.list_path(), &lang.t(spec.title))
        .og_type(record.og_type())
        .linked_data(&record.linked_data(&url));
    // The JSON-LD borrows `url` until the statement that writes it ends; only then can the
    // canonical address take it.
    let mut layout =
        layout
            .canonical(url)
            .alternate(format!("/api/v1{path}"), "application/json", "JSON");
    if spec.record_feeds {
        layout = layout.alternate(
            lang.href(&format!("{path}/feed.atom")),
            ATOM,
            lang.t("alt-record-feed"),
        );
    }
    html(template(layout, record, compare))
}
