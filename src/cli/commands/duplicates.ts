// `sanad duplicates` (also `sanad dedupe`): identity resolution over the registry (the persons in your organisation and
// governorates). Stores the fitted model, the pairs for review, and the automatic links.
import fs from 'node:fs';
import type { Command } from 'commander';
import cliProgress from 'cli-progress';
import { type DedupeSummary, findDuplicates } from '../../store/duplicates/run.ts';
import { findDuplicatesIncremental } from '../../store/duplicates/incremental.ts';
import { asUser, withUserOption } from '../actor.ts';
import { withStoreOptions } from '../options.ts';
import { fmt } from '../../importer/progress.ts';

type DuplicatesOptions = { dataDir?: string; user: string; settings?: string; progress?: boolean; incremental?: boolean };

export function register(program: Command): void {
  withStoreOptions(
    withUserOption(
      program
        .command('duplicates')
        .alias('dedupe')
        .description('find people registered more than once (review queue, automatic links above the upper threshold)'),
    ),
  )
    .option('--settings <file>', 'JSON linkage settings (thresholds, blocking passes; see docs/benchmarks.md)')
    .option('--no-progress', 'no progress bar on stderr')
    .option('--incremental', 'compare only the persons registered or changed since the last run, against everyone, with its model')
    .action(async (opts: DuplicatesOptions) => {
      await asUser('duplicates', opts, async (store, actor) => {
        const settings = opts.settings ? JSON.parse(fs.readFileSync(opts.settings, 'utf8')) : {};
        const show = opts.progress !== false && process.stderr.isTTY === true;
        const bar = new cliProgress.SingleBar(
          {
            stream: process.stderr,
            format: '{stage} [{bar}] {percentage}% {value}/{total} | ETA {eta_formatted}',
            hideCursor: true,
            fps: 5,
          },
          cliProgress.Presets.shades_classic,
        );
        let stage = '';
        const run = (o: Parameters<typeof findDuplicates>[2]): Promise<DedupeSummary & { changed?: number }> =>
          opts.incremental ? findDuplicatesIncremental(store.pool, actor, o) : findDuplicates(store.pool, actor, o);
        const s = await run({
          settings,
          onProgress: (st, done, total) => {
            if (!show) return;
            if (st !== stage) {
              if (stage) bar.stop();
              stage = st;
              bar.start(Math.max(1, total), 0, { stage: st.padEnd(7) });
            }
            bar.update(done);
          },
        }).finally(() => show && stage && bar.stop());
        const changed = s.changed !== undefined && s.changed >= 0 ? `${fmt(s.changed)} new or changed of ` : '';
        process.stdout.write(
          `Deduplicated ${changed}${fmt(s.persons)} persons in ${s.seconds.toFixed(1)} s: ${fmt(s.pairsCompared)} pairs compared, ` +
            `${fmt(s.candidates)} likely duplicates (${fmt(s.newCandidates)} new), ${fmt(s.autoLinked)} linked automatically, ` +
            `${fmt(s.forReview)} new for review, ${fmt(s.refusedMerges)} merges refused (conflicting evidence).\n` +
            `Review them with GET /api/v1/duplicates. Model ${s.modelId}.\n`,
        );
      });
    });
}
