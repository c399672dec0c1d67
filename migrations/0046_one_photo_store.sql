-- One photo store (#16): tranche inspections keep their photos in field_photo, beside the field
-- assessments' (docs/decisions/0027-field-photo-storage.md). A photo belongs to exactly one
-- assessment or one inspection; both are checked and stripped by the same rule
-- (src/reconstruction/photo.ts) and read by the same route (GET /api/v1/reconstruction/photos/:id).
-- The inspection photos stored so far move here under their ids, so they stay readable;
-- inspection_photo goes.

ALTER TABLE field_photo ALTER COLUMN assessment_id DROP NOT NULL;
ALTER TABLE field_photo ADD COLUMN inspection_id uuid REFERENCES stage_inspection(id);
ALTER TABLE field_photo ADD CONSTRAINT field_photo_one_owner CHECK ((assessment_id IS NULL) <> (inspection_id IS NULL));
CREATE INDEX field_photo_inspection ON field_photo (inspection_id) WHERE inspection_id IS NOT NULL;

-- An inspection photo had no device id and no time of its own: its id stands for the device's
-- (client_id), the inspection's recording for when it was taken, its engineer for who uploaded it.
INSERT INTO field_photo (id, inspection_id, client_id, media_type, bytes, byte_size, sha256, taken_at, uploaded_by, created_at)
SELECT p.id, p.inspection_id, p.id, p.media_type, p.content, p.size_bytes, decode(p.sha256, 'hex'), i.created_at, i.engineer_id, i.created_at
  FROM inspection_photo p JOIN stage_inspection i ON i.id = p.inspection_id;

DROP TABLE inspection_photo;
