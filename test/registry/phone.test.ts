import { expect, test } from 'vitest';
import { parsePhone } from '../../src/registry/phone.ts';

test.each([
  ['0599123456', '+970599123456'],
  ['0599-123-456', '+970599123456'],
  ['+970 599 123 456', '+970599123456'],
  ['00970599123456', '+970599123456'],
  ['970599123456', '+970599123456'],
  ['0562345678', '+970562345678'],
  ['0521234567', '+972521234567'],
  ['+972521234567', '+972521234567'],
  ['٠٥٩٩١٢٣٤٥٦', '+970599123456'],
  ['599123456', '+970599123456'],
  ['521234567', '+972521234567'],
])('%s is normalised to %s', (input, expected) => {
  expect(parsePhone(input)).toEqual({ ok: true, value: expected });
});

test.each([
  ['12345', 'phone_prefix'],
  ['059912', 'phone_length'],
  ['+44 20 7946 0000', 'phone_prefix'],
  ['05991234ab', 'phone_characters'],
])('%s is rejected: %s', (input, reason) => {
  expect(parsePhone(input)).toEqual({ ok: false, reason });
});
