//! Everything that touches SQL. Reads run inline on the worker's own connection; writes go
//! through a small pool on the blocking threads, one `BEGIN IMMEDIATE` transaction each, and so
//! do the few reads too long to make a worker's other requests wait for (`Database::read_long`).

pub mod agreements;
pub mod areas;
pub mod delegations;
pub mod documents;
pub mod editorial;
pub mod history;
pub mod home;
pub(crate) mod kept;
pub mod machine;
pub mod maintenance;
pub mod meetings;
pub mod mous;
pub mod organisations;
pub mod people;
pub mod records;
pub mod reference;
pub mod schema;
pub mod search;
pub mod seed;
pub mod staff;
mod stamp;
pub mod statements;
pub mod synthetic;
mod wal_index;

use diesel::connection::SimpleConnection;
use diesel::prelude::*;
use diesel::r2d2::{ConnectionManager, CustomizeConnection, Pool};
use diesel_migrations::{EmbeddedMigrations, MigrationHarness, embed_migrations};
use std::cell::{Cell, RefCell};
use std::path::{Path, PathBuf};
use std::rc::Rc;
use std::sync::Arc;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

pub const MIGRATIONS: EmbeddedMigrations = embed_migrations!("migrations");

/// How long a connection waits for another writer before giving up.
const BUSY_TIMEOUT_MS: u32 = 5_000;
const WRITE_POOL_SIZE: u32 = 4;
/// How many long reads run at once: each holds all it read (a sitemap of 50,000 addresses, some
/// 6 MB) in memory until it is sent.
const LONG_READS_AT_ONCE: usize = 1;

#[derive(Debug, thiserror::Error)]
pub enum DbError {
    #[error("the record was not found")]
    NotFound,
    #[error(transparent)]
    Query(#[from] diesel::result::Error),
    #[error("could not open the database: {0}")]
    Connection(String),
    #[error("could not apply the migrations: {0}")]
    Migration(String),
    #[error("the work was interrupted: {0}")]
    Interrupted(String),
    /// More work of a long kind (ranking searches) is waiting than may wait: try again shortly.
    #[error("too busy to take more work of this kind")]
    Busy,
    #[error("the name is already taken")]
    Taken,
    #[error("no record at {0}")]
    UnknownRecord(String),
    /// The form names records that do not exist, or asks for what the records forbid; the
    /// transaction is rolled back and the form shown again with these messages.
    #[error("the form was refused: {0:?}")]
    Invalid(crate::domain::forms::FormErrors),
}

pub type DbResult<T> = Result<T, DbError>;

/// Turns "no row" into `None`, for lookups by slug.
pub(crate) trait OptionalRow<T> {
    fn found(self) -> DbResult<Option<T>>;
}

impl<T> OptionalRow<T> for QueryResult<T> {
    fn found(self) -> DbResult<Option<T>> {
        Ok(self.optional()?)
    }
}

/// PRAGMAs every connection needs; `busy_timeout` first, so that the others wait for a writer
/// rather than fail. Writers sync the WAL on every commit (`FULL`): staff writes are few, and an
/// acknowledged one must survive a power cut as well as a killed process.
fn configure(conn: &mut SqliteConnection, read_only: bool) -> QueryResult<()> {
    let synchronous = if read_only { "NORMAL" } else { "FULL" };
    conn.batch_execute(&format!(
        "PRAGMA busy_timeout = {BUSY_TIMEOUT_MS};
         PRAGMA foreign_keys = ON;
         PRAGMA synchronous = {synchronous};
         PRAGMA query_only = {};",
        i32::from(read_only)
    ))
}

fn connect(path: &Path) -> DbResult<SqliteConnection> {
    let url = path.to_str().ok_or_else(|| {
        DbError::Connection(format!("the path {} is not valid UTF-8", path.display()))
    })?;
    SqliteConnection::establish(url).map_err(|e| DbError::Connection(e.to_string()))
}

#[derive(Debug)]
struct WriteCustomizer;

impl CustomizeConnection<SqliteConnection, diesel::r2d2::Error> for WriteCustomizer {
    fn on_acquire(&self, conn: &mut SqliteConnection) -> Result<(), diesel::r2d2::Error> {
        configure(conn, false).map_err(diesel::r2d2::Error::QueryError)
    }
}

/// The database of one portal: its file and the pool that writes to it.
#[derive(Clone)]
pub struct Database {
    path: PathBuf,
    writers: Pool<ConnectionManager<SqliteConnection>>,
    long_reads: Arc<tokio::sync::Semaphore>,
    migrated: bool,
}

impl Database {
    /// Opens (creating if needed) the database file, switches it to WAL and applies every
    /// pending migration.
    pub fn open(path: &Path) -> DbResult<Self> {
        if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
            std::fs::create_dir_all(parent).map_err(|e| DbError::Connection(e.to_string()))?;
        }
        let mut conn = connect(path)?;
        // WAL is a property of the file: set once, before any pooled connection opens it.
        conn.batch_execute(&format!(
            "PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}; PRAGMA journal_mode = WAL;"
        ))?;
        configure(&mut conn, false)?;
        let pending = conn
            .pending_migrations(MIGRATIONS)
            .map_err(|e| DbError::Migration(e.to_string()))?;
        if !pending.is_empty() {
            // A migration that rebuilds an index of every record takes minutes on a large
            // database, during which nothing else is said.
            tracing::info!(
                pending = pending.len(),
                "migrating the database; on a large one this can take some minutes"
            );
        }
        for version in conn
            .run_pending_migrations(MIGRATIONS)
            .map_err(|e| DbError::Migration(e.to_string()))?
        {
            tracing::info!(%version, "applied migration");
        }
        let migrated = !pending.is_empty();
        let url = path.to_string_lossy().into_owned();
        let writers = Pool::builder()
            .max_size(WRITE_POOL_SIZE)
            .min_idle(Some(0))
            .connection_timeout(Duration::from_secs(30))
            .connection_customizer(Box::new(WriteCustomizer))
            .build(ConnectionManager::<SqliteConnection>::new(url))
            .map_err(|e| DbError::Connection(e.to_string()))?;
        Ok(Self {
            path: path.to_owned(),
            writers,
            long_reads: Arc::new(tokio::sync::Semaphore::new(LONG_READS_AT_ONCE)),
            migrated,
        })
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Whether opening the database applied a migration, which may have rewritten every search
    /// document (see `maintenance::compact`).
    pub fn migrated(&self) -> bool {
        self.migrated
    }

