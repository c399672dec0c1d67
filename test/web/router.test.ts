// Every screen's path reads back to the same screen: the two path tables of web/src/router.tsx and
// its patterns agree (a screen added to one and not the other would open the wrong screen or none).
import { expect, test } from 'vitest';
import { ID_PATHS, PLAIN_PATHS, parsePath, pathOf } from '../../web/src/paths.ts';

const ID = '0b6f3c1e-2a4d-4f6b-9c8d-7e5f4a3b2c1d';

test('each screen without a parameter: its path opens it', () => {
  for (const name of Object.keys(PLAIN_PATHS)) {
    if (name === 'notFound') continue; // no path of its own: it sends to the start
    expect(parsePath(pathOf({ name } as never)), name).toEqual({ name });
  }
});

test('each screen of one record: its path opens it, with the same id', () => {
  for (const name of Object.keys(ID_PATHS)) {
    expect(parsePath(pathOf({ name, id: ID } as never)), name).toEqual({ name, id: ID });
  }
  expect(parsePath(pathOf({ name: 'auditEntry', seq: 42 }))).toEqual({ name: 'auditEntry', seq: 42 });
});
