-- Imports: counts and options kept with each run (see src/importer).
-- Loaded rows whose national ID failed the check digit (kept, flagged national_id_valid = false).
ALTER TABLE import_run ADD COLUMN rows_unverified integer NOT NULL DEFAULT 0;
-- The column mapping the run was started with ({"column in file": "sanad column"}); a resumed run must use the same.
ALTER TABLE import_run ADD COLUMN mapping jsonb NOT NULL DEFAULT '{}';
-- Rows loaded later from quarantine (sanad import quarantine retry).
ALTER TABLE import_run ADD COLUMN rows_retried integer NOT NULL DEFAULT 0;
-- Households imports: persons and households created on the way (rows_loaded counts memberships).
ALTER TABLE import_run ADD COLUMN persons_created integer NOT NULL DEFAULT 0;
ALTER TABLE import_run ADD COLUMN households_created integer NOT NULL DEFAULT 0;
