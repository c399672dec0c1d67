// sanad reconstruction export-iati: reconstruction projects as IATI 2.03 activities, streamed.
import type { Command } from 'commander';
import { exportIati } from '../../export/iati.ts';
import { fmt, progressBar } from '../../importer/progress.ts';
import { asUser, withUserOption } from '../actor.ts';
import { withStoreOptions } from '../options.ts';

/** The `reconstruction` command, shared with the other reconstruction subcommands (made once). */
export function reconstructionCommand(program: Command): Command {
  return (
    program.commands.find((c) => c.name() === 'reconstruction') ??
    program.command('reconstruction').description('reconstruction: damage, claims, projects and their IATI publication')
  );
}

export function register(program: Command): void {
  withStoreOptions(
    withUserOption(
      reconstructionCommand(program)
        .command('export-iati')
        .description(
          'the reconstruction projects you see as IATI 2.03 activities (iati-activities XML, public: no person or household in it)',
        ),
    ),
  )
    .requiredOption('--output <file>', "the file to write ('-' for stdout)")
    .option('--organisation <ref>', 'only the projects this organisation reports (its IATI organisation identifier)')
    .option('--no-progress', 'no progress bar')
    .action(async (opts: { dataDir?: string; user: string; output: string; organisation?: string; progress?: boolean }) => {
      await asUser('reconstruction export-iati', opts, async (store, actor) => {
        const toStdout = opts.output === '-';
        let bar: ReturnType<typeof progressBar> | undefined;
        const s = await exportIati(store.pool, actor, {
          output: toStdout ? process.stdout : opts.output,
          organisation: opts.organisation,
          onProgress: (p) => {
            bar ??= progressBar(p.total, 'activities', opts.progress !== false && process.stderr.isTTY === true);
            bar.update(p.activities, { activities: fmt(p.activities) });
          },
        }).finally(() => bar?.stop());
        const msg = `Exported ${fmt(s.activities)} IATI activities${toStdout ? '' : ` to ${opts.output}`} in ${s.seconds.toFixed(1)} s.\n`;
        (toStdout ? process.stderr : process.stdout).write(msg);
      });
    });
}
