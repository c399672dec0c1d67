// The change log as auditors read it (GET /audit/log) and its hash chain's check (GET /audit/verify).
import { z } from 'zod';
import type { FieldReason } from '../../../shared/reasons.ts';
import { auditProblems } from '../../../store/auditVerify.ts';
import { Uuid, digits } from '../../schemas.ts';

const Word = z
  .string()
  .trim()
  .regex(/^[a-z_]{1,50}$/, 'wrong_form' satisfies FieldReason);

export const AuditLogQuery = z.object({
  before: digits(1, Number.MAX_SAFE_INTEGER).optional().describe('entries before this seq (the previous page’s nextBefore)'),
  limit: digits(1, 500).default(100),
  entity: Word.optional().describe('only entries about this kind of record (person, household, user, ...)'),
  entityId: Uuid.optional().describe('only entries about this record'),
  actorId: Uuid.optional().describe('only entries by this user'),
  username: z
    .string()
    .trim()
    .regex(/^[a-z0-9._-]{1,100}$/, 'username_form' satisfies FieldReason)
    .optional()
    .describe('only entries by the user with this username'),
  action: Word.optional().describe('only this action (create, update, read, ...)'),
});

export const AuditLogEntry = z.object({
  seq: z.number().int().min(1),
  at: z.iso.datetime(),
  /** null for the system itself (seed, CLI work run on the server) */
  actorId: Uuid.nullable(),
  /** the username of actorId; null for the system itself */
  actorUsername: z.string().nullable(),
  deviceId: z.string().nullable(),
  operationId: Uuid.nullable(),
  entity: z.string(),
  entityId: Uuid.nullable(),
  action: z.string(),
});

/** GET /audit/log/:seq: one entry and its contents, as the change log holds them (null when none). */
export const AuditEntryParams = z.object({ seq: digits(1, Number.MAX_SAFE_INTEGER) });
export const AuditEntryWithContents = AuditLogEntry.extend({ before: z.unknown(), after: z.unknown() });

/** Newest first; `nextBefore` asks for the next page, null on the last one. */
export const AuditLogPage = z.object({ items: z.array(AuditLogEntry), nextBefore: z.number().int().nullable() });

/** The anchors the chain was compared with (stored by `sanad audit anchor`), and the latest of them. */
const AnchorState = z.object({
  checked: z.number().int().min(0),
  latest: z.object({ seq: z.number().int().min(0), at: z.string().nullable(), anchoredAt: z.string() }).nullable(),
});
const Chain = { rows: z.number().int(), keyedFrom: z.number().int().min(1), anchors: AnchorState };

export const AuditVerification = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), head: z.string().regex(/^[0-9a-f]{64}$/), ...Chain }),
  z.object({ ok: z.literal(false), firstBadSeq: z.number().int(), problem: z.enum(auditProblems), ...Chain }),
]);
