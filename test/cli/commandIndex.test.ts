// The command index loads only the files of the command a run was given: each file's names must be
// exactly the top-level commands it registers, so that no command goes missing when loaded alone.
import { Command } from 'commander';
import { expect, test } from 'vitest';
import { commandFiles, filesFor, registerCommands } from '../../src/cli/commands/index.ts';

const topLevel = (p: Command) => p.commands.map((c) => c.name()).sort();

test("each file's names are the top-level commands it registers", async () => {
  for (const f of commandFiles) {
    const p = new Command('sanad');
    (await f.load()).register(p);
    expect(topLevel(p), f.names.join(',')).toEqual([...f.names].sort());
  }
});

test('a run of one command registers that command whole: the same subcommands and options as with every file', async () => {
  const all = new Command('sanad');
  await registerCommands(all, undefined);
  const names = [...new Set(commandFiles.flatMap((f) => f.names))];
  expect(topLevel(all)).toEqual([...names].sort());
  const shape = (c: Command): unknown => ({
    name: c.name(),
    options: c.options.map((o) => o.flags),
    sub: c.commands.map(shape),
  });
  for (const name of names) {
    const alone = new Command('sanad');
    await registerCommands(alone, name);
    expect(topLevel(alone), name).toContain(name);
    expect(topLevel(alone).length, name).toBeLessThanOrEqual(2);
    expect(shape(alone.commands.find((c) => c.name() === name)!), name).toEqual(shape(all.commands.find((c) => c.name() === name)!));
  }
});

test('help, no command and an unknown one load every file', () => {
  for (const name of [undefined, '--help', 'help', 'no-such-command']) expect(filesFor(name)).toBe(commandFiles);
  expect(filesFor('reconstruction')).toHaveLength(2);
  expect(filesFor('user').map((f) => f.names)).toEqual([['user']]);
});
