-- A statement's search text read its own text and its translations through `statement_texts`, a
-- UNION ALL view that SQLite could not narrow to the one statement: every statement written
-- scanned every statement. The same text, read from each table by the statement's id.
DROP VIEW search_sources;
CREATE VIEW search_sources (kind, record_id, slug, title, title_ms, title_zh, body, language) AS
    SELECT 'agreement', id, slug, title, coalesce(title_ms, ''), coalesce(title_zh, ''),
        trim(coalesce(summary, '') || ' ' || coalesce(signed_at, '') || ' ' || coalesce(summary_ms, '') || ' ' || coalesce(signed_at_ms, '') || ' ' || coalesce(summary_zh, '') || ' ' || coalesce(signed_at_zh, '')), 'en' FROM agreements
    UNION ALL
    SELECT 'meeting', id, slug, title, coalesce(title_ms, ''), coalesce(title_zh, ''),
        trim(coalesce(joint_body, '') || ' ' || coalesce(place, '') || ' ' || coalesce(summary, '') || ' ' || coalesce(outcomes, '') || ' ' || coalesce(joint_body_ms, '') || ' ' || coalesce(place_ms, '') || ' ' || coalesce(summary_ms, '') || ' ' || coalesce(outcomes_ms, '') || ' ' || coalesce(joint_body_zh, '') || ' ' || coalesce(place_zh, '') || ' ' || coalesce(summary_zh, '') || ' ' || coalesce(outcomes_zh, '')), 'en' FROM meetings
    UNION ALL
    SELECT 'delegation', d.id, d.slug, d.title, coalesce(d.title_ms, ''), coalesce(d.title_zh, ''),
        trim(trim(coalesce(d.purpose, '') || ' ' || coalesce(d.purpose_ms, '') || ' ' || coalesce(d.purpose_zh, '')) || ' ' || coalesce((SELECT group_concat(trim(coalesce(s.title, '') || ' ' || coalesce(s.place, '') || ' ' || coalesce(s.event_name, '') || ' ' || coalesce(s.summary, '') || ' ' || coalesce(s.title_ms, '') || ' ' || coalesce(s.place_ms, '') || ' ' || coalesce(s.event_name_ms, '') || ' ' || coalesce(s.summary_ms, '') || ' ' || coalesce(s.title_zh, '') || ' ' || coalesce(s.place_zh, '') || ' ' || coalesce(s.event_name_zh, '') || ' ' || coalesce(s.summary_zh, '')), ' ') FROM itinerary_stops s WHERE s.delegation_id = d.id), '')), 'en'
    FROM delegations d
    UNION ALL
    SELECT 'mou', id, slug, title, coalesce(title_ms, ''), coalesce(title_zh, ''),
        trim(coalesce(purpose, '') || ' ' || coalesce(place, '') || ' ' || coalesce(purpose_ms, '') || ' ' || coalesce(place_ms, '') || ' ' || coalesce(purpose_zh, '') || ' ' || coalesce(place_zh, '')), 'en' FROM mous
    UNION ALL
    SELECT 'organisation', id, slug, name, coalesce(name_ms, ''), coalesce(name_zh, ''),
        trim(coalesce(short_name, '') || ' ' || coalesce(description, '') || ' ' || coalesce(description_ms, '') || ' ' || coalesce(description_zh, '')), 'en' FROM organisations
    UNION ALL
    SELECT 'person', id, slug, name, coalesce(name_ms, ''), coalesce(name_zh, ''), '', 'en' FROM people
    UNION ALL
    SELECT 'area', id, slug, name, coalesce(name_ms, ''), coalesce(name_zh, ''),
        trim(coalesce(description, '') || ' ' || coalesce(description_ms, '') || ' ' || coalesce(description_zh, '')), 'en' FROM focus_areas
    UNION ALL
    SELECT 'statement', s.id, s.slug, coalesce((SELECT t.title FROM statement_translations t WHERE t.statement_id = s.id AND t.language = 'en'), s.title),
        CASE WHEN s.language = 'ms' THEN CASE WHEN (SELECT t.title FROM statement_translations t WHERE t.statement_id = s.id AND t.language = 'en') IS NULL THEN '' ELSE s.title END ELSE coalesce((SELECT t.title FROM statement_translations t WHERE t.statement_id = s.id AND t.language = 'ms'), '') END,
        CASE WHEN s.language = 'zh' THEN CASE WHEN (SELECT t.title FROM statement_translations t WHERE t.statement_id = s.id AND t.language = 'en') IS NULL THEN '' ELSE s.title END ELSE coalesce((SELECT t.title FROM statement_translations t WHERE t.statement_id = s.id AND t.language = 'zh'), '') END,
        trim(coalesce(s.summary, '') || ' ' || coalesce(s.dateline, '') || ' ' || coalesce(s.body_markdown, '')) || coalesce((SELECT ' ' || group_concat(trim(coalesce(t.summary, '') || ' ' || coalesce(t.dateline, '') || ' ' || coalesce(t.body_markdown, '')), ' ') FROM statement_translations t WHERE t.statement_id = s.id), ''),
        CASE WHEN s.language = 'en' OR (SELECT t.title FROM statement_translations t WHERE t.statement_id = s.id AND t.language = 'en') IS NOT NULL THEN 'en' ELSE s.language END
    FROM statements s WHERE s.status IN ('published', 'withdrawn');
