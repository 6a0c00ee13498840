-- Staff accounts, their server-side sessions, and the audit trail of every staff write.

CREATE TABLE users (
    id INTEGER PRIMARY KEY NOT NULL,
    username TEXT NOT NULL UNIQUE,
    display_name TEXT NOT NULL,
    password_hash TEXT NOT NULL,
    role TEXT NOT NULL CHECK (role IN ('writer', 'editor', 'admin')),
    disabled BOOLEAN NOT NULL DEFAULT 0,
    created_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,
    updated_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- The cookie carries a random token; only its hash is stored, so a copy of the database does not
-- let anyone take over a session.
CREATE TABLE sessions (
    id INTEGER PRIMARY KEY NOT NULL,
    token_hash TEXT NOT NULL UNIQUE,
    user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    csrf_token TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,
    last_seen_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,
    expires_at TIMESTAMP NOT NULL
);
CREATE INDEX sessions_by_user ON sessions (user_id);
CREATE INDEX sessions_by_expiry ON sessions (expires_at);

CREATE TABLE audit_events (
    id INTEGER PRIMARY KEY NOT NULL,
    user_id INTEGER REFERENCES users (id),
    occurred_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,
    action TEXT NOT NULL,
    entity TEXT NOT NULL,
    entity_id INTEGER,
    summary TEXT NOT NULL DEFAULT ''
);
CREATE INDEX audit_events_by_time ON audit_events (occurred_at DESC, id DESC);
CREATE INDEX audit_events_by_entity ON audit_events (entity, entity_id, occurred_at DESC);
CREATE INDEX audit_events_by_user ON audit_events (user_id, occurred_at DESC);
