use crate::helpers::TestApp;
use diesel::RunQueryDsl;

#[actix_web::test]
async fn the_home_page_shows_the_latest_statement_and_the_totals() {
    let app = TestApp::spawn().await;

    let home = app.page("/").await;

    assert!(home.links_to("/statements/malaysia-china-second-joint-research-project-group-2024"));
    let totals = home.texts(".totals li").join(" | ");
    assert_eq!(
        totals,
        "2 agreements | 4 MoUs | 1 delegation | 14 organisations"
    );
    assert!(home.links_to("/areas/space-technology"));
}

#[actix_web::test]
async fn every_section_in_the_navigation_lists_the_demo_records() {
    let app = TestApp::spawn().await;
    let expected = [
        ("/statements", "Press statements", 1),
        ("/agreements", "Agreements", 2),
        ("/meetings", "Meetings", 2),
        ("/delegations", "Delegations", 1),
        ("/mous", "Memoranda of understanding", 4),
        ("/organisations", "Organisations", 14),
        ("/people", "People", 2),
    ];
    let home = app.page("/").await;

    for (path, heading, count) in expected {
        assert!(home.links_to(path), "the navigation links {path}");
        let list = app.page(path).await;
        assert_eq!(list.heading(), heading);
        assert_eq!(list.texts(".cards > .card").len(), count, "cards on {path}");
        assert_eq!(
            list.texts("[aria-current=page]"),
            vec![nav_label(path)],
            "{path} is marked current"
        );
    }
    let areas = app.page("/areas").await;
    assert_eq!(areas.texts(".area-grid > .card").len(), 11);
}

fn nav_label(path: &str) -> String {
    match path {
        "/mous" => "MoUs".into(),
        "/statements" => "Statements".into(),
        other => {
            let word = &other[1..];
            word[..1].to_uppercase() + &word[1..]
        }
    }
}

#[actix_web::test]
async fn every_detail_page_type_shows_its_record() {
    let app = TestApp::spawn().await;
    let pages = [
        (
            "/agreements/sti-cooperation-agreement-2013",
            "Malaysia–China Science, Technology and Innovation Cooperation Agreement",
        ),
        (
            "/meetings/3rd-joint-committee-meeting-sti",
            "3rd Malaysia–China Joint Committee Meeting on STI Cooperation",
        ),
        (
            "/delegations/working-visit-to-china-2024",
            "Working visit to China by the Minister of Science, Technology and Innovation",
        ),
        (
            "/mous/mimos-cetc-mou-2024",
            "MoU between MIMOS Berhad and China Electronics Technology Group Corporation",
        ),
        (
            "/statements/malaysia-china-second-joint-research-project-group-2024",
            "Malaysia and China to collaborate in research through the Second Joint Research Project Group",
        ),
        (
            "/organisations/mimos",
            "MIMOS Berhad (Malaysian Institute of Microelectronic Systems)",
        ),
        ("/people/chang-lih-kang", "Chang Lih Kang"),
        ("/areas/energy-storage", "Energy storage"),
    ];

    for (path, heading) in pages {
        let page = app.page(path).await;
        assert_eq!(page.heading(), heading, "{path}");
        let title = page.texts("title").join("");
        assert!(title.starts_with(heading), "{path} has the title {title:?}");
        let crumbs = page.texts(".breadcrumbs li");
        assert_eq!(crumbs.first().map(String::as_str), Some("Home"), "{path}");
        assert_eq!(crumbs.last().map(String::as_str), Some(heading), "{path}");
    }
}

