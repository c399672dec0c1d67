// GET /api/v1/tickets/report: counts per category, channel or governorate; small cells withheld for analysts.
import { expect, test } from 'vitest';
import { publishReport } from '../../src/tickets/report.ts';
import { useTestApp } from '../support/testApp.ts';

const t = useTestApp();

test('pure: an aggregate role gets 1..4 withheld, and a second cell so none can be recomputed from the total', () => {
  const rows = [{ key: 'desk', total: 12, open: 2, overdue: 1, onTime: 6, late: 4, medianDays: 3.5 }];
  expect(publishReport(rows, false)).toEqual(rows);
  const [p] = publishReport(rows, true);
  expect(p).toMatchObject({ total: 12, open: null, overdue: null, late: null });
  expect(p!.onTime).toBe(6); // two parts withheld: 12 - 6 cannot be split between them
  expect(p!.medianDays).toBe(3.5); // ten closings
  // one small part alone would be the total minus the others: a second part is withheld with it
  const [q] = publishReport([{ key: 'x', total: 9, open: 8, overdue: 0, onTime: 1, late: 0, medianDays: 1 }], true);
  expect(q).toMatchObject({ total: 9, open: null, onTime: null, late: 0, medianDays: null });
});

test('a focal point sees every count; an analyst the same table with small cells withheld; others are refused', async () => {
  const focal = await t.user({ role: 'feedback_focal_point', governorates: ['PS0260'] });
  const other = await t.user({ role: 'feedback_focal_point', orgId: focal.orgId, governorates: ['PS0260'] });
  const take = (category: string, channel = 'desk') =>
    t.post(focal, '/api/v1/tickets', { channel, category, governorate: 'PS0260', description: 'x' }).then((r) => r.json());
  for (let i = 0; i < 6; i++) await take('missed_assistance');
  for (let i = 0; i < 2; i++) await take('information_request', 'hotline');
  const done = await take('missed_assistance');
  for (const s of [{ action: 'assign', userId: focal.id }, { action: 'start' }, { action: 'propose_answer', answer: 'a' }])
    await t.post(focal, `/api/v1/tickets/${done.id}/steps`, s);
  await t.post(other, `/api/v1/tickets/${done.id}/steps`, { action: 'approve' });

  const full = (await t.get(focal, '/api/v1/tickets/report?by=category')).json();
  expect(full.rows).toEqual([
    { key: 'information_request', total: 2, open: 2, overdue: 0, onTime: 0, late: 0, medianDays: null },
    expect.objectContaining({ key: 'missed_assistance', total: 7, open: 6, overdue: 0, onTime: 1, late: 0 }),
  ]);
  const analyst = await t.user({ role: 'analyst', orgId: focal.orgId, governorates: ['PS0260'] });
  const withheld = (await t.get(analyst, '/api/v1/tickets/report?by=category')).json();
  expect(withheld.rows[0]).toMatchObject({ key: 'information_request', total: null, open: null });
  expect(withheld.rows[1]).toMatchObject({ key: 'missed_assistance', total: 7, open: null, onTime: null, late: 0 });
  const byChannel = (await t.get(focal, '/api/v1/tickets/report?by=channel')).json();
  expect(byChannel.rows.map((r: { key: string }) => r.key)).toEqual(['desk', 'hotline']);
  expect((await t.get(await t.user({ role: 'caseworker', orgId: focal.orgId }), '/api/v1/tickets/report')).statusCode).toBe(403);
  expect((await t.get(focal, '/api/v1/tickets/report?by=colour')).statusCode).toBe(422);
});
