// Deduplication over the registry (`sanad dedupe`): the persons in the actor's scope are read in
// keyset pages, linked by the engine (src/linkage), and the outcome stored in one transaction:
// the fitted model, every pair at or above the lower threshold as a candidate for review, and the
// pairs the engine clustered above the upper threshold (never with conflicting evidence) as
// automatic links. Pairs already in the table keep their status: a decision is never overwritten,
// and a pair once reviewed or undone is not linked automatically again.
import { parallelCompare } from '../../linkage/threads.io.ts';
import type pg from 'pg';
import type { Actor } from '../../access/actor.ts';
import { DECISION, type LinkResult } from '../../linkage/engine.ts';
import type { RawRecord } from '../../linkage/fields.ts';
import { weightFor } from '../../linkage/model.ts';
import { modelToJson, REGISTRY_COLUMNS } from '../../linkage/registryScore.ts';
import { canonicalPermutation, dedupeRegistry, REGISTRY_SETTINGS, shownProbability } from '../../linkage/registryDedupe.ts';
import { RelationReader, type Relation } from '../../linkage/relations.ts';
import type { LinkSettingsInput } from '../../linkage/settings.ts';
import { write, type WriteContext } from '../write.ts';
import { writeBlockSet } from './blockIndex.ts';
import { mergeConflict } from './identity.ts';
import { saveModel } from './model.ts';
import { countInScope, personsInScope, rawRecord } from './records.ts';

export type DedupeProgress = (stage: 'read' | 'compare' | 'store', done: number, total: number) => void;

export type DedupeSummary = {
  modelId: string;
  persons: number;
  pairsCompared: number;
  candidates: number;
  newCandidates: number;
  autoLinked: number;
  forReview: number;
  refusedMerges: number;
  seconds: number;
  /** of `seconds`: the blocks kept for the incremental runs, written (a full run) */
  keptBlocksSeconds?: number;
};

export type Pair = { a: string; b: string; weight: number; conflict: boolean; auto: boolean; relation: Relation; explanation: string };

const CHUNK = 2000;

/** The stored pairs of a linkage outcome: links, and the pairs to review (relatives are not candidates). */
export function pairsOf(r: Pick<LinkResult, 'settings' | 'dataset' | 'a' | 'b' | 'weight' | 'decision' | 'explain'>): Pair[] {
  const upperW = weightFor(r.settings.thresholds.upper),
    lowerW = weightFor(r.settings.thresholds.lower);
  const ids = r.dataset.ids;
  const rel = new RelationReader(r.dataset);
  const out: Pair[] = [];
  for (let k = 0; k < r.a.length; k++) {
    const i = r.a[k]!,
      j = r.b[k]!;
    const w = r.weight[k]!;
    const linked = r.decision[k] === DECISION.link;
    // relatives without strong evidence, and pairs below the lower threshold, are not candidates
    if (r.decision[k] === DECISION.distinct || (w < lowerW && !linked)) continue;
    const conflict = r.dataset.conflict(i, j);
    const [a, b] = ids[i]! < ids[j]! ? [ids[i]!, ids[j]!] : [ids[j]!, ids[i]!];
    const explanation = JSON.stringify(
      r.explain(i, j).map((c) => ({ field: c.field, level: c.level, weight: round(c.weight), tf: round(c.tf) })),
    );
    out.push({ a, b, weight: w, conflict, auto: linked && w >= upperW && !conflict, relation: rel.relation(i, j), explanation });
  }
  return out;
}

const round = (x: number) => Math.round(x * 1000) / 1000;

/**
 * Automatic links in bulk: the person_link rows, who decided on the candidates, and one change-log
 * entry for the batch, with the actor who ran the dedupe and every link.
 */
async function storeLinks(
  ctx: WriteContext,
  rows: { id: string; person_a: string; person_b: string; weight: number }[],
  modelId: string,
): Promise<void> {
  if (rows.length === 0) return;
  const { client: c, actor } = ctx;
  const ids = rows.map((x) => x.id);
  await c.query(
    `INSERT INTO person_link (org_id, person_a, person_b, candidate_id, kind, created_by)
     SELECT $1, t.a, t.b, t.id, 'auto', $5 FROM unnest($2::uuid[], $3::uuid[], $4::uuid[]) AS t(a, b, id) ON CONFLICT DO NOTHING`,
    [actor.orgId, rows.map((x) => x.person_a), rows.map((x) => x.person_b), ids, actor.userId],
  );
  await c.query('UPDATE match_candidate SET decided_by = $2, decided_at = now() WHERE id = ANY($1::uuid[])', [ids, actor.userId]);
  // one entry per batch (listing every link) rather than per link: each entry updates the log's
  // head row, and thousands of updates of one row in one transaction slow down quadratically
  await ctx.log({
    entity: 'match_candidate',
    entityId: null,
    action: 'auto_link_batch',
    after: {
      modelId,
      status: 'auto_linked',
      links: rows.map((x) => ({ id: x.id, personA: x.person_a, personB: x.person_b, weight: round(x.weight) })),
    },
  });
}

