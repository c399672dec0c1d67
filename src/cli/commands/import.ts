// sanad import persons|households FILE, and sanad import quarantine list|export|retry.
import type { Command } from 'commander';
import { asUser, withUserOption } from '../actor.ts';
import { withStoreOptions } from '../options.ts';
import { importFiles, type ImportSummary } from '../../importer/run.ts';
import { exportQuarantine, listQuarantine, retryQuarantine } from '../../importer/quarantine.ts';
import { fmt, progressBar } from '../../importer/progress.ts';
import type { Kind } from '../../importer/load.ts';
import { wholeNumber } from '../numberOption.ts';
import { reasonText } from '../../shared/reasons.ts';

type ImportOpts = {
  dataDir?: string;
  user: string;
  workers?: number;
  format?: string;
  mapping?: string;
  report?: string;
  batchSize?: number;
  delimiter?: string;
  json?: boolean;
  progress?: boolean;
};

function printSummary(s: ImportSummary): void {
  const out = process.stdout;
  if (s.alreadyImported) out.write(`This file was already imported (import ${s.importId}): nothing changed.\n`);
  else if (s.resumedFrom > 0) out.write(`Resumed import ${s.importId} after row ${fmt(s.resumedFrom + 1)}.\n`);
  out.write(`Import ${s.importId} (${s.kind}, sha256 ${s.fileSha256.slice(0, 16)}…)\n`);
  out.write(`  rows read:          ${fmt(s.rows)}\n`);
  if (s.kind === 'persons') {
    out.write(`  loaded:             ${fmt(s.loaded)}\n`);
  } else {
    out.write(`  members added:      ${fmt(s.loaded)}\n`);
    out.write(`  persons created:    ${fmt(s.personsCreated)}\n`);
    out.write(`  households created: ${fmt(s.householdsCreated)}\n`);
  }
  out.write(`  already present:    ${fmt(s.unchanged)}\n`);
  out.write(
    `  rejected:           ${fmt(s.rejected)}${s.rejected > 0 ? `  (report: ${s.reportPath}; fix with: sanad import quarantine export)` : ''}\n`,
  );
  out.write(`  unverified IDs:     ${fmt(s.unverifiedIds)}  (national ID check digit failed: kept, flagged)\n`);
  if (s.ignoredColumns.length > 0) out.write(`  ignored columns:    ${s.ignoredColumns.join(', ')}\n`);
  if (!s.alreadyImported) {
    const rows = s.rows - s.resumedFrom;
    out.write(`  time:               ${s.seconds.toFixed(1)} s (${fmt(Math.round(rows / Math.max(s.seconds, 0.001)))} rows/s)\n`);
  }
}

function importCommand(parent: Command, kind: Kind, description: string): void {
  const cmd = parent
    .command(kind)
    .argument('<files...>', 'one or more .csv or .xlsx files (first worksheet) with a header row, imported in turn as one load')
    .description(description)
    .option('--format <format>', 'csv or xlsx (default: from the file name)')
    .option('--mapping <file>', 'JSON file mapping the file\'s column names to Sanad\'s: {"column in file": "sanad column"}')
    .option('--report <path>', 'where to write the rejection report of a single file (default: beside each file, NAME.rejections.csv)')
    .option('--delimiter <char>', 'CSV delimiter (default: comma; tab for .tsv)')
    .option('--batch-size <n>', 'rows per committed batch', wholeNumber(1, 1_000_000), 10_000)
    .option('--workers <n>', 'validation worker threads (0: none; default: by file size and cores)', wholeNumber(0, 16))
    .option('--no-progress', 'no progress bar')
    .option('--json', 'print the summary as JSON (one line a file)');
  withStoreOptions(withUserOption(cmd)).action(async (files: string[], opts: ImportOpts) => {
    if (files.length > 1 && opts.report)
      throw new Error('--report names the report of a single file: leave it out to write each beside its file');
    await asUser(`import ${kind}`, opts, async (store, actor) => {
      let bar: ReturnType<typeof progressBar> | undefined;
      // As the database's owner where this process has it (the embedded server; DATABASE_OWNER_URL):
      // a superuser owner may check the batches' references set-based (decision 0032) and build
      // person's search indexes after a large load (decision 0037); the application role, which the
      // web server uses, never may.
      const owner = store.ownerPool?.();
      const each = (file: string) => ({
        kind,
        file,
        format: opts.format,
        mappingFile: opts.mapping,
        reportPath: opts.report,
        delimiter: opts.delimiter,
        batchSize: opts.batchSize,
        workers: opts.workers,
        onProgress: (p: { bytesRead: number; totalBytes: number; rows: number }) => {
          bar ??= progressBar(p.totalBytes, 'rows', opts.progress !== false && process.stderr.isTTY === true);
          bar.update(p.bytesRead, { rows: fmt(p.rows) });
        },
      });
      await importFiles(owner ?? store.pool, actor, files.map(each), (summary, i) => {
        bar?.stop();
        bar = undefined;
        if (opts.json) process.stdout.write(`${JSON.stringify(summary)}\n`);
        else {
          if (files.length > 1) process.stdout.write(`${i > 0 ? '\n' : ''}file ${i + 1} of ${files.length}:\n`);
          printSummary(summary);
        }
      }).finally(async () => {
        bar?.stop();
        await owner?.end();
      });
    });
  });
}

