use super::{ListChrome, ListSpec, detail_page, list_page};
use crate::db::Reader;
use crate::db::reference::Page;
use crate::db::statements::{self, StatementDetail, StatementItem};
use crate::domain::ListQuery;
use crate::error::AppResult;
use crate::views::{Filter, Layout, Section};
use actix_web::{HttpResponse, get, web};
use askama::Template;

const LIST: ListSpec = ListSpec {
    path: "/statements",
    title: "Press statements",
    intro: "Press statements on the cooperation, newest first. Each links to the records it is about.",
    section: Section::Statements,
    filters: &[Filter::Area, Filter::Organisation, Filter::Year],
};

#[derive(Template)]
#[template(path = "public/statements.html")]
struct ListPage {
    layout: Layout,
    chrome: ListChrome,
    page: Page<StatementItem>,
}

#[get("/statements")]
pub async fn list(
    reader: web::Data<Reader>,
    query: web::Query<ListQuery>,
) -> AppResult<HttpResponse> {
    list_page(
        &reader,
        query.into_inner(),
        &LIST,
        statements::list,
        |layout, chrome, page| ListPage {
            layout,
            chrome,
            page,
        },
    )
}

#[derive(Template)]
#[template(path = "public/statement.html")]
struct DetailPage {
    layout: Layout,
    record: StatementDetail,
}

#[get("/statements/{slug}")]
pub async fn detail(reader: web::Data<Reader>, slug: web::Path<String>) -> AppResult<HttpResponse> {
    detail_page(&reader, slug, statements::detail, |record| DetailPage {
        layout: Layout::new(record.title.clone(), Section::Statements)
            .within("/statements", "Press statements"),
        record,
    })
}
