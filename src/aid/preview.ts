// A rule set's preview: how many households of the registry as it stands it would select, before
// the programme is saved. Pure: builds one aggregate SELECT over a household snapshot `s` (the
// same columns as cycle_household; the household profiles of src/store/aid/householdProfile.ts). Per item the first matching rule wins, as in `evaluate`: a
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
 * Households in all, households with any entitlement, and per item the households and the total
 * quantity (h0, t0, h1, t1 ...). Per household only which rule of each item matched (r0, r1 ...:
 * its 1-based index, 0 for none) is computed; households are then grouped by size and matches (a few
 * dozen groups), and the quantities, numeric as in generation, are computed once a group: a
 * quantity depends only on the rule and the size. Over a million households this is several times
 * faster than a numeric CASE a household (docs/benchmarks.md).
 */
export function previewSql(rules: readonly Rule[], p: Params, snapshotSql: string): string {
  const items = previewItems(rules);
  const indexed = rules.map((r, k) => ({ r, k: k + 1 }));
  const matched = items.map((it, i) => {
    const branches = indexed.filter((x) => x.r.item === it).map((x) => `WHEN ${conditionSql(x.r, p)} THEN ${x.k}`);
    return `(CASE ${branches.join(' ')} ELSE 0 END) AS r${i}`;
  });
  const quantities = items.map((it, i) => {
    const branches = indexed.filter((x) => x.r.item === it).map((x) => `WHEN ${x.k} THEN ${quantitySql(x.r, p, 'g')}`);
    return `(CASE g.r${i} ${branches.join(' ')} ELSE 0 END) AS q${i}`;
  });
  const any = items.length ? items.map((_, i) => `q.q${i} > 0`).join(' OR ') : 'false';
  const groups = `SELECT s.size${matched.map((m) => `, ${m}`).join('')}, count(*) AS n FROM (${snapshotSql}) s GROUP BY ${['s.size', ...items.map((_, i) => `r${i}`)].join(', ')}`;
  const perGroup = `SELECT g.n${quantities.map((q) => `, ${q}`).join('')} FROM (${groups}) g`;
  const cols = [
    'coalesce(sum(q.n), 0)::int AS households',
    `coalesce(sum(q.n) FILTER (WHERE ${any}), 0)::int AS selected`,
    ...items.flatMap((_, i) => [
      `coalesce(sum(q.n) FILTER (WHERE q.q${i} > 0), 0)::int AS h${i}`,
      `coalesce(sum(q.q${i} * q.n), 0)::float8 AS t${i}`,
    ]),
  ];
  return `SELECT ${cols.join(', ')} FROM (${perGroup}) q`;
}
