-- Reconstruction projects (issue #16): a donor-funded package of cases or a public building, with
-- its budget per period, commitments and disbursements, published as IATI 2.03 activities
-- (`sanad reconstruction export-iati`). Everything here is public by design: no person, household
-- or claim is named; a project carries at most aggregates (housing units).
CREATE TABLE reconstruction_project (
  id                  uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id              uuid NOT NULL REFERENCES organisation(id),
  iati_identifier     text NOT NULL UNIQUE,
  reporting_org_ref   text NOT NULL,
  reporting_org_type  text NOT NULL,
  reporting_org_name  text NOT NULL,
  title_en            text NOT NULL,
  title_ar            text NOT NULL,
  description_en      text NOT NULL,
  description_ar      text NOT NULL,
  activity_status     text NOT NULL,
  planned_start       date NOT NULL,
  planned_end         date,
  actual_start        date,
  actual_end          date,
  default_currency    text NOT NULL,
  housing_units       integer CHECK (housing_units >= 0),
  created_by          uuid REFERENCES app_user(id),
  created_at          timestamptz NOT NULL DEFAULT now(),
  updated_at          timestamptz NOT NULL DEFAULT now(),
  version             integer NOT NULL DEFAULT 1,
  CHECK (planned_end IS NULL OR planned_end >= planned_start),
  CHECK (actual_end IS NULL OR (actual_start IS NOT NULL AND actual_end >= actual_start))
);
CREATE INDEX reconstruction_project_by_org ON reconstruction_project (org_id, id);

-- Participating organisations (funding, accountable, extending, implementing), in the order given.
CREATE TABLE reconstruction_project_org (
  project_id  uuid NOT NULL REFERENCES reconstruction_project(id) ON DELETE CASCADE,
  position    smallint NOT NULL,
  role        text NOT NULL,
  ref         text,
  type        text NOT NULL,
  name        text NOT NULL,
  PRIMARY KEY (project_id, position)
);

-- DAC 5 sectors (vocabulary 1) with percentages summing to 100.
CREATE TABLE reconstruction_project_sector (
  project_id  uuid NOT NULL REFERENCES reconstruction_project(id) ON DELETE CASCADE,
  code        text NOT NULL,
  percentage  numeric(5,2) NOT NULL CHECK (percentage > 0 AND percentage <= 100),
  PRIMARY KEY (project_id, code)
);

-- Where: governorates (OCHA P-codes), optionally a point (WGS 84) for a public building; never a home.
CREATE TABLE reconstruction_project_location (
  project_id   uuid NOT NULL REFERENCES reconstruction_project(id) ON DELETE CASCADE,
  governorate  text NOT NULL REFERENCES governorate(pcode),
  lat          double precision,
  lon          double precision,
  PRIMARY KEY (project_id, governorate),
  CHECK ((lat IS NULL) = (lon IS NULL))
);
CREATE INDEX reconstruction_project_location_gov ON reconstruction_project_location (governorate, project_id);

CREATE TABLE reconstruction_project_budget (
  project_id    uuid NOT NULL REFERENCES reconstruction_project(id) ON DELETE CASCADE,
  position      smallint NOT NULL,
  type          text NOT NULL,
  status        text NOT NULL,
  period_start  date NOT NULL,
  period_end    date NOT NULL,
  value         numeric(18,2) NOT NULL CHECK (value >= 0),
  currency      text NOT NULL,
  value_date    date NOT NULL,
  PRIMARY KEY (project_id, position),
  CHECK (period_end >= period_start)
);

-- Commitments, disbursements (and incoming funds, expenditure): recorded, never edited.
CREATE TABLE reconstruction_project_transaction (
  id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  project_id     uuid NOT NULL REFERENCES reconstruction_project(id),
  type           text NOT NULL,
  date           date NOT NULL,
  value          numeric(18,2) NOT NULL CHECK (value > 0),
  currency       text NOT NULL,
  description    text,
  provider_ref   text,
  provider_type  text,
  provider_name  text,
  receiver_ref   text,
  receiver_type  text,
  receiver_name  text,
  created_by     uuid REFERENCES app_user(id),
  created_at     timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX reconstruction_project_transaction_project ON reconstruction_project_transaction (project_id, date, id);
