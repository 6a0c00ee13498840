//! What every response tells the browser about itself: the security headers, and how long the
//! static files may be kept.

use crate::helpers::{Reply, TestApp};
use awc::http::Method;
use sti_portal::domain::Role;

/// One address of each kind of response: pages, staff pages, machine formats, errors, files.
const ADDRESSES: [&str; 12] = [
    "/",
    "/mous",
    "/search?q=semiconductor",
    "/staff/login",
    "/staff",
    "/feed.atom",
    "/api/v1/mous",
    "/mous.csv",
    "/healthz",
    "/no-such-page",
    "/mous?year=x",
    "/static/css/site.css",
];

fn header(reply: &Reply, name: &str) -> String {
    reply
        .headers
        .get(name)
        .map(|value| value.to_str().unwrap().to_owned())
        .unwrap_or_default()
}

fn assert_security_headers(path: &str, reply: &Reply) {
    let policy = header(reply, "content-security-policy");
    assert!(policy.contains("default-src 'none'"), "{path}: {policy}");
    assert!(
        policy.contains("frame-ancestors 'none'"),
        "{path}: {policy}"
    );
    assert!(!policy.contains("unsafe-inline"), "{path}: {policy}");
    assert!(!policy.contains("unsafe-eval"), "{path}: {policy}");
    assert_eq!(header(reply, "x-content-type-options"), "nosniff", "{path}");
    assert!(!header(reply, "referrer-policy").is_empty(), "{path}");
    assert!(!header(reply, "permissions-policy").is_empty(), "{path}");
}

#[actix_web::test]
async fn every_response_carries_the_security_headers_and_hsts_only_with_secure_cookies() {
    let app = TestApp::spawn().await;
    app.login_as("ann", Role::Editor).await;
    let secure = TestApp::spawn_with_secure_cookies().await;

    for path in ADDRESSES {
        // With a session, as staff browse: every answer is rendered afresh.
        let reply = app.get(path).await;
        assert_security_headers(path, &reply);
        assert_eq!(header(&reply, "strict-transport-security"), "", "{path}");

        // Without a session the second answer to a public page comes from the page cache.
        for _ in 0..2 {
            let reply = secure.get(path).await;
            assert_security_headers(path, &reply);
            let hsts = header(&reply, "strict-transport-security");
            assert!(hsts.starts_with("max-age="), "{path}: {hsts}");
        }
    }
    // A refused write is answered with them too.
    let reply = app.post_form("/staff/logout", &[]).await;
    assert_eq!(reply.status, 403);
    assert_security_headers("POST /staff/logout", &reply);
}

#[actix_web::test]
async fn pages_link_fingerprinted_static_files_that_are_kept_for_a_year() {
    let app = TestApp::spawn().await;
    let home = app.get("/").await;
    let css = home
        .document()
        .select(&scraper::Selector::parse("link[rel=stylesheet]").unwrap())
        .filter_map(|link| link.value().attr("href").map(str::to_owned))
        .collect::<Vec<_>>();
    assert_eq!(css.len(), 2, "{css:?}");
    let plain = std::fs::read_to_string(
        sti_portal::config::Config::default_static_dir().join("css/site.css"),
    )
    .unwrap();

    for href in &css {
        let (stem, _) = href.rsplit_once('.').unwrap();
        let (_, hash) = stem.rsplit_once('.').unwrap();
        assert_eq!(hash.len(), 16, "{href}");
        assert!(hash.chars().all(|c| c.is_ascii_hexdigit()), "{href}");
        let reply = app.get(href).await;
        assert_eq!(reply.status, 200, "{href}");
        assert_eq!(
            header(&reply, "cache-control"),
            "public, max-age=31536000, immutable",
            "{href}"
        );
        assert!(
            header(&reply, "content-type").starts_with("text/css"),
            "{href}"
        );
    }
    assert!(css[0].starts_with("/static/css/site."), "{css:?}");
    assert_eq!(app.get(&css[0]).await.body, plain);

    let reply = app.get("/static/css/site.css").await;
    assert_eq!(reply.status, 200);
    assert_eq!(reply.body, plain);
    assert_eq!(header(&reply, "cache-control"), "public, max-age=300");

    // A fingerprint that names no file is not a file, whatever its plain name.
    let stale = app.get("/static/css/site.0123456789abcdef.css").await;
    assert_eq!(stale.status, 404);
}

#[actix_web::test]
async fn the_stylesheet_is_sent_compressed() {
    let app = TestApp::spawn().await;
    let href = sti_portal::assets::url("css/site.css");
    for encoding in ["gzip", "br"] {
        let request = app
            .request(Method::GET, &href)
            .insert_header(("accept-encoding", encoding));
        let reply = app.send(request, None).await;
        assert_eq!(reply.status, 200);
        assert_eq!(header(&reply, "content-encoding"), encoding);
    }
}

