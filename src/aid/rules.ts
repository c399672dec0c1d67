// Programme rules as data: who is eligible (place, displacement, site, vulnerability, household
// size), how much (a base plus a per-person amount, with a cap) and how often. Rules are checked
// with zod, evaluated here as a pure function, and compiled to SQL for set-based generation of a
// cycle's entitlement list. Both must agree (test/aid/rules.test.ts checks that they do).
// For each item the first matching rule wins; a quantity of 0 means no entitlement.
import { z } from 'zod';
import { derivedVulnerabilities, vulnerabilityKinds } from '../registry/vocabulary.ts';
import { siteKinds } from '../sites/capacity.ts';

export const sectors = ['food', 'water', 'hygiene', 'shelter', 'cash'] as const;
export type Sector = (typeof sectors)[number];

const When = z
  .object({
    governorates: z
      .array(z.string().regex(/^PS0[12][0-9]{2}$/))
      .min(1)
      .optional()
      .describe('current governorate (latest displacement, else registration) is one of these'),
    displaced: z.boolean().optional().describe('has been displaced and not returned'),
    inSite: z.boolean().optional().describe('currently lives in a site'),
    siteKinds: z.array(z.enum(siteKinds)).min(1).optional(),
    vulnerabilities: z
      .array(z.enum([...vulnerabilityKinds, ...derivedVulnerabilities]))
      .min(1)
      .optional()
      .describe('has any of these'),
    minSize: z.number().int().min(1).optional(),
    maxSize: z.number().int().min(1).optional(),
  })
  .strict();

export const RuleSchema = z
  .object({
    item: z
      .string()
      .regex(/^[a-z0-9_]{1,40}$/)
      .describe('item code'),
    when: When.default({}),
    quantity: z
      .object({
        base: z.number().min(0).max(1e9).default(0),
        perPerson: z.number().min(0).max(1e9).default(0),
        max: z.number().positive().max(1e9).optional().describe('cap on base + perPerson x size'),
        rounding: z.enum(['none', 'up', 'down']).default('none'),
      })
      .strict(),
    frequency: z
      .object({
        everyCycles: z.number().int().min(1).max(52).default(1).describe('applies in cycles 1, 1+n, 1+2n, ...'),
        once: z.boolean().default(false).describe('only for households that had none of this item in an earlier cycle of the programme'),
      })
      .strict()
      .default({ everyCycles: 1, once: false }),
  })
  .strict();
export type Rule = z.infer<typeof RuleSchema>;
export const RulesSchema = z.array(RuleSchema).max(100);

/** A household as it stood on the cut-off date (a row of cycle_household). */
export type HouseholdFacts = {
  governorate: string | null;
  siteId: string | null;
  siteKind: string | null;
  displaced: boolean;
  size: number;
  vulnerabilities: readonly string[];
};

export const appliesInCycle = (r: Rule, cycleNumber: number) => (cycleNumber - 1) % r.frequency.everyCycles === 0;

export function matches(r: Rule, h: HouseholdFacts): boolean {
  const w = r.when;
  if (w.governorates && !(h.governorate !== null && w.governorates.includes(h.governorate))) return false;
  if (w.displaced !== undefined && h.displaced !== w.displaced) return false;
  if (w.inSite !== undefined && (h.siteId !== null) !== w.inSite) return false;
  if (w.siteKinds && !(h.siteKind !== null && w.siteKinds.includes(h.siteKind as never))) return false;
  if (w.vulnerabilities && !w.vulnerabilities.some((v) => h.vulnerabilities.includes(v))) return false;
  if (w.minSize !== undefined && h.size < w.minSize) return false;
  if (w.maxSize !== undefined && h.size > w.maxSize) return false;
  return true;
}

export function quantityFor(r: Rule, size: number): number {
  let q = r.quantity.base + r.quantity.perPerson * size;
  if (r.quantity.max !== undefined) q = Math.min(q, r.quantity.max);
  if (r.quantity.rounding === 'up') q = Math.ceil(q - 1e-9);
  if (r.quantity.rounding === 'down') q = Math.floor(q + 1e-9);
  return q;
}

