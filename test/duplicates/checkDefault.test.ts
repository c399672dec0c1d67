// The check while typing works from the first registration: before any `sanad duplicates` run it
// scores with the model shipped with Sanad, finds a retyped person first, and never rates a record
// of the other sex, or a brother, as likely the same person.
import { expect, test } from 'vitest';
import { useTestApp } from '../support/testApp.ts';

const t = useTestApp();

type Match = { person: { id: string }; probability: number; decision: string; relation: string; relative: boolean };

test('from the first registration: the retyped person first, the brother and the sister not above 50%', async () => {
  const officer = await t.user({ role: 'registration_officer' });
  const family = { fatherName: 'خليل', grandfatherName: 'محمود', familyName: 'أبو عودة', governorate: 'PS0260' };
  const reg = async (body: object) => {
    const r = await t.post(officer, '/api/v1/persons', { ...family, ...body });
    expect(r.statusCode).toBe(201);
    return r.json().id as string;
  };
  const ahmad = await reg({ givenName: 'أحمد', sex: 'male', dateOfBirth: '2014-03-02' });
  const omar = await reg({ givenName: 'عمر', sex: 'male', dateOfBirth: '2016-07-19' });
  const hala = await reg({ givenName: 'هالة', sex: 'female', dateOfBirth: '2015-03-02' });
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/v1/duplicates/check',
    headers: officer.auth,
    payload: {
      givenName: 'احمد',
      fatherName: 'خليل',
      grandfatherName: 'محمود',
      familyName: 'ابو عوده',
      sex: 'male',
      dateOfBirth: '2014-03-02',
    },
  });
  expect(res.statusCode).toBe(200);
  const body = res.json() as { matches: Match[]; modelId: string | null; model: string };
  expect(body.modelId).toBeNull();
  expect(body.model).toBe('default');
  expect(body.matches[0]!.person.id).toBe(ahmad);
  expect(body.matches[0]!.decision).toBe('likely_same');
  expect(body.matches[0]!.probability).toBeGreaterThan(0.9);
  for (const other of [omar, hala]) {
    const m = body.matches.find((x) => x.person.id === other);
    if (m) expect(m.probability).toBeLessThanOrEqual(0.5);
  }
});
