//! The portal in English, Malay and Chinese: the language is in the URL, a first visit follows
//! the browser, and every page links its other language versions.

use crate::helpers::{PUBLIC_URL, Reply, TestApp};
use scraper::Selector;
use sti_portal::domain::Role;

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
    let vary = vary(&reply);
    for header in ["Accept-Language", "Cookie", "Referer"] {
        assert!(vary.contains(header), "{vary}");
    }
}

fn vary(reply: &Reply) -> String {
    reply
        .headers
        .get_all("vary")
        .map(|v| v.to_str().unwrap())
        .collect::<Vec<_>>()
        .join(", ")
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
async fn every_page_type_links_its_three_language_versions_and_a_default_by_absolute_address() {
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
        assert_eq!(hrefs[0], format!("{PUBLIC_URL}{path}"), "{path}");
        assert_eq!(hrefs[1], format!("{PUBLIC_URL}/ms{suffix}"), "{path}");
        assert_eq!(hrefs[2], format!("{PUBLIC_URL}/zh{suffix}"), "{path}");
        assert_eq!(hrefs[3], format!("{PUBLIC_URL}{path}"), "{path}");
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
            format!("{PUBLIC_URL}{record}"),
            format!("{PUBLIC_URL}/ms{record}"),
            format!("{PUBLIC_URL}/zh{record}"),
            format!("{PUBLIC_URL}{record}"),
        ]
    );
}

#[actix_web::test]
async fn the_language_switcher_keeps_the_page_and_its_query() {
    let app = TestApp::spawn().await;

    let reply = app.page("/ms/mous?year=2024&page=1").await;

    let mut reached = Vec::new();
    for link in attribute(&reply, ".language-switcher a", "href") {
        assert!(link.starts_with("/language/"), "{link}");
        let switched = app.get(&link).await;
        assert_eq!(switched.status, 303, "{link}");
        reached.push(switched.location());
    }
    assert_eq!(
        reached,
        ["/mous?year=2024&page=1", "/zh/mous?year=2024&page=1"]
    );
}

#[actix_web::test]
async fn choosing_a_language_remembers_it_for_a_year() {
    let app = TestApp::spawn_with_secure_cookies().await;

    let reply = app
        .get("/language/zh?next=%2Fms%2Fmous%3Farea%3Dspace-technology")
        .await;

    assert_eq!(reply.status, 303);
    assert_eq!(reply.location(), "/zh/mous?area=space-technology");
    let cookie = reply.headers.get("set-cookie").unwrap().to_str().unwrap();
    assert!(cookie.starts_with("lang=zh;"), "{cookie}");
    for attribute in ["Max-Age=31536000", "SameSite=Lax", "Secure", "Path=/"] {
        assert!(cookie.contains(attribute), "{cookie} lacks {attribute}");
    }
    assert_eq!(reply.headers.get("cache-control").unwrap(), "no-store");
    assert_eq!(app.get("/").await.location(), "/zh/", "the choice is kept");
}

#[actix_web::test]
async fn the_switcher_never_sends_a_reader_to_another_site() {
    let app = TestApp::spawn().await;

    for next in [
        "//evil.example/",
        "/\\evil.example",
        "https://evil.example/",
        "javascript:alert(1)",
        "evil.example",
        "/mous\r\nSet-Cookie: x=1",
        "/\t/evil.example",
    ] {
        let query = serde_urlencoded::to_string([("next", next)]).unwrap();
        let reply = app.get(&format!("/language/ms?{query}")).await;
        assert_eq!(reply.status, 400, "{next}");
        assert!(reply.headers.get("location").is_none(), "{next}");
        assert!(reply.headers.get("set-cookie").is_none(), "{next}");
    }
    assert_eq!(app.get("/language/fr?next=/").await.status, 404);
    assert_eq!(app.get("/language/ms").await.location(), "/ms/");
}

#[actix_web::test]
async fn a_first_visit_to_the_root_follows_the_remembered_choice_before_the_browser() {
    let app = TestApp::spawn().await;

    app.set_cookie("lang", "ms");
    let chosen = get_with_language(&app, "/", "zh-CN").await;
    app.set_cookie("lang", "en");
    let english = get_with_language(&app, "/", "zh-CN").await;

    assert_eq!(chosen.status, 302);
    assert_eq!(chosen.location(), "/ms/");
    assert_eq!(english.status, 200, "an explicit English stays at the root");
}

