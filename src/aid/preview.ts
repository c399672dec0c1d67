// A rule set's preview: how many households of the registry as it stands it would select, before
// the programme is saved. Pure: builds one aggregate SELECT over a household snapshot `s` (the
// same columns as cycle_household). Per item the first matching rule wins, as in `evaluate`: a
// CASE takes its branches in order. `once` rules are previewed as a first cycle (no earlier cycle).
import { conditionSql, type Params, quantitySql, type Rule } from './rules.ts';

/** The distinct item codes of the rules, in the order they first appear. */
export const previewItems = (rules: readonly Rule[]): string[] => [...new Set(rules.map((r) => r.item))];

/** The quantity of `item` a household gets in a first cycle: the first matching rule, else 0. */
export function itemQuantitySql(rules: readonly Rule[], item: string, p: Params, s = 's'): string {
  const branches = rules.filter((r) => r.item === item).map((r) => `WHEN ${conditionSql(r, p, s)} THEN ${quantitySql(r, p, s)}`);
  return `(CASE ${branches.join(' ')} ELSE 0 END)`;
}

/**
 * Columns over `x` (one row per household, with q0..qn the quantities of each item): households in
 * all, households with any entitlement, and per item the households and the total quantity.
 */
export function previewSql(rules: readonly Rule[], p: Params, snapshotSql: string): string {
  const items = previewItems(rules);
  const qs = items.map((it, i) => `${itemQuantitySql(rules, it, p)} AS q${i}`);
  const any = items.length ? items.map((_, i) => `x.q${i} > 0`).join(' OR ') : 'false';
  const cols = [
    'count(*)::int AS households',
    `count(*) FILTER (WHERE ${any})::int AS selected`,
    ...items.flatMap((_, i) => [`count(*) FILTER (WHERE x.q${i} > 0)::int AS h${i}`, `coalesce(sum(x.q${i}), 0)::float8 AS t${i}`]),
  ];
  const inner = `SELECT s.household_id${qs.map((q) => `, ${q}`).join('')} FROM (${snapshotSql}) s`;
  return `SELECT ${cols.join(', ')} FROM (${inner}) x`;
}
