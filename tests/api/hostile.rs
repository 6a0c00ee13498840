//! Hostile input: every request here is refused or harmless, none gets a 5xx, no script it
//! carries reaches a page, and none changes the database.

use crate::helpers::{Reply, TestApp};
use crate::reliability::fingerprint_except;
use sti_portal::domain::Role;

const PAYLOADS: &[&str] = &[
    "<script>alert(1)</script>",
    "\"><img src=x onerror=alert(1)>",
    "javascript:alert(1)",
    "' OR '1'='1",
    "'; DROP TABLE mous; --",
    "1 UNION SELECT password_hash FROM users",
    "../../../../etc/passwd",
    "..\\..\\windows\\win.ini",
    "\u{0}",
    "\u{202e}gnp.exe",
    "{{7*7}}${7*7}",
    "%s%s%s%n",
    "中文'\"<>",
    "NEAR(\"a\" \"b\") * -x",
];

/// Tables a refused request may still touch: the audit log records failed logins, sessions are
/// looked at, nothing else.
const BOOKKEEPING: &[&str] = &[
    "audit_events",
    "sessions",
    "form_submissions",
    "__diesel_schema_migrations",
];

fn check(reply: &Reply, what: &str, payload: &str) {
    assert!(reply.status < 500, "{what} answered {}", reply.status);
    if reply.status == 200 && payload.contains('<') {
        assert!(
            !reply.body.contains(payload),
            "{what} put the payload on the page unescaped"
        );
    }
    let lower = reply.body.to_lowercase();
    assert!(!lower.contains("<script"), "{what} carries a script");
}

fn encode(text: &str) -> String {
    serde_urlencoded::to_string([("v", text)]).unwrap()[2..].to_owned()
}

#[actix_web::test]
async fn hostile_requests_are_refused_cleanly_and_change_nothing() {
    let app = TestApp::spawn().await;
    app.login_as("eddie", Role::Editor).await;
    let csrf = app.csrf_token().await;
    let before = fingerprint_except(&mut app.connection(), BOOKKEEPING);
    let mut sent = 0;

    let lists = [
        "/",
        "/statements",
        "/agreements",
        "/meetings",
        "/delegations",
        "/mous",
        "/organisations",
        "/people",
        "/areas",
    ];
    let params = [
        "area",
        "organisation",
        "country",
        "year",
        "status",
        "kind",
        "page",
        "person",
        "agreement",
        "q",
    ];
    for payload in PAYLOADS {
        for list in lists {
            for param in params {
                let path = format!("{list}?{param}={}", encode(payload));
                check(&app.get(&path).await, &path, payload);
                sent += 1;
            }
        }
        for collection in [
            "statements",
            "agreements",
            "meetings",
            "delegations",
            "mous",
            "organisations",
            "people",
            "areas",
        ] {
            let path = format!("/{collection}/{}", encode(payload));
            let reply = app.get(&path).await;
            assert_eq!(reply.status, 404, "{path}");
            check(&reply, &path, payload);
            sent += 1;
        }
        let forms: [(&str, Vec<(&str, &str)>); 5] = [
            (
                "/staff/statements",
                vec![
                    ("csrf_token", &csrf),
                    ("form_token", "t0123456789abcdef"),
                    ("title", payload),
                    ("body", ""),
                    ("language", payload),
                    ("related", payload),
                    ("action", "publish"),
                ],
            ),
            (
                "/staff/statements",
                vec![
                    ("csrf_token", payload),
                    ("title", payload),
                    ("body", payload),
                    ("language", "en"),
                    ("action", "publish"),
                ],
            ),
            (
                "/staff/users",
                vec![
                    ("csrf_token", &csrf),
                    ("username", payload),
                    ("display_name", payload),
                    ("role", payload),
                    ("password", payload),
                ],
            ),
            (
                "/staff/users/eddie",
                vec![
                    ("csrf_token", payload),
                    ("role", "admin"),
                    ("change", "role"),
                ],
            ),
            ("/staff/logout", vec![("csrf_token", payload)]),
        ];
        for (path, fields) in &forms {
            let reply = app.post_form(path, fields).await;
            assert!(
                matches!(reply.status, 403 | 422 | 400),
                "{path} with {payload:?} answered {}",
                reply.status
            );
            check(&reply, path, payload);
            sent += 1;
        }
    }

    for path in [
        "/static/../Cargo.toml",
        "/static/%2e%2e/Cargo.toml",
        "/static/..%2fCargo.toml",
        "/static/css/..%2f..%2fCargo.toml",
        "/static/%00",
        "/static/css/site.css%00.html",
        "/mous/%FF%FE",
        "/mous?year=%FF",
        "/mous?area=%C0%AE%C0%AE",
        "/people/%E4%B8",
        "//etc/passwd",
    ] {
        let reply = app.get(path).await;
        assert!(
            (400..500).contains(&reply.status),
            "{path} answered {}",
            reply.status
        );
        assert!(!reply.body.contains("[package]"), "{path} leaked a file");
        sent += 1;
    }

    let huge_query = format!("/mous?area={}", "a".repeat(60_000));
    assert!((400..500).contains(&app.get(&huge_query).await.status));
    for method in [
        awc::http::Method::PUT,
        awc::http::Method::DELETE,
        awc::http::Method::PATCH,
    ] {
        for path in ["/", "/mous", "/staff/statements", "/static/css/site.css"] {
            let reply = app.send(app.request(method.clone(), path), None).await;
            assert!(
                (400..500).contains(&reply.status),
                "{method} {path} answered {}",
                reply.status
            );
            sent += 1;
        }
    }
    let ten_megabytes = "x".repeat(10 * 1024 * 1024);
    for path in ["/staff/statements", "/staff/login", "/staff/users"] {
        let reply = app
            .send(
                app.request(awc::http::Method::POST, path)
                    .insert_header(("content-type", "application/x-www-form-urlencoded")),
                Some(format!("csrf_token={csrf}&body={ten_megabytes}")),
            )
            .await;
        assert_eq!(reply.status, 413, "{path}");
        sent += 1;
    }
    for (content_type, body) in [
        (
            "application/x-www-form-urlencoded",
            "title=%FF%FE&body=%ZZ&&&==",
        ),
        (
            "application/x-www-form-urlencoded",
            "csrf_token=a&csrf_token=b&title=x",
        ),
        ("application/json", "{\"title\": \"x\"}"),
        (
            "multipart/form-data; boundary=xyz",
            "--xyz\r\nContent-Disposition: form-data; name=\"title\"\r\n\r\nbroken",
        ),
        ("text/plain", "\u{0}\u{1}\u{2}"),
    ] {
        for path in ["/staff/statements", "/staff/login", "/staff/users"] {
            let reply = app
                .send(
                    app.request(awc::http::Method::POST, path)
                        .insert_header(("content-type", content_type)),
                    Some(body.to_owned()),
                )
                .await;
            assert!(
                (400..500).contains(&reply.status),
                "{path} with {content_type} answered {}",
                reply.status
            );
            sent += 1;
        }
    }
    for session in [
        "garbage",
        "",
        "'; DROP TABLE sessions; --",
        &"a".repeat(4000),
    ] {
        let reply = app
            .send(
                app.request(awc::http::Method::GET, "/staff")
                    .insert_header(("cookie", format!("sti_session={session}"))),
                None,
            )
            .await;
        assert_eq!(
            reply.status, 303,
            "a forged session is sent to the login page"
        );
        sent += 1;
    }

    assert!(sent >= 300, "only {sent} hostile requests");
    assert_eq!(
        fingerprint_except(&mut app.connection(), BOOKKEEPING),
        before,
        "a refused request changed the database"
    );
}

