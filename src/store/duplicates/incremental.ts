// `sanad duplicates --incremental`: the persons registered or changed since the last run (its
// model's time) are compared against everyone in scope with that run's model, and their pairs
// stored as a full run stores them. Every automatic link is checked against the identities that
// exist (conflicting IDs, decisions, relatives), so a new record never chains two people.
// The blocks come from those the last full run kept (blockIndex.ts, incrementalKept.ts): the run
// reads the changed persons and their blocks' members only, and adds the changed persons to the
// kept blocks. Without kept blocks it may use (a model saved before them, another scope, other
// blocking settings) it reads and prepares everyone in scope, as before, and keeps their blocks.
import type pg from 'pg';
import type { Actor } from '../../access/actor.ts';
import { prepare } from '../../linkage/engine.ts';
import { type ChangedPairs, dedupeChanged } from '../../linkage/incrementalDedupe.ts';
import type { Model } from '../../linkage/model.ts';
import { REGISTRY_COLUMNS } from '../../linkage/registryScore.ts';
import { REGISTRY_SETTINGS } from '../../linkage/registryDedupe.ts';
import { type LinkSettings, resolveSettings, type LinkSettingsInput } from '../../linkage/settings.ts';
import { scopeSql } from '../registry/scope.ts';
import { write } from '../write.ts';
import { addToBlockSet, type BlockSet, usableBlockSet, writeBlockSet } from './blockIndex.ts';
import { compareKept, type KeptCompared } from './incrementalKept.ts';
import { latestModel, saveModel } from './model.ts';
import { countInScope } from './records.ts';
import { type DedupeProgress, type DedupeSummary, findDuplicates, pairsOf, readRecords, settleLinks, upsertCandidates } from './run.ts';

const CHUNK = 2000;

/** Ids of the persons in scope created or changed since the run of model `modelId` began reading. */
async function changedSince(db: pg.Pool, actor: Actor, modelId: string): Promise<Set<string>> {
  const s = scopeSql('p', actor, 1);
  const r = await db.query<{ id: string }>(
    `SELECT p.id FROM person p WHERE ${s.sql}
       AND p.updated_at >= (SELECT coalesce((m.stats->>'startedAt')::timestamptz, m.created_at) FROM linkage_model m WHERE m.id = $3)`,
    [...s.params, modelId],
  );
  return new Set(r.rows.map((x) => x.id));
}

export type Compared = {
  result: ChangedPairs;
  changed: Set<string>;
  persons: number;
  /** the kept blocks used, and what this run adds to them */
  kept?: { set: BlockSet; add: KeptCompared };
  timings: Record<string, number>;
};

/**
 * The changed persons compared against everyone in scope: from the blocks the last full run kept
 * when there are some this run may use (`how` 'auto'), else by reading and preparing everyone.
 */
export async function compareChanged(
  pool: pg.Pool,
  actor: Actor,
  settings: LinkSettings,
  last: { id: string; model: Model },
  opts: {
    onProgress?: DedupeProgress;
    how?: 'auto' | 'memory';
    /** the engine's cap per block (tests) */
    cap?: number;
  } = {},
): Promise<Compared> {
  const t0 = performance.now();
  const set =
    opts.how === 'memory' ? null : await usableBlockSet(pool, actor, last.id, prepare([[]], settings, REGISTRY_COLUMNS), settings);
  if (set) {
    const add = await compareKept(pool, actor, settings, last.model, last.id, set, opts.cap);
    const persons = add.persons ?? (await countInScope(pool, actor));
    return { result: add.result, changed: new Set(add.changed), persons, kept: { set, add }, timings: { ...add.timings, kept: since(t0) } };
  }
  const changed = await changedSince(pool, actor, last.id);
  const records = await readRecords(pool, actor, opts);
  const ds = prepare([records], settings, REGISTRY_COLUMNS);
  const rows: number[] = [];
  for (let i = 0; i < ds.n; i++) if (changed.has(ds.ids[i]!)) rows.push(i);
  const result = dedupeChanged(ds, settings, last.model, rows, opts.cap);
  return { result, changed, persons: records.length, timings: { memory: since(t0) } };
}

