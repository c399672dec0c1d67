// Small well-formed documents and hostile files for the claims tests.
const ascii = (s: string) => Buffer.from(s, 'latin1');

export const PDF = ascii('%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n');
export const JPEG = Buffer.concat([
  Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16]),
  ascii('JFIF\0'),
  Buffer.alloc(64, 7),
  Buffer.from([0xff, 0xd9]),
]);
const chunk = (type: string, data: Buffer) => {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  return Buffer.concat([len, ascii(type), data, Buffer.alloc(4)]);
};
export const PNG = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  chunk('IHDR', Buffer.from([0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0])),
  chunk('IDAT', Buffer.alloc(12, 1)),
  chunk('IEND', Buffer.alloc(0)),
]);

/** Files that must be refused, each with why. */
export const HOSTILE: [string, Buffer][] = [
  ['an HTML page', ascii('<html><script>alert(1)</script></html>')],
  ['an SVG image', ascii('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>')],
  ['a Windows program', Buffer.concat([ascii('MZ'), Buffer.alloc(200, 0x90)])],
  ['a PDF that runs JavaScript', ascii('%PDF-1.4\n1 0 obj << /OpenAction << /S /JavaScript /JS (app.alert(1)) >> >> endobj\n%%EOF\n')],
  ['a PDF that launches a program', ascii('%PDF-1.7\n1 0 obj << /S /Launch /F (cmd.exe) >> endobj\n%%EOF\n')],
  ['a PDF with an embedded file', ascii('%PDF-1.7\n1 0 obj << /Type /EmbeddedFile >> endobj\n%%EOF\n')],
  ['a truncated PDF', ascii('%PDF-1.4\n1 0 obj << >> endobj\n')],
  ['a truncated JPEG', Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 1, 2, 3])],
  ['a PNG signature alone', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])],
  ['a ZIP archive', Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(100)])],
  ['a GIF image', ascii('GIF89a\x01\x00\x01\x00\x00\x00\x00;')],
];
