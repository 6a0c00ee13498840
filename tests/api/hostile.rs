//! Hostile input: every request here is refused or harmless, none gets a 5xx, no script it
//! carries reaches a page, and none changes the database. The corpus reaches every public and
//! staff endpoint and prints how many requests each got (`cargo test hostile -- --nocapture`);
//! `PORTAL_LONG_TESTS=1` sends every payload in several more forms.

use crate::helpers::{Reply, TestApp};
use crate::reliability::fingerprint_except;
use crate::staff_helpers::{Fields, Part, StaffClient, log_in};
use std::collections::BTreeMap;
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

/// The payloads, and in a long run (`PORTAL_LONG_TESTS=1`) each also repeated, wrapped in an
/// SVG handler, cut by a NUL and upper-cased.
fn payloads() -> Vec<String> {
    let mut all: Vec<String> = PAYLOADS.iter().map(|p| (*p).to_owned()).collect();
    if crate::helpers::long_tests() {
        for payload in PAYLOADS {
            all.push(payload.repeat(40));
            all.push(format!("<svg onload=alert(1)>{payload}</svg>"));
            all.push(format!("{payload}\u{0}{payload}"));
            all.push(payload.to_uppercase());
        }
    }
    all
}

/// Tables a refused request may still touch: the audit log records failed logins, sessions are
/// looked at, nothing else.
const BOOKKEEPING: &[&str] = &[
    "audit_events",
    "sessions",
    "form_submissions",
    "__diesel_schema_migrations",
];

const COLLECTIONS: [&str; 8] = [
    "statements",
    "agreements",
    "meetings",
    "delegations",
    "mous",
    "organisations",
    "people",
    "areas",
];
const RECORD_COLLECTIONS: [&str; 7] = [
    "agreements",
    "meetings",
    "delegations",
    "mous",
    "organisations",
    "people",
    "areas",
];

fn encode(text: &str) -> String {
    serde_urlencoded::to_string([("v", text)]).unwrap()[2..].to_owned()
}

/// Checks each reply as it comes back and counts it under the endpoint it was aimed at.
#[derive(Default)]
struct Corpus {
    sent: BTreeMap<&'static str, usize>,
}

impl Corpus {
    /// No 5xx, no script on the page, the payload never on a page unescaped, and (unless `ok`
    /// allows it) a 4xx.
    fn note(&mut self, endpoint: &'static str, payload: &str, ok: &[u16], reply: Reply) -> Reply {
        let what = format!("{endpoint} with {payload:?}");
        assert!(reply.status < 500, "{what} answered {}", reply.status);
        assert!(
            (400..500).contains(&reply.status) || ok.contains(&reply.status),
            "{what} answered {}",
            reply.status
        );
        let html = reply
            .headers
            .get("content-type")
            .is_some_and(|t| t.to_str().unwrap_or("").starts_with("text/html"));
        if html && payload.contains('<') {
            assert!(
                !reply.body.contains(payload),
                "{what} put the payload on the page unescaped"
            );
        }
        if html {
            let lower = reply.body_without_linked_data().to_lowercase();
            assert!(!lower.contains("<script"), "{what} carries a script");
        }
        *self.sent.entry(endpoint).or_default() += 1;
        reply
    }

    fn total(&self) -> usize {
        self.sent.values().sum()
    }
}

/// The address of the first record of `collection` on its staff list.
async fn first_edit_page(staff: &StaffClient, collection: &str) -> String {
    let list = staff.get(&format!("/staff/records/{collection}")).await;
    let prefix = format!("/staff/records/{collection}/");
    list.links()
        .into_iter()
        .find(|l| l.starts_with(&prefix) && l.ends_with("/edit"))
        .unwrap_or_else(|| panic!("no {collection} to edit"))
}

/// A form as its page fills it, with every field but the tokens set to `payload`.
fn all_fields(form: &Fields, payload: &str) -> Fields {
    let mut hostile = form.clone();
    for (name, value) in &mut hostile.0 {
        if !matches!(name.as_str(), "csrf_token" | "form_token" | "version") {
            *value = payload.to_owned();
        }
    }
    hostile
}

