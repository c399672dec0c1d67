-- Reconstruction (#16), the foundation: buildings, housing units, who lived in them (occupancy over
-- time) and remote damage assessments imported per structure. PostgreSQL here has no PostGIS: a
-- building's geometry is kept as validated GeoJSON (a Point or a footprint Polygon, WGS 84) with a
-- representative point, its bounding box and the key of the ~50 m grid cell of that point, on which
-- imports match assessments to buildings (docs/decisions/0026-building-matching-grid.md).
-- New roles: engineers (field assessments, inspections), claims officers, reconstruction committee
-- members (approvals) and vendors (material sales).
ALTER TABLE app_user DROP CONSTRAINT app_user_role_check;
ALTER TABLE app_user ADD CONSTRAINT app_user_role_check
  CHECK (role IN ('administrator','registration_officer','caseworker','site_manager','distribution_officer','analyst','auditor','case_supervisor','feedback_focal_point',
                  'engineer','claims_officer','reconstruction_committee','vendor'));

CREATE TABLE building (
  id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id       uuid NOT NULL REFERENCES organisation(id),
  governorate  text NOT NULL REFERENCES governorate(pcode),
  locality_id  uuid REFERENCES locality(id),
  use          text NOT NULL CHECK (use IN ('residential','mixed','commercial','public','other','unknown')),
  floors       integer CHECK (floors BETWEEN 1 AND 200),
  geometry     jsonb NOT NULL,                         -- GeoJSON Point or Polygon, validated before it is stored
  lon          double precision NOT NULL CHECK (lon BETWEEN -180 AND 180),   -- representative point
  lat          double precision NOT NULL CHECK (lat BETWEEN -90 AND 90),
  min_lon      double precision NOT NULL,
  min_lat      double precision NOT NULL,
  max_lon      double precision NOT NULL,
  max_lat      double precision NOT NULL,
  cell         bigint NOT NULL,                        -- grid cell of (lon, lat): src/reconstruction/geometry.ts
  source       text NOT NULL CHECK (source IN ('field','remote_import')),
  created_by   uuid REFERENCES app_user(id),
  created_at   timestamptz NOT NULL DEFAULT now(),
  version      integer NOT NULL DEFAULT 1,
  CHECK (min_lon <= lon AND lon <= max_lon AND min_lat <= lat AND lat <= max_lat)
);
CREATE INDEX building_cell ON building (org_id, cell);
CREATE INDEX building_place ON building (org_id, governorate, locality_id);

CREATE TABLE housing_unit (
  id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  building_id  uuid NOT NULL REFERENCES building(id),
  floor        integer NOT NULL CHECK (floor BETWEEN -5 AND 200),
  unit_number  text NOT NULL CHECK (length(unit_number) BETWEEN 1 AND 20),
  area_m2      numeric(8,2) CHECK (area_m2 > 0),
  created_by   uuid REFERENCES app_user(id),
  created_at   timestamptz NOT NULL DEFAULT now(),
  UNIQUE (building_id, floor, unit_number)
);

-- Who lived in a unit and how, from a date to a date (open: still there). One household's periods
-- in one unit do not overlap (checked by the store operation).
CREATE TABLE occupancy (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  unit_id       uuid NOT NULL REFERENCES housing_unit(id),
  household_id  uuid NOT NULL REFERENCES household(id),
  tenure        text NOT NULL CHECK (tenure IN ('owner','tenant','owner_family','other')),
  valid_from    date NOT NULL,
  valid_to      date,
  created_by    uuid REFERENCES app_user(id),
  created_at    timestamptz NOT NULL DEFAULT now(),
  CHECK (valid_to IS NULL OR valid_to >= valid_from)
);
CREATE INDEX occupancy_unit ON occupancy (unit_id, valid_from);
CREATE INDEX occupancy_household ON occupancy (household_id);

-- One run of `sanad reconstruction import-damage` (or the API): the file, its mapping and its counts.
CREATE TABLE damage_import (
  id                 uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id             uuid NOT NULL REFERENCES organisation(id),
  actor_id           uuid REFERENCES app_user(id),
  file_name          text NOT NULL,
  file_sha256        text NOT NULL,
  format             text NOT NULL CHECK (format IN ('csv','geojson')),
  mapping            jsonb NOT NULL DEFAULT '{}',
  tolerance_m        double precision NOT NULL CHECK (tolerance_m > 0),
  rows_total         integer NOT NULL DEFAULT 0,
  rows_matched       integer NOT NULL DEFAULT 0,
  buildings_created  integer NOT NULL DEFAULT 0,
  rows_quarantined   integer NOT NULL DEFAULT 0,
  status             text NOT NULL DEFAULT 'running' CHECK (status IN ('running','done','failed')),
  started_at         timestamptz NOT NULL DEFAULT now(),
  finished_at        timestamptz
);
CREATE UNIQUE INDEX damage_import_file ON damage_import (org_id, file_sha256);

-- A remote assessment of one structure on one date of imagery. Never updated: a later assessment
-- of the same building is another row.
CREATE TABLE remote_assessment (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  building_id   uuid NOT NULL REFERENCES building(id),
  import_id     uuid NOT NULL REFERENCES damage_import(id),
  row_number    integer NOT NULL,
  damage_class  text NOT NULL CHECK (damage_class IN ('destroyed','severely_damaged','moderately_damaged','possibly_damaged','no_visible_damage')),
  imagery_date  date NOT NULL,
  lon           double precision NOT NULL,
  lat           double precision NOT NULL,
  distance_m    real NOT NULL CHECK (distance_m >= 0),
  structure_ref text,                                   -- the structure's id in the source file, if any
  created_at    timestamptz NOT NULL DEFAULT now(),
  UNIQUE (import_id, row_number)
);
CREATE INDEX remote_assessment_building ON remote_assessment (building_id, imagery_date);

-- Rows of a damage file that were not loaded: invalid, outside the boundaries, or ambiguous (two
-- buildings as near), with the reasons ([{field, reason}]).
CREATE TABLE damage_quarantine (
  id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  import_id    uuid NOT NULL REFERENCES damage_import(id),
  row_number   integer NOT NULL,
  raw          jsonb NOT NULL,
  errors       jsonb NOT NULL,
  created_at   timestamptz NOT NULL DEFAULT now(),
  UNIQUE (import_id, row_number)
);
