use crate::fixtures::{STATEMENT, insert_organisation};
use crate::helpers::{PUBLIC_URL, Reply, TestApp};
use scraper::Selector;
use std::collections::{BTreeSet, VecDeque};

/// Every internal HTML page reachable by following links from the home page, by path.
async fn crawl(app: &TestApp) -> BTreeSet<String> {
    let mut pages = BTreeSet::new();
    let mut seen = BTreeSet::from(["/".to_owned()]);
    let mut queue = VecDeque::from(["/".to_owned()]);
    while let Some(link) = queue.pop_front() {
        let reply = app.get(&link).await;
        let is_html = reply
            .headers
            .get("content-type")
            .is_some_and(|t| t.to_str().unwrap().starts_with("text/html"));
        if reply.status != 200 || !is_html {
            continue;
        }
        pages.insert(link.split('?').next().unwrap().to_owned());
        // As a search engine does: the links of the page, except those it is asked not to follow
        // (the language switcher), and the page's language versions.
        let document = reply.document();
        let followed = Selector::parse("a[href]:not([rel~=nofollow])").unwrap();
        let versions = Selector::parse("link[rel=alternate][hreflang]").unwrap();
        let hrefs = document
            .select(&followed)
            .chain(document.select(&versions))
            .filter_map(|e| e.value().attr("href"))
            .map(|href| href.strip_prefix(PUBLIC_URL).unwrap_or(href).to_owned());
        for next in hrefs {
            if next.starts_with('/') && !next.starts_with("//") && seen.insert(next.clone()) {
                queue.push_back(next);
            }
        }
    }
    pages
}

fn sitemap_entries(body: &str) -> Vec<(String, Option<String>)> {
    let document = roxmltree::Document::parse(body).expect("the sitemap is XML");
    let root = document.root_element();
    assert_eq!(root.tag_name().name(), "urlset");
    assert_eq!(
        root.tag_name().namespace(),
        Some("http://www.sitemaps.org/schemas/sitemap/0.9")
    );
    root.children()
        .filter(|n| n.has_tag_name("url"))
        .map(|url| {
            let text = |name: &str| {
                url.children()
                    .find(|n| n.has_tag_name(name))
                    .and_then(|n| n.text())
                    .map(str::to_owned)
            };
            (text("loc").expect("every url has a loc"), text("lastmod"))
        })
        .collect()
}

fn disallowed(robots: &str) -> Vec<String> {
    robots
        .lines()
        .filter_map(|line| line.strip_prefix("Disallow: "))
        .map(str::to_owned)
        .collect()
}

#[actix_web::test]
async fn every_page_a_crawler_can_reach_is_in_the_sitemap_with_its_last_change() {
    let app = TestApp::spawn().await;

    let reply = app.page("/sitemap.xml").await;
    let entries = sitemap_entries(&reply.body);
    let robots = app.page("/robots.txt").await.body;
    let crawled = crawl(&app).await;

    let listed: BTreeSet<String> = entries.iter().map(|(loc, _)| loc.clone()).collect();
    let hidden = disallowed(&robots);
    for path in &crawled {
        if hidden.iter().any(|prefix| path.starts_with(prefix)) {
            continue;
        }
        assert!(
            listed.contains(&format!("{PUBLIC_URL}{path}")),
            "{path} is not in the sitemap"
        );
    }
    for (loc, lastmod) in &entries {
        let lastmod = lastmod
            .as_ref()
            .unwrap_or_else(|| panic!("{loc} has no lastmod"));
        assert!(
            chrono::DateTime::parse_from_rfc3339(lastmod).is_ok(),
            "{lastmod}"
        );
        let path = loc
            .strip_prefix(PUBLIC_URL)
            .expect("absolute on the public URL");
        assert_eq!(
            app.get(path).await.status,
            200,
            "{loc} is listed but does not answer"
        );
    }
    assert!(listed.contains(&format!("{PUBLIC_URL}{STATEMENT}")));
    assert!(listed.contains(&format!("{PUBLIC_URL}/people/yin-hejun")));
}

#[actix_web::test]
async fn robots_point_at_the_sitemap_and_keep_out_of_staff_pages() {
    let app = TestApp::spawn().await;

    let robots = app.page("/robots.txt").await;

    assert!(disallowed(&robots.body).contains(&"/staff".to_owned()));
    assert!(
        robots
            .body
            .contains(&format!("Sitemap: {PUBLIC_URL}/sitemap.xml"))
    );
}

