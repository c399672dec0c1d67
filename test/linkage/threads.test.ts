import { describe, expect, it } from 'vitest';
import { linkDataset, prepare } from '../../src/linkage/engine.ts';
import { resolveSettings } from '../../src/linkage/settings.ts';
import { parallelCompare } from '../../src/linkage/threads.io.ts';
import { dedupeRegistry } from '../../bench/linkage/gen.ts';
import type { RawRecord } from '../../src/linkage/fields.ts';

describe('comparison in worker threads', () => {
  it('gives the same patterns, weights and clusters as one thread', () => {
    const recs: RawRecord[] = [];
    for (const { rec } of dedupeRegistry(3000, 0.3, 5)) recs.push(rec);
    const settings = resolveSettings({ uSamples: 20000 });
    const one = linkDataset(prepare([recs], settings), 1, settings);
    let calls = 0;
    let byWorkers = -1,
      chunks = 0;
    const par = parallelCompare({ threads: 3, minPairs: 0, mainWorks: false, onDone: (x) => ({ byWorkers, chunks } = x) });
    const two = linkDataset(prepare([recs], settings), 1, settings, {
      compare: (ds, a, b, n) => {
        calls++;
        return par(ds, a, b, n);
      },
    });
    expect(calls).toBe(1);
    expect(byWorkers).toBe(chunks);
    expect(two.a.length).toBe(one.a.length);
    expect(Array.from(two.weight)).toEqual(Array.from(one.weight));
    expect(Array.from(two.clusterOf)).toEqual(Array.from(one.clusterOf));
  }, 60_000);
});
