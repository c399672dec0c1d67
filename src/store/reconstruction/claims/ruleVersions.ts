// The history of an organisation's claim rules, newest first: each version with who saved it, when
// and why. Version 1 is the rules every organisation starts with (src/reconstruction/claimRules.ts),
// never saved: it is listed last, with no one and no time.
import type pg from 'pg';

export type RuleVersionEntry = { version: number; savedAt: string | null; savedBy: string | null; reason: string | null };

export async function ruleVersions(db: pg.Pool, orgId: string): Promise<RuleVersionEntry[]> {
  const r = await db.query<{ version: number; created_at: Date; username: string | null; reason: string | null }>(
    `SELECT v.version, v.created_at, u.username, v.reason
       FROM claim_rule_version v LEFT JOIN app_user u ON u.id = v.created_by
      WHERE v.org_id = $1 ORDER BY v.version DESC LIMIT 500`,
    [orgId],
  );
  const saved = r.rows.map((row) => ({
    version: row.version,
    savedAt: row.created_at.toISOString(),
    savedBy: row.username,
    reason: row.reason,
  }));
  return saved.some((v) => v.version === 1) ? saved : [...saved, { version: 1, savedAt: null, savedBy: null, reason: null }];
}
