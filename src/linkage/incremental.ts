// Incremental checking: one new registration against the whole registry, while the officer types.
// The blocking passes' sorted key arrays are searched by binary search; records added after the
// index was built go to small per-pass hash maps. Nothing is re-estimated: the model (m, u, prior)
// and term frequencies of the build are used.
import { lookupBlock, passKey, type BlockIndex } from './blocking.ts';
import type { Dataset } from './dataset.ts';
import type { RawRecord } from './fields.ts';
import { probability, type Contribution, type Scorer } from './model.ts';
import type { LinkSettings } from './settings.ts';
import type { LinkResult } from './engine.ts';

export interface Match {
  row: number;
  recordId: string;
  weight: number;
  probability: number;
  decision: 'link' | 'review' | 'distinct';
  conflict: boolean;
  explanation: Contribution[];
}

export class LinkageIndex {
  private readonly added: Map<number, number[]>[];
  private readonly upperW: number;
  /** candidates scored by the last check (for benchmarks) */
  lastCandidates = 0;
  private readonly lowerW: number;
  constructor(
    readonly ds: Dataset,
    readonly blocks: BlockIndex,
    readonly scorer: Scorer,
    readonly settings: LinkSettings,
  ) {
    this.added = blocks.passes.map(() => new Map());
    this.upperW = Math.log2(settings.thresholds.upper / (1 - settings.thresholds.upper));
    this.lowerW = Math.log2(settings.thresholds.lower / (1 - settings.thresholds.lower));
  }

  static fromResult(r: LinkResult): LinkageIndex {
    return new LinkageIndex(r.dataset, r.blockIndex, r.scorer, r.settings);
  }

  /**
   * Scores a record (not stored) against every record sharing a block with it; returns the best
   * `limit` matches at or above the review threshold (or all above `minWeight`), strongest first.
   */
  check(rec: RawRecord, opts: { limit?: number; minWeight?: number; maxCandidates?: number; source?: number } = {}): Match[] {
    const ds = this.ds;
    const row = ds.n; // scratch row just past the end
    ds.write(rec, row, opts.source ?? 0, false);
    const cands = this.candidates(row, opts.maxCandidates ?? 5000);
    this.lastCandidates = cands.size;
    const minW = opts.minWeight ?? this.lowerW;
    const out: Match[] = [];
    for (const j of cands) {
      const w = this.scorer.weight(j, row);
      if (w < minW) continue;
      const conflict = ds.conflict(j, row);
      out.push({
        row: j,
        recordId: ds.ids[j]!,
        weight: w,
        probability: probability(w),
        decision: w >= this.upperW && !conflict ? 'link' : 'review',
        conflict,
        explanation: [],
      });
    }
    out.sort((x, y) => y.weight - x.weight);
    const top = out.slice(0, opts.limit ?? 10);
    for (const m of top) m.explanation = this.scorer.explain(m.row, row);
    return top;
  }

  /** Stores a record in the registry (and the index); returns its row. */
  add(rec: RawRecord, source = 0): number {
    const row = this.ds.add(rec, source);
    this.blocks.passes.forEach((p, k) => {
      const key = passKey(this.ds, p, row);
      if (!key) return;
      const m = this.added[k]!;
      const l = m.get(key);
      if (l) l.push(row);
      else m.set(key, [row]);
    });
    return row;
  }

  private candidates(row: number, cap: number): Set<number> {
    const seen = new Set<number>();
    const buf: number[] = [];
    this.blocks.passes.forEach((p, k) => {
      const key = passKey(this.ds, p, row);
      if (!key) return;
      buf.length = 0;
      lookupBlock(this.blocks, k, key, buf, cap);
      for (const j of buf) seen.add(j);
      for (const j of this.added[k]!.get(key) ?? []) if (j !== row) seen.add(j);
    });
    return seen;
  }
}
