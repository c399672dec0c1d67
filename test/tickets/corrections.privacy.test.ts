// A data correction's values (the proposed name, ID number, phone) never appear in application logs
// or error bodies: proposed, refused, approved and read, the log holds route patterns and statuses.
import { expect, test } from 'vitest';
import { person } from '../households/support.ts';
import { useTestApp } from '../support/testApp.ts';

const lines: string[] = [];
const t = useTestApp({ log: (l) => lines.push(JSON.stringify(l)) });

test('proposals, refusals, approvals and reads leave no value in the application log', async () => {
  const officer = await t.user({ role: 'registration_officer', governorates: ['PS0260'] });
  const focal = await t.user({ role: 'feedback_focal_point', orgId: officer.orgId, governorates: ['PS0260'] });
  const personId = await person(t, officer, { givenName: 'زهرة', familyName: 'القيشاوي' });
  const tk = (
    await t.post(focal, '/api/v1/tickets', { channel: 'hotline', category: 'data_correction', personId, description: 'الاسم خطأ' })
  ).json();
  lines.length = 0;
  const bodies: string[] = [];
  const bad = await t.post(focal, `/api/v1/tickets/${tk.id}/corrections`, {
    changes: { givenName: 'نرجس9', nationalId: '98765432x', phone: '+44 7700 900123' },
    reason: 'x',
  });
  expect(bad.statusCode).toBe(422);
  bodies.push(bad.body);
  const ok = await t.post(focal, `/api/v1/tickets/${tk.id}/corrections`, {
    changes: { givenName: 'نرجس', nationalId: '987654321', phone: '0597777777' },
    reason: 'كما في الهوية',
  });
  expect(ok.statusCode, ok.body).toBe(201);
  await t.get(officer, '/api/v1/corrections');
  await t.get(focal, `/api/v1/tickets/${tk.id}/corrections`);
  const own = await t.post(focal, `/api/v1/corrections/${ok.json().id}/decision`, { decision: 'approve' });
  bodies.push(own.body);
  expect((await t.post(officer, `/api/v1/corrections/${ok.json().id}/decision`, { decision: 'approve' })).statusCode).toBe(200);
  expect(lines.length).toBeGreaterThanOrEqual(6);
  const text = lines.join('\n') + bodies.join('\n');
  for (const v of ['زهرة', 'القيشاوي', 'نرجس', '987654321', '98765432x', '0597777777', '597777777', '7700', 'كما في الهوية'])
    expect(text).not.toContain(v);
  expect(lines.some((l) => l.includes('/api/v1/corrections/:id/decision'))).toBe(true);
});
