// Identity resolution in the registry: check a registration as it is typed, the review queue, decisions.
import type { RouteDef } from '../../route.ts';
import check from './check.ts';
import decision from './decision.ts';
import get from './get.ts';
import list from './list.ts';
import undo from './undo.ts';

export const duplicateRoutes: RouteDef[] = [check, list, get, decision, undo];
