// The organisation named at the server's command line (`sanad user add --org`): found, or created
// and written to the change log in the same transaction, by the server's operator (no user, device 'cli').
import type pg from 'pg';
import { appendChange } from '../changeLog.ts';
import { transaction } from '../transaction.ts';

export async function ensureOrganisation(pool: pg.Pool, name: string): Promise<{ id: string; created: boolean }> {
  return transaction(pool, async (c) => {
    const made = await c.query<{ id: string }>('INSERT INTO organisation (name) VALUES ($1) ON CONFLICT (name) DO NOTHING RETURNING id', [
      name,
    ]);
    const id = made.rows[0]?.id;
    if (!id)
      return { id: (await c.query<{ id: string }>('SELECT id FROM organisation WHERE name = $1', [name])).rows[0]!.id, created: false };
    await appendChange(
      c,
      { userId: null, orgId: id, deviceId: 'cli' },
      { entity: 'organisation', entityId: id, action: 'create', after: { name } },
    );
    return { id, created: true };
  });
}
