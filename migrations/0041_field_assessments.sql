-- Reconstruction (#16): field assessments of damaged buildings by engineers, recorded on a phone
-- (offline, synced once), with a bill of quantities priced from a materials catalogue and photos
-- stored by Sanad. A field assessment never replaces a remote one (remote_assessment): both are kept.

-- The materials catalogue: what a bill of quantities may list, with a default unit cost in US dollars
-- (the programme's reporting currency; an engineer may price a line differently, and the line keeps
-- the cost used). Codes are stable: bills refer to them.
CREATE TABLE material_item (
  code                   text PRIMARY KEY CHECK (code ~ '^[a-z][a-z0-9_]{1,39}$'),
  name_ar                text NOT NULL CHECK (length(name_ar) BETWEEN 1 AND 200),
  name_en                text NOT NULL CHECK (length(name_en) BETWEEN 1 AND 200),
  unit                   text NOT NULL CHECK (unit IN ('tonne','m3','m2','piece','person_day')),
  default_unit_cost_usd  numeric(12,2) NOT NULL CHECK (default_unit_cost_usd >= 0),
  position               integer NOT NULL,
  active                 boolean NOT NULL DEFAULT true
);
-- Indicative costs for a start; the programme sets its own.
INSERT INTO material_item (code, name_ar, name_en, unit, default_unit_cost_usd, position) VALUES
  ('cement',    'إسمنت',            'Cement',               'tonne',      140.00, 1),
  ('rebar',     'حديد تسليح',       'Reinforcing steel',    'tonne',      950.00, 2),
  ('aggregate', 'حصمة (ركام)',      'Aggregate',            'm3',          30.00, 3),
  ('sand',      'رمل',              'Sand',                 'm3',          20.00, 4),
  ('blocks',    'طوب إسمنتي',       'Concrete blocks',      'piece',        1.20, 5),
  ('glazing',   'زجاج',             'Glazing',              'm2',          35.00, 6),
  ('labour',    'أجرة عمالة',       'Labour',               'person_day',  25.00, 7);

-- One engineer's assessment of a building (and optionally one unit) on one day. The id is made by
-- the engineer's device when the assessment is saved: sending it again (a lost answer, a retry) is
-- the same assessment, never a second one. Never updated: a later visit is another row.
CREATE TABLE field_assessment (
  id             uuid PRIMARY KEY,
  org_id         uuid NOT NULL REFERENCES organisation(id),
  building_id    uuid NOT NULL REFERENCES building(id),
  unit_id        uuid REFERENCES housing_unit(id),
  damage_class   text NOT NULL CHECK (damage_class IN ('minor','major','severe','destroyed')),
  habitable      boolean NOT NULL,
  notes          text CHECK (length(notes) <= 2000),
  assessed_on    date NOT NULL,
  assessor_id    uuid NOT NULL REFERENCES app_user(id),
  total_usd      numeric(14,2) NOT NULL CHECK (total_usd >= 0),
  request_sha256 bytea NOT NULL,            -- what was sent: a resend is told from another assessment under the same id
  created_at     timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX field_assessment_building ON field_assessment (building_id, assessed_on);
CREATE INDEX field_assessment_assessor ON field_assessment (assessor_id, created_at);

-- The bill of quantities: one line per item, priced as the engineer priced it.
CREATE TABLE field_assessment_line (
  assessment_id   uuid NOT NULL REFERENCES field_assessment(id),
  line_no         integer NOT NULL CHECK (line_no >= 1),
  item_code       text NOT NULL REFERENCES material_item(code),
  quantity        numeric(12,3) NOT NULL CHECK (quantity > 0),
  unit_cost_usd   numeric(12,2) NOT NULL CHECK (unit_cost_usd >= 0),
  line_total_usd  numeric(14,2) NOT NULL CHECK (line_total_usd >= 0),
  PRIMARY KEY (assessment_id, line_no),
  UNIQUE (assessment_id, item_code)
);

-- Photos of an assessment, stored in PostgreSQL (bytea: in the same transactions and backups as the
-- rest; docs/decisions/0027-field-photo-storage.md). The bytes are stripped of metadata (EXIF, XMP,
-- comments, text chunks) before they are stored; the id is random and no file name is kept. Where
-- and when the photo was taken are fields. client_id is the device's id for the photo: a resend is
-- the same photo.
CREATE TABLE field_photo (
  id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  assessment_id  uuid NOT NULL REFERENCES field_assessment(id),
  client_id      uuid NOT NULL,
  media_type     text NOT NULL CHECK (media_type IN ('image/jpeg','image/png','image/webp')),
  bytes          bytea NOT NULL,
  byte_size      integer NOT NULL CHECK (byte_size > 0 AND byte_size <= 5242880),
  sha256         bytea NOT NULL,
  lon            double precision CHECK (lon BETWEEN -180 AND 180),
  lat            double precision CHECK (lat BETWEEN -90 AND 90),
  taken_at       timestamptz NOT NULL,
  uploaded_by    uuid NOT NULL REFERENCES app_user(id),
  created_at     timestamptz NOT NULL DEFAULT now(),
  CHECK ((lon IS NULL) = (lat IS NULL)),
  UNIQUE (assessment_id, client_id)
);
-- Photos are already compressed: stored out of line without another compression attempt.
ALTER TABLE field_photo ALTER COLUMN bytes SET STORAGE EXTERNAL;
