-- Shelters and aid: sites with Sphere capacity, programmes with rules as data, cycles and their
-- entitlement lists, stock, household cards with signed tokens, and offline redemptions that never
-- pay twice (a partial unique index lets one redemption stand per entitlement).
-- Forward only: never edit a migration that has shipped; add a new one.

-- Sphere Handbook (2018) minimum standards, as data ---------------------------------------------
CREATE TABLE sphere_standard (
  key          text PRIMARY KEY,
  value        numeric NOT NULL CHECK (value > 0),
  unit         text NOT NULL,
  description  text NOT NULL,
  source       text NOT NULL
);
INSERT INTO sphere_standard (key, value, unit, description, source) VALUES
  ('covered_area_per_person', 3.5, 'm2/person', 'Minimum covered living space per person', 'Sphere Handbook 2018, Shelter and settlement standard 3'),
  ('persons_per_toilet_initial', 50, 'persons/toilet', 'At most this many people per toilet in the first (emergency) phase', 'Sphere Handbook 2018, WASH excreta management standard 3.2'),
  ('persons_per_toilet_later', 20, 'persons/toilet', 'At most this many people per toilet later (stabilised)', 'Sphere Handbook 2018, WASH excreta management standard 3.2'),
  ('water_litres_per_person_day', 15, 'l/person/day', 'Minimum water for drinking and domestic hygiene', 'Sphere Handbook 2018, WASH water supply standard 2.1'),
  ('kcal_per_person_day', 2100, 'kcal/person/day', 'Minimum energy requirement', 'Sphere Handbook 2018, Food security and nutrition, Appendix 6'),
  ('persons_per_water_point', 250, 'persons/tap', 'At most this many people per tap (flow 7.5 l/min)', 'Sphere Handbook 2018, WASH water supply standard 2.1');

-- Sites ----------------------------------------------------------------------------------------
CREATE TABLE site (
  id                    uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id                uuid NOT NULL REFERENCES organisation(id),   -- the organisation that registered it: access scope
  kind                  text NOT NULL CHECK (kind IN ('collective_centre','school','camp','informal_site','host_community_area')),
  name                  text NOT NULL,
  governorate           text NOT NULL REFERENCES governorate(pcode),
  locality              uuid REFERENCES locality(id),
  lat                   double precision CHECK (lat BETWEEN -90 AND 90),
  lon                   double precision CHECK (lon BETWEEN -180 AND 180),
  managing_organisation text,
  covered_area_m2       numeric CHECK (covered_area_m2 >= 0),
  toilets               integer CHECK (toilets >= 0),
  water_points          integer CHECK (water_points >= 0),
  water_litres_per_day  numeric CHECK (water_litres_per_day >= 0),  -- supplied, when known
  phase                 text NOT NULL DEFAULT 'initial' CHECK (phase IN ('initial','later')),
  status                text NOT NULL DEFAULT 'open' CHECK (status IN ('open','closed','damaged')),
  created_at            timestamptz NOT NULL DEFAULT now(),
  updated_at            timestamptz NOT NULL DEFAULT now(),
  version               integer NOT NULL DEFAULT 1
);
CREATE INDEX site_governorate ON site (org_id, governorate);
CREATE INDEX displacement_event_site ON displacement_event (to_site) WHERE to_site IS NOT NULL;