#[actix_web::test]
async fn the_statement_is_rendered_from_markdown_with_its_table() {
    let app = TestApp::spawn().await;

    let page = app
        .page("/statements/malaysia-china-second-joint-research-project-group-2024")
        .await;

    assert!(page.body.contains("<table>"));
    assert!(
        page.texts(".prose h2")
            .contains(&"The 3rd Joint Committee Meeting".to_owned())
    );
    assert!(
        page.texts(".card__meta time")
            .contains(&"29 April 2024".to_owned())
    );
    assert_eq!(
        page.texts("#revisions + ol li"),
        vec!["Version 1, 29 April 2024 — First published in English, Malay and Chinese."]
    );
    assert!(
        page.body.contains(r#"<span class="change-note">"#),
        "an English note on an English page needs no language of its own"
    );
}

#[actix_web::test]
async fn a_change_note_keeps_the_language_it_was_written_in() {
    let app = TestApp::spawn().await;

    let page = app
        .page("/ms/statements/malaysia-china-second-joint-research-project-group-2024")
        .await;

    assert_eq!(
        page.texts("#revisions + ol li .change-note[lang=en]"),
        vec!["First published in English, Malay and Chinese."]
    );
}

#[actix_web::test]
async fn the_itinerary_lists_every_stop_of_the_visit_in_order() {
    let app = TestApp::spawn().await;

    let page = app.page("/delegations/working-visit-to-china-2024").await;

    assert_eq!(
        page.texts(".itinerary__stop h3"),
        vec![
            "3rd Joint Committee Meeting on STI Cooperation",
            "China Electronics Technology Group Corporation (CETC)",
            "TCab Technology Co Ltd",
            "Xiaomi",
            "Zhongguancun Forum 2024",
            "Auto China 2024",
            "China National Space Administration (CNSA)",
        ]
    );
    assert!(page.texts(".lede").contains(&"24–28 April 2024".to_owned()));
}

#[actix_web::test]
async fn a_stop_names_its_event_only_where_the_stop_is_called_something_else() {
    let app = TestApp::spawn().await;
    let address = "/delegations/working-visit-to-china-2024";
    let events = |page: &crate::helpers::Reply| {
        page.texts(".itinerary__stop .card__meta span")
            .into_iter()
            .filter(|text| text.starts_with("Event:"))
            .collect::<Vec<_>>()
    };

    let named_alike = app.page(address).await;
    diesel::sql_query(
        "UPDATE itinerary_stops SET title = 'Opening of the forum'
         WHERE event_name = 'Zhongguancun Forum 2024'",
    )
    .execute(&mut app.connection())
    .unwrap();
    let named_apart = app.page(address).await;

    assert_eq!(events(&named_alike), Vec::<String>::new());
    assert_eq!(events(&named_apart), vec!["Event: Zhongguancun Forum 2024"]);
}

#[actix_web::test]
async fn pages_carry_a_content_security_policy_without_inline_code() {
    let app = TestApp::spawn().await;

    let home = app.page("/").await;

    let policy = home
        .headers
        .get("content-security-policy")
        .unwrap()
        .to_str()
        .unwrap();
    assert!(policy.contains("default-src 'none'"));
    assert!(!policy.contains("unsafe-inline"));
    assert!(!home.body.contains("<script"));
    assert!(!home.body.contains(" style="));
    assert_eq!(
        home.headers.get("x-content-type-options").unwrap(),
        "nosniff"
    );
}

#[actix_web::test]
async fn health_check_answers_ok() {
    let app = TestApp::spawn().await;

    let reply = app.page("/healthz").await;

    assert_eq!(reply.body.trim(), "ok");
}

#[actix_web::test]
async fn the_stylesheets_are_served() {
    let app = TestApp::spawn().await;

    for path in [
        "/static/css/site.css",
        "/static/css/print.css",
        "/static/img/mark.svg",
    ] {
        let reply = app.page(path).await;
        assert!(!reply.body.is_empty(), "{path}");
    }
}

#[actix_web::test]
async fn bodies_made_by_an_older_renderer_are_rendered_again_at_start() {
    use diesel::prelude::*;
    use sti_portal::db::schema::statements;
    let app = TestApp::spawn().await;
    diesel::update(statements::table)
        .set((
            statements::body_html.eq("<p>stale</p>"),
            statements::renderer_version.eq(0),
        ))
        .execute(&mut app.connection())
        .unwrap();
    let path = "/statements/malaysia-china-second-joint-research-project-group-2024";
    assert!(
        app.page(path).await.body.contains("<p>stale</p>"),
        "reads never render"
    );

    let restarted = app.restart().await;

    let page = restarted.page(path).await;
    assert!(!page.body.contains("<p>stale</p>"));
    assert!(page.body.contains("<table>"));
}

#[actix_web::test]
async fn public_pages_carry_an_etag_and_answer_304_when_unchanged() {
    let app = TestApp::spawn().await;

    let first = app.page("/mous").await;
    let etag = first
        .headers
        .get("etag")
        .unwrap()
        .to_str()
        .unwrap()
        .to_owned();
    let again = app.get_holding("/mous", &etag).await;

    assert_eq!(again.status, 304);
    assert!(again.body.is_empty());
    assert_eq!(
        first.headers.get("cache-control").unwrap(),
        "public, max-age=60"
    );
}

#[actix_web::test]
async fn a_write_is_visible_on_the_next_read_despite_the_page_cache() {
    let app = TestApp::spawn().await;
    let before = app.page("/statements").await;
    assert_eq!(
        app.page("/statements").await.body,
        before.body,
        "the second read is the kept page"
    );
    app.login_as("eddie", sti_portal::domain::Role::Editor)
        .await;
    let csrf = app.csrf_token().await;
    let token = app.page("/staff/statements/new").await.hidden("form_token");
    app.post_form(
        "/staff/statements",
        &[
            ("csrf_token", &csrf),
            ("form_token", &token),
            ("title", "Fresh news from the joint committee"),
            ("body", "Text."),
            ("language", "en"),
            ("action", "publish"),
        ],
    )
    .await;
    app.forget_cookies();

    let after = app.page("/statements").await;

    assert!(after.body.contains("Fresh news from the joint committee"));
    assert_ne!(after.headers.get("etag"), before.headers.get("etag"));
}

#[actix_web::test]
async fn staff_pages_are_never_kept_or_shared() {
    let app = TestApp::spawn().await;
    app.login_as("eddie", sti_portal::domain::Role::Editor)
        .await;

    let dashboard = app.page("/staff").await;
    let public_while_logged_in = app.page("/mous").await;

    assert_eq!(dashboard.headers.get("cache-control").unwrap(), "no-store");
    assert!(dashboard.headers.get("etag").is_none());
    assert!(
        public_while_logged_in.headers.get("etag").is_none(),
        "logged-in readers bypass the cache"
    );
}
