use crate::db::Reader;
use crate::db::history::{self, Event, Timeline, YearCount};
use crate::db::reference::{Named, filter_choices};
use crate::domain::{ListFilter, ListQuery, PublicUrl, Year};
use crate::error::{AppResult, html};
use crate::i18n::Lang;
use crate::views::{Layout, Pager, Section};
use actix_web::{HttpResponse, get, web};
use askama::Template;
use std::borrow::Cow;

#[derive(Template)]
#[template(path = "public/timeline.html")]
struct TimelinePage {
    layout: Layout,
    timeline: Timeline,
    areas: Vec<Named>,
    filter: ListFilter,
    pager: Pager,
}

impl TimelinePage {
    fn is_current(&self, area: &Named) -> bool {
        self.filter.area.as_ref().map(|s| s.as_str()) == Some(area.slug.as_str())
    }

    fn is_current_year(&self, year: &YearCount) -> bool {
        self.filter.year.map(|y| y.value()) == Some(year.year)
    }

    /// The first page of the timeline of `year` (or of every year), in the area shown.
    fn year_href(&self, year: Option<&YearCount>) -> String {
        let filter = ListFilter {
            year: year.and_then(|y| Year::new(y.year).ok()),
            ..self.filter.clone()
        };
        self.layout
            .lang
            .href(&format!("/timeline{}", filter.query_string_for_page(1)))
    }

    /// How a year's link reads aloud: the year and how many events it holds.
    fn year_events(&self, year: &YearCount) -> String {
        self.layout.lang.t_with(
            "timeline-year-events",
            // The year as text: as a number, it would be grouped like one ("2,024").
            &[
                ("year", year.year.to_string().into()),
                ("count", year.count.into()),
            ],
        )
    }

    /// What happened, in the page's language: the status an agreement reached, or what an
    /// event of its kind is.
    fn what(&self, event: &Event) -> Cow<'static, str> {
        match event.status {
            Some(status) => self.layout.lang.term("status", status.as_str()),
            None => self.layout.lang.term("timeline-event", event.kind.as_str()),
        }
    }
}

/// The dated events, oldest first, a page at a time and grouped by year; `area` and `year`
/// narrow it.
#[get("/timeline")]
pub async fn timeline(
    lang: Lang,
    reader: web::Data<Reader>,
    site: web::Data<PublicUrl>,
    query: web::Query<ListQuery>,
) -> AppResult<HttpResponse> {
    let filter = ListFilter::try_from(query.into_inner())?;
    let (timeline, areas) = reader.read(|conn| {
        Ok((
            history::timeline(conn, &filter)?,
            filter_choices(conn)?.areas.clone(),
        ))
    })?;
    let local = lang.href("/timeline");
    html(TimelinePage {
        layout: Layout::new(lang.t("timeline-title"), Section::None)
            .describe(lang.t("timeline-intro"))
            .canonical(site.join(&format!(
                "{local}{}",
                filter.query_string_for_page(timeline.page.number)
            ))),
        pager: Pager::new(lang, &local, &timeline.page, &filter),
        timeline,
        areas,
        filter,
    })
}
