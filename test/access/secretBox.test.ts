// Sealed secrets: open only with the same key and the same owner; any changed byte is refused.
import fc from 'fast-check';
import { expect, test } from 'vitest';
import { newSecretKey, seal, secretKeyOf, unseal } from '../../src/access/secretBox.ts';

test('a box opens with its key and owner, and with nothing else', () => {
  const k = newSecretKey();
  const other = newSecretKey();
  fc.assert(
    fc.property(fc.uint8Array({ minLength: 1, maxLength: 64 }), fc.uuid(), fc.uuid(), fc.nat(), (plain, owner, stranger, at) => {
      fc.pre(owner !== stranger);
      const box = seal(k, plain, owner);
      expect([...unseal(k, box, owner)]).toEqual([...plain]);
      expect(box.includes(Buffer.from(plain)) && plain.length > 8).toBe(false);
      expect(() => unseal(other, box, owner)).toThrow();
      expect(() => unseal(k, box, stranger)).toThrow();
      const tampered = Buffer.from(box);
      tampered[at % tampered.length]! ^= 1;
      expect(() => unseal(k, tampered, owner)).toThrow();
    }),
    { numRuns: 50 },
  );
});

test('the same secret sealed twice gives two different boxes (random iv)', () => {
  const k = newSecretKey();
  const s = Buffer.alloc(20, 7);
  expect(seal(k, s, 'u').equals(seal(k, s, 'u'))).toBe(false);
});

test('keys are 32 bytes; the key id tells keys apart and does not reveal the key', () => {
  expect(() => secretKeyOf(Buffer.alloc(16))).toThrow();
  const raw = Buffer.alloc(32, 1);
  const a = secretKeyOf(raw);
  expect(a.id).toHaveLength(8);
  expect(secretKeyOf(Buffer.from(raw)).id.equals(a.id)).toBe(true);
  expect(newSecretKey().id.equals(a.id)).toBe(false);
  expect(raw.includes(a.id)).toBe(false);
});