export async function findDuplicates(
  pool: pg.Pool,
  actor: Actor,
  opts: {
    settings?: LinkSettingsInput;
    onProgress?: DedupeProgress;
    limit?: number;
    /** false: no blocks kept for the incremental runs (they then read the whole registry) */
    keepBlocks?: boolean;
  } = {},
): Promise<DedupeSummary> {
  const t0 = performance.now();
  const settings = { ...REGISTRY_SETTINGS, ...(opts.settings ?? {}) };
  // persons changed from here on are new to the next incremental run
  const startedAt = new Date().toISOString();
  const records = await readRecords(pool, actor, opts);
  if (records.length < 2) throw new Error('dedupe needs at least two persons in your scope');
  const order = canonicalPermutation(records, REGISTRY_COLUMNS);
  const result = dedupeRegistry(
    records,
    REGISTRY_COLUMNS,
    { compare: parallelCompare(), progress: (stage, done, tot) => stage === 'compare' && opts.onProgress?.('compare', done, tot) },
    settings,
    order,
  );
  const out = await write(pool, actor, { route: 'sanad duplicates' }, async (ctx) => ({
    status: 200,
    body: await storeOutcome(ctx, settings, records.length, result, opts.onProgress, startedAt),
  }));
  // the blocks, for the incremental runs (dataset row r is records[order[r]]; records are in id order)
  const kept =
    opts.keepBlocks !== false && opts.limit === undefined
      ? await writeBlockSet(pool, actor, {
          modelId: out.body.modelId,
          ds: result.dataset,
          settings: result.settings,
          rowOf: order,
          ids: records.map((r) => r.record_id!),
        })
      : null;
  return { ...out.body, ...(kept ? { keptBlocksSeconds: kept.seconds } : {}), seconds: Math.round((performance.now() - t0) / 100) / 10 };
}

/** The persons in the actor's scope, read in keyset pages. */
export async function readRecords(
  pool: pg.Pool,
  actor: Actor,
  opts: { onProgress?: DedupeProgress; limit?: number },
): Promise<RawRecord[]> {
  const total = Math.min(await countInScope(pool, actor), opts.limit ?? Number.POSITIVE_INFINITY);
  const records: RawRecord[] = [];
  for await (const rows of personsInScope(pool, actor, opts.limit !== undefined ? { limit: opts.limit } : {})) {
    for (const r of rows) records.push(rawRecord(r));
    opts.onProgress?.('read', records.length, total);
  }
  return records;
}

/** The model, the candidates and the automatic links, in the dedupe's one transaction. */
async function storeOutcome(
  ctx: WriteContext,
  settings: LinkSettingsInput,
  persons: number,
  result: LinkResult,
  onProgress: DedupeProgress | undefined,
  startedAt: string,
): Promise<DedupeSummary> {
  const { client: c, actor } = ctx;
  const st = result.stats;
  const pairs = pairsOf(result);
  // links of one organisation change one at a time (as in decisions)
  await c.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`person_link:${actor.orgId}`]);
  const modelId = await saveModel(c, {
    orgId: actor.orgId,
    userId: actor.userId,
    settings,
    model: modelToJson(result.model),
    records: persons,
    stats: {
      startedAt,
      candidatePairs: st.candidatePairs,
      linkedPairs: st.linkedPairs,
      reviewPairs: st.reviewPairs,
      refusedMerges: st.refusedMerges,
      timings: st.timings,
    },
  });
  const touched = await touchedPersons(c, actor.orgId);
  const n = { inserted: 0, autoLinked: 0, refused: 0 };
  for (let s = 0; s < pairs.length; s += CHUNK) {
    const rows = await upsertCandidates(c, actor.orgId, pairs.slice(s, s + CHUNK), modelId);
    await settleLinks(ctx, rows, touched, modelId, n);
    onProgress?.('store', Math.min(s + CHUNK, pairs.length), pairs.length);
  }
  const summary = {
    modelId,
    persons,
    pairsCompared: st.candidatePairs,
    candidates: pairs.length,
    newCandidates: n.inserted,
    autoLinked: n.autoLinked,
    forReview: n.inserted - n.autoLinked,
    refusedMerges: st.refusedMerges + n.refused,
    seconds: 0,
  };
  await ctx.log({ entity: 'linkage_model', entityId: modelId, action: 'dedupe', after: { ...summary, seconds: undefined } });
  return summary;
}