#[actix_web::test]
async fn the_root_reached_from_a_page_of_this_site_is_never_redirected() {
    let app = TestApp::spawn().await;
    app.set_cookie("lang", "zh");
    let from = |referer: String| {
        app.request(awc::http::Method::GET, "/")
            .insert_header(("accept-language", "zh-CN"))
            .insert_header(("referer", referer))
    };

    let home_link = app.send(from(format!("{}/mous", app.address)), None).await;
    let public_address = app.send(from(format!("{PUBLIC_URL}/ms/mous")), None).await;
    let search_engine = app
        .send(from("https://search.example/?q=sti".to_owned()), None)
        .await;

    assert_eq!(home_link.status, 200);
    assert_eq!(attribute(&home_link, "html", "lang"), ["en"]);
    assert_eq!(public_address.status, 200);
    assert_eq!(
        search_engine.status, 302,
        "another site's link is a first visit"
    );
    assert_eq!(search_engine.location(), "/zh/");
    for header in ["Accept-Language", "Cookie", "Referer"] {
        assert!(vary(&home_link).contains(header), "{}", vary(&home_link));
    }
}

#[actix_web::test]
async fn a_page_in_a_language_is_the_same_for_every_browser_and_cached_apart() {
    let app = TestApp::spawn().await;

    let chinese_browser = get_with_language(&app, "/ms/mous", "zh-CN").await;
    let english_browser = get_with_language(&app, "/ms/mous", "en").await;
    let english_page = get_with_language(&app, "/mous", "zh-CN").await;

    assert_eq!(chinese_browser.body, english_browser.body);
    assert!(!vary(&chinese_browser).contains("Accept-Language"));
    assert_eq!(attribute(&english_page, "html", "lang"), ["en"]);
    assert_eq!(attribute(&chinese_browser, "html", "lang"), ["ms"]);
}

