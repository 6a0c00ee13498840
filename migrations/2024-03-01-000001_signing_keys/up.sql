-- Secrets the portal signs with, each made at random the first time it is needed. Kept in the
-- database so that what was signed stays valid across restarts, and a backup carries them.
CREATE TABLE signing_keys (
    purpose TEXT PRIMARY KEY NOT NULL,
    secret BLOB NOT NULL,
    created_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP
) WITHOUT ROWID;
