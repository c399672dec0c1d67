// A rule set's preview: the registry as it stands today (the snapshot a cycle cut off today would
// take), the rules applied in one aggregate query. Counts only; nothing is written or logged.
import type pg from 'pg';
import type { Actor } from '../../access/actor.ts';
import { previewItems, previewSql } from '../../aid/preview.ts';
import { Params, type Rule } from '../../aid/rules.ts';
import { SNAPSHOT } from './generate.ts';

export type RulesPreview = {
  cutoffDate: string;
  households: number;
  selected: number;
  items: { item: string; households: number; quantity: number }[];
};

export async function previewRules(db: pg.Pool, actor: Actor, rules: readonly Rule[]): Promise<RulesPreview> {
  const day = (
    await db.query<{ d: string; c18: string; c60: string }>(
      "SELECT current_date::text AS d, (current_date - interval '18 years')::date::text AS c18, (current_date - interval '60 years')::date::text AS c60",
    )
  ).rows[0]!;
  const p = new Params(5);
  const sql = previewSql(rules, p, SNAPSHOT);
  const r = (await db.query<Record<string, number>>(sql, [null, actor.orgId, day.d, day.c18, day.c60, ...p.values])).rows[0]!;
  return {
    cutoffDate: day.d,
    households: r.households ?? 0,
    selected: r.selected ?? 0,
    items: previewItems(rules).map((item, i) => ({ item, households: r[`h${i}`] ?? 0, quantity: r[`t${i}`] ?? 0 })),
  };
}
