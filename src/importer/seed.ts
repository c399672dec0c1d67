// `sanad seed`: synthetic data for a newcomer to try Sanad. Never real people: every name, ID and
// phone comes from src/synthetic. Creates "Demo organisation" and an administrator when missing,
// then loads the households through the ordinary households import (so seeding the same households
// again changes nothing) and adds their displacement histories, then a little casework (seedCasework.ts),
// buildings and damage (seedReconstruction.ts) and, on a fresh start, the reconstruction accounts
// (seedUsers.ts) and the claims, cases, plan, sale and projects they make (seedClaims.ts).
import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type pg from 'pg';
import type { Actor } from '../access/actor.ts';
import { hashPassword } from '../access/secrets.ts';
import { governorateCodes } from '../places/governorates.ts';
import { commandAllows } from '../access/matrix.ts';
import { actorOf, findUserByName } from '../store/access/findUser.ts';
import { appendLog } from '../store/write.ts';
import { importFile, type ImportSummary } from './run.ts';
import { type CaseworkSummary, seedCasework } from './seedCasework.ts';
import { writeSyntheticCsv } from './syntheticCsv.ts';
import { type ReconstructionSeed, seedReconstruction } from './seedReconstruction.ts';
import { type ClaimsSeed, seedClaims } from './seedClaims.ts';
import { DEMO_USERS, seedUsers } from './seedUsers.ts';

export const DEMO_ORG = 'Demo organisation';
export const DEMO_ADMIN = 'demo-admin';

export type SeedOptions = {
  households: number;
  seed?: number;
  /** Act as this existing user instead of the demo administrator. */
  username?: string | undefined;
  /** Password of the demo administrator when it is created (default: a random one, returned). */
  password?: string | undefined;
  onProgress?: ImportOptionsProgress;
  /**
   * Life events, cases, referrals and tickets on the seeded people (seedCasework.ts). By default only
   * on a fresh start (when seed creates the demo administrator): a store in use, or a test's seeded
   * households, get them when asked for.
   */
  casework?: boolean | undefined;
};
type ImportOptionsProgress = ((p: { bytesRead: number; totalBytes: number; rows: number }) => void) | undefined;

export type SeedSummary = {
  orgCreated: boolean;
  admin: { username: string; created: boolean; password?: string };
  import: ImportSummary;
  displacements: number;
  /** Life events, cases, referrals and tickets on the seeded people; null when not asked for or seeded before. */
  casework: CaseworkSummary | null;
  reconstruction: ReconstructionSeed;
  /** The reconstruction accounts created (fresh start only), with the administrator's password. */
  users: readonly { username: string; role: string }[];
  /** Claims, cases, plans, sales and projects on the seeded buildings; null when the accounts were not created. */
  claims: ClaimsSeed | null;
};

const demoUsernames = DEMO_USERS.map((u) => ({ username: u.username, role: u.role }));

const SYSTEM = (orgId: string): Actor => ({ userId: null, orgId, role: 'administrator', governorates: governorateCodes, deviceId: 'cli' });

export async function seed(pool: pg.Pool, opts: SeedOptions): Promise<SeedSummary> {
  if (!Number.isInteger(opts.households) || opts.households < 1 || opts.households > 2_000_000)
    throw new Error('--households must be a whole number from 1 to 2,000,000.');
  const seedValue = opts.seed ?? 1;
  let orgCreated = false;
  let admin: SeedSummary['admin'];
  let actor: Actor;
  let password: string | null = null;
  if (opts.username) {
    const u = await findUserByName(pool, opts.username);
    if (!u || u.disabled) throw new Error(`No active user named '${opts.username}'.`);
    if (!commandAllows('seed', u.role)) throw new Error(`Your role (${u.role}) may not run \`sanad seed\`.`);
    actor = actorOf(u, 'cli');
    admin = { username: u.username, created: false };
  } else {
    ({ orgCreated, admin, actor, password } = await createDemoAdmin(pool, opts.password));
  }

  // a fresh start: an account for each reconstruction role, with the administrator's password; their
  // passwords hash on other threads while the households are generated and loaded
  const users = password === null ? null : seedUsers(pool, actor, password);
  users?.catch(() => undefined); // awaited below: no unhandled rejection meanwhile
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'sanad-seed-'));
  try {
    const file = path.join(dir, `synthetic-seed${seedValue}-${opts.households}.csv`);
    const displacements: { household: string; from: string; to: string; date: string; reason: string }[] = [];
    await writeSyntheticCsv(file, {
      seed: seedValue,
      households: opts.households,
      onHousehold: (h) => {
        for (const d of h.displacements)
          displacements.push({ household: h.householdId, from: d.fromGovernorate, to: d.toGovernorate, date: d.date, reason: d.reason });
      },
    });
    const summary = await importFile(pool, actor, {
      kind: 'households',
      file,
      reportPath: path.join(dir, 'rejections.csv'),
      onProgress: opts.onProgress,
    });
    const added = await addDisplacements(pool, actor, displacements);
    const casework = (opts.casework ?? admin.created) ? await seedCasework(pool, actor) : null;
    const reconstruction = await seedReconstruction(pool, actor, opts.households, seedValue);
    // and the claims, cases, plan, sale and projects those accounts make (seedClaims.ts)
    const people = users ? await users : null;
    const claims = people ? await seedClaims(pool, people) : null;
    return {
      orgCreated,
      admin,
      import: summary,
      displacements: added,
      casework,
      reconstruction,
      users: people ? demoUsernames : [],
      claims,
    };
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}

