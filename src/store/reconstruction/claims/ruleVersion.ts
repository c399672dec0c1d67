// One version of an organisation's claim rules, as it was saved (to read an older version beside the
// current one). Version 1 is the starting rules unless the organisation saved its own as 1.
import type pg from 'pg';
import { type ClaimRules, ClaimRulesSchema, DEFAULT_CLAIM_RULES } from '../../../reconstruction/claimRules.ts';
import { errors } from '../../../errors.ts';
import type { RuleVersionEntry } from './ruleVersions.ts';

export async function ruleVersion(db: pg.Pool, orgId: string, version: number): Promise<RuleVersionEntry & { rules: ClaimRules }> {
  const r = await db.query<{ version: number; rules: unknown; created_at: Date; username: string | null; reason: string | null }>(
    `SELECT v.version, v.rules, v.created_at, u.username, v.reason
       FROM claim_rule_version v LEFT JOIN app_user u ON u.id = v.created_by
      WHERE v.org_id = $1 AND v.version = $2`,
    [orgId, version],
  );
  const row = r.rows[0];
  if (!row) {
    if (version === 1) return { version: 1, savedAt: null, savedBy: null, reason: null, rules: DEFAULT_CLAIM_RULES };
    throw errors.notFound();
  }
  return {
    version: row.version,
    savedAt: row.created_at.toISOString(),
    savedBy: row.username,
    reason: row.reason,
    rules: ClaimRulesSchema.parse(row.rules),
  };
}
