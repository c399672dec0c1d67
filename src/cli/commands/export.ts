// sanad export persons|aggregates: CSV streamed in constant memory; aggregates with HXL tags.
import type { Command } from 'commander';
import { asUser, withUserOption } from '../actor.ts';
import { withStoreOptions } from '../options.ts';
import { exportPersons } from '../../export/persons.ts';
import { exportAggregates } from '../../export/aggregates.ts';
import { fmt, progressBar } from '../../importer/progress.ts';

export function register(program: Command): void {
  const exp = program.command('export').description('export persons (CSV) or aggregates (CSV, HXL) of your organisation and governorates');
  withStoreOptions(
    withUserOption(
      exp
        .command('persons')
        .description('all persons in your scope, one row each, with the import columns (personal data: keep the file safe)'),
    ),
  )
    .requiredOption('--output <file>', "the CSV file to write ('-' for stdout)")
    .option('--no-progress', 'no progress bar')
    .action(async (opts: { dataDir?: string; user: string; output: string; progress?: boolean }) => {
      await asUser(opts, async (store, actor) => {
        const toStdout = opts.output === '-';
        let bar: ReturnType<typeof progressBar> | undefined;
        const s = await exportPersons(store.pool, actor, {
          output: toStdout ? process.stdout : opts.output,
          onProgress: (p) => {
            bar ??= progressBar(p.total, 'rows', opts.progress !== false && process.stderr.isTTY === true);
            bar.update(p.rows, { rows: fmt(p.rows) });
          },
        }).finally(() => bar?.stop());
        const msg = `Exported ${fmt(s.rows)} persons${toStdout ? '' : ` to ${opts.output}`} in ${s.seconds.toFixed(1)} s.\n`;
        (toStdout ? process.stderr : process.stdout).write(msg);
      });
    });
  withStoreOptions(withUserOption(exp.command('aggregates').description('people by governorate, sex and age group (counts only)')))
    .option('--output <file>', "the CSV file to write ('-' or none for stdout)", '-')
    .option('--hxl', 'add the HXL hashtag row under the header')
    .action(async (opts: { dataDir?: string; user: string; output: string; hxl?: boolean }) => {
      await asUser(opts, async (store, actor) => {
        const toStdout = opts.output === '-';
        const s = await exportAggregates(store.pool, actor, { output: toStdout ? process.stdout : opts.output, hxl: opts.hxl === true });
        if (!toStdout) process.stdout.write(`Wrote ${s.rows} governorates to ${opts.output}.\n`);
      });
    });
}
