use crate::fixtures::{STATEMENT, insert_statement, link_statement, media_type};
use crate::helpers::{PUBLIC_URL, TestApp};
use atom_syndication::Feed;
use diesel::prelude::*;
use icalendar::{Calendar, Component, DatePerhapsTime, EventLike};

async fn feed(app: &TestApp, path: &str) -> Feed {
    let reply = app.page(path).await;
    assert!(
        media_type(&reply).starts_with("application/atom+xml"),
        "{path}"
    );
    reply
        .body
        .parse::<Feed>()
        .unwrap_or_else(|e| panic!("{path} is not Atom: {e}"))
}

fn entry_links(feed: &Feed) -> Vec<String> {
    feed.entries()
        .iter()
        .map(|entry| entry.links()[0].href().to_owned())
        .collect()
}

#[actix_web::test]
async fn the_statement_feed_carries_published_statements_newest_first() {
    let app = TestApp::spawn().await;
    insert_statement(
        &app,
        "newer-statement",
        "A newer statement",
        "Newer.",
        "published",
        "en",
    );
    insert_statement(
        &app,
        "withdrawn-statement",
        "A withdrawn statement",
        "Gone.",
        "withdrawn",
        "en",
    );

    let feed = feed(&app, "/feed.atom").await;

    assert_eq!(feed.id(), format!("{PUBLIC_URL}/feed.atom"));
    assert_eq!(
        entry_links(&feed),
        vec![
            format!("{PUBLIC_URL}/statements/newer-statement"),
            format!("{PUBLIC_URL}{STATEMENT}"),
        ],
        "withdrawn statements leave the feed"
    );
    let first = &feed.entries()[1];
    assert!(
        first
            .content()
            .unwrap()
            .value()
            .unwrap()
            .contains("<table>")
    );
    assert!(first.published().is_some());
    assert!(
        feed.links()
            .iter()
            .any(|l| l.rel() == "self" && l.href() == format!("{PUBLIC_URL}/feed.atom"))
    );
}

#[actix_web::test]
async fn areas_and_organisations_have_feeds_of_the_statements_about_them() {
    let app = TestApp::spawn().await;
    let id = insert_statement(
        &app,
        "about-xiaomi",
        "About Xiaomi",
        "Phones.",
        "published",
        "en",
    );
    link_statement(&app, id, "electric-vehicles", "xiaomi");

    let space = feed(&app, "/areas/space-technology/feed.atom").await;
    let mimos = feed(&app, "/organisations/mimos/feed.atom").await;
    let xiaomi = feed(&app, "/organisations/xiaomi/feed.atom").await;

    assert_eq!(
        entry_links(&space),
        vec![format!("{PUBLIC_URL}{STATEMENT}")]
    );
    assert_eq!(
        entry_links(&mimos),
        vec![format!("{PUBLIC_URL}{STATEMENT}")]
    );
    assert_eq!(entry_links(&xiaomi).len(), 2);
    assert!(space.title().as_str().contains("Space technology"));
    for path in [
        "/areas/nowhere/feed.atom",
        "/organisations/nobody/feed.atom",
        "/areas/Bad%20Slug/feed.atom",
        "/meetings/3rd-joint-committee-meeting-sti/feed.atom",
        "/ms/organisations/nobody/feed.atom",
    ] {
        assert_eq!(app.get(path).await.status, 404, "{path}");
    }
}

#[actix_web::test]
async fn an_area_with_no_statements_has_a_valid_empty_feed() {
    let app = TestApp::spawn().await;
    diesel::sql_query(
        "INSERT INTO focus_areas (slug, name) VALUES ('quantum', 'Quantum technology')",
    )
    .execute(&mut app.connection())
    .unwrap();

    let quantum = feed(&app, "/areas/quantum/feed.atom").await;

    assert!(quantum.entries().is_empty());
}

#[actix_web::test]
async fn pages_link_their_feeds_in_the_head() {
    let app = TestApp::spawn().await;

    for (path, href) in [
        ("/", "/feed.atom"),
        ("/statements", "/feed.atom"),
        (
            "/areas/space-technology",
            "/areas/space-technology/feed.atom",
        ),
        ("/organisations/mimos", "/organisations/mimos/feed.atom"),
    ] {
        let page = app.page(path).await;
        let alternates = page.document();
        let selector =
            scraper::Selector::parse("head link[rel=alternate][type='application/atom+xml']")
                .unwrap();
        let hrefs: Vec<_> = alternates
            .select(&selector)
            .filter_map(|l| l.value().attr("href"))
            .collect();
        assert_eq!(hrefs, vec![href], "{path}");
        assert!(page.links_to(href), "{path} offers its feed to people too");
    }
}

