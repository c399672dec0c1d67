// The printable sheet of a cycle's cards, written to a stream in constant memory: the one code path
// of POST /api/v1/aid/cycles/:id/cards/sheet (the web app) and `sanad cards print` (operators).
// Each entitled household in the actor's scope with a valid card gets its newest valid card,
// ordered by serial (the order they were issued in: by distribution point). The rows come from a
// held cursor (PostgreSQL keeps them, not this process), FETCHed 500 at a time; each card's token is
// signed again (Ed25519 is deterministic: the same token as at issue) and drawn as a QR code.
// Printing shows heads' names: every batch is logged as a read (entity cycle_cards, the ids of the
// households whose cards were written) before it is written out.
import type { Writable } from 'node:stream';
import type { Actor } from '../../access/actor.ts';
import type { SecretKey } from '../../access/secretBox.ts';
import { signCard } from '../../aid/card.ts';
import { cardHtml, pageBreak, type SheetCard, type SheetHeader, type SheetLang, sheetEnd, sheetStart } from '../../aid/cardSheet.ts';
import { cardNumber } from '../../aid/cardNumber.ts';
import type pg from 'pg';
import { StoreError } from '../../errors.ts';
import { needKey } from '../access/secondFactor.ts';
import { appendChange } from '../changeLog.ts';
import { scopeSql } from '../registry/scope.ts';
import { openSigningKeys } from './cards.ts';
import { cardCycle } from './cycleCards.ts';

export type SheetOptions = {
  lang: SheetLang;
  /** skip this many cards (the web app prints a large cycle a part at a time) */
  offset?: number;
  /** at most this many cards; all when absent */
  limit?: number;
  /** the number of cards, before the first is written */
  onStart?: (cards: number) => void;
  onProgress?: (written: number, cards: number) => void;
};

const BATCH = 500;

/** $1 cycle, $2 organisation, $3 governorates, $4 offset, $5 limit (NULL: all). */
const SHEET_ROWS = (scope: string) => `
SELECT c.serial, c.household_id, c.key_id,
  (SELECT CASE WHEN p.org_id = $2 AND p.governorate = ANY($3::text[]) THEN p.full_name END
     FROM household_member hm JOIN person p ON p.id = hm.person_id
    WHERE hm.household_id = c.household_id AND hm.relationship = 'head' AND hm.valid_to IS NULL) AS head_name,
  (SELECT count(*)::int FROM household_member hm
    WHERE hm.household_id = c.household_id AND hm.valid_from <= current_date AND (hm.valid_to IS NULL OR hm.valid_to > current_date)) AS size
FROM (
  SELECT DISTINCT ON (c.household_id) c.serial, c.household_id, c.key_id
  FROM household_card c
  JOIN card_key k ON k.id = c.key_id AND k.retired_at IS NULL AND k.private_key IS NOT NULL
  JOIN household h ON h.id = c.household_id AND ${scope}
  WHERE c.org_id = $2 AND NOT EXISTS (SELECT 1 FROM card_revocation r WHERE r.serial = c.serial)
    AND c.household_id IN (SELECT e.household_id FROM entitlement e WHERE e.cycle_id = $1)
  ORDER BY c.household_id, c.serial DESC
) c
ORDER BY c.serial OFFSET $4 LIMIT $5`;

type Row = { serial: string; household_id: string; key_id: string; head_name: string | null; size: number };

/** Writes `s`, waiting while the reader is behind; fails when the reader has gone. */
function put(out: Writable, s: string): Promise<void> | undefined {
  if (out.destroyed) throw new Error('the output was closed');
  if (out.write(s)) return undefined;
  return new Promise<void>((resolve, reject) => {
    const done = () => {
      out.off('drain', done);
      out.off('close', done);
      if (out.destroyed) reject(new Error('the output was closed'));
      else resolve();
    };
    out.on('drain', done);
    out.on('close', done);
  });
}

export async function writeCycleCardSheet(
  pool: pg.Pool,
  actor: Actor,
  secretKey: SecretKey | undefined,
  cycleId: string,
  out: Writable,
  opts: SheetOptions,
): Promise<{ cards: number; seconds: number }> {
  const t0 = Date.now();
  const sk = needKey(secretKey);
  const { cycle, programme } = await cardCycle(pool, actor, cycleId);
  const header: SheetHeader = { programme, cycleNumber: cycle.number, cards: 0 };
  const scope = scopeSql('h', actor, 2);
  const client = await pool.connect();
  try {
    // A held cursor: its rows are kept by PostgreSQL once the transaction commits, and each FETCH
    // below is a statement of its own (the read log of each batch commits with it).
    await client.query('BEGIN');
    await client.query(`DECLARE sheet SCROLL CURSOR WITH HOLD FOR ${SHEET_ROWS(scope.sql)}`, [
      cycle.id,
      ...scope.params,
      opts.offset ?? 0,
      opts.limit ?? null,
    ]);
    await client.query('COMMIT');
    const keys = await openSigningKeys(client, sk, actor.orgId);
    const cards = (await client.query('MOVE FORWARD ALL IN sheet')).rowCount ?? 0;
    await client.query('MOVE ABSOLUTE 0 IN sheet');
    header.cards = cards;
    opts.onStart?.(cards);
    await put(out, sheetStart(header, opts.lang));
    let written = 0;
    // the next batch is fetched (and its read logged) while this one is drawn: one connection, in order
    const fetchBatch = async () => {
      const rows = (await client.query<Row>(`FETCH ${BATCH} FROM sheet`)).rows;
      if (rows.length > 0)
        await appendChange(client, actor, {
          entity: 'cycle_cards',
          entityId: cycle.id,
          action: 'read',
          after: { ids: rows.map((r) => r.household_id) },
        });
      return rows;
    };
    let next = fetchBatch();
    for (;;) {
      const rows = await next;
      if (rows.length === 0) break;
      next = fetchBatch();
      next.catch(() => undefined); // awaited in the next turn; a failure while drawing must not go unhandled
      for (const r of rows) {
        const card = sheetCard(r, keys);
        await put(out, pageBreak(written) + cardHtml(card, header, opts.lang));
        written++;
      }
      opts.onProgress?.(written, cards);
    }
    await put(out, sheetEnd(written));
    return { cards: written, seconds: (Date.now() - t0) / 1000 };
  } finally {
    await client.query('ROLLBACK; CLOSE ALL').catch(() => undefined);
    client.release();
  }
}

function sheetCard(r: Row, keys: Awaited<ReturnType<typeof openSigningKeys>>): SheetCard {
  const serial = Number(r.serial);
  const key = keys.get(r.key_id);
  if (!key) throw new StoreError('card_key_retired', 'A card signing key was retired while the sheet was written: print it again.');
  return {
    serial,
    number: cardNumber(serial),
    token: signCard({ householdId: r.household_id, serial, keyId: r.key_id }, key),
    headName: r.head_name,
    size: r.size,
  };
}
