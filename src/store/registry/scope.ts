// The access scope of a query: the actor's organisation and governorates. Records outside it
// do not exist for the actor (the API answers 404, never 403, so their existence is not revealed).
import type { Actor } from '../../access/actor.ts';

/** SQL condition on a table alias with org_id and governorate columns; parameters start at `from`. */
export function scopeSql(alias: string, actor: Actor, from: number): { sql: string; params: unknown[] } {
  return {
    sql: `${alias}.org_id = $${from} AND ${alias}.governorate = ANY($${from + 1}::text[])`,
    params: [actor.orgId, actor.governorates],
  };
}
