use crate::db::Reader;
use crate::db::editorial::{self, PublishedRevision};
use crate::domain::Slug;
use crate::error::{AppError, AppResult, html};
use crate::i18n::Lang;
use crate::views::{Layout, Section};
use actix_web::{HttpResponse, get, web};
use askama::Template;

#[derive(Template)]
#[template(path = "public/revision.html")]
struct RevisionPage {
    layout: Layout,
    slug: String,
    revision: PublishedRevision,
}

/// The permanent address of each published version of a statement.
#[get("/statements/{slug}/v/{number}")]
pub async fn published_version(
    lang: Lang,
    path: web::Path<(String, i32)>,
    reader: web::Data<Reader>,
) -> AppResult<HttpResponse> {
    let (slug, number) = path.into_inner();
    let slug = Slug::parse(&slug).map_err(|_| AppError::NotFound)?;
    let revision = reader
        .read(|conn| editorial::published_revision(conn, &slug, number))?
        .ok_or(AppError::NotFound)?;
    let title = lang.t_with(
        "revision-title",
        &[
            ("title", revision.title.shown(lang).text.to_owned().into()),
            ("number", number.into()),
        ],
    );
    html(RevisionPage {
        layout: Layout::new(title, Section::Statements)
            .texts(&[&revision.title, &revision.summary, &revision.body_html])
            .within("/statements", &lang.t("statements-title"))
            .within(
                &format!("/statements/{slug}"),
                &revision.current_title.to_string(),
            ),
        slug: slug.to_string(),
        revision,
    })
}
