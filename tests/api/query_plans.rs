//! Guards for speed at scale: every query a public page makes is served by an index (no scan of
//! a large table without one), and a page makes a fixed number of queries however many rows it
//! shows (no query per row).

use diesel::connection::{Instrumentation, InstrumentationEvent};
use diesel::prelude::*;
use std::sync::{Arc, Mutex};
use sti_portal::db::{self, Database, seed, synthetic};
use sti_portal::domain::forms::Collection;
use sti_portal::domain::{ListFilter, ListQuery, PageNumber, Slug, StatementStatus};

/// Tables small enough that reading them whole is as cheap as any index: a few hundred rows, or
/// a couple of thousand delegations for 100,000 statements.
const SMALL_TABLES: &[&str] = &[
    "countries",
    "focus_areas",
    "agreements",
    "agreement_parties",
    "agreement_areas",
    "delegations",
];

/// A table this database holds fewer rows of than this is read whole as cheaply as by any
/// index, and SQLite rightly does (the synthetic data has no translated statements, say).
const FEW_ROWS: i64 = 100;

fn rows_in(conn: &mut SqliteConnection, table: &str) -> i64 {
    #[derive(QueryableByName)]
    struct Count {
        #[diesel(sql_type = diesel::sql_types::BigInt)]
        rows: i64,
    }
    diesel::sql_query(format!("SELECT count(*) AS rows FROM \"{table}\""))
        .get_result::<Count>(conn)
        .map_or(i64::MAX, |count| count.rows)
}

struct Recorder(Arc<Mutex<Vec<String>>>);

impl Instrumentation for Recorder {
    fn on_connection_event(&mut self, event: InstrumentationEvent<'_>) {
        if let InstrumentationEvent::StartQuery { query, .. } = event {
            let text = query.to_string();
            let sql = text
                .split(" -- binds:")
                .next()
                .unwrap_or("")
                .trim()
                .to_owned();
            self.0.lock().unwrap().push(sql);
        }
    }
}

pub async fn large_database(dir: &tempfile::TempDir, statements: usize) -> std::path::PathBuf {
    let path = dir.path().join("large.sqlite");
    let database = Database::open(&path).unwrap();
    database.write(seed::seed_demo_if_empty).await.unwrap();
    database
        .write(move |conn| {
            synthetic::generate(
                conn,
                synthetic::Sizes::for_statements(statements),
                |_, _| {},
            )
        })
        .await
        .unwrap();
    path
}

fn recording(path: &std::path::Path) -> (SqliteConnection, Arc<Mutex<Vec<String>>>) {
    let mut conn = SqliteConnection::establish(path.to_str().unwrap()).unwrap();
    let log = Arc::new(Mutex::new(Vec::new()));
    conn.set_instrumentation(Recorder(log.clone()));
    (conn, log)
}

fn filter(query: &str) -> ListFilter {
    ListFilter::try_from(
        actix_web::web::Query::<ListQuery>::from_query(query)
            .unwrap()
            .into_inner(),
    )
    .unwrap()
}

/// Every public read a page makes, for one record of each kind and every list with and without
/// filters.
fn read_everything(conn: &mut SqliteConnection) {
    let slug = |s: &str| Slug::parse(s).unwrap();
    for query in [
        "",
        "page=30",
        "area=space-technology",
        "year=2020",
        "organisation=synthetic-organisation-3",
        "country=CN&status=in_force",
    ] {
        let f = filter(query);
        db::mous::list(conn, &f).unwrap();
        db::statements::list(conn, &f).unwrap();
        db::meetings::list(conn, &f).unwrap();
        db::delegations::list(conn, &f).unwrap();
        db::organisations::list(conn, &f).unwrap();
        db::people::list(conn, &f).unwrap();
        db::agreements::list(conn, &f).unwrap();
        db::history::timeline(conn, &f).unwrap();
    }
    db::mous::detail(conn, &slug("synthetic-mou-5"))
        .unwrap()
        .unwrap();
    db::statements::detail(conn, &slug("synthetic-statement-5"))
        .unwrap()
        .unwrap();
    db::meetings::detail(conn, &slug("synthetic-meeting-1"))
        .unwrap()
        .unwrap();
    db::delegations::detail(conn, &slug("synthetic-delegation-1"))
        .unwrap()
        .unwrap();
    db::organisations::detail(conn, &slug("synthetic-organisation-5"))
        .unwrap()
        .unwrap();
    db::people::detail(conn, &slug("synthetic-person-5"))
        .unwrap()
        .unwrap();
    db::agreements::detail(conn, &slug("sti-cooperation-agreement-2013"))
        .unwrap()
        .unwrap();
    db::areas::detail(conn, &slug("space-technology"))
        .unwrap()
        .unwrap();
    db::home::gather(conn, chrono::Utc::now().date_naive()).unwrap();
    db::history::statistics(conn).unwrap();
    let outline = db::machine::sitemap_outline(conn).unwrap();
    for size in &outline.sections {
        let middle = size.highest_id / 2;
        db::machine::sitemap_pages(conn, size.section, middle..middle + 1000).unwrap();
    }
    // Not a page, but every start-up asks it of the whole collection of statements.
    db::statements::rerender_outdated(conn).unwrap();
}

