use crate::db::Reader;
use crate::db::history::{self, Activity, Count};
use crate::domain::{OrganisationKind, PublicUrl};
use crate::error::{AppResult, html};
use crate::i18n::Lang;
use crate::views::{Layout, Section};
use actix_web::{HttpResponse, get, web};
use askama::Template;
use std::borrow::Cow;

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
    title: Cow<'static, str>,
    label_heading: Cow<'static, str>,
    bars: Vec<Bar>,
}

impl Chart {
    /// A chart whose title is the message `stats-<id>`, of `counts` labelled under the message
    /// `label_heading`.
    fn new(
        lang: Lang,
        id: &'static str,
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
            title: lang.term("stats", id),
            label_heading: lang.t(label_heading),
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

fn pairs(counts: &[Count]) -> Vec<(String, i64)> {
    counts.iter().map(|c| (c.label.clone(), c.count)).collect()
}

/// The counts by kind of organisation, each kind named in `lang`. The statistics name kinds by
/// their English labels, so each label is matched back to its kind.
fn kinds(lang: Lang, counts: &[Count]) -> Vec<(String, i64)> {
    counts
        .iter()
        .map(|c| {
            let kind = OrganisationKind::ALL.iter().find(|k| k.label() == c.label);
            let label = kind.map_or_else(
                || c.label.clone(),
                |k| lang.term("kind", k.as_str()).into_owned(),
            );
            (label, c.count)
        })
        .collect()
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
        lang,
        "activity",
        "stats-year",
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
                lang,
                "mous-by-year",
                "stats-year",
                pairs(&statistics.mous_by_year),
            ),
            Chart::new(
                lang,
                "mous-by-area",
                "filter-area",
                pairs(&statistics.mous_by_area),
            ),
            Chart::new(
                lang,
                "organisations-by-country",
                "filter-country",
                pairs(&statistics.organisations_by_country),
            ),
            Chart::new(
                lang,
                "organisations-by-kind",
                "filter-kind",
                kinds(lang, &statistics.organisations_by_kind),
            ),
        ],
        activity_chart,
        activity: statistics.activity.clone(),
    })
}
