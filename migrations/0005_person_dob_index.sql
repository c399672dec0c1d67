-- Checking a registration while it is typed (POST /api/v1/duplicates/check) narrows name candidates
-- to a date of birth within a year; with this index PostgreSQL intersects that range with the name
-- tokens before reading any row, which keeps common names (محمد, محمود) fast on millions of people.
CREATE INDEX IF NOT EXISTS person_date_of_birth ON person (date_of_birth);
