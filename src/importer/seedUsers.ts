// `sanad seed` on a fresh start: beside the demo administrator, one account for each reconstruction
// role (#16), so that a newcomer can walk the chain engineer -> claims officer -> committee ->
// vendor. Same convention as the administrator: the password given with --password, else the
// random one printed once; it is their own (not temporary). Created through the ordinary account
// operation (addUser.ts, logged without the password), in parallel since hashing is slow on purpose.
import type pg from 'pg';
import type { Actor } from '../access/actor.ts';
import type { Role } from '../shared/roles.ts';
import { addUser } from '../store/access/addUser.ts';
import { write } from '../store/write.ts';

/** Gaza Strip governorates: where the seeded vendor sells. */
const GAZA_STRIP = ['PS0255', 'PS0260', 'PS0265', 'PS0270', 'PS0275'];

export const DEMO_USERS = [
  { username: 'demo-engineer', role: 'engineer' },
  { username: 'demo-claims-officer', role: 'claims_officer' },
  { username: 'demo-committee', role: 'reconstruction_committee' },
  { username: 'demo-vendor', role: 'vendor' },
] as const satisfies readonly { username: string; role: Role }[];

export type DemoRole = (typeof DEMO_USERS)[number]['role'];
/** The acting identities of the seeded reconstruction accounts, by role (and the administrator). */
export type DemoActors = Record<DemoRole | 'administrator', Actor>;

export async function seedUsers(pool: pg.Pool, admin: Actor, password: string): Promise<DemoActors> {
  const made = await Promise.all(
    DEMO_USERS.map(async (d) => {
      const governorates = d.role === 'vendor' ? GAZA_STRIP : admin.governorates;
      const u = await write(pool, admin, { route: 'sanad seed' }, async (ctx) => ({
        status: 201,
        body: await addUser(ctx, { username: d.username, kind: 'person', password, role: d.role, governorates }, { temporary: false }),
      }));
      const actor: Actor = { userId: u.body.id, orgId: admin.orgId, role: d.role, governorates, deviceId: 'cli' };
      return [d.role, actor] as const;
    }),
  );
  return { administrator: admin, ...Object.fromEntries(made) } as DemoActors;
}
