//! Content in English, Malay and Chinese: each page shows the reader's language, falls back to
//! English field by field and says so; statements are published in one language or as
//! translations of each other; feeds, search, the API and CSV follow the language.

use crate::fixtures::{STATEMENT, insert_statement, media_type};
use crate::helpers::{PUBLIC_URL, Reply, TestApp};
use atom_syndication::Feed;
use scraper::Selector;

/// The `lang` attribute of the first element `css` selects, if it has one.
fn lang_of(reply: &Reply, css: &str) -> Option<String> {
    attribute_of(reply, css, "lang")
}

fn notice(reply: &Reply) -> Option<String> {
    reply.texts(".notice--translation").into_iter().next()
}

#[actix_web::test]
async fn a_record_reads_in_the_readers_language_where_it_is_translated() {
    let app = TestApp::spawn().await;

    let english = app.page("/organisations/mosti").await;
    let malay = app.page("/ms/organisations/mosti").await;
    let chinese = app.page("/zh/organisations/mosti").await;

    assert_eq!(
        english.heading(),
        "Ministry of Science, Technology and Innovation"
    );
    assert_eq!(malay.heading(), "Kementerian Sains, Teknologi dan Inovasi");
    assert_eq!(chinese.heading(), "马来西亚科学、工艺与革新部");
    for page in [&english, &malay, &chinese] {
        assert_eq!(notice(page), None, "everything is translated");
        assert_eq!(
            lang_of(page, "h1"),
            None,
            "the heading is in the page's language"
        );
    }
}

#[actix_web::test]
async fn untranslated_text_falls_back_to_english_marked_as_such() {
    let app = TestApp::spawn().await;

    // The demo has no Malay or Chinese name for TCab Technology.
    let page = app.page("/zh/organisations/tcab-technology").await;

    assert_eq!(page.heading(), "TCab Technology Co Ltd");
    assert_eq!(lang_of(&page, "h1").as_deref(), Some("en"));
    let said = notice(&page).expect("the page says it falls back");
    assert!(said.contains("英文"), "{said}");
    // Field by field: CETC's description is in Malay, its name only in English and Chinese.
    let cetc = app.page("/ms/organisations/cetc").await;
    assert_eq!(lang_of(&cetc, "h1").as_deref(), Some("en"));
    assert!(
        cetc.body
            .contains("Kumpulan elektronik dan teknologi maklumat milik kerajaan China."),
        "the translated description is shown"
    );
}

#[actix_web::test]
async fn lists_show_names_in_the_readers_language_and_tag_the_rest() {
    let app = TestApp::spawn().await;

    let page = app.page("/zh/organisations").await;

    let titles = page.texts(".card__title a");
    assert!(titles.contains(&"厦门大学".to_owned()), "{titles:?}");
    // A card's link names the organisation with its short name.
    assert!(
        titles.contains(&"TCab Technology Co Ltd (TCab Technology)".to_owned()),
        "{titles:?}"
    );
    let selector = Selector::parse(".card__title a[lang=en]").unwrap();
    let tagged: Vec<String> = page
        .document()
        .select(&selector)
        .map(|a| a.text().collect())
        .collect();
    assert!(
        tagged.contains(&"TCab Technology Co Ltd (TCab Technology)".to_owned()),
        "{tagged:?}"
    );
    assert!(!tagged.contains(&"厦门大学".to_owned()));
}

#[actix_web::test]
async fn the_demo_statement_is_published_in_three_languages_as_translations() {
    let app = TestApp::spawn().await;

    let english = app.page(STATEMENT).await;
    let malay = app.page(&format!("/ms{STATEMENT}")).await;
    let chinese = app.page(&format!("/zh{STATEMENT}")).await;

    assert!(
        english
            .heading()
            .starts_with("Malaysia and China to collaborate")
    );
    assert!(
        malay
            .heading()
            .starts_with("Malaysia dan China bekerjasama")
    );
    assert_eq!(
        chinese.heading(),
        "马中将通过第二期联合研究项目组开展研究合作"
    );
    assert!(
        chinese
            .body
            .contains("<strong>第三次马中科学、技术与创新合作联合委员会会议</strong>")
    );
    for page in [&english, &malay, &chinese] {
        assert_eq!(notice(page), None);
        let versions = page.texts(".language-versions li");
        assert_eq!(versions.len(), 3, "{versions:?}");
    }
    let listed = english.texts(".language-versions li");
    assert!(listed[0].starts_with("English"), "{listed:?}");
    assert!(
        english.links_to(&format!("/zh{STATEMENT}")),
        "each version links the others"
    );
    // The permanent address of the first version keeps every language it was published in.
    let version = app.page(&format!("/zh{STATEMENT}/v/1")).await;
    assert!(
        version
            .body
            .contains("马中将通过第二期联合研究项目组开展研究合作")
    );
}

