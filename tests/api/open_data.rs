use crate::fixtures::{STATEMENT, insert_organisation, insert_unpublished, media_type};
use crate::helpers::{PUBLIC_URL, TestApp};
use diesel::prelude::*;
use serde_json::Value;

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

async fn json(app: &TestApp, path: &str) -> (u16, Value) {
    let reply = app.get(path).await;
    assert!(
        media_type(&reply).starts_with("application/json"),
        "{path} answers JSON"
    );
    (
        reply.status,
        serde_json::from_str(&reply.body).expect("valid JSON"),
    )
}

fn csv_rows(body: &str) -> (Vec<String>, Vec<Vec<String>>) {
    let mut reader = csv::Reader::from_reader(body.as_bytes());
    let header = reader
        .headers()
        .unwrap()
        .iter()
        .map(str::to_owned)
        .collect();
    let rows = reader
        .records()
        .map(|r| r.unwrap().iter().map(str::to_owned).collect())
        .collect();
    (header, rows)
}

fn add_universities(app: &TestApp, count: usize) {
    let mut conn = app.connection();
    for n in 0..count {
        diesel::sql_query(format!(
            "INSERT INTO organisations (slug, name, country_id, kind) \
             VALUES ('test-university-{n:02}', 'Test University {n:02}', 1, 'university')"
        ))
        .execute(&mut conn)
        .unwrap();
    }
}

#[actix_web::test]
async fn every_collection_is_served_as_json_like_its_list_page() {
    let app = TestApp::spawn().await;

    for collection in COLLECTIONS {
        let (status, list) = json(&app, &format!("/api/v1/{collection}")).await;
        let html = app.page(&format!("/{collection}")).await;
        assert_eq!(status, 200, "{collection}");
        let items = list["items"].as_array().unwrap();
        let cards = html.texts(".cards > .card, .area-grid > .card").len();
        assert_eq!(items.len(), cards, "{collection}");
        assert_eq!(list["total"], cards as i64, "{collection}");
        for item in items {
            let slug = item["slug"].as_str().unwrap();
            assert_eq!(item["url"], format!("{PUBLIC_URL}/{collection}/{slug}"));
            assert_eq!(
                item["href"],
                format!("{PUBLIC_URL}/api/v1/{collection}/{slug}")
            );
            let (status, record) = json(&app, &format!("/api/v1/{collection}/{slug}")).await;
            assert_eq!(status, 200, "{collection}/{slug}");
            assert_eq!(record["slug"], slug);
        }
    }
}

#[actix_web::test]
async fn records_link_the_records_they_are_related_to() {
    let app = TestApp::spawn().await;

    let (_, mou) = json(&app, "/api/v1/mous/xmu-mimos-xmum-semiconductor-mou-2024").await;
    let (_, statement) = json(&app, &format!("/api/v1{STATEMENT}")).await;

    let record = &mou["record"];
    assert_eq!(
        record["parties"][1]["href"],
        format!("{PUBLIC_URL}/api/v1/organisations/mimos")
    );
    assert_eq!(
        record["witnesses"][0]["url"],
        format!("{PUBLIC_URL}/people/chang-lih-kang")
    );
    assert_eq!(
        record["meeting"]["href"],
        format!("{PUBLIC_URL}/api/v1/meetings/3rd-joint-committee-meeting-sti")
    );
    assert_eq!(
        record["areas"][0]["href"],
        format!("{PUBLIC_URL}/api/v1/areas/microelectronics-and-semiconductors")
    );
    assert_eq!(
        record["statements"][0]["url"],
        format!("{PUBLIC_URL}{STATEMENT}")
    );
    let subjects = &statement["record"]["subjects"];
    assert_eq!(subjects["mous"].as_array().unwrap().len(), 4);
    assert!(
        subjects["organisations"]
            .as_array()
            .unwrap()
            .iter()
            .all(|o| o["href"]
                .as_str()
                .unwrap()
                .starts_with(&format!("{PUBLIC_URL}/api/v1/organisations/")))
    );
    let party = record["parties"][1]["href"]
        .as_str()
        .unwrap()
        .strip_prefix(PUBLIC_URL)
        .unwrap()
        .to_owned();
    let (status, mimos) = json(&app, &party).await;
    assert_eq!(status, 200);
    assert_eq!(mimos["record"]["organisation"]["short_name"], "MIMOS");
    // A page of related records links each of them too.
    let mous = mimos["record"]["mous"]["items"].as_array().unwrap();
    assert!(!mous.is_empty());
    for mou in mous {
        assert_eq!(
            mou["href"],
            format!("{PUBLIC_URL}/api/v1/mous/{}", mou["slug"].as_str().unwrap())
        );
    }
}

