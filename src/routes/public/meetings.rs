use super::{ListChrome, ListSpec, detail_page, list_page};
use crate::db::Reader;
use crate::db::meetings::{self, MeetingDetail, MeetingItem};
use crate::db::reference::Page;
use crate::domain::ListQuery;
use crate::error::AppResult;
use crate::views::{Filter, Layout, Section};
use actix_web::{HttpResponse, get, web};
use askama::Template;

const LIST: ListSpec = ListSpec {
    path: "/meetings",
    title: "Meetings",
    intro: "Sessions of the joint committees and groups set up under the agreements.",
    section: Section::Meetings,
    filters: &[
        Filter::Area,
        Filter::Organisation,
        Filter::Country,
        Filter::Year,
    ],
};

#[derive(Template)]
#[template(path = "public/meetings.html")]
struct ListPage {
    layout: Layout,
    chrome: ListChrome,
    page: Page<MeetingItem>,
}

#[get("/meetings")]
pub async fn list(
    reader: web::Data<Reader>,
    query: web::Query<ListQuery>,
) -> AppResult<HttpResponse> {
    list_page(
        &reader,
        query.into_inner(),
        &LIST,
        meetings::list,
        |layout, chrome, page| ListPage {
            layout,
            chrome,
            page,
        },
    )
}

#[derive(Template)]
#[template(path = "public/meeting.html")]
struct DetailPage {
    layout: Layout,
    record: MeetingDetail,
}

#[get("/meetings/{slug}")]
pub async fn detail(reader: web::Data<Reader>, slug: web::Path<String>) -> AppResult<HttpResponse> {
    detail_page(&reader, slug, meetings::detail, |record| DetailPage {
        layout: Layout::new(record.meeting.title.clone(), Section::Meetings)
            .within("/meetings", "Meetings"),
        record,
    })
}