async fn public_requests(app: &TestApp, corpus: &mut Corpus, payload: &str) {
    const FILTERS: [&str; 10] = [
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
    let v = encode(payload);
    for list in [
        "/",
        "/statements",
        "/agreements",
        "/meetings",
        "/delegations",
        "/mous",
        "/organisations",
        "/people",
        "/areas",
    ] {
        for filter in FILTERS {
            let path = format!("{list}?{filter}={v}");
            corpus.note(
                "GET /<list>?<filter>",
                payload,
                &[200],
                app.get(&path).await,
            );
        }
    }
    for collection in COLLECTIONS {
        let reply = app.get(&format!("/{collection}/{v}")).await;
        assert_eq!(reply.status, 404, "/{collection}/{payload:?}");
        corpus.note("GET /<collection>/<slug>", payload, &[], reply);
    }
    let ok = &[200];
    for (endpoint, path) in [
        ("GET /search", format!("/search?q={v}")),
        ("GET /search", format!("/search?q=mou&type={v}&area={v}")),
        ("GET /search", format!("/search?q=mou&year={v}&page={v}")),
        ("GET /timeline", format!("/timeline?area={v}&year={v}")),
        ("GET /stats", format!("/stats?{v}={v}")),
        ("GET /open-data", format!("/open-data?{v}")),
        ("GET /ms/… and /zh/…", format!("/ms/mous?area={v}")),
        ("GET /ms/… and /zh/…", format!("/zh/search?q={v}")),
        (
            "GET /statements/<slug>/v/<n>",
            format!("/statements/{v}/v/1"),
        ),
        (
            "GET /statements/<slug>/v/<n>",
            format!("/statements/malaysia-china-second-joint-research-project-group-2024/v/{v}"),
        ),
        ("GET /feed.atom", format!("/feed.atom?{v}")),
        (
            "GET /areas/<slug>/feed.atom",
            format!("/areas/{v}/feed.atom"),
        ),
        (
            "GET /organisations/<slug>/feed.atom",
            format!("/organisations/{v}/feed.atom"),
        ),
        ("GET /events.ics", format!("/events.ics?{v}")),
        ("GET /sitemap.xml", format!("/sitemap.xml?{v}")),
        ("GET /sitemap-<n>.xml", format!("/sitemap-{v}.xml")),
        ("GET /robots.txt", format!("/robots.txt?{v}")),
        ("GET /api/v1/<collection>", format!("/api/v1/{v}")),
        (
            "GET /api/v1/<collection>",
            format!("/api/v1/mous?area={v}&page={v}"),
        ),
        (
            "GET /api/v1/<collection>",
            format!("/api/v1/statements?year={v}"),
        ),
        (
            "GET /api/v1/<collection>/<slug>",
            format!("/api/v1/mous/{v}"),
        ),
        (
            "GET /api/v1/openapi.json",
            format!("/api/v1/openapi.json?{v}"),
        ),
        ("GET /<collection>.csv", format!("/{v}.csv")),
        (
            "GET /<collection>.csv",
            format!("/mous.csv?area={v}&country={v}"),
        ),
        (
            "GET /<collection>.csv",
            format!("/organisations.csv?kind={v}"),
        ),
        ("GET /documents/<sha256>.pdf", format!("/documents/{v}")),
        ("GET /documents/<sha256>.pdf", format!("/documents/{v}.pdf")),
        ("GET /static/…", format!("/static/{v}")),
        ("GET /static/…", format!("/static/css/{v}")),
        ("GET /healthz, /readyz", format!("/healthz?{v}")),
        ("GET /healthz, /readyz", format!("/readyz?{v}")),
    ] {
        corpus.note(endpoint, payload, ok, app.get(&path).await);
    }
}

/// Everything a staff member can send, with `payload` in every field: each is refused (a
/// forged CSRF token, or a form that cannot be valid) and none is written.
async fn staff_requests(
    app: &TestApp,
    staff: &StaffClient,
    forms: &StaffForms,
    corpus: &mut Corpus,
    payload: &str,
) {
    let v = encode(payload);
    for path in [
        format!("/staff?done={v}"),
        format!("/staff/statements?status={v}&page={v}"),
        format!("/staff/statements/{v}/edit"),
        format!("/staff/users?done={v}"),
        format!("/staff/audit?before={v}"),
        format!("/staff/records?{v}"),
        format!("/staff/records/{v}"),
        format!("/staff/records/mous?q={v}&page={v}"),
        format!("/staff/records/mous/{v}/edit"),
        format!("/staff/records/people/new?{v}={v}"),
    ] {
        corpus.note("GET /staff/…", payload, &[200], staff.get(&path).await);
    }
    corpus.note(
        "GET /staff/login",
        payload,
        &[200],
        app.get(&format!("/staff/login?next={v}")).await,
    );

    let login_token = app.page("/staff/login").await.hidden("csrf_token");
    corpus.note(
        "POST /staff/login",
        payload,
        &[],
        app.post_form(
            "/staff/login",
            &[
                ("username", payload),
                ("password", payload),
                ("csrf_token", &login_token),
                ("next", payload),
            ],
        )
        .await,
    );
    corpus.note(
        "POST /staff/login",
        payload,
        &[],
        app.post_form(
            "/staff/login",
            &[
                ("username", "root"),
                ("password", payload),
                ("csrf_token", payload),
            ],
        )
        .await,
    );

    let forged = |form: &Fields| {
        let mut form = all_fields(form, payload);
        form.set("csrf_token", payload);
        form
    };
    let invalid = |form: &Fields| {
        let mut form = all_fields(form, payload);
        for required in ["title", "name", "body", "username"] {
            if form.get(required).is_some() {
                form.set(required, "");
            }
        }
        form
    };
    for (endpoint, action, form) in &forms.all {
        for hostile in [forged(form), invalid(form)] {
            let reply = staff.post_form(action, &hostile).await;
            corpus.note(endpoint, payload, &[], reply);
        }
    }
    let logout = Fields(vec![("csrf_token".into(), payload.into())]);
    corpus.note(
        "POST /staff/logout",
        payload,
        &[],
        staff.post_form("/staff/logout", &logout).await,
    );
    for upload in &forms.uploads {
        for csrf in [payload, staff.csrf.as_str()] {
            let form_token = sti_portal::auth::random_token();
            let parts = [
                Part::Text("csrf_token", csrf),
                Part::Text("form_token", &form_token),
                Part::Text("document_title", payload),
                Part::File(
                    "document_file",
                    payload,
                    "application/pdf",
                    payload.as_bytes(),
                ),
            ];
            let reply = staff.post_multipart(upload, &parts).await;
            corpus.note(
                "POST /staff/records/<collection>/<id>/documents",
                payload,
                &[],
                reply,
            );
        }
    }
}

/// The staff forms the corpus fills in, read from their pages once.
struct StaffForms {
    /// Endpoint, action, the form as its page fills it.
    all: Vec<(&'static str, String, Fields)>,
    uploads: Vec<String>,
}

impl StaffForms {
    async fn read(staff: &StaffClient) -> Self {
        let mut all = vec![
            (
                "POST /staff/statements",
                "/staff/statements".to_owned(),
                staff
                    .form("/staff/statements/new", "/staff/statements")
                    .await,
            ),
            (
                "POST /staff/users",
                "/staff/users".to_owned(),
                staff.form("/staff/users", "/staff/users").await,
            ),
        ];
        let statements = staff.get("/staff/statements").await;
        let statement_edit = statements
            .links()
            .into_iter()
            .find(|l| l.starts_with("/staff/statements/") && l.ends_with("/edit"))
            .expect("a statement to edit");
        let statement = statement_edit.trim_end_matches("/edit").to_owned();
        all.push((
            "POST /staff/statements/<id>",
            statement.clone(),
            staff.form(&statement_edit, &statement).await,
        ));
        let users = staff.get("/staff/users").await;
        let user_change = form_action(&users, "/staff/users/");
        all.push((
            "POST /staff/users/<username>",
            user_change.clone(),
            Fields::of(&users, &user_change),
        ));
        let mut uploads = Vec::new();
        for collection in RECORD_COLLECTIONS {
            let create = format!("/staff/records/{collection}");
            all.push((
                "POST /staff/records/<collection>",
                create.clone(),
                staff
                    .form(&format!("/staff/records/{collection}/new"), &create)
                    .await,
            ));
            let edit = first_edit_page(staff, collection).await;
            let update = edit.trim_end_matches("/edit").to_owned();
            all.push((
                "POST /staff/records/<collection>/<id>",
                update.clone(),
                staff.form(&edit, &update).await,
            ));
            if matches!(collection, "agreements" | "mous") {
                uploads.push(format!("{update}/documents"));
            }
        }
        Self { all, uploads }
    }
}

/// The action of the first form on `page` whose action starts with `prefix`.
fn form_action(page: &Reply, prefix: &str) -> String {
    let selector = scraper::Selector::parse("form[action]").unwrap();
    page.document()
        .select(&selector)
        .filter_map(|f| f.value().attr("action"))
        .find(|a| a.starts_with(prefix))
        .unwrap_or_else(|| panic!("no form for {prefix}"))
        .to_owned()
}

/// Requests that are hostile in their shape rather than in a field's value.
async fn malformed_requests(app: &TestApp, staff: &StaffClient, corpus: &mut Corpus) {
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
        "/api/v1/mous?area=%FF",
        "/mous.csv?year=%E4%B8",
        "//etc/passwd",
    ] {
        let reply = corpus.note("malformed address", path, &[], app.get(path).await);
        assert!(!reply.body.contains("[package]"), "{path} leaked a file");
    }

    // Words that are not UTF-8 are searched for as what they decode to.
    let path = "/search?q=%FF%FE%00";
    corpus.note("malformed address", path, &[200], app.get(path).await);

    let just_too_long = format!(
        "/mous?area={}",
        "a".repeat(sti_portal::startup::QUERY_LIMIT)
    );
    let reply = corpus.note("huge query string", "", &[], app.get(&just_too_long).await);
    assert_eq!(reply.status, 414, "a query over the limit gets a clear 414");
    for path in [
        format!("/search?q={}", "%3Cscript%3E".repeat(2000)),
        format!("/mous?area={}", "a".repeat(60_000)),
        format!("/staff/records/mous?q={}", "x".repeat(10_000)),
    ] {
        corpus.note("huge query string", "", &[], app.get(&path).await);
    }

    for method in [
        awc::http::Method::PUT,
        awc::http::Method::DELETE,
        awc::http::Method::PATCH,
    ] {
        for path in [
            "/",
            "/mous",
            "/api/v1/mous",
            "/staff/statements",
            "/staff/records/mous",
            "/static/css/site.css",
        ] {
            let reply = app.send(app.request(method.clone(), path), None).await;
            corpus.note("wrong method", "", &[], reply);
        }
    }

    let csrf = &staff.csrf;
    let ten_megabytes = "x".repeat(10 * 1024 * 1024);
    for path in [
        "/staff/statements",
        "/staff/login",
        "/staff/users",
        "/staff/records/organisations",
    ] {
        let body = format!("csrf_token={csrf}&body={ten_megabytes}");
        let reply = staff
            .post_body(path, "application/x-www-form-urlencoded", body.into_bytes())
            .await;
        assert_eq!(reply.status, 413, "{path}");
        corpus.note("10 MB body", "", &[], reply);
    }
    for (content_type, body) in [
        (
            "application/x-www-form-urlencoded",
            b"title=%FF%FE&body=%ZZ&&&==".to_vec(),
        ),
        (
            "application/x-www-form-urlencoded",
            [format!("csrf_token={csrf}&title=").as_bytes(), b"\xff\xfe"].concat(),
        ),
        (
            "application/x-www-form-urlencoded",
            b"csrf_token=a&csrf_token=b&title=x".to_vec(),
        ),
        ("application/json", b"{\"title\": \"x\"}".to_vec()),
        (
            "multipart/form-data; boundary=xyz",
            b"--xyz\r\nContent-Disposition: form-data; name=\"title\"\r\n\r\nbroken".to_vec(),
        ),
        ("text/plain", b"\x00\x01\x02\xff".to_vec()),
    ] {
        for path in [
            "/staff/statements",
            "/staff/login",
            "/staff/users",
            "/staff/records/mous",
        ] {
            let reply = staff.post_body(path, content_type, body.clone()).await;
            corpus.note("malformed form", content_type, &[], reply);
        }
    }

    let upload = format!(
        "{}/documents",
        first_edit_page(staff, "mous")
            .await
            .trim_end_matches("/edit")
    );
    let token = sti_portal::auth::random_token();
    let pdf_magic_as_html = b"%PDF-1.7\n<html><script>alert(1)</script>".to_vec();
    let html_as_pdf = b"<html><script>alert(1)</script></html>".to_vec();
    let eleven_megabytes = {
        let mut pdf = b"%PDF-1.7\n".to_vec();
        pdf.resize(11 * 1024 * 1024, b'0');
        pdf
    };
    for (file_name, media_type, bytes, expected) in [
        ("mou.pdf", "application/pdf", &html_as_pdf, 422),
        ("mou.pdf", "text/html", &pdf_magic_as_html, 422),
        ("../../mou.pdf", "application/pdf", &html_as_pdf, 422),
        (
            "mou.exe",
            "application/x-msdownload",
            &b"MZ\x90\x00"[..].to_vec(),
            422,
        ),
        ("big.pdf", "application/pdf", &eleven_megabytes, 413),
    ] {
        let parts = [
            Part::Text("csrf_token", csrf),
            Part::Text("form_token", &token),
            Part::Text("document_title", "Hostile file"),
            Part::File("document_file", file_name, media_type, bytes),
        ];
        let reply = staff.post_multipart(&upload, &parts).await;
        assert_eq!(reply.status, expected, "{file_name} as {media_type}");
        corpus.note("PDF that is not a PDF", file_name, &[], reply);
    }
    let boundary = "multipart/form-data; boundary=b0undary";
    for (content_type, body) in [
        (boundary, format!("--b0undary\r\ncontent-disposition: form-data; name=\"csrf_token\"\r\n\r\n{csrf}\r\n--b0undary\r\ncontent-disposition: form-data; name=\"document_file\"; filename=\"a.pdf\"\r\n\r\n%PDF-1.7 no end").into_bytes()),
        (boundary, b"no boundary at all".to_vec()),
        (boundary, b"--b0undary\r\n\r\n\r\n--b0undary--".to_vec()),
        (boundary, format!("--b0undary\r\ncontent-disposition: form-data; name=\"csrf_token\"\r\n\r\n{csrf}\r\n--b0undary\r\ncontent-disposition: form-data; name=\"{}\"\r\n\r\nx\r\n--b0undary--\r\n", "n".repeat(20_000)).into_bytes()),
        ("multipart/form-data", b"--\r\n--".to_vec()),
        ("multipart/form-data; boundary=", b"----\r\n".to_vec()),
        ("application/pdf", b"%PDF-1.7\n".to_vec()),
    ] {
        let reply = staff.post_body(&upload, content_type, body).await;
        corpus.note("malformed multipart", content_type, &[], reply);
    }
}

async fn session_requests(app: &TestApp, corpus: &mut Corpus) {
    use diesel::prelude::*;
    use sti_portal::db::schema::{sessions, users};
    let mut conn = app.connection();
    let user: i32 = users::table.select(users::id).first(&mut conn).unwrap();
    let now = chrono::Utc::now().naive_utc();
    for (token, last_seen, expires) in [
        (
            "expired-session-token",
            now,
            now - chrono::TimeDelta::seconds(1),
        ),
        (
            "idle-session-token",
            now - chrono::TimeDelta::minutes(31),
            now + chrono::TimeDelta::hours(1),
        ),
    ] {
        diesel::insert_into(sessions::table)
            .values((
                sessions::token_hash.eq(sti_portal::auth::token_hash(token)),
                sessions::user_id.eq(user),
                sessions::csrf_token.eq("x"),
                sessions::last_seen_at.eq(last_seen),
                sessions::expires_at.eq(expires),
            ))
            .execute(&mut conn)
            .unwrap();
    }
    for session in [
        "garbage",
        "",
        "'; DROP TABLE sessions; --",
        &"a".repeat(4000),
        "expired-session-token",
        "idle-session-token",
    ] {
        for path in ["/staff", "/staff/records/mous/new"] {
            let reply = app
                .send(
                    app.request(awc::http::Method::GET, path)
                        .insert_header(("cookie", format!("sti_session={session}"))),
                    None,
                )
                .await;
            assert_eq!(
                reply.status, 303,
                "a forged or ended session is sent to the login page"
            );
            corpus.note("forged, expired or idle session", session, &[303], reply);
        }
        let reply = app
            .send(
                app.request(awc::http::Method::POST, "/staff/records/areas")
                    .insert_header(("cookie", format!("sti_session={session}")))
                    .insert_header(("content-type", "application/x-www-form-urlencoded")),
                Some("csrf_token=x&name=Taken+over".into()),
            )
            .await;
        corpus.note("forged, expired or idle session", session, &[303], reply);
    }
}

#[actix_web::test]
async fn hostile_requests_are_refused_cleanly_and_change_nothing() {
    let app = TestApp::spawn().await;
    let staff = log_in(&app, "root", Role::Admin).await;
    let forms = StaffForms::read(&staff).await;
    let before = fingerprint_except(&mut app.connection(), BOOKKEEPING);
    let mut corpus = Corpus::default();

    for payload in payloads() {
        public_requests(&app, &mut corpus, &payload).await;
        staff_requests(&app, &staff, &forms, &mut corpus, &payload).await;
    }
    malformed_requests(&app, &staff, &mut corpus).await;
    session_requests(&app, &mut corpus).await;

    println!("hostile requests by endpoint:");
    for (endpoint, count) in &corpus.sent {
        println!("{count:>6}  {endpoint}");
    }
    println!("{:>6}  in all", corpus.total());
    assert!(
        corpus.total() >= 300,
        "only {} hostile requests",
        corpus.total()
    );
    assert!(
        corpus.sent.len() >= 40 && corpus.sent.values().all(|n| *n >= 4),
        "some endpoint got few requests: {:?}",
        corpus.sent
    );
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
