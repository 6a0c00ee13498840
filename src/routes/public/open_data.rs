use crate::domain::{PublicUrl, RecordKind};
use crate::error::{AppResult, html};
use crate::i18n::Lang;
use crate::views::{Layout, Section};
use actix_web::{HttpResponse, get, web};
use askama::Template;

#[derive(Template)]
#[template(path = "public/open_data.html")]
struct OpenDataPage {
    layout: Layout,
    kinds: &'static [RecordKind],
    filters: &'static [(&'static str, &'static str)],
}

/// The query parameters of the collections (see `ListFilter`), each with a value it may take.
const FILTERS: [(&str, &str); 9] = [
    ("area", "microelectronics-and-semiconductors"),
    ("organisation", "mimos"),
    ("person", "chang-lih-kang"),
    ("agreement", "sti-cooperation-agreement-2013"),
    ("country", "MY"),
    ("kind", "university"),
    ("status", "signed"),
    ("year", "2024"),
    ("page", "2"),
];

/// Where machines (and people with spreadsheets) find the record: feeds, calendar, API, CSV.
#[get("/open-data")]
pub async fn open_data(lang: Lang, site: web::Data<PublicUrl>) -> AppResult<HttpResponse> {
    html(OpenDataPage {
        layout: Layout::new(lang.t("open-data-title"), Section::None)
            .describe(lang.t("open-data-intro"))
            .canonical(site.join(&lang.href("/open-data"))),
        kinds: RecordKind::ALL,
        filters: &FILTERS,
    })
}
