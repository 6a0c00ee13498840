-- When each collection last changed (the sitemap's dates for the lists), read from the end of
-- an index instead of from every row.
CREATE INDEX agreements_by_update ON agreements (updated_at);
CREATE INDEX meetings_by_update ON meetings (updated_at);
CREATE INDEX delegations_by_update ON delegations (updated_at);
CREATE INDEX mous_by_update ON mous (updated_at);
CREATE INDEX organisations_by_update ON organisations (updated_at);
CREATE INDEX people_by_update ON people (updated_at);
CREATE INDEX focus_areas_by_update ON focus_areas (updated_at);
