-- The records of the cooperation itself: agreements, meetings, delegations and MoUs, with the
-- link tables that tie each of them to organisations, people and focus areas.
-- `status` on agreements and MoUs mirrors the newest row of their status history, so that lists
-- can filter on it through an index; both are written in one transaction.

CREATE TABLE agreements (
    id INTEGER PRIMARY KEY NOT NULL,
    slug TEXT NOT NULL UNIQUE,
    title TEXT NOT NULL,
    signed_on TEXT CHECK (signed_on IS NULL OR signed_on GLOB '[12][0-9][0-9][0-9]*'),
    signed_at TEXT,
    summary TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL CHECK (status IN ('proposed', 'signed', 'in_force', 'expired', 'renewed', 'terminated')),
    created_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,
    updated_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP
);
CREATE INDEX agreements_by_date ON agreements (signed_on DESC, id DESC);
CREATE INDEX agreements_by_status ON agreements (status, signed_on DESC, id DESC);

CREATE TABLE agreement_parties (
    agreement_id INTEGER NOT NULL REFERENCES agreements (id) ON DELETE CASCADE,
    country_id INTEGER NOT NULL REFERENCES countries (id),
    PRIMARY KEY (agreement_id, country_id)
) WITHOUT ROWID;
CREATE INDEX agreement_parties_by_country ON agreement_parties (country_id, agreement_id);

CREATE TABLE agreement_signatories (
    agreement_id INTEGER NOT NULL REFERENCES agreements (id) ON DELETE CASCADE,
    person_id INTEGER NOT NULL REFERENCES people (id),
    PRIMARY KEY (agreement_id, person_id)
) WITHOUT ROWID;
CREATE INDEX agreement_signatories_by_person ON agreement_signatories (person_id, agreement_id);

CREATE TABLE agreement_areas (
    agreement_id INTEGER NOT NULL REFERENCES agreements (id) ON DELETE CASCADE,
    area_id INTEGER NOT NULL REFERENCES focus_areas (id),
    PRIMARY KEY (agreement_id, area_id)
) WITHOUT ROWID;
CREATE INDEX agreement_areas_by_area ON agreement_areas (area_id, agreement_id);

CREATE TABLE agreement_status_events (
    id INTEGER PRIMARY KEY NOT NULL,
    agreement_id INTEGER NOT NULL REFERENCES agreements (id) ON DELETE CASCADE,
    status TEXT NOT NULL CHECK (status IN ('proposed', 'signed', 'in_force', 'expired', 'renewed', 'terminated')),
    occurred_on TEXT CHECK (occurred_on IS NULL OR occurred_on GLOB '[12][0-9][0-9][0-9]*'),
    note TEXT NOT NULL DEFAULT '',
    created_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP
);
CREATE INDEX agreement_status_events_by_agreement ON agreement_status_events (agreement_id, occurred_on, id);

CREATE TABLE meetings (
    id INTEGER PRIMARY KEY NOT NULL,
    slug TEXT NOT NULL UNIQUE,
    title TEXT NOT NULL,
    joint_body TEXT NOT NULL,
    ordinal INTEGER CHECK (ordinal IS NULL OR ordinal > 0),
    agreement_id INTEGER REFERENCES agreements (id),
    held_on TEXT CHECK (held_on IS NULL OR held_on GLOB '[12][0-9][0-9][0-9]*'),
    place TEXT,
    summary TEXT NOT NULL DEFAULT '',
    outcomes TEXT NOT NULL DEFAULT '',
    created_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,
    updated_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP
);
CREATE INDEX meetings_by_date ON meetings (held_on DESC, id DESC);
CREATE INDEX meetings_by_agreement ON meetings (agreement_id, held_on DESC);

CREATE TABLE meeting_co_chairs (
    meeting_id INTEGER NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
    person_id INTEGER NOT NULL REFERENCES people (id),
    position INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (meeting_id, person_id)
) WITHOUT ROWID;
CREATE INDEX meeting_co_chairs_by_person ON meeting_co_chairs (person_id, meeting_id);

CREATE TABLE meeting_organisations (
    meeting_id INTEGER NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
    organisation_id INTEGER NOT NULL REFERENCES organisations (id),
    PRIMARY KEY (meeting_id, organisation_id)
) WITHOUT ROWID;
CREATE INDEX meeting_organisations_by_organisation ON meeting_organisations (organisation_id, meeting_id);

CREATE TABLE meeting_areas (
    meeting_id INTEGER NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
    area_id INTEGER NOT NULL REFERENCES focus_areas (id),
    PRIMARY KEY (meeting_id, area_id)
) WITHOUT ROWID;
CREATE INDEX meeting_areas_by_area ON meeting_areas (area_id, meeting_id);

CREATE TABLE delegations (
    id INTEGER PRIMARY KEY NOT NULL,
    slug TEXT NOT NULL UNIQUE,
    title TEXT NOT NULL,
    leader_id INTEGER REFERENCES people (id),
    from_country_id INTEGER NOT NULL REFERENCES countries (id),
    host_country_id INTEGER NOT NULL REFERENCES countries (id),
    starts_on DATE NOT NULL,
    ends_on DATE NOT NULL CHECK (ends_on >= starts_on),
    purpose TEXT NOT NULL DEFAULT '',
    created_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,
    updated_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP
);
CREATE INDEX delegations_by_date ON delegations (starts_on DESC, id DESC);
CREATE INDEX delegations_by_from_country ON delegations (from_country_id, starts_on DESC);
CREATE INDEX delegations_by_host_country ON delegations (host_country_id, starts_on DESC);
CREATE INDEX delegations_by_leader ON delegations (leader_id, starts_on DESC);

