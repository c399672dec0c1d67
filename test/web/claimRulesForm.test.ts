// The claim rules form: the rules to fields and back unchanged; refused values named by their path;
// Arabic-Indic digits read; the server's field errors mapped to the same fields.
import { expect, test } from 'vitest';
import { ClaimRulesSchema, DEFAULT_CLAIM_RULES } from '../../src/reconstruction/claimRules.ts';
import { badFields, formPath, fromRules, toRules } from '../../web/src/screens/reconstruction/claimRulesForm.ts';

test('the rules go to the form and back unchanged, and what the form gives is valid', () => {
  const f = fromRules(DEFAULT_CLAIM_RULES);
  expect(badFields(f)).toEqual([]);
  expect(toRules(f)).toEqual(DEFAULT_CLAIM_RULES);
  expect(ClaimRulesSchema.safeParse(toRules(f)).success).toBe(true);
});

test('Arabic-Indic digits are read; a class without a stream has no grant', () => {
  const f = fromRules(DEFAULT_CLAIM_RULES);
  f.priority.household_size = '١٢٫٥';
  f.grants.minor = { stream: '', amount: '' };
  const r = toRules(f);
  expect(r.priority.household_size).toBe(12.5);
  expect(r.grants.map((g) => g.class)).toEqual(['destroyed', 'severe', 'major']);
});

test('refused values are named by their path', () => {
  const f = fromRules(DEFAULT_CLAIM_RULES);
  f.bases = [];
  f.priority.children = '-1';
  f.priority.children_max = '2.5';
  f.priority.disability = '';
  f.grants.severe.amount = '20000000';
  expect(badFields(f).sort()).toEqual(
    ['eligibility.bases', 'grants.severe.amount', 'priority.children', 'priority.children_max', 'priority.disability'].sort(),
  );
});

test("the server's field names land on the form's fields", () => {
  const sent = { ...DEFAULT_CLAIM_RULES, grants: DEFAULT_CLAIM_RULES.grants.slice(1) };
  expect(formPath('rules.grants.0.amount', sent)).toBe('grants.severe.amount');
  expect(formPath('rules.priority.children', sent)).toBe('priority.children');
  expect(formPath('rules.eligibility.bases', sent)).toBe('eligibility.bases');
});
