-- The check while typing (POST /api/v1/duplicates/check) of a person not yet registered: when the
-- first pass (given and family name, migration 0057) finds no likely match, a second pass looks for
-- the given, father's and grandfather's names together (a family name typed otherwise). Through the
-- name tokens (GIN) three common names (محمد احمد جمال) are thousands of persons at 5,500,000, whose
-- posting lists the index intersects before any row is read (77 ms). This index keys each person by
-- the first three words of name_key (given, father's and grandfather's name as normalised Arabic,
-- compounds joined; hamza, taa marbuta and alef maqsura folded), hashed to four bytes, with the date
-- of birth, as person_check_key does for the first and last word: the same three names within three
-- years are a few dozen index entries. A hash collision only adds candidates (the query compares
-- the words themselves). docs/decisions/0034-lineage-key-index.md.
CREATE FUNCTION person_lineage_key(name_key text) RETURNS integer
  LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
  RETURN hashtext(split_part(name_key, ' ', 1) || ' ' || split_part(name_key, ' ', 2) || ' ' || split_part(name_key, ' ', 3));

CREATE INDEX IF NOT EXISTS person_lineage_key ON person (person_lineage_key(name_key), date_of_birth);
