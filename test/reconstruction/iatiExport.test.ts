// sanad reconstruction export-iati and GET /api/v1/reconstruction/iati: the file validates against
// the official IATI 2.03 schema (xmllint --schema) and passes the ruleset checks; a broken file
// fails both, so neither check is vacuous; nothing about persons is in it.
import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { expect, test } from 'vitest';
import { iatiRuleChecker } from '../../src/iati/rulesetCheck.ts';
import { sanad as runSanad } from '../support/cli.ts';
import { personInput } from '../support/factories.ts';
import { useTestApp } from '../support/testApp.ts';
import { useTempDir } from '../import/support.ts';
import { projectBody } from './projectFixture.ts';

const t = useTestApp();
const tmp = useTempDir();
const sanad = (args: string[]) => runSanad(args, t.db.url);
const SCHEMA = path.resolve('../shared/data/standards/iati-2.03/iati-activities-schema.xsd');
const URL = '/api/v1/reconstruction/projects';

/** xmllint's verdict on a file: exit code and what it said. */
async function xmllint(file: string): Promise<{ code: number; out: string }> {
  try {
    const r = await promisify(execFile)('xmllint', ['--noout', '--schema', SCHEMA, file]);
    return { code: 0, out: r.stderr };
  } catch (e) {
    const err = e as { code: number; stderr: string };
    return { code: err.code, out: err.stderr };
  }
}

const check = (xml: string, now = new Date().toISOString()) => {
  const c = iatiRuleChecker(now);
  c.write(xml);
  return c.close();
};

/** Two projects (one with a commitment and a disbursement, one with incoming funds) and a registered person. */
async function seedProjects() {
  const admin = await t.user({ role: 'administrator', governorates: ['PS0260', 'PS0270', 'PS0150'] });
  // a registered person whose name must never reach the public file
  expect(
    (await t.post(admin, '/api/v1/persons', personInput({ givenName: 'زياد', familyName: 'الفرا', governorate: 'PS0260' }))).statusCode,
  ).toBe(201);
  const a = (await t.post(admin, URL, projectBody({ title: { en: 'Homes & shops <Gaza> "north"', ar: 'منازل ومحال' } }))).json();
  const b = (
    await t.post(
      admin,
      URL,
      projectBody({
        iatiIdentifier: 'PS-TIN-777-SCHOOL-1',
        reportingOrg: { ref: 'PS-TIN-777', type: '10', name: 'Example Ministry' },
        participatingOrgs: [
          { role: '1', type: '10', name: 'A donor without an identifier' },
          { role: '4', ref: 'PS-TIN-777', type: '10', name: 'Example Ministry' },
        ],
        sectors: [{ code: '12230', percentage: 100 }],
        locations: [{ governorate: 'PS0150' }],
        actualStart: undefined,
        activityStatus: '1',
        currency: 'ILS',
        housingUnits: undefined,
        budgets: [],
      }),
    )
  ).json();
  for (const tx of [
    { type: '2', date: '2026-02-01', value: 300000, provider: { ref: 'XM-DAC-41114', type: '40', name: 'Example Fund' } },
    { type: '3', date: '2026-03-01', value: 1250.75, currency: 'ILS', receiver: { type: '70', name: 'Contractor & Sons' } },
  ])
    expect((await t.post(admin, `${URL}/${a.id}/transactions`, tx)).statusCode).toBe(201);
  expect((await t.post(admin, `${URL}/${b.id}/transactions`, { type: '1', date: '2026-01-10', value: 90000 })).statusCode).toBe(201);

  return admin;
}

