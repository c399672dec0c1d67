// The enrolment screen's QR encoder, checked by an independent decoder (jsQR reads the rendered
// image), for every mask, many versions and random texts; Reed-Solomon and the BCH codes against
// values from the standard.
import fc from 'fast-check';
import jsQRModule from 'jsqr';
import { expect, test } from 'vitest';
import { formatBits, qrMatrix, qrPath, reedSolomon, versionBits, versionFor } from '../../web/src/qr/encode.ts';

// jsqr's types declare a default export; its CommonJS build exports the function itself.
const jsQR = ((jsQRModule as { default?: unknown }).default ?? jsQRModule) as typeof jsQRModule.default;

/** The matrix as an RGBA image with a 4-module quiet zone, `scale` pixels per module. */
function decode(matrix: boolean[][], scale = 3): string | undefined {
  const quiet = 4;
  const side = (matrix.length + 2 * quiet) * scale;
  const px = new Uint8ClampedArray(side * side * 4).fill(255);
  matrix.forEach((row, y) =>
    row.forEach((dark, x) => {
      if (!dark) return;
      for (let dy = 0; dy < scale; dy++) {
        for (let dx = 0; dx < scale; dx++) {
          const i = (((y + quiet) * scale + dy) * side + (x + quiet) * scale + dx) * 4;
          px[i] = px[i + 1] = px[i + 2] = 0;
        }
      }
    }),
  );
  const r = jsQR(px, side, side, { inversionAttempts: 'dontInvert' });
  return r ? new TextDecoder().decode(Uint8Array.from(r.binaryData)) : undefined;
}

const URI = 'otpauth://totp/Sanad:officer.e2e?secret=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP&issuer=Sanad&algorithm=SHA1&digits=6&period=30';

test('an otpauth URI decodes back, with each of the eight masks', () => {
  for (let mask = 0; mask < 8; mask++) expect(decode(qrMatrix(URI, { mask })), `mask ${mask}`).toBe(URI);
  expect(decode(qrMatrix(URI))).toBe(URI);
  expect(qrMatrix(URI).length).toBe(versionFor(URI.length)! * 4 + 17);
});

test('texts of many lengths (versions 1 to 40) decode back', () => {
  const lengths = [0, 1, 14, 15, 26, 27, 84, 85, 122, 152, 153, 213, 214, 300, 500, 1000, 2331];
  for (const n of lengths) {
    const text = Array.from({ length: n }, (_, i) => String.fromCharCode(33 + ((i * 7) % 90))).join('');
    const m = qrMatrix(text);
    expect(decode(m, n > 600 ? 2 : 3), `length ${n}, version ${(m.length - 17) / 4}`).toBe(text);
  }
  expect(versionFor(14)).toBe(1);
  expect(versionFor(15)).toBe(2);
  expect(versionFor(2331)).toBe(40);
  expect(versionFor(2332)).toBeUndefined();
  expect(() => qrMatrix('x'.repeat(2332))).toThrow(RangeError);
});

test('random texts, Arabic included, decode back', () => {
  fc.assert(
    fc.property(
      fc.string({ unit: fc.constantFrom('a', 'Z', '7', ':', '/', '?', '=', '&', ' ', 'س', 'ن', 'د', '%'), maxLength: 120 }),
      (text) => {
        expect(decode(qrMatrix(text))).toBe(text);
      },
    ),
    { numRuns: 40 },
  );
});

test('Reed-Solomon: the example of the standard (version 1-M, "01234567")', () => {
  const data = [0x10, 0x20, 0x0c, 0x56, 0x61, 0x80, 0xec, 0x11, 0xec, 0x11, 0xec, 0x11, 0xec, 0x11, 0xec, 0x11];
  expect(reedSolomon(data, 10)).toEqual([0xa5, 0x24, 0xd4, 0xc1, 0xed, 0x36, 0xc7, 0x87, 0x2c, 0x55]);
});

test('format and version bits (BCH codes) as tabulated in the standard', () => {
  expect(formatBits(0).toString(2).padStart(15, '0')).toBe('101010000010010'); // M, mask 0
  expect(formatBits(7).toString(2).padStart(15, '0')).toBe('100101010100000'); // M, mask 7
  expect(formatBits(4).toString(2).padStart(15, '0')).toBe('100010111111001'); // M, mask 4
  expect(versionBits(7).toString(2).padStart(18, '0')).toBe('000111110010010100');
  expect(versionBits(40).toString(2).padStart(18, '0')).toBe('101000110001101001');
});

test('the SVG path draws every dark module once', () => {
  const m = qrMatrix(URI);
  const d = qrPath(m);
  const area = [...d.matchAll(/h(\d+)v1/g)].reduce((a, x) => a + Number(x[1]), 0);
  expect(area).toBe(m.flat().filter(Boolean).length);
});
