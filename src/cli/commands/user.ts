import { randomBytes } from 'node:crypto';
import type { Command } from 'commander';
import { commandAllows } from '../../access/matrix.ts';
import { roles, type Role } from '../../access/roles.ts';
import { checkPasswordStrength } from '../../access/secrets.ts';
import { governorateCodes } from '../../places/governorates.ts';
import type { Actor } from '../../access/actor.ts';
import { createApiToken } from '../../store/access/createApiToken.ts';
import { createOrganisation, createUser } from '../../store/access/createUser.ts';
import { findUserByName } from '../../store/access/findUser.ts';
import { resetSecondFactor } from '../../store/access/resetSecondFactor.ts';
import { write } from '../../store/write.ts';
import { actorFromOptions, withUserOption } from '../actor.ts';
import { storeFromOptions, withStoreOptions } from '../options.ts';
import { wholeNumber } from '../numberOption.ts';

export function register(program: Command): void {
  const user = program.command('user').description('manage organisations, users and API tokens');
  withStoreOptions(user.command('add').description('create a user (and their organisation if new)'))
    .requiredOption('--username <name>', 'login name')
    .requiredOption('--org <name>', 'organisation name')
    .requiredOption('--role <role>', `one of: ${roles.join(', ')}`)
    .option('--governorates <codes>', 'comma-separated P-codes, or "all"', 'all')
    .option(
      '--password <password>',
      'at least 12 characters; a random one is printed if omitted (prefer SANAD_PASSWORD in the environment)',
    )
    .action(async (o: { username: string; org: string; role: string; governorates: string; password?: string; dataDir: string }) => {
      if (!(roles as readonly string[]).includes(o.role)) throw new Error(`--role must be one of: ${roles.join(', ')}`);
      const govs = o.governorates === 'all' ? [...governorateCodes] : o.governorates.split(',').map((s) => s.trim());
      const bad = govs.filter((g) => !governorateCodes.includes(g));
      if (bad.length) throw new Error(`--governorates has unknown P-codes: ${bad.join(', ')}`);
      const password = o.password ?? process.env.SANAD_PASSWORD ?? randomBytes(12).toString('base64url');
      const weak = checkPasswordStrength(password);
      if (weak) throw new Error(`the password ${weak}`);
      const store = await storeFromOptions(o);
      try {
        if (await findUserByName(store.pool, o.username)) throw new Error(`a user named '${o.username}' exists already`);
        const orgId = await createOrganisation(store.pool, o.org);
        const id = await createUser(store.pool, { orgId, username: o.username, password, role: o.role as Role, governorates: govs });
        process.stdout.write(
          `created user ${o.username} (${o.role}) id ${id}; they set up their second factor (an authenticator app) at their first sign-in\n`,
        );
        if (!o.password && !process.env.SANAD_PASSWORD) process.stdout.write(`password: ${password}\n`);
      } finally {
        await store.close();
      }
    });
  withStoreOptions(user.command('token').description('create an API token for a user (printed once)'))
    .requiredOption('--username <name>', 'the user the token acts as')
    .requiredOption('--name <name>', 'what the token is for')
    .option('--days <n>', 'expiry in days', wholeNumber(1, 3650))
    .action(async (o: { username: string; name: string; days?: number; dataDir: string }) => {
      const store = await storeFromOptions(o);
      try {
        const u = await findUserByName(store.pool, o.username);
        if (!u) throw new Error(`no user named '${o.username}'`);
        // Run on the server itself, by whoever holds its data: logged as the system (no user), from the CLI.
        const system: Actor = { userId: null, orgId: u.org_id, role: 'administrator', governorates: [], deviceId: 'cli' };
        const request = { userId: u.id, name: o.name, days: o.days };
        const out = await write(store.pool, system, { route: 'user token', request }, async (ctx) => ({
          status: 201,
          body: await createApiToken(ctx, request),
        }));
        process.stdout.write(`${out.body}\n`);
      } finally {
        await store.close();
      }
    });
  withUserOption(
    withStoreOptions(
      user
        .command('reset-2fa')
        .description("reset a user's second factor (lost phone): they set up a new one at their next sign-in; ends their sessions"),
    ),
  )
    .requiredOption('--username <name>', 'whose second factor to reset')
    .action(async (o: { username: string; user: string; dataDir: string }) => {
      const store = await storeFromOptions(o);
      try {
        const actor = await actorFromOptions(store.pool, o);
        if (!commandAllows('user reset-2fa', actor.role)) throw new Error(`Your role (${actor.role}) may not reset a second factor.`);
        const u = await findUserByName(store.pool, o.username);
        if (!u || u.org_id !== actor.orgId) throw new Error(`no user named '${o.username}' in your organisation`);
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
    });
}
