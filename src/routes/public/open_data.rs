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
}

/// Where machines (and people with spreadsheets) find the record: feeds, calendar, API, CSV.
#[get("/open-data")]
pub async fn open_data(lang: Lang, site: web::Data<PublicUrl>) -> AppResult<HttpResponse> {
    html(OpenDataPage {
        layout: Layout::new(lang.t("open-data-title"), Section::None)
            .describe(lang.t("open-data-intro"))
            .canonical(site.join(&lang.href("/open-data"))),
        kinds: RecordKind::ALL,
    })
}
