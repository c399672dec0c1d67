import { z } from 'zod';
import { getPerson } from '../../../store/registry/findPerson.ts';
import { defineRoute } from '../../route.ts';
import { PersonId } from './schema.ts';

const Entry = z.object({
  seq: z.number(),
  at: z.string(),
  actorId: z.string().nullable(),
  orgId: z.string().nullable(),
  deviceId: z.string().nullable(),
  action: z.string(),
  before: z.unknown(),
  after: z.unknown(),
});

export default defineRoute({
  method: 'GET',
  url: '/api/v1/persons/:id/history',
  summary: "A person's history: who changed what, when (and who read the full record)",
  tags: ['persons'],
  params: PersonId,
  response: z.object({ items: z.array(Entry) }),
  handler: async ({ params, actor, store }) => {
    const p = await getPerson(store.pool, actor, params.id);
    const r = await store.pool.query<{
      seq: number;
      at: Date;
      actor_id: string | null;
      org_id: string | null;
      device_id: string | null;
      action: string;
      before: unknown;
      after: unknown;
    }>(
      `SELECT seq, at, actor_id, org_id, device_id, action, before, after FROM change_log
        WHERE entity_id = $1 AND entity IN ('person', 'person_status') ORDER BY seq LIMIT 1000`,
      [p.id],
    );
    return {
      items: r.rows.map((e) => ({
        seq: e.seq,
        at: e.at.toISOString(),
        actorId: e.actor_id,
        orgId: e.org_id,
        deviceId: e.device_id,
        action: e.action,
        before: e.before,
        after: e.after,
      })),
    };
  },
});