/** The entitlements of one household in a cycle. `hadBefore(item)`: any of it in an earlier cycle. */
export function evaluate(
  rules: readonly Rule[],
  cycleNumber: number,
  h: HouseholdFacts,
  hadBefore: (item: string) => boolean = () => false,
): { item: string; quantity: number; ruleIndex: number }[] {
  const decided = new Set<string>();
  const out: { item: string; quantity: number; ruleIndex: number }[] = [];
  rules.forEach((r, i) => {
    if (decided.has(r.item) || !appliesInCycle(r, cycleNumber)) return;
    if (!matches(r, h)) return;
    decided.add(r.item);
    if (r.frequency.once && hadBefore(r.item)) return;
    const q = quantityFor(r, h.size);
    if (q > 0) out.push({ item: r.item, quantity: q, ruleIndex: i });
  });
  return out;
}

/** Collects query parameters: `p.add(v)` returns its placeholder. */
export class Params {
  readonly values: unknown[] = [];
  constructor(private readonly offset = 0) {}
  add(v: unknown): string {
    this.values.push(v);
    return `$${this.offset + this.values.length}`;
  }
}

/** A null-safe SQL condition over snapshot alias `s` (cycle_household). */
export function conditionSql(r: Rule, p: Params, s = 's'): string {
  const w = r.when;
  const parts: string[] = [];
  if (w.governorates) parts.push(`coalesce(${s}.governorate = ANY(${p.add(w.governorates)}::text[]), false)`);
  if (w.displaced !== undefined) parts.push(w.displaced ? `${s}.displaced` : `NOT ${s}.displaced`);
  if (w.inSite !== undefined) parts.push(`${s}.site_id IS ${w.inSite ? 'NOT ' : ''}NULL`);
  if (w.siteKinds) parts.push(`coalesce(${s}.site_kind = ANY(${p.add(w.siteKinds)}::text[]), false)`);
  if (w.vulnerabilities) parts.push(`${s}.vulnerabilities && ${p.add(w.vulnerabilities)}::text[]`);
  if (w.minSize !== undefined) parts.push(`${s}.size >= ${p.add(w.minSize)}::int`);
  if (w.maxSize !== undefined) parts.push(`${s}.size <= ${p.add(w.maxSize)}::int`);
  return parts.length ? `(${parts.join(' AND ')})` : 'true';
}

export function quantitySql(r: Rule, p: Params, s = 's'): string {
  let q = `(${p.add(String(r.quantity.base))}::numeric + ${p.add(String(r.quantity.perPerson))}::numeric * ${s}.size)`;
  if (r.quantity.max !== undefined) q = `LEAST(${q}, ${p.add(String(r.quantity.max))}::numeric)`;
  if (r.quantity.rounding === 'up') q = `ceil(${q})`;
  if (r.quantity.rounding === 'down') q = `floor(${q})`;
  return q;
}

/**
 * One SELECT per applicable rule, joined by UNION ALL, giving (household_id, item_id, quantity,
 * rule_index, point_id) from cycle_household `s` of cycle `cycleParam`. First match per item wins
 * without a sort: a rule's condition excludes the conditions of the earlier rules for its item.
 * `itemIds` maps item codes to ids; `onceSql(itemIdParam)` gives the condition "had this item in an
 * earlier cycle" for `once` rules.
 */
export function entitlementSelectSql(
  rules: readonly Rule[],
  cycleNumber: number,
  p: Params,
  cycleParam: string,
  itemIds: ReadonlyMap<string, string>,
  onceSql: (itemIdParam: string) => string,
): string | undefined {
  const selects: string[] = [];
  rules.forEach((r, i) => {
    if (!appliesInCycle(r, cycleNumber)) return;
    const id = itemIds.get(r.item);
    if (id === undefined) throw new Error(`rules[${i}].item: no item with code '${r.item}'`);
    const earlier = rules.slice(0, i).filter((e) => e.item === r.item && appliesInCycle(e, cycleNumber));
    const cond = [conditionSql(r, p), ...earlier.map((e) => `NOT ${conditionSql(e, p)}`)];
    const item = p.add(id);
    if (r.frequency.once) cond.push(`NOT ${onceSql(item)}`);
    const q = quantitySql(r, p);
    selects.push(
      `SELECT s.household_id, ${item}::uuid AS item_id, ${q} AS quantity, ${i} AS rule_index, s.point_id FROM cycle_household s WHERE s.cycle_id = ${cycleParam} AND ${cond.join(' AND ')} AND ${q} > 0`,
    );
  });
  return selects.length ? selects.join('\nUNION ALL\n') : undefined;
}
