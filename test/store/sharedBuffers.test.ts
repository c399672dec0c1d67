// The embedded server's shared buffers (issue #14): an eighth of the machine's memory for a durable
// server, between 256 MB and 2 GB; throwaway clusters (tests) keep 256 MB.
import { expect, test } from 'vitest';
import { sharedBuffersMb } from '../../src/store/embedded.ts';

const GB = 1024 ** 3;

test('an eighth of memory, at least 256 MB, at most 2 GB; 256 MB for throwaway clusters', () => {
  expect(sharedBuffersMb(1 * GB, true)).toBe(256);
  expect(sharedBuffersMb(4 * GB, true)).toBe(512);
  expect(sharedBuffersMb(8 * GB, true)).toBe(1024);
  expect(sharedBuffersMb(23.5 * GB, true)).toBe(2048);
  expect(sharedBuffersMb(64 * GB, true)).toBe(2048);
  expect(sharedBuffersMb(64 * GB, false)).toBe(256);
});
