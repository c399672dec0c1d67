// Every command of `sanad`, one file each. Add yours with one import and one entry.
import type { Command } from 'commander';
import { register as aid } from './aid.ts';
import { register as audit } from './audit.ts';
import { register as backup } from './backup.ts';
import { register as cards } from './cards.ts';
import { register as caseload } from './caseload.ts';
import { register as duplicates } from './duplicates.ts';
import { register as exportCmd } from './export.ts';
import { register as importCmd } from './import.ts';
import { register as link } from './link.ts';
import { register as lifeEvents } from './lifeEvents.ts';
import { register as migrate } from './migrate.ts';
import { register as reconstruction } from './reconstruction.ts';
import { register as seed } from './seed.ts';
import { register as serve } from './serve.ts';
import { register as user } from './user.ts';
import { register as reconstructionProjects } from './reconstructionProjects.ts';

export type Register = (program: Command) => void;

export const commands: Register[] = [serve, user, audit, importCmd, exportCmd, seed, link, aid];
commands.push(duplicates);
commands.push(backup);
commands.push(cards);
commands.push(migrate);
commands.push(caseload);
commands.push(reconstructionProjects);
commands.push(lifeEvents);
commands.push(reconstruction);
