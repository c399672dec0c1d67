-- Identity resolution in the registry: the fitted linkage model, candidate pairs with their review
-- decisions, and links between person records (a merge that keeps both records and can be undone).
-- Forward only: never edit a migration that has shipped; add a new one.

-- The Fellegi-Sunter model fitted by `sanad dedupe`, as data. The latest of an organisation is used.
CREATE TABLE linkage_model (
  id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id           uuid NOT NULL REFERENCES organisation(id),
  settings         jsonb NOT NULL,                 -- the settings input (src/linkage/settings.ts)
  model            jsonb NOT NULL,                 -- {lambda, priorWeight, fields: [{name, levels, m, u, w}]}
  upper_threshold  double precision NOT NULL CHECK (upper_threshold > 0 AND upper_threshold < 1),
  lower_threshold  double precision NOT NULL CHECK (lower_threshold > 0 AND lower_threshold < 1),
  records          integer NOT NULL,               -- persons the model was fitted on
  stats            jsonb,                          -- pairs compared, linked, for review, timings
  created_by       uuid REFERENCES app_user(id),
  created_at       timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX linkage_model_org ON linkage_model (org_id, created_at DESC);

-- A pair of person records that may be the same person (person_a < person_b, one row per pair).
CREATE TABLE match_candidate (
  id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id       uuid NOT NULL REFERENCES organisation(id),
  person_a     uuid NOT NULL REFERENCES person(id),
  person_b     uuid NOT NULL REFERENCES person(id),
  weight       double precision NOT NULL,          -- match weight, log2 odds
  probability  double precision NOT NULL,
  conflict     boolean NOT NULL DEFAULT false,     -- evidence that forbids an automatic link
  explanation  jsonb NOT NULL,                     -- per-field [{field, level, weight, tf}] (no values)
  status       text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending','same','different','unsure','auto_linked')),
  model_id     uuid REFERENCES linkage_model(id),
  decided_by   uuid REFERENCES app_user(id),
  decided_at   timestamptz,
  created_at   timestamptz NOT NULL DEFAULT now(),
  updated_at   timestamptz NOT NULL DEFAULT now(),
  CHECK (person_a < person_b),
  UNIQUE (person_a, person_b)
);
CREATE INDEX match_candidate_queue ON match_candidate (org_id, status, weight DESC, id);
CREATE INDEX match_candidate_person_b ON match_candidate (person_b);

-- A link says two person records are one identity; both records stay. An identity is a connected
-- component of the active links; a link that would join a conflicting pair is refused, and undo
-- sets undone_at (links are never deleted).
CREATE TABLE person_link (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id        uuid NOT NULL REFERENCES organisation(id),
  person_a      uuid NOT NULL REFERENCES person(id),
  person_b      uuid NOT NULL REFERENCES person(id),
  candidate_id  uuid NOT NULL REFERENCES match_candidate(id),
  kind          text NOT NULL CHECK (kind IN ('decision','auto')),
  created_by    uuid REFERENCES app_user(id),
  created_at    timestamptz NOT NULL DEFAULT now(),
  undone_by     uuid REFERENCES app_user(id),
  undone_at     timestamptz,
  CHECK (person_a < person_b)
);
CREATE UNIQUE INDEX person_link_active ON person_link (person_a, person_b) WHERE undone_at IS NULL;
CREATE INDEX person_link_b ON person_link (person_b) WHERE undone_at IS NULL;
CREATE INDEX person_link_candidate ON person_link (candidate_id);
