use crate::helpers::TestApp;
use crate::process::{Client, Portal, add_user, database_in, find_input, hidden};
use diesel::prelude::*;
use diesel::sql_types::{BigInt, Text};
use std::time::Duration;
use sti_portal::db::maintenance;
use sti_portal::domain::Role;

const PASSWORD: &str = "a long enough password";

fn connect(path: &std::path::Path) -> SqliteConnection {
    SqliteConnection::establish(path.to_str().unwrap()).unwrap()
}

/// A small pseudo-random sequence, so that kill times vary from run to run.
fn random_delays(count: usize) -> Vec<Duration> {
    let mut state = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_nanos() as u64
        | 1;
    (0..count)
        .map(|_| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            Duration::from_millis(150 + state % 400)
        })
        .collect()
}

async fn publish(client: &Client, title: &str) -> Result<bool, String> {
    let form = client.send("/staff/statements/new", None).await?;
    if form.status != 200 {
        return Err(format!("form answered {}", form.status));
    }
    // A form cut short by the kill is the same as no answer.
    let cut_short = || "the form page was cut short".to_owned();
    let csrf = find_input(&form.body, "csrf_token").ok_or_else(cut_short)?;
    let token = find_input(&form.body, "form_token").ok_or_else(cut_short)?;
    let reply = client
        .send(
            "/staff/statements",
            Some(&[
                ("csrf_token", &csrf),
                ("form_token", &token),
                ("title", title),
                ("language", "en"),
                (
                    "body",
                    "Body of a statement written while the server may be killed.",
                ),
                ("related", "/mous/mimos-cetc-mou-2024"),
                ("action", "publish"),
            ]),
        )
        .await?;
    Ok(reply.status == 303)
}

#[derive(QueryableByName)]
struct Count {
    #[diesel(sql_type = BigInt)]
    n: i64,
}

#[actix_web::test]
async fn no_acknowledged_publication_is_lost_when_the_server_is_killed() {
    let dir = tempfile::tempdir().unwrap();
    let database = database_in(&dir);
    add_user(&database, "eddie", "editor", PASSWORD);
    let mut acknowledged = Vec::new();
    let mut written = 0;

    for delay in random_delays(4) {
        let portal = Portal::start(&database);
        let client = Client::new(&portal.address);
        client.login("eddie", PASSWORD).await;
        let pid = portal.pid();
        let killer = std::thread::spawn(move || {
            std::thread::sleep(delay);
            std::process::Command::new("kill")
                .args(["-KILL", &pid.to_string()])
                .status()
                .unwrap();
        });
        loop {
            written += 1;
            let title = format!("Durability check {written}");
            match publish(&client, &title).await {
                Ok(true) => acknowledged.push(title),
                Ok(false) => panic!("a publication was refused"),
                Err(_) => break,
            }
        }
        killer.join().unwrap();
        portal.kill();
    }

    let mut conn = connect(&database);
    assert_eq!(maintenance::integrity_check(&mut conn).unwrap(), "ok");
    assert!(
        acknowledged.len() >= 4,
        "only {} writes were acknowledged",
        acknowledged.len()
    );
    for title in &acknowledged {
        let found: Count = diesel::sql_query(
            "SELECT count(*) AS n FROM statements WHERE title = ? AND status = 'published' \
             AND EXISTS (SELECT 1 FROM statement_revisions r WHERE r.statement_id = statements.id AND r.published_at IS NOT NULL) \
             AND EXISTS (SELECT 1 FROM statement_subjects s WHERE s.statement_id = statements.id)",
        )
        .bind::<Text, _>(title)
        .get_result(&mut conn)
        .unwrap();
        assert_eq!(
            found.n, 1,
            "{title} was acknowledged but is missing or incomplete"
        );
    }
    let half_written: Count = diesel::sql_query(
        "SELECT count(*) AS n FROM statements WHERE NOT EXISTS \
         (SELECT 1 FROM statement_revisions r WHERE r.statement_id = statements.id)",
    )
    .get_result(&mut conn)
    .unwrap();
    assert_eq!(
        half_written.n, 0,
        "a statement without its revision is visible"
    );
}

