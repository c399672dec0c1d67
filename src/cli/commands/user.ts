// `sanad user add|token|reset-2fa`: accounts and API tokens from the server's own command line.
// Every change goes through the same store operations as the API, in a write with the change log:
// as the administrator named with --user (then the API's rules apply: their governorates, never
// their own account), or, without --user, as the server's operator (the first administrator on an
// empty store), logged with no user and the device 'cli'.
import { randomBytes } from 'node:crypto';
import type { Command } from 'commander';
import type pg from 'pg';
import type { Actor } from '../../access/actor.ts';
import { commandAllows } from '../../access/matrix.ts';
import { roles, type Role } from '../../access/roles.ts';
import { checkPasswordStrength } from '../../access/secrets.ts';
import { TOKEN_MAX_DAYS } from '../../shared/tokens.ts';
import { canManage, type UserKind, userKinds } from '../../access/users.ts';
import { governorateCodes } from '../../places/governorates.ts';
import { addUser } from '../../store/access/addUser.ts';
import { createApiToken } from '../../store/access/createApiToken.ts';
import { ensureOrganisation } from '../../store/access/ensureOrganisation.ts';
import { findUserByName, findUsersByName, getUser } from '../../store/access/findUser.ts';
import { resetSecondFactor } from '../../store/access/resetSecondFactor.ts';
import { write } from '../../store/write.ts';
import { actorFromOptions, withUserOption } from '../actor.ts';
import { storeFromOptions, withStoreOptions } from '../options.ts';
import { wholeNumber } from '../numberOption.ts';

type AddOptions = {
  username: string;
  org: string;
  role: string;
  kind: string;
  governorates: string;
  password?: string;
  temporary?: boolean;
  user?: string;
  dataDir: string;
};

function governoratesOf(o: { governorates: string }): string[] {
  const govs = o.governorates === 'all' ? [...governorateCodes] : o.governorates.split(',').map((s) => s.trim());
  const bad = govs.filter((g) => !governorateCodes.includes(g));
  if (bad.length) throw new Error(`--governorates has unknown P-codes: ${bad.join(', ')}`);
  return govs;
}

/** The administrator named with --user (enabled, allowed the command), or the server's operator for the organisation. */
async function actingAs(pool: pg.Pool, o: { user?: string }, orgId: string, command: 'user add' | 'user token'): Promise<Actor> {
  if (!o.user) return { userId: null, orgId, role: 'administrator', governorates: [...governorateCodes], deviceId: 'cli' };
  const actor = await actorFromOptions(pool, { user: o.user });
  if (!commandAllows(command, actor.role)) throw new Error(`Your role (${actor.role}) may not run 'sanad ${command}'.`);
  if (actor.orgId !== orgId) throw new Error('--user must be an administrator of that organisation.');
  return actor;
}

async function add(o: AddOptions): Promise<void> {
  if (!(roles as readonly string[]).includes(o.role)) throw new Error(`--role must be one of: ${roles.join(', ')}`);
  if (!(userKinds as readonly string[]).includes(o.kind)) throw new Error(`--kind must be one of: ${userKinds.join(', ')}`);
  const kind = o.kind as UserKind;
  const govs = governoratesOf(o);
  const generated = kind === 'person' && !o.password && !process.env.SANAD_PASSWORD;
  const password = kind === 'machine' ? undefined : (o.password ?? process.env.SANAD_PASSWORD ?? randomBytes(12).toString('base64url'));
  const weak = password === undefined ? undefined : checkPasswordStrength(password);
  if (weak) throw new Error(`the password ${weak}`);
  const store = await storeFromOptions(o);
  try {
    const orgId = (await ensureOrganisation(store.pool, o.org)).id;
    if ((await findUsersByName(store.pool, o.username, o.org)).length > 0)
      throw new Error(`a user named '${o.username}' exists already in that organisation`);
    const actor = await actingAs(store.pool, o, orgId, 'user add');
    const outside = govs.filter((g) => !actor.governorates.includes(g));
    if (outside.length) throw new Error(`--governorates ${outside.join(', ')} lie outside your own governorates`);
    const request = { username: o.username, kind, role: o.role, governorates: govs };
    const out = await write(store.pool, actor, { route: 'user add', request }, async (ctx) => ({
      status: 201,
      body: await addUser(ctx, { ...request, role: o.role as Role, password }, { temporary: Boolean(o.temporary) }),
    }));
    const next =
      kind === 'machine'
        ? 'a machine account: make it an API token with sanad user token'
        : `they set up their second factor (an authenticator app) at their first sign-in${o.temporary ? ' and then choose their own password' : ''}`;
    process.stdout.write(`created user ${o.username} (${o.role}) id ${out.body.id}; ${next}\n`);
    if (generated) process.stdout.write(`password: ${password}\n`);
  } finally {
    await store.close();
  }
}