-- Stock locations ------------------------------------------------------------------------------
CREATE TABLE warehouse (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id      uuid NOT NULL REFERENCES organisation(id),
  name        text NOT NULL,
  governorate text NOT NULL REFERENCES governorate(pcode),
  created_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE distribution_point (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id      uuid NOT NULL REFERENCES organisation(id),
  name        text NOT NULL,
  governorate text NOT NULL REFERENCES governorate(pcode),
  site_id     uuid REFERENCES site(id),          -- serves this site; else the governorate at large
  lat         double precision CHECK (lat BETWEEN -90 AND 90),
  lon         double precision CHECK (lon BETWEEN -180 AND 180),
  created_at  timestamptz NOT NULL DEFAULT now()
);

-- Items, programmes, cycles --------------------------------------------------------------------
CREATE TABLE aid_item (
  id         uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id     uuid NOT NULL REFERENCES organisation(id),
  code       text NOT NULL CHECK (code ~ '^[a-z0-9_]{1,40}$'),
  name       text NOT NULL,
  unit       text NOT NULL,
  sector     text NOT NULL CHECK (sector IN ('food','water','hygiene','shelter','cash')),
  kcal_per_unit numeric CHECK (kcal_per_unit >= 0),
  UNIQUE (org_id, code)
);

CREATE TABLE programme (
  id         uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id     uuid NOT NULL REFERENCES organisation(id),
  name       text NOT NULL,
  sector     text NOT NULL CHECK (sector IN ('food','water','hygiene','shelter','cash')),
  rules      jsonb NOT NULL DEFAULT '[]',          -- eligibility and quantity rules (src/aid/rules.ts)
  created_at timestamptz NOT NULL DEFAULT now(),
  version    integer NOT NULL DEFAULT 1,
  UNIQUE (org_id, name)
);

CREATE TABLE aid_cycle (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  programme_id  uuid NOT NULL REFERENCES programme(id),
  number        integer NOT NULL CHECK (number >= 1),
  cutoff_date   date NOT NULL,                    -- the registry as it stood on this date
  status        text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft','generated','closed')),
  rules         jsonb,                            -- the rules applied, copied at generation
  generated_at  timestamptz,
  households    integer,
  created_at    timestamptz NOT NULL DEFAULT now(),
  UNIQUE (programme_id, number)
);

-- The registry snapshot of a cycle: each household as it stood on the cut-off date.
-- No foreign keys on the two bulk tables (checked per row, they would dominate generation time):
-- rows are only written by the generator, for a cycle it holds locked, and never deleted.
CREATE TABLE cycle_household (
  cycle_id        uuid NOT NULL,
  household_id    uuid NOT NULL,
  governorate     text,
  site_id         uuid,
  site_kind       text,
  point_id        uuid,
  displaced       boolean NOT NULL,
  size            integer NOT NULL,
  female          integer NOT NULL,
  male            integer NOT NULL,
  f_0_17          integer NOT NULL,
  m_0_17          integer NOT NULL,
  f_18_59         integer NOT NULL,
  m_18_59         integer NOT NULL,
  f_60_plus       integer NOT NULL,
  m_60_plus       integer NOT NULL,
  vulnerabilities text[] NOT NULL DEFAULT '{}',
  PRIMARY KEY (cycle_id, household_id)
);

CREATE TABLE entitlement (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  cycle_id      uuid NOT NULL,
  household_id  uuid NOT NULL,
  item_id       uuid NOT NULL,
  quantity      numeric NOT NULL CHECK (quantity > 0),
  point_id      uuid,
  rule_index    integer NOT NULL
  -- (cycle_id, household_id, item_id) is unique by construction (first matching rule per item,
  -- one snapshot row per household); not indexed: a third index would slow generation by a third.
);
-- Rows are written grouped by cycle and point (see src/store/aid/generate.ts), so a BRIN index finds
-- a point's manifest for a fraction of the cost of maintaining a btree over millions of rows.
CREATE INDEX entitlement_point ON entitlement USING brin (cycle_id, point_id) WITH (pages_per_range = 16);

-- Household cards: Ed25519-signed tokens (household id, key id, serial); never personal data --
CREATE TABLE card_key (
  id          text PRIMARY KEY CHECK (id ~ '^[A-Za-z0-9_-]{1,32}$'),
  public_key  bytea NOT NULL,                     -- raw 32 bytes
  private_key bytea,                              -- PKCS#8 DER; NULL once retired
  created_at  timestamptz NOT NULL DEFAULT now(),
  retired_at  timestamptz                         -- retired keys no longer verify
);

CREATE SEQUENCE household_card_serial START 1000;
CREATE TABLE household_card (
  serial        bigint PRIMARY KEY DEFAULT nextval('household_card_serial'),
  household_id  uuid NOT NULL REFERENCES household(id),
  org_id        uuid NOT NULL REFERENCES organisation(id),
  key_id        text NOT NULL REFERENCES card_key(id),
  issued_at     timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX household_card_household ON household_card (household_id);

CREATE TABLE card_revocation (
  serial      bigint PRIMARY KEY REFERENCES household_card(serial),
  reason      text NOT NULL CHECK (reason IN ('lost','stolen','damaged','replaced','other')),
  revoked_at  timestamptz NOT NULL DEFAULT now()
);

-- Redemptions: the client's id is the key (a replay changes nothing); one standing per entitlement
CREATE TABLE redemption (
  id              uuid PRIMARY KEY,                -- generated by the device
  entitlement_id  uuid NOT NULL REFERENCES entitlement(id),
  cycle_id        uuid NOT NULL,
  household_id    uuid NOT NULL,
  item_id         uuid NOT NULL,
  quantity        numeric NOT NULL CHECK (quantity > 0),
  point_id        uuid,
  device_id       text,
  card_serial     bigint,
  batch_id        uuid,
  redeemed_at     timestamptz NOT NULL,            -- device clock
  received_at     timestamptz NOT NULL DEFAULT now(),
  status          text NOT NULL CHECK (status IN ('standing','conflict')),
  conflict_of     uuid,                            -- for a conflict: the redemption that stood
  review          text CHECK (review IN ('open','duplicate_confirmed','accepted')),
  reviewed_at     timestamptz,
  CHECK ((status = 'conflict') = (review IS NOT NULL))
);
CREATE UNIQUE INDEX redemption_one_standing ON redemption (entitlement_id) WHERE status = 'standing';
CREATE INDEX redemption_cycle_point ON redemption (cycle_id, point_id);
CREATE INDEX redemption_conflicts ON redemption (cycle_id) WHERE status = 'conflict';

-- Redemptions refused (forged, revoked, not entitled): kept with the reason, never silently dropped.
CREATE TABLE redemption_rejection (
  id          uuid PRIMARY KEY,                    -- the device's id
  reason      text NOT NULL,
  cycle_id    uuid,
  point_id    uuid,
  device_id   text,
  batch_id    uuid,
  received_at timestamptz NOT NULL DEFAULT now()
);

-- Stock: one ledger of movements -----------------------------------------------------------------
CREATE TABLE stock_movement (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id        uuid NOT NULL REFERENCES organisation(id),
  kind          text NOT NULL CHECK (kind IN ('receipt','dispatch','return','loss','damage')),
  item_id       uuid NOT NULL REFERENCES aid_item(id),
  quantity      numeric NOT NULL CHECK (quantity > 0),
  warehouse_id  uuid REFERENCES warehouse(id),
  point_id      uuid REFERENCES distribution_point(id),
  cycle_id      uuid REFERENCES aid_cycle(id),
  occurred_on   date NOT NULL,
  note          text,
  recorded_at   timestamptz NOT NULL DEFAULT now(),
  CHECK (CASE kind
    WHEN 'receipt' THEN warehouse_id IS NOT NULL AND point_id IS NULL
    WHEN 'dispatch' THEN warehouse_id IS NOT NULL AND point_id IS NOT NULL AND cycle_id IS NOT NULL
    WHEN 'return' THEN warehouse_id IS NOT NULL AND point_id IS NOT NULL AND cycle_id IS NOT NULL
    ELSE (warehouse_id IS NULL) <> (point_id IS NULL) AND (point_id IS NULL OR cycle_id IS NOT NULL)
  END)
);
CREATE INDEX stock_movement_point ON stock_movement (cycle_id, point_id);
CREATE INDEX stock_movement_warehouse ON stock_movement (warehouse_id, item_id);
