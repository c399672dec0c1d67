-- Incremental dedupe (issue #11): the kept blocks' members as the full run prepared them, so that
-- `sanad duplicates --incremental` takes them from the kept rows instead of reading their person
-- records by id and preparing them again (src/linkage/preparedRows.ts says what a row holds).
-- Written with the row → person map by the same COPY; a set kept before this migration (or by a
-- run whose fields cannot be kept so) has none and its members are read as before.

-- Per chunk of 1,024 rows: each row's name tokens and comparison fields, varints, in row order.
ALTER TABLE linkage_block_row ADD COLUMN prep bytea;

-- The dictionaries the rows' numbers point into: the name tokens, then per comparison field its
-- values (one a line; empty for a field without).
ALTER TABLE linkage_block_set ADD COLUMN prep_dicts text[];
