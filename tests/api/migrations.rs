use diesel::prelude::*;
use diesel_migrations::MigrationHarness;
use sti_portal::db::MIGRATIONS;

fn user_tables(conn: &mut SqliteConnection) -> Vec<String> {
    #[derive(QueryableByName)]
    struct Table {
        #[diesel(sql_type = diesel::sql_types::Text)]
        name: String,
    }
    diesel::sql_query(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' \
         AND name <> '__diesel_schema_migrations' ORDER BY name",
    )
    .load::<Table>(conn)
    .unwrap()
    .into_iter()
    .map(|t| t.name)
    .collect()
}

/// A database in memory that holds nothing yet and, as the portal's connections do, enforces
/// foreign keys.
fn empty_database() -> SqliteConnection {
    let mut conn = SqliteConnection::establish(":memory:").unwrap();
    diesel::sql_query("PRAGMA foreign_keys = ON")
        .execute(&mut conn)
        .unwrap();
    conn
}

#[test]
fn every_migration_reverts_cleanly_and_applies_again() {
    let mut conn = empty_database();

    let applied = conn.run_pending_migrations(MIGRATIONS).unwrap().len();
    let tables = user_tables(&mut conn);
    for _ in 0..applied {
        conn.revert_last_migration(MIGRATIONS).unwrap();
    }
    let after_revert = user_tables(&mut conn);
    conn.run_pending_migrations(MIGRATIONS).unwrap();

    assert!(applied >= 4);
    assert!(tables.contains(&"mous".to_owned()) && tables.contains(&"audit_events".to_owned()));
    assert!(after_revert.is_empty(), "left behind: {after_revert:?}");
    assert_eq!(user_tables(&mut conn), tables);
}

#[test]
fn foreign_keys_and_checks_refuse_inconsistent_rows() {
    let mut conn = empty_database();
    conn.run_pending_migrations(MIGRATIONS).unwrap();

    for bad in [
        "INSERT INTO organisations (slug, name, country_id, kind) VALUES ('x', 'X', 999, 'company')",
        "INSERT INTO countries (code, slug, name) VALUES ('my', 'm', 'M')",
        "INSERT INTO mous (slug, title, status, signed_on) VALUES ('m', 'M', 'signed', 'April')",
        "INSERT INTO statements (slug, title, body_markdown, body_html, renderer_version, language, status) \
         VALUES ('s', 'S', '', '', 1, 'en', 'published')",
    ] {
        assert!(
            diesel::sql_query(bad).execute(&mut conn).is_err(),
            "accepted: {bad}"
        );
    }
}

#[test]
fn a_statement_is_about_a_record_at_most_once() {
    let mut conn = empty_database();
    conn.run_pending_migrations(MIGRATIONS).unwrap();
    // Links saved twice before the rule existed are kept once when it arrives.
    let rule = "20240701000001";
    while conn.revert_last_migration(MIGRATIONS).unwrap().to_string() != rule {}
    let link = "INSERT INTO statement_subjects (statement_id, area_id) VALUES (1, 1)";
    for sql in [
        "INSERT INTO focus_areas (slug, name) VALUES ('space', 'Space')",
        "INSERT INTO statements (slug, title, body_markdown, body_html, renderer_version, language, status) \
         VALUES ('s', 'S', '', '', 1, 'en', 'draft')",
        link,
        link,
    ] {
        diesel::sql_query(sql).execute(&mut conn).unwrap();
    }
    conn.run_pending_migrations(MIGRATIONS).unwrap();

    #[derive(QueryableByName)]
    struct Count {
        #[diesel(sql_type = diesel::sql_types::BigInt)]
        links: i64,
    }
    let count = diesel::sql_query("SELECT count(*) AS links FROM statement_subjects")
        .get_result::<Count>(&mut conn)
        .unwrap();
    assert_eq!(count.links, 1);
    assert!(diesel::sql_query(link).execute(&mut conn).is_err());
}

/// The tables only staff pages read: writing them changes nothing the public sees, so they
/// leave the content version as it is.
const STAFF_ONLY: [&str; 5] = [
    "audit_events",
    "form_submissions",
    "sessions",
    "signing_keys",
    "users",
];

#[test]
fn every_change_to_a_table_the_public_sees_moves_the_content_version() {
    #[derive(QueryableByName)]
    struct Object {
        #[diesel(sql_type = diesel::sql_types::Text)]
        kind: String,
        #[diesel(sql_type = diesel::sql_types::Text)]
        name: String,
        #[diesel(sql_type = diesel::sql_types::Text)]
        table_name: String,
        #[diesel(sql_type = diesel::sql_types::Text)]
        sql: String,
    }
    let mut conn = empty_database();
    conn.run_pending_migrations(MIGRATIONS).unwrap();
    let objects = diesel::sql_query(
        "SELECT type AS kind, name, tbl_name AS table_name, coalesce(sql, '') AS sql \
         FROM sqlite_master",
    )
    .load::<Object>(&mut conn)
    .unwrap();
    let full_text_indexes: Vec<&str> = objects
        .iter()
        .filter(|object| object.sql.starts_with("CREATE VIRTUAL TABLE"))
        .map(|object| object.name.as_str())
        .collect();
    // A full-text index and the tables it keeps itself in are written only by triggers on
    // `search_documents`, whose own changes count.
    let is_full_text = |table: &str| {
        full_text_indexes
            .iter()
            .any(|index| table == *index || table.starts_with(&format!("{index}_")))
    };
    let public_tables: Vec<String> = user_tables(&mut conn)
        .into_iter()
        .filter(|table| !STAFF_ONLY.contains(&table.as_str()) && table != "content_generation")
        .filter(|table| !is_full_text(table))
        .collect();
    assert!(public_tables.contains(&"statements".to_owned()));
    assert!(public_tables.contains(&"mous".to_owned()));

    let mut unwatched = Vec::new();
    for table in &public_tables {
        for event in ["INSERT", "UPDATE", "DELETE"] {
            let watched = objects.iter().any(|object| {
                object.kind == "trigger"
                    && object.table_name == *table
                    && object.sql.contains(&format!("AFTER {event} ON {table}\n"))
                    && object
                        .sql
                        .contains("UPDATE content_generation SET version = version + 1;")
            });
            if !watched {
                unwatched.push(format!("{event} on {table}"));
            }
        }
    }
    assert!(
        unwatched.is_empty(),
        "no content version moved by {unwatched:?}"
    );

    // And the triggers do what they say, where the staff's own tables do not.
    let version = |conn: &mut SqliteConnection| {
        #[derive(QueryableByName)]
        struct Version {
            #[diesel(sql_type = diesel::sql_types::BigInt)]
            version: i64,
        }
        diesel::sql_query("SELECT version FROM content_generation")
            .get_result::<Version>(conn)
            .unwrap()
            .version
    };
    let before = version(&mut conn);
    diesel::sql_query(
        "INSERT INTO audit_events (action, entity, summary) VALUES ('login-failed', 'session', '')",
    )
    .execute(&mut conn)
    .unwrap();
    assert_eq!(version(&mut conn), before);
    diesel::sql_query("INSERT INTO focus_areas (slug, name) VALUES ('space', 'Space')")
        .execute(&mut conn)
        .unwrap();
    assert!(version(&mut conn) > before);
}
