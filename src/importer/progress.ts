// A progress bar on stderr (only when stderr is a terminal), shared by import, export and seed.
import cliProgress from 'cli-progress';

export type Progress = { update: (value: number, payload?: Record<string, unknown>) => void; stop: () => void };

export function progressBar(total: number, unit: string, enabled = process.stderr.isTTY === true): Progress {
  if (!enabled) return { update: () => undefined, stop: () => undefined };
  const bar = new cliProgress.SingleBar(
    {
      stream: process.stderr,
      format: `{bar} {percentage}% | {rows} ${unit} | {duration_formatted} elapsed | ETA {eta_formatted}`,
      hideCursor: true,
      etaBuffer: 50,
      fps: 5,
    },
    cliProgress.Presets.shades_classic,
  );
  bar.start(Math.max(total, 1), 0, { rows: 0 });
  return {
    update: (value, payload) => bar.update(Math.min(value, total), payload),
    stop: () => bar.stop(),
  };
}

export const fmt = (n: number): string => n.toLocaleString('en-US');