#[actix_web::test]
async fn a_static_file_the_browser_holds_is_answered_with_304() {
    let app = TestApp::spawn().await;
    for path in [
        "/static/css/site.css".to_owned(),
        sti_portal::assets::url("css/site.css"),
    ] {
        let first = app.get(&path).await;
        let etag = header(&first, "etag");
        assert!(etag.starts_with('"'), "{path}: {etag}");

        let again = app.get_holding(&path, &etag).await;

        assert_eq!(again.status, 304, "{path}");
        assert!(again.body.is_empty(), "{path}");
        assert_eq!(header(&again, "etag"), etag, "{path}");
    }
}

#[actix_web::test]
async fn a_head_request_is_answered_like_the_get_without_its_body() {
    let app = TestApp::spawn().await;
    for path in [
        "/",
        "/mous",
        "/statements",
        "/feed.atom",
        "/api/v1/mous",
        "/healthz",
    ] {
        let get = app.get(path).await;
        let head = app.send(app.request(Method::HEAD, path), None).await;
        assert_eq!(head.status, 200, "HEAD {path}");
        assert_eq!(
            header(&head, "content-type"),
            header(&get, "content-type"),
            "HEAD {path}"
        );
        assert!(head.body.is_empty(), "HEAD {path} sent a body");
        if path != "/healthz" {
            assert!(!header(&head, "etag").is_empty(), "HEAD {path} has no ETag");
            assert_eq!(header(&head, "etag"), header(&get, "etag"), "HEAD {path}");
        }
    }
}

#[actix_web::test]
async fn a_kept_page_is_sent_in_the_coding_the_client_prefers_and_reads_the_same() {
    let app = TestApp::spawn().await;
    for path in ["/", "/mous", "/feed.atom", "/api/v1/mous", "/sitemap.xml"] {
        let plain = app
            .send(
                app.request(Method::GET, path)
                    .insert_header(("accept-encoding", "identity")),
                None,
            )
            .await;
        assert_eq!(plain.status, 200, "{path}");
        assert_eq!(header(&plain, "content-encoding"), "", "{path}");
        assert_eq!(header(&plain, "vary"), "accept-encoding", "{path}");
        for (accepted, coding) in [("gzip, deflate, br, zstd", "br"), ("gzip", "gzip")] {
            // The first answer is rendered (or found) and compressed, the second is kept.
            for _ in 0..2 {
                let reply = app
                    .send(
                        app.request(Method::GET, path)
                            .insert_header(("accept-encoding", accepted)),
                        None,
                    )
                    .await;
                assert_eq!(reply.status, 200, "{path}");
                assert_eq!(header(&reply, "content-encoding"), coding, "{path}");
                assert_eq!(header(&reply, "vary"), "accept-encoding", "{path}");
                assert_eq!(header(&reply, "etag"), header(&plain, "etag"), "{path}");
                assert_eq!(reply.body, plain.body, "{path} in {coding}");
            }
        }
    }
}

#[actix_web::test]
async fn a_body_too_short_to_gain_is_sent_uncompressed() {
    let app = TestApp::spawn().await;
    let reply = app
        .send(
            app.request(Method::GET, "/healthz")
                .insert_header(("accept-encoding", "br, gzip")),
            None,
        )
        .await;
    assert_eq!(reply.status, 200);
    assert_eq!(header(&reply, "content-encoding"), "");
}

#[actix_web::test]
async fn a_page_whose_data_is_a_second_old_says_when_it_changed_and_answers_304_since_then() {
    let app = TestApp::spawn().await;
    app.get("/mous").await;
    // In the second the data was first read, a page cannot say it has not changed since.
    actix_web::rt::time::sleep(std::time::Duration::from_millis(1100)).await;
    let page = app.get("/mous").await;
    let last_modified = header(&page, "last-modified");
    assert!(last_modified.ends_with(" GMT"), "{last_modified:?}");

    let unchanged = app
        .send(
            app.request(Method::GET, "/mous")
                .insert_header(("if-modified-since", last_modified.as_str())),
            None,
        )
        .await;
    assert_eq!(unchanged.status, 304);
    assert_eq!(header(&unchanged, "last-modified"), last_modified);

    // The tag decides when a client sends both.
    let retagged = app
        .send(
            app.request(Method::GET, "/mous")
                .insert_header(("if-modified-since", last_modified.as_str()))
                .insert_header(("if-none-match", "\"another\"")),
            None,
        )
        .await;
    assert_eq!(retagged.status, 200);

    // Another process's write, which the portal learns of only from the database.
    diesel::RunQueryDsl::execute(
        diesel::sql_query(
            "UPDATE mous SET title = 'A retitled memorandum' WHERE id = (SELECT min(id) FROM mous)",
        ),
        &mut app.connection(),
    )
    .unwrap();
    let changed = app
        .send(
            app.request(Method::GET, "/mous")
                .insert_header(("if-modified-since", last_modified.as_str())),
            None,
        )
        .await;
    assert_eq!(changed.status, 200);
    assert!(changed.body.contains("A retitled memorandum"));
}

