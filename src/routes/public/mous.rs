use super::{ListChrome, ListSpec, detail_page, list_page};
use crate::db::Reader;
use crate::db::mous::{self, MouDetail, MouItem};
use crate::db::reference::Page;
use crate::domain::ListQuery;
use crate::error::AppResult;
use crate::views::{Filter, Layout, Section};
use actix_web::{HttpResponse, get, web};
use askama::Template;

const LIST: ListSpec = ListSpec {
    path: "/mous",
    title: "Memoranda of understanding",
    intro: "Memoranda of understanding signed between universities, agencies and companies of the two countries.",
    section: Section::Mous,
    filters: &[
        Filter::Area,
        Filter::Organisation,
        Filter::Country,
        Filter::Status,
        Filter::Year,
    ],
};

#[derive(Template)]
#[template(path = "public/mous.html")]
struct ListPage {
    layout: Layout,
    chrome: ListChrome,
    page: Page<MouItem>,
}

#[get("/mous")]
pub async fn list(
    reader: web::Data<Reader>,
    query: web::Query<ListQuery>,
) -> AppResult<HttpResponse> {
    list_page(
        &reader,
        query.into_inner(),
        &LIST,
        mous::list,
        |layout, chrome, page| ListPage {
            layout,
            chrome,
            page,
        },
    )
}

#[derive(Template)]
#[template(path = "public/mou.html")]
struct DetailPage {
    layout: Layout,
    record: MouDetail,
}

#[get("/mous/{slug}")]
pub async fn detail(reader: web::Data<Reader>, slug: web::Path<String>) -> AppResult<HttpResponse> {
    detail_page(&reader, slug, mous::detail, |record| DetailPage {
        layout: Layout::new(record.title.clone(), Section::Mous)
            .within("/mous", "Memoranda of understanding"),
        record,
    })
}