#[actix_web::test]
async fn form_fields_cannot_raise_privileges_or_reach_other_records() {
    let app = TestApp::spawn().await;
    app.login_as("eddie", Role::Editor).await;
    let csrf = app.csrf_token().await;
    let token = app.page("/staff/statements/new").await.hidden("form_token");
    let created = app
        .post_form(
            "/staff/statements",
            &[
                ("csrf_token", &csrf),
                ("form_token", &token),
                ("title", "Editor's draft"),
                ("body", "x"),
                ("language", "en"),
                ("action", "save"),
            ],
        )
        .await;
    let editors_statement = created
        .location()
        .split('?')
        .next()
        .unwrap()
        .replace("/edit", "");
    app.forget_cookies();
    app.login_as("wren", Role::Writer).await;
    let csrf = app.csrf_token().await;
    let token = app.page("/staff/statements/new").await.hidden("form_token");

    let escalated = app
        .post_form(
            "/staff/statements",
            &[
                ("csrf_token", &csrf),
                ("form_token", &token),
                ("title", "Mine"),
                ("body", "x"),
                ("language", "en"),
                ("action", "save"),
                ("role", "admin"),
                ("author_id", "1"),
                ("status", "published"),
            ],
        )
        .await;
    let others = app
        .post_form(
            &editors_statement,
            &[
                ("csrf_token", &csrf),
                ("form_token", "another-token-123456"),
                ("version", "1"),
                ("title", "Taken over"),
                ("body", "x"),
                ("language", "en"),
                ("action", "save"),
            ],
        )
        .await;
    let promote_self = app
        .post_form(
            "/staff/users/wren",
            &[("csrf_token", &csrf), ("role", "admin"), ("change", "role")],
        )
        .await;

    assert_eq!(escalated.status, 303);
    let mine = app
        .page(escalated.location().split('?').next().unwrap())
        .await;
    assert!(
        mine.body.contains("badge--draft"),
        "extra fields are ignored: it stays a draft"
    );
    assert_eq!(others.status, 403);
    assert_eq!(promote_self.status, 403);
    assert_eq!(
        app.page("/staff").await.texts(".staff-bar .badge"),
        vec!["Writer"]
    );
}
