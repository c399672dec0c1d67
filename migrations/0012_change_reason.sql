-- The reason a person gives for a change (e.g. "spelling corrected from the ID card"), kept in the
-- change log beside before and after. It is part of the hashed row text only when present, so
-- every row written before this migration keeps its hash and `sanad audit verify` still passes.
ALTER TABLE change_log ADD COLUMN reason text CHECK (reason IS NULL OR char_length(reason) BETWEEN 1 AND 500);

CREATE OR REPLACE FUNCTION change_log_row_text(r change_log) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT concat_ws('|', r.seq::text, to_char(r.at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US'),
    coalesce(r.actor_id::text, ''), coalesce(r.org_id::text, ''), coalesce(r.device_id, ''),
    coalesce(r.operation_id::text, ''), r.entity, coalesce(r.entity_id::text, ''), r.action,
    coalesce(r.before::text, ''), coalesce(r.after::text, ''))
    || CASE WHEN r.reason IS NULL THEN '' ELSE '|reason:' || r.reason END
$$;
