// sanad export persons|aggregates|links: CSV (byte order mark) or XLSX streamed in constant memory; aggregates with HXL tags.
import { type Command, Option } from 'commander';
import { asUser, withUserOption } from '../actor.ts';
import { withStoreOptions } from '../options.ts';
import { exportPersons } from '../../export/persons.ts';
import { exportAggregates } from '../../export/aggregates.ts';
import { exportLinks } from '../../export/links.ts';
import { fmt, progressBar } from '../../importer/progress.ts';
import type { ExportFormat } from '../../export/table.ts';

/** CSV (UTF-8 with a byte order mark, for Excel) or XLSX; formula-looking cells start with an apostrophe in both. */
const formatOption = () => new Option('--format <format>', 'csv or xlsx').choices(['csv', 'xlsx']).default('csv');

export function register(program: Command): void {
  const exp = program
    .command('export')
    .description('export persons or aggregates (HXL) of your organisation and governorates, as CSV or XLSX');
  withStoreOptions(
    withUserOption(
      exp
        .command('persons')
        .description('all persons in your scope, one row each, with the import columns (personal data: keep the file safe)'),
    ),
  )
    .requiredOption('--output <file>', "the file to write ('-' for stdout)")
    .addOption(formatOption())
    .option('--governorate <pcode>', 'only this one of your governorates')
    .option('--no-progress', 'no progress bar')
    .action(
      async (opts: { dataDir?: string; user: string; output: string; format: ExportFormat; governorate?: string; progress?: boolean }) => {
        await asUser('export persons', opts, async (store, actor) => {
          const toStdout = opts.output === '-';
          let bar: ReturnType<typeof progressBar> | undefined;
          const s = await exportPersons(store.pool, actor, {
            output: toStdout ? process.stdout : opts.output,
            format: opts.format,
            governorate: opts.governorate,
            onProgress: (p) => {
              bar ??= progressBar(p.total, 'rows', opts.progress !== false && process.stderr.isTTY === true);
              bar.update(p.rows, { rows: fmt(p.rows) });
            },
          }).finally(() => bar?.stop());
          const msg = `Exported ${fmt(s.rows)} persons${toStdout ? '' : ` to ${opts.output}`} in ${s.seconds.toFixed(1)} s.\n`;
          (toStdout ? process.stderr : process.stdout).write(msg);
        });
      },
    );
  withStoreOptions(withUserOption(exp.command('aggregates').description('people by governorate, sex and age group (counts only)')))
    .option('--output <file>', "the file to write ('-' or none for stdout)", '-')
    .addOption(formatOption())
    .option('--governorate <pcode>', 'only this one of your governorates')
    .option('--hxl', 'add the HXL hashtag row under the header')
    .action(async (opts: { dataDir?: string; user: string; output: string; format: ExportFormat; governorate?: string; hxl?: boolean }) => {
      await asUser('export aggregates', opts, async (store, actor) => {
        const toStdout = opts.output === '-';
        const s = await exportAggregates(store.pool, actor, {
          output: toStdout ? process.stdout : opts.output,
          hxl: opts.hxl === true,
          format: opts.format,
          governorate: opts.governorate,
        });
        if (!toStdout) process.stdout.write(`Wrote ${s.rows} governorates to ${opts.output}.\n`);
      });
    });
  withStoreOptions(
    withUserOption(
      exp
        .command('links')
        .description(
          "the registry's identities: record_id,cluster_id,sanad_id for every linked person in your scope (score `sanad duplicates` like `sanad link`)",
        ),
    ),
  )
    .requiredOption('--output <file>', "the file to write ('-' for stdout)")
    .action(async (opts: { dataDir?: string; user: string; output: string }) => {
      await asUser('export links', opts, async (store, actor) => {
        const toStdout = opts.output === '-';
        const s = await exportLinks(store.pool, actor, { output: toStdout ? process.stdout : opts.output });
        const msg = `Exported ${fmt(s.rows)} linked persons in ${fmt(s.identities)} identities${toStdout ? '' : ` to ${opts.output}`} in ${s.seconds.toFixed(1)} s.\n`;
        (toStdout ? process.stderr : process.stdout).write(msg);
      });
    });
}
