use super::ATOM;
use crate::db::Reader;
use crate::db::home::{Home, gather};
use crate::domain::PublicUrl;
use crate::error::{AppResult, html};
use crate::i18n::Lang;
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
    lang: Lang,
    reader: web::Data<Reader>,
    site: web::Data<PublicUrl>,
) -> AppResult<HttpResponse> {
    let today = chrono::Utc::now().date_naive();
    let home = reader.read(|conn| gather(conn, today))?;
    html(HomePage {
        layout: Layout::new(lang.t("nav-home"), Section::Home)
            .describe(lang.t("home-description"))
            .canonical(site.join(&lang.href("/")))
            .alternate(lang.href("/feed.atom"), ATOM, lang.t("alt-statements-feed")),
        home,
    })
}
