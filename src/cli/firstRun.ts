// What `sanad serve` prints while the store has no account: how to create the first administrator.
import { AUTHENTICATOR_APPS, FIRST_ADMIN_COMMAND, PASSWORD_MAX, PASSWORD_MIN } from '../shared/firstRun.ts';

/** The steps, plain text for the person who started the server; `dataDir` is named when not the default. */
export function firstRunSteps(url: string, opts: { dataDir: string; external: boolean }): string {
  const command = `${FIRST_ADMIN_COMMAND}${opts.external || opts.dataDir === 'data' ? '' : ` --data-dir ${opts.dataDir}`}`;
  return [
    '',
    'Sanad has no users yet. Create the first administrator:',
    opts.external
      ? '  1. In another terminal, in this folder (with the same DATABASE_URL), run:'
      : '  1. In another terminal, in this folder, run (Sanad keeps running: the command uses its database):',
    '',
    `       ${command}`,
    '',
    `     Put your username and organisation in place of the examples. The password: at least ${PASSWORD_MIN}`,
    `     and at most ${PASSWORD_MAX} characters; without --password (or SANAD_PASSWORD in the environment) a random`,
    '     one is printed once.',
    `  2. Open ${url} and sign in.`,
    '  3. The first sign-in sets up the second factor: scan the QR code with an authenticator app',
    `     (any TOTP app: ${AUTHENTICATOR_APPS.join(', ')}) and keep the 10 recovery codes.`,
    '',
  ].join('\n');
}