#[actix_web::test]
async fn sigterm_lets_a_request_in_flight_finish_then_exits_cleanly() {
    use std::io::{Read, Write};
    let dir = tempfile::tempdir().unwrap();
    let database = database_in(&dir);
    let portal = Portal::start(&database);
    let host = portal.address.trim_start_matches("http://").to_owned();
    let mut stream = std::net::TcpStream::connect(&host).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(15)))
        .unwrap();
    // A first, whole request proves the server has taken the connection; the second is then
    // sent in two halves around the signal, so it is in flight when SIGTERM arrives.
    stream
        .write_all(b"GET /healthz HTTP/1.1\r\nHost: portal\r\n\r\n")
        .unwrap();
    let mut first = Vec::new();
    let mut buffer = [0u8; 1024];
    while !first.ends_with(b"ok\n") {
        let read = stream.read(&mut buffer).unwrap();
        assert!(read > 0, "the connection closed before the first answer");
        first.extend_from_slice(&buffer[..read]);
    }
    stream
        .write_all(b"GET /healthz HTTP/1.1\r\nHost: portal\r\n")
        .unwrap();
    std::thread::sleep(Duration::from_millis(200));

    let pid = portal.pid();
    std::process::Command::new("kill")
        .args(["-TERM", &pid.to_string()])
        .status()
        .unwrap();
    std::thread::sleep(Duration::from_millis(200));
    stream.write_all(b"Connection: close\r\n\r\n").unwrap();
    let mut response = String::new();
    stream.read_to_string(&mut response).unwrap();
    let clean_exit = portal.terminate_after_signal();

    assert!(response.starts_with("HTTP/1.1 200"), "{response}");
    assert!(response.ends_with("ok\n"));
    assert!(clean_exit, "the process exits with status 0");
    assert_eq!(
        maintenance::integrity_check(&mut connect(&database)).unwrap(),
        "ok"
    );
}

#[actix_web::test]
async fn the_log_has_a_request_id_on_every_request_line_and_no_secrets() {
    let dir = tempfile::tempdir().unwrap();
    let database = database_in(&dir);
    add_user(&database, "eddie", "editor", PASSWORD);
    let portal = Portal::start(&database);
    let client = Client::new(&portal.address);

    client.login("eddie", PASSWORD).await;
    let form = client.send("/staff/statements/new", None).await.unwrap();
    let csrf = hidden(&form.body, "csrf_token");
    client.send("/mous?year=oops", None).await.unwrap();
    std::thread::sleep(Duration::from_millis(300));
    let log = portal.log();

    let request_lines: Vec<&str> = log.lines().filter(|l| l.contains("http.method")).collect();
    assert!(request_lines.len() >= 4, "{log}");
    assert!(
        request_lines.iter().all(|l| l.contains("request_id=")),
        "{log}"
    );
    assert!(!log.contains(PASSWORD), "the password is in the log");
    assert!(!log.contains(&csrf), "the CSRF token is in the log");
    let cookies = client.cookie_values();
    assert!(!cookies.is_empty());
    for secret in cookies {
        assert!(!log.contains(&secret), "a cookie value is in the log");
    }
}

#[actix_web::test]
async fn backup_and_restore_round_trip_every_table() {
    let app = TestApp::spawn().await;
    app.login_as("eddie", Role::Editor).await;
    let backup_dir = tempfile::tempdir().unwrap();
    let backup = backup_dir.path().join("backup.sqlite");

    // A backup taken while writes go on.
    let database = sti_portal::db::Database::open(&app.database).unwrap();
    let writer = {
        let csrf = app.csrf_token().await;
        let mut replies = Vec::new();
        for n in 0..3 {
            let token = app.page("/staff/statements/new").await.hidden("form_token");
            let title = format!("Written during the backup {n}");
            replies.push(
                app.post_form(
                    "/staff/statements",
                    &[
                        ("csrf_token", &csrf),
                        ("form_token", &token),
                        ("title", &title),
                        ("language", "en"),
                        ("body", "x"),
                        ("action", "save"),
                    ],
                )
                .await
                .status,
            );
        }
        replies
    };
    maintenance::backup(&mut database.connection().unwrap(), &backup).unwrap();
    assert!(writer.iter().all(|s| *s == 303));
    let before = fingerprint(&mut connect(&backup));
    let refused = maintenance::restore(&backup, &app.database);
    assert!(
        refused.unwrap_err().to_string().contains("already serving"),
        "no restore under a running server"
    );

    // Changes after the backup, then the restore takes them back.
    diesel::sql_query("DELETE FROM statement_subjects")
        .execute(&mut app.connection())
        .unwrap();
    app.stop().await;
    maintenance::restore(&backup, &app.database).unwrap();

    assert_eq!(fingerprint(&mut connect(&app.database)), before);
    assert_eq!(
        maintenance::integrity_check(&mut connect(&app.database)).unwrap(),
        "ok"
    );
    let restarted = app.restart().await;
    assert!(
        restarted
            .page("/statements/malaysia-china-second-joint-research-project-group-2024")
            .await
            .links_to("/mous/mimos-cetc-mou-2024")
    );
}

