// `sanad link`: identity resolution on CSV files. One input: deduplicate it. Two inputs: link them
// (and deduplicate within each, unless the settings make the link one-to-one).
import fs from 'node:fs';
import type { Command } from 'commander';
import cliProgress from 'cli-progress';
import { linkDataset } from '../../linkage/engine.ts';
import { parallelCompare } from '../../linkage/threads.io.ts';
import { loadInputs, writeClusters, writePairs } from '../../linkage/files.io.ts';
import { resolveSettings } from '../../linkage/settings.ts';

interface LinkOptions {
  input: string[];
  output: string;
  pairs?: string;
  allPairs?: boolean;
  settings?: string;
  progress: boolean;
}

export function register(program: Command): void {
  program
    .command('link')
    .description('deduplicate one CSV file of person records, or link two (identity resolution)')
    .requiredOption('--input <file>', 'input CSV (give twice to link two files)', (v: string, prev: string[] = []) => [...prev, v])
    .requiredOption('--output <file>', 'clusters CSV to write: record_id,cluster_id (every input record once)')
    .option('--pairs <file>', 'also write the scored pairs (linked and for review) with per-field weights')
    .option('--all-pairs', 'with --pairs: write every compared pair, not only linked and review pairs')
    .option('--settings <file>', 'JSON settings: column names, extra fields, blocking passes, thresholds')
    .option('--no-progress', 'no progress bar on stderr')
    .addHelpText(
      'after',
      `
Input columns (all optional): record_id, given_name, father_name, grandfather_name, family_name,
full_name (any script), full_name_en, sex, date_of_birth (YYYY-MM-DD, YYYY-MM or YYYY), age,
national_id, phone, governorate, household_id. Other column names and extra fields through --settings
(see linkage-settings/*.json and docs/benchmarks.md).`,
    )
    .action(async (opts: LinkOptions) => {
      if (opts.input.length > 2) throw new Error('link takes one or two --input files');
      const settings = resolveSettings(opts.settings ? JSON.parse(fs.readFileSync(opts.settings, 'utf8')) : {});
      const show = opts.progress && process.stderr.isTTY !== false;
      const bar = new cliProgress.SingleBar(
        {
          stream: process.stderr,
          format: '{stage} [{bar}] {percentage}% {value}/{total}',
          hideCursor: true,
          noTTYOutput: !process.stderr.isTTY,
          notTTYSchedule: 5000,
        },
        cliProgress.Presets.shades_classic,
      );
      const t0 = Date.now();
      const total = opts.input.reduce((s, f) => s + fs.statSync(f).size, 0);
      if (show) bar.start(total, 0, { stage: 'read' });
      const ds = await loadInputs(opts.input, settings, (_rows, bytes) => show && bar.update(bytes));
      if (show) bar.update(total);
      let stage = '';
      const result = linkDataset(ds, opts.input.length, settings, {
        compare: parallelCompare(), // both cores for large jobs
        progress: (s, done, tot) => {
          if (!show) return;
          if (s !== stage) {
            stage = s;
            bar.setTotal(tot);
          }
          bar.update(done, { stage: s });
        },
      });
      if (show) bar.stop();
      await writeClusters(opts.output, result, opts.input.length);
      if (opts.pairs) await writePairs(opts.pairs, result, opts.input.length, opts.allPairs ?? false);
      const st = result.stats;
      process.stderr.write(
        `link: ${st.records} records, ${st.candidatePairs} pairs compared, ${st.clusters} clusters, ` +
          `${st.linkedPairs} pairs linked, ${st.reviewPairs} for review, ${st.refusedMerges} merges refused, ${((Date.now() - t0) / 1000).toFixed(1)} s\n`,
      );
    });
}
