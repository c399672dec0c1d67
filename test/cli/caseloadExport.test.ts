// `sanad cases export` and `sanad tickets export`: the caseload as aggregates with an HXL row, small
// cells written "<5" (the complaints report's rule), every dimension present; a role outside the
// command matrix is refused and no file is written; the export is in the change log.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, expect, test } from 'vitest';
import { person } from '../households/support.ts';
import { sanadOut } from '../support/cli.ts';
import { useTestApp } from '../support/testApp.ts';

const t = useTestApp();
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sanad-caseload-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const rowsOf = (file: string) => parse(fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, '')) as string[][];

test('tickets export: by category, channel and governorate, HXL row, fewer than five withheld', async () => {
  const focal = await t.user({ role: 'feedback_focal_point', governorates: ['PS0260'] });
  const take = (category: string, channel: string) =>
    t.post(focal, '/api/v1/tickets', { channel, category, governorate: 'PS0260', description: 'x' });
  for (let i = 0; i < 7; i++) expect((await take('missed_assistance', 'desk')).statusCode).toBe(201);
  for (let i = 0; i < 2; i++) await take('data_correction', 'hotline');
  const file = path.join(dir, 'tickets.csv');
  const r = await sanadOut(['tickets', 'export', '--output', file, '--user', focal.username, '--no-progress'], t.db.url);
  expect(r.code, r.err).toBe(0);
  expect(r.out).toContain('Wrote 5 rows of tickets');
  const [head, hxl, ...rows] = rowsOf(file);
  expect(head).toEqual(['dimension', 'key', 'total', 'open', 'overdue', 'closed_on_time', 'closed_late', 'median_days_to_close']);
  expect(hxl![0]).toBe('#meta+dimension');
  expect(hxl!.every((h) => h.startsWith('#'))).toBe(true);
  expect(rows).toContainEqual(['category', 'data_correction', '<5', '<5', '0', '0', '0', '']);
  const gov = rows.find((x) => x[0] === 'governorate')!;
  expect(gov.slice(1, 3)).toEqual(['PS0260', '9']);
  expect(rows.find((x) => x[1] === 'missed_assistance')!.slice(2, 4)).toEqual(['7', '7']);
  expect(rows.map((x) => x[0])).toEqual(['category', 'category', 'channel', 'channel', 'governorate']);
  const logged = await t.db.pool.query("SELECT count(*)::int AS n FROM change_log WHERE action = 'export_tickets' AND actor_id = $1", [
    focal.id,
  ]);
  expect(logged.rows[0].n).toBe(1);
});

test('cases export: by type, stage and governorate (child protection counted, never named); others refused', async () => {
  const cw = await t.user({ role: 'caseworker', governorates: ['PS0260'] });
  const supervisor = await t.user({ role: 'case_supervisor', orgId: cw.orgId, governorates: ['PS0260'] });
  for (const type of ['injured_person', 'injured_person', 'injured_person', 'injured_person', 'injured_person', 'child_protection']) {
    const personId = await person(t, cw);
    const r = await t.post(cw, '/api/v1/cases', { type, personId, consent: { given: true } });
    expect(r.statusCode, r.body).toBe(201);
  }
  const r = await sanadOut(['cases', 'export', '--no-hxl', '--user', supervisor.username], t.db.url);
  expect(r.code, r.err).toBe(0);
  const [head, ...rows] = parse(r.out) as string[][];
  expect(head![0]).toBe('dimension');
  expect(rows).toContainEqual(['type', 'injured_person', '5', '5', '0', '0', '0', '']);
  expect(rows).toContainEqual(['type', 'child_protection', '<5', '<5', '0', '0', '0', '']);
  expect(rows.find((x) => x[0] === 'stage')).toEqual(['stage', 'intake', '6', '6', '0', '0', '0', '']);
  expect(r.out).not.toMatch(/[\u0600-\u06FF]/); // no name
  const file = path.join(dir, 'refused.csv');
  const refused = await sanadOut(['cases', 'export', '--output', file, '--user', cw.username], t.db.url);
  expect(refused.code).not.toBe(0);
  expect(refused.err).toContain('cases export');
  expect(fs.existsSync(file)).toBe(false);
});

test('GET /api/v1/cases/report: the same counts for a supervisor, withheld for an analyst, refused to a caseworker', async () => {
  const cw = await t.user({ role: 'caseworker', governorates: ['PS0260'] });
  const supervisor = await t.user({ role: 'case_supervisor', orgId: cw.orgId, governorates: ['PS0260'] });
  const analyst = await t.user({ role: 'analyst', orgId: cw.orgId, governorates: ['PS0260'] });
  for (const type of ['bereaved_family', 'bereaved_family', 'lost_livelihood']) {
    expect((await t.post(cw, '/api/v1/cases', { type, personId: await person(t, cw), consent: { given: true } })).statusCode).toBe(201);
  }
  const full = (await t.get(supervisor, '/api/v1/cases/report?by=type')).json();
  expect(full.rows).toEqual([
    { key: 'bereaved_family', total: 2, open: 2, overdue: 0, onTime: 0, late: 0, medianDays: null },
    { key: 'lost_livelihood', total: 1, open: 1, overdue: 0, onTime: 0, late: 0, medianDays: null },
  ]);
  expect((await t.get(analyst, '/api/v1/cases/report?by=stage')).json().rows).toEqual([
    { key: 'intake', total: null, open: null, overdue: 0, onTime: 0, late: 0, medianDays: null },
  ]);
  expect((await t.get(cw, '/api/v1/cases/report')).statusCode).toBe(403);
  expect((await t.get(supervisor, '/api/v1/cases/report?by=colour')).statusCode).toBe(422);
});
