// Commands are identified and authorised like API calls: every command that acts for a user
// (--user) is in the command matrix (src/access/matrix.ts), and the named user must exist, be
// enabled and have a role the matrix allows; a refusal changes nothing.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Command } from 'commander';
import { beforeAll, expect, test } from 'vitest';
import { commandMatrix } from '../../src/access/matrix.ts';
import { roles } from '../../src/access/roles.ts';
import { registerCommands } from '../../src/cli/commands/index.ts';
import { sanadOut } from '../support/cli.ts';
import { makeOrg, makeUser, snapshot, type TestUser } from '../support/factories.ts';
import { useTestDb } from '../support/testApp.ts';

const t = useTestDb();

/** Every command of the program as its full name ('import quarantine retry') with its options. */
async function allCommands(): Promise<{ name: string; options: string[] }[]> {
  const program = new Command('sanad');
  await registerCommands(program, undefined);
  const out: { name: string; options: string[] }[] = [];
  const walk = (cmd: Command, prefix: string[]) => {
    for (const sub of cmd.commands) {
      const name = [...prefix, sub.name()];
      out.push({ name: name.join(' '), options: sub.options.map((o) => o.long ?? '') });
      walk(sub, name);
    }
  };
  walk(program, []);
  return out;
}

test('every command that acts for a user is in the command matrix, and the matrix names only commands', async () => {
  const all = await allCommands();
  const withUser = all.filter((c) => c.options.includes('--user')).map((c) => c.name);
  expect(withUser).toContain('duplicates');
  expect(withUser).toContain('audit verify');
  expect(withUser.filter((n) => !(n in commandMatrix))).toEqual([]);
  const names = all.map((c) => c.name);
  expect(Object.keys(commandMatrix).filter((k) => !names.includes(k))).toEqual([]);
  // deny by default: nobody is allowed everything but the administrator; every role list is known
  for (const [command, allowed] of Object.entries(commandMatrix)) {
    expect(
      allowed.every((r) => (roles as readonly string[]).includes(r)),
      command,
    ).toBe(true);
    expect(allowed, command).toContain('administrator');
  }
  expect(commandMatrix.duplicates).not.toContain('analyst');
});

let users: Record<'analyst' | 'caseworker' | 'auditor' | 'officer' | 'disabled', TestUser>;
let tmp: string;
beforeAll(async () => {
  const orgId = await makeOrg(t.db);
  users = {
    analyst: await makeUser(t.db, { orgId, role: 'analyst' }),
    caseworker: await makeUser(t.db, { orgId, role: 'caseworker' }),
    auditor: await makeUser(t.db, { orgId, role: 'auditor' }),
    officer: await makeUser(t.db, { orgId, role: 'registration_officer' }),
    disabled: await makeUser(t.db, { orgId, role: 'administrator' }),
  };
  await t.db.pool.query('UPDATE app_user SET disabled = true WHERE id = $1', [users.disabled.id]);
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'sanad-matrix-'));
  await fs.writeFile(path.join(tmp, 'persons.csv'), 'record_id,given_name,family_name,sex,governorate\nr1,سامر,الحداد,male,PS0260\n');
});

test('roles the matrix does not allow are refused, naming the role and the command, and nothing changes', async () => {
  const refusals: [keyof typeof users, string[], string][] = [
    ['analyst', ['duplicates', '--no-progress'], 'Your role (analyst) may not run `sanad duplicates`.'],
    ['analyst', ['export', 'persons', '--output', path.join(tmp, 'out.csv')], 'Your role (analyst) may not run `sanad export persons`.'],
    ['caseworker', ['import', 'persons', path.join(tmp, 'persons.csv')], 'Your role (caseworker) may not run `sanad import persons`.'],
    ['auditor', ['import', 'quarantine', 'list'], 'Your role (auditor) may not run `sanad import quarantine list`.'],
    [
      'caseworker',
      ['aid', 'generate', '--cycle', '00000000-0000-0000-0000-000000000001'],
      'Your role (caseworker) may not run `sanad aid generate`.',
    ],
    ['analyst', ['seed', '--households', '5', '--no-progress'], 'Your role (analyst) may not run `sanad seed`.'],
    ['officer', ['audit', 'verify'], 'Your role (registration_officer) may not run `sanad audit verify`.'],
    ['disabled', ['audit', 'verify'], `No active user named '${users.disabled.username}'.`],
  ];
  const before = await snapshot(t.db);
  for (const [who, args, message] of refusals) {
    const r = await sanadOut([...args, '--user', users[who].username], t.db.url);
    expect(r.code, args.join(' ')).toBe(1);
    expect(r.err, args.join(' ')).toContain(message);
  }
  const unknown = await sanadOut(['export', 'aggregates', '--user', 'nobody-here'], t.db.url);
  expect(unknown.code).toBe(1);
  expect(unknown.err).toContain("No active user named 'nobody-here'.");
  expect(await snapshot(t.db)).toEqual(before);
  await expect(fs.access(path.join(tmp, 'out.csv'))).rejects.toThrow();
}, 120_000);

test('an allowed role runs the command, and its writes are logged under that user', async () => {
  const r = await sanadOut(
    ['import', 'persons', path.join(tmp, 'persons.csv'), '--user', users.officer.username, '--no-progress'],
    t.db.url,
  );
  expect(r.code, r.err).toBe(0);
  expect((await t.db.pool.query("SELECT 1 FROM person WHERE record_id = 'r1'")).rowCount).toBe(1);
  const logged = await t.db.pool.query<{ actor_id: string | null }>("SELECT actor_id FROM change_log WHERE entity = 'import'");
  expect(logged.rows.length).toBeGreaterThan(0);
  expect(logged.rows.every((r) => r.actor_id === users.officer.id)).toBe(true);
}, 60_000);
