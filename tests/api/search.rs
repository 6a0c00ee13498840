use crate::fixtures::{STATEMENT, insert_organisation, insert_statement, insert_unpublished};
use crate::helpers::TestApp;
use diesel::prelude::*;

/// The address of every result, best first.
fn results(reply: &crate::helpers::Reply) -> Vec<String> {
    let document = reply.document();
    let selector = scraper::Selector::parse(".search-results .card__title a").unwrap();
    document
        .select(&selector)
        .filter_map(|a| a.value().attr("href").map(str::to_owned))
        .collect()
}

fn search_path(query: &str) -> String {
    format!("/search?q={}", urlencode(query))
}

fn urlencode(text: &str) -> String {
    text.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' => (b as char).to_string(),
            other => format!("%{other:02X}"),
        })
        .collect()
}

#[actix_web::test]
async fn semiconductor_finds_both_semiconductor_mous_and_the_statement_best_first() {
    let app = TestApp::spawn().await;

    let found = results(&app.page(&search_path("semiconductor")).await);

    let position = |href: &str| found.iter().position(|f| f == href);
    let titled = position("/mous/xmu-mimos-xmum-semiconductor-mou-2024").expect("the titled MoU");
    let cetc = position("/mous/mimos-cetc-mou-2024").expect("the MIMOS–CETC MoU");
    let statement = position(STATEMENT).expect("the statement");
    assert!(
        titled < statement && cetc < statement,
        "records about semiconductors rank above a statement that mentions them: {found:?}"
    );
}

#[actix_web::test]
async fn matches_are_marked_in_titles_and_passages() {
    let app = TestApp::spawn().await;

    let page = app.page(&search_path("semiconductor")).await;

    assert!(
        page.texts(".search-results mark")
            .iter()
            .any(|m| m.eq_ignore_ascii_case("semiconductor"))
    );
    assert!(!page.texts(".search-results .card__summary").is_empty());
}

#[actix_web::test]
async fn query_syntax_and_sql_punctuation_are_searched_as_text() {
    let app = TestApp::spawn().await;

    for query in [
        "\"",
        "\"semiconductor",
        "semiconductor\"",
        "\"\"",
        "*",
        "semi*",
        "-",
        "-semiconductor",
        "NEAR(space vaccines)",
        "NEAR",
        "space OR vaccines",
        "OR",
        "AND NOT",
        "'",
        "';",
        "; DROP TABLE mous; --",
        "' OR 1=1 --",
        "title:space",
        "^space",
        "(space",
        "{space}",
        "space + vaccines",
        "%_\\",
        "\u{E000}space\u{E001}",
        "合作 \"半导体",
    ] {
        let reply = app.get(&search_path(query)).await;
        assert_eq!(reply.status, 200, "{query:?} answered {}", reply.status);
    }
    let with_operator = app.page(&search_path("space OR zzzzqqq")).await;
    assert!(
        results(&with_operator).is_empty(),
        "OR is a word to find, not an operator"
    );
    let mous: i64 = sti_portal::db::schema::mous::table
        .count()
        .get_result(&mut app.connection())
        .unwrap();
    assert_eq!(mous, 4, "nothing was dropped");
}

#[actix_web::test]
async fn a_bad_filter_on_a_search_is_a_400_that_names_it() {
    let app = TestApp::spawn().await;

    for (path, field) in [
        ("/search?q=space&type=castle", "type"),
        ("/search?q=space&year=soon", "year"),
        ("/search?q=space&area=Not%20A%20Slug", "area"),
    ] {
        let reply = app.get(path).await;
        assert_eq!(reply.status, 400, "{path}");
        assert!(reply.body.contains(&format!("“{field}”")), "{path}");
    }
    assert_eq!(app.get(&search_path(&"a".repeat(300))).await.status, 400);
}

#[actix_web::test]
async fn results_are_grouped_by_type_and_filtered_by_area_country_year_and_type() {
    let app = TestApp::spawn().await;

    let all = app.page(&search_path("semiconductor")).await;
    let mous = app.page("/search?q=semiconductor&type=mou").await;
    let chinese_parties = app.page("/search?q=technology&type=mou&country=CN").await;
    let in_2013 = app.page("/search?q=cooperation&year=2013").await;
    let space = app
        .page("/search?q=cooperation&area=space-technology&type=agreement")
        .await;

    assert!(all.texts(".kind-tabs li").contains(&"MoUs (2)".to_owned()));
    assert_eq!(
        results(&mous)
            .iter()
            .filter(|r| r.starts_with("/mous/"))
            .count(),
        2
    );
    assert!(results(&mous).iter().all(|r| r.starts_with("/mous/")));
    assert!(!results(&chinese_parties).is_empty());
    assert!(
        results(&chinese_parties)
            .iter()
            .all(|r| r.starts_with("/mous/"))
    );
    assert_eq!(
        results(&in_2013),
        vec!["/agreements/sti-cooperation-agreement-2013"]
    );
    assert_eq!(
        results(&space),
        vec!["/agreements/space-cooperation-agreement"]
    );
}

