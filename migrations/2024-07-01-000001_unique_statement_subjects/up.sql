-- A statement is about a record once: the pages of records join their statements through these
-- links, which a repeated link would show twice. (Saving a statement already drops repeats.)
DELETE FROM statement_subjects WHERE id NOT IN (
    SELECT min(id) FROM statement_subjects
    GROUP BY statement_id, agreement_id, meeting_id, delegation_id, mou_id, organisation_id,
             person_id, area_id);

DROP INDEX statement_subjects_by_agreement;
DROP INDEX statement_subjects_by_meeting;
DROP INDEX statement_subjects_by_delegation;
DROP INDEX statement_subjects_by_mou;
DROP INDEX statement_subjects_by_organisation;
DROP INDEX statement_subjects_by_person;
DROP INDEX statement_subjects_by_area;
CREATE UNIQUE INDEX statement_subjects_by_agreement ON statement_subjects (agreement_id, statement_id) WHERE agreement_id IS NOT NULL;
CREATE UNIQUE INDEX statement_subjects_by_meeting ON statement_subjects (meeting_id, statement_id) WHERE meeting_id IS NOT NULL;
CREATE UNIQUE INDEX statement_subjects_by_delegation ON statement_subjects (delegation_id, statement_id) WHERE delegation_id IS NOT NULL;
CREATE UNIQUE INDEX statement_subjects_by_mou ON statement_subjects (mou_id, statement_id) WHERE mou_id IS NOT NULL;
CREATE UNIQUE INDEX statement_subjects_by_organisation ON statement_subjects (organisation_id, statement_id) WHERE organisation_id IS NOT NULL;
CREATE UNIQUE INDEX statement_subjects_by_person ON statement_subjects (person_id, statement_id) WHERE person_id IS NOT NULL;
CREATE UNIQUE INDEX statement_subjects_by_area ON statement_subjects (area_id, statement_id) WHERE area_id IS NOT NULL;
