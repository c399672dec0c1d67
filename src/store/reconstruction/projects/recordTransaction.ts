// Records a commitment, a disbursement (or incoming funds, an expenditure) on a project the actor
// sees and may change (every location in their governorates). Recorded, never edited.
import type { ProjectTransaction, TransactionDraft } from '../../../reconstruction/projects.ts';
import type { WriteContext } from '../../write.ts';
import { getProjectFor, parseTransaction } from './projectRow.ts';
import { assertInGovernorates } from '../../../access/scope.ts';

export async function recordTransaction(ctx: WriteContext, projectId: string, t: TransactionDraft): Promise<ProjectTransaction> {
  const p = await getProjectFor(ctx.client, ctx.actor, projectId, true);
  for (const l of p.locations) assertInGovernorates(ctx.actor, l.governorate, 'projectId');
  const r = await ctx.client.query<Parameters<typeof parseTransaction>[0]>(
    `INSERT INTO reconstruction_project_transaction
       (project_id, type, date, value, currency, description, provider_ref, provider_type, provider_name, receiver_ref, receiver_type, receiver_name, created_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) RETURNING *`,
    [
      projectId,
      t.type,
      t.date,
      t.value,
      t.currency ?? p.currency,
      t.description ?? null,
      t.provider?.ref ?? null,
      t.provider?.type ?? null,
      t.provider?.name ?? null,
      t.receiver?.ref ?? null,
      t.receiver?.type ?? null,
      t.receiver?.name ?? null,
      ctx.actor.userId,
    ],
  );
  await ctx.client.query('UPDATE reconstruction_project SET version = version + 1, updated_at = now() WHERE id = $1', [projectId]);
  const row = r.rows[0]!;
  await ctx.log({
    entity: 'reconstruction_project',
    entityId: projectId,
    action: 'transaction',
    after: { transactionId: row.id, type: t.type },
  });
  return parseTransaction(row);
}
