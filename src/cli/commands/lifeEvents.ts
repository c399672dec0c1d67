// sanad life-events import-deaths FILE: a health ministry's death list, applied as a batch.
import path from 'node:path';
import type { Command } from 'commander';
import { fmt, progressBar } from '../../importer/progress.ts';
import { formatOf, openRows } from '../../importer/read.ts';
import { fileSha256 } from '../../importer/run.ts';
import { deathListColumns, deathListHeldReasons } from '../../shared/deathList.ts';
import { type DeathListSummary, importDeathList } from '../../store/lifeEvents/importDeathList.ts';
import { listHeldDeaths } from '../../store/lifeEvents/listHeldDeaths.ts';
import { wholeNumber } from '../numberOption.ts';
import { asUser, withUserOption } from '../actor.ts';
import { withStoreOptions } from '../options.ts';

type Opts = { dataDir?: string; user: string; format?: string; json?: boolean; progress?: boolean };

function printSummary(s: DeathListSummary): void {
  const out = process.stdout;
  out.write(`Death list ${s.importId}\n`);
  out.write(`  rows read:       ${fmt(s.rows)}\n`);
  out.write(`  applied:         ${fmt(s.applied)}  (death reports from the ministry list, confirmed; tasks and cases opened)\n`);
  out.write(`  already known:   ${fmt(s.alreadyKnown)}  (a ministry list brought them before: nothing added)\n`);
  out.write(`  held:            ${fmt(s.held)}\n`);
  for (const r of deathListHeldReasons) if (s.heldBy[r] > 0) out.write(`    ${r.padEnd(18)} ${fmt(s.heldBy[r])}\n`);
  for (const h of s.heldRows.slice(0, 50)) out.write(`  row ${h.rowNumber}: ${h.reason}\n`);
  if (s.heldRows.length > 50) out.write(`  … ${fmt(s.held - 50)} more held rows\n`);
  out.write(`  time:            ${s.seconds.toFixed(1)} s\n`);
}

export function register(program: Command): void {
  const life = program.command('life-events').description('life events reported in bulk');
  const cmd = life
    .command('import-deaths')
    .argument('<file>', `a .csv or .xlsx file with the header ${deathListColumns.join(',')} (list_reference optional)`)
    .description(
      "apply a health ministry's death list: each row is matched by national ID and checked against the name; " +
        'matched rows become confirmed death reports and their rules open tasks and child-protection cases; ' +
        'unmatched, ambiguous, name-mismatched, future-dated or malformed rows are held with a reason. ' +
        'The same list again adds nothing.',
    )
    .option('--format <format>', 'csv or xlsx (default: from the file name)')
    .option('--no-progress', 'no progress bar')
    .option('--json', 'print the summary as JSON');
  withStoreOptions(withUserOption(cmd)).action(async (file: string, opts: Opts) => {
    await asUser('life-events import-deaths', opts, async (store, actor) => {
      const source = await openRows(file, formatOf(file, opts.format));
      const bar = progressBar(source.totalBytes, 'rows', opts.progress !== false && process.stderr.isTTY === true);
      try {
        const summary = await importDeathList(store.pool, actor, {
          fileName: path.basename(file),
          sha256: await fileSha256(file),
          header: source.header,
          chunks: source.chunks,
          onProgress: (rows) => bar.update(source.bytesRead(), { rows: fmt(rows) }),
        });
        bar.stop();
        if (opts.json) process.stdout.write(`${JSON.stringify(summary)}\n`);
        else printSummary(summary);
      } finally {
        bar.stop();
        source.close();
      }
    });
  });
  withStoreOptions(
    withUserOption(life.command('held').description('rows of death lists held and not applied: list, row number and reason (no values)')),
  )
    .option('--import <id>', 'only this list (the id its import printed)')
    .option('--limit <n>', 'at most this many rows', wholeNumber(1, 1_000_000), 1000)
    .option('--json', 'as JSON')
    .action(async (opts: { dataDir?: string; user: string; import?: string; limit: number; json?: boolean }) => {
      await asUser('life-events held', opts, async (store, actor) => {
        const rows = await listHeldDeaths(store.pool, actor, { importId: opts.import, limit: opts.limit });
        if (opts.json) process.stdout.write(`${JSON.stringify(rows)}\n`);
        else if (rows.length === 0) process.stdout.write('No held rows.\n');
        else for (const r of rows) process.stdout.write(`${r.importId}  ${r.fileName} row ${r.rowNumber}: ${r.reason}\n`);
      });
    });
}
