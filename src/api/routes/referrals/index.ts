// The service directory and referrals between organisations (src/referrals, src/store/referrals).
import type { RouteDef } from '../../route.ts';
import answer from './answer.ts';
import consent from './consent.ts';
import get from './get.ts';
import { referralsIn, referralsOut } from './list.ts';
import report from './report.ts';
import send from './send.ts';
import createService from './services.create.ts';
import listServices from './services.list.ts';
import updateService from './services.update.ts';

export const referralRoutes: RouteDef[] = [
  listServices,
  createService,
  updateService,
  consent,
  send,
  referralsIn,
  referralsOut,
  get,
  answer,
  report,
];
