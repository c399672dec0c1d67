-- Registry core: places, organisations and access, people, households, displacement,
-- vulnerability, the hash-chained change log, idempotent operations, imports and quarantine.
-- Forward only: never edit a migration that has shipped; add a new one.

CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- Places -------------------------------------------------------------------------------------
CREATE TABLE territory (
  pcode      text PRIMARY KEY CHECK (pcode ~ '^PS0[12]$'),
  name_en    text NOT NULL,
  name_ar    text NOT NULL
);

CREATE TABLE governorate (
  pcode      text PRIMARY KEY CHECK (pcode ~ '^PS0[12][0-9]{2}$'),
  territory  text NOT NULL REFERENCES territory(pcode),
  name_en    text NOT NULL,
  name_ar    text NOT NULL
);

CREATE TABLE locality (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  governorate text NOT NULL REFERENCES governorate(pcode),
  name_ar     text NOT NULL,
  name_en     text,
  lat         double precision CHECK (lat BETWEEN -90 AND 90),
  lon         double precision CHECK (lon BETWEEN -180 AND 180),
  created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX locality_governorate ON locality (governorate);

-- Organisations and access -------------------------------------------------------------------
CREATE TABLE organisation (
  id         uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name       text NOT NULL UNIQUE,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE app_user (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id        uuid NOT NULL REFERENCES organisation(id),
  username      text NOT NULL UNIQUE,
  password_hash text,                                 -- argon2id; NULL for machine-only users
  role          text NOT NULL CHECK (role IN ('administrator','registration_officer','caseworker','site_manager','distribution_officer','analyst','auditor')),
  governorates  text[] NOT NULL DEFAULT '{}',         -- scope: P-codes this user may work in
  disabled      boolean NOT NULL DEFAULT false,
  created_at    timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE api_token (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  user_id     uuid NOT NULL REFERENCES app_user(id),
  name        text NOT NULL,
  token_hash  bytea NOT NULL UNIQUE,                  -- sha256 of the secret; the secret is shown once
  created_at  timestamptz NOT NULL DEFAULT now(),
  expires_at  timestamptz,
  revoked_at  timestamptz
);

CREATE TABLE session (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  user_id     uuid NOT NULL REFERENCES app_user(id),
  token_hash  bytea NOT NULL UNIQUE,
  created_at  timestamptz NOT NULL DEFAULT now(),
  expires_at  timestamptz NOT NULL,
  revoked_at  timestamptz
);

-- People -------------------------------------------------------------------------------------
CREATE TABLE person (
  id                 uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id             uuid NOT NULL REFERENCES organisation(id),
  governorate        text REFERENCES governorate(pcode),  -- registration governorate: the access scope
  record_id          text,                                -- the source system's id (imports)
  given_name         text,
  father_name        text,
  grandfather_name   text,
  family_name        text,
  full_name          text NOT NULL,                       -- Arabic script; parts joined when known
  full_name_en       text,                                -- Latin transliteration, optional
  name_key           text NOT NULL,                       -- normalised for search (see src/names)
  name_tokens        text[] NOT NULL DEFAULT '{}',        -- normalised tokens, both scripts
  sex                text CHECK (sex IN ('female','male')),
  date_of_birth      date,
  dob_precision      text CHECK (dob_precision IN ('exact','month','year','estimated')),
  national_id        text CHECK (national_id ~ '^[0-9]{9}$'),
  national_id_valid  boolean,                             -- check digit passed; false = kept, flagged unverified
  phone              text CHECK (phone ~ '^\+97[02][0-9]{8,9}$'),
  created_at         timestamptz NOT NULL DEFAULT now(),
  updated_at         timestamptz NOT NULL DEFAULT now(),
  version            integer NOT NULL DEFAULT 1,
  CHECK ((date_of_birth IS NULL) = (dob_precision IS NULL))
);
CREATE UNIQUE INDEX person_record_id ON person (org_id, record_id) WHERE record_id IS NOT NULL;
CREATE INDEX person_national_id ON person (national_id) WHERE national_id IS NOT NULL;
CREATE INDEX person_phone ON person (phone) WHERE phone IS NOT NULL;
CREATE INDEX person_name_tokens ON person USING gin (name_tokens);
CREATE INDEX person_name_key_trgm ON person USING gin (name_key gin_trgm_ops);
CREATE INDEX person_org ON person (org_id, id);

-- Status events: injured, disability, deceased, missing (and found, which ends missing). History kept.
CREATE TABLE person_status_event (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  person_id   uuid NOT NULL REFERENCES person(id),
  kind        text NOT NULL CHECK (kind IN ('injured','disability','deceased','missing','found')),
  event_date  date,
  source      text,
  note        text,
  recorded_at timestamptz NOT NULL DEFAULT now(),
  retracted_at timestamptz
);
CREATE INDEX person_status_event_person ON person_status_event (person_id, recorded_at);

-- Households ---------------------------------------------------------------------------------
CREATE TABLE household (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id      uuid NOT NULL REFERENCES organisation(id),
  governorate text REFERENCES governorate(pcode),
  record_id   text,
  created_at  timestamptz NOT NULL DEFAULT now(),
  version     integer NOT NULL DEFAULT 1
);
CREATE UNIQUE INDEX household_record_id ON household (org_id, record_id) WHERE record_id IS NOT NULL;

-- Membership over time: "who was in household H on date D" =
--   valid_from <= D AND (valid_to IS NULL OR valid_to > D)
CREATE TABLE household_member (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  household_id  uuid NOT NULL REFERENCES household(id),
  person_id     uuid NOT NULL REFERENCES person(id),
  relationship  text NOT NULL CHECK (relationship IN ('head','spouse','son','daughter','father','mother','brother','sister','grandchild','grandparent','other_relative','other')),
  valid_from    date NOT NULL,
  valid_to      date,
  CHECK (valid_to IS NULL OR valid_to >= valid_from)
);
CREATE INDEX household_member_household ON household_member (household_id, valid_from);
CREATE INDEX household_member_person ON household_member (person_id);
-- A person is in at most one household at a time; a household has at most one current head.
CREATE UNIQUE INDEX household_member_one_current ON household_member (person_id) WHERE valid_to IS NULL;
CREATE UNIQUE INDEX household_one_current_head ON household_member (household_id) WHERE valid_to IS NULL AND relationship = 'head';

-- Splits, merges and changes of head, as events linking households.
CREATE TABLE household_event (
  id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  kind           text NOT NULL CHECK (kind IN ('split','merge','head_change')),
  household_id   uuid NOT NULL REFERENCES household(id),  -- the household acted on (source of a split, survivor of a merge)
  other_id       uuid REFERENCES household(id),           -- the new household (split) or the absorbed one (merge)
  event_date     date NOT NULL,
  recorded_at    timestamptz NOT NULL DEFAULT now()
);

-- Displacement -------------------------------------------------------------------------------
CREATE TABLE displacement_event (
  id                 uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  household_id       uuid NOT NULL REFERENCES household(id),
  from_governorate   text REFERENCES governorate(pcode),
  from_locality      uuid REFERENCES locality(id),
  to_governorate     text REFERENCES governorate(pcode),
  to_locality        uuid REFERENCES locality(id),
  to_site            uuid,                                -- sites arrive with the shelters issue
  event_date         date NOT NULL,
  reason             text CHECK (reason IN ('hostilities','evacuation_order','home_damaged','home_destroyed','return','relocation','other')),
  note               text,
  recorded_at        timestamptz NOT NULL DEFAULT now(),
  CHECK (to_governorate IS NOT NULL OR to_locality IS NOT NULL OR to_site IS NOT NULL)
);
CREATE INDEX displacement_event_household ON displacement_event (household_id, event_date DESC, recorded_at DESC);

-- Vulnerability: recorded flags with history; head-derived flags (female/child/elderly-headed)
-- are computed from the current head and never stored.
CREATE TABLE vulnerability (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  household_id  uuid NOT NULL REFERENCES household(id),
  person_id     uuid REFERENCES person(id),
  kind          text NOT NULL CHECK (kind IN ('pregnant_lactating','disability','chronic_illness','injured','unaccompanied_child','separated_child','lost_home','lost_livelihood')),
  valid_from    date NOT NULL,
  valid_to      date,
  recorded_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX vulnerability_household ON vulnerability (household_id);

-- Change log: append-only and hash-chained ---------------------------------------------------
-- hash = sha256(prev_hash || canonical text of the row). See src/store/changeLog.ts and
-- `sanad audit verify`. Reads of a person's full record are logged here too (action 'read').
CREATE TABLE change_log (
  seq           bigint PRIMARY KEY,
  at            timestamptz NOT NULL DEFAULT clock_timestamp(),
  actor_id      uuid,                 -- user (NULL for the system itself, e.g. seed)
  org_id        uuid,
  device_id     text,
  operation_id  uuid,
  entity        text NOT NULL,
  entity_id     uuid,
  action        text NOT NULL,
  before        jsonb,
  after         jsonb,
  prev_hash     bytea NOT NULL,
  hash          bytea NOT NULL
);
CREATE INDEX change_log_entity ON change_log (entity, entity_id);

CREATE TABLE change_log_head (
  one   boolean PRIMARY KEY DEFAULT true CHECK (one),
  seq   bigint NOT NULL,
  hash  bytea NOT NULL
);
INSERT INTO change_log_head (seq, hash) VALUES (0, '\x0000000000000000000000000000000000000000000000000000000000000000');

CREATE FUNCTION change_log_row_text(r change_log) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT concat_ws('|', r.seq::text, to_char(r.at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US'),
    coalesce(r.actor_id::text, ''), coalesce(r.org_id::text, ''), coalesce(r.device_id, ''),
    coalesce(r.operation_id::text, ''), r.entity, coalesce(r.entity_id::text, ''), r.action,
    coalesce(r.before::text, ''), coalesce(r.after::text, ''))
$$;

-- Chains every insert: the head row lock serialises writers, so seq has no gaps and the order is total.
CREATE FUNCTION change_log_chain() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE h change_log_head;
BEGIN
  UPDATE change_log_head SET seq = seq + 1 WHERE one RETURNING * INTO h;
  NEW.seq := h.seq;
  NEW.at := clock_timestamp();
  -- RETURNING gives the row after this update, which changed seq only: h.hash is the previous hash.
  NEW.prev_hash := h.hash;
  NEW.hash := sha256(NEW.prev_hash || convert_to(change_log_row_text(NEW), 'UTF8'));
  UPDATE change_log_head SET hash = NEW.hash WHERE one;
  RETURN NEW;
END $$;
CREATE TRIGGER change_log_chain BEFORE INSERT ON change_log FOR EACH ROW EXECUTE FUNCTION change_log_chain();

CREATE FUNCTION change_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'change_log is append-only';
END $$;
CREATE TRIGGER change_log_no_update BEFORE UPDATE OR DELETE OR TRUNCATE ON change_log
  FOR EACH STATEMENT EXECUTE FUNCTION change_log_append_only();

-- Idempotent operations: a client-supplied operation id replays the first result -----------
CREATE TABLE operation (
  id            uuid PRIMARY KEY,
  org_id        uuid NOT NULL,
  actor_id      uuid,
  route         text NOT NULL,
  request_hash  bytea NOT NULL,
  status        integer NOT NULL,
  response      jsonb,
  created_at    timestamptz NOT NULL DEFAULT now()
);

-- Imports and quarantine ---------------------------------------------------------------------
CREATE TABLE import_run (
  id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id         uuid NOT NULL REFERENCES organisation(id),
  actor_id       uuid,
  kind           text NOT NULL CHECK (kind IN ('persons','households')),
  file_name      text NOT NULL,
  file_sha256    text NOT NULL,
  rows_done      integer NOT NULL DEFAULT 0,     -- rows consumed by committed batches (resume point)
  rows_loaded    integer NOT NULL DEFAULT 0,
  rows_rejected  integer NOT NULL DEFAULT 0,
  rows_unchanged integer NOT NULL DEFAULT 0,
  status         text NOT NULL DEFAULT 'running' CHECK (status IN ('running','done','failed')),
  started_at     timestamptz NOT NULL DEFAULT now(),
  finished_at    timestamptz
);
CREATE UNIQUE INDEX import_run_file ON import_run (org_id, kind, file_sha256);

CREATE TABLE quarantine (
  id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  import_id    uuid NOT NULL REFERENCES import_run(id),
  row_number   integer NOT NULL,
  raw          jsonb NOT NULL,
  errors       jsonb NOT NULL,          -- [{field, reason}]
  created_at   timestamptz NOT NULL DEFAULT now(),
  resolved_at  timestamptz,
  UNIQUE (import_id, row_number)
);