#[actix_web::test]
async fn a_statement_in_one_language_only_is_shown_in_it_everywhere() {
    let app = TestApp::spawn().await;
    insert_statement(
        &app,
        "kenyataan-media",
        "Kenyataan media dalam bahasa Melayu sahaja",
        "Teks kenyataan.",
        "published",
        "ms",
    );

    let english = app.page("/statements/kenyataan-media").await;
    let malay = app.page("/ms/statements/kenyataan-media").await;

    assert_eq!(
        english.heading(),
        "Kenyataan media dalam bahasa Melayu sahaja"
    );
    assert_eq!(lang_of(&english, "h1").as_deref(), Some("ms"));
    assert!(notice(&english).unwrap().contains("Malay"));
    assert_eq!(lang_of(&malay, "h1"), None);
    assert_eq!(notice(&malay), None);
    assert!(
        english.texts(".language-versions li").is_empty(),
        "one language, no list"
    );
}

#[actix_web::test]
async fn a_statement_reads_side_by_side_with_another_language() {
    let app = TestApp::spawn().await;

    let page = app.page(&format!("{STATEMENT}?compare=zh")).await;

    let columns = page.texts(".compare--languages section h3");
    assert_eq!(columns.len(), 2, "{columns:?}");
    assert!(columns[0].starts_with("Malaysia and China"));
    assert_eq!(columns[1], "马中将通过第二期联合研究项目组开展研究合作");
    assert_eq!(
        lang_of(&page, ".compare--languages section:nth-child(2)").as_deref(),
        Some("zh-Hans")
    );
    assert!(page.links_to(STATEMENT), "a link closes the comparison");
    assert!(
        app.page(STATEMENT)
            .await
            .links_to(&format!("{STATEMENT}?compare=ms")),
        "the page offers the comparison"
    );
    assert_eq!(
        app.get(&format!("{STATEMENT}?compare=fr")).await.status,
        400
    );
    assert_eq!(app.get("/organisations/mosti?compare=zh").await.status, 400);
}

#[actix_web::test]
async fn an_mou_reads_side_by_side_with_another_language() {
    let app = TestApp::spawn().await;

    let page = app.page("/ms/mous/mimos-cetc-mou-2024?compare=zh").await;

    let columns = page.texts(".compare--languages section h3");
    assert_eq!(
        columns,
        [
            "MoU antara MIMOS Berhad dan China Electronics Technology Group Corporation",
            "MIMOS与中国电子科技集团有限公司谅解备忘录"
        ]
    );
    assert_eq!(
        page.texts(".compare--languages section h4"),
        ["Pihak", "Pihak"],
        "each column names its parties in the page's language"
    );
}

async fn feed(app: &TestApp, path: &str) -> Feed {
    let reply = app.page(path).await;
    assert!(media_type(&reply).starts_with("application/atom+xml"));
    reply.body.parse::<Feed>().unwrap()
}

#[actix_web::test]
async fn each_language_has_its_own_feed_with_every_text_tagged() {
    let app = TestApp::spawn().await;
    insert_statement(
        &app,
        "english-only",
        "Only in English",
        "Text.",
        "published",
        "en",
    );

    let chinese = feed(&app, "/zh/feed.atom").await;

    assert_eq!(chinese.id(), format!("{PUBLIC_URL}/zh/feed.atom"));
    assert_eq!(chinese.lang(), Some("zh-Hans"));
    let translated = chinese
        .entries()
        .iter()
        .find(|e| e.id().ends_with(STATEMENT))
        .unwrap();
    assert_eq!(
        translated.title().value,
        "马中将通过第二期联合研究项目组开展研究合作"
    );
    assert_eq!(translated.title().lang.as_deref(), Some("zh-Hans"));
    assert_eq!(
        translated.content().unwrap().lang(),
        Some("zh-Hans"),
        "the body is the Chinese translation"
    );
    let untranslated = chinese
        .entries()
        .iter()
        .find(|e| e.id().ends_with("/zh/statements/english-only"))
        .unwrap();
    assert_eq!(untranslated.title().lang.as_deref(), Some("en"));
    let area = feed(&app, "/ms/areas/space-technology/feed.atom").await;
    assert!(
        area.title().value.contains("Teknologi angkasa"),
        "{}",
        area.title().value
    );
}

