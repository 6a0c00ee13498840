//! A look at the header of SQLite's WAL index (the `-shm` file beside the database), which every
//! commit rewrites: its first 48 bytes hold a change counter, the last frame of the log and the
//! log's salts and checksums (<https://www.sqlite.org/walformat.html#the_wal_index_file_format>).
//! While they are the same, no connection, in this process or another, has committed anything,
//! and what was derived from the data is still current.
//!
//! One `pread` of 48 bytes costs a fraction of a read transaction, which takes and releases a
//! read lock on the index with `fcntl` and runs a statement: on a page served from memory it
//! was a quarter of the time. The header is only compared, never trusted for anything else: a
//! header caught half-written by a commit differs from the one before it, and so only sends the
//! reader to the database a moment early.

use std::fs::File;
use std::os::unix::fs::FileExt;
use std::path::{Path, PathBuf};

/// The first copy of the WAL-index header.
pub(crate) type Header = [u8; 48];

/// The WAL index of one database, opened once a connection of this process holds the database
/// open: in WAL mode an open connection keeps a shared lock on the database file, so no other
/// process, closing the last connection it thinks there is, can delete the index and start a
/// new one while this handle reads the old.
pub(crate) struct WalIndex {
    path: PathBuf,
    file: Option<File>,
}

impl WalIndex {
    pub fn of(database: &Path) -> Self {
        let mut path = database.as_os_str().to_owned();
        path.push("-shm");
        Self {
            path: path.into(),
            file: None,
        }
    }

    /// The header as it is now, or `None` when there is no index to read (a database not in
    /// WAL mode), and every check must go to the database.
    pub fn header(&self) -> Option<Header> {
        let mut header = [0; 48];
        self.file.as_ref()?.read_exact_at(&mut header, 0).ok()?;
        Some(header)
    }

    /// Opens the index, if it is not open yet. Call only while a connection of this process
    /// holds the database open.
    pub fn open(&mut self) {
        if self.file.is_none() {
            self.file = File::open(&self.path).ok();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use diesel::connection::SimpleConnection;
    use diesel::{Connection, SqliteConnection};

    #[test]
    fn every_commit_changes_the_header_and_a_read_does_not() {
        let dir = tempfile::tempdir().unwrap();
        let database = dir.path().join("portal.sqlite");
        let url = database.to_str().unwrap();
        let mut reader = SqliteConnection::establish(url).unwrap();
        reader
            .batch_execute("PRAGMA journal_mode = WAL; CREATE TABLE t (x);")
            .unwrap();
        let mut index = WalIndex::of(&database);
        index.open();
        let before = index.header().expect("a WAL database has an index");

        reader.batch_execute("SELECT count(*) FROM t;").unwrap();
        assert_eq!(index.header(), Some(before), "a read changes nothing");

        // A commit by another connection, as another process would make it.
        let mut writer = SqliteConnection::establish(url).unwrap();
        writer.batch_execute("INSERT INTO t VALUES (1);").unwrap();
        let after_first = index.header().unwrap();
        assert_ne!(after_first, before);
        writer.batch_execute("INSERT INTO t VALUES (2);").unwrap();
        assert_ne!(index.header().unwrap(), after_first);
    }

    #[test]
    fn a_database_without_an_index_is_never_taken_for_unchanged() {
        let dir = tempfile::tempdir().unwrap();
        let mut index = WalIndex::of(&dir.path().join("absent.sqlite"));
        index.open();
        assert_eq!(index.header(), None);
    }
}
