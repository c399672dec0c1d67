// Adds a photo to a field assessment of the actor's, exactly once per device photo id: the bytes
// come in already stripped of metadata (src/reconstruction/photo.ts) and go to the one photo store
// (photoStore.ts) under a random id of Sanad's; a resend of the same photo changes nothing,
// another photo under a taken id is refused.
import { errors } from '../../errors.ts';
import type { FieldPhoto } from '../../reconstruction/fieldAssessment.ts';
import type { StrippedPhoto } from '../../reconstruction/photo.ts';
import { MAX_PHOTOS_PER_ASSESSMENT } from '../../shared/fieldAssessment.ts';
import { isUuid } from '../../shared/ids.ts';
import type { WriteContext } from '../write.ts';
import { getBuilding } from './buildingRow.ts';
import { PHOTO_COLUMNS, type PhotoRow, photoSha, photoView, storePhoto } from './photoStore.ts';

export type NewFieldPhoto = { clientId: string; photo: StrippedPhoto; lon: number | null; lat: number | null; takenAt: string };

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
  const sha = photoSha(n.photo);
  const prior = await ctx.client.query<PhotoRow & { sha256: Buffer }>(
    `SELECT ${PHOTO_COLUMNS}, sha256 FROM field_photo WHERE assessment_id = $1 AND client_id = $2`,
    [assessmentId, n.clientId],
  );
  if (prior.rows[0]) {
    if (!prior.rows[0].sha256.equals(sha)) throw errors.photoIdTaken();
    return { photo: photoView(prior.rows[0]), created: false };
  }
  const count = await ctx.client.query<{ n: number }>('SELECT count(*)::int AS n FROM field_photo WHERE assessment_id = $1', [
    assessmentId,
  ]);
  if (count.rows[0]!.n >= MAX_PHOTOS_PER_ASSESSMENT) throw errors.tooManyPhotos(MAX_PHOTOS_PER_ASSESSMENT);
  const photo = await storePhoto(ctx, { assessmentId }, n.photo, { clientId: n.clientId, lon: n.lon, lat: n.lat, takenAt: n.takenAt });
  return { photo, created: true };
}
