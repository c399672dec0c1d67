// `sanad export links --output FILE`: the registry's identities after `sanad duplicates`, one row
// per linked person (record_id, cluster_id, sanad_id), only persons in the user's scope; scored
// against the truth like `sanad link`'s output; refused for roles that do not review duplicates.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, expect, test } from 'vitest';
import { identityRows } from '../../src/export/links.ts';
import { preparePerson, type PersonRecord } from '../../src/registry/person.ts';
import { personInputOf } from '../../src/synthetic/personInput.ts';
import { generateClanRegistry } from '../../src/synthetic/registries.ts';
import { makeUser, type TestUser } from '../support/factories.ts';
import { sanadOut } from '../support/cli.ts';
import { useTestDb } from '../support/testApp.ts';
import { insertRecords } from './support.ts';

const t = useTestDb();
let user: TestUser;
const truth = new Map<string, string>();
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sanad-links-'));

beforeAll(async () => {
  user = await makeUser(t.db, { role: 'caseworker' });
  const recs: PersonRecord[] = [];
  for (const p of generateClanRegistry({ persons: 800, seed: 5, duplicateRate: 0.1 })) {
    const r = preparePerson(personInputOf(p));
    if (!r.ok) continue;
    recs.push(r.value);
    truth.set(p.recordId, p.cluster);
  }
  await insertRecords(t.db.pool, user.orgId, recs);
}, 60_000);

const sanad = (args: string[]) => sanadOut(args, t.db.url);

test('identities are the connected components of the links, the smallest id naming each', () => {
  const rows = identityRows([
    { a: 'b', b: 'c', recordA: 'B', recordB: 'C' },
    { a: 'a', b: 'c', recordA: 'A', recordB: 'C' },
    { a: 'x', b: 'y', recordA: null, recordB: 'Y' },
  ]);
  expect(rows).toEqual([
    ['A', 'a', 'a'],
    ['B', 'a', 'b'],
    ['C', 'a', 'c'],
    ['', 'x', 'x'],
    ['Y', 'x', 'y'],
  ]);
});

test('after sanad duplicates, the export holds every automatically linked person, grouped as the truth groups them', async () => {
  const d = await sanad(['duplicates', '--user', user.username, '--no-progress']);
  expect(d.code).toBe(0);
  const file = path.join(dir, 'links.csv');
  const r = await sanad(['export', 'links', '--user', user.username, '--output', file]);
  expect(r.err).toBe('');
  expect(r.code).toBe(0);
  expect(r.out).toMatch(/^Exported \d+ linked persons in \d+ identities to /);
  const lines = fs.readFileSync(file, 'utf8').trim().split('\n');
  expect(lines[0]).toBe('record_id,cluster_id,sanad_id');
  const rows = lines.slice(1).map((l) => l.split(','));
  const linked = (await t.db.pool.query<{ n: number }>("SELECT count(*)::int AS n FROM person_link WHERE kind = 'auto'")).rows[0]!.n;
  expect(linked).toBeGreaterThan(10);
  // n persons in k identities hold n - k links when no identity has a cycle
  expect(rows.length - new Set(rows.map((x) => x[1])).size).toBe(linked);
  // every identity holds records of one true person only
  const byCluster = new Map<string, Set<string>>();
  for (const [rec, cl] of rows) byCluster.set(cl!, (byCluster.get(cl!) ?? new Set()).add(truth.get(rec!)!));
  for (const people of byCluster.values()) expect(people.size).toBe(1);
  const logged = await t.db.pool.query("SELECT after FROM change_log WHERE action = 'export_links'");
  expect(logged.rows[0].after.rows).toBe(rows.length);
}, 120_000);

test('a registration officer may not export the links', async () => {
  const officer = await makeUser(t.db, { role: 'registration_officer', orgId: user.orgId });
  const r = await sanad(['export', 'links', '--user', officer.username, '--output', path.join(dir, 'no.csv')]);
  expect(r.code).not.toBe(0);
  expect(r.err).toMatch(/may not run .sanad export links/);
  expect(fs.existsSync(path.join(dir, 'no.csv'))).toBe(false);
}, 60_000);
