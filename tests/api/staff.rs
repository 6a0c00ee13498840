use crate::helpers::TestApp;
use diesel::prelude::*;
use sti_portal::db::schema::{audit_events, sessions, statements};
use sti_portal::domain::Role;

const MOU: &str = "/mous/mimos-cetc-mou-2024";

fn statement_count(app: &TestApp) -> i64 {
    statements::table
        .count()
        .get_result(&mut app.connection())
        .unwrap()
}

/// The fields of a complete statement form, with `overrides` replacing or adding fields.
fn statement_fields<'a>(
    csrf: &'a str,
    token: &'a str,
    overrides: &[(&'a str, &'a str)],
) -> Vec<(&'a str, &'a str)> {
    let mut fields = vec![
        ("csrf_token", csrf),
        ("form_token", token),
        (
            "title",
            "MIMOS and CETC begin joint work on advanced packaging",
        ),
        (
            "summary",
            "The first projects under the 2024 MoU have started.",
        ),
        ("dateline", "PUTRAJAYA"),
        ("language", "en"),
        (
            "body",
            "## Projects\n\n| Project | Lead |\n| --- | --- |\n| Packaging | MIMOS |\n\nSee [MIMOS](https://www.mimos.my).",
        ),
        ("related", "/mous/mimos-cetc-mou-2024\n/organisations/cetc"),
        ("areas", "microelectronics-and-semiconductors"),
        ("change_note", ""),
        ("action", "save"),
    ];
    for (name, value) in overrides {
        fields.retain(|(n, _)| n != name);
        fields.push((name, value));
    }
    fields
}

/// Creates a statement through the form and returns its edit address.
async fn create_statement(app: &TestApp, action: &str) -> String {
    let csrf = app.csrf_token().await;
    let token = app.page("/staff/statements/new").await.hidden("form_token");
    let reply = app
        .post_form(
            "/staff/statements",
            &statement_fields(&csrf, &token, &[("action", action)]),
        )
        .await;
    assert_eq!(reply.status, 303, "{}", reply.body);
    reply.location().split('?').next().unwrap().to_owned()
}

/// Submits the edit form at `edit` as loaded, with `overrides`.
async fn save_edit(app: &TestApp, edit: &str, overrides: &[(&str, &str)]) -> crate::helpers::Reply {
    let form = app.page(edit).await;
    let csrf = form.hidden("csrf_token");
    let token = form.hidden("form_token");
    let version = form.hidden("version");
    let mut fields = statement_fields(&csrf, &token, &[("version", &version)]);
    for (name, value) in overrides {
        fields.retain(|(n, _)| n != name);
        fields.push((name, value));
    }
    app.post_form(&edit.replace("/edit", ""), &fields).await
}

fn public_slug(app: &TestApp) -> String {
    statements::table
        .order(statements::id.desc())
        .select(statements::slug)
        .first(&mut app.connection())
        .unwrap()
}

#[actix_web::test]
async fn staff_pages_send_anonymous_visitors_to_the_login_page() {
    let app = TestApp::spawn().await;

    for path in [
        "/staff",
        "/staff/statements",
        "/staff/statements/new",
        "/staff/users",
        "/staff/audit",
    ] {
        let reply = app.get(path).await;
        assert_eq!(reply.status, 303, "{path}");
        assert!(
            reply.location().starts_with("/staff/login?next=%2Fstaff"),
            "{path}"
        );
    }
}

#[actix_web::test]
async fn publishing_requires_login() {
    let app = TestApp::spawn().await;
    let before = statement_count(&app);

    let reply = app
        .post_form(
            "/staff/statements",
            &statement_fields("x", "y", &[("action", "publish")]),
        )
        .await;

    assert_eq!(reply.status, 303);
    assert!(reply.location().starts_with("/staff/login"));
    assert_eq!(statement_count(&app), before);
}

