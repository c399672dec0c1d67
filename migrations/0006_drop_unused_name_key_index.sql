-- person_name_key_trgm was never used: name searches filter on name_tokens (GIN) and only rank the
-- few hundred candidates by similarity(name_key, ...), which needs pg_trgm but not an index. It cost
-- every insert about 25 trigram entries. Dropped to make registration and bulk import cheaper.
DROP INDEX IF EXISTS person_name_key_trgm;
