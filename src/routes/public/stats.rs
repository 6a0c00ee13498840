use crate::db::Reader;
use crate::db::history::{self, Activity, Count};
use crate::domain::{Localized, OrganisationKind, PublicUrl};
use crate::error::{AppResult, html};
use crate::i18n::Lang;
use crate::views::{Layout, Section};
use actix_web::{HttpResponse, get, web};
use askama::Template;
use std::borrow::Cow;

struct Bar {
    label: String,
    /// The language of the label, where it is not the page's (an untranslated name).
    label_lang: Option<Lang>,
    value: i64,
    /// The bar's length, in percent of the longest.
    percent: i64,
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
        counts: Vec<(Localized, i64)>,
    ) -> Self {
        let largest = counts
            .iter()
            .map(|(_, value)| *value)
            .max()
            .unwrap_or(0)
            .max(1);
        let bars = counts
            .into_iter()
            .map(|(label, value)| Bar {
                label: label.shown(lang).text.to_owned(),
                label_lang: label.fallback_in(lang),
                value,
                // Every non-zero value gets a visible bar.
                percent: (value * 100 / largest).max(i64::from(value > 0)),
            })
            .collect();
        Self {
            id,
            title: lang.term("stats", id),
            label_heading: lang.t(label_heading),
            bars,
        }
    }
}

/// Counts of records, labelled with their names in each language they have.
fn named(counts: &[Count]) -> Vec<(Localized, i64)> {
    counts
        .iter()
        .map(|c| (c.localized_label(), c.count))
        .collect()
}

/// Counts labelled by text the same in every language, such as a year.
fn unnamed(lang: Lang, counts: impl IntoIterator<Item = (String, i64)>) -> Vec<(Localized, i64)> {
    counts
        .into_iter()
        .map(|(label, count)| (Localized::from_texts([(lang, label)], lang), count))
        .collect()
}

/// The counts by kind of organisation, each kind named in `lang`.
fn kinds(lang: Lang, counts: &[(OrganisationKind, i64)]) -> Vec<(Localized, i64)> {
    unnamed(
        lang,
        counts
            .iter()
            .map(|(kind, count)| (lang.term("kind", kind.as_str()).into_owned(), *count)),
    )
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
        unnamed(
            lang,
            statistics
                .activity
                .iter()
                .map(|a| (a.year.clone(), a.total())),
        ),
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
                unnamed(lang, statistics.mous_by_year.iter().cloned()),
            ),
            Chart::new(
                lang,
                "mous-by-area",
                "filter-area",
                named(&statistics.mous_by_area),
            ),
            Chart::new(
                lang,
                "organisations-by-country",
                "filter-country",
                named(&statistics.organisations_by_country),
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
