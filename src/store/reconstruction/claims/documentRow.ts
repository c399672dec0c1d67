// Rows of claim_document parsed into domain types; the read of a claim in the actor's scope (through
// its case: organisation and governorates; others do not exist); the read of one document's bytes
// (logged: title deeds and contracts are personal data).
import type pg from 'pg';
import type { Actor } from '../../../access/actor.ts';
import { errors } from '../../../errors.ts';
import type { Claim, ClaimDocument } from '../../../reconstruction/claims.ts';
import type { DocumentKind, DocumentMediaType } from '../../../shared/claims.ts';
import { isUuid } from '../../../shared/ids.ts';
import { scopeSql } from '../../registry/scope.ts';
import { appendReadLog } from '../../write.ts';
import { CLAIM_COLUMNS, type ClaimRow, parseClaim } from './claimRow.ts';

export const DOCUMENT_COLUMNS = 'd.id, d.claim_id, d.kind, d.media_type, d.size_bytes, d.created_at';
export type DocumentRow = {
  id: string;
  claim_id: string;
  kind: DocumentKind;
  media_type: DocumentMediaType;
  size_bytes: number;
  created_at: Date;
};
export const parseDocument = (r: DocumentRow): ClaimDocument => ({
  id: r.id,
  claimId: r.claim_id,
  kind: r.kind,
  mediaType: r.media_type,
  sizeBytes: r.size_bytes,
  createdAt: r.created_at.toISOString(),
});

export async function getClaim(db: pg.Pool | pg.PoolClient, actor: Actor, id: string, forUpdate = false): Promise<Claim> {
  if (!isUuid(id)) throw errors.notFound('claim');
  const scope = scopeSql('k', actor, 2);
  const r = await db.query<ClaimRow>(
    `SELECT ${CLAIM_COLUMNS} FROM claim cl JOIN claim_case k ON k.id = cl.case_id WHERE cl.id = $1 AND ${scope.sql}${forUpdate ? ' FOR UPDATE OF cl' : ''}`,
    [id, ...scope.params],
  );
  if (!r.rows[0]) throw errors.notFound('claim');
  return parseClaim(r.rows[0]);
}

export async function readDocument(
  db: pg.Pool,
  actor: Actor,
  claimId: string,
  documentId: string,
): Promise<{ mediaType: DocumentMediaType; content: Buffer }> {
  const claim = await getClaim(db, actor, claimId);
  if (!isUuid(documentId)) throw errors.notFound('document');
  const r = await db.query<{ media_type: DocumentMediaType; content: Buffer }>(
    'SELECT media_type, content FROM claim_document WHERE id = $1 AND claim_id = $2',
    [documentId, claim.id],
  );
  if (!r.rows[0]) throw errors.notFound('document');
  await appendReadLog(db, actor, { entity: 'claim_document', entityId: documentId, action: 'read', after: { claimId: claim.id } });
  return { mediaType: r.rows[0].media_type, content: r.rows[0].content };
}