const since = (t: number) => Math.round(performance.now() - t) / 1000;

export async function findDuplicatesIncremental(
  pool: pg.Pool,
  actor: Actor,
  opts: {
    settings?: LinkSettingsInput;
    onProgress?: DedupeProgress;
    how?: 'auto' | 'memory';
    /** false: a run that reads everyone keeps no blocks for the next */
    keepBlocks?: boolean;
  } = {},
): Promise<DedupeSummary & { changed: number; keptBlocks: boolean }> {
  const t0 = performance.now();
  const last = await latestModel(pool, actor.orgId);
  // no run yet: the first one is a full run
  if (!last) return { ...(await findDuplicates(pool, actor, opts)), changed: -1, keptBlocks: false };
  const settingsInput = { ...REGISTRY_SETTINGS, ...(opts.settings ?? {}) };
  const settings = resolveSettings(settingsInput);
  const startedAt = new Date().toISOString();
  const cmp = await compareChanged(pool, actor, settings, last, opts);
  const { result, changed } = cmp;
  const rows = { length: changed.size };
  const records = { length: cmp.persons };
  opts.onProgress?.('compare', result.pairsCompared, result.pairsCompared);
  const pairs = pairsOf(result);
  const out = await write(pool, actor, { route: 'sanad duplicates --incremental' }, async (ctx) => {
    const c = ctx.client;
    await c.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`person_link:${actor.orgId}`]);
    // the persons compared join the kept blocks, for the next run
    const k = cmp.kept;
    if (k) await addToBlockSet(c, k.set.id, k.add.changedDs, k.add.passes, k.add.counts);
    // the same model again, as the mark of this run (the next incremental run starts from it)
    const modelId = await saveModel(c, {
      orgId: actor.orgId,
      userId: actor.userId,
      settings: settingsInput,
      model: last.model,
      records: records.length,
      stats: {
        incremental: true,
        startedAt,
        changed: rows.length,
        candidatePairs: result.pairsCompared,
        from: last.id,
        ...(k ? { blockSet: k.set.id } : {}),
        timings: cmp.timings,
      },
    });
    const n = { inserted: 0, autoLinked: 0, refused: 0 };
    // every link is checked against the identities so far (the new records may join any of them)
    const everyone = new Set<string>([...changed]);
    for (let s = 0; s < pairs.length; s += CHUNK) {
      const stored = await upsertCandidates(c, actor.orgId, pairs.slice(s, s + CHUNK), modelId);
      await settleLinks(ctx, stored, everyone, modelId, n);
      opts.onProgress?.('store', Math.min(s + CHUNK, pairs.length), pairs.length);
    }
    const summary = {
      modelId,
      persons: records.length,
      changed: rows.length,
      pairsCompared: result.pairsCompared,
      candidates: pairs.length,
      newCandidates: n.inserted,
      autoLinked: n.autoLinked,
      forReview: n.inserted - n.autoLinked,
      refusedMerges: n.refused,
      seconds: 0,
    };
    await ctx.log({ entity: 'linkage_model', entityId: modelId, action: 'dedupe_incremental', after: { ...summary, seconds: undefined } });
    return { status: 200, body: summary };
  });
  // read everyone (no kept blocks this run could use): their blocks are kept now, for the next run
  const ds = cmp.result.dataset;
  const kept =
    !cmp.kept && opts.keepBlocks !== false
      ? await writeBlockSet(pool, actor, {
          modelId: out.body.modelId,
          ds,
          settings,
          rowOf: Int32Array.from(ds.ids, (_, i) => i),
          ids: ds.ids,
        })
      : null;
  return {
    ...out.body,
    keptBlocks: cmp.kept !== undefined,
    ...(kept ? { keptBlocksSeconds: kept.seconds } : {}),
    seconds: Math.round((performance.now() - t0) / 100) / 10,
  };
}
