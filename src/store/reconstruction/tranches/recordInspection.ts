// An engineer's inspection of a case at a stage: the day, at least one photo (JPEG or PNG by its
// bytes, metadata stripped, size-limited; kept under a random id, never a file name) and the
// materials seen installed. Inspections are kept, never replaced: a stage may be inspected again.
import { createHash } from 'node:crypto';
import { errors } from '../../../errors.ts';
import { cleanPhoto } from '../../../reconstruction/photos.ts';
import { MAX_PHOTO_BYTES, type Stage } from '../../../shared/tranches.ts';
import type { WriteContext } from '../../write.ts';
import { getPlan } from './planRow.ts';

export type InspectionInput = {
  stage: Stage;
  inspectedOn: string;
  note?: string | undefined;
  photos: Buffer[];
  installed: { item: string; quantity: number }[];
};

export async function recordInspection(ctx: WriteContext, caseId: string, input: InspectionInput): Promise<string> {
  const plan = await getPlan(ctx.client, ctx.actor, caseId, true);
  const photos = input.photos.map((bytes) => {
    if (bytes.length > MAX_PHOTO_BYTES) throw errors.photoTooLarge(MAX_PHOTO_BYTES);
    const clean = cleanPhoto(bytes);
    if (!clean) throw errors.photoTypeRefused();
    return clean;
  });
  const r = await ctx.client.query<{ id: string }>(
    'INSERT INTO stage_inspection (case_id, stage, engineer_id, inspected_on, note) VALUES ($1,$2,$3,$4,$5) RETURNING id',
    [plan.case_id, input.stage, ctx.actor.userId, input.inspectedOn, input.note ?? null],
  );
  const id = r.rows[0]!.id;
  for (const p of photos) {
    await ctx.client.query(
      'INSERT INTO inspection_photo (inspection_id, media_type, size_bytes, sha256, content) VALUES ($1,$2,$3,$4,$5)',
      [id, p.mediaType, p.bytes.length, createHash('sha256').update(p.bytes).digest('hex'), p.bytes],
    );
  }
  for (const x of input.installed) {
    await ctx.client.query('INSERT INTO inspection_installed (inspection_id, item, quantity) VALUES ($1,$2,$3)', [id, x.item, x.quantity]);
  }
  await ctx.log({
    entity: 'stage_inspection',
    entityId: id,
    action: 'create',
    after: { caseId: plan.case_id, stage: input.stage, inspectedOn: input.inspectedOn, photos: photos.length, installed: input.installed },
  });
  return id;
}