    /// A connection outside the pool, for maintenance work that is not one transaction.
    pub fn connection(&self) -> DbResult<SqliteConnection> {
        let mut conn = connect(&self.path)?;
        configure(&mut conn, false)?;
        Ok(conn)
    }

    /// Runs `work` in one `BEGIN IMMEDIATE` transaction on a blocking thread; the result comes
    /// back only after the commit.
    pub async fn write<T, F>(&self, work: F) -> DbResult<T>
    where
        F: FnOnce(&mut SqliteConnection) -> DbResult<T> + Send + 'static,
        T: Send + 'static,
    {
        let writers = self.writers.clone();
        actix_web::web::block(move || {
            let mut conn = writers
                .get()
                .map_err(|e| DbError::Connection(e.to_string()))?;
            conn.immediate_transaction(work)
        })
        .await
        .map_err(|e| DbError::Interrupted(e.to_string()))?
    }

    /// Runs `work` in one read transaction on a blocking thread, with that thread's own
    /// read-only connection: for a read long enough (a sitemap of 50,000 addresses takes 0.1 s,
    /// and a second or more while its rows are not yet in memory) that every other request of
    /// the worker it ran on would wait for it. One runs at a time; the rest wait their turn
    /// without holding a thread.
    pub async fn read_long<T, E, F>(&self, work: F) -> Result<T, E>
    where
        F: FnOnce(&mut SqliteConnection) -> Result<T, E> + Send + 'static,
        T: Send + 'static,
        E: From<DbError> + Send + 'static,
    {
        let _turn = self
            .long_reads
            .acquire()
            .await
            .map_err(|e| DbError::Interrupted(e.to_string()))?;
        let path = self.path.clone();
        actix_web::web::block(move || {
            // The thread's connection is taken while in use and put back after a clean commit:
            // work that panics, or a read that fails to end, leaves none behind in a transaction.
            // A thread of the pool may have read another portal's file (tests run many in one
            // process).
            let mut slot = LONG_READER
                .take()
                .filter(|(read, _)| *read == path)
                .map(|(_, conn)| conn);
            let conn = open_for_reading(&mut slot, &path)?;
            Begin.execute(conn).map_err(DbError::from)?;
            let result = work(conn);
            Commit.execute(conn).map_err(DbError::from)?;
            LONG_READER.set(slot.map(|conn| (path, conn)));
            result
        })
        .await
        .map_err(|e| DbError::Interrupted(e.to_string()))?
    }

