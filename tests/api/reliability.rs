use crate::helpers::TestApp;
use crate::process::{Client, Portal, add_user, database_in, find_input, hidden};
use crate::staff_helpers::{Fields, log_in};
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

/// The MoU the durability test edits, and its staff edit page.
const EDITED_MOU: &str = "mimos-cetc-mou-2024";

/// Saves the MoU's edit form with a new purpose, as an editor does; whether the save was
/// acknowledged.
async fn edit_mou(client: &Client, edit_page: &str, purpose: &str) -> Result<bool, String> {
    let page = client.send(edit_page, None).await?;
    if page.status != 200 {
        return Err(format!("the edit page answered {}", page.status));
    }
    let action = edit_page.trim_end_matches("/edit");
    let page = crate::helpers::Reply {
        status: page.status,
        headers: Default::default(),
        body: page.body,
    };
    // A page cut short by the kill has no whole form, which is the same as no answer.
    if find_input(&page.body, "form_token").is_none() || !page.body.contains("</form>") {
        return Err("the edit page was cut short".to_owned());
    }
    let mut form = Fields::of(&page, action);
    form.set("purpose", purpose);
    let fields: Vec<(&str, &str)> = form
        .0
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    let reply = client.send(action, Some(&fields)).await?;
    Ok(reply.status == 303)
}

#[derive(QueryableByName)]
struct Count {
    #[diesel(sql_type = BigInt)]
    n: i64,
}

fn count(conn: &mut SqliteConnection, sql: &str, text: &str) -> i64 {
    diesel::sql_query(sql)
        .bind::<Text, _>(text)
        .get_result::<Count>(conn)
        .unwrap()
        .n
}