#[actix_web::test]
async fn login_starts_a_new_http_only_session_and_logout_ends_it_at_once() {
    let app = TestApp::spawn().await;
    let password = app.add_user("ann", Role::Editor).await;
    app.set_cookie("sti_session", "planted-before-login");

    let reply = app.login("ann", &password).await;

    assert_eq!(reply.status, 303);
    assert_eq!(reply.location(), "/staff");
    let set_cookie = reply
        .headers
        .get_all("set-cookie")
        .map(|v| v.to_str().unwrap().to_owned())
        .collect::<Vec<_>>()
        .join("\n");
    assert!(
        set_cookie.contains("HttpOnly") && set_cookie.contains("SameSite=Lax"),
        "{set_cookie}"
    );
    let session = app.cookie("sti_session").unwrap();
    assert_ne!(
        session, "planted-before-login",
        "a session id chosen before login is not kept"
    );
    assert_eq!(app.page("/staff").await.heading(), "Dashboard");

    let csrf = app.csrf_token().await;
    let out = app
        .post_form("/staff/logout", &[("csrf_token", &csrf)])
        .await;
    assert_eq!(out.status, 303);
    app.set_cookie("sti_session", &session);
    assert_eq!(
        app.get("/staff").await.status,
        303,
        "the old cookie is worthless after logout"
    );
}

#[actix_web::test]
async fn session_cookies_are_secure_unless_configured_otherwise() {
    let app = TestApp::spawn_with_secure_cookies().await;
    let password = app.add_user("ann", Role::Editor).await;

    let reply = app.login("ann", &password).await;

    let set_cookie = reply
        .headers
        .get_all("set-cookie")
        .map(|v| v.to_str().unwrap().to_owned())
        .collect::<Vec<_>>();
    let session = set_cookie
        .iter()
        .find(|c| c.starts_with("sti_session="))
        .unwrap();
    assert!(session.contains("; Secure"), "{session}");
}

#[actix_web::test]
async fn a_wrong_password_is_refused_and_audited() {
    let app = TestApp::spawn().await;
    app.add_user("ann", Role::Editor).await;

    let reply = app.login("ann", "not the password at all").await;
    let unknown = app.login("nobody", "not the password at all").await;

    assert_eq!(reply.status, 401);
    assert_eq!(unknown.status, 401);
    assert!(reply.body.contains("The username or password is not right"));
    assert!(app.cookie("sti_session").is_none());
    let failures: i64 = audit_events::table
        .filter(audit_events::action.eq("login-failed"))
        .count()
        .get_result(&mut app.connection())
        .unwrap();
    assert_eq!(failures, 2);
}

#[actix_web::test]
async fn repeated_login_failures_are_slowed_with_a_clear_429() {
    let app = TestApp::spawn().await;
    let password = app.add_user("ann", Role::Editor).await;

    for _ in 0..5 {
        assert_eq!(app.login("ann", "wrong password here").await.status, 401);
    }
    let limited = app.login("ann", &password).await;

    assert_eq!(limited.status, 429);
    assert!(limited.headers.get("retry-after").is_some());
    assert!(limited.body.contains("too many login attempts"));
    assert!(
        app.cookie("sti_session").is_none(),
        "not even the right password gets in while limited"
    );
}

#[actix_web::test]
async fn disabling_an_account_ends_its_session_at_once() {
    let app = TestApp::spawn().await;
    app.login_as("ann", Role::Editor).await;
    let database = sti_portal::db::Database::open(&app.database).unwrap();

    sti_portal::accounts::set_disabled(&database, None, "ann".parse_username(), true)
        .await
        .unwrap();

    assert_eq!(app.get("/staff").await.status, 303);
    let left: i64 = sessions::table
        .count()
        .get_result(&mut app.connection())
        .unwrap();
    assert_eq!(left, 0);
}

trait ParseUsername {
    fn parse_username(&self) -> sti_portal::domain::Username;
}

impl ParseUsername for &str {
    fn parse_username(&self) -> sti_portal::domain::Username {
        sti_portal::domain::Username::parse(self).unwrap()
    }
}

#[actix_web::test]
async fn a_write_without_the_right_csrf_token_is_forbidden_and_changes_nothing() {
    let app = TestApp::spawn().await;
    app.login_as("ann", Role::Editor).await;
    let token = app.page("/staff/statements/new").await.hidden("form_token");
    let before = statement_count(&app);

    let missing = app
        .post_form("/staff/statements", &statement_fields("", &token, &[]))
        .await;
    let wrong = app
        .post_form(
            "/staff/statements",
            &statement_fields("forged-token", &token, &[]),
        )
        .await;
    let csrf = app.csrf_token().await;
    let cross_site = app
        .send(
            app.request(awc::http::Method::POST, "/staff/statements")
                .insert_header(("content-type", "application/x-www-form-urlencoded"))
                .insert_header(("origin", "https://attacker.example")),
            Some(serde_urlencoded::to_string(statement_fields(&csrf, &token, &[])).unwrap()),
        )
        .await;

    assert_eq!(missing.status, 403);
    assert_eq!(wrong.status, 403);
    assert_eq!(cross_site.status, 403);
    assert_eq!(statement_count(&app), before);
}

