// Claim rules as data, as the entitlement rules are (src/aid/rules.ts): who is eligible (bases,
// damage classes, occupancy before the damage), the grant by damage class and stream (repair or
// rebuild), and the priority weights. Checked with zod; evaluated here as pure functions. The score
// of every claim is explained field by field (value x weight = points). Rules are versioned by the
// store; a decision keeps the version it was taken with.
import { z } from 'zod';
import {
  type ClaimBasis,
  claimBases,
  type FieldClass,
  fieldClasses,
  type GrantStream,
  grantStreams,
  type PriorityField,
  type ScoreLine,
} from '../shared/claims.ts';

const weight = z.number().min(0).max(1000);

export const ClaimRulesSchema = z
  .object({
    eligibility: z
      .object({
        bases: z.array(z.enum(claimBases)).min(1).describe('who may claim'),
        classes: z.array(z.enum(fieldClasses)).min(1).describe('damage classes that qualify'),
        requireOccupancy: z.boolean().describe("the claimant's household lived in the unit on the damage date"),
      })
      .strict(),
    grants: z
      .array(z.object({ class: z.enum(fieldClasses), stream: z.enum(grantStreams), amount: z.number().min(0).max(10_000_000) }).strict())
      .max(8),
    priority: z
      .object({
        destroyed_home: weight,
        female_headed: weight,
        disability: weight,
        children: weight.describe('points per child under 18'),
        children_max: z.number().int().min(0).max(30).describe('children counted at most'),
        still_displaced: weight,
        household_size: weight.describe('points per member'),
      })
      .strict(),
  })
  .strict()
  .superRefine((r, ctx) => {
    const seen = new Set<string>();
    r.grants.forEach((g, i) => {
      if (seen.has(g.class)) ctx.addIssue({ code: 'custom', path: ['grants', i, 'class'], message: 'duplicate' });
      seen.add(g.class);
    });
  });
export type ClaimRules = z.infer<typeof ClaimRulesSchema>;

/** The rules an organisation starts with (version 1), until it saves its own. */
export const DEFAULT_CLAIM_RULES: ClaimRules = {
  eligibility: { bases: ['owner', 'tenant', 'heir'], classes: ['destroyed', 'severe', 'major', 'minor'], requireOccupancy: true },
  grants: [
    { class: 'destroyed', stream: 'rebuild', amount: 40000 },
    { class: 'severe', stream: 'repair', amount: 15000 },
    { class: 'major', stream: 'repair', amount: 8000 },
    { class: 'minor', stream: 'repair', amount: 2500 },
  ],
  priority: {
    destroyed_home: 40,
    female_headed: 15,
    disability: 15,
    children: 3,
    children_max: 6,
    still_displaced: 10,
    household_size: 1,
  },
};

/** What the priority score looks at: the claimant's household as it stands, and the unit's class. */
export type PriorityFacts = {
  damageClass: FieldClass;
  femaleHeaded: boolean;
  disability: boolean;
  children: number;
  stillDisplaced: boolean;
  size: number;
};

const round2 = (n: number) => Math.round(n * 100) / 100;

/** The score and its explanation, one line per field, in a fixed order. */
export function priorityScore(p: ClaimRules['priority'], f: PriorityFacts): { score: number; lines: ScoreLine[] } {
  const line = (field: PriorityField, value: number | boolean, counted: number, w: number): ScoreLine => ({
    field,
    value,
    weight: w,
    points: round2(counted * w),
  });
  const lines = [
    line('destroyed_home', f.damageClass === 'destroyed', f.damageClass === 'destroyed' ? 1 : 0, p.destroyed_home),
    line('female_headed', f.femaleHeaded, f.femaleHeaded ? 1 : 0, p.female_headed),
    line('disability', f.disability, f.disability ? 1 : 0, p.disability),
    line('children', f.children, Math.min(f.children, p.children_max), p.children),
    line('still_displaced', f.stillDisplaced, f.stillDisplaced ? 1 : 0, p.still_displaced),
    line('household_size', f.size, f.size, p.household_size),
  ];
  return { score: round2(lines.reduce((s, l) => s + l.points, 0)), lines };
}

export type EligibilityFacts = { basis: ClaimBasis; damageClass: FieldClass; occupied: boolean };

export function eligible(e: ClaimRules['eligibility'], f: EligibilityFacts): boolean {
  return e.bases.includes(f.basis) && e.classes.includes(f.damageClass) && (!e.requireOccupancy || f.occupied);
}

/** The grant a unit of this class gets, and from which stream; null when the rules name none. */
export function grantFor(rules: ClaimRules, c: FieldClass): { stream: GrantStream; amount: number } | null {
  const g = rules.grants.find((x) => x.class === c);
  return g ? { stream: g.stream, amount: g.amount } : null;
}

/** The worst of several classes (a joint case is settled on the worst class claimed or assessed). */
export const worstClass = (cs: readonly FieldClass[]): FieldClass => fieldClasses.find((c) => cs.includes(c)) ?? 'minor';
