use crate::helpers::TestApp;

#[actix_web::test]
async fn unknown_addresses_get_the_not_found_page() {
    let app = TestApp::spawn().await;

    for path in [
        "/nowhere",
        "/mous/no-such-mou",
        "/organisations/nobody",
        "/areas/x/y",
        "/static/nothing.css",
    ] {
        let reply = app.get(path).await;
        assert_eq!(reply.status, 404, "{path}");
        if !path.starts_with("/static") {
            assert_eq!(reply.heading(), "Page not found", "{path}");
            assert!(reply.links_to("/"), "{path} offers a way home");
        }
    }
}

#[actix_web::test]
async fn slugs_that_cannot_exist_are_not_found_rather_than_errors() {
    let app = TestApp::spawn().await;

    for path in [
        "/mous/..%2F..%2Fetc%2Fpasswd",
        "/mous/MIMOS",
        "/mous/'%20OR%201=1--",
        "/people/%00",
        "/areas/%E4%B8%AD%E6%96%87",
    ] {
        assert_eq!(app.get(path).await.status, 404, "{path}");
    }
}

#[actix_web::test]
async fn a_bad_filter_value_is_a_400_that_names_the_field() {
    let app = TestApp::spawn().await;

    for (path, field) in [
        ("/mous?year=twenty", "year"),
        ("/mous?page=0", "page"),
        ("/organisations?kind=castle", "kind"),
        ("/agreements?status=%27%3B%20DROP%20TABLE%20mous", "status"),
        ("/mous?country=Malaysia", "country"),
        ("/mous?area=Space%20Tech", "area"),
    ] {
        let reply = app.get(path).await;
        assert_eq!(reply.status, 400, "{path}");
        assert!(
            reply.body.contains(&format!("“{field}”")),
            "{path} names {field}"
        );
    }
}

#[actix_web::test]
async fn a_query_string_that_cannot_be_read_is_a_400() {
    let app = TestApp::spawn().await;

    let reply = app.get("/mous?year=2024&year=2023").await;

    assert_eq!(reply.status, 400);
    assert_eq!(reply.heading(), "This request cannot be answered");
}

#[actix_web::test]
async fn error_pages_reveal_nothing_of_the_internals() {
    let app = TestApp::spawn().await;

    for path in ["/mous?year=x", "/nowhere", "/mous?year=1&year=2"] {
        let body = app.get(path).await.body.to_lowercase();
        for secret in ["diesel", "sqlite", "panicked", "src/", "backtrace", "serde"] {
            assert!(!body.contains(secret), "{path} mentions {secret}");
        }
    }
}
