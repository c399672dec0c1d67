// The registry's rules: the model's weights (a different father outweighs a shared given and
// family name), relatives read from the four-part names, strong evidence, and what is admitted.
import { expect, test } from 'vitest';
import { registryRecords } from '../../bench/linkage/clanEval.ts';
import { DECISION, link, prepare } from '../../src/linkage/engine.ts';
import type { RawRecord } from '../../src/linkage/fields.ts';
import type { Model } from '../../src/linkage/model.ts';
import { REGISTRY_COLUMNS } from '../../src/linkage/registryScore.ts';
import {
  NAME_YEAR_MIN_WEIGHT,
  REGISTRY_SETTINGS,
  referenceModel,
  registryLinkHooks,
  registryRules,
} from '../../src/linkage/registryDedupe.ts';
import { RelationReader } from '../../src/linkage/relations.ts';
import { resolveSettings } from '../../src/linkage/settings.ts';
import { generateClanRegistry } from '../../src/synthetic/registries.ts';

const w = (m: Model, field: string, level: string) => {
  const f = m.fields.find((x) => x.name === field)!;
  return f.w[f.levels.indexOf(level) + 1]!;
};
const fatherOutweighs = (m: Model) => expect(w(m, 'father', 'disagree')).toBeLessThan(-(w(m, 'given', 'exact') + w(m, 'family', 'exact')));

test('a different father weighs more than the same given and family name: shipped and fitted models', () => {
  fatherOutweighs(referenceModel());
  const { recs } = registryRecords(generateClanRegistry({ persons: 3000, seed: 41, duplicateRate: 0.05 }));
  fatherOutweighs(link([recs], REGISTRY_SETTINGS, registryLinkHooks(), REGISTRY_COLUMNS).model);
});

const person = (o: Partial<RawRecord>): RawRecord => ({
  record_id: o.record_id ?? String(Math.random()),
  given_name: 'محمود',
  father_name: 'يوسف',
  grandfather_name: 'حسن',
  family_name: 'النجار',
  sex: 'male',
  date_of_birth: '1990-05-04',
  governorate: 'PS0260',
  ...o,
});

/** Relation, strong evidence and the admitted decision of the pair (a, b). */
function judge(a: RawRecord, b: RawRecord) {
  const settings = resolveSettings(REGISTRY_SETTINGS);
  const ds = prepare([[a, b]], settings, REGISTRY_COLUMNS);
  const rel = new RelationReader(ds);
  return { relation: rel.relation(0, 1), strong: rel.strong(0, 1), admit: registryRules(ds, settings).admit(0, 1) };
}

test('relatives are read from the names, sexes and years, and are not candidates without strong evidence', () => {
  const me = person({});
  expect(judge(me, person({ given_name: 'خالد', date_of_birth: '1993-01-20' }))).toEqual({
    relation: 'siblings',
    strong: false,
    admit: DECISION.distinct,
  });
  expect(judge(me, person({ given_name: 'خالد' }))).toMatchObject({ relation: 'twins', admit: DECISION.distinct });
  expect(judge(me, person({ given_name: 'ليلى', sex: 'female' }))).toMatchObject({ relation: 'different_sex', admit: DECISION.distinct });
  // a son: his father's name is my given name, his grandfather's my father's
  expect(
    judge(me, person({ given_name: 'يوسف', father_name: 'محمود', grandfather_name: 'يوسف', date_of_birth: '2015-02-02' })),
  ).toMatchObject({
    relation: 'parent_child',
    admit: DECISION.distinct,
  });
  // a cousin named after the same grandfather: only the father differs
  expect(judge(me, person({ father_name: 'إبراهيم', date_of_birth: '1991-07-07' }))).toMatchObject({
    relation: 'cousins',
    admit: DECISION.distinct,
  });
  // the same given, father's and family name, born 28 years apart, grandfather unknown (1960 for 1990 would be one digit: a typo)
  expect(judge(me, person({ grandfather_name: undefined, date_of_birth: '1962-08-17' }))).toMatchObject({
    relation: 'generations_apart',
    admit: DECISION.distinct,
  });
});

