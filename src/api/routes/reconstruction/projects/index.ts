// The routes of reconstruction projects (issue #16): projects, transactions, funds, the IATI file.
import type { RouteDef } from '../../../route.ts';
import create from './create.ts';
import funds from './funds.ts';
import fundsCsv from './fundsCsv.ts';
import get from './get.ts';
import iati from './iati.ts';
import list from './list.ts';
import transaction from './transaction.ts';
import update from './update.ts';

export const projectRoutes: RouteDef[] = [create, list, get, update, transaction, funds, fundsCsv, iati];
