//! The public pages: one module per collection, each with its list and detail page.

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