/** Persons already in an identity or in a 'different' decision: auto links touching them are checked. */
export async function touchedPersons(c: pg.PoolClient, orgId: string): Promise<Set<string>> {
  const r = await c.query<{ id: string }>(
    `SELECT person_a AS id FROM person_link WHERE org_id = $1 AND undone_at IS NULL UNION SELECT person_b FROM person_link WHERE org_id = $1 AND undone_at IS NULL
     UNION SELECT person_a FROM match_candidate WHERE org_id = $1 AND status = 'different' UNION SELECT person_b FROM match_candidate WHERE org_id = $1 AND status = 'different'`,
    [orgId],
  );
  return new Set(r.rows.map((x) => x.id));
}

type CandidateRow = { id: string; person_a: string; person_b: string; status: string; inserted: boolean; weight: number };

/** Inserts new pairs; pending ones take the new evidence; decided ones are left as they are. */
export async function upsertCandidates(c: pg.PoolClient, orgId: string, chunk: Pair[], modelId: string): Promise<CandidateRow[]> {
  const r = await c.query<CandidateRow>(
    `INSERT INTO match_candidate (org_id, person_a, person_b, weight, probability, conflict, explanation, status, model_id, relation)
     SELECT $1, t.a, t.b, t.w, t.p, t.c, t.e::jsonb, t.s, $9, t.r
     FROM unnest($2::uuid[], $3::uuid[], $4::float8[], $5::float8[], $6::bool[], $7::text[], $8::text[], $10::text[]) AS t(a, b, w, p, c, e, s, r)
     ON CONFLICT (person_a, person_b) DO UPDATE SET weight = EXCLUDED.weight, probability = EXCLUDED.probability, conflict = EXCLUDED.conflict,
       explanation = EXCLUDED.explanation, model_id = EXCLUDED.model_id, relation = EXCLUDED.relation, updated_at = now()
     WHERE match_candidate.status = 'pending'
     RETURNING id, person_a, person_b, status, weight, (xmax = 0) AS inserted`,
    [
      orgId,
      chunk.map((p) => p.a),
      chunk.map((p) => p.b),
      chunk.map((p) => p.weight),
      chunk.map((p) => shownProbability(p.weight, p.conflict || p.relation !== 'none')),
      chunk.map((p) => p.conflict),
      chunk.map((p) => p.explanation),
      chunk.map((p) => (p.auto ? 'auto_linked' : 'pending')),
      modelId,
      chunk.map((p) => p.relation),
    ],
  );
  return r.rows;
}

/**
 * Stores the automatic links of new pairs. A link touching an existing identity is checked for a
 * merge conflict (refused: the pair goes back to review) after every link before it is stored.
 */
export async function settleLinks(
  ctx: WriteContext,
  rows: CandidateRow[],
  touched: Set<string>,
  modelId: string,
  n: { inserted: number; autoLinked: number; refused: number },
): Promise<void> {
  const c = ctx.client;
  const links: CandidateRow[] = [];
  for (const row of rows) {
    if (!row.inserted) continue;
    n.inserted++;
    if (row.status !== 'auto_linked') continue;
    const near = touched.has(row.person_a) || touched.has(row.person_b);
    if (near) await storeLinks(ctx, links.splice(0), modelId); // the check must see every link so far
    if (near && (await mergeConflict(c, row.person_a, row.person_b)) !== undefined) {
      await c.query(`UPDATE match_candidate SET status = 'pending' WHERE id = $1`, [row.id]);
      n.refused++;
      continue;
    }
    if (near) {
      // the identity grew from an earlier one: later links into it are checked too
      touched.add(row.person_a);
      touched.add(row.person_b);
      // and this link must be visible to those checks now
      await storeLinks(ctx, [row], modelId);
    } else links.push(row);
    n.autoLinked++;
  }
  await storeLinks(ctx, links, modelId);
}
