// Refers a case to a service of the directory, as the case's consent allows: the referral carries
// the fields the consent lists, fixed when sent. The case's timeline records that it was referred.
import { errors } from '../../errors.ts';
import { checkConsent } from '../../referrals/consent.ts';
import type { ConsentRefusal, Urgency } from '../../shared/referrals.ts';
import { getCaseFor } from '../cases/caseRow.ts';
import type { WriteContext } from '../write.ts';
import { getReferralFor, type Referral, viewReferral } from './referralRow.ts';
import { getService } from './serviceRow.ts';

export type NewReferral = { serviceId: string; urgency: Urgency; need: string | null };

const refusal: Record<ConsentRefusal, () => Error> = {
  not_given: errors.referralConsentNotGiven,
  expired: errors.referralConsentExpired,
  other_organisation: errors.referralConsentOtherOrganisation,
};

export async function sendReferral(ctx: WriteContext, caseId: string, n: NewReferral): Promise<Referral> {
  const { c, access } = await getCaseFor(ctx.client, ctx.actor, caseId, true);
  if (access === 'shared' || c.stage === 'closed') throw errors.caseStepRefused();
  const service = await getService(ctx.client, n.serviceId).catch(() => {
    throw errors.invalidField('serviceId', 'no_such_record');
  });
  if (!service.active) throw errors.serviceInactive();
  const today = (await ctx.client.query<{ d: string }>('SELECT current_date::text AS d')).rows[0]!.d;
  const check = checkConsent(c.consent, { orgId: service.organisation.id, caseOrgId: c.orgId }, today);
  if (!check.ok) throw refusal[check.why]();
  const r = await ctx.client.query<{ id: string }>(
    `INSERT INTO referral (case_id, service_id, from_org, to_org, sensitive, urgency, need, fields, sent_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
    [caseId, service.id, c.orgId, service.organisation.id, c.sensitive, n.urgency, n.need, check.fields, ctx.actor.userId],
  );
  const id = r.rows[0]!.id;
  await ctx.client.query("INSERT INTO case_entry (case_id, kind, body, author_id) VALUES ($1, 'referred', $2, $3)", [
    caseId,
    { referralId: id, serviceId: service.id },
    ctx.actor.userId,
  ]);
  // the log names the case, the service and the fields carried, never the need's text
  await ctx.log({ entity: 'referral', entityId: id, action: 'send', after: { caseId, serviceId: service.id, fields: check.fields } });
  const { row, side } = await getReferralFor(ctx.client, ctx.actor, id);
  return viewReferral(ctx.actor, row, side);
}
