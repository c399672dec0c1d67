// bestWeight: the highest weight any record could reach against a draft (the check while typing
// fetches nothing when it is under the review threshold). It must bound every real score.
import { expect, test } from 'vitest';
import type { RawRecord } from '../../src/linkage/fields.ts';
import { weightFor } from '../../src/linkage/model.ts';
import { referenceModel, REGISTRY_SETTINGS } from '../../src/linkage/registryDedupe.ts';
import { prepare } from '../../src/linkage/engine.ts';
import { bestWeight, checkPriorWeight, REGISTRY_COLUMNS, scoreAgainst } from '../../src/linkage/registryScore.ts';
import { resolveSettings } from '../../src/linkage/settings.ts';
import { preparePerson } from '../../src/registry/person.ts';
import { personInputOf } from '../../src/synthetic/personInput.ts';
import { generateDedupeSet } from '../../src/synthetic/registries.ts';

const settings = resolveSettings(REGISTRY_SETTINGS);
const model = referenceModel();

const records: RawRecord[] = [];
for (const p of generateDedupeSet({ records: 300, seed: 11 })) {
  const r = preparePerson(personInputOf(p));
  if (!r.ok) continue;
  const v = r.value;
  records.push({
    record_id: String(records.length),
    given_name: v.givenName ?? undefined,
    father_name: v.fatherName ?? undefined,
    grandfather_name: v.grandfatherName ?? undefined,
    family_name: v.familyName ?? undefined,
    full_name: v.fullName,
    full_name_en: v.fullNameEn ?? undefined,
    sex: v.sex ?? undefined,
    date_of_birth: v.dateOfBirth ?? undefined,
    national_id: v.nationalId ?? undefined,
    phone: v.phone ?? undefined,
    governorate: v.governorate,
  });
}

/** Drafts as typed: two names, four names, with the date and sex, with the ID. */
const drafts = (r: RawRecord): RawRecord[] => [
  { record_id: '', given_name: r.given_name, family_name: r.family_name },
  { record_id: '', given_name: r.given_name, father_name: r.father_name, grandfather_name: r.grandfather_name, family_name: r.family_name },
  { ...r, record_id: '', national_id: undefined, phone: undefined },
  { ...r, record_id: '' },
];

test('no record scores above the bound, whatever the draft holds', () => {
  const prior = checkPriorWeight(model, model.records, 5_500_000);
  let checked = 0;
  for (const r of records.slice(0, 20)) {
    for (const d of drafts(r)) {
      const bound = bestWeight(d, model, settings, prior);
      for (const s of scoreAgainst(d, records, model, settings, { priorWeight: prior })) {
        expect(s.weight).toBeLessThanOrEqual(bound + 1e-9);
        checked++;
      }
    }
  }
  expect(checked).toBeGreaterThan(20 * 4 * 250);
});

test('given and family name alone cannot reach review among 5,500,000; the whole record with its ID can', () => {
  const prior = checkPriorWeight(model, model.records, 5_500_000);
  const lower = weightFor(settings.thresholds.lower);
  const r = records.find((x) => x.national_id && x.father_name && x.date_of_birth)!;
  expect(bestWeight({ record_id: '', given_name: r.given_name, family_name: r.family_name }, model, settings, prior)).toBeLessThan(lower);
  expect(bestWeight({ ...r, record_id: '' }, model, settings, prior)).toBeGreaterThan(lower);
});

test('the small comparison cache of a draft scored against its candidates compares every pair as the default one does', () => {
  // 2^4 entries: nearly every pair of tokens collides in it, so a wrong hit would show
  const defaults = prepare([records], settings, REGISTRY_COLUMNS);
  const tiny = prepare([records], settings, REGISTRY_COLUMNS, { compareCacheBits: 4 });
  let compared = 0;
  for (let i = 0; i < 60; i++)
    for (let j = i + 1; j < records.length; j++) {
      expect(tiny.pattern(i, j)).toBe(defaults.pattern(i, j));
      compared++;
    }
  expect(compared).toBeGreaterThan(60 * 200);
});
