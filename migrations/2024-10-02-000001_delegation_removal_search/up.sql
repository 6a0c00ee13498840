-- Removing a delegation removes its itinerary stops with it (ON DELETE CASCADE), and each stop
-- removed asked the search text of a delegation that was no longer there: no text, which the
-- search document's columns refuse, so no delegation with stops could be removed. A stop now
-- changes the search text of its delegation only while the delegation exists; the delegation's
-- own trigger removes its document.
DROP TRIGGER itinerary_stops_search_insert;
DROP TRIGGER itinerary_stops_search_update;
DROP TRIGGER itinerary_stops_search_delete;

CREATE TRIGGER itinerary_stops_search_insert AFTER INSERT ON itinerary_stops BEGIN
    UPDATE search_documents
    SET (body, body_ms, body_zh, names) = (
        SELECT body, body_ms, body_zh, names FROM search_sources WHERE kind = 'delegation' AND record_id = new.delegation_id)
    WHERE kind = 'delegation' AND record_id = new.delegation_id
        AND EXISTS (SELECT 1 FROM delegations WHERE id = new.delegation_id);
END;
CREATE TRIGGER itinerary_stops_search_update AFTER UPDATE ON itinerary_stops BEGIN
    UPDATE search_documents
    SET (body, body_ms, body_zh, names) = (
        SELECT body, body_ms, body_zh, names FROM search_sources WHERE kind = 'delegation' AND record_id = new.delegation_id)
    WHERE kind = 'delegation' AND record_id = new.delegation_id
        AND EXISTS (SELECT 1 FROM delegations WHERE id = new.delegation_id);
END;
CREATE TRIGGER itinerary_stops_search_delete AFTER DELETE ON itinerary_stops BEGIN
    UPDATE search_documents
    SET (body, body_ms, body_zh, names) = (
        SELECT body, body_ms, body_zh, names FROM search_sources WHERE kind = 'delegation' AND record_id = old.delegation_id)
    WHERE kind = 'delegation' AND record_id = old.delegation_id
        AND EXISTS (SELECT 1 FROM delegations WHERE id = old.delegation_id);
END;