fn head(reply: &Reply, css: &str, attribute: &str) -> Vec<String> {
    let selector = scraper::Selector::parse(css).unwrap();
    reply
        .document()
        .select(&selector)
        .filter_map(|e| e.value().attr(attribute).map(str::to_owned))
        .collect()
}

fn linked_data(reply: &Reply) -> serde_json::Value {
    let scripts = reply.texts("script[type='application/ld+json']");
    assert_eq!(scripts.len(), 1, "one JSON-LD block");
    serde_json::from_str(
        &reply
            .document()
            .select(&scraper::Selector::parse("script[type='application/ld+json']").unwrap())
            .next()
            .unwrap()
            .inner_html(),
    )
    .expect("JSON-LD is JSON")
}

#[actix_web::test]
async fn detail_pages_name_their_canonical_address_and_describe_themselves() {
    let app = TestApp::spawn().await;

    for (path, schema_type) in [
        (STATEMENT, "NewsArticle"),
        ("/agreements/sti-cooperation-agreement-2013", "Legislation"),
        ("/meetings/3rd-joint-committee-meeting-sti", "Event"),
        ("/delegations/working-visit-to-china-2024", "Event"),
        ("/mous/mimos-cetc-mou-2024", "CreativeWork"),
        ("/organisations/mimos", "Organization"),
        ("/people/chang-lih-kang", "Person"),
        ("/areas/space-technology", "DefinedTerm"),
    ] {
        let page = app.page(path).await;
        let url = format!("{PUBLIC_URL}{path}");
        assert_eq!(
            head(&page, "link[rel=canonical]", "href"),
            vec![url.clone()],
            "{path}"
        );
        assert_eq!(
            head(&page, "meta[property='og:url']", "content"),
            vec![url.clone()]
        );
        assert_eq!(
            head(&page, "meta[property='og:title']", "content"),
            vec![page.heading()]
        );
        let data = linked_data(&page);
        assert_eq!(data["@context"], "https://schema.org", "{path}");
        assert_eq!(data["@type"], schema_type, "{path}");
        assert_eq!(data["url"], url, "{path}");
        assert_eq!(
            head(
                &page,
                "link[rel=alternate][type='application/json']",
                "href"
            ),
            vec![format!("/api/v1{path}")]
        );
        assert!(
            page.links_to(&format!("/api/v1{path}")),
            "{path} links its JSON"
        );
    }
    let statement = app.page(STATEMENT).await;
    assert_eq!(
        head(&statement, "meta[property='og:type']", "content"),
        vec!["article"]
    );
}

#[actix_web::test]
async fn list_pages_are_canonical_with_their_filters() {
    let app = TestApp::spawn().await;

    let page = app
        .page("/mous?year=2024&area=microelectronics-and-semiconductors")
        .await;

    assert_eq!(
        head(&page, "link[rel=canonical]", "href"),
        vec![format!(
            "{PUBLIC_URL}/mous?area=microelectronics-and-semiconductors&year=2024"
        )]
    );
}

#[actix_web::test]
async fn linked_data_cannot_be_broken_out_of_by_a_record() {
    let app = TestApp::spawn().await;
    let name = "</script><script>alert(1)</script> & <!-- Co";
    insert_organisation(&app, "tricky", name, "\"quoted\" \\ </SCRIPT>");

    let page = app.page("/organisations/tricky").await;

    assert!(!page.body.contains("<script>alert"));
    assert!(!page.body.to_lowercase().contains("</script><"));
    assert_eq!(linked_data(&page)["name"], name);
}

#[actix_web::test]
async fn writing_a_large_sitemap_or_calendar_holds_up_no_other_request() {
    let dir = tempfile::tempdir().unwrap();
    let database = crate::query_plans::large_database(&dir, 3_000).await;
    let app = TestApp::spawn_on(dir, database).await;
    // Some 20,000 addresses, every page in every language; and thousands of events, which take
    // only a few times as long as a list page to write, so eight calendars are asked for at
    // once (written one after another) for a wait behind them to stand out from noise.
    for (long, at_once) in [("/sitemap.xml", 1), ("/events.ics", 8)] {
        let (writing, others) = app.while_answering(long, at_once, "/agreements").await;
        assert!(
            others < writing / 2,
            "another request took {others:?} while {long} took {writing:?}"
        );
    }
}
