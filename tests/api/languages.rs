//! The portal in English, Malay and Chinese: the language is in the URL, a first visit follows
//! the browser, and every page links its other language versions.

use crate::helpers::{Reply, TestApp};
use scraper::Selector;

async fn get_with_language(app: &TestApp, path: &str, accept_language: &str) -> Reply {
    let request = app
        .request(awc::http::Method::GET, path)
        .insert_header(("accept-language", accept_language));
    app.send(request, None).await
}

fn attribute(reply: &Reply, css: &str, name: &str) -> Vec<String> {
    let selector = Selector::parse(css).unwrap();
    reply
        .document()
        .select(&selector)
        .filter_map(|e| e.value().attr(name).map(str::to_owned))
        .collect()
}

#[actix_web::test]
async fn a_chinese_browser_visiting_the_root_is_sent_to_the_chinese_home_page() {
    let app = TestApp::spawn().await;

    let reply = get_with_language(&app, "/", "zh-CN,zh;q=0.9,en;q=0.5").await;

    assert_eq!(reply.status, 302);
    assert_eq!(reply.location(), "/zh/");
    assert!(
        reply
            .headers
            .get("vary")
            .unwrap()
            .to_str()
            .unwrap()
            .contains("Accept-Language")
    );
}

#[actix_web::test]
async fn an_english_or_unknown_browser_stays_at_the_root() {
    let app = TestApp::spawn().await;

    for accept in ["en-GB,en", "fr-FR"] {
        let reply = get_with_language(&app, "/", accept).await;
        assert_eq!(reply.status, 200, "{accept}");
        assert_eq!(attribute(&reply, "html", "lang"), ["en"]);
    }
}

#[actix_web::test]
async fn a_url_in_a_language_is_never_overridden_by_the_browser() {
    let app = TestApp::spawn().await;

    let reply = get_with_language(&app, "/ms/agreements", "zh-CN").await;

    assert_eq!(reply.status, 200);
    assert_eq!(attribute(&reply, "html", "lang"), ["ms"]);
    assert_eq!(reply.heading(), "Perjanjian");
}

#[actix_web::test]
async fn every_page_type_links_its_three_language_versions_and_a_default() {
    let app = TestApp::spawn().await;
    let pages = [
        "/",
        "/statements",
        "/agreements?year=2013",
        "/mous",
        "/organisations",
        "/people",
        "/areas",
        "/timeline",
        "/stats",
        "/search?q=space",
        "/open-data",
    ];
    for path in pages {
        let reply = app.page(path).await;
        let hreflangs = attribute(&reply, "link[rel=alternate][hreflang]", "hreflang");
        assert_eq!(hreflangs, ["en", "ms", "zh-Hans", "x-default"], "{path}");
        let hrefs = attribute(&reply, "link[rel=alternate][hreflang]", "href");
        let suffix = if path == "/" { "/" } else { path };
        assert_eq!(hrefs[1], format!("/ms{suffix}"), "{path}");
        assert_eq!(hrefs[2], format!("/zh{suffix}"), "{path}");
    }
}

#[actix_web::test]
async fn record_pages_link_their_language_versions_too() {
    let app = TestApp::spawn().await;
    let list = app.page("/agreements").await;
    let record = list
        .links()
        .into_iter()
        .find(|l| l.starts_with("/agreements/"))
        .expect("an agreement");

    let reply = app.page(&format!("/zh{record}")).await;

    assert_eq!(attribute(&reply, "html", "lang"), ["zh-Hans"]);
    let hrefs = attribute(&reply, "link[rel=alternate][hreflang]", "href");
    assert_eq!(
        hrefs,
        [
            record.clone(),
            format!("/ms{record}"),
            format!("/zh{record}"),
            record
        ]
    );
}

#[actix_web::test]
async fn the_language_switcher_keeps_the_page_and_its_query() {
    let app = TestApp::spawn().await;

    let reply = app.page("/ms/mous?year=2024&page=1").await;

    let switcher = attribute(&reply, ".language-switcher a", "href");
    assert!(
        switcher.contains(&"/mous?year=2024&page=1".to_owned()),
        "{switcher:?}"
    );
    assert!(
        switcher.contains(&"/zh/mous?year=2024&page=1".to_owned()),
        "{switcher:?}"
    );
}

#[actix_web::test]
async fn links_inside_a_malay_page_stay_in_malay() {
    let app = TestApp::spawn().await;

    let reply = app.page("/ms/").await;

    let nav = attribute(&reply, ".site-nav a", "href");
    assert!(nav.iter().all(|href| href.starts_with("/ms/")), "{nav:?}");
    assert!(reply.body.contains("Kenyataan media terkini"));
}

#[actix_web::test]
async fn dates_read_in_the_readers_language() {
    let app = TestApp::spawn().await;

    let malay = app.page("/ms/agreements").await;
    let chinese = app.page("/zh/agreements").await;

    assert!(malay.body.contains("4 Oktober 2013"), "no Malay date");
    assert!(chinese.body.contains("2013年10月4日"), "no Chinese date");
}

#[actix_web::test]
async fn a_missing_page_says_so_in_the_readers_language() {
    let app = TestApp::spawn().await;

    let reply = app.get("/zh/agreements/no-such-agreement").await;

    assert_eq!(reply.status, 404);
    assert_eq!(reply.heading(), "页面不存在");
}

#[actix_web::test]
async fn a_language_prefix_without_its_slash_goes_to_the_home_page() {
    let app = TestApp::spawn().await;

    let reply = app.get("/ms").await;

    assert_eq!(reply.status, 302);
    assert_eq!(reply.location(), "/ms/");
}
