// Time-ordered ids (UUID version 7, RFC 9562) for rows made in bulk: 48 bits of Unix time in
// milliseconds, then 74 random bits (docs/decisions/0029-time-ordered-ids.md). New ids sort after
// older ones, so inserts land at the right edge of every btree keyed by them (person, household,
// household_member and the indexes that lead with such an id) instead of on random pages of
// indexes much larger than shared buffers. What the id reveals is roughly when the row was made,
// which created_at stores anyway; the random part stays unguessable. The same shape as the
// database's uuid_v7() (migrations/0051_time_ordered_ids.sql).
import { randomBytes } from 'node:crypto';

let lastMs = 0;

/** The variant nibble (binary 10xx) for a random hex digit's low two bits, by its character code. */
const VARIANT: string[] = [];
for (const c of '0123456789abcdef') VARIANT[c.charCodeAt(0)] = '89ab'[Number.parseInt(c, 16) & 3]!;

/**
 * `n` new ids in ascending order. One batch shares a millisecond, later than every earlier
 * batch's of this process (should the clock step back, the last one plus one), and is sorted on
 * its random part: 74 random bits an id (12 after the version, 62 after the variant).
 */
export function timeOrderedIds(n: number): string[] {
  if (n === 0) return [];
  const ms = Math.max(Date.now(), lastMs + 1);
  lastMs = ms;
  const t = ms.toString(16).padStart(12, '0');
  const prefix = `${t.slice(0, 8)}-${t.slice(8, 12)}-7`;
  const hex = randomBytes(10 * n).toString('hex'); // 20 hex digits an id, of which 74 bits are used
  const ids = new Array<string>(n);
  for (let i = 0, o = 0; i < n; i++, o += 20) {
    ids[i] = `${prefix}${hex.slice(o + 1, o + 4)}-${VARIANT[hex.charCodeAt(o + 4)]}${hex.slice(o + 5, o + 8)}-${hex.slice(o + 8, o + 20)}`;
  }
  return ids.sort();
}
