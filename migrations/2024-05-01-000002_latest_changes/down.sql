DROP INDEX focus_areas_by_update;
DROP INDEX people_by_update;
DROP INDEX organisations_by_update;
DROP INDEX mous_by_update;
DROP INDEX delegations_by_update;
DROP INDEX meetings_by_update;
DROP INDEX agreements_by_update;
