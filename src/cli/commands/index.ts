// Every command of `sanad`, one file each. Add yours with one import and one entry.
import type { Command } from 'commander';

export type Register = (program: Command) => void;

export const commands: Register[] = [];
