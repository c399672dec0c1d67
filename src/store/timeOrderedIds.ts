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
  const bucket = new Uint16Array(n); // the first 3 random digits (12 bits)
  const rest = new Uint32Array(n); // the next 6 (the variant's first): 24 bits
  for (let i = 0, o = 0; i < n; i++, o += 20) {
    const variant = VARIANT[hex.charCodeAt(o + 4)]!;
    const head = hex.slice(o + 1, o + 4);
    ids[i] = `${prefix}${head}-${variant}${hex.slice(o + 5, o + 8)}-${hex.slice(o + 8, o + 20)}`;
    bucket[i] = Number.parseInt(head, 16);
    rest[i] = Number.parseInt(variant + hex.slice(o + 5, o + 10), 16);
  }
  return sortedByDigits(ids, bucket, rest);
}

/**
 * The ids in string order without comparing strings (the ids share their prefix, so their first
 * random digits order them): a counting sort on the first 3, then each bucket (2-3 ids in a batch
 * of 10,000) in order of the next 6; sorted as strings instead if two ids share those 36 bits
 * (about once in 1,400 batches of 10,000).
 */
function sortedByDigits(ids: string[], bucket: Uint16Array, rest: Uint32Array): string[] {
  const n = ids.length;
  const start = new Uint32Array(4097);
  for (let i = 0; i < n; i++) start[bucket[i]! + 1]!++;
  for (let b = 0; b < 4096; b++) start[b + 1]! += start[b]!;
  const at = start.slice(0, 4096);
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[at[bucket[i]!]!++] = i;
  for (let b = 0; b < 4096; b++) {
    // insertion sort of the bucket by the next digits
    for (let i = start[b]! + 1; i < start[b + 1]!; i++) {
      const x = order[i]!;
      let j = i - 1;
      while (j >= start[b]! && rest[order[j]!]! > rest[x]!) {
        order[j + 1] = order[j]!;
        j--;
      }
      if (j >= start[b]! && rest[order[j]!] === rest[x]) return ids.sort();
      order[j + 1] = x;
    }
  }
  const out = new Array<string>(n);
  for (let i = 0; i < n; i++) out[i] = ids[order[i]!]!;
  return out;
}
