-- Reconstruction (#16): claims, their documents, joint cases and the approval chain.
-- A household claims for a housing unit as owner, tenant or heir. Every open claim on one unit
-- belongs to the unit's one open joint case, checked and settled together. Checks never refuse:
-- a mismatch sends the case to inspection with its reasons. Rules (eligibility, grants, priority
-- weights) are versioned data; a decision keeps the rule version, score and grant it was taken
-- with, and a new version re-ranks only the cases not yet decided.

-- Versions of the claim rules of an organisation (src/reconstruction/claimRules.ts); the highest is current.
CREATE TABLE claim_rule_version (
  org_id      uuid NOT NULL REFERENCES organisation(id),
  version     integer NOT NULL CHECK (version >= 1),
  rules       jsonb NOT NULL,
  created_by  uuid REFERENCES app_user(id),
  created_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (org_id, version)
);

-- One joint case per unit while open: filed -> (checked) verified | inspection -> approved | rejected.
-- `priority_score` and `explanation` are those of the case's highest-scoring claim under `rule_version`;
-- once decided they are frozen with `decided_rule_version`, `grant_amount` and `stream`.
-- Re-checks update every open case and claim: the tables leave room on each page (fillfactor).
CREATE TABLE claim_case (
  id                    uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id                uuid NOT NULL REFERENCES organisation(id),
  governorate           text NOT NULL REFERENCES governorate(pcode),
  unit_id               uuid NOT NULL REFERENCES housing_unit(id),
  state                 text NOT NULL DEFAULT 'filed' CHECK (state IN ('filed','verified','inspection','approved','rejected')),
  reasons               text[] NOT NULL DEFAULT '{}',          -- why the case went to inspection (src/reconstruction/claimCheck.ts)
  damage_class          text CHECK (damage_class IN ('destroyed','severe','major','minor')),  -- the worst class of its claims (field class once assessed)
  checked_at            timestamptz,                           -- the last automatic check
  rule_version          integer,
  priority_score        numeric(10,2),
  explanation           jsonb,
  checked_by            uuid REFERENCES app_user(id),          -- the claims officer who verified it or sent it to inspection
  officer_checked_at    timestamptz,
  decided_by            uuid REFERENCES app_user(id),          -- the committee member
  decided_at            timestamptz,
  decision_reason       text CHECK (decision_reason IS NULL OR length(decision_reason) BETWEEN 1 AND 1000),
  decided_rule_version  integer,
  grant_amount          numeric(12,2),
  stream                text CHECK (stream IN ('repair','rebuild')),
  created_at            timestamptz NOT NULL DEFAULT now(),
  version               integer NOT NULL DEFAULT 1,
  CHECK ((state IN ('approved','rejected')) = (decided_by IS NOT NULL)),
  CHECK (decided_by IS NULL OR decided_by IS DISTINCT FROM checked_by)
) WITH (fillfactor = 80);
CREATE UNIQUE INDEX claim_case_open_unit ON claim_case (unit_id) WHERE state NOT IN ('approved','rejected');
CREATE INDEX claim_case_ranked ON claim_case (org_id, governorate, priority_score DESC NULLS LAST, created_at, id) WHERE state NOT IN ('approved','rejected');
CREATE INDEX claim_case_queue ON claim_case (org_id, state, governorate);

CREATE TABLE claim (
  id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id          uuid NOT NULL REFERENCES organisation(id),
  case_id         uuid NOT NULL REFERENCES claim_case(id),
  unit_id         uuid NOT NULL REFERENCES housing_unit(id),
  household_id    uuid NOT NULL REFERENCES household(id),
  claimant_id     uuid NOT NULL REFERENCES person(id),         -- the member who claims (the head unless named)
  basis           text NOT NULL CHECK (basis IN ('owner','tenant','heir')),
  claimed_class   text NOT NULL CHECK (claimed_class IN ('destroyed','severe','major','minor')),
  damage_date     date NOT NULL,
  state           text NOT NULL DEFAULT 'filed' CHECK (state IN ('filed','verified','inspection','approved','rejected','withdrawn')),
  evidence        jsonb,                                       -- the last check: [{item, result, source, value}]
  reasons         text[] NOT NULL DEFAULT '{}',
  priority_score  numeric(10,2),
  explanation     jsonb,                                       -- [{field, value, weight, points}]
  rule_version    integer,
  filed_by        uuid REFERENCES app_user(id),
  created_at      timestamptz NOT NULL DEFAULT now(),
  version         integer NOT NULL DEFAULT 1
) WITH (fillfactor = 70);  -- room on each page for the updates of a re-check (HOT: no index touched)
CREATE UNIQUE INDEX claim_one_per_household ON claim (unit_id, household_id) WHERE state NOT IN ('rejected','withdrawn');
CREATE INDEX claim_by_case ON claim (case_id);
CREATE INDEX claim_household ON claim (household_id);
CREATE INDEX claim_org_state ON claim (org_id, state);

-- Documents of a claim, stored here under a random id; never the uploaded file's name.
CREATE TABLE claim_document (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  claim_id    uuid NOT NULL REFERENCES claim(id),
  kind        text NOT NULL CHECK (kind IN ('title','rental_contract','inheritance','other')),
  media_type  text NOT NULL CHECK (media_type IN ('application/pdf','image/jpeg','image/png')),
  size_bytes  integer NOT NULL CHECK (size_bytes > 0 AND size_bytes <= 5242880),
  sha256      text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  content     bytea NOT NULL,
  uploaded_by uuid REFERENCES app_user(id),
  created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX claim_document_claim ON claim_document (claim_id);

-- Every step of the chain on a case, never updated: the officer's check, the committee's decision.
CREATE TABLE claim_case_decision (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  case_id       uuid NOT NULL REFERENCES claim_case(id),
  step          text NOT NULL CHECK (step IN ('verified','inspection','approved','rejected')),
  actor_id      uuid NOT NULL REFERENCES app_user(id),
  reason        text,
  rule_version  integer,
  priority_score numeric(10,2),
  grant_amount  numeric(12,2),
  stream        text,
  created_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX claim_case_decision_case ON claim_case_decision (case_id, created_at);
