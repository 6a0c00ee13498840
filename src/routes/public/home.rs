use super::ATOM;
use crate::db::Reader;
use crate::db::home::{Home, gather};
use crate::domain::PublicUrl;
use crate::error::{AppResult, html};
use crate::views::{Layout, Section};
use actix_web::{HttpResponse, get, web};
use askama::Template;

#[derive(Template)]
#[template(path = "public/home.html")]
struct HomePage {
    layout: Layout,
    home: Home,
}

#[get("/")]
pub async fn home_page(
    reader: web::Data<Reader>,
    site: web::Data<PublicUrl>,
) -> AppResult<HttpResponse> {
    let today = chrono::Utc::now().date_naive();
    let home = reader.read(|conn| gather(conn, today))?;
    html(HomePage {
        layout: Layout::new("Home", Section::Home).describe(
            "Agreements, meetings, delegations, MoUs and press statements of the Malaysia–China science, technology and innovation cooperation.",
        )
        .canonical(site.join("/"))
        .alternate("/feed.atom", ATOM, "Atom feed of press statements"),
        home,
    })
}