#[actix_web::test]
async fn chinese_and_malay_text_is_found() {
    let app = TestApp::spawn().await;
    insert_statement(
        &app,
        "zhong-ma-ban-dao-ti",
        "中马半导体合作取得新进展",
        "中国与马来西亚在半导体和微电子领域开展合作。",
        "published",
        "zh",
    );
    insert_statement(
        &app,
        "kerjasama-sains",
        "Kerjasama sains dan teknologi Malaysia–China",
        "Kementerian Sains, Teknologi dan Inovasi mengumumkan kerjasama penyelidikan.",
        "published",
        "ms",
    );

    let three_characters = app.page(&search_path("半导体")).await;
    let two_characters = app.page(&search_path("合作")).await;
    let phrase = app.page(&search_path("微电子领域")).await;
    let malay = app.page(&search_path("penyelidikan")).await;

    for page in [&three_characters, &two_characters, &phrase] {
        assert!(results(page).contains(&"/statements/zhong-ma-ban-dao-ti".to_owned()));
    }
    assert!(
        three_characters
            .texts(".search-results mark")
            .contains(&"半导体".to_owned())
    );
    assert!(
        two_characters
            .texts(".search-results mark")
            .contains(&"合作".to_owned())
    );
    // The demo records' Malay translations speak of research too.
    let found = results(&malay);
    for expected in [
        "/statements/kerjasama-sains",
        "/statements/malaysia-china-second-joint-research-project-group-2024",
        "/meetings/second-joint-research-project-group",
    ] {
        assert!(
            found.contains(&expected.to_owned()),
            "{expected} in {found:?}"
        );
    }
}

#[actix_web::test]
async fn thai_written_without_spaces_is_found_inside_a_longer_run() {
    let app = TestApp::spawn().await;
    insert_statement(
        &app,
        "thai-note",
        "ความร่วมมือด้านวิทยาศาสตร์",
        "Quokkatron.",
        "published",
        "en",
    );

    let science = app.page(&search_path("วิทยาศาสตร์")).await;

    assert_eq!(results(&science), vec!["/statements/thai-note"]);
    // The word ends with a mark written over its last letter, which belongs to the word.
    assert_eq!(
        science.texts(".search-results .card__title mark"),
        vec!["วิทยาศาสตร์"]
    );
}

/// The passage a result shows for the record at `href`, and the language it is marked as in, if
/// it differs from the page's.
pub(crate) fn passage(reply: &crate::helpers::Reply, href: &str) -> (String, Option<String>) {
    let document = reply.document();
    let card = scraper::Selector::parse(".search-results .card").unwrap();
    let link = scraper::Selector::parse(".card__title a").unwrap();
    let summary = scraper::Selector::parse(".card__summary").unwrap();
    let card = document
        .select(&card)
        .find(|card| {
            card.select(&link)
                .any(|a| a.value().attr("href") == Some(href))
        })
        .unwrap_or_else(|| panic!("no result for {href}"));
    let summary = card.select(&summary).next().expect("a passage");
    (
        summary.text().collect(),
        summary.value().attr("lang").map(str::to_owned),
    )
}

