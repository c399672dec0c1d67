// The identity check at the distribution point, on the web app's own code run in Node: the head's
// name and size come from the server's check when it answered, else from the list on the device;
// the list keeps them only for its own households, and loses them when the cycle closes, when it
// is older than IDENTITY_MAX_AGE_DAYS, or at sign-out (withoutIdentities); a list kept from before
// names existed has none. Card number groups and the separator for bidirectional text.
import { describe, expect, test } from 'vitest';
import {
  IDENTITY_MAX_AGE_DAYS,
  identityOf,
  type Manifest,
  type Prepared,
  serverIdentity,
  withoutIdentities,
  withoutStaleIdentities,
} from '../../web/src/distribution/model.ts';
import { cardNumberGroups } from '../../web/src/i18n/cardGroups.ts';
import { localDigits } from '../../web/src/i18n/format.ts';

const HH = '6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b';
const OTHER = '0a1b2c3d-4e5f-4a6b-8c7d-8e9f0a1b2c3d';
const manifest = (status = 'generated'): Manifest => ({
  cycle: { id: 'c', number: 1, programmeId: 'p', cutoffDate: '2026-12-01', status },
  point: { id: 'pt', name: 'Point' },
  generatedAt: '2026-12-06T08:00:00.000Z',
  keys: [],
  revokedSerials: [],
  cards: [],
  items: [],
  entitlements: [{ id: 'e1', householdId: HH, itemId: 'i', quantity: 1, redeemed: false }],
  households: [{ householdId: HH, headName: 'سامر خليل الحداد', size: 5 }],
});
const prepared = (downloadedAt: string, m = manifest()): Prepared => ({
  key: 'c:pt',
  orgId: 'o',
  programmeName: 'P',
  downloadedAt,
  manifest: m,
});
const now = new Date('2026-12-06T12:00:00.000Z');
const hoursAgo = (h: number) => new Date(now.getTime() - h * 3_600_000).toISOString();

describe('whose card it is', () => {
  test('from the list on the device: its own households only', () => {
    expect(identityOf(manifest(), HH)).toEqual({ headName: 'سامر خليل الحداد', size: 5, source: 'device' });
    expect(identityOf(manifest(), OTHER)).toBeUndefined();
    const { households: _none, ...old } = manifest(); // a list kept from before names existed
    expect(identityOf(old, HH)).toBeUndefined();
  });

  test("from the server's check when it gave one", () => {
    const base = { valid: true, entitlements: [] };
    expect(serverIdentity({ ...base, identity: { householdId: HH, headName: null, size: 3 } })).toEqual({
      headName: null,
      size: 3,
      source: 'server',
    });
    expect(serverIdentity(base)).toBeUndefined();
  });
});

describe('how long the names stay on the device', () => {
  test(`kept for ${IDENTITY_MAX_AGE_DAYS} days after the last download, then removed (the same object while kept)`, () => {
    const fresh = prepared(hoursAgo(IDENTITY_MAX_AGE_DAYS * 24 - 1));
    expect(withoutStaleIdentities(fresh, now)).toBe(fresh);
    const old = withoutStaleIdentities(prepared(hoursAgo(IDENTITY_MAX_AGE_DAYS * 24 + 1)), now);
    expect(old.manifest.households).toBeUndefined();
    expect(old.identitiesCleared).toBe(true);
    expect(JSON.stringify(old)).not.toContain('سامر');
    // the rest of the list still serves cards
    expect(old.manifest.entitlements).toEqual(manifest().entitlements);
  });

  test('removed as soon as the cycle is closed', () => {
    const closed = withoutStaleIdentities(prepared(hoursAgo(1), manifest('closed')), now);
    expect(closed.manifest.households).toBeUndefined();
  });

  test('removed at sign-out, whatever their age; nothing to remove leaves the list as it is', () => {
    const gone = withoutIdentities(prepared(hoursAgo(1)));
    expect(JSON.stringify(gone)).not.toContain('سامر');
    expect(withoutIdentities(gone)).toBe(gone);
  });
});

describe('bidirectional text', () => {
  test('card number groups keep their order and take the reader digits', () => {
    expect(cardNumberGroups('0001 0008', (s) => localDigits(s, 'arab'))).toEqual(['٠٠٠١', '٠٠٠٨']);
    expect(cardNumberGroups('1234 5678 9', (s) => s)).toEqual(['1234', '5678', '9']);
  });
});
