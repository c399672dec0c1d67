// Synthetic photo files for the tests: structurally valid JPEG, PNG and WebP files carrying the
// metadata Sanad must remove (an EXIF block with GPS tags and an owner's name, a comment, PNG text
// chunks, WebP EXIF and XMP chunks). The picture data is filler: the server never decodes pixels.
import { deflateSync } from 'node:zlib';

/** The texts hidden in the metadata; none may survive in a stored photo. */
export const SECRET_NAME = 'Ahmad Khalil Mansour';
export const SECRET_PLACE = 'GPSLatitude 31.5069';

const seg = (marker: number, body: Buffer) => {
  const h = Buffer.alloc(4);
  h[0] = 0xff;
  h[1] = marker;
  h.writeUInt16BE(body.length + 2, 2);
  return Buffer.concat([h, body]);
};

/** A JPEG: SOI, JFIF, EXIF (GPS and the owner's name), a comment, tables, a frame, one scan, EOI, then trailing bytes. */
export function jpegWithExif(fill = 64): Buffer {
  const exif = Buffer.concat([
    Buffer.from('Exif\0\0MM\0*\0\0\0\x08', 'latin1'),
    Buffer.from(`${SECRET_PLACE} Artist ${SECRET_NAME}`, 'latin1'),
  ]);
  const scan = Buffer.alloc(fill, 0x5a);
  scan[10] = 0xff; // a stuffed 0xFF00 and a restart marker inside the entropy-coded data
  scan[11] = 0x00;
  scan[20] = 0xff;
  scan[21] = 0xd0;
  return Buffer.concat([
    Buffer.from([0xff, 0xd8]),
    seg(0xe0, Buffer.from('JFIF\0\x01\x01\0\0\x01\0\x01\0\0', 'latin1')),
    seg(0xe1, exif),
    seg(0xe2, Buffer.from(`ICC_PROFILE\0${SECRET_NAME}`, 'latin1')),
    seg(0xfe, Buffer.from(`taken by ${SECRET_NAME}`, 'latin1')),
    seg(0xdb, Buffer.alloc(65, 1)),
    seg(0xc0, Buffer.from([8, 0, 1, 0, 1, 1, 1, 0x11, 0])),
    seg(0xc4, Buffer.alloc(20, 0)),
    seg(0xda, Buffer.from([1, 1, 0, 0, 0x3f, 0])),
    scan,
    Buffer.from([0xff, 0xd9]),
    Buffer.from(`trailer ${SECRET_NAME}`, 'latin1'),
  ]);
}

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (b: Buffer) => {
  let c = 0xffffffff;
  for (const x of b) c = crcTable[(c ^ x) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const chunk = (type: string, data: Buffer) => {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
};

/** A 1x1 grey PNG with a tEXt author and an eXIf chunk. */
export function pngWithText(): Buffer {
  const ihdr = Buffer.from([0, 0, 0, 1, 0, 0, 0, 1, 8, 0, 0, 0, 0]);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('tEXt', Buffer.from(`Author\0${SECRET_NAME}`, 'latin1')),
    chunk('eXIf', Buffer.from(`MM\0*${SECRET_PLACE}`, 'latin1')),
    chunk('IDAT', deflateSync(Buffer.from([0, 0x80]))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const riff = (type: string, data: Buffer) => {
  const h = Buffer.alloc(8);
  h.write(type, 0, 'latin1');
  h.writeUInt32LE(data.length, 4);
  return Buffer.concat([h, data, data.length % 2 ? Buffer.alloc(1) : Buffer.alloc(0)]);
};

/** An extended WebP (VP8X with the EXIF and XMP flags) with both chunks. */
export function webpWithExif(): Buffer {
  const vp8x = Buffer.alloc(10);
  vp8x[0] = 0x08 | 0x04;
  const body = Buffer.concat([
    Buffer.from('WEBP', 'latin1'),
    riff('VP8X', vp8x),
    riff('VP8 ', Buffer.alloc(16, 7)),
    riff('EXIF', Buffer.from(`MM\0*${SECRET_PLACE}`, 'latin1')),
    riff('XMP ', Buffer.from(`<x:creator>${SECRET_NAME}</x:creator>`, 'latin1')),
  ]);
  const h = Buffer.alloc(8);
  h.write('RIFF', 0, 'latin1');
  h.writeUInt32LE(body.length, 4);
  return Buffer.concat([h, body]);
}