#[actix_web::test]
async fn no_acknowledged_write_is_lost_when_the_server_is_killed() {
    let dir = tempfile::tempdir().unwrap();
    let database = database_in(&dir);
    add_user(&database, "eddie", "editor", PASSWORD);
    let kills = if crate::helpers::long_tests() { 16 } else { 4 };
    let mut published = Vec::new();
    let mut edited = Vec::new();
    let mut written = 0;

    for delay in random_delays(kills) {
        let portal = Portal::start(&database);
        let client = Client::new(&portal.address);
        client.login("eddie", PASSWORD).await;
        let mou_id = count(
            &mut connect(&database),
            "SELECT id AS n FROM mous WHERE slug = ?",
            EDITED_MOU,
        );
        let edit_page = format!("/staff/records/mous/{mou_id}/edit");
        let pid = portal.pid();
        let killer = std::thread::spawn(move || {
            std::thread::sleep(delay);
            std::process::Command::new("kill")
                .args(["-KILL", &pid.to_string()])
                .status()
                .unwrap();
        });
        // Publications and MoU edits by turns, until the server dies under them.
        loop {
            written += 1;
            let text = format!("Durability check {written}");
            let (saved, acknowledged) = if written % 2 == 0 {
                (publish(&client, &text).await, &mut published)
            } else {
                (edit_mou(&client, &edit_page, &text).await, &mut edited)
            };
            match saved {
                Ok(true) => acknowledged.push(text),
                Ok(false) => panic!("a write was refused"),
                Err(_) => break,
            }
        }
        killer.join().unwrap();
        portal.kill();
    }

    let mut conn = connect(&database);
    assert_eq!(maintenance::integrity_check(&mut conn).unwrap(), "ok");
    assert!(
        published.len() >= 2 && edited.len() >= 2,
        "only {} publications and {} edits were acknowledged",
        published.len(),
        edited.len()
    );
    // Each acknowledged edit left its audit entry, written in the same transaction as the
    // edit; the MoU holds the last acknowledged purpose or a later one (a save the kill
    // interrupted after its commit); and its version counts exactly its saves.
    for purpose in &edited {
        let audited = count(
            &mut conn,
            "SELECT count(*) AS n FROM audit_events WHERE entity = 'mou' AND action = 'update' \
             AND summary LIKE '%→ “' || ? || '”%'",
            purpose,
        );
        assert_eq!(
            audited, 1,
            "the edit to {purpose} was acknowledged but is not recorded"
        );
    }
    let number = |text: &str| text.rsplit(' ').next().unwrap().parse::<usize>().unwrap();
    let current: Name = diesel::sql_query("SELECT purpose AS name FROM mous WHERE slug = ?")
        .bind::<Text, _>(EDITED_MOU)
        .get_result(&mut conn)
        .unwrap();
    assert!(
        current.name.starts_with("Durability check ")
            && number(&current.name) >= number(edited.last().unwrap()),
        "the MoU went back to “{}”",
        current.name
    );
    let saves = count(
        &mut conn,
        "SELECT count(*) AS n FROM audit_events WHERE entity = 'mou' AND action = 'update' \
         AND entity_id = (SELECT id FROM mous WHERE slug = ?)",
        EDITED_MOU,
    );
    let version = count(
        &mut conn,
        "SELECT version AS n FROM mous WHERE slug = ?",
        EDITED_MOU,
    );
    assert_eq!(
        version,
        saves + 1,
        "the MoU's version and its saves disagree"
    );
    let mou_without_parties: Count = diesel::sql_query(
        "SELECT count(*) AS n FROM mous m \
         WHERE (SELECT count(*) FROM mou_parties p WHERE p.mou_id = m.id) < 2",
    )
    .get_result(&mut conn)
    .unwrap();
    assert_eq!(
        mou_without_parties.n, 0,
        "an MoU is left without its parties"
    );
    for title in &published {
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

/// Waits, up to 15 seconds, for `condition`; fails with the portal's log if it never holds.
fn wait_until(what: &str, portal: &Portal, mut condition: impl FnMut() -> bool) {
    let started = std::time::Instant::now();
    while !condition() {
        assert!(
            started.elapsed() < Duration::from_secs(15),
            "waited in vain until {what}; log:\n{}",
            portal.log()
        );
        std::thread::sleep(Duration::from_millis(10));
    }
}

/// How many bytes wait in the kernel for the server's end of a local TCP connection to read
/// them, from `/proc/net/tcp`; `None` while the connection is not listed.
fn unread_bytes(server_port: u16, client_port: u16) -> Option<u64> {
    let table = std::fs::read_to_string("/proc/net/tcp").unwrap();
    table.lines().skip(1).find_map(|line| {
        let fields: Vec<&str> = line.split_whitespace().collect();
        let port = |address: &str| u16::from_str_radix(address.rsplit(':').next()?, 16).ok();
        if port(fields[1])? != server_port || port(fields[2])? != client_port {
            return None;
        }
        u64::from_str_radix(fields[4].split(':').nth(1)?, 16).ok()
    })
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
    // The request is in flight only once the server has read its first half, and the rest is
    // sent only once the server is shutting down with that connection still open.
    let client_port = stream.local_addr().unwrap().port();
    let server_port = stream.peer_addr().unwrap().port();
    wait_until("the server reads the first half", &portal, || {
        unread_bytes(server_port, client_port) == Some(0)
    });
    std::process::Command::new("kill")
        .args(["-TERM", &portal.pid().to_string()])
        .status()
        .unwrap();
    wait_until("the server waits for the open connection", &portal, || {
        portal
            .log()
            .contains("graceful worker shutdown; finishing 1 connections")
    });
    stream.write_all(b"Connection: close\r\n\r\n").unwrap();
    let mut response = String::new();
    stream.read_to_string(&mut response).unwrap();
    let log = portal.log();
    let clean_exit = portal.terminate_after_signal();

    assert!(
        response.starts_with("HTTP/1.1 200"),
        "answer: {response:?}\nlog:\n{log}"
    );
    assert!(response.ends_with("ok\n"));
    assert!(clean_exit, "the process exits with status 0");
    assert_eq!(
        maintenance::integrity_check(&mut connect(&database)).unwrap(),
        "ok"
    );
}

#[actix_web::test]
async fn the_portal_serves_from_a_database_folder_not_made_yet() {
    let dir = tempfile::tempdir().unwrap();
    let database = dir.path().join("data").join("portal.sqlite");
    let portal = Portal::start(&database);
    let home = Client::new(&portal.address).send("/", None).await.unwrap();
    assert_eq!(home.status, 200);
    assert!(database.is_file());
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
    wait_until("the last request is logged", &portal, || {
        portal.log().contains("http.target=/mous?year=oops")
    });
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
    let (writers, statements_each, reads) = if crate::helpers::long_tests() {
        (6, 40, 3000)
    } else {
        (3, 8, 120)
    };
    let mut staff = Vec::new();
    for n in 0..writers {
        staff.push(log_in(&app, &format!("editor{n}"), Role::Editor).await);
    }
    // Each writer's forms, filled in before the rush.
    let mut forms = Vec::new();
    for (writer, client) in staff.iter().enumerate() {
        for n in 0..statements_each {
            let mut form = client
                .form("/staff/statements/new", "/staff/statements")
                .await;
            form.set("title", &format!("Concurrent statement {writer}-{n}"))
                .set("body", "Text.")
                .set("action", "publish");
            forms.push((client, form));
        }
    }

    let writes = forms.iter().map(|(client, form)| async move {
        client.post_form("/staff/statements", form).await.status
    });
    let reads = (0..reads).map(|n| {
        let app = &app;
        let path = [
            "/",
            "/statements",
            "/mous",
            "/organisations/mimos",
            "/areas/space-technology",
            "/search?q=cooperation",
            "/api/v1/statements",
        ][n % 7];
        async move { app.get(path).await.status }
    });
    let (written, read) = futures_join(writes, reads).await;

    assert!(written.iter().all(|s| *s == 303), "{written:?}");
    assert!(read.iter().all(|s| *s == 200), "{read:?}");
    assert_eq!(
        app.page("/statements").await.texts(".results__count"),
        vec![format!("Showing 1–20 of {}", writers * statements_each + 1)]
    );
}

/// Readers at once: each takes the next read as soon as its last one is answered, for as long
/// as there are reads left, while every write is sent at once.
const READERS: usize = 64;

async fn futures_join<W, R>(
    writes: impl Iterator<Item = W>,
    reads: impl Iterator<Item = R>,
) -> (Vec<u16>, Vec<u16>)
where
    W: std::future::Future<Output = u16>,
    R: std::future::Future<Output = u16>,
{
    use futures_util::StreamExt;
    futures_util::future::join(
        futures_util::future::join_all(writes),
        futures_util::stream::iter(reads)
            .buffer_unordered(READERS)
            .collect::<Vec<_>>(),
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
async fn readiness_fails_while_the_database_cannot_take_writes() {
    let app = TestApp::spawn().await;
    let mut stuck_writer = app.connection();
    diesel::sql_query("PRAGMA busy_timeout = 5000")
        .execute(&mut stuck_writer)
        .unwrap();
    diesel::sql_query("BEGIN IMMEDIATE")
        .execute(&mut stuck_writer)
        .unwrap();

    // The check waits for the lock as long as any write would (`busy_timeout`) before it says no.
    let blocked = app
        .send(
            app.request(awc::http::Method::GET, "/readyz")
                .timeout(Duration::from_secs(30)),
            None,
        )
        .await;
    diesel::sql_query("ROLLBACK")
        .execute(&mut stuck_writer)
        .unwrap();
    let freed = app.get("/readyz").await;

    assert_eq!(blocked.status, 503, "{}", blocked.body);
    assert_eq!(
        app.get("/healthz").await.status,
        200,
        "the process is still up"
    );
    assert_eq!(freed.status, 200);
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

#[actix_web::test]
async fn the_log_names_the_connection_not_a_forwarded_address_anyone_could_write() {
    use std::io::{Read, Write};
    let dir = tempfile::tempdir().unwrap();
    let portal = Portal::start(&database_in(&dir));
    let mut stream =
        std::net::TcpStream::connect(portal.address.trim_start_matches("http://")).unwrap();

    stream
        .write_all(
            b"GET /mous HTTP/1.1\r\nHost: portal\r\nX-Forwarded-For: 203.0.113.9\r\n\
              Forwarded: for=198.51.100.7\r\nConnection: close\r\n\r\n",
        )
        .unwrap();
    let mut response = String::new();
    stream.read_to_string(&mut response).unwrap();
    wait_until("the request is logged", &portal, || {
        portal.log().contains("http.target=/mous")
    });
    let log = portal.log();

    assert!(response.starts_with("HTTP/1.1 200"), "{response}");
    let line = log
        .lines()
        .find(|l| l.contains("http.target=/mous"))
        .unwrap_or_else(|| panic!("no line for the request: {log}"));
    assert!(line.contains("http.client_ip=127.0.0.1"), "{line}");
    assert!(
        !log.contains("203.0.113.9") && !log.contains("198.51.100.7"),
        "{log}"
    );
}
