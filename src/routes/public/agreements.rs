use super::{ListChrome, ListSpec, detail_page, list_page};
use crate::db::Reader;
use crate::db::agreements::{self, AgreementDetail, AgreementItem};
use crate::db::reference::Page;
use crate::domain::ListQuery;
use crate::error::AppResult;
use crate::views::{Filter, Layout, Section};
use actix_web::{HttpResponse, get, web};
use askama::Template;

const LIST: ListSpec = ListSpec {
    path: "/agreements",
    title: "Agreements",
    intro: "Government-to-government agreements that frame the cooperation, with their status over time.",
    section: Section::Agreements,
    filters: &[Filter::Area, Filter::Country, Filter::Status, Filter::Year],
};

#[derive(Template)]
#[template(path = "public/agreements.html")]
struct ListPage {
    layout: Layout,
    chrome: ListChrome,
    page: Page<AgreementItem>,
}

#[get("/agreements")]
pub async fn list(
    reader: web::Data<Reader>,
    query: web::Query<ListQuery>,
) -> AppResult<HttpResponse> {
    list_page(
        &reader,
        query.into_inner(),
        &LIST,
        agreements::list,
        |layout, chrome, page| ListPage {
            layout,
            chrome,
            page,
        },
    )
}

#[derive(Template)]
#[template(path = "public/agreement.html")]
struct DetailPage {
    layout: Layout,
    record: AgreementDetail,
}

#[get("/agreements/{slug}")]
pub async fn detail(reader: web::Data<Reader>, slug: web::Path<String>) -> AppResult<HttpResponse> {
    detail_page(&reader, slug, agreements::detail, |record| DetailPage {
        layout: Layout::new(record.agreement.title.clone(), Section::Agreements)
            .within("/agreements", "Agreements"),
        record,
    })
}
