// A referral as stored and as each side sees it, and the one way to reach one: through the actor's
// side (out: they may see the case; in: they receive it, src/referrals/flow.ts); anyone else gets 404.
// The receiving side sees only the fields the referral carried that the case's consent still allows.
import type pg from 'pg';
import type { Actor } from '../../access/actor.ts';
import { caseAccess } from '../../cases/flow.ts';
import { errors } from '../../errors.ts';
import { checkConsent, fieldsNow } from '../../referrals/consent.ts';
import { ageBand, receives, type Side, seesCaseType } from '../../referrals/flow.ts';
import type { CaseType } from '../../shared/cases.ts';
import { isUuid } from '../../shared/ids.ts';
import type { ReferralField, ReferralStatus, ServiceType, Urgency } from '../../shared/referrals.ts';

export const REFERRAL_SELECT = `SELECT r.id, r.case_id, r.service_id, r.from_org, r.to_org, r.sensitive, r.urgency, r.need, r.fields, r.status,
       r.decline_reason, r.outcome, r.outcome_date::text AS outcome_date, r.sent_at, r.answered_at, r.reported_at, r.version,
       s.name AS service_name, s.type AS service_type, s.governorates AS service_governorates,
       fo.name AS from_name, tobj.name AS to_name,
       c.org_id AS case_org, c.governorate AS case_governorate, c.assigned_to AS case_assigned, c.type AS case_type, c.consent,
       p.full_name, p.full_name_en, p.sex, p.date_of_birth::text AS dob, current_date::text AS today
  FROM referral r JOIN service s ON s.id = r.service_id
  JOIN organisation fo ON fo.id = r.from_org JOIN organisation tobj ON tobj.id = r.to_org
  JOIN case_file c ON c.id = r.case_id JOIN person p ON p.id = c.person_id`;

export type ReferralRow = {
  id: string;
  case_id: string;
  service_id: string;
  from_org: string;
  to_org: string;
  sensitive: boolean;
  urgency: Urgency;
  need: string | null;
  fields: ReferralField[];
  status: ReferralStatus;
  decline_reason: string | null;
  outcome: string | null;
  outcome_date: string | null;
  sent_at: Date;
  answered_at: Date | null;
  reported_at: Date | null;
  version: number;
  service_name: string;
  service_type: ServiceType;
  service_governorates: string[];
  from_name: string;
  to_name: string;
  case_org: string;
  case_governorate: string;
  case_assigned: string | null;
  case_type: CaseType;
  consent: Record<string, unknown>;
  full_name: string;
  full_name_en: string | null;
  sex: 'female' | 'male' | null;
  dob: string | null;
  today: string;
};

/** What one side sees of a referral. */
export function viewReferral(actor: Actor, r: ReferralRow, side: Side) {
  const check = checkConsent(r.consent, { orgId: r.to_org, caseOrgId: r.case_org }, r.today);
  const shown = side === 'out' ? r.fields : fieldsNow(r.fields, check);
  const has = (f: ReferralField) => shown.includes(f);
  return {
    id: r.id,
    side,
    status: r.status,
    urgency: r.urgency,
    service: { id: r.service_id, name: r.service_name, type: r.service_type },
    from: { id: r.from_org, name: r.from_name },
    to: { id: r.to_org, name: r.to_name },
    caseId: side === 'out' ? r.case_id : null,
    caseType: seesCaseType(actor, side) ? r.case_type : null,
    fields: shown,
    consentLapsed: !check.ok,
    person: {
      fullName: has('name') ? r.full_name : null,
      fullNameEn: has('name') ? r.full_name_en : null,
      ageBand: has('age_band') ? ageBand(r.dob, r.today) : null,
      sex: has('sex') ? r.sex : null,
    },
    need: has('need') ? r.need : null,
    declineReason: r.decline_reason,
    outcome: r.outcome,
    outcomeDate: r.outcome_date,
    sentAt: r.sent_at.toISOString(),
    answeredAt: r.answered_at?.toISOString() ?? null,
    reportedAt: r.reported_at?.toISOString() ?? null,
    version: r.version,
  };
}
export type Referral = ReturnType<typeof viewReferral>;

/** The referral and the actor's side of it; 404 when it does not exist for them. */
export async function getReferralFor(
  db: pg.Pool | pg.PoolClient,
  actor: Actor,
  id: string,
  forUpdate = false,
): Promise<{ row: ReferralRow; side: Side }> {
  const r = isUuid(id)
    ? await db.query<ReferralRow>(`${REFERRAL_SELECT} WHERE r.id = $1${forUpdate ? ' FOR UPDATE OF r' : ''}`, [id])
    : { rows: [] };
  const row = r.rows[0];
  if (!row) throw errors.notFound('referral');
  const shares = await db.query<{ user_id: string }>(
    'SELECT user_id FROM case_share WHERE case_id = $1 AND (until IS NULL OR until >= current_date)',
    [row.case_id],
  );
  const caseRef = { orgId: row.case_org, governorate: row.case_governorate, assignedTo: row.case_assigned, type: row.case_type };
  if (
    caseAccess(
      actor,
      caseRef,
      shares.rows.map((s) => s.user_id),
    )
  )
    return { row, side: 'out' };
  if (receives(actor, { toOrgId: row.to_org, serviceGovernorates: row.service_governorates, sensitive: row.sensitive }))
    return { row, side: 'in' };
  throw errors.notFound('referral');
}
