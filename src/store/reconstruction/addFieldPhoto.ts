// Adds a photo to a field assessment of the actor's, exactly once per device photo id: the bytes
// come in already stripped of metadata (src/reconstruction/photo.ts), under a random id of
// Sanad's; a resend of the same photo changes nothing, another photo under a taken id is refused.
import { createHash } from 'node:crypto';
import { errors } from '../../errors.ts';
import type { FieldPhoto } from '../../reconstruction/fieldAssessment.ts';
import type { StrippedPhoto } from '../../reconstruction/photo.ts';
import { MAX_PHOTOS_PER_ASSESSMENT } from '../../shared/fieldAssessment.ts';
import { isUuid } from '../../shared/ids.ts';
import type { WriteContext } from '../write.ts';
import { getBuilding } from './buildingRow.ts';

export type NewFieldPhoto = { clientId: string; photo: StrippedPhoto; lon: number | null; lat: number | null; takenAt: string };

type PhotoRow = {
  id: string;
  media_type: FieldPhoto['mediaType'];
  byte_size: number;
  lon: number | null;
  lat: number | null;
  taken_at: Date;
};
const view = (r: PhotoRow): FieldPhoto => ({
  id: r.id,
  mediaType: r.media_type,
  byteSize: r.byte_size,
  lon: r.lon,
  lat: r.lat,
  takenAt: r.taken_at.toISOString(),
});

export async function addFieldPhoto(
  ctx: WriteContext,
  assessmentId: string,
  n: NewFieldPhoto,
): Promise<{ photo: FieldPhoto; created: boolean }> {
  if (!isUuid(assessmentId)) throw errors.notFound('assessment');
  // Only the assessor adds photos to an assessment; the row is locked so the count below holds.
  const a = await ctx.client.query<{ building_id: string }>(
    'SELECT building_id FROM field_assessment WHERE id = $1 AND org_id = $2 AND assessor_id = $3 FOR UPDATE',
    [assessmentId, ctx.actor.orgId, ctx.actor.userId],
  );
  if (!a.rows[0]) throw errors.notFound('assessment');
  await getBuilding(ctx.client, ctx.actor, a.rows[0].building_id).catch(() => {
    throw errors.notFound('assessment');
  });
  const sha = createHash('sha256').update(n.photo.bytes).digest();
  const prior = await ctx.client.query<PhotoRow & { sha256: Buffer }>(
    'SELECT id, media_type, byte_size, lon, lat, taken_at, sha256 FROM field_photo WHERE assessment_id = $1 AND client_id = $2',
    [assessmentId, n.clientId],
  );
  if (prior.rows[0]) {
    if (!prior.rows[0].sha256.equals(sha)) throw errors.photoIdTaken();
    return { photo: view(prior.rows[0]), created: false };
  }
  const count = await ctx.client.query<{ n: number }>('SELECT count(*)::int AS n FROM field_photo WHERE assessment_id = $1', [
    assessmentId,
  ]);
  if (count.rows[0]!.n >= MAX_PHOTOS_PER_ASSESSMENT) throw errors.tooManyPhotos(MAX_PHOTOS_PER_ASSESSMENT);
  const r = await ctx.client.query<PhotoRow>(
    `INSERT INTO field_photo (assessment_id, client_id, media_type, bytes, byte_size, sha256, lon, lat, taken_at, uploaded_by)
     VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10) RETURNING id, media_type, byte_size, lon, lat, taken_at`,
    [assessmentId, n.clientId, n.photo.type, n.photo.bytes, n.photo.bytes.length, sha, n.lon, n.lat, n.takenAt, ctx.actor.userId],
  );
  const photo = view(r.rows[0]!);
  await ctx.log({
    entity: 'field_photo',
    entityId: photo.id,
    action: 'create',
    after: { assessmentId, mediaType: photo.mediaType, byteSize: photo.byteSize, sha256: sha.toString('hex'), takenAt: photo.takenAt },
  });
  return { photo, created: true };
}
