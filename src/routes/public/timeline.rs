use crate::db::Reader;
use crate::db::history::{self, Event, YearOfEvents};
use crate::db::reference::{Named, filter_choices};
use crate::domain::{ListFilter, ListQuery, PublicUrl, RecordKind, RecordStatus};
use crate::error::{AppResult, html};
use crate::i18n::Lang;
use crate::views::{Layout, Section};
use actix_web::{HttpResponse, get, web};
use askama::Template;
use std::borrow::Cow;

#[derive(Template)]
#[template(path = "public/timeline.html")]
struct TimelinePage {
    layout: Layout,
    years: Vec<YearOfEvents>,
    areas: Vec<Named>,
    filter: ListFilter,
}

impl TimelinePage {
    fn is_current(&self, area: &Named) -> bool {
        self.filter.area.as_ref().map(|s| s.as_str()) == Some(area.slug.as_str())
    }

    /// What happened, in the page's language: the status an agreement reached (the timeline
    /// names it by its English label), or what an event of its kind is.
    fn what(&self, event: &Event) -> Cow<'static, str> {
        let status = RecordStatus::ALL.iter().find(|s| s.label() == event.what);
        match (event.kind, status) {
            (RecordKind::Agreement, Some(status)) => {
                self.layout.lang.term("status", status.as_str())
            }
            (kind, _) => self.layout.lang.term("timeline-event", kind.as_str()),
        }
    }
}

/// Every dated event, oldest first, grouped by year; `area` (and `year`) narrow it.
#[get("/timeline")]
pub async fn timeline(
    lang: Lang,
    reader: web::Data<Reader>,
    site: web::Data<PublicUrl>,
    query: web::Query<ListQuery>,
) -> AppResult<HttpResponse> {
    let filter = ListFilter::try_from(query.into_inner())?;
    let (years, areas) = reader.read(|conn| {
        Ok((
            history::timeline(conn, &filter)?,
            filter_choices(conn)?.areas.clone(),
        ))
    })?;
    html(TimelinePage {
        layout: Layout::new(lang.t("timeline-title"), Section::None)
            .describe(lang.t("timeline-intro"))
            .canonical(site.join(&format!(
                "{}/timeline{}",
                lang.prefix(),
                filter.query_string_for_page(1)
            ))),
        years,
        areas,
        filter,
    })
}
