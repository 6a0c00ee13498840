use crate::db::Reader;
use crate::db::history::{self, Activity, Count};
use crate::domain::PublicUrl;
use crate::error::{AppResult, html};
use crate::i18n::Lang;
use crate::views::{Layout, Section};
use actix_web::{HttpResponse, get, web};
use askama::Template;

/// Where the bars start, how long the longest is, and how tall each row: in SVG user units.
const LABEL_WIDTH: i64 = 300;
const BAR_SPACE: i64 = 280;
const ROW_HEIGHT: i64 = 28;

struct Bar {
    label: String,
    value: i64,
    y: i64,
    width: i64,
}

/// A horizontal bar chart, laid out here so that the template only places numbers.
struct Chart {
    id: &'static str,
    title: &'static str,
    label_heading: &'static str,
    bars: Vec<Bar>,
}

impl Chart {
    fn new(
        id: &'static str,
        title: &'static str,
        label_heading: &'static str,
        counts: Vec<(String, i64)>,
    ) -> Self {
        let largest = counts
            .iter()
            .map(|(_, value)| *value)
            .max()
            .unwrap_or(0)
            .max(1);
        let bars = (0..)
            .zip(counts)
            .map(|(row, (label, value))| Bar {
                label,
                value,
                y: row * ROW_HEIGHT,
                // Every non-zero value gets a visible bar.
                width: (value * BAR_SPACE / largest).max(i64::from(value > 0) * 2),
            })
            .collect();
        Self {
            id,
            title,
            label_heading,
            bars,
        }
    }

    fn height(&self) -> i64 {
        (self.bars.len() as i64 * ROW_HEIGHT).max(ROW_HEIGHT)
    }

    fn bar_x(&self) -> i64 {
        LABEL_WIDTH
    }

    fn width(&self) -> i64 {
        LABEL_WIDTH + BAR_SPACE + 60
    }
}

fn pairs(counts: Vec<Count>) -> Vec<(String, i64)> {
    counts.into_iter().map(|c| (c.label, c.count)).collect()
}

#[derive(Template)]
#[template(path = "public/stats.html")]
struct StatsPage {
    layout: Layout,
    charts: Vec<Chart>,
    activity_chart: Chart,
    activity: Vec<Activity>,
}

#[get("/stats")]
pub async fn stats(
    lang: Lang,
    reader: web::Data<Reader>,
    site: web::Data<PublicUrl>,
) -> AppResult<HttpResponse> {
    let statistics = reader.read(history::statistics)?;
    let activity_chart = Chart::new(
        "activity",
        "Activity by year",
        "Year",
        statistics
            .activity
            .iter()
            .map(|a| (a.year.clone(), a.total()))
            .collect(),
    );
    html(StatsPage {
        layout: Layout::new(lang.t("stats-title"), Section::None)
            .describe(lang.t("stats-intro"))
            .canonical(site.join(&lang.href("/stats"))),
        charts: vec![
            Chart::new(
                "mous-by-year",
                "MoUs signed by year",
                "Year",
                pairs(statistics.mous_by_year),
            ),
            Chart::new(
                "mous-by-area",
                "MoUs by focus area",
                "Focus area",
                pairs(statistics.mous_by_area),
            ),
            Chart::new(
                "organisations-by-country",
                "Organisations by country",
                "Country",
                pairs(statistics.organisations_by_country),
            ),
            Chart::new(
                "organisations-by-kind",
                "Organisations by kind",
                "Kind",
                pairs(statistics.organisations_by_kind),
            ),
        ],
        activity_chart,
        activity: statistics.activity,
    })
}