#[actix_web::test]
async fn the_login_form_needs_its_own_csrf_token() {
    let app = TestApp::spawn().await;
    let password = app.add_user("ann", Role::Editor).await;

    let reply = app
        .post_form(
            "/staff/login",
            &[
                ("username", "ann"),
                ("password", &password),
                ("csrf_token", "guess"),
            ],
        )
        .await;

    assert_eq!(reply.status, 403);
    assert!(app.cookie("sti_session").is_none());
}

#[actix_web::test]
async fn a_writer_drafts_and_submits_but_cannot_publish() {
    let app = TestApp::spawn().await;
    app.login_as("wren", Role::Writer).await;

    let edit = create_statement(&app, "save").await;
    let slug = public_slug(&app);
    assert_eq!(
        app.get(&format!("/statements/{slug}")).await.status,
        404,
        "a draft is never public"
    );
    let submitted = save_edit(&app, &edit, &[("action", "submit")]).await;
    let publish = save_edit(&app, &edit, &[("action", "publish")]).await;

    assert_eq!(submitted.status, 303);
    assert_eq!(publish.status, 403);
    assert_eq!(app.get(&format!("/statements/{slug}")).await.status, 404);
    assert!(app.page(&edit).await.body.contains("Submitted"));
    assert_eq!(
        app.get("/staff/users").await.status,
        403,
        "writers do not manage users"
    );
}

#[actix_web::test]
async fn a_writer_cannot_edit_someone_elses_statement() {
    let app = TestApp::spawn().await;
    app.login_as("eddie", Role::Editor).await;
    let edit = create_statement(&app, "save").await;
    app.forget_cookies();
    app.login_as("wren", Role::Writer).await;

    assert_eq!(app.get(&edit).await.status, 403);
}