#[actix_web::test]
async fn the_api_filters_and_pages_like_the_lists() {
    let app = TestApp::spawn().await;
    add_universities(&app, 45);

    let (_, chips) = json(
        &app,
        "/api/v1/mous?area=microelectronics-and-semiconductors&country=CN",
    )
    .await;
    let (_, third) = json(&app, "/api/v1/organisations?kind=university&page=3").await;

    assert_eq!(chips["total"], 2);
    assert_eq!(chips["filters"]["country"], "CN");
    assert_eq!(third["total"], 47);
    assert_eq!(third["items"].as_array().unwrap().len(), 7);
    assert_eq!(third["last_page"], 3);
    assert_eq!(third["links"]["next"], Value::Null);
    assert_eq!(
        third["links"]["prev"],
        format!("{PUBLIC_URL}/api/v1/organisations?kind=university&page=2")
    );
    assert_eq!(
        third["links"]["csv"],
        format!("{PUBLIC_URL}/organisations.csv?kind=university")
    );
}

#[actix_web::test]
async fn api_errors_are_json() {
    let app = TestApp::spawn().await;

    for (path, status) in [
        ("/api/v1/mous?year=soon", 400),
        ("/api/v1/mous?year=2024&year=2023", 400),
        ("/api/v1/organisations?kind=castle", 400),
        ("/api/v1/mous/no-such-mou", 404),
        ("/api/v1/mous/NOT%20A%20SLUG", 404),
        ("/api/v1/users", 404),
        ("/api/v1/sessions/1", 404),
        ("/api/v1/mous/x/y", 404),
    ] {
        let (answered, body) = json(&app, path).await;
        assert_eq!(answered, status, "{path}");
        assert!(body["error"].is_string(), "{path}");
    }
    let (_, bad_year) = json(&app, "/api/v1/mous?year=soon").await;
    assert!(bad_year["error"].as_str().unwrap().contains("“year”"));
}

#[actix_web::test]
async fn the_openapi_document_describes_every_collection() {
    let app = TestApp::spawn().await;

    let (status, document) = json(&app, "/api/v1/openapi.json").await;

    assert_eq!(status, 200);
    assert!(document["openapi"].as_str().unwrap().starts_with("3."));
    let paths = document["paths"].as_object().unwrap();
    for collection in COLLECTIONS {
        for path in [
            format!("/api/v1/{collection}"),
            format!("/api/v1/{collection}/{{slug}}"),
        ] {
            assert!(paths.contains_key(&path), "{path} is documented");
        }
    }
}

#[actix_web::test]
async fn the_open_data_page_explains_every_filter_the_api_takes_with_a_value_that_works() {
    let app = TestApp::spawn().await;
    let (_, document) = json(&app, "/api/v1/openapi.json").await;
    let mut documented: Vec<&str> = document["components"]["parameters"]
        .as_object()
        .unwrap()
        .values()
        .filter(|parameter| parameter["in"] == "query")
        .map(|parameter| parameter["name"].as_str().unwrap())
        .collect();
    documented.sort_unstable();

    let page = app.page("/open-data").await;

    let mut explained = page.texts("#api ~ .table-scroll tbody th code");
    explained.sort_unstable();
    assert_eq!(explained, documented);
    for example in page.texts(".data-table__example code") {
        let collection = match example.split('=').next().unwrap() {
            "?kind" => "organisations",
            "?agreement" => "meetings",
            _ => "mous",
        };
        let (status, listed) = json(&app, &format!("/api/v1/{collection}{example}")).await;
        assert_eq!(status, 200, "{example}");
        if !example.starts_with("?page") {
            assert_ne!(listed["total"], 0, "{example} finds records");
        }
    }
}

#[actix_web::test]
async fn every_collection_exports_as_csv_with_every_row() {
    let app = TestApp::spawn().await;
    add_universities(&app, 45);

    for collection in COLLECTIONS {
        let reply = app.page(&format!("/{collection}.csv")).await;
        let (_, list) = json(&app, &format!("/api/v1/{collection}")).await;
        assert!(media_type(&reply).starts_with("text/csv"));
        let (header, rows) = csv_rows(&reply.body);
        assert_eq!(header[0], "slug", "{collection}");
        assert_eq!(header.last().unwrap(), "url");
        assert_eq!(
            rows.len() as i64,
            list["total"].as_i64().unwrap(),
            "{collection}"
        );
        assert!(
            reply.body.ends_with("\r\n"),
            "{collection}: records end with CRLF"
        );
        assert!(
            reply.body.split_once('\n').unwrap().0.ends_with('\r'),
            "so does the header"
        );
    }
    let universities = app.page("/organisations.csv?kind=university").await;
    let (header, rows) = csv_rows(&universities.body);
    assert_eq!(rows.len(), 47, "every page, not only the first 20");
    let url = header.iter().position(|h| h == "url").unwrap();
    assert!(
        rows.iter()
            .all(|row| row[url].starts_with(&format!("{PUBLIC_URL}/organisations/")))
    );
}

