// The entries of a ZIP file (an XLSX workbook), read from its central directory, and one entry's
// bytes as a stream, inflated with a bound on its size: a small file that inflates to gigabytes
// stops with an error naming the limit instead of exhausting memory.
import fs from 'node:fs';
import zlib from 'node:zlib';
import { ImportLimitError } from './columns.ts';

export type ZipEntry = { name: string; method: number; compressedSize: number; uncompressedSize: number; localOffset: number };

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const MAX32 = 0xffffffff;

function notZip(): ImportLimitError {
  return new ImportLimitError('it is not a readable XLSX workbook (its ZIP directory is missing or damaged).');
}

async function readAt(fd: fs.promises.FileHandle, position: number, length: number): Promise<Buffer> {
  const b = Buffer.alloc(length);
  const { bytesRead } = await fd.read(b, 0, length, position);
  return b.subarray(0, bytesRead);
}

/** Where the central directory is and how large it is (ZIP64 too). */
async function directoryOf(fd: fs.promises.FileHandle, size: number): Promise<{ offset: number; length: number }> {
  const tailLength = Math.min(size, 65_557);
  const tail = await readAt(fd, size - tailLength, tailLength);
  let at = -1;
  for (let i = tail.length - 22; i >= 0; i--) {
    if (tail.readUInt32LE(i) === EOCD) {
      at = i;
      break;
    }
  }
  if (at < 0) throw notZip();
  let length = tail.readUInt32LE(at + 12);
  let offset = tail.readUInt32LE(at + 16);
  if ((offset === MAX32 || length === MAX32) && at >= 20 && tail.readUInt32LE(at - 20) === ZIP64_LOCATOR) {
    const rec = await readAt(fd, Number(tail.readBigUInt64LE(at - 12)), 56);
    length = Number(rec.readBigUInt64LE(40));
    offset = Number(rec.readBigUInt64LE(48));
  }
  if (offset + length > size) throw notZip();
  return { offset, length };
}

/** Sizes and offset from a ZIP64 extra field, where the 32-bit fields say 0xFFFFFFFF. */
function zip64(extra: Buffer, e: ZipEntry): void {
  for (let i = 0; i + 4 <= extra.length; ) {
    const id = extra.readUInt16LE(i);
    const len = extra.readUInt16LE(i + 2);
    if (id === 0x0001) {
      let j = i + 4;
      const next = () => {
        const v = Number(extra.readBigUInt64LE(j));
        j += 8;
        return v;
      };
      if (e.uncompressedSize === MAX32) e.uncompressedSize = next();
      if (e.compressedSize === MAX32) e.compressedSize = next();
      if (e.localOffset === MAX32) e.localOffset = next();
    }
    i += 4 + len;
  }
}

/** The entries of the ZIP file by name. */
export async function zipEntries(file: string): Promise<Map<string, ZipEntry>> {
  const fd = await fs.promises.open(file, 'r');
  try {
    const { size } = await fd.stat();
    const dir = await directoryOf(fd, size);
    const cd = await readAt(fd, dir.offset, dir.length);
    const entries = new Map<string, ZipEntry>();
    for (let i = 0; i + 46 <= cd.length && cd.readUInt32LE(i) === CENTRAL; ) {
      const nameLength = cd.readUInt16LE(i + 28);
      const extraLength = cd.readUInt16LE(i + 30);
      const commentLength = cd.readUInt16LE(i + 32);
      const name = cd.toString('utf8', i + 46, i + 46 + nameLength);
      const e: ZipEntry = {
        name,
        method: cd.readUInt16LE(i + 10),
        compressedSize: cd.readUInt32LE(i + 20),
        uncompressedSize: cd.readUInt32LE(i + 24),
        localOffset: cd.readUInt32LE(i + 42),
      };
      zip64(cd.subarray(i + 46 + nameLength, i + 46 + nameLength + extraLength), e);
      entries.set(name.replace(/^\//, ''), e);
      i += 46 + nameLength + extraLength + commentLength;
    }
    return entries;
  } finally {
    await fd.close();
  }
}

/** Where the entry's data starts (after its local header). */
async function dataStart(file: string, e: ZipEntry): Promise<number> {
  const fd = await fs.promises.open(file, 'r');
  try {
    const h = await readAt(fd, e.localOffset, 30);
    if (h.length < 30 || h.readUInt32LE(0) !== LOCAL) throw notZip();
    return e.localOffset + 30 + h.readUInt16LE(26) + h.readUInt16LE(28);
  } finally {
    await fd.close();
  }
}

export type EntryStream = { chunks: AsyncIterable<Buffer>; compressedRead: () => number; start: number; close: () => void };

/**
 * The entry's bytes, inflated; more than `maxBytes` (declared or actual) stops with an error
 * naming the limit.
 */
export async function openEntry(file: string, e: ZipEntry, maxBytes: number, what: string): Promise<EntryStream> {
  const tooLarge = () =>
    new ImportLimitError(`${what} is larger than ${maxBytes} bytes when unpacked (the limit of a part of a workbook).`);
  if (e.uncompressedSize > maxBytes) throw tooLarge();
  if (e.method !== 0 && e.method !== 8)
    throw new ImportLimitError(`${what} is compressed in a way Sanad cannot read (method ${e.method}).`);
  const start = await dataStart(file, e);
  const raw = fs.createReadStream(file, {
    start,
    end: e.compressedSize > 0 ? start + e.compressedSize - 1 : start,
    highWaterMark: 1 << 16,
  });
  const inflate = e.method === 8 ? zlib.createInflateRaw({ chunkSize: 1 << 16 }) : undefined;
  const out = inflate ? raw.pipe(inflate) : raw;
  async function* chunks(): AsyncGenerator<Buffer> {
    let total = 0;
    if (e.compressedSize === 0) return;
    for await (const c of out as AsyncIterable<Buffer>) {
      total += c.length;
      if (total > maxBytes) throw tooLarge();
      yield c;
    }
  }
  return {
    chunks: chunks(),
    compressedRead: () => raw.bytesRead,
    start,
    close: () => {
      raw.destroy();
      inflate?.destroy();
    },
  };
}
