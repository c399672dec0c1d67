// sanad cases export | sanad tickets export: the caseload as aggregates (CSV with a byte order mark,
// or XLSX; HXL hashtag row), small cells withheld: src/export/caseload.ts.
import { type Command, Option } from 'commander';
import { type Caseload, exportCaseload } from '../../export/caseload.ts';
import type { ExportFormat } from '../../export/table.ts';
import { progressBar } from '../../importer/progress.ts';
import { asUser, withUserOption } from '../actor.ts';
import { withStoreOptions } from '../options.ts';

type Opts = { dataDir?: string; user: string; output: string; format: ExportFormat; hxl?: boolean; progress?: boolean };

const WHAT: Record<Caseload, string> = {
  cases: 'cases by type, stage and governorate',
  tickets: 'complaints and feedback by category, channel and governorate',
};

function exportCommand(program: Command, what: Caseload): void {
  const group = program.command(what).description(`${what === 'cases' ? 'case management' : 'complaints and feedback'}: aggregates`);
  withStoreOptions(
    withUserOption(
      group
        .command('export')
        .description(
          `${WHAT[what]}: total, open, overdue, closed on time and late, median days to close (counts only; fewer than 5 written "<5")`,
        ),
    ),
  )
    .option('--output <file>', "the file to write ('-' or none for stdout)", '-')
    .addOption(new Option('--format <format>', 'csv or xlsx').choices(['csv', 'xlsx']).default('csv'))
    .option('--no-hxl', 'without the HXL hashtag row under the header')
    .option('--no-progress', 'no progress bar')
    .action(async (opts: Opts) => {
      await asUser(`${what} export`, opts, async (store, actor) => {
        const toStdout = opts.output === '-';
        let bar: ReturnType<typeof progressBar> | undefined;
        const s = await exportCaseload(store.pool, actor, what, {
          output: toStdout ? process.stdout : opts.output,
          format: opts.format,
          hxl: opts.hxl !== false,
          onProgress: (done, total) => {
            bar ??= progressBar(total, 'tables', opts.progress !== false && process.stderr.isTTY === true);
            bar.update(done);
          },
        }).finally(() => bar?.stop());
        const msg = `Wrote ${s.rows} rows of ${what}${toStdout ? '' : ` to ${opts.output}`}.\n`;
        (toStdout ? process.stderr : process.stdout).write(msg);
      });
    });
}

export function register(program: Command): void {
  exportCommand(program, 'cases');
  exportCommand(program, 'tickets');
}
