-- Staff lists of statements by status (the dashboard's drafts, submitted, scheduled and published
-- sections) are ordered by the latest change: with this index SQLite reads their first twenty in
-- order, where it sorted every statement of the status (100,000 published ones on a large
-- portal) at each visit.
CREATE INDEX statements_by_status_and_update ON statements (status, updated_at DESC, id DESC);
