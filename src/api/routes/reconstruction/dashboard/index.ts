// The routes of the reconstruction dashboard (#16): the figures as JSON and as an HXL-tagged CSV.
import type { RouteDef } from '../../../route.ts';
import csv from './csv.ts';
import get from './get.ts';

export const dashboardRoutes: RouteDef[] = [get, csv];
