import type { Actor } from '../../../access/actor.ts';
import type { Store } from '../../../store/open.ts';
import { readHousehold } from '../../../store/registry/households/readHousehold.ts';
import type { WriteOutcome } from '../../../store/write.ts';

/** A household write answers with the household as of the change's date, read after the write (a replay reads it again). */
export async function householdAnswer(store: Store, actor: Actor, w: WriteOutcome<{ id: string }>, on: string) {
  return { ...w, body: await readHousehold(store.pool, actor, w.body.id, on) };
}