fn calendar_events(body: &str) -> Vec<icalendar::Event> {
    let calendar: Calendar = body.parse().expect("an RFC 5545 calendar");
    calendar.events().cloned().collect()
}

fn by_uid<'a>(events: &'a [icalendar::Event], prefix: &str) -> Vec<&'a icalendar::Event> {
    events
        .iter()
        .filter(|e| e.get_uid().is_some_and(|uid| uid.starts_with(prefix)))
        .collect()
}

fn day(text: &str) -> DatePerhapsTime {
    DatePerhapsTime::Date(chrono::NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap())
}

#[actix_web::test]
async fn the_calendar_holds_visits_dated_meetings_and_mou_expiry_as_all_day_events() {
    let app = TestApp::spawn().await;
    let mut conn = app.connection();
    diesel::sql_query(
        "INSERT INTO meetings (slug, title, joint_body, held_on, place, summary) VALUES \
         ('fourth-jcm', '4th JCM; Kuala Lumpur, with \"quotes\" and a backslash \\', 'Joint Committee', '2025-06-12', \
          'Putrajaya, Malaysia', 'Line one.\nLine two, with a comma; and a semicolon.')",
    )
    .execute(&mut conn)
    .unwrap();
    diesel::sql_query(
        "UPDATE mous SET valid_until = '2029-04-30' WHERE slug = 'mimos-cetc-mou-2024'",
    )
    .execute(&mut conn)
    .unwrap();

    let reply = app.page("/events.ics").await;
    let events = calendar_events(&reply.body);

    assert!(media_type(&reply).starts_with("text/calendar"));
    let visits = by_uid(&events, "delegation-");
    assert_eq!(visits.len(), 1);
    assert_eq!(visits[0].get_start(), Some(day("2024-04-24")));
    assert_eq!(
        visits[0].get_end(),
        Some(day("2024-04-29")),
        "DTEND is the day after the visit"
    );
    assert_eq!(
        visits[0].get_url(),
        Some(format!("{PUBLIC_URL}/delegations/working-visit-to-china-2024").as_str())
    );
    let meetings = by_uid(&events, "meeting-");
    assert_eq!(
        meetings.len(),
        1,
        "meetings known only to the month are left out"
    );
    assert_eq!(
        meetings[0].get_summary(),
        Some("4th JCM; Kuala Lumpur, with \"quotes\" and a backslash \\")
    );
    assert_eq!(meetings[0].get_location(), Some("Putrajaya, Malaysia"));
    assert!(
        meetings[0]
            .get_description()
            .unwrap()
            .starts_with("Line one.\nLine two, with a comma; and a semicolon.")
    );
    assert_eq!(meetings[0].get_start(), Some(day("2025-06-12")));
    let expiry = by_uid(&events, "mou-");
    assert_eq!(expiry.len(), 1);
    assert_eq!(expiry[0].get_start(), Some(day("2029-04-30")));
    assert!(events.iter().all(|e| e.get_timestamp().is_some()));
}

#[actix_web::test]
async fn calendar_lines_are_folded_with_crlf_and_uids_are_stable() {
    let app = TestApp::spawn().await;

    let first = app.page("/events.ics").await.body;
    let second = app.page("/events.ics").await.body;

    assert!(first.contains("\r\n"));
    for line in first.split("\r\n") {
        assert!(
            line.len() <= 75,
            "a content line longer than 75 octets: {line:?}"
        );
        assert!(!line.contains('\n') && !line.contains('\r'));
    }
    let uids = |body: &str| -> Vec<String> {
        calendar_events(body)
            .iter()
            .filter_map(|e| e.get_uid().map(str::to_owned))
            .collect()
    };
    let uids_now = uids(&first);
    assert_eq!(uids_now, uids(&second));
    assert!(uids_now.iter().all(|uid| uid.ends_with("@sti.example.my")));
    let mut unique = uids_now.clone();
    unique.dedup();
    assert_eq!(unique.len(), uids_now.len());
}
