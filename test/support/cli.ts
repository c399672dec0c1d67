// Runs the `sanad` command as a child process on a test database (the CLI tests).
import { spawn } from 'node:child_process';

export type CliResult = { code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string };

/** Starts `sanad args` with DATABASE_URL set; `done` settles when its output is closed, `kill` sends SIGKILL. */
export function startSanad(
  args: string[],
  databaseUrl: string,
  env: NodeJS.ProcessEnv = {},
): { done: Promise<CliResult>; kill: () => void } {
  const child = spawn(process.execPath, ['bin/sanad.js', ...args], {
    env: { ...process.env, DATABASE_URL: databaseUrl, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => (stderr += d));
  return {
    done: new Promise((resolve) => child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }))),
    kill: () => child.kill('SIGKILL'),
  };
}

/** Runs `sanad args` to the end. */
export function sanad(args: string[], databaseUrl: string, env: NodeJS.ProcessEnv = {}): Promise<CliResult> {
  return startSanad(args, databaseUrl, env).done;
}

/** The same, with the output as `out` and `err`. */
export async function sanadOut(
  args: string[],
  databaseUrl: string,
  env: NodeJS.ProcessEnv = {},
): Promise<{ code: number | null; out: string; err: string }> {
  const r = await sanad(args, databaseUrl, env);
  return { code: r.code, out: r.stdout, err: r.stderr };
}
