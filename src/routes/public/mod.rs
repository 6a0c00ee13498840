//! The public pages: one module per collection, each with its list and detail page.

/// Declares the list page and the detail page of one collection: their templates and handlers.
/// Every collection's pages work alike; what differs is named here.
macro_rules! collection {
    (
        queries: $db:ident,
        list: $path:tt, $list_template:tt, $item:ty,
        detail: $detail_path:tt, $detail_template:tt, $record_type:ty,
        spec: { title: $title:tt, intro: $intro:tt, section: $section:ident, filters: [$($filter:ident),* $(,)?] $(,)? },
        heading: |$record:ident| $heading:expr $(,)?
    ) => {
        use super::{ListChrome, ListSpec, detail_page, list_page};
        use crate::db::Reader;
        use crate::db::reference::Page;
        use crate::domain::ListQuery;
        use crate::error::AppResult;
        use crate::views::{Filter, Layout, Section};
        use actix_web::{HttpResponse, get, web};
        use askama::Template;

        const LIST: ListSpec = ListSpec {
            path: $path,
            title: $title,
            intro: $intro,
            section: Section::$section,
            filters: &[$(Filter::$filter),*],
        };

        #[derive(Template)]
        #[template(path = $list_template)]
        struct ListPage {
            layout: Layout,
            chrome: ListChrome,
            page: Page<$item>,
        }

        #[get($path)]
        pub async fn list(
            reader: web::Data<Reader>,
            query: web::Query<ListQuery>,
        ) -> AppResult<HttpResponse> {
            list_page(&reader, query.into_inner(), &LIST, $db::list, |layout, chrome, page| {
                ListPage { layout, chrome, page }
            })
        }

        #[derive(Template)]
        #[template(path = $detail_template)]
        struct DetailPage {
            layout: Layout,
            record: $record_type,
        }

        #[get($detail_path)]
        pub async fn detail(
            reader: web::Data<Reader>,
            slug: web::Path<String>,
        ) -> AppResult<HttpResponse> {
            detail_page(&reader, slug, $db::detail, |$record| DetailPage {
                layout: Layout::new($heading.clone(), Section::$section).within($path, $title),
                record: $record,
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
mod organisations;
mod people;
mod statements;

use crate::db::reference::{FilterChoices, Page, filter_choices, filter_subject_names};
use crate::db::{DbResult, Reader};
use crate::domain::{ListFilter, ListQuery, Slug};
use crate::error::{AppError, AppResult, html};
use crate::views::{Filter, FilterForm, Layout, Pager, Section};
use actix_web::{HttpResponse, web};
use askama::Template;
use diesel::SqliteConnection;

pub fn configure(config: &mut web::ServiceConfig) {
    config
        .service(home::home_page)
        .service(statements::list)
        .service(statements::detail)
        .service(agreements::list)
        .service(agreements::detail)
        .service(meetings::list)
        .service(meetings::detail)
        .service(delegations::list)
        .service(delegations::detail)
        .service(mous::list)
        .service(mous::detail)
        .service(organisations::list)
        .service(organisations::detail)
        .service(people::list)
        .service(people::detail)
        .service(areas::list)
        .service(areas::detail);
}

/// What sets one collection's list page apart from the others.
struct ListSpec {
    path: &'static str,
    title: &'static str,
    intro: &'static str,
    section: Section,
    filters: &'static [Filter],
}

/// The parts of a list page every collection shares: heading, filter form, pager.
struct ListChrome {
    intro: &'static str,
    form: FilterForm,
    pager: Pager,
    total: i64,
    filtered: bool,
}

/// Serves one list page: parses the filters, reads one page of `list`, renders `template`.
fn list_page<T, P: Template>(
    reader: &Reader,
    query: ListQuery,
    spec: &ListSpec,
    list: fn(&mut SqliteConnection, &ListFilter) -> DbResult<Page<T>>,
    template: impl FnOnce(Layout, ListChrome, Page<T>) -> P,
) -> AppResult<HttpResponse> {
    let filter = ListFilter::try_from(query)?;
    let (page, choices, fixed): (Page<T>, FilterChoices, _) = reader.read(|conn| {
        Ok((
            list(conn, &filter)?,
            filter_choices(conn)?,
            filter_subject_names(conn, &filter)?,
        ))
    })?;
    let chrome = ListChrome {
        intro: spec.intro,
        form: FilterForm::new(spec.path, spec.filters, &filter, choices, fixed),
        pager: Pager::new(spec.path, &page, &filter),
        total: page.total,
        filtered: filter.is_filtered(),
    };
    let layout = Layout::new(spec.title, spec.section).describe(spec.intro);
    html(template(layout, chrome, page))
}

/// Serves one record's page: 404 unless the slug names a record that `detail` finds.
fn detail_page<R, P: Template>(
    reader: &Reader,
    slug: web::Path<String>,
    detail: fn(&mut SqliteConnection, &Slug) -> DbResult<Option<R>>,
    template: impl FnOnce(R) -> P,
) -> AppResult<HttpResponse> {
    // Anything that cannot be a slug cannot name a record.
    let slug = Slug::parse(&slug.into_inner()).map_err(|_| AppError::NotFound)?;
    let record = reader
        .read(|conn| detail(conn, &slug))?
        .ok_or(AppError::NotFound)?;
    html(template(record))
}