#[actix_web::test]
async fn the_staff_login_form_is_never_shared_through_the_page_cache_in_any_language() {
    let app = TestApp::spawn().await;

    for path in ["/staff/login", "/ms/staff/login", "/zh/staff/login"] {
        let first = app.page(path).await;
        app.forget_cookies();
        let second = app.page(path).await;
        app.forget_cookies();
        assert_ne!(
            first.hidden("csrf_token"),
            second.hidden("csrf_token"),
            "{path}"
        );
        assert_eq!(second.headers.get("cache-control").unwrap(), "no-store");
        assert!(second.headers.get("set-cookie").is_some(), "{path}");
    }
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

/// Logs in through the login form of `prefix` (`/ms`), coming from `next`, and returns where
/// the portal sends the browser.
async fn log_in_from(app: &TestApp, prefix: &str, username: &str, next: &str) -> String {
    let password = app.add_user(username, Role::Editor).await;
    let form = app.page(&format!("{prefix}/staff/login?next={next}")).await;
    assert_eq!(
        attribute(&form, "form.stack", "action"),
        [format!("{prefix}/staff/login")]
    );
    let reply = app
        .post_form(
            &format!("{prefix}/staff/login"),
            &[
                ("username", username),
                ("password", &password),
                ("csrf_token", &form.hidden("csrf_token")),
                ("next", &form.hidden("next")),
            ],
        )
        .await;
    assert_eq!(reply.status, 303, "{}", reply.body);
    reply.location()
}

#[actix_web::test]
async fn a_chinese_staff_form_shows_its_errors_in_chinese() {
    let app = TestApp::spawn().await;

    let sent_to_login = app.get("/zh/staff/statements/new").await;
    assert_eq!(sent_to_login.status, 303);
    assert_eq!(
        sent_to_login.location(),
        "/zh/staff/login?next=%2Fzh%2Fstaff%2Fstatements%2Fnew"
    );
    let landed = log_in_from(&app, "/zh", "zhou", "%2Fzh%2Fstaff%2Fstatements%2Fnew").await;
    assert_eq!(landed, "/zh/staff/statements/new");
    let form = app.page(&landed).await;
    assert_eq!(form.heading(), "撰写新闻稿");
    assert_eq!(
        attribute(&form, "form.editor", "action"),
        ["/zh/staff/statements"]
    );

    let reply = app
        .post_form(
            "/zh/staff/statements",
            &[
                ("csrf_token", &form.hidden("csrf_token")),
                ("form_token", &form.hidden("form_token")),
                ("title_zh", " "),
                ("language", "zh"),
                ("body_zh", ""),
                ("action", "schedule"),
                ("publish_at", "2001-01-01T09:00"),
            ],
        )
        .await;

    assert_eq!(reply.status, 422);
    assert_eq!(attribute(&reply, "html", "lang"), ["zh-Hans"]);
    assert_eq!(
        reply.texts("#error-title_zh"),
        ["错误： 中文标题不能为空。"]
    );
    assert_eq!(
        reply.texts("#error-publish_at"),
        ["错误： 发布时间（UTC）必须是将来的时间。"]
    );
    assert_eq!(reply.texts("#error-summary-title"), ["请更正以下 3 个问题"]);
    assert!(
        reply
            .texts(".error-summary li")
            .contains(&"中文正文（Markdown）不能为空。".to_owned()),
        "{:?}",
        reply.texts(".error-summary li")
    );
}

#[actix_web::test]
async fn a_malay_editor_stays_in_malay_from_login_to_logout() {
    let app = TestApp::spawn().await;

    assert_eq!(log_in_from(&app, "/ms", "maznah", "").await, "/ms/staff");
    let dashboard = app.page("/ms/staff").await;
    assert_eq!(dashboard.heading(), "Papan pemuka");
    let staff_links: Vec<String> = attribute(&dashboard, ".staff-bar a", "href");
    assert!(
        staff_links.iter().all(|href| href.starts_with("/ms/staff")),
        "{staff_links:?}"
    );
    let form = app.page("/ms/staff/statements/new").await;
    let saved = app
        .post_form(
            "/ms/staff/statements",
            &[
                ("csrf_token", &form.hidden("csrf_token")),
                ("form_token", &form.hidden("form_token")),
                ("title_ms", "Kerjasama angkasa lepas diperluas"),
                ("language", "ms"),
                ("body_ms", "Teks kenyataan."),
                ("action", "save"),
            ],
        )
        .await;
    assert_eq!(saved.status, 303);
    assert!(
        saved.location().starts_with("/ms/staff/statements/")
            && saved.location().ends_with("/edit?done=draft"),
        "{}",
        saved.location()
    );
    let edit = app.page(&saved.location()).await;
    assert_eq!(edit.texts(".notice--done"), ["Disimpan sebagai draf."]);

    let refused = app
        .post_form(
            "/ms/staff/statements",
            &[
                ("csrf_token", &form.hidden("csrf_token")),
                ("form_token", &form.hidden("form_token")),
                ("title_ms", ""),
                ("language", "ms"),
                ("body_ms", "Teks."),
            ],
        )
        .await;
    assert_eq!(refused.status, 422);
    assert_eq!(
        refused.texts("#error-title_ms"),
        ["Ralat: Tajuk dalam Bahasa Melayu tidak boleh kosong."]
    );

    let logout = app
        .post_form(
            "/ms/staff/logout",
            &[("csrf_token", &edit.hidden("csrf_token"))],
        )
        .await;
    assert_eq!(logout.status, 303);
    assert_eq!(logout.location(), "/ms/");
    assert_eq!(
        app.get("/ms/staff").await.location(),
        "/ms/staff/login?next=%2Fms%2Fstaff"
    );
}

#[actix_web::test]
async fn a_login_in_any_language_never_leads_off_the_site() {
    let app = TestApp::spawn().await;

    let landed = log_in_from(&app, "/zh", "zara", "%2F%2Fevil.example%2Fstaff").await;

    assert_eq!(landed, "/zh/staff");
}

#[actix_web::test]
async fn a_chinese_record_form_names_its_fields_and_their_errors_in_chinese() {
    let app = TestApp::spawn().await;
    log_in_from(&app, "/zh", "zhang", "").await;
    let form = app.page("/zh/staff/records/organisations/new").await;

    let reply = app
        .post_form(
            "/zh/staff/records/organisations",
            &[
                ("csrf_token", &form.hidden("csrf_token")),
                ("form_token", &form.hidden("form_token")),
                ("name", ""),
                ("country", "Malaysia"),
                ("kind", "agency"),
                ("website", "javascript:alert(1)"),
            ],
        )
        .await;

    assert_eq!(reply.status, 422);
    assert_eq!(reply.heading(), "新建机构");
    assert_eq!(reply.texts("label[for=field-short_name]"), ["简称"]);
    assert_eq!(reply.texts("#error-name"), ["错误： 名称不能为空。"]);
    assert_eq!(
        reply.texts("#error-country"),
        ["错误： 国家必须是两个字母的国家代码，例如 MY 或 CN。"]
    );
    assert!(reply.texts("#error-website")[0].contains("必须是以 https:// 或 http:// 开头的网址"));
}

#[actix_web::test]
async fn a_record_naming_unknown_records_is_refused_in_the_readers_language() {
    let app = TestApp::spawn().await;
    log_in_from(&app, "/ms", "mei", "").await;
    let form = app.page("/ms/staff/records/meetings/new").await;

    let reply = app
        .post_form(
            "/ms/staff/records/meetings",
            &[
                ("csrf_token", &form.hidden("csrf_token")),
                ("form_token", &form.hidden("form_token")),
                ("title", "Mesyuarat ujian"),
                ("joint_body", "Jawatankuasa Bersama"),
                ("co_chairs", "/people/nobody\n/people/no-one"),
            ],
        )
        .await;

    assert_eq!(reply.status, 422);
    assert_eq!(
        reply.texts("#error-co_chairs"),
        [
            "Ralat: Pengerusi bersama menamakan /people/nobody, /people/no-one, yang bukan rekod dalam portal ini."
        ]
    );
}
