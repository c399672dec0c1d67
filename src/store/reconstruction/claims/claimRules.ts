// The claim rules of an organisation: the current version (the highest saved, else the defaults as
// version 1), and saving a new version. Saving re-checks and so re-ranks the open cases
// (checkCases.ts); decided cases keep the version, score and grant they were decided with.
import type pg from 'pg';
import { type ClaimRules, ClaimRulesSchema, DEFAULT_CLAIM_RULES } from '../../../reconstruction/claimRules.ts';
import { errors } from '../../../errors.ts';
import type { WriteContext } from '../../write.ts';
import { recheckOpenCases } from './checkCases.ts';

export type RuleVersion = { version: number; rules: ClaimRules };

export async function currentRules(db: pg.Pool | pg.PoolClient, orgId: string): Promise<RuleVersion> {
  const r = await db.query<{ version: number; rules: unknown }>(
    'SELECT version, rules FROM claim_rule_version WHERE org_id = $1 ORDER BY version DESC LIMIT 1',
    [orgId],
  );
  const row = r.rows[0];
  return row ? { version: row.version, rules: ClaimRulesSchema.parse(row.rules) } : { version: 1, rules: DEFAULT_CLAIM_RULES };
}

/**
 * Saves the rules as the next version (one writer at a time per organisation), with the reason for
 * it. `basedOn`, when given, is the version the editor read: if another was saved since, nothing is
 * written (version_conflict), so no one overwrites a change they have not seen.
 */
export async function saveRules(
  ctx: WriteContext,
  rules: ClaimRules,
  opts: { reason?: string; basedOn?: number } = {},
): Promise<RuleVersion> {
  await ctx.client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`claim_rules:${ctx.actor.orgId}`]);
  const cur = await currentRules(ctx.client, ctx.actor.orgId);
  if (opts.basedOn !== undefined && opts.basedOn !== cur.version) throw errors.versionConflict();
  const version = cur.version + 1;
  await ctx.client.query('INSERT INTO claim_rule_version (org_id, version, rules, created_by, reason) VALUES ($1,$2,$3::jsonb,$4,$5)', [
    ctx.actor.orgId,
    version,
    JSON.stringify(rules),
    ctx.actor.userId,
    opts.reason ?? null,
  ]);
  await ctx.log({ entity: 'claim_rule_version', entityId: null, action: 'create', after: { version, rules }, reason: opts.reason });
  await recheckOpenCases(ctx.client, ctx.actor.orgId, { version, rules });
  return { version, rules };
}
