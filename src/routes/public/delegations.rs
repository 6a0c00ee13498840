use super::{ListChrome, ListSpec, detail_page, list_page};
use crate::db::Reader;
use crate::db::delegations::{self, DelegationDetail, DelegationItem};
use crate::db::reference::Page;
use crate::domain::ListQuery;
use crate::error::AppResult;
use crate::views::{Filter, Layout, Section};
use actix_web::{HttpResponse, get, web};
use askama::Template;

const LIST: ListSpec = ListSpec {
    path: "/delegations",
    title: "Delegations",
    intro: "Ministerial and official visits between the two countries, with their itineraries.",
    section: Section::Delegations,
    filters: &[
        Filter::Area,
        Filter::Organisation,
        Filter::Country,
        Filter::Year,
    ],
};

#[derive(Template)]
#[template(path = "public/delegations.html")]
struct ListPage {
    layout: Layout,
    chrome: ListChrome,
    page: Page<DelegationItem>,
}

#[get("/delegations")]
pub async fn list(
    reader: web::Data<Reader>,
    query: web::Query<ListQuery>,
) -> AppResult<HttpResponse> {
    list_page(
        &reader,
        query.into_inner(),
        &LIST,
        delegations::list,
        |layout, chrome, page| ListPage {
            layout,
            chrome,
            page,
        },
    )
}

#[derive(Template)]
#[template(path = "public/delegation.html")]
struct DetailPage {
    layout: Layout,
    record: DelegationDetail,
}

#[get("/delegations/{slug}")]
pub async fn detail(reader: web::Data<Reader>, slug: web::Path<String>) -> AppResult<HttpResponse> {
    detail_page(&reader, slug, delegations::detail, |record| DetailPage {
        layout: Layout::new(record.delegation.title.clone(), Section::Delegations)
            .within("/delegations", "Delegations"),
        record,
    })
}