/**
 * The demo organisation and its administrator (all governorates), only in a store without users:
 * anywhere else seed runs as an administrator named with --user. The table lock keeps a user from
 * being added between the check and the insert.
 */
async function createDemoAdmin(
  pool: pg.Pool,
  wanted: string | undefined,
): Promise<{ orgCreated: boolean; admin: SeedSummary['admin']; actor: Actor; password: string }> {
  const password = wanted ?? randomBytes(12).toString('base64url');
  const passwordHash = await hashPassword(password); // slow on purpose: before the table lock, not under it
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query('LOCK TABLE app_user IN SHARE ROW EXCLUSIVE MODE');
    if ((await client.query('SELECT 1 FROM app_user LIMIT 1')).rowCount)
      throw new Error('This store has users already: name one of them (an administrator or registration officer) with --user.');
    const org = await client.query<{ id: string }>(
      'INSERT INTO organisation (name) VALUES ($1) ON CONFLICT (name) DO NOTHING RETURNING id',
      [DEMO_ORG],
    );
    const orgCreated = org.rows[0] !== undefined;
    const orgId =
      org.rows[0]?.id ?? (await client.query<{ id: string }>('SELECT id FROM organisation WHERE name = $1', [DEMO_ORG])).rows[0]!.id;
    if (orgCreated)
      await appendLog(client, SYSTEM(orgId), {
        entity: 'organisation',
        entityId: orgId,
        action: 'create',
        after: { name: DEMO_ORG, seeded: true },
      });
    const u = await client.query<{ id: string }>(
      "INSERT INTO app_user (org_id, username, password_hash, role, governorates) VALUES ($1,$2,$3,'administrator',$4) RETURNING id",
      [orgId, DEMO_ADMIN, passwordHash, governorateCodes],
    );
    const userId = u.rows[0]!.id;
    await appendLog(client, SYSTEM(orgId), {
      entity: 'user',
      entityId: userId,
      action: 'create',
      after: { username: DEMO_ADMIN, role: 'administrator', governorates: governorateCodes, seeded: true },
    });
    await client.query('COMMIT');
    return {
      orgCreated,
      admin: { username: DEMO_ADMIN, created: true, ...(wanted ? {} : { password }) },
      actor: { userId, orgId, role: 'administrator', governorates: governorateCodes, deviceId: 'cli' },
      password,
    };
  } catch (e) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw e;
  } finally {
    client.release();
  }
}

/** Displacement histories of seeded households that have none yet, in batches, each logged (also bench:national). */
export async function addDisplacements(
  pool: pg.Pool,
  actor: Actor,
  rows: { household: string; from: string; to: string; date: string; reason: string }[],
): Promise<number> {
  let added = 0;
  for (let i = 0; i < rows.length; ) {
    // A household's moves stay in one batch (households with any move already are skipped).
    let end = Math.min(i + 20_000, rows.length);
    while (end < rows.length && rows[end]!.household === rows[end - 1]!.household) end++;
    const part = rows.slice(i, end);
    i = end;
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      const r = await client.query<{ n: number; ids: string }>(
        `WITH src AS (
           SELECT h.id AS household_id, t.f, t.t, t.d::date AS d, t.r
           FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::text[]) AS t(hh, f, t, d, r)
           JOIN household h ON h.org_id = $1 AND h.record_id = t.hh
           WHERE NOT EXISTS (SELECT 1 FROM displacement_event e WHERE e.household_id = h.id)),
         ins AS (
           INSERT INTO displacement_event (household_id, from_governorate, to_governorate, event_date, reason)
           SELECT household_id, f, t, d, r FROM src RETURNING id)
         SELECT count(*)::int AS n, coalesce(json_agg(id), '[]')::text AS ids FROM ins`,
        [
          actor.orgId,
          part.map((d) => d.household),
          part.map((d) => d.from),
          part.map((d) => d.to),
          part.map((d) => d.date),
          part.map((d) => d.reason),
        ],
      );
      const n = r.rows[0]!.n;
      if (n > 0) {
        await appendLog(client, actor, {
          entity: 'seed',
          entityId: null,
          action: 'seed_displacements',
          after: { displacements: n, displacementIds: JSON.parse(r.rows[0]!.ids) },
        });
      }
      await client.query('COMMIT');
      added += n;
    } catch (e) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw e;
    } finally {
      client.release();
    }
  }
  return added;
}
