// Every API route, one file each. A route listed here must also be in src/access/matrix.ts.
import recordLifeEvent from './lifeEvents/record.ts';
import listLifeEvents from './lifeEvents/list.ts';
import correctLifeEvent from './lifeEvents/correct.ts';
import withdrawLifeEvent from './lifeEvents/withdraw.ts';
import deathList from './lifeEvents/deathList.ts';
import listTasks from './tasks/list.ts';
import getTask from './tasks/get.ts';
import newHeadTask from './tasks/newHead.ts';
import dismissTask from './tasks/dismiss.ts';
import vulnerabilityTask from './tasks/vulnerability.ts';
import caseOpen from './cases/open.ts';
import caseMine from './cases/mine.ts';
import caseGet from './cases/get.ts';
import casePersonCases from './cases/personCases.ts';
import caseEntry from './cases/entry.ts';
import caseDecision from './cases/decision.ts';
import caseReopen from './cases/reopen.ts';
import caseAssign from './cases/assign.ts';
import caseShare from './cases/share.ts';
import caseAssignees from './cases/assignees.ts';
import ticketTake from './tickets/take.ts';
import ticketList from './tickets/list.ts';
import ticketGet from './tickets/get.ts';
import ticketStep from './tickets/step.ts';
import ticketReport from './tickets/report.ts';
import correctionPropose from './corrections/propose.ts';
import correctionsForTicket from './corrections/forTicket.ts';
import correctionQueue from './corrections/queue.ts';
import correctionDecide from './corrections/decide.ts';
import caseReport from './cases/report.ts';
import type { RouteDef } from '../route.ts';
import { fieldAssessmentRoutes } from './fieldAssessments/index.ts';
import { aidRoutes } from './aid/index.ts';
import { claimRoutes } from './reconstruction/claims/index.ts';
import { trancheRoutes } from './reconstruction/tranches/index.ts';
import { dashboardRoutes as reconDashboardRoutes } from './reconstruction/dashboard/index.ts';
import { duplicateRoutes } from './duplicates/index.ts';
import { siteRoutes } from './sites/index.ts';
import { referralRoutes } from './referrals/index.ts';
import auditLog from './audit/log.ts';
import auditVerify from './audit/verify.ts';
import auditEntry from './audit/entry.ts';
import enrol from './auth/enrol.ts';
import exportAggregates from './exports/aggregates.ts';
import exportPersons from './exports/persons.ts';
import login from './auth/login.ts';
import logout from './auth/logout.ts';
import me from './auth/me.ts';
import changePassword from './auth/password.ts';
import recoveryCodes from './auth/recoveryCodes.ts';
import secondFactor from './auth/secondFactor.ts';
import setup from './auth/setup.ts';
import addMember from './households/addMember.ts';
import createHousehold from './households/create.ts';
import displacement from './households/displacement.ts';
import getHousehold from './households/get.ts';
import changeHead from './households/head.ts';
import leave from './households/leave.ts';
import merge from './households/merge.ts';
import split from './households/split.ts';
import vulnerability from './households/vulnerability.ts';
import createPerson from './persons/create.ts';
import getPerson from './persons/get.ts';
import personHistory from './persons/history.ts';
import listPersons from './persons/list.ts';
import searchPersons from './persons/search.ts';
import statusEvent from './persons/statusEvent.ts';
import updatePerson from './persons/update.ts';
import governorates from './places/governorates.ts';
import createLocality from './places/localities.create.ts';
import listLocalities from './places/localities.list.ts';
import stats from './stats/governorates.ts';
import statsReach from './stats/reach.ts';
import createUser from './users/create.ts';
import listUsers from './users/list.ts';
import resetSecondFactor from './users/resetSecondFactor.ts';
import createToken from './users/token.ts';
import createRegistration from './registrations/create.ts';
import userAccess from './users/access.ts';
import { disableUser, enableUser } from './users/disabled.ts';
import getUser from './users/get.ts';
import listTokens from './users/listTokens.ts';
import revokeToken from './users/revokeToken.ts';
import temporaryPassword from './users/temporaryPassword.ts';
import householdHistory from './households/history.ts';
import vulnerabilityEnd from './households/vulnerabilityEnd.ts';
import personLinks from './persons/links.ts';
import householdAid from './aid/households.aid.ts';
import { projectRoutes } from './reconstruction/projects/index.ts';
import reconCreateBuilding from './reconstruction/createBuilding.ts';
import reconListBuildings from './reconstruction/listBuildings.ts';
import reconSummary from './reconstruction/summary.ts';
import reconGetBuilding from './reconstruction/getBuilding.ts';
import reconAddUnit from './reconstruction/addUnit.ts';
import reconOccupancyList from './reconstruction/occupancyList.ts';
import reconOccupancyRecord from './reconstruction/occupancyRecord.ts';
import reconDamageImport from './reconstruction/damageImport.ts';
import reconDamageImportList from './reconstruction/damageImportList.ts';
import reconDamageImportGet from './reconstruction/damageImportGet.ts';

export const allRoutes: RouteDef[] = [
  login,
  secondFactor,
  enrol,
  logout,
  me,
  recoveryCodes,
  changePassword,
  setup,
  governorates,
  listLocalities,
  createLocality,
  createPerson,
  listPersons,
  searchPersons,
  getPerson,
  updatePerson,
  personHistory,
  statusEvent,
  createHousehold,
  getHousehold,
  addMember,
  leave,
  changeHead,
  split,
  merge,
  displacement,
  vulnerability,
  stats,
  statsReach,
  exportPersons,
  exportAggregates,
  auditVerify,
  auditLog,
  auditEntry,
  createUser,
  listUsers,
  createToken,
  resetSecondFactor,
  getUser,
  userAccess,
  disableUser,
  enableUser,
  temporaryPassword,
  listTokens,
  revokeToken,
  ...siteRoutes,
  ...aidRoutes,
];
allRoutes.push(...duplicateRoutes);
allRoutes.push(createRegistration);
allRoutes.push(householdHistory, vulnerabilityEnd, personLinks, householdAid);
allRoutes.push(
  recordLifeEvent,
  listLifeEvents,
  correctLifeEvent,
  withdrawLifeEvent,
  listTasks,
  getTask,
  newHeadTask,
  dismissTask,
  vulnerabilityTask,
);
allRoutes.push(caseOpen, caseMine, caseGet, casePersonCases, caseEntry, caseDecision, caseReopen, caseAssign, caseShare, caseAssignees);
allRoutes.push(ticketTake, ticketList, ticketGet, ticketStep);
allRoutes.push(ticketReport);
allRoutes.push(...referralRoutes);
allRoutes.push(correctionPropose, correctionsForTicket, correctionQueue, correctionDecide);
allRoutes.push(caseReport);
allRoutes.push(...projectRoutes);
allRoutes.push(deathList);
allRoutes.push(...fieldAssessmentRoutes);
// Reconstruction (#16): buildings, housing units, occupancy, remote damage imports
allRoutes.push(
  reconCreateBuilding,
  reconListBuildings,
  reconSummary,
  reconGetBuilding,
  reconAddUnit,
  reconOccupancyList,
  reconOccupancyRecord,
  reconDamageImport,
  reconDamageImportList,
  reconDamageImportGet,
);
allRoutes.push(...claimRoutes);
allRoutes.push(...trancheRoutes);
allRoutes.push(...reconDashboardRoutes);