#[derive(QueryableByName)]
struct PlanRow {
    #[diesel(sql_type = diesel::sql_types::Text)]
    detail: String,
}

/// What is wrong with the plans of `queries` on the database at `path`: each scan of a large
/// table without an index, and, if `in_order`, each sort of one that no index spares.
fn plan_problems(path: &std::path::Path, queries: &[String], in_order: bool) -> Vec<String> {
    let mut plain = SqliteConnection::establish(path.to_str().unwrap()).unwrap();
    let mut problems = Vec::new();
    // A query with an empty `IN ()` list (diesel writes `1=0`) reads nothing at all.
    for sql in queries
        .iter()
        .filter(|q| q.starts_with("SELECT") && !q.contains("(1=0)"))
    {
        let plan: Vec<PlanRow> = diesel::sql_query(format!("EXPLAIN QUERY PLAN {sql}"))
            .load(&mut plain)
            .unwrap();
        let mut tables = Vec::new();
        for step in plan {
            let table = step.detail.split_whitespace().nth(1).unwrap_or("");
            // `json_each` is the list of ids a query is given (`db::by_ids!`), not a stored table.
            let large = !SMALL_TABLES.contains(&table)
                && table != "json_each"
                && rows_in(&mut plain, table) >= FEW_ROWS;
            if step.detail.starts_with("SCAN ") || step.detail.starts_with("SEARCH ") {
                tables.push((table.to_owned(), large));
            }
            // Walking an index in order (`SCAN t USING INDEX`) stops after the page; reading a
            // table without one does not.
            let unindexed_scan =
                step.detail.starts_with("SCAN ") && !step.detail.contains(" USING ");
            let sorted = step.detail.contains("TEMP B-TREE FOR ORDER BY")
                && tables.iter().any(|(_, large)| *large);
            if (unindexed_scan && large) || (in_order && sorted) {
                problems.push(format!("{}\n    in {sql}", step.detail));
            }
        }
    }
    problems
}

#[actix_web::test]
async fn every_public_query_is_served_by_an_index() {
    let dir = tempfile::tempdir().unwrap();
    let path = large_database(&dir, 3_000).await;
    let (mut conn, log) = recording(&path);

    read_everything(&mut conn);

    let queries: Vec<String> = log.lock().unwrap().drain(..).collect();
    let problems = plan_problems(&path, &queries, false);
    assert!(
        problems.is_empty(),
        "queries not served by an index:\n{}",
        problems.join("\n")
    );
}

#[actix_web::test]
async fn staff_lists_are_read_in_order_by_an_index() {
    let dir = tempfile::tempdir().unwrap();
    let path = large_database(&dir, 3_000).await;
    let (mut conn, log) = recording(&path);

    for status in [None]
        .into_iter()
        .chain(StatementStatus::ALL.iter().copied().map(Some))
    {
        for page in ["", "page=3"] {
            db::editorial::list(&mut conn, None, status, &filter(page)).unwrap();
            db::editorial::list(&mut conn, Some(1), status, &filter(page)).unwrap();
        }
    }
    for collection in Collection::ALL {
        for search in [None, Some("space")] {
            let page = PageNumber::parse("3").unwrap();
            db::records::staff_list(&mut conn, collection, search, page).unwrap();
        }
    }

    let queries: Vec<String> = log.lock().unwrap().drain(..).collect();
    let problems = plan_problems(&path, &queries, true);
    assert!(
        problems.is_empty(),
        "staff lists not read in order by an index:\n{}",
        problems.join("\n")
    );
}

