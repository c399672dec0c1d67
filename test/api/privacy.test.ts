// Personal data never appears in application logs, URLs or error messages.
import { beforeAll, expect, test } from 'vitest';
import type { TestUser } from '../support/factories.ts';
import { useTestApp } from '../support/testApp.ts';

let u: TestUser;
const lines: string[] = [];
const t = useTestApp({ log: (l) => lines.push(JSON.stringify(l)) });
const secret = { givenName: 'زهرة', familyName: 'القيشاوي', nationalId: '987654321', phone: '0597777777', fullNameEn: 'Zahra Qishawi' };

beforeAll(async () => {
  u = await t.user();
});

test('writes, failed writes, reads and searches leave no personal data in logs or error bodies', async () => {
  const ok = await t.post(u, '/api/v1/persons', { ...secret, governorate: 'PS0270' });
  expect(ok.statusCode).toBe(201);
  const id = ok.json().id;
  const bodies: string[] = [];
  for (const bad of [
    { ...secret, nationalId: '98765432x', governorate: 'PS0270' },
    { ...secret, phone: '+44 7700 900123', governorate: 'PS0270' },
    { ...secret, dateOfBirth: '31/12/1990', governorate: 'PS0270' },
    { ...secret, governorate: 'القيشاوي' },
  ]) {
    const r = await t.post(u, '/api/v1/persons', bad);
    expect(r.statusCode).toBe(422);
    bodies.push(r.body);
  }
  bodies.push((await t.post(u, '/api/v1/persons/search', { query: 'زهرة القيشاوي' })).body.replace(/"items":\[.*\]/, ''));
  bodies.push((await t.post(u, '/api/v1/persons/search', { nationalId: '98765' })).body);
  await t.get(u, `/api/v1/persons/${id}`);
  expect(lines.length).toBeGreaterThanOrEqual(8);
  const text = lines.join('\n') + bodies.join('\n');
  for (const value of ['زهرة', 'القيشاوي', '987654321', '98765432x', '0597777777', '597777777', '7700', 'Zahra', 'Qishawi', '31/12/1990']) {
    expect(text).not.toContain(value);
  }
  // the log shows route patterns, never concrete URLs with ids
  expect(lines.some((l) => l.includes('/api/v1/persons/:id'))).toBe(true);
  expect(lines.join('\n')).not.toContain(id);
});