#[actix_web::test]
async fn an_editor_previews_publishes_amends_and_withdraws_a_statement() {
    let app = TestApp::spawn().await;
    app.login_as("eddie", Role::Editor).await;
    let csrf = app.csrf_token().await;
    let token = app.page("/staff/statements/new").await.hidden("form_token");

    let preview = app
        .post_form(
            "/staff/statements",
            &statement_fields(&csrf, &token, &[("action", "preview")]),
        )
        .await;
    assert_eq!(preview.status, 200);
    assert!(
        preview
            .texts(".preview table td")
            .contains(&"Packaging".to_owned())
    );
    let before = statement_count(&app);
    assert_eq!(statement_count(&app), before, "a preview saves nothing");

    let edit = create_statement(&app, "publish").await;
    let slug = public_slug(&app);
    let public = app.page(&format!("/statements/{slug}")).await;
    assert!(public.body.contains("<table>"));
    assert!(public.body.contains(r#"rel="noopener noreferrer""#));
    assert!(
        app.page("/").await.links_to(&format!("/statements/{slug}")),
        "on the home page"
    );
    assert!(
        app.page(MOU).await.links_to(&format!("/statements/{slug}")),
        "on the MoU's page"
    );
    assert!(
        app.page("/organisations/cetc")
            .await
            .links_to(&format!("/statements/{slug}"))
    );

    let amended = save_edit(
        &app,
        &edit,
        &[
            ("body", "Corrected text."),
            ("change_note", "Corrected the project list"),
        ],
    )
    .await;
    assert_eq!(amended.status, 303);
    let public = app.page(&format!("/statements/{slug}")).await;
    assert!(public.body.contains("Corrected text."));
    let versions = public.texts("#revisions + ol li").join(" | ");
    assert!(
        versions.contains("Version 2") && versions.contains("Corrected the project list"),
        "{versions}"
    );
    assert_eq!(
        public.texts("#revisions + ol li time[datetime]").len(),
        2,
        "each version shows the day it was published"
    );
    assert!(
        app.page(&format!("/statements/{slug}/v/1"))
            .await
            .body
            .contains("<table>"),
        "version 1 keeps its address"
    );
    assert!(
        app.page(&format!("/statements/{slug}/v/2"))
            .await
            .body
            .contains("Corrected text.")
    );

    let withdrawn = save_edit(
        &app,
        &edit,
        &[
            ("action", "withdraw"),
            ("withdrawn_reason", "Issued in error"),
        ],
    )
    .await;
    assert_eq!(withdrawn.status, 303);
    let public = app.page(&format!("/statements/{slug}")).await;
    assert!(public.body.contains("This statement has been withdrawn"));
    assert!(public.body.contains("Issued in error"));
}

#[actix_web::test]
async fn hostile_markdown_never_reaches_a_page() {
    let app = TestApp::spawn().await;
    app.login_as("eddie", Role::Editor).await;
    let csrf = app.csrf_token().await;
    let token = app.page("/staff/statements/new").await.hidden("form_token");
    let body = "<script>alert(1)</script>\n\n<img src=x onerror=alert(1)>\n\n[x](javascript:alert(1))\n\n<iframe src=//evil.example></iframe>\n\n<p style=\"color:red\" onclick=\"x()\">hi</p>";

    let reply = app
        .post_form(
            "/staff/statements",
            &statement_fields(
                &csrf,
                &token,
                &[
                    ("action", "publish"),
                    ("body", body),
                    ("title", "<script>alert('t')</script>"),
                ],
            ),
        )
        .await;
    assert_eq!(reply.status, 303);
    let reply = app
        .page(&format!("/statements/{}", public_slug(&app)))
        .await;
    let page = reply.body_without_linked_data().to_lowercase();

    for banned in [
        "<script",
        "onerror",
        "javascript:",
        "<iframe",
        "onclick",
        "style=\"color",
    ] {
        assert!(!page.contains(banned), "{banned} reached the page");
    }
    assert_eq!(
        reply.heading(),
        "<script>alert('t')</script>",
        "the title is shown as text"
    );
}

#[actix_web::test]
async fn an_invalid_statement_form_comes_back_with_a_message_beside_each_field() {
    let app = TestApp::spawn().await;
    app.login_as("eddie", Role::Editor).await;
    let csrf = app.csrf_token().await;
    let token = app.page("/staff/statements/new").await.hidden("form_token");
    let before = statement_count(&app);

    let reply = app
        .post_form(
            "/staff/statements",
            &statement_fields(
                &csrf,
                &token,
                &[
                    ("title", "  "),
                    ("language", "fr"),
                    ("related", "/mous/no-such-mou"),
                ],
            ),
        )
        .await;
    let unknown_record = app
        .post_form(
            "/staff/statements",
            &statement_fields(&csrf, &token, &[("related", "/mous/no-such-mou")]),
        )
        .await;

    assert_eq!(reply.status, 422);
    assert_eq!(
        reply.texts("#error-title"),
        vec!["Error: Title must not be empty."]
    );
    assert!(!reply.texts("#error-language").is_empty());
    assert!(
        reply
            .body
            .contains("The first projects under the 2024 MoU have started."),
        "values are kept"
    );
    assert_eq!(unknown_record.status, 422);
    assert!(unknown_record.texts("#error-related")[0].contains("/mous/no-such-mou"));
    assert_eq!(statement_count(&app), before);
}

#[actix_web::test]
async fn a_scheduled_statement_goes_live_at_its_time() {
    let app = TestApp::spawn().await;
    app.login_as("eddie", Role::Editor).await;
    let edit = create_statement(&app, "save").await;
    let slug = public_slug(&app);
    let soon = (chrono::Utc::now().naive_utc() + chrono::TimeDelta::seconds(61))
        .format("%Y-%m-%dT%H:%M")
        .to_string();

    let scheduled = save_edit(
        &app,
        &edit,
        &[("action", "schedule"), ("publish_at", &soon)],
    )
    .await;
    assert_eq!(scheduled.status, 303);
    assert_eq!(
        app.get(&format!("/statements/{slug}")).await.status,
        404,
        "not before its time"
    );
    // Bring its time forward, as if the minute had passed.
    diesel::update(statements::table.filter(statements::slug.eq(&slug)))
        .set(
            statements::publish_at
                .eq(chrono::Utc::now().naive_utc() - chrono::TimeDelta::seconds(1)),
        )
        .execute(&mut app.connection())
        .unwrap();

    let mut status = 0;
    for _ in 0..50 {
        status = app.get(&format!("/statements/{slug}")).await.status;
        if status == 200 {
            break;
        }
        actix_web::rt::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    assert_eq!(status, 200);
}

#[actix_web::test]
async fn statements_that_fell_due_while_the_server_was_down_go_out_at_start() {
    let app = TestApp::spawn().await;
    app.login_as("eddie", Role::Editor).await;
    let edit = create_statement(&app, "save").await;
    let slug = public_slug(&app);
    let later = (chrono::Utc::now().naive_utc() + chrono::TimeDelta::hours(1))
        .format("%Y-%m-%dT%H:%M")
        .to_string();
    save_edit(
        &app,
        &edit,
        &[("action", "schedule"), ("publish_at", &later)],
    )
    .await;
    diesel::update(statements::table.filter(statements::slug.eq(&slug)))
        .set(
            statements::publish_at
                .eq(chrono::Utc::now().naive_utc() - chrono::TimeDelta::minutes(5)),
        )
        .execute(&mut app.connection())
        .unwrap();

    let restarted = app.restart().await;

    assert_eq!(
        restarted.get(&format!("/statements/{slug}")).await.status,
        200
    );
}

fn as_refs(fields: &[(String, String)]) -> Vec<(&str, &str)> {
    fields
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect()
}

#[actix_web::test]
async fn two_editors_saving_the_same_version_cannot_overwrite_each_other() {
    let app = TestApp::spawn().await;
    app.login_as("eddie", Role::Editor).await;
    let edit = create_statement(&app, "save").await;
    let first_form = app.page(&edit).await;
    let second_form = app.page(&edit).await;
    let fields = |form: &crate::helpers::Reply, body: &'static str| {
        vec![
            ("csrf_token".to_owned(), form.hidden("csrf_token")),
            ("form_token".to_owned(), form.hidden("form_token")),
            ("version".to_owned(), form.hidden("version")),
            ("title".to_owned(), "Same statement".to_owned()),
            ("language".to_owned(), "en".to_owned()),
            ("body".to_owned(), body.to_owned()),
            ("action".to_owned(), "save".to_owned()),
        ]
    };
    let first = fields(&first_form, "First editor's text.");
    let second = fields(&second_form, "Second editor's text.");

    assert_eq!(
        app.post_form(&edit.replace("/edit", ""), &as_refs(&first))
            .await
            .status,
        303
    );
    let conflict = app
        .post_form(&edit.replace("/edit", ""), &as_refs(&second))
        .await;

    assert_eq!(conflict.status, 409);
    assert!(
        conflict.body.contains("First editor&#39;s text.")
            || conflict.body.contains("First editor's text.")
    );
    assert!(conflict.body.contains("Second editor"));
    assert!(
        app.page(&edit).await.body.contains("First editor"),
        "the first save stands"
    );
}

#[actix_web::test]
async fn a_form_sent_twice_creates_one_statement() {
    let app = TestApp::spawn().await;
    app.login_as("eddie", Role::Editor).await;
    let csrf = app.csrf_token().await;
    let token = app.page("/staff/statements/new").await.hidden("form_token");
    let before = statement_count(&app);

    let first = app
        .post_form("/staff/statements", &statement_fields(&csrf, &token, &[]))
        .await;
    let again = app
        .post_form("/staff/statements", &statement_fields(&csrf, &token, &[]))
        .await;

    assert_eq!(first.status, 303);
    assert_eq!(again.status, 303);
    assert_eq!(
        again.location().split('?').next(),
        first.location().split('?').next()
    );
    assert_eq!(statement_count(&app), before + 1);
}

#[actix_web::test]
async fn a_published_statement_is_searched_and_quoted_as_its_words_not_its_markdown() {
    let app = TestApp::spawn().await;
    app.login_as("eddie", Role::Editor).await;
    create_statement(&app, "publish").await;
    let slug = public_slug(&app);

    let found = app.page("/search?q=packaging&type=statement").await;

    let (passage, _) = crate::search::passage(&found, &format!("/statements/{slug}"));
    assert!(passage.contains("Packaging"), "{passage}");
    for markup in ["|", "##", "](", "mimos.my"] {
        assert!(!passage.contains(markup), "{markup:?} in {passage}");
    }
}

#[actix_web::test]
async fn admins_see_every_write_and_login_in_the_audit_log() {
    let app = TestApp::spawn().await;
    app.login_as("eddie", Role::Editor).await;
    create_statement(&app, "publish").await;
    assert_eq!(
        app.get("/staff/audit").await.status,
        403,
        "editors do not read the audit log"
    );
    app.forget_cookies();
    app.login_as("root", Role::Admin).await;

    let audit = app.page("/staff/audit").await;

    let rows = audit.texts("tbody tr").join("\n");
    assert!(rows.contains("eddie login"), "{rows}");
    assert!(rows.contains("eddie publish statement"), "{rows}");
}

#[actix_web::test]
async fn an_admin_manages_accounts_in_the_browser() {
    let app = TestApp::spawn().await;
    app.login_as("root", Role::Admin).await;
    let csrf = app.csrf_token().await;

    let short = app
        .post_form(
            "/staff/users",
            &[
                ("csrf_token", &csrf),
                ("username", "newbie"),
                ("display_name", "New Bie"),
                ("role", "writer"),
                ("password", "short"),
            ],
        )
        .await;
    let created = app
        .post_form(
            "/staff/users",
            &[
                ("csrf_token", &csrf),
                ("username", "newbie"),
                ("display_name", "New Bie"),
                ("role", "writer"),
                ("password", "long enough password"),
            ],
        )
        .await;
    let promoted = app
        .post_form(
            "/staff/users/newbie",
            &[
                ("csrf_token", &csrf),
                ("role", "editor"),
                ("change", "role"),
            ],
        )
        .await;
    let disabled = app
        .post_form(
            "/staff/users/newbie",
            &[
                ("csrf_token", &csrf),
                ("role", "editor"),
                ("change", "disable"),
            ],
        )
        .await;
    let own = app
        .post_form(
            "/staff/users/root",
            &[
                ("csrf_token", &csrf),
                ("role", "admin"),
                ("change", "disable"),
            ],
        )
        .await;

    assert_eq!(short.status, 422);
    assert!(short.texts("#error-password")[0].contains("at least 12 characters"));
    assert_eq!(created.status, 303);
    assert_eq!(promoted.status, 303);
    assert_eq!(disabled.status, 303);
    assert_eq!(own.location(), "/staff/users?done=self");
    let rows = app.page("/staff/users").await.texts("tbody tr").join("\n");
    assert!(rows.contains("newbie New Bie Editor Disabled"), "{rows}");
    assert!(rows.contains("root root Admin Active"), "{rows}");
}

#[actix_web::test]
async fn an_oversized_form_is_refused_with_413() {
    let app = TestApp::spawn().await;
    app.login_as("eddie", Role::Editor).await;
    let csrf = app.csrf_token().await;
    let huge = "x".repeat(2 * 1024 * 1024);

    let reply = app
        .post_form(
            "/staff/statements",
            &statement_fields(&csrf, "token-token-token-token", &[("body", &huge)]),
        )
        .await;

    assert_eq!(reply.status, 413);
}

#[actix_web::test]
async fn a_session_ends_after_half_an_hour_without_a_request() {
    let app = TestApp::spawn().await;
    app.login_as("eddie", Role::Editor).await;
    assert_eq!(app.get("/staff").await.status, 200);

    diesel::update(sessions::table)
        .set(
            sessions::last_seen_at
                .eq(chrono::Utc::now().naive_utc() - chrono::TimeDelta::minutes(31)),
        )
        .execute(&mut app.connection())
        .unwrap();

    assert_eq!(app.get("/staff").await.status, 303);
}

#[actix_web::test]
async fn a_session_ends_twelve_hours_after_login_however_busy() {
    let app = TestApp::spawn().await;
    app.login_as("eddie", Role::Editor).await;

    diesel::update(sessions::table)
        .set(
            sessions::expires_at.eq(chrono::Utc::now().naive_utc() - chrono::TimeDelta::seconds(1)),
        )
        .execute(&mut app.connection())
        .unwrap();

    assert_eq!(app.get("/staff").await.status, 303);
}
