-- Reference records: countries, focus areas, organisations, people and their appointments.
-- Dates that the record may only know to the month or year are stored as partial ISO 8601 text
-- ('2024', '2024-04' or '2024-04-25'), which still sorts and range-filters correctly.

CREATE TABLE countries (
    id INTEGER PRIMARY KEY NOT NULL,
    code TEXT NOT NULL UNIQUE CHECK (length(code) = 2 AND code = upper(code)),
    slug TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,
    updated_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP
);

CREATE TABLE focus_areas (
    id INTEGER PRIMARY KEY NOT NULL,
    slug TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    created_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,
    updated_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP
);
CREATE INDEX focus_areas_by_name ON focus_areas (name);

CREATE TABLE organisations (
    id INTEGER PRIMARY KEY NOT NULL,
    slug TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    short_name TEXT,
    country_id INTEGER NOT NULL REFERENCES countries (id),
    kind TEXT NOT NULL CHECK (kind IN ('ministry', 'agency', 'university', 'research_institute', 'company', 'other')),
    website TEXT,
    description TEXT NOT NULL DEFAULT '',
    created_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,
    updated_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP
);
CREATE INDEX organisations_by_name ON organisations (name, id);
CREATE INDEX organisations_by_country ON organisations (country_id, name, id);
CREATE INDEX organisations_by_kind ON organisations (kind, name, id);

CREATE TABLE people (
    id INTEGER PRIMARY KEY NOT NULL,
    slug TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    country_id INTEGER NOT NULL REFERENCES countries (id),
    created_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,
    updated_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP
);
CREATE INDEX people_by_name ON people (name, id);
CREATE INDEX people_by_country ON people (country_id, name, id);

CREATE TABLE appointments (
    id INTEGER PRIMARY KEY NOT NULL,
    person_id INTEGER NOT NULL REFERENCES people (id) ON DELETE CASCADE,
    title TEXT NOT NULL,
    organisation_id INTEGER REFERENCES organisations (id),
    starts_on TEXT CHECK (starts_on IS NULL OR starts_on GLOB '[12][0-9][0-9][0-9]*'),
    ends_on TEXT CHECK (ends_on IS NULL OR ends_on GLOB '[12][0-9][0-9][0-9]*'),
    created_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,
    updated_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP
);
CREATE INDEX appointments_by_person ON appointments (person_id, starts_on);
CREATE INDEX appointments_by_organisation ON appointments (organisation_id, person_id);
