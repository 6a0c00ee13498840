-- Which stored bodies an older renderer made, found at start-up without reading every body.
CREATE INDEX statements_by_renderer ON statements (renderer_version);
CREATE INDEX statement_revisions_by_renderer ON statement_revisions (renderer_version);
CREATE INDEX statement_translations_by_renderer ON statement_translations (renderer_version);
CREATE INDEX statement_revision_translations_by_renderer ON statement_revision_translations (renderer_version);
