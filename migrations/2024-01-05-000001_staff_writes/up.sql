-- What staff writes need: a version on every editable record, so that two people editing the
-- same record cannot overwrite each other silently, and the tokens of forms already handled, so
-- that a form sent twice creates one record.

ALTER TABLE agreements ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE meetings ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE delegations ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE mous ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE organisations ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE people ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE focus_areas ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE statements ADD COLUMN version INTEGER NOT NULL DEFAULT 1;

CREATE TABLE form_submissions (
    token TEXT PRIMARY KEY NOT NULL,
    user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    location TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP
) WITHOUT ROWID;

CREATE INDEX statements_by_update ON statements (updated_at DESC, id DESC);
CREATE INDEX statements_by_author ON statements (author_id, updated_at DESC);
CREATE INDEX statement_revisions_by_statement ON statement_revisions (statement_id, number DESC);
