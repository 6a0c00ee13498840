use crate::fixtures::STATEMENT;
use crate::helpers::TestApp;
use sti_portal::db::synthetic;
use sti_portal::i18n::Lang;

/// The portal with the demo records and some 650 more dated events over several years.
async fn spawn_with_many_events() -> TestApp {
    let app = TestApp::spawn().await;
    synthetic::generate(
        &mut app.connection(),
        synthetic::Sizes::for_statements(300),
        |_, _| {},
    )
    .unwrap();
    app
}

/// The events of a timeline page as (ISO date, what happened, link).
fn events(page: &crate::helpers::Reply) -> Vec<(String, String, String)> {
    let document = page.document();
    let item = scraper::Selector::parse(".timeline-year li").unwrap();
    let time = scraper::Selector::parse("time").unwrap();
    let badge = scraper::Selector::parse(".badge").unwrap();
    let link = scraper::Selector::parse("a").unwrap();
    document
        .select(&item)
        .map(|li| {
            let date = li.select(&time).next().unwrap().value().attr("datetime");
            let what = li.select(&badge).next().unwrap().text().collect();
            let href = li.select(&link).next().unwrap().value().attr("href");
            (date.unwrap().to_owned(), what, href.unwrap().to_owned())
        })
        .collect()
}

#[actix_web::test]
async fn the_timeline_lists_every_dated_event_by_year_in_order() {
    let app = TestApp::spawn().await;

    let page = app.page("/timeline").await;

    assert_eq!(page.texts(".timeline-year > h2"), vec!["2013", "2024"]);
    let events = page.texts(".timeline-year li");
    assert_eq!(
        events.first().map(String::as_str),
        Some(
            "4 October 2013 Signed Malaysia–China Science, Technology and Innovation Cooperation Agreement"
        )
    );
    for href in [
        "/agreements/sti-cooperation-agreement-2013",
        "/meetings/3rd-joint-committee-meeting-sti",
        "/delegations/working-visit-to-china-2024",
        "/mous/mimos-cetc-mou-2024",
        STATEMENT,
    ] {
        assert!(page.links_to(href), "the timeline links {href}");
    }
    let position = |needle: &str| events.iter().position(|e| e.contains(needle)).unwrap();
    assert!(
        position("24–28 April 2024") < position("29 April 2024"),
        "the visit came before the statement"
    );
}

#[actix_web::test]
async fn the_timeline_filters_by_area() {
    let app = TestApp::spawn().await;

    let ev = app.page("/timeline?area=electric-vehicles").await;
    let unknown = app.get("/timeline?area=Not%20A%20Slug").await;

    assert!(ev.links_to("/mous/gmsb-baic-ev-mou-2024"));
    assert!(!ev.links_to("/mous/mimos-cetc-mou-2024"));
    assert!(!ev.links_to("/agreements/sti-cooperation-agreement-2013"));
    assert_eq!(ev.texts("[aria-current=page]"), vec!["Electric vehicles"]);
    assert_eq!(unknown.status, 400);
}

#[actix_web::test]
async fn the_timeline_is_read_a_page_at_a_time_in_order_with_every_year_linked() {
    let app = spawn_with_many_events().await;

    let first = app.page("/timeline").await;

    let years = first.texts("[aria-label='Timeline by year'] .visually-hidden");
    let counted: Vec<(String, usize)> = years
        .iter()
        .map(|label| {
            let (year, count) = label.split_once(", ").unwrap();
            let count = count.trim_end_matches(" events").trim_end_matches(" event");
            (year.to_owned(), count.replace(',', "").parse().unwrap())
        })
        .collect();
    assert!(counted.len() >= 3, "several years: {years:?}");
    let total: usize = counted.iter().map(|(_, count)| count).sum();
    assert!(total > 600, "{total} events");
    assert_eq!(events(&first).len(), 50, "a page holds fifty events");
    assert_eq!(
        first.texts(".results__count"),
        vec![format!("Showing 1–50 of {}", Lang::En.number(total as i64))]
    );

    let mut seen = Vec::new();
    let mut page = 1;
    loop {
        let reply = app.page(&format!("/timeline?page={page}")).await;
        let shown = events(&reply);
        if shown.is_empty() {
            break;
        }
        seen.extend(shown);
        page += 1;
    }
    assert_eq!(
        page - 1,
        total.div_ceil(50),
        "every page but the last is full"
    );
    assert_eq!(seen.len(), total, "every event once, on one page");
    assert!(
        seen.windows(2).all(|pair| pair[0].0 <= pair[1].0),
        "oldest first across pages"
    );
    let mut distinct = seen.clone();
    distinct.sort();
    distinct.dedup();
    assert_eq!(distinct.len(), total, "no event shown twice");

    for (year, count) in &counted {
        let narrowed = app.page(&format!("/timeline?year={year}")).await;
        let shown = events(&narrowed);
        assert_eq!(shown.len(), (*count).min(50), "{year}");
        assert!(
            shown
                .iter()
                .all(|(date, ..)| date.starts_with(year.as_str()))
        );
        assert_eq!(
            narrowed.texts("[aria-label='Timeline by year'] [aria-current] .visually-hidden"),
            vec![format!(
                "{year}, {} event{}",
                Lang::En.number(*count as i64),
                if *count == 1 { "" } else { "s" }
            )]
        );
    }
}

