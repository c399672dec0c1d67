// The server's secret key (seals TOTP secrets): SANAD_SECRET_KEY (32 bytes, base64), else the file
// DATA/secret.key, created on first use with mode 600. It is kept out of the database on purpose:
// a database dump or backup alone does not reveal the second factors. Servers sharing one external
// database must share the key (set SANAD_SECRET_KEY on each).
import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { SECRET_KEY_BYTES, secretKeyOf, type SecretKey } from '../access/secretBox.ts';
import { StoreError } from '../errors.ts';

function decode(text: string, where: string): SecretKey {
  const raw = Buffer.from(text.trim(), 'base64');
  if (raw.length !== SECRET_KEY_BYTES)
    throw new StoreError(
      'secret_key_invalid',
      `${where} must hold ${SECRET_KEY_BYTES} random bytes in base64 (e.g. the output of: openssl rand -base64 32).`,
    );
  return secretKeyOf(raw);
}

export function loadSecretKey(opts: { dataDir?: string | undefined; env?: NodeJS.ProcessEnv } = {}): SecretKey {
  const env = opts.env ?? process.env;
  if (env.SANAD_SECRET_KEY) return decode(env.SANAD_SECRET_KEY, 'SANAD_SECRET_KEY');
  const dir = path.resolve(opts.dataDir ?? 'data');
  const file = path.join(dir, 'secret.key');
  try {
    return decode(fs.readFileSync(file, 'utf8'), file);
  } catch (e) {
    if ((e as { code?: string }).code !== 'ENOENT') throw e;
  }
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  try {
    fs.writeFileSync(file, `${randomBytes(SECRET_KEY_BYTES).toString('base64')}\n`, { flag: 'wx', mode: 0o600 });
  } catch (e) {
    if ((e as { code?: string }).code !== 'EEXIST') throw e; // another process made it first: read theirs
  }
  return decode(fs.readFileSync(file, 'utf8'), file);
}