#[actix_web::test]
async fn the_calendar_speaks_the_readers_language() {
    let app = TestApp::spawn().await;

    let calendar = app.page("/zh/events.ics").await.body;

    assert!(
        calendar.contains("SUMMARY:科学、工艺与革新部部长对中国的工作访问"),
        "{calendar}"
    );
    assert!(calendar.contains("/zh/delegations/working-visit-to-china-2024"));
}

#[actix_web::test]
async fn the_api_gives_every_text_with_its_language_tags() {
    let app = TestApp::spawn().await;

    let reply = app.page("/api/v1/organisations/mosti").await;
    let json: serde_json::Value = serde_json::from_str(&reply.body).unwrap();

    let name = &json["record"]["organisation"]["name"];
    assert_eq!(name["en"], "Ministry of Science, Technology and Innovation");
    assert_eq!(name["ms"], "Kementerian Sains, Teknologi dan Inovasi");
    assert_eq!(name["zh-Hans"], "马来西亚科学、工艺与革新部");
    let tcab = app.page("/api/v1/organisations/tcab-technology").await;
    let json: serde_json::Value = serde_json::from_str(&tcab.body).unwrap();
    assert_eq!(
        json["record"]["organisation"]["name"],
        serde_json::json!({ "en": "TCab Technology Co Ltd" }),
        "only the languages the text is written in"
    );
    let statement = app
        .page("/api/v1/statements/malaysia-china-second-joint-research-project-group-2024")
        .await;
    let json: serde_json::Value = serde_json::from_str(&statement.body).unwrap();
    assert_eq!(json["record"]["language"], "en");
    assert_eq!(
        json["record"]["title"]["zh-Hans"],
        "马中将通过第二期联合研究项目组开展研究合作"
    );
}

#[actix_web::test]
async fn csv_exports_come_in_each_language() {
    let app = TestApp::spawn().await;

    let chinese = app.page("/zh/organisations.csv").await;
    let english = app.page("/organisations.csv").await;

    assert!(chinese.body.contains("厦门大学"));
    assert!(
        chinese.body.contains("TCab Technology Co Ltd"),
        "untranslated names stay"
    );
    assert!(
        chinese
            .body
            .contains(&format!("{PUBLIC_URL}/zh/organisations/"))
    );
    assert!(!english.body.contains("厦门大学"));
    let list = app.page("/zh/organisations").await;
    assert!(list.links_to("/zh/organisations.csv"));
}

#[actix_web::test]
async fn search_finds_every_language_and_titles_results_in_the_readers() {
    let app = TestApp::spawn().await;

    // A Chinese word finds the Chinese translation of the records.
    let chinese = app
        .page("/zh/search?q=%E5%8E%A6%E9%97%A8%E5%A4%A7%E5%AD%A6")
        .await;
    let titles = chinese.texts(".search-results h3");
    assert!(titles.iter().any(|t| t == "厦门大学"), "{titles:?}");
    // An English word finds the same record on a Chinese page, titled in Chinese.
    let english_word = app.page("/zh/search?q=Xiamen").await;
    let titles = english_word.texts(".search-results h3");
    assert!(titles.iter().any(|t| t == "厦门大学"), "{titles:?}");
    // A Malay word, on an English page, titles results in English.
    let malay_word = app.page("/search?q=kenderaan").await;
    let titles = malay_word.texts(".search-results h3");
    assert!(
        titles.iter().any(|t| t == "Electric vehicles"),
        "{titles:?}"
    );
}

/// The address a staff save led to, without its notice.
fn saved_at(reply: &Reply) -> String {
    assert_eq!(reply.status, 303, "{}", reply.body);
    reply.location().split('?').next().unwrap().to_owned()
}

