-- The check while typing (POST /api/v1/duplicates/check) looks a draft's given and family name up
-- with the year of birth. Through the name tokens (GIN) a common pair (محمد + a common family name)
-- is thousands of persons at 5,500,000, every one read from the table before the year filters it.
-- This index keys each person by the first and the last word of name_key (given and family name as
-- normalised Arabic, compounds joined; hamza, taa marbuta and alef maqsura already folded), hashed to
-- four bytes, with the date of birth: the same pair within three years is a few dozen index entries.
-- A hash collision only adds candidates (the query compares the words themselves). hashtext is the
-- hash PostgreSQL's own hash indexes and partitions use; it is stable across versions.
CREATE FUNCTION person_check_key(name_key text) RETURNS integer
  LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
  RETURN hashtext(split_part(name_key, ' ', 1) || ' ' || substring(name_key FROM '[^ ]*$'));

CREATE INDEX IF NOT EXISTS person_check_key ON person (person_check_key(name_key), date_of_birth);