#[derive(QueryableByName)]
struct Name {
    #[diesel(sql_type = Text)]
    name: String,
}

#[derive(QueryableByName)]
struct Rows {
    #[diesel(sql_type = Text)]
    rows: String,
}

/// Every table with every row, as text, in a fixed order.
pub fn fingerprint(conn: &mut SqliteConnection) -> Vec<(String, String)> {
    fingerprint_except(conn, &[])
}

pub fn fingerprint_except(conn: &mut SqliteConnection, skipped: &[&str]) -> Vec<(String, String)> {
    let tables: Vec<Name> = diesel::sql_query(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
    )
    .load(conn)
    .unwrap();
    tables
        .into_iter()
        .filter(|t| !skipped.contains(&t.name.as_str()))
        .map(|table| {
            let columns: Vec<Name> = diesel::sql_query("SELECT name FROM pragma_table_info(?) ORDER BY cid")
                .bind::<Text, _>(&table.name)
                .load(conn)
                .unwrap();
            let row = columns
                .iter()
                .map(|c| format!("quote(\"{}\")", c.name))
                .collect::<Vec<_>>()
                .join(" || ',' || ");
            let rows: Rows = diesel::sql_query(format!(
                "SELECT coalesce(group_concat(r, '\n'), '') AS rows FROM (SELECT {row} AS r FROM \"{}\" ORDER BY 1)",
                table.name
            ))
            .get_result(conn)
            .unwrap();
            (table.name, rows.rows)
        })
        .collect()
}

#[actix_web::test]
async fn readers_and_several_writers_at_once_never_see_an_error() {
    let app = TestApp::spawn().await;
    app.login_as("eddie", Role::Editor).await;
    let csrf = app.csrf_token().await;
    let mut tokens = Vec::new();
    for _ in 0..24 {
        tokens.push(app.page("/staff/statements/new").await.hidden("form_token"));
    }

    let writes = tokens.iter().enumerate().map(|(n, token)| {
        let title = format!("Concurrent statement {n}");
        let app = &app;
        let csrf = &csrf;
        async move {
            app.post_form(
                "/staff/statements",
                &[
                    ("csrf_token", csrf),
                    ("form_token", token),
                    ("title", &title),
                    ("language", "en"),
                    ("body", "Text."),
                    ("action", "publish"),
                ],
            )
            .await
            .status
        }
    });
    let reads = (0..120).map(|n| {
        let app = &app;
        let path = [
            "/",
            "/statements",
            "/mous",
            "/organisations/mimos",
            "/areas/space-technology",
        ][n % 5];
        async move { app.get(path).await.status }
    });
    let (written, read) = futures_join(writes, reads).await;

    assert!(written.iter().all(|s| *s == 303), "{written:?}");
    assert!(read.iter().all(|s| *s == 200), "{read:?}");
    assert_eq!(
        app.page("/statements").await.texts(".results__count"),
        vec!["Showing 1–20 of 25"]
    );
}

async fn futures_join<W, R>(
    writes: impl Iterator<Item = W>,
    reads: impl Iterator<Item = R>,
) -> (Vec<u16>, Vec<u16>)
where
    W: std::future::Future<Output = u16>,
    R: std::future::Future<Output = u16>,
{
    futures_util::future::join(
        futures_util::future::join_all(writes),
        futures_util::future::join_all(reads),
    )
    .await
}

#[actix_web::test]
async fn readiness_means_the_database_takes_writes() {
    let app = TestApp::spawn().await;

    let ready = app.page("/readyz").await;

    assert_eq!(ready.body.trim(), "ready");
}

#[actix_web::test]
async fn error_pages_carry_the_request_id_of_the_log() {
    let app = TestApp::spawn().await;

    let reply = app.get("/mous?year=oops").await;

    let id = reply
        .headers
        .get("x-request-id")
        .unwrap()
        .to_str()
        .unwrap()
        .to_owned();
    assert_eq!(id.len(), 36);
    assert!(reply.texts("code").contains(&id), "{}", reply.body);
}
