DROP INDEX mous_by_title;
