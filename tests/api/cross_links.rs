use crate::helpers::TestApp;
use std::collections::{BTreeSet, VecDeque};

const STATEMENT: &str = "/statements/malaysia-china-second-joint-research-project-group-2024";

#[actix_web::test]
async fn every_link_on_every_public_page_leads_somewhere() {
    let app = TestApp::spawn().await;
    let mut seen = BTreeSet::from(["/".to_owned()]);
    let mut queue = VecDeque::from(["/".to_owned()]);

    while let Some(path) = queue.pop_front() {
        let page = app.get(&path).await;
        if path.starts_with("/language/") {
            // The language switcher remembers the choice and sends the reader on to the page
            // in that language; the crawl goes on from there, without the choice.
            assert_eq!(
                page.status, 303,
                "{path} is linked but answers {}",
                page.status
            );
            app.forget_cookies();
            if seen.insert(page.location()) {
                queue.push_back(page.location());
            }
            continue;
        }
        assert_eq!(
            page.status, 200,
            "{path} is linked but answers {}",
            page.status
        );
        if !page
            .headers
            .get("content-type")
            .is_some_and(|t| t.to_str().unwrap().starts_with("text/html"))
        {
            continue;
        }
        for link in page.links() {
            // The staff side (in every language) is linked from the footer but is not public.
            let unprefixed = ["/ms", "/zh"]
                .iter()
                .find_map(|prefix| link.strip_prefix(prefix))
                .unwrap_or(&link);
            let internal = link.starts_with('/')
                && !link.starts_with("//")
                && !unprefixed.starts_with("/staff");
            if internal && seen.insert(link.clone()) {
                queue.push_back(link);
            }
        }
    }

    // Every record of the demo data is reachable from the home page.
    for record in [
        "/agreements/space-cooperation-agreement",
        "/meetings/second-joint-research-project-group",
        "/mous/gmsb-baic-ev-mou-2024",
        "/organisations/tcab-technology",
        "/people/yin-hejun",
        "/areas/multilateral-cooperation",
    ] {
        assert!(seen.contains(record), "{record} was not reached");
    }
}

#[actix_web::test]
async fn an_mou_page_links_its_parties_witnesses_areas_event_and_statements() {
    let app = TestApp::spawn().await;

    let mou = app
        .page("/mous/xmu-mimos-xmum-semiconductor-mou-2024")
        .await;

    for href in [
        "/organisations/xiamen-university",
        "/organisations/mimos",
        "/organisations/xiamen-university-malaysia",
        "/people/chang-lih-kang",
        "/people/yin-hejun",
        "/areas/microelectronics-and-semiconductors",
        "/meetings/3rd-joint-committee-meeting-sti",
        "/delegations/working-visit-to-china-2024",
        STATEMENT,
    ] {
        assert!(mou.links_to(href), "the MoU page links {href}");
    }
}

#[actix_web::test]
async fn an_organisation_page_lists_its_mous_visits_meetings_and_statements() {
    let app = TestApp::spawn().await;

    let mimos = app.page("/organisations/mimos").await;
    let most = app.page("/organisations/most-china").await;
    let cetc = app.page("/organisations/cetc").await;

    assert!(mimos.links_to("/mous/mimos-cetc-mou-2024"));
    assert!(mimos.links_to("/mous/xmu-mimos-xmum-semiconductor-mou-2024"));
    assert!(mimos.links_to(STATEMENT));
    assert!(
        cetc.links_to("/delegations/working-visit-to-china-2024"),
        "CETC was visited"
    );
    assert!(most.links_to("/meetings/3rd-joint-committee-meeting-sti"));
    assert!(
        most.links_to("/people/yin-hejun"),
        "the minister holds a post at MOST"
    );
}

#[actix_web::test]
async fn related_records_link_each_other_both_ways() {
    let app = TestApp::spawn().await;
    let pairs = [
        ("/mous/mimos-cetc-mou-2024", "/organisations/cetc"),
        (
            "/mous/mranti-zhongguancun-mou-2024",
            "/areas/technology-transfer-and-commercialisation",
        ),
        (
            "/meetings/3rd-joint-committee-meeting-sti",
            "/agreements/sti-cooperation-agreement-2013",
        ),
        (
            "/meetings/3rd-joint-committee-meeting-sti",
            "/people/chang-lih-kang",
        ),
        (
            "/delegations/working-visit-to-china-2024",
            "/people/chang-lih-kang",
        ),
        ("/mous/gmsb-baic-ev-mou-2024", "/people/chang-lih-kang"),
        (
            "/agreements/space-cooperation-agreement",
            "/areas/space-technology",
        ),
        (STATEMENT, "/mous/gmsb-baic-ev-mou-2024"),
        (STATEMENT, "/organisations/cnsa"),
        (STATEMENT, "/delegations/working-visit-to-china-2024"),
    ];

    for (one, other) in pairs {
        assert!(app.page(one).await.links_to(other), "{one} links {other}");
        assert!(app.page(other).await.links_to(one), "{other} links {one}");
    }
}

#[actix_web::test]
async fn an_area_page_gathers_everything_in_that_area() {
    let app = TestApp::spawn().await;

    let space = app.page("/areas/space-technology").await;

    for href in [
        "/agreements/space-cooperation-agreement",
        "/meetings/3rd-joint-committee-meeting-sti",
        "/meetings/second-joint-research-project-group",
        "/delegations/working-visit-to-china-2024",
        STATEMENT,
    ] {
        assert!(
            space.links_to(href),
            "the space technology page links {href}"
        );
    }
    let chips = app.page("/areas/microelectronics-and-semiconductors").await;
    for href in [
        "/mous/mimos-cetc-mou-2024",
        "/organisations/cetc",
        "/organisations/xiamen-university",
    ] {
        assert!(
            chips.links_to(href),
            "the microelectronics page links {href}"
        );
    }
}

#[actix_web::test]
async fn the_statement_links_every_record_it_mentions() {
    let app = TestApp::spawn().await;

    let statement = app.page(STATEMENT).await;

    let organisations = [
        "mosti",
        "most-china",
        "xiamen-university",
        "mimos",
        "xiamen-university-malaysia",
        "cetc",
        "tcab-technology",
        "xiaomi",
        "mranti",
        "zhongguancun-science-city",
        "gigafactory-malaysia",
        "baic-international",
        "baic-bluepark",
        "cnsa",
    ];
    for slug in organisations {
        assert!(
            statement.links_to(&format!("/organisations/{slug}")),
            "{slug}"
        );
    }
    for href in [
        "/agreements/sti-cooperation-agreement-2013",
        "/agreements/space-cooperation-agreement",
        "/meetings/3rd-joint-committee-meeting-sti",
        "/meetings/second-joint-research-project-group",
        "/mous/xmu-mimos-xmum-semiconductor-mou-2024",
        "/mous/mimos-cetc-mou-2024",
        "/mous/mranti-zhongguancun-mou-2024",
        "/mous/gmsb-baic-ev-mou-2024",
        "/people/chang-lih-kang",
        "/people/yin-hejun",
        "/areas/human-vaccines",
    ] {
        assert!(statement.links_to(href), "{href}");
    }
}
