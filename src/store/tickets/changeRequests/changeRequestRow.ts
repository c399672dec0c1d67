// A data correction as stored and as the API shows it: the fields it changes, each with the value
// when proposed and the value proposed; whether the person changed since (stale).
import type { ChangeRequestState, CorrectionField } from '../../../shared/corrections.ts';

export const CHANGE_REQUEST_SELECT = `SELECT c.id, c.ticket_id, c.person_id, p.full_name, c.governorate, c.base_version, p.version AS person_version,
       c.before, c.changes, c.reason, c.status, c.proposed_by, pu.username AS proposed_name, c.proposed_at,
       c.decided_by, du.username AS decided_name, c.decided_at, c.decision_reason
  FROM change_request c JOIN person p ON p.id = c.person_id
  LEFT JOIN app_user pu ON pu.id = c.proposed_by LEFT JOIN app_user du ON du.id = c.decided_by`;

export type ChangeRequestRow = {
  id: string;
  ticket_id: string;
  person_id: string;
  full_name: string;
  governorate: string;
  base_version: number;
  person_version: number;
  before: Record<string, string | null>;
  changes: Record<string, string | null>;
  reason: string;
  status: ChangeRequestState;
  proposed_by: string;
  proposed_name: string | null;
  proposed_at: Date;
  decided_by: string | null;
  decided_name: string | null;
  decided_at: Date | null;
  decision_reason: string | null;
};

export const parseChangeRequest = (r: ChangeRequestRow) => ({
  id: r.id,
  ticketId: r.ticket_id,
  person: { id: r.person_id, fullName: r.full_name },
  governorate: r.governorate,
  status: r.status,
  fields: (Object.keys(r.changes) as CorrectionField[]).map((field) => ({
    field,
    current: r.before[field] ?? null,
    proposed: r.changes[field] ?? null,
  })),
  reason: r.reason,
  proposedBy: { id: r.proposed_by, username: r.proposed_name ?? '' },
  proposedAt: r.proposed_at.toISOString(),
  decidedBy: r.decided_name,
  decidedAt: r.decided_at?.toISOString() ?? null,
  decisionReason: r.decision_reason,
  baseVersion: r.base_version,
  stale: r.status === 'proposed' && r.person_version !== r.base_version,
});
export type ChangeRequest = ReturnType<typeof parseChangeRequest>;
