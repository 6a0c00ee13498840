use super::{ListSpec, detail_page};
use crate::db::Reader;
use crate::db::areas::{self, AreaDetail, AreaItem};
use crate::domain::{PublicUrl, RecordKind};
use crate::error::{AppResult, html};
use crate::i18n::Lang;
use crate::views::{Layout, Section};
use actix_web::{HttpResponse, get, web};
use askama::Template;

pub(crate) const LIST: ListSpec = ListSpec {
    kind: RecordKind::Area,
    title: "areas-title",
    intro: "areas-intro",
    section: Section::Areas,
    filters: &[],
    feed: None,
    record_feeds: true,
    comparable: false,
};

#[derive(Template)]
#[template(path = "public/areas.html")]
struct ListPage {
    layout: Layout,
    areas: Vec<AreaItem>,
}

#[get("/areas")]
pub async fn list(
    lang: Lang,
    reader: web::Data<Reader>,
    site: web::Data<PublicUrl>,
) -> AppResult<HttpResponse> {
    let areas = reader.read(areas::list)?;
    html(ListPage {
        layout: Layout::new(lang.t(LIST.title), LIST.section)
            .describe(lang.t(LIST.intro))
            .canonical(site.join(&lang.href("/areas")))
            .alternate(lang.href("/areas.csv"), "text/csv", lang.t("alt-csv"))
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
    lang: Lang,
    reader: web::Data<Reader>,
    site: web::Data<PublicUrl>,
    slug: web::Path<String>,
    query: web::Query<super::DetailQuery>,
) -> AppResult<HttpResponse> {
    detail_page(
        lang,
        &reader,
        &site,
        slug,
        &query,
        &LIST,
        areas::detail,
        |layout, record, _| DetailPage { layout, record },
    )
}