    /// A read connection for one worker thread, opened on first use.
    pub fn reader(&self) -> Reader {
        Reader {
            path: self.path.clone(),
            conn: RefCell::new(None),
            kept: Rc::default(),
            generation: Cell::new(None),
            wal_index: RefCell::new(wal_index::WalIndex::of(&self.path)),
            checked: Cell::new(None),
            content: Cell::new(None),
        }
    }
}

impl From<diesel::r2d2::PoolError> for DbError {
    fn from(error: diesel::r2d2::PoolError) -> Self {
        DbError::Connection(error.to_string())
    }
}

thread_local! {
    /// The file a blocking thread last made a long read of, and its read-only connection to it.
    static LONG_READER: RefCell<Option<(PathBuf, SqliteConnection)>> = RefCell::default();
}

/// The read-only connection in `slot`, opened on first use.
fn open_for_reading<'a>(
    slot: &'a mut Option<SqliteConnection>,
    path: &Path,
) -> DbResult<&'a mut SqliteConnection> {
    match slot {
        Some(conn) => Ok(conn),
        empty => {
            let mut conn = connect(path)?;
            configure(&mut conn, true)?;
            Ok(empty.insert(conn))
        }
    }
}

/// One worker's own read-only connection. Reads are short and indexed, so running them inline is
/// cheaper than a hop to the blocking pool.
pub struct Reader {
    path: PathBuf,
    conn: RefCell<Option<SqliteConnection>>,
    /// What the lists read from whole collections, for the current write generation.
    kept: Rc<kept::Store>,
    /// The write generation the last read saw.
    generation: Cell<Option<Generation>>,
    wal_index: RefCell<wal_index::WalIndex>,
    /// The content version the last check found, and the WAL-index header read before it.
    checked: Cell<Option<(wal_index::Header, i64)>>,
    /// The last `data_version` read, and the content version it went with.
    content: Cell<Option<(i64, i64)>>,
}

/// The data as one read saw it: the version of its public content, and since when this worker
/// has seen the content so.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Generation {
    /// The content version (see `Reader::content_version`).
    pub version: i64,
    /// When this worker first saw this version: after the write that made it, since its
    /// snapshot held that write.
    pub seen_since: SystemTime,
    /// When the read began, before its snapshot: a write it did not see came later.
    pub read_at: SystemTime,
}

/// What a page made from data first seen at `seen_since` may give as its `Last-Modified` (to a
/// second), when the read that found the data current began at `read_at`: `seen_since`, once it
/// lies in an earlier second than `read_at`. A write that read did not see came after
/// `read_at`, so the pages it changes carry a later second, and a client holding this one is
/// never told that a changed page is unchanged. In the second of a change pages go without one
/// (their `ETag` still says exactly what they hold). Pages also change with the date, without a
/// write (the home page's visits to come, the years a filter offers), so no page is older than
/// the start of the day (UTC) it is read on.
pub fn last_modified(seen_since: SystemTime, read_at: SystemTime) -> Option<SystemTime> {
    let read = seconds_since_epoch(read_at);
    let seen = seconds_since_epoch(seen_since).max(day_of(read_at) * SECONDS_A_DAY);
    (seen < read).then(|| UNIX_EPOCH + Duration::from_secs(seen))
}

const SECONDS_A_DAY: u64 = 24 * 60 * 60;

fn seconds_since_epoch(time: SystemTime) -> u64 {
    time.duration_since(UNIX_EPOCH)
        .map_or(0, |since| since.as_secs())
}

/// The day (UTC) `time` falls on, counted from 1 January 1970: what a page made from the data
/// may depend on besides the data.
pub fn day_of(time: SystemTime) -> u64 {
    seconds_since_epoch(time) / SECONDS_A_DAY
}

