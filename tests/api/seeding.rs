use crate::helpers::TestApp;
use diesel::prelude::*;
use sti_portal::db::schema::{mous, organisations, statements};

fn counts(app: &TestApp) -> (i64, i64, i64) {
    let mut conn = app.connection();
    (
        organisations::table.count().get_result(&mut conn).unwrap(),
        mous::table.count().get_result(&mut conn).unwrap(),
        statements::table.count().get_result(&mut conn).unwrap(),
    )
}

#[actix_web::test]
async fn a_new_database_is_filled_with_the_demo_records_once() {
    let app = TestApp::spawn().await;
    let first = counts(&app);

    let restarted = app.restart().await;

    assert_eq!(first, (14, 4, 1));
    assert_eq!(counts(&restarted), first, "a restart adds nothing");
    assert_eq!(
        restarted.page("/mous").await.texts(".cards > .card").len(),
        4
    );
}

#[actix_web::test]
async fn demo_data_never_goes_into_a_database_that_holds_records() {
    let app = TestApp::spawn_empty().await;
    let mut conn = app.connection();
    diesel::sql_query(
        "INSERT INTO countries (code, slug, name) VALUES ('SG', 'singapore', 'Singapore')",
    )
    .execute(&mut conn)
    .unwrap();

    let restarted = app.restart().await;

    assert_eq!(counts(&restarted), (0, 0, 0));
}

#[actix_web::test]
async fn without_demo_data_the_database_starts_empty() {
    let app = TestApp::spawn_empty().await;

    assert_eq!(counts(&app), (0, 0, 0));
}

#[actix_web::test]
async fn made_up_statements_are_written_in_their_own_language_title_and_heading_too() {
    let dir = tempfile::tempdir().unwrap();
    let path = crate::query_plans::large_database(&dir, 300).await;
    let mut conn = SqliteConnection::establish(path.to_str().unwrap()).unwrap();

    let made_up: Vec<(String, String, String)> = statements::table
        .filter(statements::slug.like("synthetic-statement-%"))
        .select((
            statements::language,
            statements::title,
            statements::body_markdown,
        ))
        .load(&mut conn)
        .unwrap();

    let is_chinese = |text: &str| text.chars().any(|c| ('\u{4E00}'..='\u{9FFF}').contains(&c));
    for language in ["en", "ms", "zh"] {
        let written: Vec<_> = made_up.iter().filter(|(l, ..)| l == language).collect();
        assert!(!written.is_empty(), "no statement in {language}");
        for (_, title, body) in written {
            let heading = body.lines().next().unwrap_or_default();
            let (in_title, in_heading) = match language {
                "zh" => (is_chinese(title), is_chinese(heading)),
                "ms" => (
                    title.starts_with("Kenyataan mengenai kerjasama"),
                    !is_chinese(heading) && !body.contains("The two sides"),
                ),
                _ => (title.starts_with("Statement on"), !is_chinese(heading)),
            };
            assert!(in_title && in_heading, "{language}: {title} / {heading}");
        }
    }
}
