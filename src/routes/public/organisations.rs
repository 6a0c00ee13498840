use super::{ListChrome, ListSpec, detail_page, list_page};
use crate::db::Reader;
use crate::db::organisations::{self, OrganisationDetail, OrganisationItem};
use crate::db::reference::Page;
use crate::domain::ListQuery;
use crate::error::AppResult;
use crate::views::{Filter, Layout, Section};
use actix_web::{HttpResponse, get, web};
use askama::Template;

const LIST: ListSpec = ListSpec {
    path: "/organisations",
    title: "Organisations",
    intro: "Ministries, agencies, universities, research institutes and companies taking part in the cooperation.",
    section: Section::Organisations,
    filters: &[Filter::Area, Filter::Country, Filter::Kind],
};

#[derive(Template)]
#[template(path = "public/organisations.html")]
struct ListPage {
    layout: Layout,
    chrome: ListChrome,
    page: Page<OrganisationItem>,
}

#[get("/organisations")]
pub async fn list(
    reader: web::Data<Reader>,
    query: web::Query<ListQuery>,
) -> AppResult<HttpResponse> {
    list_page(
        &reader,
        query.into_inner(),
        &LIST,
        organisations::list,
        |layout, chrome, page| ListPage {
            layout,
            chrome,
            page,
        },
    )
}

#[derive(Template)]
#[template(path = "public/organisation.html")]
struct DetailPage {
    layout: Layout,
    record: OrganisationDetail,
}

#[get("/organisations/{slug}")]
pub async fn detail(reader: web::Data<Reader>, slug: web::Path<String>) -> AppResult<HttpResponse> {
    detail_page(&reader, slug, organisations::detail, |record| DetailPage {
        layout: Layout::new(record.organisation.name.clone(), Section::Organisations)
            .within("/organisations", "Organisations"),
        record,
    })
}