#[actix_web::test]
async fn a_list_makes_the_same_number_of_queries_for_one_row_as_for_twenty() {
    let dir = tempfile::tempdir().unwrap();
    let path = large_database(&dir, 500).await;
    let (mut conn, log) = recording(&path);
    let count = |conn: &mut SqliteConnection, run: &dyn Fn(&mut SqliteConnection)| {
        log.lock().unwrap().clear();
        run(conn);
        log.lock().unwrap().len()
    };

    for (name, run_full, run_one) in [
        (
            "mous",
            Box::new(|c: &mut SqliteConnection| {
                db::mous::list(c, &filter("")).unwrap();
            }) as Box<dyn Fn(&mut SqliteConnection)>,
            Box::new(|c: &mut SqliteConnection| {
                db::mous::list(c, &filter("organisation=mimos")).unwrap();
            }) as Box<dyn Fn(&mut SqliteConnection)>,
        ),
        (
            "delegations",
            Box::new(|c: &mut SqliteConnection| {
                db::delegations::list(c, &filter("")).unwrap();
            }),
            Box::new(|c: &mut SqliteConnection| {
                db::delegations::list(c, &filter("organisation=cetc")).unwrap();
            }),
        ),
        (
            "people",
            Box::new(|c: &mut SqliteConnection| {
                db::people::list(c, &filter("")).unwrap();
            }),
            Box::new(|c: &mut SqliteConnection| {
                db::people::list(c, &filter("organisation=mosti")).unwrap();
            }),
        ),
        (
            "organisations",
            Box::new(|c: &mut SqliteConnection| {
                db::organisations::list(c, &filter("")).unwrap();
            }),
            Box::new(|c: &mut SqliteConnection| {
                db::organisations::list(c, &filter("kind=ministry")).unwrap();
            }),
        ),
    ] {
        let twenty = count(&mut conn, &*run_full);
        let few = count(&mut conn, &*run_one);
        assert_eq!(
            twenty, few,
            "{name}: {twenty} queries for a full page, {few} for a short one"
        );
        assert!(twenty <= 6, "{name} makes {twenty} queries");
    }
}

#[actix_web::test]
async fn a_timeline_page_reads_each_kind_of_event_in_one_query() {
    let dir = tempfile::tempdir().unwrap();
    let path = large_database(&dir, 500).await;
    let (mut conn, log) = recording(&path);

    for query in ["", "page=7", "year=2020", "area=space-technology"] {
        log.lock().unwrap().clear();
        let shown = db::history::timeline(&mut conn, &filter(query))
            .unwrap()
            .page
            .items
            .len();
        let queries = log.lock().unwrap().len();
        assert!(shown > 0, "{query}");
        // Its order: the agreements and their dated events, then meetings, visits, MoUs and
        // statements. Its page: each kind of event by id, agreements' names and statements'
        // translations.
        assert!(queries <= 6 + 7, "{query}: {queries} queries for 50 events");
    }
}

#[actix_web::test]
async fn a_deep_page_is_read_like_the_first_without_skipping_rows() {
    let dir = tempfile::tempdir().unwrap();
    let path = large_database(&dir, 1_000).await;
    let (mut conn, log) = recording(&path);
    type List = fn(&mut SqliteConnection, &ListFilter) -> i64;
    let lists: [(&str, List); 3] = [
        ("statements", |c, f| {
            db::statements::list(c, f).unwrap().total
        }),
        ("mous", |c, f| db::mous::list(c, f).unwrap().total),
        ("organisations", |c, f| {
            db::organisations::list(c, f).unwrap().total
        }),
    ];

    for filters in ["", "area=space-technology&"] {
        for (name, list) in lists {
            let mut read = |page: i64| {
                log.lock().unwrap().clear();
                let total = list(&mut conn, &filter(&format!("{filters}page={page}")));
                (total, log.lock().unwrap().drain(..).collect::<Vec<_>>())
            };
            let (total, first) = read(1);
            // The deepest page that still shows records: past it, a page reads nothing.
            let deepest = (total + 19) / 20;
            let (_, deep) = read(deepest);

            assert!(
                deepest >= 2,
                "{name} {filters}: {total} records fill one page"
            );
            assert_eq!(first.len(), deep.len(), "{name} {filters} page {deepest}");
            let skipping: Vec<_> = deep.iter().filter(|q| q.contains("OFFSET")).collect();
            assert!(skipping.is_empty(), "a deep page skips rows: {skipping:?}");
        }
    }
}
