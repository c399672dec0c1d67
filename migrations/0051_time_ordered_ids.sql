-- Time-ordered ids (UUID version 7, RFC 9562) for the three tables that grow with the population
-- (docs/decisions/0029-time-ordered-ids.md): person, household, household_member. 48 bits of Unix
-- time in milliseconds, then the random bits of gen_random_uuid with the version set to 7. A new
-- row's id sorts after the older ones, so an insert lands at the right edge of the primary key and
-- of every index that leads with such an id, instead of on a random page of indexes that at
-- millions of rows no longer fit in shared buffers. Bulk imports make the same ids in Node
-- (src/store/timeOrderedIds.ts). Existing ids stay as they are; both kinds are plain uuids.
CREATE FUNCTION uuid_v7() RETURNS uuid LANGUAGE sql VOLATILE PARALLEL SAFE AS $$
  SELECT encode(
    set_bit(set_bit(
      overlay(uuid_send(gen_random_uuid())
              PLACING substring(int8send(floor(extract(epoch FROM clock_timestamp()) * 1000)::bigint) FROM 3)
              FROM 1 FOR 6),
      52, 1), 53, 1),
    'hex')::uuid
$$;

ALTER TABLE person ALTER COLUMN id SET DEFAULT uuid_v7();
ALTER TABLE household ALTER COLUMN id SET DEFAULT uuid_v7();
ALTER TABLE household_member ALTER COLUMN id SET DEFAULT uuid_v7();
