DROP TABLE statement_subjects;
DROP TABLE statement_revisions;
DROP TABLE statements;
