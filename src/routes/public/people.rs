use super::{ListChrome, ListSpec, detail_page, list_page};
use crate::db::Reader;
use crate::db::people::{self, PersonDetail, PersonItem};
use crate::db::reference::Page;
use crate::domain::ListQuery;
use crate::error::AppResult;
use crate::views::{Filter, Layout, Section};
use actix_web::{HttpResponse, get, web};
use askama::Template;

const LIST: ListSpec = ListSpec {
    path: "/people",
    title: "People",
    intro: "Ministers, officials and others who chair, sign, lead and witness.",
    section: Section::People,
    filters: &[Filter::Organisation, Filter::Country],
};

#[derive(Template)]
#[template(path = "public/people.html")]
struct ListPage {
    layout: Layout,
    chrome: ListChrome,
    page: Page<PersonItem>,
}

#[get("/people")]
pub async fn list(
    reader: web::Data<Reader>,
    query: web::Query<ListQuery>,
) -> AppResult<HttpResponse> {
    list_page(
        &reader,
        query.into_inner(),
        &LIST,
        people::list,
        |layout, chrome, page| ListPage {
            layout,
            chrome,
            page,
        },
    )
}

#[derive(Template)]
#[template(path = "public/person.html")]
struct DetailPage {
    layout: Layout,
    record: PersonDetail,
}

#[get("/people/{slug}")]
pub async fn detail(reader: web::Data<Reader>, slug: web::Path<String>) -> AppResult<HttpResponse> {
    detail_page(&reader, slug, people::detail, |record| DetailPage {
        layout: Layout::new(record.name.clone(), Section::People).within("/people", "People"),
        record,
    })
}