export function register(program: Command): void {
  const imp = program.command('import').description('import persons or households from CSV or XLSX files; fix rejected rows');
  importCommand(
    imp,
    'persons',
    'import persons: one row per person. A row whose record_id is already in your organisation is left unchanged. ' +
      'Rows without record_id get one from the file digest and row number: the same file again changes nothing, ' +
      'but an edited copy of it would create them again, so give record_id where you can.',
  );
  importCommand(
    imp,
    'households',
    'import households: one row per person with household_id and relationship; a person whose record_id exists is used as is, otherwise created from the row',
  );

  const q = imp.command('quarantine').description('rows an import rejected: list them, export them to fix, retry them');
  withStoreOptions(withUserOption(q.command('list').description('row numbers and problems of unresolved rows (no values)')))
    .option('--import <id>', 'only this import')
    .option('--limit <n>', 'at most this many rows', wholeNumber(1, 1_000_000), 1000)
    .option('--json', 'as JSON')
    .action(async (opts: { dataDir?: string; user: string; import?: string; limit: number; json?: boolean }) => {
      await asUser('import quarantine list', opts, async (store, actor) => {
        const rows = await listQuarantine(store.pool, actor, { importId: opts.import, limit: opts.limit });
        if (opts.json) process.stdout.write(`${JSON.stringify(rows)}\n`);
        else {
          if (rows.length === 0) process.stdout.write('No rows in quarantine.\n');
          for (const r of rows)
            process.stdout.write(
              `${r.quarantineId}  ${r.fileName} row ${r.rowNumber}: ${r.errors.map((e) => `${e.field} ${reasonText(e.reason, e.params)}`).join('; ')}\n`,
            );
        }
      });
    });
  withStoreOptions(
    withUserOption(
      q.command('export').description('write unresolved rows with their problems to a CSV to fix (contains personal data: keep it safe)'),
    ),
  )
    .requiredOption('--output <file>', 'the CSV to write')
    .option('--import <id>', 'only this import')
    .action(async (opts: { dataDir?: string; user: string; import?: string; output: string }) => {
      await asUser('import quarantine export', opts, async (store, actor) => {
        const n = await exportQuarantine(store.pool, actor, { output: opts.output, importId: opts.import });
        process.stdout.write(
          `Wrote ${fmt(n)} rows to ${opts.output}. Fix them there, then: sanad import quarantine retry ${opts.output}\n`,
        );
      });
    });
  withStoreOptions(
    withUserOption(q.command('retry').description('validate and load quarantined rows again: from the fixed CSV, or as stored')),
  )
    .argument('[file]', 'the fixed file from `quarantine export` (it keeps the quarantine_id column)')
    .option('--import <id>', 'only rows of this import')
    .option('--format <format>', 'csv or xlsx (default: from the file name)')
    .option('--json', 'print the summary as JSON')
    .action(
      async (file: string | undefined, opts: { dataDir?: string; user: string; import?: string; format?: string; json?: boolean }) => {
        await asUser('import quarantine retry', opts, async (store, actor) => {
          const s = await retryQuarantine(store.pool, actor, { file, format: opts.format, importId: opts.import });
          if (opts.json) process.stdout.write(`${JSON.stringify(s)}\n`);
          else {
            process.stdout.write(
              `Retried ${fmt(s.retried)} rows: ${fmt(s.loaded)} loaded, ${fmt(s.unchanged)} already present, ${fmt(s.stillRejected)} still rejected, ${fmt(s.unverifiedIds)} unverified IDs.\n`,
            );
            if (s.unknown > 0) process.stdout.write(`${fmt(s.unknown)} rows named no unresolved quarantine row and were skipped.\n`);
          }
        });
      },
    );
}
