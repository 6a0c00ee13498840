//! Keeping the database file safe: consistent backups, restores, integrity checks, and the lock
//! a running server holds on its database.

use super::{DbError, DbResult, connect};
use diesel::connection::SimpleConnection;
use diesel::prelude::*;
use diesel::sql_types::Text;
use diesel_migrations::MigrationHarness;
use std::fs::{File, OpenOptions, TryLockError};
use std::path::{Path, PathBuf};

#[derive(QueryableByName)]
struct CheckRow {
    #[diesel(sql_type = Text)]
    integrity_check: String,
}

/// SQLite's own verdict on the file: `ok`, or what is wrong.
pub fn integrity_check(conn: &mut SqliteConnection) -> DbResult<String> {
    let rows: Vec<CheckRow> = diesel::sql_query("PRAGMA integrity_check").load(conn)?;
    Ok(rows
        .into_iter()
        .map(|r| r.integrity_check)
        .collect::<Vec<_>>()
        .join("; "))
}

/// Merges each search index into one segment, then moves the whole write-ahead log into the
/// database file and empties it. For after a change that rewrote most search documents at once
/// (a migration, a new Markdown renderer): each document rewritten leaves its old entries in
/// the index beside the new, in many segments, every one of which a search reads for each term.
/// On 100,000 statements such an upgrade left a search costing three times the instructions,
/// until this merge (some ten seconds); and the log, 4.8 GB, kept its size on disk until the
/// server stopped.
pub fn compact(conn: &mut SqliteConnection) -> DbResult<()> {
    conn.batch_execute(
        "INSERT INTO search_words (search_words) VALUES ('optimize');
         INSERT INTO search_trigrams (search_trigrams) VALUES ('optimize');
         PRAGMA wal_checkpoint(TRUNCATE);",
    )?;
    Ok(())
}

fn failed(what: impl std::fmt::Display) -> DbError {
    DbError::Connection(what.to_string())
}

/// Writes a consistent copy of the live database to `target` (which must not exist yet). The
/// copy is one read snapshot, so writes going on meanwhile are either wholly in it or not at all.
pub fn backup(conn: &mut SqliteConnection, target: &Path) -> DbResult<()> {
    if target.exists() {
        return Err(failed(format!(
            "{} already exists; choose a new file",
            target.display()
        )));
    }
    let target_text = target
        .to_str()
        .ok_or_else(|| failed("the backup path is not valid UTF-8"))?;
    diesel::sql_query("VACUUM INTO ?")
        .bind::<Text, _>(target_text)
        .execute(conn)?;
    let mut copy = connect(target)?;
    match integrity_check(&mut copy)?.as_str() {
        "ok" => Ok(()),
        problem => Err(failed(format!(
            "the backup failed its integrity check: {problem}"
        ))),
    }
}

/// The lock a serving portal holds on its database, so that a restore cannot replace the file
/// under it. Released when dropped (or when the process ends, however it ends).
pub struct ServerLock {
    _file: File,
}

fn lock_path(database: &Path) -> PathBuf {
    let mut name = database.as_os_str().to_owned();
    name.push(".lock");
    PathBuf::from(name)
}

impl ServerLock {
    pub fn acquire(database: &Path) -> DbResult<Self> {
        // The lock sits beside the database, whose folder a first start makes.
        if let Some(folder) = database.parent().filter(|p| !p.as_os_str().is_empty()) {
            std::fs::create_dir_all(folder).map_err(failed)?;
        }
        let file = OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(lock_path(database))
            .map_err(failed)?;
        match file.try_lock() {
            Ok(()) => Ok(Self { _file: file }),
            Err(TryLockError::WouldBlock) => Err(failed(format!(
                "a portal is already serving {}; stop it first",
                database.display()
            ))),
            Err(TryLockError::Error(error)) => Err(failed(error)),
        }
    }
}

/// Replaces the database at `database` with the backup at `source`, after checking the backup
/// is sound. Refuses while a server holds the database.
pub fn restore(source: &Path, database: &Path) -> DbResult<()> {
    let _lock = ServerLock::acquire(database)?;
    if !source.is_file() {
        return Err(failed(format!(
            "there is no backup at {}",
            source.display()
        )));
    }
    {
        let mut backup = connect(source)?;
        match integrity_check(&mut backup)?.as_str() {
            "ok" => {}
            problem => return Err(failed(format!("the backup is damaged: {problem}"))),
        }
        backup.applied_migrations().map_err(|e| {
            failed(format!(
                "{} is not a portal database: {e}",
                source.display()
            ))
        })?;
    }
    let staging = database.with_extension("restoring");
    std::fs::copy(source, &staging).map_err(failed)?;
    put_in_place(&staging, database)
}

/// Makes the finished database file `staging` the one at `database`, durably, in WAL mode.
/// The caller holds the database's `ServerLock`.
pub(crate) fn put_in_place(staging: &Path, database: &Path) -> DbResult<()> {
    File::open(staging)
        .and_then(|f| f.sync_all())
        .map_err(failed)?;
    // The old file's write-ahead log belongs to the old file: applied to the restored one it
    // would corrupt it.
    for suffix in ["-wal", "-shm"] {
        let mut name = database.as_os_str().to_owned();
        name.push(suffix);
        let path = PathBuf::from(name);
        if path.exists() {
            std::fs::remove_file(&path).map_err(failed)?;
        }
    }
    std::fs::rename(staging, database).map_err(failed)?;
    if let Some(folder) = database.parent().filter(|p| !p.as_os_str().is_empty()) {
        File::open(folder)
            .and_then(|f| f.sync_all())
            .map_err(failed)?;
    }
    let mut restored = connect(database)?;
    restored.batch_execute("PRAGMA journal_mode = WAL;")?;
    Ok(())
}
