use crate::fixtures::STATEMENT;
use crate::helpers::TestApp;

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
async fn statistics_are_charts_with_the_same_numbers_in_tables() {
    let app = TestApp::spawn().await;

    let page = app.page("/stats").await;

    let document = page.document();
    let charts = scraper::Selector::parse("svg[role=img]").unwrap();
    let mut count = 0;
    for chart in document.select(&charts) {
        count += 1;
        let labelled_by = chart.value().attr("aria-labelledby").unwrap();
        for id in labelled_by.split_whitespace() {
            let target = scraper::Selector::parse(&format!("svg #{id}")).unwrap();
            assert_eq!(document.select(&target).count(), 1, "{id} labels its chart");
        }
        let title = scraper::Selector::parse("title").unwrap();
        assert_eq!(chart.select(&title).count(), 1);
    }
    assert_eq!(count, 5);
    assert_eq!(page.texts("table").len(), 5, "each chart has a table");
    let countries = "#organisations-by-country-heading ~ .table-scroll table tbody";
    assert_eq!(
        page.texts(&format!("{countries} th")),
        vec!["China", "Malaysia"]
    );
    assert_eq!(page.texts(&format!("{countries} td")), vec!["9", "5"]);
    let years = "#mous-by-year-heading ~ .table-scroll table tbody";
    assert_eq!(page.texts(&format!("{years} th")), vec!["2024"]);
    assert_eq!(page.texts(&format!("{years} td")), vec!["4"]);
    assert!(!page.body.contains(" style="), "no inline styles");
    assert!(!page.body.contains("<script"));
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