test('strong evidence: the same ID; the full name with the full date of birth or the phone; the four-part name with the year; not the name alone', () => {
  const me = person({ national_id: '401122336', phone: '+970599111222' });
  expect(judge(me, person({ national_id: '401122336', date_of_birth: '1990' }))).toMatchObject({
    relation: 'none',
    strong: true,
    admit: DECISION.link,
  });
  expect(judge(me, person({ given_name: 'محمود' }))).toMatchObject({ strong: true, admit: DECISION.link }); // full date of birth
  expect(judge(me, person({ date_of_birth: '1990', phone: '+970599111222' }))).toMatchObject({ strong: true, admit: DECISION.link });
  // the whole four-part name with the same year (one known to the year only, or 01-01), or a date one slip apart
  expect(judge(me, person({ date_of_birth: '1990' }))).toMatchObject({ relation: 'none', strong: false, admit: DECISION.link });
  expect(judge(me, person({ date_of_birth: '1990-01-01' }))).toMatchObject({ relation: 'none', admit: DECISION.link });
  expect(judge(me, person({ date_of_birth: '1990-04-05' }))).toMatchObject({ relation: 'none', admit: DECISION.link });
  // ... but not without the grandfather's name, another sex unknown, or the year one apart: reviewed
  expect(judge(me, person({ date_of_birth: '1990', grandfather_name: undefined }))).toMatchObject({ admit: DECISION.review });
  expect(judge(me, person({ date_of_birth: '1990', sex: undefined }))).toMatchObject({ admit: DECISION.review });
  expect(judge(me, person({ date_of_birth: '1991' }))).toMatchObject({ relation: 'none', admit: DECISION.review });
  expect(judge(me, person({ date_of_birth: undefined }))).toMatchObject({ relation: 'none', admit: DECISION.review });
  // twins with one ID number (a registration slip): reviewed, labelled, never linked automatically
  expect(judge(me, person({ given_name: 'خالد', national_id: '401122336' }))).toMatchObject({
    relation: 'twins',
    strong: true,
    admit: DECISION.review,
  });
});

test('the four-part name with the year links only from the minimum weight on; strong evidence at any weight', () => {
  const settings = resolveSettings(REGISTRY_SETTINGS);
  const me = person({});
  const pair = (b: RawRecord, a = me) => registryRules(prepare([[a, b]], settings, REGISTRY_COLUMNS), settings);
  const yearOnly = pair(person({ date_of_birth: '1990' }));
  expect(yearOnly.admit(0, 1, NAME_YEAR_MIN_WEIGHT)).toBe(DECISION.link);
  expect(yearOnly.admit(0, 1, NAME_YEAR_MIN_WEIGHT - 0.01)).toBe(DECISION.review);
  expect(yearOnly.admit(0, 1, 4.3)).toBe(DECISION.review); // the commonest names' false links at 1,000,000 persons
  const sameId = pair(person({ national_id: '401122336', date_of_birth: '1990' }), person({ national_id: '401122336' }));
  expect(sameId.admit(0, 1, 4.3)).toBe(DECISION.link);
  const fullDate = pair(person({}));
  expect(fullDate.admit(0, 1, 4.3)).toBe(DECISION.link);
});

test('a typo of a very common name is that name; two common names one letter apart are two names', () => {
  const many = (father: string, n: number) =>
    Array.from({ length: n }, (_, k) =>
      person({ record_id: `${father}-${k}`, given_name: 'سامي', father_name: father, date_of_birth: `19${50 + (k % 40)}-02-03` }),
    );
  const me = person({ record_id: 'me', father_name: 'محمد', national_id: '401122336' });
  const typo = person({ record_id: 'typo', father_name: 'ممد', national_id: '401122336' });
  const other = person({ record_id: 'other', father_name: 'يونس', date_of_birth: '1991-07-07' });
  const mine = person({ record_id: 'mine', father_name: 'يوسف', date_of_birth: '1991-08-08' });
  // محمد 120 times, its typo ممد 4 times (a typo seen a few times in a large registry); يوسف and يونس 40 times each
  const rows = [me, typo, other, mine, ...many('محمد', 120), ...many('ممد', 3), ...many('يونس', 40), ...many('يوسف', 40)];
  const settings = resolveSettings(REGISTRY_SETTINGS);
  const ds = prepare([rows], settings, REGISTRY_COLUMNS);
  const rel = new RelationReader(ds);
  expect(rel.relation(0, 1)).toBe('none');
  expect(registryRules(ds, settings).admit(0, 1)).toBe(DECISION.link);
  expect(rel.relation(2, 3)).toBe('cousins');
});