#[actix_web::test]
async fn a_large_export_is_streamed_in_pieces_with_every_row_once_in_the_lists_order() {
    let app = TestApp::spawn().await;
    sti_portal::db::synthetic::generate(
        &mut app.connection(),
        sti_portal::db::synthetic::Sizes::for_statements(1_200),
        |_, _| {},
    )
    .unwrap();

    let reply = app.page("/statements.csv").await;
    let (_, list) = json(&app, "/api/v1/statements").await;

    assert!(
        reply.headers.get("content-length").is_none(),
        "sent as it is read, not gathered first"
    );
    let (header, rows) = csv_rows(&reply.body);
    assert_eq!(header[0], "slug");
    assert_eq!(rows.len() as i64, list["total"].as_i64().unwrap());
    assert!(rows.len() > 1_000, "more than one piece: {}", rows.len());
    let mut slugs: Vec<&String> = rows.iter().map(|row| &row[0]).collect();
    let first_page: Vec<String> = list["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|item| item["slug"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(
        slugs[..first_page.len()],
        first_page.iter().collect::<Vec<_>>()
    );
    slugs.sort();
    slugs.dedup();
    assert_eq!(slugs.len(), rows.len(), "no row twice");
}

#[actix_web::test]
async fn list_pages_offer_their_csv_with_the_same_filters() {
    let app = TestApp::spawn().await;

    let page = app
        .page("/mous?area=microelectronics-and-semiconductors&country=CN")
        .await;

    let href = "/mous.csv?area=microelectronics-and-semiconductors&country=CN";
    assert!(page.links_to(href));
    let (_, rows) = csv_rows(&app.page(href).await.body);
    assert_eq!(rows.len(), 2);
}

#[actix_web::test]
async fn csv_cells_cannot_become_spreadsheet_formulas() {
    let app = TestApp::spawn().await;
    for (slug, name) in [
        ("formula", "=HYPERLINK(\"http://evil.example\",\"Click\")"),
        ("plus", "+1+2"),
        ("minus", "-2+3"),
        ("at", "@SUM(A1:A2)"),
        ("tab", "\tTabbed"),
    ] {
        insert_organisation(&app, slug, name, "");
    }

    let (header, rows) = csv_rows(&app.page("/organisations.csv").await.body);

    let name = header.iter().position(|h| h == "name").unwrap();
    let names: Vec<&str> = rows.iter().map(|row| row[name].as_str()).collect();
    for neutralised in [
        "'=HYPERLINK(\"http://evil.example\",\"Click\")",
        "'+1+2",
        "'-2+3",
        "'@SUM(A1:A2)",
        "'\tTabbed",
    ] {
        assert!(names.contains(&neutralised), "{neutralised:?} in {names:?}");
    }
}

#[actix_web::test]
async fn unpublished_statements_never_leak_through_any_machine_endpoint() {
    let app = TestApp::spawn().await;
    let (slugs, word) = insert_unpublished(&app);
    diesel::sql_query(
        "INSERT INTO users (username, display_name, password_hash, role) \
         VALUES ('editor-zanzibarite', 'Zanzibarite Editor', '$argon2id$zanzibarite', 'editor')",
    )
    .execute(&mut app.connection())
    .unwrap();

    for path in [
        "/api/v1/statements",
        "/api/v1/statements?area=space-technology",
        "/api/v1/organisations/mimos",
        "/api/v1/areas/space-technology",
        "/statements.csv",
        "/statements.csv?organisation=mimos",
        "/feed.atom",
        "/areas/space-technology/feed.atom",
        "/organisations/mimos/feed.atom",
        "/events.ics",
        "/sitemap.xml",
        "/timeline",
        "/timeline?area=space-technology",
        "/stats",
    ] {
        let reply = app.page(path).await;
        assert!(
            !reply.body.to_lowercase().contains(word),
            "{path} shows an unpublished statement or a user"
        );
        for slug in &slugs {
            assert!(!reply.body.contains(slug), "{path} names {slug}");
        }
    }
    for slug in &slugs {
        assert_eq!(
            app.get(&format!("/api/v1/statements/{slug}")).await.status,
            404
        );
    }
    let (_, statements) = json(&app, "/api/v1/statements").await;
    assert_eq!(statements["total"], 1);
    let search = app.page(&format!("/search?q={word}")).await;
    assert!(search.texts(".search-results li").is_empty());
    assert!(!search.body.contains("Confidential"));
}
