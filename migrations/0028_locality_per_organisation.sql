-- Localities belong to the organisation that added them: each organisation lists, and names in
-- moves and sites, only its own and the shared reference localities (org_id NULL: P-coded places
-- loaded for everyone, read-only to every organisation). Before this migration they were global.
-- A locality whose creation is in the change log becomes its creator's organisation's; the others
-- (loaded as reference data) stay shared. Existing moves and sites that name a locality keep it.
ALTER TABLE locality ADD COLUMN org_id uuid REFERENCES organisation(id);
UPDATE locality l SET org_id = c.org_id
  FROM change_log c
  WHERE c.entity = 'locality' AND c.action = 'create' AND c.entity_id = l.id AND c.org_id IS NOT NULL;
CREATE INDEX locality_org_governorate ON locality (org_id, governorate);