type TokenOptions = { username: string; org?: string; name: string; days: number; user?: string; dataDir: string };

async function token(o: TokenOptions): Promise<void> {
  if (!Number.isInteger(o.days) || o.days < 1 || o.days > TOKEN_MAX_DAYS)
    throw new Error(`--days must be a whole number from 1 to ${TOKEN_MAX_DAYS}: every token ends`);
  const store = await storeFromOptions(o);
  try {
    const row = await findUserByName(store.pool, o.username, o.org);
    if (!row) throw new Error(`no user named '${o.username}'`);
    const u = await getUser(store.pool, row.org_id, row.id);
    if (u.kind !== 'machine')
      throw new Error(`'${o.username}' is a person: API tokens are only for machine accounts (sanad user add --kind machine)`);
    if (u.disabled) throw new Error(`'${o.username}' is disabled`);
    const actor = await actingAs(store.pool, o, u.orgId, 'user token');
    if (!canManage(actor, u)) throw new Error(`no user named '${o.username}' within your governorates`);
    const request = { userId: u.id, name: o.name, days: o.days };
    const out = await write(store.pool, actor, { route: 'user token', request }, async (ctx) => ({
      status: 201,
      body: await createApiToken(ctx, request),
    }));
    process.stdout.write(`${out.body.token}\n`);
    process.stderr.write(`token '${o.name}' for ${o.username} ends ${out.body.record.expiresAt}; it is shown only this once\n`);
  } finally {
    await store.close();
  }
}

async function reset2fa(o: { username: string; org?: string; user: string; dataDir: string }): Promise<void> {
  const store = await storeFromOptions(o);
  try {
    const actor = await actorFromOptions(store.pool, o);
    if (!commandAllows('user reset-2fa', actor.role)) throw new Error(`Your role (${actor.role}) may not reset a second factor.`);
    const row = (await findUsersByName(store.pool, o.username, o.org)).find((r) => r.org_id === actor.orgId);
    const u = row && (await getUser(store.pool, actor.orgId, row.id));
    if (!u || !canManage(actor, u)) throw new Error(`no user named '${o.username}' in your organisation and governorates`);
    if (u.id === actor.userId) throw new Error('You cannot reset your own second factor: ask another administrator.');
    if (u.kind !== 'person') throw new Error(`'${o.username}' is a machine account: it has no second factor`);
    const out = await write(store.pool, actor, { route: 'user reset-2fa', request: { userId: u.id } }, async (ctx) => ({
      status: 200,
      body: await resetSecondFactor(ctx, u.id),
    }));
    process.stdout.write(
      `${out.body.wasEnrolled ? 'reset the second factor of' : 'no second factor was set up for'} ${o.username}; ${out.body.sessionsEnded} session(s) ended. They set up a new one at their next sign-in.\n`,
    );
  } finally {
    await store.close();
  }
}

export function register(program: Command): void {
  const user = program.command('user').description('manage organisations, users and API tokens');
  withStoreOptions(user.command('add').description('create a user (and their organisation if new)'))
    .requiredOption('--username <name>', 'login name (unique within the organisation)')
    .requiredOption('--org <name>', 'organisation name')
    .requiredOption('--role <role>', `one of: ${roles.join(', ')}`)
    .option('--kind <kind>', 'person (signs in) or machine (a service account that acts through API tokens)', 'person')
    .option('--governorates <codes>', 'comma-separated P-codes, or "all"', 'all')
    .option(
      '--password <password>',
      'at least 12 characters; a random one is printed if omitted (prefer SANAD_PASSWORD in the environment)',
    )
    .option('--temporary', 'the person chooses their own password at the first sign-in')
    .option('--user <username>', 'the administrator doing this (recorded in the change log; their governorates apply)')
    .action((o: AddOptions) => add(o));
  withStoreOptions(user.command('token').description('create an API token for a machine account (printed once)'))
    .requiredOption('--username <name>', 'the machine account the token acts as')
    .option('--org <name>', 'its organisation, when several have an account of that name')
    .requiredOption('--name <name>', 'what the token is for')
    .requiredOption('--days <n>', `how many days until it ends (1 to ${TOKEN_MAX_DAYS})`, wholeNumber(1, 1_000_000))
    .option('--user <username>', 'the administrator doing this (recorded in the change log; their governorates apply)')
    .action((o: TokenOptions) => token(o));
  withUserOption(
    withStoreOptions(
      user
        .command('reset-2fa')
        .description("reset a user's second factor (lost phone): they set up a new one at their next sign-in; ends their sessions"),
    ),
  )
    .requiredOption('--username <name>', 'whose second factor to reset')
    .option('--org <name>', 'their organisation, when several have an account of that name')
    .action((o: { username: string; org?: string; user: string; dataDir: string }) => reset2fa(o));
}
