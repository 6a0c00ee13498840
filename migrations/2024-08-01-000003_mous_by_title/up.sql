-- The staff list of MoUs is ordered by title: with this index SQLite reads that order from it,
-- where it sorted every MoU (100,000 on a large portal) each time the order was read.
CREATE INDEX mous_by_title ON mous (title, id);
