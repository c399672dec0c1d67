// The organisation's household cards in the actor's scope, newest first, a page at a time: valid or
// revoked, of one household, or of the households in one cycle. No personal data (the household's id
// only: its page says who it is, to those who may read it).
import type pg from 'pg';
import type { Actor } from '../../access/actor.ts';
import { cardNumber } from '../../aid/cardNumber.ts';
import { scopeSql } from '../registry/scope.ts';

export type CardFilter = { status?: 'valid' | 'revoked'; householdId?: string; cycleId?: string; before?: number; limit: number };
export type CardListItem = {
  serial: number;
  number: string;
  householdId: string;
  issuedAt: string;
  revokedAt: string | null;
  revokedReason: string | null;
};
type Row = { serial: string; household_id: string; issued_at: Date; revoked_at: Date | null; reason: string | null };

export async function listCards(db: pg.Pool, actor: Actor, f: CardFilter): Promise<{ items: CardListItem[]; next: number | null }> {
  const scope = scopeSql('h', actor, 1);
  const params: unknown[] = [...scope.params];
  const where = ['c.org_id = $1', scope.sql];
  const add = (sql: (n: number) => string, v: unknown) => {
    params.push(v);
    where.push(sql(params.length));
  };
  if (f.status === 'valid') where.push('r.serial IS NULL');
  if (f.status === 'revoked') where.push('r.serial IS NOT NULL');
  if (f.householdId) add((n) => `c.household_id = $${n}`, f.householdId);
  if (f.cycleId)
    add((n) => `EXISTS (SELECT 1 FROM cycle_household ch WHERE ch.cycle_id = $${n} AND ch.household_id = c.household_id)`, f.cycleId);
  if (f.before !== undefined) add((n) => `c.serial < $${n}`, f.before);
  params.push(f.limit + 1);
  const r = await db.query<Row>(
    `SELECT c.serial, c.household_id, c.issued_at, r.revoked_at, r.reason
       FROM household_card c JOIN household h ON h.id = c.household_id LEFT JOIN card_revocation r ON r.serial = c.serial
      WHERE ${where.join(' AND ')} ORDER BY c.serial DESC LIMIT $${params.length}`,
    params,
  );
  const rows = r.rows.slice(0, f.limit);
  return {
    items: rows.map((c) => ({
      serial: Number(c.serial),
      number: cardNumber(Number(c.serial)),
      householdId: c.household_id,
      issuedAt: c.issued_at.toISOString(),
      revokedAt: c.revoked_at?.toISOString() ?? null,
      revokedReason: c.reason,
    })),
    next: r.rows.length > f.limit ? Number(rows[rows.length - 1]!.serial) : null,
  };
}
