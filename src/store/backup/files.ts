// Files of a backup: copied as streams (constant memory, whatever their size) with their SHA-256
// computed on the way, and the manifest that lists every one of them.
import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { z } from 'zod';
import { StoreError } from '../../errors.ts';

/** The manifest's file name inside a physical backup directory. */
export const MANIFEST = 'sanad-backup.json';

const FileEntry = z.object({ path: z.string().min(1), size: z.number().int().nonnegative(), sha256: z.string().regex(/^[0-9a-f]{64}$/) });
export type FileEntry = z.infer<typeof FileEntry>;

export const ChangeLogHead = z.object({ seq: z.number().int().nonnegative(), hash: z.string() });

export const PhysicalManifest = z.object({
  format: z.literal('sanad-physical-backup'),
  version: z.literal(1),
  /** When the copy ended (pg_backup_stop): a restore cannot stop at an earlier time. */
  finishedAt: z.string(),
  startedAt: z.string(),
  postgresVersion: z.number().int(),
  systemIdentifier: z.string(),
  startLsn: z.string(),
  stopLsn: z.string(),
  /** The change log's head read just before the copy ended (the restored store has it, or a later one). */
  changeLog: ChangeLogHead.nullable(),
  /** Always false: the server's secret key (DATA/secret.key, SANAD_SECRET_KEY) is backed up apart. */
  secretKeyIncluded: z.literal(false),
  dirs: z.array(z.string()),
  files: z.array(FileEntry),
});
export type PhysicalManifest = z.infer<typeof PhysicalManifest>;

/** A stream step that hashes and counts what passes through it. */
export function hashing(onBytes?: (n: number) => void): Transform & { digest: () => string; size: () => number } {
  const h = createHash('sha256');
  let size = 0;
  const t = new Transform({
    transform(chunk: Buffer, _enc, done) {
      h.update(chunk);
      size += chunk.length;
      onBytes?.(chunk.length);
      done(null, chunk);
    },
  });
  return Object.assign(t, { digest: () => h.digest('hex'), size: () => size });
}

/** Copies one file (streamed, fsynced) and returns its size and SHA-256; undefined when it vanished meanwhile. */
export async function copyHashed(
  from: string,
  to: string,
  onBytes?: (n: number) => void,
): Promise<{ size: number; sha256: string } | undefined> {
  const h = hashing(onBytes);
  try {
    await pipeline(createReadStream(from), h, createWriteStream(to, { mode: 0o600 }));
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT' && !(await exists(from))) {
      await fs.rm(to, { force: true });
      return undefined; // a relation dropped during the backup: the WAL replay knows
    }
    throw e;
  }
  await syncFile(to);
  return { size: h.size(), sha256: h.digest() };
}

export async function syncFile(p: string): Promise<void> {
  const fh = await fs.open(p, 'r');
  try {
    await fh.sync();
  } finally {
    await fh.close();
  }
}

/** Writes a small file (label, manifest) and returns its entry. */
export async function writeSmall(root: string, rel: string, content: string | Buffer): Promise<FileEntry> {
  const buf = Buffer.isBuffer(content) ? content : Buffer.from(content, 'utf8');
  await fs.writeFile(path.join(root, rel), buf, { mode: 0o600 });
  await syncFile(path.join(root, rel));
  return { path: rel, size: buf.length, sha256: createHash('sha256').update(buf).digest('hex') };
}

export async function exists(p: string): Promise<boolean> {
  return fs.access(p).then(
    () => true,
    () => false,
  );
}

/** A target directory that does not exist or is empty; anything else is refused. */
export async function emptyTarget(dir: string, what: string): Promise<void> {
  const entries = await fs.readdir(dir).catch((e: NodeJS.ErrnoException) => {
    if (e.code === 'ENOENT') return [];
    throw e;
  });
  if (entries.length > 0)
    throw new StoreError('target_not_empty', `${what} ${dir} is not empty: choose a new or an empty directory (nothing was written).`);
  await fs.mkdir(dir, { recursive: true, mode: 0o700 });
}

export function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(bytes < 10 * 1024 * 1024 ? 1 : 0)} MB`;
}
