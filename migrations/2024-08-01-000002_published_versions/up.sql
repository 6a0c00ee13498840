-- The published versions of each statement, from the index alone: the sitemap counts them at
-- every write without reading the versions' rows, which hold each version's whole text.
CREATE INDEX statement_revisions_published ON statement_revisions (statement_id, published_at)
    WHERE published_at IS NOT NULL;
