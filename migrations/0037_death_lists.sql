-- A health ministry's death list, imported as a batch (src/store/lifeEvents/importDeathList.ts).
-- One row per list file and organisation (the same file again is the same import: nothing is added,
-- the counts are those of the latest run). Each matched row becomes a death report with source
-- health_ministry_list (an official record: confirmed on its own, src/lifeEvents/confirmation.ts).
CREATE TABLE death_list_import (
  id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id          uuid NOT NULL REFERENCES organisation(id),
  actor_id        uuid REFERENCES app_user(id),
  file_name       text NOT NULL,
  file_sha256     text NOT NULL,
  rows_read       integer NOT NULL DEFAULT 0,
  applied         integer NOT NULL DEFAULT 0,
  already_known   integer NOT NULL DEFAULT 0,
  held            integer NOT NULL DEFAULT 0,
  started_at      timestamptz NOT NULL DEFAULT now(),
  finished_at     timestamptz
);
CREATE UNIQUE INDEX death_list_import_file ON death_list_import (org_id, file_sha256);

-- The list's quarantine: rows held, not applied, with the reason (src/lifeEvents/deathList.ts
-- heldReasons). The row as read is kept to be checked by a person; a name mismatch names the
-- registry's person the ID number found. Not the persons import's quarantine: these rows are not
-- persons to load, and its retry would load them as such.
CREATE TABLE death_list_held (
  id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  import_id    uuid NOT NULL REFERENCES death_list_import(id),
  row_number   integer NOT NULL,
  reason       text NOT NULL CHECK (reason IN ('malformed_id','malformed_date','missing_name','future_date','not_found','ambiguous','name_mismatch','duplicate_in_list')),
  person_id    uuid REFERENCES person(id),
  raw          jsonb NOT NULL,
  created_at   timestamptz NOT NULL DEFAULT now(),
  resolved_at  timestamptz,
  UNIQUE (import_id, row_number)
);

-- Reports of a kind by source, to find the ones a list already brought in one look-up.
CREATE INDEX life_event_source ON life_event (person_id, kind, source) WHERE withdrawn_at IS NULL;

-- A case supervisor's queue in "my cases" (src/store/cases/readCases.ts listMyCases): the open cases
-- of a governorate waiting for an assignment or a decision, the most urgent first, without reading
-- every open case of the governorate (the #15 benchmark: 200,000 open cases).
CREATE INDEX case_file_queue ON case_file (org_id, governorate, due_at, id)
  WHERE stage <> 'closed' AND (assigned_to IS NULL OR awaiting IS NOT NULL);
