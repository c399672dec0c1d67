import { getPerson } from '../../../store/registry/findPerson.ts';
import { appendLog } from '../../../store/write.ts';
import { defineRoute } from '../../route.ts';
import { PersonId, PersonView } from './schema.ts';
import { personView } from './view.ts';

export default defineRoute({
  method: 'GET',
  url: '/api/v1/persons/:id',
  summary: "A person's full record (the read is logged)",
  tags: ['persons'],
  params: PersonId,
  response: PersonView,
  handler: async ({ params, actor, store }) => {
    const p = await getPerson(store.pool, actor, params.id);
    await appendLog(store.pool, actor, { entity: 'person', entityId: p.id, action: 'read' });
    const m = await store.pool.query<{ household_id: string; relationship: string; valid_from: string }>(
      'SELECT household_id, relationship, valid_from FROM household_member WHERE person_id = $1 AND valid_to IS NULL',
      [p.id],
    );
    const h = m.rows[0];
    return { ...personView(p), household: h ? { id: h.household_id, relationship: h.relationship, since: h.valid_from } : null };
  },
});
