// Signing in through the API in tests, as a person with an authenticator app would: the password,
// then a TOTP code computed from the secret shown at enrolment. A code is accepted once, so the
// authenticator remembers the last step it gave and uses a later one (waiting if it must).
import type { FastifyInstance } from 'fastify';
import { base32Decode, timeStep, totp, TOTP_PERIOD_S, TOTP_WINDOW } from '../../src/access/totp.ts';

export type Authenticator = { secret: Buffer; lastStep: number };

/**
 * Time left in the current step for the previous step's code to be used: at least this long, so
 * that it still falls within the server's window when it arrives (typed into a page under load).
 */
const PREVIOUS_STEP_MARGIN_MS = 10_000;

/**
 * A code for a step the server has not accepted yet: the previous step's (while at least
 * PREVIOUS_STEP_MARGIN_MS of the current step is left), the current one's, else the next one's,
 * all within the server's tolerance of one step either side (an authenticator whose clock is a
 * little behind or ahead). Three codes a step, so a test that signs a person in three times in
 * a row does not wait; the fourth waits for the next step.
 */
export async function nextCode(a: Authenticator): Promise<string> {
  for (;;) {
    const nowMs = Date.now();
    const now = timeStep(nowMs);
    const previousIsSafe = (now + 1) * TOTP_PERIOD_S * 1000 - nowMs >= PREVIOUS_STEP_MARGIN_MS;
    for (const step of [...(previousIsSafe ? [now - TOTP_WINDOW] : []), now, now + TOTP_WINDOW]) {
      if (step > a.lastStep) {
        a.lastStep = step;
        return totp(a.secret, step);
      }
    }
    await new Promise((r) => setTimeout(r, (now + 1) * TOTP_PERIOD_S * 1000 - Date.now() + 20));
  }
}

async function post(app: FastifyInstance, url: string, payload: Record<string, unknown>): Promise<Record<string, unknown>> {
  const r = await app.inject({ method: 'POST', url, payload });
  if (r.statusCode !== 200) throw new Error(`${url}: ${r.statusCode} ${r.body}`);
  return r.json();
}

/** First sign-in: password, enrolment with the secret shown once. Returns the session token, the authenticator and the recovery codes. */
export async function enrol(
  app: FastifyInstance,
  username: string,
  password: string,
): Promise<{ token: string; auth: Authenticator; recoveryCodes: string[] }> {
  const step = await post(app, '/api/v1/auth/login', { username, password });
  if (step.status !== 'enrolment_required') throw new Error(`expected an enrolment, got ${String(step.status)}`);
  const auth: Authenticator = { secret: base32Decode(String(step.secret)), lastStep: -1 };
  const done = await post(app, '/api/v1/auth/second-factor/enrol', { challenge: step.challenge, code: await nextCode(auth) });
  return { token: String(done.token), auth, recoveryCodes: done.recoveryCodes as string[] };
}

/** A later sign-in: password, then a code. Returns the session token. */
export async function signIn(app: FastifyInstance, username: string, password: string, auth: Authenticator): Promise<string> {
  const step = await post(app, '/api/v1/auth/login', { username, password });
  if (step.status !== 'second_factor_required') throw new Error(`expected a code step, got ${String(step.status)}`);
  const done = await post(app, '/api/v1/auth/second-factor', { challenge: step.challenge, code: await nextCode(auth) });
  return String(done.token);
}

/** A six-digit code that is not valid now (so it is surely wrong): the first one from `from` on, in steps of 7919. */
export function wrongCode(secret: Buffer, from = 123456): string {
  const s = timeStep(Date.now());
  const valid = new Set([s - 1, s, s + 1].map((x) => totp(secret, x)));
  for (let i = 0; ; i++) {
    const c = String((from + i * 7919) % 1_000_000).padStart(6, '0');
    if (!valid.has(c)) return c;
  }
}
