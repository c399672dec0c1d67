import type { Actor } from '../../../access/actor.ts';
import { errors } from '../../../errors.ts';
import { isGovernorate } from '../../../places/governorates.ts';
import { getPerson } from '../../../store/registry/findPerson.ts';
import type pg from 'pg';

export const today = () => new Date().toISOString().slice(0, 10);

export function checkDay(d: string | undefined, field = 'date'): string {
  const day = d ?? today();
  const t = Date.parse(`${day}T00:00:00Z`);
  if (Number.isNaN(t) || new Date(t).toISOString().slice(0, 10) !== day)
    throw errors.validation([{ field, reason: 'is not a calendar date' }]);
  if (day > today()) throw errors.validation([{ field, reason: 'is in the future' }]);
  return day;
}

export function checkGovernorate(_actor: Actor, code: string | undefined, field = 'governorate'): void {
  if (code === undefined) return;
  if (!isGovernorate(code)) throw errors.validation([{ field, reason: 'must be the P-code of one of the 16 governorates' }]);
}

/** Every person must exist in the actor's scope (otherwise 404, as if absent). */
export async function checkPersons(client: pg.PoolClient, actor: Actor, ids: string[]): Promise<void> {
  for (const id of ids) await getPerson(client, actor, id, { forUpdate: true });
}