test('the export validates against the schema, passes the ruleset checks, and holds no person', { timeout: 120_000 }, async () => {
  const admin = await seedProjects();
  const file = path.join(tmp.dir, 'iati.xml');
  const r = await sanad(['reconstruction', 'export-iati', '--output', file, '--user', admin.username, '--no-progress']);
  expect(r.code, r.stderr).toBe(0);
  expect(r.stdout).toContain('Exported 2 IATI activities');
  const xml = await fs.readFile(file, 'utf8');
  const lint = await xmllint(file);
  expect(lint.code, lint.out).toBe(0);
  expect(lint.out).toContain('validates');
  expect(check(xml)).toEqual({ activities: 2, violations: [] });
  expect(xml).toContain(
    '<title><narrative>Homes &amp; shops &lt;Gaza&gt; &quot;north&quot;</narrative><narrative xml:lang="ar">منازل ومحال</narrative></title>',
  );
  expect(xml).toContain('<recipient-country code="PS" percentage="100"/>');
  expect(xml).toContain('<location ref="PS0260">');
  expect(xml).not.toContain('زياد');
  expect(xml).not.toContain('الفرا');

  // only one organisation's projects
  const only = path.join(tmp.dir, 'only.xml');
  expect(
    (
      await sanad([
        'reconstruction',
        'export-iati',
        '--output',
        only,
        '--organisation',
        'PS-TIN-777',
        '--user',
        admin.username,
        '--no-progress',
      ])
    ).code,
  ).toBe(0);
  expect(check(await fs.readFile(only, 'utf8')).activities).toBe(1);

  // the API's download is the same document (but for its generated-datetime)
  const api = await t.post(admin, '/api/v1/reconstruction/iati', {});
  expect(api.statusCode).toBe(200);
  expect(api.headers['content-type']).toContain('application/xml');
  const strip = (s: string) => s.replace(/generated-datetime="[^"]+"/, '');
  expect(strip(api.body)).toBe(strip(xml));

  // roles: an analyst of the organisation may export; a registration officer may not
  const analyst = await t.user({ role: 'analyst', orgId: admin.orgId, governorates: ['PS0150'] });
  const mine = path.join(tmp.dir, 'analyst.xml');
  expect((await sanad(['reconstruction', 'export-iati', '--output', mine, '--user', analyst.username, '--no-progress'])).code).toBe(0);
  expect(check(await fs.readFile(mine, 'utf8')).activities).toBe(1); // the West Bank project only
  const officer = await t.user({ role: 'registration_officer', orgId: admin.orgId });
  const refused = await sanad(['reconstruction', 'export-iati', '--output', mine, '--user', officer.username]);
  expect(refused.code).toBe(1);
  expect(refused.stderr).toContain('may not run `sanad reconstruction export-iati`');

  // a broken file fails both checks: elements out of order for the schema, rules for the checker
  const broken = xml
    .replace('<activity-status code="2"/>', '')
    .replace('percentage="70"', 'percentage="50"')
    .replace('iso-date="2026-03-01"', 'iso-date="2999-03-01"')
    .replace('<iati-identifier>PS-TIN-777-SCHOOL-1', '<iati-identifier>XM-OTHER-1');
  const bad = path.join(tmp.dir, 'broken.xml');
  await fs.writeFile(bad, broken);
  expect((await xmllint(bad)).code).not.toBe(0);
  expect(
    check(broken)
      .violations.map((v) => v.rule)
      .sort(),
  ).toEqual([
    "iati-identifier: starts with the reporting-org's ref and a dash",
    'sector: vocabulary 1 percentages sum to 100',
    'transaction-date: not in the future',
  ]);
});

test('the checker: identifiers twice, budget periods, dates in order, a currency for every value', () => {
  const activity = (id: string, inner: string, currency = ' default-currency="USD"') =>
    `<iati-activity last-updated-datetime="2026-01-01T00:00:00Z"${currency}><iati-identifier>${id}</iati-identifier><reporting-org ref="XM-DAC-1" type="10"><narrative>x</narrative></reporting-org><title><narrative>t</narrative></title><description><narrative>d</narrative></description><participating-org role="1" ref="XM-DAC-2"/>${inner}</iati-activity>`;
  const doc = (...a: string[]) => `<iati-activities version="2.03">${a.join('')}</iati-activities>`;
  const ok = '<activity-date type="1" iso-date="2026-01-01"/><sector code="73010"/>';
  expect(check(doc(activity('XM-DAC-1-A', ok)), '2026-06-01T00:00:00Z')).toEqual({ activities: 1, violations: [] });
  const rules = (inner: string, currency?: string) =>
    check(doc(activity('XM-DAC-1-A', inner, currency)), '2026-06-01T00:00:00Z').violations.map((v) => v.rule);
  expect(rules('<sector code="73010"/>')).toEqual(['activity-date: a planned or actual start']);
  expect(rules(`${ok}<activity-date type="3" iso-date="2025-01-01"/>`)).toEqual(['activity-date: planned start before planned end']);
  expect(rules('<activity-date type="2" iso-date="2026-07-01"/><sector code="73010"/>')).toEqual([
    'activity-date: actual start not in the future',
  ]);
  expect(
    rules(`${ok}<budget><period-start iso-date="2026-01-01"/><period-end iso-date="2027-02-01"/><value>1</value></budget>`, ''),
  ).toEqual(['value: a default-currency or a currency on every value', 'budget: a period of a year at most']);
  expect(rules('<activity-date type="1" iso-date="2026-01-01"/>')).toEqual(['sector: on the activity or on its transactions']);
  expect(rules(`${ok}<participating-org ref="XM DAC"/>`)).toEqual(['participating-org/@ref: no spaces or / & | ?']);
  // a whole second against the same second with milliseconds is not the future
  const updated = (at: string) => check(doc(activity('XM-DAC-1-A', ok).replace('2026-01-01T00:00:00Z', at)), '2026-06-01T10:00:00.500Z');
  expect(updated('2026-06-01T10:00:00Z').violations).toEqual([]);
  expect(updated('2026-06-01T10:00:01Z').violations.map((v) => v.rule)).toEqual(['last-updated-datetime: not in the future']);
  const twice = check(doc(activity('XM-DAC-1-A', ok), activity('XM-DAC-1-A', ok)), '2026-06-01T00:00:00Z');
  expect(twice.violations).toEqual([{ activity: 'XM-DAC-1-A', rule: 'iati-identifier: unique in the file' }]);
});
