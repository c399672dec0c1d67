// Sanad's own connections to its embedded server go through a Unix socket in the data directory
// (cheaper round trips than TCP on loopback); the server still listens on 127.0.0.1 for tools and a
// replica; a data directory whose socket path would pass the system's limit uses TCP.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, expect, test } from 'vitest';
import { newSecretKey } from '../../src/access/secretBox.ts';
import { openStore } from '../../src/store/open.ts';

const root = await fs.mkdtemp(path.join(os.tmpdir(), 'sanad-sock-'));
// the data directories below it must be reachable by the server's user (when the tests run as root)
await fs.chmod(root, 0o711);
afterAll(async () => fs.rm(root, { recursive: true, force: true }));
const secretKey = newSecretKey();

/** Where the pool's connection arrived: null through a Unix socket, else the server's address. */
async function arrivedAt(pool: pg.Pool): Promise<string | null> {
  return (await pool.query<{ a: string | null }>('SELECT host(inet_server_addr()) AS a')).rows[0]!.a;
}

test('the pool connects through the socket in the data directory, mode 0700; TCP on 127.0.0.1 still answers', async () => {
  const dir = path.join(root, 'short');
  const s = await openStore({ dataDir: dir, durable: false, secretKey, databaseUrl: '' });
  try {
    expect(await arrivedAt(s.pool)).toBeNull();
    expect((await fs.stat(path.join(dir, 'socket'))).mode & 0o777).toBe(0o700);
    const tcp = new URL(s.url);
    tcp.searchParams.delete('host');
    tcp.hostname = '127.0.0.1';
    const c = new pg.Client({ connectionString: tcp.toString() });
    await c.connect();
    try {
      expect((await c.query<{ a: string }>('SELECT host(inet_server_addr()) AS a')).rows[0]!.a).toBe('127.0.0.1');
    } finally {
      await c.end();
    }
  } finally {
    await s.close();
  }
});

test('a data directory too deep for a socket path uses TCP on 127.0.0.1', async () => {
  const dir = path.join(root, 'd'.repeat(Math.max(1, 110 - root.length)));
  const s = await openStore({ dataDir: dir, durable: false, secretKey, databaseUrl: '' });
  try {
    expect(await arrivedAt(s.pool)).toBe('127.0.0.1');
  } finally {
    await s.close();
  }
});
