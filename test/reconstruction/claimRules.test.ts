// The pure rules of claims: each mismatch is a reason for inspection (never a refusal), the score is
// the sum of its explained lines (children capped), the grant comes from the rules by class, and the
// approval chain keeps four eyes: not the officer who checked, not an engineer who assessed the unit.
import { expect, test } from 'vitest';
import { mayCheck, mayDecide } from '../../src/reconstruction/approval.ts';
import { type ClaimFacts, checkClaim } from '../../src/reconstruction/claimCheck.ts';
import { ClaimRulesSchema, DEFAULT_CLAIM_RULES, grantFor, worstClass } from '../../src/reconstruction/claimRules.ts';

const sound: ClaimFacts = {
  basis: 'owner',
  claimedClass: 'destroyed',
  inRegistry: true,
  occupied: true,
  remoteClass: 'destroyed',
  fieldClass: null,
  otherClaims: 0,
  claimantDeceased: false,
  femaleHeaded: true,
  disability: false,
  children: 9,
  stillDisplaced: true,
  size: 11,
};

test('a sound claim has no reason; each mismatch is a reason for inspection', () => {
  expect(checkClaim(sound, DEFAULT_CLAIM_RULES).reasons).toEqual([]);
  const reasons = (f: Partial<ClaimFacts>) => checkClaim({ ...sound, ...f }, DEFAULT_CLAIM_RULES).reasons;
  expect(reasons({ remoteClass: 'no_visible_damage' })).toEqual(['destroyed_but_no_visible_damage']);
  expect(reasons({ remoteClass: 'no_visible_damage', claimedClass: 'minor' })).toEqual([]);
  expect(reasons({ remoteClass: 'possibly_damaged' })).toEqual(['possibly_damaged']);
  expect(reasons({ remoteClass: null })).toEqual(['no_remote_assessment']);
  expect(reasons({ occupied: false })).toEqual(['no_occupancy_record', 'not_eligible']);
  expect(reasons({ claimantDeceased: true })).toEqual(['claimant_deceased']);
  expect(reasons({ inRegistry: false })).toEqual(['not_in_registry']);
  expect(reasons({ fieldClass: 'major' })).toEqual(['field_class_differs']);
  const deceased = checkClaim({ ...sound, claimantDeceased: true }, DEFAULT_CLAIM_RULES);
  expect(deceased.evidence.find((e) => e.item === 'claimant_alive')).toEqual({
    item: 'claimant_alive',
    result: 'mismatch',
    source: 'life_events',
    value: null,
  });
  // the field class, once assessed, is the class the claim is settled on
  expect(checkClaim({ ...sound, fieldClass: 'major' }, DEFAULT_CLAIM_RULES).damageClass).toBe('major');
});

test('the score is explained field by field and is the sum of its lines; children are capped', () => {
  const c = checkClaim(sound, DEFAULT_CLAIM_RULES);
  expect(c.explanation).toEqual([
    { field: 'destroyed_home', value: true, weight: 40, points: 40 },
    { field: 'female_headed', value: true, weight: 15, points: 15 },
    { field: 'disability', value: false, weight: 15, points: 0 },
    { field: 'children', value: 9, weight: 3, points: 18 },
    { field: 'still_displaced', value: true, weight: 10, points: 10 },
    { field: 'household_size', value: 11, weight: 1, points: 11 },
  ]);
  expect(c.score).toBe(94);
});

test('grants by class and stream; rules are checked as data', () => {
  expect(grantFor(DEFAULT_CLAIM_RULES, 'destroyed')).toEqual({ stream: 'rebuild', amount: 40000 });
  expect(grantFor({ ...DEFAULT_CLAIM_RULES, grants: [] }, 'minor')).toBeNull();
  expect(worstClass(['minor', 'severe', 'major'])).toBe('severe');
  expect(ClaimRulesSchema.safeParse(DEFAULT_CLAIM_RULES).success).toBe(true);
  const twice = { ...DEFAULT_CLAIM_RULES, grants: [...DEFAULT_CLAIM_RULES.grants, { class: 'minor', stream: 'repair', amount: 1 }] };
  expect(ClaimRulesSchema.safeParse(twice).success).toBe(false);
  expect(ClaimRulesSchema.safeParse({ ...DEFAULT_CLAIM_RULES, priority: { ...DEFAULT_CLAIM_RULES.priority, extra: 1 } }).success).toBe(
    false,
  );
});

test('four eyes: the committee member is neither the officer who checked nor an assessor of the unit', () => {
  const verified = { state: 'verified' as const, checkedBy: 'officer' };
  expect(mayDecide(verified, 'member', [])).toBeNull();
  expect(mayDecide(verified, 'officer', [])).toBe('own_check');
  expect(mayDecide(verified, 'engineer', ['engineer'])).toBe('own_assessment');
  expect(mayDecide({ state: 'inspection', checkedBy: 'officer' }, 'member', [])).toBe('not_checked');
  expect(mayDecide({ state: 'filed', checkedBy: null }, 'member', [])).toBe('not_checked');
  expect(mayDecide({ state: 'approved', checkedBy: 'officer' }, 'member', [])).toBe('case_closed');
  expect(mayCheck('inspection')).toBeNull();
  expect(mayCheck('rejected')).toBe('case_closed');
});
