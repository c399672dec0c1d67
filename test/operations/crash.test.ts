// Durability under kill -9: five times, `sanad serve` and its embedded PostgreSQL are killed
// (SIGKILL, both at once) while clients write persons concurrently; the server restarts on the same
// data directory each time. At the end every write the server acknowledged (201) is in the registry
// exactly once (a record id is unique, and every acknowledged one is exported), no unacknowledged
// retry created a second person, and the change log verifies.
import { randomBytes, randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { isAlive, postmasterPid, sanadIn, serve } from '../support/served.ts';

const PASSWORD = 'a long synthetic test password';
const dir = path.join(os.tmpdir(), `sanad-crash-${randomBytes(4).toString('hex')}`);

afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

const given = ['سامي', 'ليلى', 'عمر', 'هدى', 'يوسف', 'منى'];

test('five kill -9 rounds mid-write: every acknowledged write is there once, and the change log verifies', async () => {
  const org = ['--org', 'Crash Test Org'];
  expect((await sanadIn(dir, ['user', 'add', '--username', 'admin', ...org, '--role', 'administrator', '--password', PASSWORD])).code).toBe(
    0,
  );
  const add = await sanadIn(dir, [
    'user',
    'add',
    '--username',
    'bot',
    ...org,
    '--role',
    'registration_officer',
    '--kind',
    'machine',
    '--user',
    'admin',
  ]);
  expect(add.code, add.err).toBe(0);
  const tok = await sanadIn(dir, ['user', 'token', '--username', 'bot', '--name', 'crash test', '--days', '1', '--user', 'admin']);
  expect(tok.code, tok.err).toBe(0);
  const token = tok.out.trim(); // printed once, alone on stdout
  expect(token.length).toBeGreaterThan(20);

  const acknowledged = new Set<string>();
  let n = 0;
  for (let round = 0; round < 5; round++) {
    const s = await serve(dir);
    let killed = false;
    const writer = async () => {
      while (!killed) {
        const recordId = `crash-${round}-${n++}`;
        const body = {
          recordId,
          givenName: given[n % given.length],
          fatherName: 'خالد',
          familyName: 'الاختبار',
          sex: 'male',
          governorate: 'PS0260',
        };
        // a client retries a write it got no answer for, with the same operation id: it must not create a second person
        const opId = randomUUID();
        for (let attempt = 0; attempt < 2 && !killed; attempt++) {
          try {
            const r = await fetch(`${s.url}/api/v1/persons`, {
              method: 'POST',
              headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'idempotency-key': opId },
              body: JSON.stringify(body),
            });
            if (r.status === 201) acknowledged.add(recordId);
            await r.arrayBuffer();
            break;
          } catch {
            // the connection died with the server: not acknowledged
          }
        }
      }
    };
    const writers = Array.from({ length: 6 }, writer);
    await new Promise((r) => setTimeout(r, 1500 + round * 300));
    const pgPid = await postmasterPid(dir);
    s.child.kill('SIGKILL');
    process.kill(pgPid, 'SIGKILL');
    killed = true;
    await s.exited;
    await Promise.all(writers);
    // the killed postmaster (and its backends, which notice their parent's death) gone before the restart
    for (let i = 0; i < 200 && isAlive(pgPid); i++) await new Promise((r) => setTimeout(r, 50));
  }
  expect(acknowledged.size).toBeGreaterThan(20);

  const last = await serve(dir);
  try {
    const file = path.join(dir, 'persons.csv');
    const exp = await sanadIn(dir, ['export', 'persons', '--output', file, '--user', 'admin', '--no-progress']);
    expect(exp.code, exp.err).toBe(0);
    const ids = (await fs.readFile(file, 'utf8'))
      .split('\n')
      .map((l) => /crash-\d+-\d+/.exec(l)?.[0])
      .filter((x): x is string => x !== undefined);
    expect(new Set(ids).size).toBe(ids.length); // no record twice
    const missing = [...acknowledged].filter((id) => !ids.includes(id));
    expect(missing).toEqual([]);
    const verify = await sanadIn(dir, ['audit', 'verify', '--user', 'admin']);
    expect(verify.code, verify.out + verify.err).toBe(0);
  } finally {
    last.child.kill('SIGTERM');
    await last.exited;
  }
}, 600_000);
