//! Records no page can create yet, written straight into a test portal's database.

use crate::helpers::{Reply, TestApp};
use diesel::prelude::*;
use diesel::sql_types::{Integer, Nullable, Text};

pub const STATEMENT: &str = "/statements/malaysia-china-second-joint-research-project-group-2024";

/// The `Content-Type` a reply was sent with.
pub fn media_type(reply: &Reply) -> &str {
    reply
        .headers
        .get("content-type")
        .and_then(|t| t.to_str().ok())
        .unwrap_or_default()
}

/// A press statement in any state; published and withdrawn ones get a publication time.
pub fn insert_statement(
    app: &TestApp,
    slug: &str,
    title: &str,
    body: &str,
    status: &str,
    language: &str,
) -> i32 {
    let mut conn = app.connection();
    let public = matches!(status, "published" | "withdrawn");
    diesel::sql_query(
        "INSERT INTO statements (slug, title, summary, body_markdown, body_html, renderer_version, \
         language, status, publish_at, published_at, withdrawn_reason) \
         VALUES (?, ?, ?, ?, ?, 1, ?, ?, ?, ?, ?)",
    )
    .bind::<Text, _>(slug)
    .bind::<Text, _>(title)
    .bind::<Text, _>(format!("Summary of {title}"))
    .bind::<Text, _>(body)
    .bind::<Text, _>(format!("<p>{body}</p>"))
    .bind::<Text, _>(language)
    .bind::<Text, _>(status)
    .bind::<Nullable<Text>, _>((status == "scheduled").then_some("2030-01-01 09:00:00"))
    .bind::<Nullable<Text>, _>(public.then_some("2025-03-01 09:00:00"))
    .bind::<Nullable<Text>, _>((status == "withdrawn").then_some("Issued in error."))
    .execute(&mut conn)
    .unwrap();
    #[derive(QueryableByName)]
    struct Id {
        #[diesel(sql_type = Integer)]
        id: i32,
    }
    diesel::sql_query("SELECT id FROM statements WHERE slug = ?")
        .bind::<Text, _>(slug)
        .get_result::<Id>(&mut conn)
        .unwrap()
        .id
}

/// Files a statement under a focus area and about an organisation, by their slugs.
pub fn link_statement(app: &TestApp, statement: i32, area: &str, organisation: &str) {
    let mut conn = app.connection();
    for (column, table, slug) in [
        ("area_id", "focus_areas", area),
        ("organisation_id", "organisations", organisation),
    ] {
        diesel::sql_query(format!(
            "INSERT INTO statement_subjects (statement_id, {column}) \
             SELECT ?, id FROM {table} WHERE slug = ?"
        ))
        .bind::<Integer, _>(statement)
        .bind::<Text, _>(slug)
        .execute(&mut conn)
        .unwrap();
    }
}

/// An organisation of Malaysia (country 1) with the given slug and name.
pub fn insert_organisation(app: &TestApp, slug: &str, name: &str, description: &str) {
    diesel::sql_query(
        "INSERT INTO organisations (slug, name, country_id, kind, description) \
         VALUES (?, ?, 1, 'company', ?)",
    )
    .bind::<Text, _>(slug)
    .bind::<Text, _>(name)
    .bind::<Text, _>(description)
    .execute(&mut app.connection())
    .unwrap();
}

/// Draft, submitted and scheduled statements about space technology and MIMOS, each with a word
/// found nowhere else; none of them may ever be seen. Returns their slugs and the word.
pub fn insert_unpublished(app: &TestApp) -> (Vec<&'static str>, &'static str) {
    let slugs = vec!["secret-draft", "secret-submitted", "secret-scheduled"];
    for (slug, status) in slugs.iter().zip(["draft", "submitted", "scheduled"]) {
        let id = insert_statement(
            app,
            slug,
            "Confidential zanzibarite plans",
            "The zanzibarite programme is not yet public.",
            status,
            "en",
        );
        link_statement(app, id, "space-technology", "mimos");
    }
    (slugs, "zanzibarite")
}