/// The rows of `$table` whose `$column` is one of `$ids` (a slice of ids), found by walking the
/// ids and looking each one up. The ids are bound as one JSON array (`json_each`), so that every
/// list of ids is the same statement, kept prepared, where `eq_any` would write one bound value
/// per id, a statement of a new shape that SQLite parses and plans again at every page; joined
/// rather than tested with `IN`, which would first copy them into a temporary b-tree.
macro_rules! by_ids {
    ($table:expr, $column:expr, $ids:expr) => {
        $crate::db::schema::json_each::table
            .filter($crate::db::schema::json_each::json.eq($crate::db::ids_json($ids)))
            .inner_join($table.on($column.eq($crate::db::schema::json_each::value)))
    };
}
pub(crate) use by_ids;

/// `ids` as the JSON array `by_ids` binds.
pub(crate) fn ids_json(ids: &[i32]) -> String {
    serde_json::to_string(ids).unwrap_or_else(|_| "[]".into())
}

/// `rows`, each with the id it was read by, in the order of `ids`. A list reads its page's rows by
/// id and puts them in its order here, for a fraction of what SQLite takes to sort them (it
/// copies every row through a temporary b-tree).
pub(crate) fn in_order<T>(ids: &[i32], rows: impl IntoIterator<Item = (i32, T)>) -> Vec<T> {
    let mut slots: Vec<Option<T>> = std::iter::repeat_with(|| None).take(ids.len()).collect();
    for (id, row) in rows {
        if let Some(slot) = ids.iter().position(|wanted| *wanted == id) {
            slots[slot] = Some(row);
        }
    }
    slots.into_iter().flatten().collect()
}

/// A query written out in SQL (`diesel::sql_query`), kept prepared like the ones diesel builds.
/// Diesel prepares written-out SQL again at every run, since it cannot know that the text is the
/// code's own; a search page's queries are, built from fixed parts with every value bound, and
/// parsing and planning them again cost a search as much as reading its page of hits.
pub(crate) struct Prepared<Q>(pub Q);

impl<Q> diesel::query_builder::QueryId for Prepared<Q> {
    type QueryId = ();
    // Keyed by its text, which the code fixes, not by a type.
    const HAS_STATIC_QUERY_ID: bool = false;
}

impl<Q: diesel::query_builder::QueryFragment<diesel::sqlite::Sqlite>>
    diesel::query_builder::QueryFragment<diesel::sqlite::Sqlite> for Prepared<Q>
{
    fn walk_ast<'b>(
        &'b self,
        pass: diesel::query_builder::AstPass<'_, 'b, diesel::sqlite::Sqlite>,
    ) -> QueryResult<()> {
        self.0.walk_ast(pass)
    }

    fn is_safe_to_cache_prepared(&self, _: &diesel::sqlite::Sqlite) -> QueryResult<bool> {
        Ok(true)
    }
}

impl<Q: diesel::query_builder::Query> diesel::query_builder::Query for Prepared<Q> {
    type SqlType = Q::SqlType;
}

impl<Q> RunQueryDsl<SqliteConnection> for Prepared<Q> {}

/// Statements of fixed text that diesel keeps prepared, unlike the text it sends to begin and end
/// its own transactions, which SQLite parses again at every page. One that names an SQL type
/// answers one value of it.
macro_rules! prepared_statements {
    ($($name:ident $(-> $sql_type:ty)? => $sql:literal),* $(,)?) => {$(
        #[derive(Debug, Clone, Copy, diesel::query_builder::QueryId)]
        struct $name;

        impl diesel::query_builder::QueryFragment<diesel::sqlite::Sqlite> for $name {
            fn walk_ast<'b>(
                &'b self,
                mut out: diesel::query_builder::AstPass<'_, 'b, diesel::sqlite::Sqlite>,
            ) -> QueryResult<()> {
                out.push_sql($sql);
                Ok(())
            }
        }

        $(impl diesel::query_builder::Query for $name {
            type SqlType = $sql_type;
        })?

        impl RunQueryDsl<SqliteConnection> for $name {}
    )*};
}

// `data_version` as a pragma statement: prepared once, it reads the number straight from the
// pager. (The `pragma_data_version` table-valued function prepares a statement of its own at
// every query, which cost a cached page a quarter of its time.)
prepared_statements!(
    Begin => "BEGIN",
    Commit => "COMMIT",
    DataVersion -> diesel::sql_types::BigInt => "PRAGMA data_version",
    ContentVersion -> diesel::sql_types::BigInt => "SELECT version FROM content_generation",
);

