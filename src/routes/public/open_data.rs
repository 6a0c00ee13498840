use crate::domain::{PublicUrl, RecordKind};
use crate::error::{AppResult, html};
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
pub async fn open_data(site: web::Data<PublicUrl>) -> AppResult<HttpResponse> {
    html(OpenDataPage {
        layout: Layout::new("Open data", Section::None)
            .describe("Feeds, a calendar, a JSON API and CSV files of every public record.")
            .canonical(site.join("/open-data")),
        kinds: RecordKind::ALL,
    })
}
