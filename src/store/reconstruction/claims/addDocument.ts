// Attaches a document to a claim in the actor's scope: its type read from its bytes (PDF, JPEG or
// PNG; anything else refused with 415 and nothing stored), its size limited, kept in PostgreSQL
// under a random id with its SHA-256; the uploaded file's name is never asked for nor kept.
import { createHash } from 'node:crypto';
import { errors } from '../../../errors.ts';
import type { ClaimDocument } from '../../../reconstruction/claims.ts';
import { sniffDocument } from '../../../reconstruction/documents.ts';
import { type DocumentKind, MAX_DOCUMENT_BYTES, MAX_DOCUMENTS_PER_CLAIM } from '../../../shared/claims.ts';
import type { WriteContext } from '../../write.ts';
import { DOCUMENT_COLUMNS, type DocumentRow, getClaim, parseDocument } from './documentRow.ts';

export async function addDocument(ctx: WriteContext, claimId: string, kind: DocumentKind, bytes: Buffer): Promise<ClaimDocument> {
  const claim = await getClaim(ctx.client, ctx.actor, claimId, true);
  if (bytes.length === 0) throw errors.documentTypeRefused();
  if (bytes.length > MAX_DOCUMENT_BYTES) throw errors.documentTooLarge(MAX_DOCUMENT_BYTES);
  const mediaType = sniffDocument(bytes);
  if (!mediaType) throw errors.documentTypeRefused();
  const n = await ctx.client.query<{ n: number }>('SELECT count(*)::int AS n FROM claim_document WHERE claim_id = $1', [claim.id]);
  if (n.rows[0]!.n >= MAX_DOCUMENTS_PER_CLAIM) throw errors.claimDocumentsFull(MAX_DOCUMENTS_PER_CLAIM);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const r = await ctx.client.query<DocumentRow>(
    `INSERT INTO claim_document AS d (claim_id, kind, media_type, size_bytes, sha256, content, uploaded_by)
     VALUES ($1,$2,$3,$4,$5,$6,$7) RETURNING ${DOCUMENT_COLUMNS}`,
    [claim.id, kind, mediaType, bytes.length, sha256, bytes, ctx.actor.userId],
  );
  const d = parseDocument(r.rows[0]!);
  await ctx.log({
    entity: 'claim_document',
    entityId: d.id,
    action: 'create',
    after: { claimId: claim.id, kind, mediaType, sizeBytes: d.sizeBytes, sha256 },
  });
  return d;
}
