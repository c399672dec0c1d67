// The pure rules of life events: when a report is confirmed, whom to propose as the new head.
import fc from 'fast-check';
import { expect, test } from 'vitest';
import { type HouseholdMember, isConfirmed, proposeNewHead, tasksOnConfirmation } from '../../src/lifeEvents/confirmation.ts';
import { checkDetail, hasDisability } from '../../src/lifeEvents/detail.ts';
import { lifeEventSources } from '../../src/shared/lifeEvents.ts';

const death = (source: (typeof lifeEventSources)[number], withdrawn = false) => ({ kind: 'death' as const, source, withdrawn });

test('one source reports; a second kind of source or an official record confirms; withdrawn reports do not count', () => {
  expect(isConfirmed([death('family_report')], 'death')).toBe(false);
  expect(isConfirmed([death('family_report'), death('family_report')], 'death')).toBe(false);
  expect(isConfirmed([death('family_report'), death('hospital')], 'death')).toBe(true);
  expect(isConfirmed([death('official_record')], 'death')).toBe(true);
  // a health ministry's death list is an official record of deaths (not of anything else)
  expect(isConfirmed([death('health_ministry_list')], 'death')).toBe(true);
  expect(isConfirmed([{ kind: 'missing', source: 'health_ministry_list', withdrawn: false }], 'missing')).toBe(false);
  expect(isConfirmed([death('family_report'), death('hospital', true)], 'death')).toBe(false);
  expect(isConfirmed([death('official_record', true)], 'death')).toBe(false);
  // an injury report does not confirm a death
  expect(isConfirmed([death('family_report'), { kind: 'injury', source: 'hospital', withdrawn: false }], 'death')).toBe(false);
});

test('property: confirmation depends only on the standing reports, never on their order', () => {
  const report = fc.record({ source: fc.constantFrom(...lifeEventSources), withdrawn: fc.boolean() });
  fc.assert(
    fc.property(fc.array(report, { maxLength: 8 }), fc.integer(), (rs, seed) => {
      const reports = rs.map((r) => ({ kind: 'death' as const, ...r }));
      const shuffled = [...reports].sort(() => (seed % 2 === 0 ? 1 : -1));
      const standing = reports.filter((r) => !r.withdrawn);
      const expected =
        standing.some((r) => r.source === 'official_record' || r.source === 'health_ministry_list') ||
        new Set(standing.map((r) => r.source)).size >= 2; // death
      expect(isConfirmed(shuffled, 'death')).toBe(expected);
    }),
  );
});

const m = (
  personId: string,
  relationship: HouseholdMember['relationship'],
  ageYears: number | null,
  deceased = false,
): HouseholdMember => ({
  personId,
  relationship,
  ageYears,
  deceased,
});

test('the new head proposed: a living spouse, else the oldest adult child, else the oldest member; never the dead head', () => {
  expect(proposeNewHead([m('h', 'head', 50), m('w', 'spouse', 45), m('s', 'son', 25)])).toBe('w');
  expect(proposeNewHead([m('h', 'head', 50), m('w', 'spouse', 45, true), m('s', 'son', 20), m('d', 'daughter', 24)])).toBe('d');
  expect(proposeNewHead([m('h', 'head', 50), m('s', 'son', 12), m('d', 'daughter', 15)])).toBe('d');
  expect(proposeNewHead([m('h', 'head', 50), m('b', 'brother', 30), m('s', 'son', 10)])).toBe('b');
  expect(proposeNewHead([m('h', 'head', 50)])).toBeUndefined();
});

test('property: the proposal is a living member other than the head, and an adult whenever there is one', () => {
  const rel = fc.constantFrom('spouse', 'son', 'daughter', 'father', 'mother', 'brother', 'sister', 'grandchild', 'other') as fc.Arbitrary<
    HouseholdMember['relationship']
  >;
  const member = fc.record({ relationship: rel, ageYears: fc.option(fc.integer({ min: 0, max: 100 })), deceased: fc.boolean() });
  fc.assert(
    fc.property(fc.array(member, { maxLength: 10 }), (ms) => {
      const members = [m('head', 'head', 60), ...ms.map((x, i) => ({ personId: `p${i}`, ...x }))];
      const chosen = proposeNewHead(members);
      const living = members.filter((x) => x.relationship !== 'head' && !x.deceased);
      if (living.length === 0) {
        expect(chosen).toBeUndefined();
        return;
      }
      const c = members.find((x) => x.personId === chosen)!;
      expect(c.relationship).not.toBe('head');
      expect(c.deceased).toBe(false);
      if (living.some((x) => x.ageYears === null || x.ageYears >= 18)) expect(c.ageYears === null || c.ageYears >= 18).toBe(true);
    }),
  );
});

test('the tasks a confirmed event opens: a new head for a dead head; a vulnerability for a severe injury, a disability, a loss', () => {
  const c = (o: Partial<Parameters<typeof tasksOnConfirmation>[1]> = {}) => ({
    isHead: true,
    otherMembers: 2,
    ageYears: 40,
    detail: {},
    ...o,
  });
  const vuln = (v: string) => [{ kind: 'record_vulnerability', vulnerability: v }];
  expect(tasksOnConfirmation('death', c())).toEqual([{ kind: 'new_head' }]);
  expect(tasksOnConfirmation('death', c({ otherMembers: 0 }))).toEqual([]);
  expect(tasksOnConfirmation('death', c({ isHead: false }))).toEqual([]);
  expect(tasksOnConfirmation('injury', c({ detail: { severity: 'minor' } }))).toEqual([]);
  expect(tasksOnConfirmation('injury', c({ detail: { lifeChanging: true } }))).toEqual(vuln('injured'));
  expect(tasksOnConfirmation('disability', c({ detail: { washingtonGroup: { seeing: 'some_difficulty' } } }))).toEqual([]);
  expect(tasksOnConfirmation('disability', c({ detail: { washingtonGroup: { walking: 'cannot_do' } } }))).toEqual(vuln('disability'));
  expect(tasksOnConfirmation('lost_home', c())).toEqual(vuln('lost_home'));
  expect(tasksOnConfirmation('separated', c({ ageYears: 9 }))).toEqual(vuln('separated_child'));
  expect(tasksOnConfirmation('separated', c({ ageYears: 30 }))).toEqual([]);
});

test('who confirms alone: an official record anything; a hospital an injury but not a death; a family report nothing', () => {
  const one = (kind: 'death' | 'injury' | 'lost_home', source: (typeof lifeEventSources)[number]) =>
    isConfirmed([{ kind, source, withdrawn: false }], kind);
  expect(one('death', 'hospital')).toBe(false);
  expect(one('injury', 'hospital')).toBe(true);
  expect(one('injury', 'family_report')).toBe(false);
  expect(one('lost_home', 'field_visit')).toBe(true);
  expect(one('lost_home', 'other_organisation')).toBe(false);
});

test('detail belongs to its kind; the Washington Group cut-off', () => {
  expect(checkDetail('injury', { severity: 'severe', amputation: true })).toEqual({ severity: 'severe', amputation: true });
  expect(() => checkDetail('death', { severity: 'severe' })).toThrow(/not recorded for this kind of event/);
  expect(() => checkDetail('injury', { washingtonGroup: { seeing: 'cannot_do' } })).toThrow();
  expect(hasDisability({ washingtonGroup: { seeing: 'some_difficulty', walking: 'a_lot_of_difficulty' } })).toBe(true);
  expect(hasDisability({ washingtonGroup: { seeing: 'some_difficulty' } })).toBe(false);
});