#[actix_web::test]
async fn the_staffs_own_writes_leave_public_pages_unchanged_since_they_were_first_read() {
    let app = TestApp::spawn().await;
    app.get("/mous").await;
    actix_web::rt::time::sleep(std::time::Duration::from_millis(1100)).await;
    let last_modified = header(&app.get("/mous").await, "last-modified");
    let unchanged_since = || {
        app.request(Method::GET, "/mous")
            .insert_header(("if-modified-since", last_modified.as_str()))
    };

    // A failed login is recorded, a login starts a session, and another process ends it: none
    // of it is anything a public page shows.
    assert_eq!(
        app.login("nobody", "not the password at all").await.status,
        401
    );
    app.login_as("editor", Role::Editor).await;
    app.forget_cookies();
    diesel::RunQueryDsl::execute(
        diesel::sql_query("DELETE FROM sessions"),
        &mut app.connection(),
    )
    .unwrap();
    let after_staff_writes = app.send(unchanged_since(), None).await;
    assert_eq!(after_staff_writes.status, 304);
    assert_eq!(header(&after_staff_writes, "last-modified"), last_modified);

    diesel::RunQueryDsl::execute(
        diesel::sql_query(
            "UPDATE mous SET title = 'A retitled memorandum' WHERE id = (SELECT min(id) FROM mous)",
        ),
        &mut app.connection(),
    )
    .unwrap();
    let after_a_change = app.send(unchanged_since(), None).await;
    assert_eq!(after_a_change.status, 200);
    assert!(after_a_change.body.contains("A retitled memorandum"));
}

#[actix_web::test]
async fn a_crawler_or_feed_reader_holding_a_page_is_answered_without_it_being_made_again() {
    let dir = tempfile::tempdir().unwrap();
    let database = crate::query_plans::large_database(&dir, 1_000).await;
    // Without the page cache, only the page's own tag can spare making it again.
    let app = TestApp::spawn_on_without_page_cache(dir, database).await;
    let quickest = async |path: &str, etag: Option<&str>| {
        let mut quickest = std::time::Duration::MAX;
        for _ in 0..3 {
            let started = std::time::Instant::now();
            let reply = match etag {
                Some(etag) => app.get_holding(path, etag).await,
                None => app.get(path).await,
            };
            quickest = quickest.min(started.elapsed());
            assert_eq!(
                reply.status,
                if etag.is_some() { 304 } else { 200 },
                "{path}"
            );
        }
        quickest
    };
    let mut tags = Vec::new();
    for path in [
        "/sitemap.xml",
        "/feed.atom",
        "/ms/areas/space-technology/feed.atom",
        "/zh/events.ics",
    ] {
        let made = app.get(path).await;
        assert_eq!(made.status, 200, "{path}");
        let etag = header(&made, "etag");

        let held = app.get_holding(path, &etag).await;

        assert_eq!(held.status, 304, "{path}");
        assert!(held.body.is_empty(), "{path}");
        assert_eq!(header(&held, "etag"), etag, "{path}");
        tags.push((path, etag));
    }
    // The two largest are made in tens of milliseconds, and answered in one or two.
    for (path, etag) in &tags[..2] {
        let (making, answering) = (quickest(path, None).await, quickest(path, Some(etag)).await);
        assert!(
            answering < making / 10,
            "{path}: the 304 took {answering:?}, making the page {making:?}"
        );
    }

    // A new record is a new address in the sitemap; and what the feeds and the calendar are
    // made from changed.
    crate::fixtures::insert_organisation(&app, "newcomer", "Newcomer Sdn Bhd", "");
    for (path, etag) in tags {
        let changed = app.get_holding(path, &etag).await;
        assert_eq!(changed.status, 200, "{path}");
        assert_ne!(header(&changed, "etag"), etag, "{path}");
    }
    let sitemap = app.get("/sitemap.xml").await;
    assert!(sitemap.body.contains("/organisations/newcomer</loc>"));
}
