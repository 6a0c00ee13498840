use super::detail_page;
use crate::db::Reader;
use crate::db::areas::{self, AreaDetail, AreaItem};
use crate::error::{AppResult, html};
use crate::views::{Layout, Section};
use actix_web::{HttpResponse, get, web};
use askama::Template;

#[derive(Template)]
#[template(path = "public/areas.html")]
struct ListPage {
    layout: Layout,
    areas: Vec<AreaItem>,
}

#[get("/areas")]
pub async fn list(reader: web::Data<Reader>) -> AppResult<HttpResponse> {
    let areas = reader.read(areas::list)?;
    html(ListPage {
        layout: Layout::new("Focus areas", Section::Areas)
            .describe("The fields of science and technology the cooperation works in."),
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
pub async fn detail(reader: web::Data<Reader>, slug: web::Path<String>) -> AppResult<HttpResponse> {
    detail_page(&reader, slug, areas::detail, |record| DetailPage {
        layout: Layout::new(record.name.clone(), Section::Areas)
            .describe(record.description.clone())
            .within("/areas", "Focus areas"),
        record,
    })
}