#[actix_web::test]
async fn a_passage_is_in_one_language_the_readers_unless_only_another_holds_the_match() {
    let app = TestApp::spawn().await;
    let area = "/areas/human-vaccines";

    let english = passage(&app.page(&search_path("vaccines")).await, area);
    let malay = passage(
        &app.page("/ms/search?q=vaksin").await,
        "/ms/areas/human-vaccines",
    );
    let malay_word_to_english_reader = passage(&app.page(&search_path("vaksin")).await, area);
    let chinese_word_to_malay_reader = passage(
        &app.page(&format!("/ms{}", search_path("疫苗"))).await,
        "/ms/areas/human-vaccines",
    );

    assert!(
        english.0.contains("vaccines") && english.1.is_none(),
        "{english:?}"
    );
    assert!(malay.0.contains("vaksin") && malay.1.is_none(), "{malay:?}");
    assert!(
        malay_word_to_english_reader.0.contains("vaksin")
            && malay_word_to_english_reader.1.as_deref() == Some("ms"),
        "{malay_word_to_english_reader:?}"
    );
    assert!(
        chinese_word_to_malay_reader.0.contains("疫苗")
            && chinese_word_to_malay_reader.1.as_deref() == Some("zh-Hans"),
        "{chinese_word_to_malay_reader:?}"
    );
    for (text, _) in [&english, &malay] {
        assert!(!text.contains("疫苗"), "one language only: {text}");
    }
    assert!(!english.0.contains("vaksin") && !malay.0.contains("vaccines"));
}

#[actix_web::test]
async fn a_passage_never_runs_names_and_places_into_the_text() {
    let app = TestApp::spawn().await;
    // "Beijing" is where the MoU was signed: it is found, but the passage is its purpose.
    let page = app.page(&search_path("beijing")).await;

    let (text, _) = passage(&page, "/mous/gmsb-baic-ev-mou-2024");

    assert!(text.starts_with("To promote innovation"), "{text}");
    assert!(!text.contains("Beijing"), "{text}");
}

#[actix_web::test]
async fn unpublished_statements_are_never_found() {
    let app = TestApp::spawn().await;
    let (_, word) = insert_unpublished(&app);

    let page = app.page(&search_path(word)).await;

    assert!(results(&page).is_empty());
    assert!(!page.body.contains("Confidential"));
}

#[actix_web::test]
async fn the_index_follows_every_write() {
    use sti_portal::db::schema::{organisations, statements};
    let app = TestApp::spawn().await;
    insert_statement(
        &app,
        "short-lived",
        "Quokkanite findings",
        "Quokkanite.",
        "published",
        "en",
    );
    assert_eq!(
        results(&app.page(&search_path("quokkanite")).await).len(),
        1
    );

    diesel::update(statements::table.filter(statements::slug.eq("short-lived")))
        .set((
            statements::status.eq("draft"),
            statements::published_at.eq(None::<chrono::NaiveDateTime>),
        ))
        .execute(&mut app.connection())
        .unwrap();
    diesel::update(organisations::table.filter(organisations::slug.eq("xiaomi")))
        .set(organisations::name.eq("Xiaomi Wombatronics"))
        .execute(&mut app.connection())
        .unwrap();

    assert!(
        results(&app.page(&search_path("quokkanite")).await).is_empty(),
        "a draft again"
    );
    assert_eq!(
        results(&app.page(&search_path("wombatronics")).await),
        vec!["/organisations/xiaomi"]
    );
}

#[actix_web::test]
async fn a_delegation_removed_with_its_stops_leaves_the_index() {
    let app = TestApp::spawn().await;
    let mut conn = app.connection();
    diesel::sql_query("PRAGMA foreign_keys = ON")
        .execute(&mut conn)
        .unwrap();
    for sql in [
        "INSERT INTO delegations (slug, title, from_country_id, host_country_id, starts_on, ends_on) \
         SELECT 'short-visit', 'A short visit', my.id, cn.id, '2025-03-01', '2025-03-02' \
         FROM countries my, countries cn WHERE my.code = 'MY' AND cn.code = 'CN'",
        "INSERT INTO itinerary_stops (delegation_id, position, title, summary) \
         SELECT id, 1, 'Shenzhen', 'Toured the Wombatronics laboratory.' FROM delegations \
         WHERE slug = 'short-visit'",
    ] {
        diesel::sql_query(sql).execute(&mut conn).unwrap();
    }
    // Found by a word of its stop.
    assert_eq!(
        results(&app.page(&search_path("wombatronics")).await),
        vec!["/delegations/short-visit"]
    );

    let removed =
        diesel::sql_query("DELETE FROM delegations WHERE slug = 'short-visit'").execute(&mut conn);

    assert_eq!(removed.map_err(|e| e.to_string()), Ok(1));
    assert!(results(&app.page(&search_path("wombatronics")).await).is_empty());
}