#[actix_web::test]
async fn the_activity_chart_counts_every_dated_record_of_each_year() {
    let app = spawn_with_many_events().await;
    #[derive(diesel::QueryableByName)]
    struct Counted {
        #[diesel(sql_type = diesel::sql_types::Text)]
        year: String,
        #[diesel(sql_type = diesel::sql_types::Text)]
        kind: String,
        #[diesel(sql_type = diesel::sql_types::BigInt)]
        count: i64,
    }
    let counted: Vec<Counted> = diesel::RunQueryDsl::load(
        diesel::sql_query(
            "SELECT substr(on_date, 1, 4) AS year, kind, count(*) AS count FROM record_dates
             GROUP BY 1, 2",
        ),
        &mut app.connection(),
    )
    .unwrap();

    let page = app.page("/stats").await;

    let table = "#activity-heading ~ .table-scroll table tbody";
    let years = page.texts(&format!("{table} th"));
    let cells = page.texts(&format!("{table} td"));
    assert!(years.len() >= 3, "{years:?}");
    let columns = ["agreement", "meeting", "delegation", "mou", "statement"];
    for (row, year) in years.iter().enumerate() {
        for (column, kind) in columns.iter().enumerate() {
            let expected = counted
                .iter()
                .find(|c| &c.year == year && c.kind == *kind)
                .map_or(0, |c| c.count);
            let shown = &cells[row * (columns.len() + 1) + column];
            assert_eq!(
                shown.replace(',', ""),
                expected.to_string(),
                "{kind} in {year}"
            );
        }
    }
    let mut every_year: Vec<&String> = counted.iter().map(|c| &c.year).collect();
    every_year.dedup();
    assert_eq!(
        years.len(),
        every_year.len(),
        "each year with records, once"
    );
}

#[actix_web::test]
async fn statistics_are_charts_with_the_same_numbers_in_tables() {
    let app = TestApp::spawn().await;

    let page = app.page("/stats").await;

    let document = page.document();
    let charts = scraper::Selector::parse("[role=img]").unwrap();
    let mut count = 0;
    for chart in document.select(&charts) {
        count += 1;
        for attribute in ["aria-labelledby", "aria-describedby"] {
            let id = chart.value().attr(attribute).unwrap();
            let target = scraper::Selector::parse(&format!("#{id}")).unwrap();
            assert_eq!(document.select(&target).count(), 1, "{id} names its chart");
        }
    }
    assert_eq!(count, 5);
    assert_eq!(page.texts("table").len(), 5, "each chart has a table");
    let countries = "#organisations-by-country-heading ~ .table-scroll table tbody";
    assert_eq!(
        page.texts(&format!("{countries} th")),
        vec!["China", "Malaysia"]
    );
    assert_eq!(page.texts(&format!("{countries} td")), vec!["9", "5"]);
    let chart = "#organisations-by-country-heading + .bars";
    assert_eq!(
        page.texts(&format!("{chart} .bars__label")),
        vec!["China", "Malaysia"]
    );
    assert_eq!(page.texts(&format!("{chart} .bars__value")), vec!["9", "5"]);
    let bars = scraper::Selector::parse(&format!("{chart} svg")).unwrap();
    let lengths: Vec<&str> = document
        .select(&bars)
        .map(|bar| bar.value().attr("width").unwrap())
        .collect();
    assert_eq!(
        lengths,
        vec!["100%", "55%"],
        "each bar as long as its count"
    );
    let years = "#mous-by-year-heading ~ .table-scroll table tbody";
    assert_eq!(page.texts(&format!("{years} th")), vec!["2024"]);
    assert_eq!(page.texts(&format!("{years} td")), vec!["4"]);
    assert!(!page.body.contains(" style="), "no inline styles");
    assert!(!page.body.contains("<script"));
}

#[actix_web::test]
async fn statistics_name_focus_areas_countries_and_kinds_in_the_readers_language() {
    let app = TestApp::spawn().await;

    let chinese = app.page("/zh/stats").await;
    let malay = app.page("/ms/stats").await;

    let countries = "#organisations-by-country-heading ~ .table-scroll table tbody th";
    assert_eq!(chinese.texts(countries), vec!["中国", "马来西亚"]);
    assert_eq!(
        chinese.texts("#organisations-by-country-heading + .bars .bars__label"),
        vec!["中国", "马来西亚"]
    );
    let areas = "#mous-by-area-heading + .bars .bars__label";
    assert!(
        chinese.texts(areas).contains(&"微电子与半导体".to_owned()),
        "{:?}",
        chinese.texts(areas)
    );
    assert!(
        malay
            .texts(areas)
            .contains(&"Kenderaan elektrik".to_owned()),
        "{:?}",
        malay.texts(areas)
    );
    let kinds = "#organisations-by-kind-heading + .bars .bars__label";
    for (page, expected) in [
        (&chinese, ["大学", "企业"]),
        (&malay, ["Universiti", "Syarikat"]),
    ] {
        for kind in expected {
            assert!(
                page.texts(kinds).contains(&kind.to_owned()),
                "{kind} in {:?}",
                page.texts(kinds)
            );
        }
    }
}

#[actix_web::test]
async fn the_footer_leads_to_the_timeline_statistics_open_data_and_feed() {
    let app = TestApp::spawn().await;

    let home = app.page("/").await;

    for href in ["/timeline", "/stats", "/open-data", "/feed.atom"] {
        assert!(
            home.texts(&format!(".site-footer a[href='{href}']")).len() == 1,
            "{href}"
        );
    }
    let open_data = app.page("/open-data").await;
    for href in [
        "/api/v1/openapi.json",
        "/api/v1/mous",
        "/mous.csv",
        "/events.ics",
        "/sitemap.xml",
    ] {
        assert!(open_data.links_to(href), "{href}");
    }
}
