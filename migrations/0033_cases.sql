-- Case management for the injured, the bereaved and children without care. A case is seen only by
-- the caseworker it is assigned to, the case supervisors of its governorate and the users it was
-- explicitly shared with; sensitive types (child protection, gender-based violence) are not even
-- listed to anyone else. Entries are appended, never overwritten.
ALTER TABLE app_user DROP CONSTRAINT app_user_role_check;
ALTER TABLE app_user ADD CONSTRAINT app_user_role_check
  CHECK (role IN ('administrator','registration_officer','caseworker','site_manager','distribution_officer','analyst','auditor','case_supervisor'));

CREATE TABLE case_file (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id        uuid NOT NULL REFERENCES organisation(id),
  governorate   text NOT NULL REFERENCES governorate(pcode),
  type          text NOT NULL CHECK (type IN ('injured_person','bereaved_family','child_protection','gender_based_violence','lost_livelihood','other')),
  sensitive     boolean NOT NULL,
  person_id     uuid NOT NULL REFERENCES person(id),
  household_id  uuid REFERENCES household(id),
  stage         text NOT NULL DEFAULT 'intake' CHECK (stage IN ('intake','plan','services','closed')),
  awaiting      text CHECK (awaiting IN ('assessment','plan','closure')),
  assigned_to   uuid REFERENCES app_user(id),            -- NULL: waiting for a supervisor to assign it
  opened_by     uuid REFERENCES app_user(id),            -- NULL: opened by a rule (a confirmed life event)
  life_event_id uuid REFERENCES life_event(id),
  consent       jsonb NOT NULL DEFAULT '{}'::jsonb,     -- {"given": true, "shareWith": ["health"], "until": "2025-12-31"}
  due_at        timestamptz NOT NULL,
  opened_at     timestamptz NOT NULL DEFAULT now(),
  closed_at     timestamptz,
  version       integer NOT NULL DEFAULT 1,
  CHECK ((stage = 'closed') = (closed_at IS NOT NULL))
);
CREATE INDEX case_file_assigned ON case_file (assigned_to, due_at) WHERE stage <> 'closed';
CREATE INDEX case_file_scope ON case_file (org_id, governorate, due_at) WHERE stage <> 'closed';
CREATE INDEX case_file_person ON case_file (person_id);
-- one open child-protection case per child opened by a rule
CREATE UNIQUE INDEX case_file_one_rule_case ON case_file (person_id, type) WHERE stage <> 'closed' AND opened_by IS NULL;

CREATE TABLE case_entry (
  id         uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  case_id    uuid NOT NULL REFERENCES case_file(id),
  kind       text NOT NULL,
  body       jsonb NOT NULL DEFAULT '{}'::jsonb,          -- {"text": ..., "nextDate": ..., "personId": ...}
  author_id  uuid REFERENCES app_user(id),
  at         timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX case_entry_case ON case_entry (case_id, at);

CREATE TABLE case_share (
  case_id    uuid NOT NULL REFERENCES case_file(id),
  user_id    uuid NOT NULL REFERENCES app_user(id),
  shared_by  uuid REFERENCES app_user(id),
  until      date,
  at         timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (case_id, user_id)
);
