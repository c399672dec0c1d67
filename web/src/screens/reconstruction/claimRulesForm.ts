// The claim rules as form fields (text as typed, choices) and back to the rules the API takes
// (src/reconstruction/claimRules.ts): one grant line per damage class (no stream: no grant), one
// weight per priority field. Numbers are read in Latin or Arabic-Indic digits. A field is named by
// its path in the rules (`priority.children`, `grants.destroyed.amount`), so that the server's field
// errors (`rules.grants.0.amount`) land beside the same field. Pure: no React.
import type { ClaimRulesT } from '../../api/claimTypes.ts';
import { numberOf } from '../../numberText.ts';
import { type FieldClass, fieldClasses, type GrantStream } from '../../../../src/shared/claims.ts';

export const weightKeys = [
  'destroyed_home',
  'female_headed',
  'disability',
  'children',
  'children_max',
  'still_displaced',
  'household_size',
] as const satisfies readonly (keyof ClaimRulesT['priority'])[];
export type WeightKey = (typeof weightKeys)[number];

export type ClaimRulesForm = {
  bases: string[];
  classes: string[];
  requireOccupancy: boolean;
  grants: Record<FieldClass, { stream: GrantStream | ''; amount: string }>;
  priority: Record<WeightKey, string>;
};

export function fromRules(r: ClaimRulesT): ClaimRulesForm {
  const grant = (c: FieldClass) => {
    const g = r.grants.find((x) => x.class === c);
    return g ? { stream: g.stream, amount: String(g.amount) } : { stream: '' as const, amount: '' };
  };
  return {
    bases: [...r.eligibility.bases],
    classes: [...r.eligibility.classes],
    requireOccupancy: r.eligibility.requireOccupancy,
    grants: Object.fromEntries(fieldClasses.map((c) => [c, grant(c)])) as ClaimRulesForm['grants'],
    priority: Object.fromEntries(weightKeys.map((k) => [k, String(r.priority[k])])) as ClaimRulesForm['priority'],
  };
}

const weightOf = (k: WeightKey, text: string) =>
  k === 'children_max' ? numberOf(text, { integer: true, max: 30 }) : numberOf(text, { max: 1000 });

/** The fields whose value is refused, by their path (empty: the form can be sent). */
export function badFields(f: ClaimRulesForm): string[] {
  const bad: string[] = [];
  if (f.bases.length === 0) bad.push('eligibility.bases');
  if (f.classes.length === 0) bad.push('eligibility.classes');
  for (const c of fieldClasses) {
    const g = f.grants[c];
    if (g.stream === '') continue;
    const n = numberOf(g.amount, { max: 10_000_000 });
    if (n === undefined || Number.isNaN(n)) bad.push(`grants.${c}.amount`);
  }
  for (const k of weightKeys) {
    const n = weightOf(k, f.priority[k]);
    if (n === undefined || Number.isNaN(n)) bad.push(`priority.${k}`);
  }
  return bad;
}

/** The rules the API takes (call only when `badFields` is empty). */
export function toRules(f: ClaimRulesForm): ClaimRulesT {
  return {
    eligibility: {
      bases: f.bases as ClaimRulesT['eligibility']['bases'],
      classes: f.classes as ClaimRulesT['eligibility']['classes'],
      requireOccupancy: f.requireOccupancy,
    },
    grants: fieldClasses.flatMap((c) => {
      const g = f.grants[c];
      return g.stream === '' ? [] : [{ class: c, stream: g.stream, amount: numberOf(g.amount) ?? 0 }];
    }),
    priority: Object.fromEntries(weightKeys.map((k) => [k, weightOf(k, f.priority[k]) ?? 0])) as ClaimRulesT['priority'],
  };
}

/** The form's path of a field the server named in the rules it was sent (`rules.grants.1.amount` -> `grants.severe.amount`). */
export function formPath(field: string, sent: ClaimRulesT): string {
  const p = field.replace(/^(body\.)?rules\./, '');
  const m = p.match(/^grants\.(\d+)(\.\w+)?$/);
  if (!m) return p;
  const c = sent.grants[Number(m[1])]?.class;
  return c ? `grants.${c}${m[2] ?? '.amount'}` : 'grants';
}
