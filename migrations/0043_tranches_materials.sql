-- Reconstruction (#16): repair and rebuild in tranches, and materials sold by approved vendors.
-- An approved case gets one plan (its stream, a short code vendors enter, transitional shelter cash
-- while the unit is uninhabitable) with tranches from the grant it was approved with. A tranche is
-- released only once an engineer's inspection with photos records its stage, by someone other than
-- that engineer; its payment stands once (unique per tranche), and one plan per unit ever means a
-- unit's grant is never paid twice (docs/decisions/*-tranches-*.md: how payments join the ledger).
-- Materials: a quota per case from its bill of quantities; vendors' sales carry the device's id
-- (a replay applies once) and are refused beyond the quota.

CREATE TABLE reconstruction_plan (
  case_id        uuid PRIMARY KEY REFERENCES claim_case(id),
  org_id         uuid NOT NULL REFERENCES organisation(id),
  governorate    text NOT NULL REFERENCES governorate(pcode),
  unit_id        uuid NOT NULL UNIQUE REFERENCES housing_unit(id),    -- one grant per unit, ever
  code           text NOT NULL UNIQUE CHECK (code ~ '^[0-9A-HJKMNP-TV-Z]{8}$'),
  stream         text NOT NULL CHECK (stream IN ('repair','rebuild')),
  grant_amount   numeric(12,2) NOT NULL CHECK (grant_amount >= 0),
  rule_version   integer NOT NULL,
  shelter_cash_monthly numeric(12,2) NOT NULL DEFAULT 0 CHECK (shelter_cash_monthly >= 0),
  shelter_from   date NOT NULL,                -- transitional shelter cash runs from here ...
  shelter_until  date,                         -- ... until the final tranche's stage is inspected and released
  created_by     uuid NOT NULL REFERENCES app_user(id),
  created_at     timestamptz NOT NULL DEFAULT now(),
  version        integer NOT NULL DEFAULT 1
);
CREATE INDEX reconstruction_plan_place ON reconstruction_plan (org_id, governorate);

CREATE TABLE tranche (
  id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  case_id      uuid NOT NULL REFERENCES reconstruction_plan(case_id),
  seq          integer NOT NULL CHECK (seq >= 1),
  stage        text NOT NULL CHECK (stage IN ('signing','plinth','walls','roof','completion')),
  amount       numeric(12,2) NOT NULL CHECK (amount >= 0),
  UNIQUE (case_id, seq),
  UNIQUE (case_id, stage)
);

-- An engineer's inspection of a case at a stage, with its photos and the materials seen installed.
CREATE TABLE stage_inspection (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  case_id       uuid NOT NULL REFERENCES reconstruction_plan(case_id),
  stage         text NOT NULL CHECK (stage IN ('signing','plinth','walls','roof','completion')),
  engineer_id   uuid NOT NULL REFERENCES app_user(id),
  inspected_on  date NOT NULL,
  note          text CHECK (note IS NULL OR length(note) <= 1000),
  created_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX stage_inspection_case ON stage_inspection (case_id, stage);

-- Photos of an inspection. TODO(merge with h-assess): the field assessments' photo storage (bytea,
-- metadata stripped) is the one store; this keeps a checked image of its own until then.
CREATE TABLE inspection_photo (
  id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  inspection_id  uuid NOT NULL REFERENCES stage_inspection(id),
  media_type     text NOT NULL CHECK (media_type IN ('image/jpeg','image/png')),
  size_bytes     integer NOT NULL CHECK (size_bytes > 0 AND size_bytes <= 716800),
  sha256         text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  content        bytea NOT NULL
);
CREATE INDEX inspection_photo_inspection ON inspection_photo (inspection_id);

CREATE TABLE inspection_installed (
  inspection_id  uuid NOT NULL REFERENCES stage_inspection(id),
  item           text NOT NULL CHECK (item ~ '^[a-z0-9_]{1,40}$'),
  quantity       numeric(14,3) NOT NULL CHECK (quantity > 0),
  PRIMARY KEY (inspection_id, item)
);

-- The payment of a tranche: one per tranche, never updated, never deleted.
CREATE TABLE tranche_payment (
  id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tranche_id     uuid NOT NULL UNIQUE REFERENCES tranche(id),
  case_id        uuid NOT NULL REFERENCES reconstruction_plan(case_id),
  unit_id        uuid NOT NULL REFERENCES housing_unit(id),
  inspection_id  uuid NOT NULL REFERENCES stage_inspection(id),
  amount         numeric(12,2) NOT NULL CHECK (amount >= 0),
  released_by    uuid NOT NULL REFERENCES app_user(id),
  released_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX tranche_payment_case ON tranche_payment (case_id);

-- Materials --------------------------------------------------------------------------------------
CREATE TABLE material_quota (
  case_id     uuid NOT NULL REFERENCES reconstruction_plan(case_id),
  item        text NOT NULL CHECK (item ~ '^[a-z0-9_]{1,40}$'),
  unit        text NOT NULL CHECK (length(unit) BETWEEN 1 AND 20),
  quantity    numeric(14,3) NOT NULL CHECK (quantity > 0),
  created_by  uuid NOT NULL REFERENCES app_user(id),
  created_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (case_id, item)
);

CREATE TABLE vendor (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id        uuid NOT NULL REFERENCES organisation(id),
  organisation  text NOT NULL CHECK (length(organisation) BETWEEN 1 AND 200),
  governorate   text NOT NULL REFERENCES governorate(pcode),
  user_id       uuid NOT NULL UNIQUE REFERENCES app_user(id),   -- the vendor's account (role vendor)
  approved_by   uuid NOT NULL REFERENCES app_user(id),
  created_at    timestamptz NOT NULL DEFAULT now()
);

-- A sale: the device's id is the key (a replay changes nothing).
CREATE TABLE material_sale (
  id           uuid PRIMARY KEY,
  vendor_id    uuid NOT NULL REFERENCES vendor(id),
  case_id      uuid NOT NULL REFERENCES reconstruction_plan(case_id),
  item         text NOT NULL,
  quantity     numeric(14,3) NOT NULL CHECK (quantity > 0),
  sold_at      timestamptz NOT NULL,          -- device clock
  received_at  timestamptz NOT NULL DEFAULT now(),
  FOREIGN KEY (case_id, item) REFERENCES material_quota(case_id, item)
);
CREATE INDEX material_sale_case ON material_sale (case_id, item);
CREATE INDEX material_sale_vendor ON material_sale (vendor_id);
