use super::{ListSpec, detail_page};
use crate::db::Reader;
use crate::db::areas::{self, AreaDetail, AreaItem};
use crate::domain::{PublicUrl, RecordKind};
use crate::error::{AppResult, html};
use crate::views::{Layout, Section};
use actix_web::{HttpResponse, get, web};
use askama::Template;

pub(crate) const LIST: ListSpec = ListSpec {
    kind: RecordKind::Area,
    title: "Focus areas",
    intro: "The fields of science and technology the cooperation works in.",
    section: Section::Areas,
    filters: &[],
    feed: None,
    record_feeds: true,
};

#[derive(Template)]
#[template(path = "public/areas.html")]
struct ListPage {
    layout: Layout,
    areas: Vec<AreaItem>,
}

#[get("/areas")]
pub async fn list(
    reader: web::Data<Reader>,
    site: web::Data<PublicUrl>,
) -> AppResult<HttpResponse> {
    let areas = reader.read(areas::list)?;
    html(ListPage {
        layout: Layout::new(LIST.title, LIST.section)
            .describe(LIST.intro)
            .canonical(site.join("/areas"))
            .alternate("/areas.csv", "text/csv", "Download CSV")
            .alternate("/api/v1/areas", "application/json", "JSON"),
        areas,
    })
}

#[derive(Template)]
#[template(path = "public/area.html")]
struct DetailPage {
    layout: Layout,
    record: AreaDetail,
}

#[get("/areas/{slug}")]
pub async fn detail(
    reader: web::Data<Reader>,
    site: web::Data<PublicUrl>,
    slug: web::Path<String>,
) -> AppResult<HttpResponse> {
    detail_page(
        &reader,
        &site,
        slug,
        &LIST,
        areas::detail,
        |layout, record| DetailPage { layout, record },
    )
}