#[actix_web::test]
async fn text_of_a_record_is_never_markup_in_results() {
    let app = TestApp::spawn().await;
    insert_organisation(
        &app,
        "hostile",
        "<script>alert(1)</script> Injectotron <b>bold</b>",
        "<img src=x onerror=alert(1)> injectotron",
    );

    let page = app.page(&search_path("injectotron")).await;

    assert_eq!(results(&page), vec!["/organisations/hostile"]);
    let title = &page.texts(".search-results .card__title")[0];
    assert!(
        title.starts_with("<script>alert(1)</script> Injectotron"),
        "shown as text: {title}"
    );
    let elements = |css: &str| {
        page.document()
            .select(&scraper::Selector::parse(css).unwrap())
            .count()
    };
    assert_eq!(elements("main script"), 0);
    assert_eq!(elements("main img"), 0);
    assert_eq!(elements(".search-results b"), 0);
    assert!(
        page.texts(".search-results mark")
            .contains(&"Injectotron".to_owned())
    );
}

#[actix_web::test]
async fn a_search_that_finds_nothing_says_so_and_suggests_what_might() {
    let app = TestApp::spawn().await;

    let nothing = app.page(&search_path("semiconductor zebrafish")).await;
    let filtered = app.page("/search?q=semiconductor&year=2019").await;

    assert!(nothing.body.contains("Nothing matches"));
    assert!(
        nothing.links_to("/search?q=semiconductor"),
        "the word that finds something alone"
    );
    assert!(nothing.links_to("/areas"));
    assert!(filtered.body.contains("Nothing matches"));
    assert!(
        filtered.links_to("/search?q=semiconductor"),
        "the same words without filters"
    );
}

#[actix_web::test]
async fn every_page_has_a_labelled_search_box_that_works_without_scripts() {
    let app = TestApp::spawn().await;

    let home = app.page("/").await;

    assert_eq!(
        home.texts(
            "header form[role=search][method=get][action='/search'] label[for=site-search-q]"
        )
        .len(),
        1
    );
    assert_eq!(home.texts("header input#site-search-q[name=q]").len(), 1);
    assert_eq!(app.page("/search").await.heading(), "Search");
}

#[actix_web::test]
async fn ranking_a_search_holds_up_no_other_request() {
    let dir = tempfile::tempdir().unwrap();
    let database = crate::query_plans::large_database(&dir, 3_000).await;
    let app = TestApp::spawn_on(dir, database).await;
    // A word of two Chinese characters (科技, science and technology) is looked for in the
    // text of every record, the longest kind of ranking there is.
    let (searching, others) = app
        .while_answering("/search?q=%E7%A7%91%E6%8A%80", 1, "/agreements")
        .await;
    assert!(
        others < searching / 2,
        "another request took {others:?} while a search took {searching:?}"
    );
}

/// How many segments the FTS5 index `index` is kept in: the second varint after the 4-byte
/// cookie of its structure record, row 10 of its `_data` table (`fts5StructureDecode` in
/// SQLite's ext/fts5/fts5_index.c).
fn segments(conn: &mut SqliteConnection, index: &str) -> u64 {
    #[derive(QueryableByName)]
    struct Structure {
        #[diesel(sql_type = diesel::sql_types::Binary)]
        block: Vec<u8>,
    }
    let structure: Structure =
        diesel::sql_query(format!("SELECT block FROM {index}_data WHERE id = 10"))
            .get_result(conn)
            .unwrap();
    let mut varints = structure.block[4..].iter().scan(0u64, |value, &byte| {
        *value = (*value << 7) | u64::from(byte & 0x7f);
        let done = byte & 0x80 == 0;
        let read = *value;
        if done {
            *value = 0;
        }
        Some(done.then_some(read))
    });
    let _levels = varints.by_ref().flatten().next().unwrap();
    varints.flatten().next().unwrap()
}

#[actix_web::test]
async fn rendering_every_statement_again_at_start_leaves_each_search_index_in_one_segment() {
    use sti_portal::db::schema::statements;
    let app = TestApp::spawn().await;
    let mut conn = app.connection();
    // Each write flushes its changes to the index as a segment of their own.
    for _ in 0..2 {
        diesel::update(statements::table)
            .set(statements::renderer_version.eq(0))
            .execute(&mut conn)
            .unwrap();
    }
    for index in ["search_words", "search_trigrams"] {
        assert!(segments(&mut conn, index) > 1, "{index} before the restart");
    }

    let restarted = app.restart().await;

    for index in ["search_words", "search_trigrams"] {
        assert_eq!(segments(&mut conn, index), 1, "{index}");
    }
    let found = restarted.page(&search_path("semiconductor")).await;
    assert!(
        results(&found)
            .iter()
            .any(|path| path.starts_with("/statements/"))
    );
}