CREATE TABLE delegation_members (
    delegation_id INTEGER NOT NULL REFERENCES delegations (id) ON DELETE CASCADE,
    person_id INTEGER NOT NULL REFERENCES people (id),
    role TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (delegation_id, person_id)
) WITHOUT ROWID;
CREATE INDEX delegation_members_by_person ON delegation_members (person_id, delegation_id);

CREATE TABLE delegation_areas (
    delegation_id INTEGER NOT NULL REFERENCES delegations (id) ON DELETE CASCADE,
    area_id INTEGER NOT NULL REFERENCES focus_areas (id),
    PRIMARY KEY (delegation_id, area_id)
) WITHOUT ROWID;
CREATE INDEX delegation_areas_by_area ON delegation_areas (area_id, delegation_id);

CREATE TABLE itinerary_stops (
    id INTEGER PRIMARY KEY NOT NULL,
    delegation_id INTEGER NOT NULL REFERENCES delegations (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    title TEXT NOT NULL,
    stop_on TEXT CHECK (stop_on IS NULL OR stop_on GLOB '[12][0-9][0-9][0-9]*'),
    place TEXT,
    organisation_id INTEGER REFERENCES organisations (id),
    meeting_id INTEGER REFERENCES meetings (id),
    event_name TEXT,
    summary TEXT NOT NULL DEFAULT '',
    created_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,
    updated_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,
    UNIQUE (delegation_id, position)
);
CREATE INDEX itinerary_stops_by_organisation ON itinerary_stops (organisation_id, delegation_id);
CREATE INDEX itinerary_stops_by_meeting ON itinerary_stops (meeting_id);

CREATE TABLE mous (
    id INTEGER PRIMARY KEY NOT NULL,
    slug TEXT NOT NULL UNIQUE,
    title TEXT NOT NULL,
    signed_on TEXT CHECK (signed_on IS NULL OR signed_on GLOB '[12][0-9][0-9][0-9]*'),
    place TEXT,
    meeting_id INTEGER REFERENCES meetings (id),
    itinerary_stop_id INTEGER REFERENCES itinerary_stops (id),
    purpose TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL CHECK (status IN ('proposed', 'signed', 'in_force', 'expired', 'renewed', 'terminated')),
    valid_until DATE,
    renews_mou_id INTEGER REFERENCES mous (id),
    created_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,
    updated_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP
);
CREATE INDEX mous_by_date ON mous (signed_on DESC, id DESC);
CREATE INDEX mous_by_status ON mous (status, signed_on DESC, id DESC);
CREATE INDEX mous_by_meeting ON mous (meeting_id);
CREATE INDEX mous_by_itinerary_stop ON mous (itinerary_stop_id);
CREATE INDEX mous_by_renewed ON mous (renews_mou_id);

CREATE TABLE mou_parties (
    mou_id INTEGER NOT NULL REFERENCES mous (id) ON DELETE CASCADE,
    organisation_id INTEGER NOT NULL REFERENCES organisations (id),
    position INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (mou_id, organisation_id)
) WITHOUT ROWID;
CREATE INDEX mou_parties_by_organisation ON mou_parties (organisation_id, mou_id);

CREATE TABLE mou_witnesses (
    mou_id INTEGER NOT NULL REFERENCES mous (id) ON DELETE CASCADE,
    person_id INTEGER NOT NULL REFERENCES people (id),
    PRIMARY KEY (mou_id, person_id)
) WITHOUT ROWID;
CREATE INDEX mou_witnesses_by_person ON mou_witnesses (person_id, mou_id);

CREATE TABLE mou_areas (
    mou_id INTEGER NOT NULL REFERENCES mous (id) ON DELETE CASCADE,
    area_id INTEGER NOT NULL REFERENCES focus_areas (id),
    PRIMARY KEY (mou_id, area_id)
) WITHOUT ROWID;
CREATE INDEX mou_areas_by_area ON mou_areas (area_id, mou_id);

CREATE TABLE mou_status_events (
    id INTEGER PRIMARY KEY NOT NULL,
    mou_id INTEGER NOT NULL REFERENCES mous (id) ON DELETE CASCADE,
    status TEXT NOT NULL CHECK (status IN ('proposed', 'signed', 'in_force', 'expired', 'renewed', 'terminated')),
    occurred_on TEXT CHECK (occurred_on IS NULL OR occurred_on GLOB '[12][0-9][0-9][0-9]*'),
    note TEXT NOT NULL DEFAULT '',
    created_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP
);
CREATE INDEX mou_status_events_by_mou ON mou_status_events (mou_id, occurred_on, id);

-- A signed document belongs to exactly one agreement or MoU; the file lives on disk under its
-- SHA-256, so the same bytes are stored once.
CREATE TABLE documents (
    id INTEGER PRIMARY KEY NOT NULL,
    agreement_id INTEGER REFERENCES agreements (id) ON DELETE CASCADE,
    mou_id INTEGER REFERENCES mous (id) ON DELETE CASCADE,
    title TEXT NOT NULL,
    file_name TEXT NOT NULL,
    media_type TEXT NOT NULL,
    byte_size INTEGER NOT NULL CHECK (byte_size >= 0),
    sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
    created_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CHECK ((agreement_id IS NULL) <> (mou_id IS NULL))
);
CREATE INDEX documents_by_agreement ON documents (agreement_id) WHERE agreement_id IS NOT NULL;
CREATE INDEX documents_by_mou ON documents (mou_id) WHERE mou_id IS NOT NULL;
