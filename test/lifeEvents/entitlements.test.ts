// Only a confirmed death changes entitlements: the person leaves their household's counts in a
// cycle whose cut-off is on or after the death (or when its date is unknown); a reported one does not.
import { expect, test } from 'vitest';
import { household } from '../households/support.ts';
import { makeCycle, makeItem, makeProgramme } from '../support/make.ts';
import { useTestApp } from '../support/testApp.ts';

const t = useTestApp();

test('a reported death leaves the count alone; a confirmed one takes the person out from its date on', async () => {
  const u = await t.user({ role: 'administrator' });
  const h = await household(t, u, ['spouse', 'son'], '2023-01-01');
  const item = await makeItem(t, u, { code: 'bread', unit: 'loaf', sector: 'food' });
  const programme = await makeProgramme(t, u, { rules: [{ item: item.code, quantity: { base: 0, perPerson: 1 } }] });
  const sizeIn = async (cutoffDate: string) => {
    const cycle = await makeCycle(t, u, programme.id, { cutoffDate, generate: true });
    const r = await t.db.pool.query('SELECT size FROM cycle_household WHERE cycle_id = $1 AND household_id = $2', [cycle.id, h.id]);
    const e = await t.db.pool.query('SELECT sum(quantity)::int AS q FROM entitlement WHERE cycle_id = $1 AND household_id = $2', [
      cycle.id,
      h.id,
    ]);
    return [r.rows[0]?.size, e.rows[0]?.q];
  };
  const report = (source: string) => t.post(u, `/api/v1/persons/${h.others[1]}/life-events`, { kind: 'death', source, date: '2024-06-10' });
  expect(await sizeIn('2024-07-01')).toEqual([3, 3]);
  await report('family_report');
  expect(await sizeIn('2024-07-01')).toEqual([3, 3]); // reported only
  await report('hospital');
  expect(await sizeIn('2024-07-01')).toEqual([2, 2]); // confirmed, died before the cut-off
  expect(await sizeIn('2024-06-01')).toEqual([3, 3]); // a cut-off before the death still counts them
});
