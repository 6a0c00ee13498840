-- Indexes that serve a filter and its sort order together, so that no list query sorts rows it
-- has just found.

DROP INDEX mous_by_renewed;
CREATE INDEX mous_by_renewed ON mous (renews_mou_id, signed_on DESC, id DESC);
DROP INDEX mous_by_meeting;
CREATE INDEX mous_by_meeting ON mous (meeting_id, signed_on DESC, id DESC);
DROP INDEX mous_by_itinerary_stop;
CREATE INDEX mous_by_itinerary_stop ON mous (itinerary_stop_id, signed_on DESC, id DESC);
CREATE INDEX delegations_by_end ON delegations (ends_on, starts_on);

-- A statement is public exactly when it has been published (it may since have been withdrawn):
-- then, and only then, it has a publication time. The public lists read this index.
CREATE INDEX statements_public ON statements (published_at DESC, id DESC) WHERE published_at IS NOT NULL;

CREATE TRIGGER statements_public_insert BEFORE INSERT ON statements
WHEN (NEW.published_at IS NOT NULL) <> (NEW.status IN ('published', 'withdrawn'))
BEGIN
    SELECT RAISE(ABORT, 'a statement has a publication time exactly when it is published or withdrawn');
END;

CREATE TRIGGER statements_public_update BEFORE UPDATE OF status, published_at ON statements
WHEN (NEW.published_at IS NOT NULL) <> (NEW.status IN ('published', 'withdrawn'))
BEGIN
    SELECT RAISE(ABORT, 'a statement has a publication time exactly when it is published or withdrawn');
END;
