// A rule set's preview: the registry as it stands today (the snapshot a cycle cut off today would
// take), the rules applied in one aggregate query over the household profiles (householdProfile.ts:
// one narrow row per household, brought up to date first), not over every member and person.
// Counts only; nothing is logged.
import type pg from 'pg';
import type { Actor } from '../../access/actor.ts';
import { previewItems, previewSql } from '../../aid/preview.ts';
import { Params, type Rule } from '../../aid/rules.ts';
import { PROFILE_SNAPSHOT, withFreshProfiles } from './householdProfile.ts';

export type RulesPreview = {
  cutoffDate: string;
  households: number;
  selected: number;
  items: { item: string; households: number; quantity: number }[];
};

export async function previewRules(db: pg.Pool, actor: Actor, rules: readonly Rule[]): Promise<RulesPreview> {
  const p = new Params(2);
  const sql = previewSql(rules, p, PROFILE_SNAPSHOT);
  const { day, r } = await withFreshProfiles(db, async (client) => ({
    day: (await client.query<{ d: string }>('SELECT current_date::text AS d')).rows[0]!,
    r: (await client.query<Record<string, number>>(sql, [null, actor.orgId, ...p.values])).rows[0]!,
  }));
  return {
    cutoffDate: day.d,
    households: r.households ?? 0,
    selected: r.selected ?? 0,
    items: previewItems(rules).map((item, i) => ({ item, households: r[`h${i}`] ?? 0, quantity: r[`t${i}`] ?? 0 })),
  };
}
