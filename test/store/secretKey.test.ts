// The server's secret key: SANAD_SECRET_KEY, else DATA/secret.key created once with mode 600 and
// read back by later starts; a malformed key is refused with a message that does not quote it.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { afterAll, expect, test } from 'vitest';
import { loadSecretKey } from '../../src/store/secretKey.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sanad-key-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

test('created once in the data directory, private, and the same on the next start', () => {
  const data = path.join(dir, 'data');
  const a = loadSecretKey({ dataDir: data, env: {} });
  const file = path.join(data, 'secret.key');
  expect(fs.statSync(file).mode & 0o777).toBe(0o600);
  expect(Buffer.from(fs.readFileSync(file, 'utf8').trim(), 'base64').equals(a.key)).toBe(true);
  const b = loadSecretKey({ dataDir: data, env: {} });
  expect(b.key.equals(a.key)).toBe(true);
});

test('SANAD_SECRET_KEY wins over the file', () => {
  const raw = randomBytes(32);
  const k = loadSecretKey({ dataDir: path.join(dir, 'data'), env: { SANAD_SECRET_KEY: raw.toString('base64') } });
  expect(k.key.equals(raw)).toBe(true);
});

test('a key of the wrong length is refused without quoting it', () => {
  const bad = randomBytes(20).toString('base64');
  expect(() => loadSecretKey({ env: { SANAD_SECRET_KEY: bad } })).toThrow(/SANAD_SECRET_KEY must hold 32 random bytes/);
  try {
    loadSecretKey({ env: { SANAD_SECRET_KEY: bad } });
  } catch (e) {
    expect((e as Error).message).not.toContain(bad);
  }
  const d = path.join(dir, 'short');
  fs.mkdirSync(d);
  fs.writeFileSync(path.join(d, 'secret.key'), 'c2hvcnQ=\n');
  expect(() => loadSecretKey({ dataDir: d, env: {} })).toThrow(/secret\.key must hold 32 random bytes/);
});
