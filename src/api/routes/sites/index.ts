// Sites routes (shelters and Sphere capacity).
import type { RouteDef } from '../../route.ts';
import capacity from './capacity.ts';
import create from './create.ts';
import get from './get.ts';
import list from './list.ts';
import residents from './residents.ts';
import update from './update.ts';

export const siteRoutes: RouteDef[] = [create, list, capacity, get, update, residents];
