// "Referrals in" (to the actor's organisation, as the receiving side may see them) and "referrals
// out" (from the cases the actor may see). The newest first. Each list read is logged with the ids
// it showed (never the content), like a case's read.
import type pg from 'pg';
import type { Actor } from '../../access/actor.ts';
import type { Side } from '../../referrals/flow.ts';
import { visibleParams, visibleSql } from '../cases/caseRow.ts';
import { appendReadLog } from '../write.ts';
import { REFERRAL_SELECT, type Referral, type ReferralRow, viewReferral } from './referralRow.ts';

const IN_SQL = `r.to_org = $1 AND $4::uuid IS NOT NULL
  AND ($2 = 'case_supervisor' OR ($2 = 'caseworker' AND NOT r.sensitive)) AND s.governorates && $3::text[]`;

export async function listReferrals(db: pg.Pool, actor: Actor, side: Side): Promise<Referral[]> {
  const r =
    side === 'in'
      ? await db.query<ReferralRow>(`${REFERRAL_SELECT} WHERE ${IN_SQL} ORDER BY r.sent_at DESC, r.id LIMIT 200`, [
          actor.orgId,
          actor.role,
          actor.governorates,
          actor.userId,
        ])
      : await db.query<ReferralRow>(
          `${REFERRAL_SELECT} WHERE ${visibleSql('c', 1)} ORDER BY r.sent_at DESC, r.id LIMIT 200`,
          visibleParams(actor),
        );
  const items = r.rows.map((row) => viewReferral(actor, row, side));
  if (items.length > 0)
    await appendReadLog(db, actor, { entity: 'referral', entityId: null, action: `list_${side}`, after: { ids: items.map((i) => i.id) } });
  return items;
}
