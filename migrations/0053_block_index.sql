-- Incremental dedupe (issue #11): the blocks a full `sanad dedupe` leaves behind, so that
-- `sanad duplicates --incremental` reads only the changed persons, the members of their blocks and
-- those members' records (src/linkage/blockIndex.ts, src/store/duplicates/blockIndex.ts). Written
-- by the dedupe (never by the import or a registration), by COPY, one organisation's previous set
-- deleted; the persons an incremental run compared are added to it. A run whose latest model has
-- no set (saved before this migration, or by a run in a narrower scope) reads the whole registry.

-- One set of kept blocks: the full run (its model) it was made by, the scope it read, the passes.
CREATE TABLE linkage_block_set (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id        uuid NOT NULL REFERENCES organisation(id),
  model_id      uuid NOT NULL REFERENCES linkage_model(id),
  governorates  text[] NOT NULL,   -- the scope the full run read (a run in another scope reads everyone)
  signature     text NOT NULL,     -- passes, fields and columns the keys were made with
  bits          integer[] NOT NULL, -- per pass: a bucket is the key's top `bits` bits (of 30)
  persons       integer NOT NULL,  -- rows: the persons the full run read, in id order
  created_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX linkage_block_set_model ON linkage_block_set (model_id);
CREATE INDEX linkage_block_set_org ON linkage_block_set (org_id);

-- A bucket of one pass: (key, row) pairs as little-endian 32-bit integers, sorted by key then row.
-- No foreign key (rows are written by COPY; deleted with their set by the code).
CREATE TABLE linkage_block (
  set_id   uuid NOT NULL,
  pass     smallint NOT NULL,
  bucket   integer NOT NULL,
  entries  bytea NOT NULL
);
CREATE INDEX linkage_block_bucket ON linkage_block (set_id, pass, bucket);

-- The person of every row: 1,024 rows a chunk, each id as its 16 bytes; the chunk's first id (to
-- find a person's row); and the row's name parts as the full run counted them (4 little-endian
-- 32-bit integers a row: the position of the part's token in the full run's linkage_name_count
-- row of that part, -1 none), taken off the counts when the person has changed since.
CREATE TABLE linkage_block_row (
  set_id    uuid NOT NULL,
  chunk     integer NOT NULL,
  first_id  uuid NOT NULL,
  ids       bytea NOT NULL,
  names     bytea NOT NULL
);
CREATE INDEX linkage_block_row_chunk ON linkage_block_row (set_id, chunk);
CREATE INDEX linkage_block_row_first ON linkage_block_row (set_id, first_id);

-- The persons incremental runs compared since the full run, with their keys then.
CREATE TABLE linkage_block_added (
  set_id     uuid NOT NULL,
  pass       smallint NOT NULL,
  key        integer NOT NULL,
  person_id  uuid NOT NULL
);
CREATE INDEX linkage_block_added_key ON linkage_block_added (set_id, pass, key);

-- The name parts an incremental run counted for a person (the four tokens, one a line, empty for
-- none): the latest run's, taken off the counts when the person changes again.
CREATE TABLE linkage_name_added (
  set_id     uuid NOT NULL,
  person_id  uuid NOT NULL,
  tokens     text NOT NULL,
  PRIMARY KEY (set_id, person_id)
);

-- The name parts' term frequencies: per part (0 given .. 3 family) and kind (0 token, 1 skeleton)
-- the values (one a line) and their counts (little-endian 32-bit); the full run's (base), then one
-- row more per incremental run: the persons it compared as they are now, less what was counted
-- for them before (negative counts).
CREATE TABLE linkage_name_count (
  set_id  uuid NOT NULL,
  base    boolean NOT NULL,
  part    smallint NOT NULL CHECK (part BETWEEN 0 AND 3),
  kind    smallint NOT NULL CHECK (kind IN (0, 1)),
  vals    text NOT NULL,
  counts  bytea NOT NULL
);
CREATE INDEX linkage_name_count_set ON linkage_name_count (set_id);
