-- Life events: what happened to a person, who says so and how sure, and the tasks that follow.
-- A report is never deleted: it is corrected (the change log keeps what it said before) or
-- withdrawn with a reason. Whether a kind of event is confirmed for a person is worked out from
-- the standing reports (src/lifeEvents/confirmation.ts) and kept in `confirmed_at` of the report
-- that confirmed it, so that lists and rules need no recomputation.
CREATE TABLE life_event (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id        uuid NOT NULL REFERENCES organisation(id),
  person_id     uuid NOT NULL REFERENCES person(id),
  kind          text NOT NULL CHECK (kind IN ('death','injury','disability','missing','found','orphaned','separated','lost_home','lost_livelihood','recovered')),
  event_date    date,
  source        text NOT NULL CHECK (source IN ('hospital','health_ministry_list','family_report','field_visit','other_organisation','official_record')),
  confidence    text NOT NULL CHECK (confidence IN ('low','medium','high')),
  detail        jsonb NOT NULL DEFAULT '{}'::jsonb,
  note          text,
  recorded_by   uuid REFERENCES app_user(id),
  recorded_at   timestamptz NOT NULL DEFAULT now(),
  version       integer NOT NULL DEFAULT 1,
  withdrawn_at  timestamptz,
  withdrawn_reason text,
  CHECK ((withdrawn_at IS NULL) = (withdrawn_reason IS NULL))
);
CREATE INDEX life_event_person ON life_event (person_id, kind, recorded_at);

-- Whether a kind of event is confirmed for a person, and since when (one row per person and kind).
-- `effective_date`: the earliest date the standing reports give (NULL when none gives one). A
-- death confirmed with an effective date on or before a cycle's cut-off (or with none) takes the
-- person out of their household's counts in that cycle (src/store/aid/generate.ts).
CREATE TABLE life_event_confirmation (
  person_id      uuid NOT NULL REFERENCES person(id),
  kind           text NOT NULL,
  confirmed_at   timestamptz NOT NULL DEFAULT now(),
  effective_date date,
  PRIMARY KEY (person_id, kind)
);

-- What follows from a confirmed event, for a person to do: the new head of a household whose head
-- died; a vulnerability to record (a severe injury, a disability, a lost home or livelihood...). Tasks are in the organisation and governorate of the household they concern.
CREATE TABLE task (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id        uuid NOT NULL REFERENCES organisation(id),
  kind          text NOT NULL CHECK (kind IN ('new_head','record_vulnerability')),
  household_id  uuid NOT NULL REFERENCES household(id),
  person_id     uuid NOT NULL REFERENCES person(id),   -- whom the event happened to
  life_event_id uuid NOT NULL REFERENCES life_event(id),
  proposal      jsonb NOT NULL DEFAULT '{}'::jsonb,     -- {"newHead": "<person id>"} or {"vulnerability": "injured"}
  status        text NOT NULL DEFAULT 'open' CHECK (status IN ('open','done','dismissed')),
  due_at        timestamptz NOT NULL,
  created_at    timestamptz NOT NULL DEFAULT now(),
  closed_at     timestamptz,
  closed_by     uuid REFERENCES app_user(id),
  outcome       text,
  CHECK ((status = 'open') = (closed_at IS NULL))
);
CREATE INDEX task_open ON task (org_id, due_at) WHERE status = 'open';
-- one open task of a kind per household and person (and per vulnerability proposed)
CREATE UNIQUE INDEX task_one_open ON task (household_id, kind, person_id, (coalesce(proposal->>'vulnerability', ''))) WHERE status = 'open';