#[actix_web::test]
async fn a_statement_written_in_three_languages_is_stored_shown_and_found_in_each() {
    let app = TestApp::spawn().await;
    app.login_as("zhou", sti_portal::domain::Role::Admin).await;
    let form = app.page("/zh/staff/statements/new").await;
    let chinese_title = "中马量子计算联合实验室揭牌";
    let chinese_body = "两国科学家在吉隆坡共同启动量子计算联合实验室。";

    let published = app
        .post_form(
            "/zh/staff/statements",
            &[
                ("csrf_token", &form.hidden("csrf_token")),
                ("form_token", &form.hidden("form_token")),
                ("title", "Joint quantum computing laboratory opens"),
                (
                    "body",
                    "Scientists of both countries open a joint laboratory.",
                ),
                ("title_ms", "Makmal bersama pengkomputeran kuantum dibuka"),
                (
                    "body_ms",
                    "Saintis kedua-dua negara membuka makmal bersama.",
                ),
                ("title_zh", chinese_title),
                ("body_zh", chinese_body),
                ("language", "en"),
                ("action", "publish"),
            ],
        )
        .await;
    let edit = saved_at(&published);
    assert!(edit.starts_with("/zh/staff/statements/"), "{edit}");
    // What the server acknowledged is on disk: it is all still there after a restart.
    app.forget_cookies();
    let app = app.restart().await;

    let address = "/statements/joint-quantum-computing-laboratory-opens";
    let chinese = app.page(&format!("/zh{address}")).await;
    assert_eq!(chinese.heading(), chinese_title);
    assert!(chinese.texts(".prose p").contains(&chinese_body.to_owned()));
    assert_eq!(notice(&chinese), None, "nothing falls back");
    assert_eq!(
        chinese.texts(".language-versions li").len(),
        3,
        "the page lists its three languages"
    );
    let malay = app.page(&format!("/ms{address}")).await;
    assert_eq!(
        malay.heading(),
        "Makmal bersama pengkomputeran kuantum dibuka"
    );
    let english = app.page(address).await;
    assert_eq!(
        english.heading(),
        "Joint quantum computing laboratory opens"
    );
    let side_by_side = app.page(&format!("{address}?compare=zh")).await;
    assert!(side_by_side.body.contains(chinese_body));

    // A Chinese phrase from the body finds it, titled in Chinese on a Chinese page.
    let found = app
        .page("/zh/search?q=%E9%87%8F%E5%AD%90%E8%AE%A1%E7%AE%97")
        .await;
    let titles = found.texts(".search-results h3");
    assert!(titles.iter().any(|t| t == chinese_title), "{titles:?}");
    let found_in_malay = app.page("/ms/search?q=kuantum").await;
    let titles = found_in_malay.texts(".search-results h3");
    assert!(
        titles
            .iter()
            .any(|t| t == "Makmal bersama pengkomputeran kuantum dibuka"),
        "{titles:?}"
    );
}

#[actix_web::test]
async fn a_record_entered_with_its_chinese_name_is_stored_shown_and_found() {
    let app = TestApp::spawn().await;
    app.login_as("zhang", sti_portal::domain::Role::Admin).await;
    let form = app.page("/zh/staff/records/organisations/new").await;
    assert_eq!(
        attribute_of(&form, "#field-name_zh", "lang"),
        Some("zh-Hans".to_owned()),
        "each language's input says its language"
    );

    let created = app
        .post_form(
            "/zh/staff/records/organisations",
            &[
                ("csrf_token", &form.hidden("csrf_token")),
                ("form_token", &form.hidden("form_token")),
                ("name", "Shenzhen University"),
                ("name_ms", "Universiti Shenzhen"),
                ("name_zh", "深圳大学"),
                ("country", "CN"),
                ("kind", "university"),
                ("description", "A public university in Shenzhen."),
                ("description_zh", "位于深圳的一所公立大学。"),
            ],
        )
        .await;
    let edit = saved_at(&created);
    let edit_form = app.page(&edit).await;
    assert_eq!(
        attribute_of(&edit_form, "#field-name_zh", "value"),
        Some("深圳大学".to_owned()),
        "the form reads back what was stored"
    );
    assert_eq!(edit_form.texts("#field-description_ms"), [""; 1]);
    app.forget_cookies();

    let chinese = app.page("/zh/organisations/shenzhen-university").await;
    assert_eq!(chinese.heading(), "深圳大学");
    assert!(chinese.body.contains("位于深圳的一所公立大学。"));
    let malay = app.page("/ms/organisations/shenzhen-university").await;
    assert_eq!(malay.heading(), "Universiti Shenzhen");
    assert!(
        notice(&malay).is_some(),
        "the description falls back to English on the Malay page, saying so"
    );
    let found = app
        .page("/zh/search?q=%E6%B7%B1%E5%9C%B3%E5%A4%A7%E5%AD%A6")
        .await;
    let titles = found.texts(".search-results h3");
    assert!(titles.iter().any(|t| t == "深圳大学"), "{titles:?}");
}

/// The attribute `name` of the first element `css` selects.
fn attribute_of(reply: &Reply, css: &str, name: &str) -> Option<String> {
    let selector = Selector::parse(css).unwrap();
    reply
        .document()
        .select(&selector)
        .next()
        .unwrap_or_else(|| panic!("no {css}"))
        .value()
        .attr(name)
        .map(str::to_owned)
}
