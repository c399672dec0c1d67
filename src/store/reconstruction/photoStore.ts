// The one photo store (field_photo, migrations 0041 and 0046; docs/decisions/0027): a photo of a
// field assessment or of a tranche inspection, already checked and stripped of its metadata
// (src/api/photoBody.ts acceptedPhoto), under a random id of Sanad's, with its change-log entry.
import { createHash, randomUUID } from 'node:crypto';
import type { FieldPhoto } from '../../reconstruction/fieldAssessment.ts';
import type { StrippedPhoto } from '../../reconstruction/photo.ts';
import type { WriteContext } from '../write.ts';

/** Whose photo it is: exactly one assessment or one inspection. */
export type PhotoOwner = { assessmentId: string } | { inspectionId: string };
export type PhotoFacts = { clientId?: string; lon: number | null; lat: number | null; takenAt: string };

export type PhotoRow = {
  id: string;
  media_type: FieldPhoto['mediaType'];
  byte_size: number;
  lon: number | null;
  lat: number | null;
  taken_at: Date;
};
export const PHOTO_COLUMNS = 'id, media_type, byte_size, lon, lat, taken_at';
export const photoView = (r: PhotoRow): FieldPhoto => ({
  id: r.id,
  mediaType: r.media_type,
  byteSize: r.byte_size,
  lon: r.lon,
  lat: r.lat,
  takenAt: r.taken_at.toISOString(),
});

export const photoSha = (photo: StrippedPhoto): Buffer => createHash('sha256').update(photo.bytes).digest();

/** Stores one photo and logs it; a photo without a device id is its own (client_id = id). */
export async function storePhoto(ctx: WriteContext, owner: PhotoOwner, photo: StrippedPhoto, facts: PhotoFacts): Promise<FieldPhoto> {
  const sha = photoSha(photo);
  const id = randomUUID();
  const assessmentId = 'assessmentId' in owner ? owner.assessmentId : null;
  const inspectionId = 'inspectionId' in owner ? owner.inspectionId : null;
  const r = await ctx.client.query<PhotoRow>(
    `INSERT INTO field_photo (id, assessment_id, inspection_id, client_id, media_type, bytes, byte_size, sha256, lon, lat, taken_at, uploaded_by)
     VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12) RETURNING ${PHOTO_COLUMNS}`,
    [
      id,
      assessmentId,
      inspectionId,
      facts.clientId ?? id,
      photo.type,
      photo.bytes,
      photo.bytes.length,
      sha,
      facts.lon,
      facts.lat,
      facts.takenAt,
      ctx.actor.userId,
    ],
  );
  const stored = photoView(r.rows[0]!);
  await ctx.log({
    entity: 'field_photo',
    entityId: stored.id,
    action: 'create',
    after: { ...owner, mediaType: stored.mediaType, byteSize: stored.byteSize, sha256: sha.toString('hex'), takenAt: stored.takenAt },
  });
  return stored;
}
