-- Press statements, every saved revision of them, and the records each one is about.
-- The HTML of a body is rendered once when it is saved, with the version of the renderer that
-- made it, so that reading a page never parses Markdown.

CREATE TABLE statements (
    id INTEGER PRIMARY KEY NOT NULL,
    slug TEXT NOT NULL UNIQUE,
    title TEXT NOT NULL,
    summary TEXT NOT NULL DEFAULT '',
    dateline TEXT,
    body_markdown TEXT NOT NULL,
    body_html TEXT NOT NULL,
    renderer_version INTEGER NOT NULL,
    language TEXT NOT NULL CHECK (language IN ('en', 'ms', 'zh')),
    status TEXT NOT NULL CHECK (status IN ('draft', 'submitted', 'scheduled', 'published', 'withdrawn')),
    publish_at TIMESTAMP,
    published_at TIMESTAMP,
    withdrawn_reason TEXT,
    author_id INTEGER REFERENCES users (id),
    created_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,
    updated_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CHECK (status NOT IN ('published', 'withdrawn') OR published_at IS NOT NULL),
    CHECK (status <> 'scheduled' OR publish_at IS NOT NULL),
    CHECK (status <> 'withdrawn' OR withdrawn_reason IS NOT NULL)
);
CREATE INDEX statements_by_status ON statements (status, published_at DESC, id DESC);
CREATE INDEX statements_by_schedule ON statements (publish_at) WHERE status = 'scheduled';

CREATE TABLE statement_revisions (
    id INTEGER PRIMARY KEY NOT NULL,
    statement_id INTEGER NOT NULL REFERENCES statements (id) ON DELETE CASCADE,
    number INTEGER NOT NULL CHECK (number > 0),
    title TEXT NOT NULL,
    summary TEXT NOT NULL DEFAULT '',
    body_markdown TEXT NOT NULL,
    body_html TEXT NOT NULL,
    renderer_version INTEGER NOT NULL,
    change_note TEXT NOT NULL DEFAULT '',
    published_at TIMESTAMP,
    author_id INTEGER REFERENCES users (id),
    created_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,
    UNIQUE (statement_id, number)
);

-- What a statement is about: exactly one record per row.
CREATE TABLE statement_subjects (
    id INTEGER PRIMARY KEY NOT NULL,
    statement_id INTEGER NOT NULL REFERENCES statements (id) ON DELETE CASCADE,
    agreement_id INTEGER REFERENCES agreements (id) ON DELETE CASCADE,
    meeting_id INTEGER REFERENCES meetings (id) ON DELETE CASCADE,
    delegation_id INTEGER REFERENCES delegations (id) ON DELETE CASCADE,
    mou_id INTEGER REFERENCES mous (id) ON DELETE CASCADE,
    organisation_id INTEGER REFERENCES organisations (id) ON DELETE CASCADE,
    person_id INTEGER REFERENCES people (id) ON DELETE CASCADE,
    area_id INTEGER REFERENCES focus_areas (id) ON DELETE CASCADE,
    CHECK ((agreement_id IS NOT NULL) + (meeting_id IS NOT NULL) + (delegation_id IS NOT NULL)
         + (mou_id IS NOT NULL) + (organisation_id IS NOT NULL) + (person_id IS NOT NULL)
         + (area_id IS NOT NULL) = 1)
);
CREATE INDEX statement_subjects_by_statement ON statement_subjects (statement_id);
CREATE INDEX statement_subjects_by_agreement ON statement_subjects (agreement_id, statement_id) WHERE agreement_id IS NOT NULL;
CREATE INDEX statement_subjects_by_meeting ON statement_subjects (meeting_id, statement_id) WHERE meeting_id IS NOT NULL;
CREATE INDEX statement_subjects_by_delegation ON statement_subjects (delegation_id, statement_id) WHERE delegation_id IS NOT NULL;
CREATE INDEX statement_subjects_by_mou ON statement_subjects (mou_id, statement_id) WHERE mou_id IS NOT NULL;
CREATE INDEX statement_subjects_by_organisation ON statement_subjects (organisation_id, statement_id) WHERE organisation_id IS NOT NULL;
CREATE INDEX statement_subjects_by_person ON statement_subjects (person_id, statement_id) WHERE person_id IS NOT NULL;
CREATE INDEX statement_subjects_by_area ON statement_subjects (area_id, statement_id) WHERE area_id IS NOT NULL;