impl Reader {
    /// A number that changes whenever any connection, in this process or another, has committed
    /// a change to what the public can see (the `content_generation` the migrations' triggers
    /// count): what anything derived from the data (a rendered page, a kept list order) must
    /// match to still be current. The staff's own writes (sessions, the audit trail) leave it
    /// as it is. While the WAL index says nothing was committed since the last look, that
    /// look's answer stands.
    pub fn content_version(&self) -> DbResult<i64> {
        let read_at = SystemTime::now();
        let header = self.wal_index.borrow().header();
        if let (Some(now), Some((then, version))) = (header, self.checked.get())
            && now == then
        {
            self.saw(version, read_at);
            return Ok(version);
        }
        let version = self.with_connection(|conn| self.content_version_in(conn))?;
        // Read before the version, the header changes with any commit the version missed.
        self.checked.set(header.map(|header| (header, version)));
        // The connection now holds the database open, which keeps its index in place.
        self.wal_index.borrow_mut().open();
        self.saw(version, read_at);
        Ok(version)
    }

    /// The generation the last read on this worker saw.
    pub fn generation(&self) -> Option<Generation> {
        self.generation.get()
    }

    fn saw(&self, version: i64, read_at: SystemTime) {
        let seen_since = match self.generation.get() {
            Some(known) if known.version == version => known.seen_since,
            _ => SystemTime::now(),
        };
        self.generation.set(Some(Generation {
            version,
            seen_since,
            read_at,
        }));
    }

    pub fn read<T>(&self, work: impl FnOnce(&mut SqliteConnection) -> DbResult<T>) -> DbResult<T> {
        let read_at = SystemTime::now();
        self.with_connection(|conn| {
            // A snapshot for the whole page, so that its parts agree with each other. Its first
            // read is the version, which so names exactly the snapshot that what is kept under
            // it was read from (and costs no read transaction of its own). A read has nothing to
            // undo, so it ends with COMMIT whatever `work` returned.
            Begin.execute(conn)?;
            let result = self.content_version_in(conn).and_then(|version| {
                self.saw(version, read_at);
                let _kept = kept::enter(&self.kept, version);
                work(conn)
            });
            Commit.execute(conn)?;
            result
        })
    }

    /// The content version `conn` sees. SQLite's `data_version` changes with every commit any
    /// other connection makes, and costs nothing to read; only when it has changed is the
    /// content version read again.
    fn content_version_in(&self, conn: &mut SqliteConnection) -> DbResult<i64> {
        let data_version = DataVersion.get_result(conn)?;
        if let Some((known, content)) = self.content.get()
            && known == data_version
        {
            return Ok(content);
        }
        let content = ContentVersion.get_result(conn)?;
        self.content.set(Some((data_version, content)));
        Ok(content)
    }

    fn with_connection<T>(
        &self,
        work: impl FnOnce(&mut SqliteConnection) -> DbResult<T>,
    ) -> DbResult<T> {
        let mut slot = self
            .conn
            .try_borrow_mut()
            .map_err(|_| DbError::Connection("the read connection is already in use".into()))?;
        work(open_for_reading(&mut slot, &self.path)?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(seconds: f64) -> SystemTime {
        UNIX_EPOCH + Duration::from_secs_f64(seconds)
    }

    #[test]
    fn data_seen_in_an_earlier_second_than_the_read_gives_that_second() {
        assert_eq!(
            last_modified(at(1_000.7), at(1_001.2)),
            Some(UNIX_EPOCH + Duration::from_secs(1_000))
        );
    }

    #[test]
    fn data_seen_in_the_second_of_the_read_gives_no_time() {
        // A write later in second 1000 would give its pages the same second.
        assert_eq!(last_modified(at(1_000.1), at(1_000.9)), None);
    }

    #[test]
    fn data_seen_before_the_day_of_the_read_gives_the_start_of_that_day() {
        let day = 86_400.0;
        assert_eq!(
            last_modified(at(3.0 * day - 5.0), at(4.0 * day + 10.0)),
            Some(UNIX_EPOCH + Duration::from_secs(4 * 86_400))
        );
        assert_eq!(
            last_modified(at(3.0 * day - 5.0), at(4.0 * day + 0.5)),
            None
        );
        assert_eq!(day_of(at(4.0 * day - 0.5)), 3);
        assert_eq!(day_of(at(4.0 * day)), 4);
    }
}
