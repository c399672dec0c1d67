// The application shell: header, navigation for what the role may do, banners, the screen.
import { lazy, type ReactNode, Suspense, useEffect, useState } from 'react';
import { can, type Capability } from './access.ts';
import { Alert, Loading, Screen } from './components/ui.tsx';
import { useI18n, type MessageKey } from './i18n/index.tsx';
import { Link, useRouter, type Route } from './router.tsx';
import { Account, lowCodesText, recoveryCodesLow } from './screens/Account.tsx';
import { EditPerson } from './screens/EditPerson.tsx';
import { HouseholdPage } from './screens/HouseholdPage.tsx';
import { Move } from './screens/Move.tsx';
import { PersonPage } from './screens/PersonPage.tsx';
import { Exports } from './screens/Exports.tsx';
import { Register } from './screens/Register.tsx';
import { forgetSearch, Search } from './screens/Search.tsx';
import { SignIn } from './screens/SignIn.tsx';
import { ChoosePassword } from './screens/admin/ChoosePassword.tsx';
import { SitePage, Sites } from './screens/Sites.tsx';
import { useSession } from './session.tsx';
import { useOnline } from './components/useOnline.ts';
import { forgetIdentities } from './distribution/db.ts';

const Dashboard = lazy(() => import('./screens/Dashboard.tsx'));
const Distribution = lazy(() => import('./screens/Distribution.tsx'));
const TranchePlan = lazy(() => import('./screens/reconstruction/TranchePlan.tsx').then((m) => ({ default: m.TranchePlan })));
const VendorSale = lazy(() => import('./screens/reconstruction/VendorSale.tsx').then((m) => ({ default: m.VendorSale })));
const ReconDashboard = lazy(() => import('./screens/reconstruction/ReconDashboard.tsx').then((m) => ({ default: m.ReconDashboard })));
const Plans = lazy(() => import('./screens/reconstruction/Plans.tsx').then((m) => ({ default: m.Plans })));
const ClaimRulesScreen = lazy(() => import('./screens/reconstruction/ClaimRules.tsx').then((m) => ({ default: m.ClaimRules })));
const CashReport = lazy(() => import('./screens/reconstruction/CashReport.tsx').then((m) => ({ default: m.CashReport })));
const MaterialsReconciliation = lazy(() =>
  import('./screens/reconstruction/MaterialsReconciliation.tsx').then((m) => ({ default: m.MaterialsReconciliation })),
);
const OutboxSync = lazy(() => import('./distribution/OutboxSync.tsx'));
const RegistrationSync = lazy(() => import('./registration/RegistrationSync.tsx'));
const DuplicateQueue = lazy(() => import('./screens/Duplicates.tsx').then((m) => ({ default: m.DuplicateQueue })));
const AuditLog = lazy(() => import('./screens/Audit.tsx').then((m) => ({ default: m.AuditLog })));
const AuditEntry = lazy(() => import('./screens/Audit.tsx').then((m) => ({ default: m.AuditEntry })));
const Users = lazy(() => import('./screens/admin/Users.tsx').then((m) => ({ default: m.Users })));
const UserPage = lazy(() => import('./screens/admin/UserPage.tsx').then((m) => ({ default: m.UserPage })));
const Tokens = lazy(() => import('./screens/admin/Tokens.tsx').then((m) => ({ default: m.Tokens })));
const Programmes = lazy(() => import('./screens/programmes/Programmes.tsx').then((m) => ({ default: m.Programmes })));
const ProgrammePage = lazy(() => import('./screens/programmes/ProgrammePage.tsx').then((m) => ({ default: m.ProgrammePage })));
const DuplicatePair = lazy(() => import('./screens/Duplicates.tsx').then((m) => ({ default: m.DuplicatePair })));
const Tasks = lazy(() => import('./screens/lifeEvents/Tasks.tsx').then((m) => ({ default: m.Tasks })));
const TaskPage = lazy(() => import('./screens/lifeEvents/Tasks.tsx').then((m) => ({ default: m.TaskPage })));
const MyCases = lazy(() => import('./screens/cases/MyCases.tsx').then((m) => ({ default: m.MyCases })));
const CasePage = lazy(() => import('./screens/cases/CasePage.tsx').then((m) => ({ default: m.CasePage })));
const Tickets = lazy(() => import('./screens/tickets/Tickets.tsx').then((m) => ({ default: m.Tickets })));
const TicketPage = lazy(() => import('./screens/tickets/TicketPage.tsx').then((m) => ({ default: m.TicketPage })));
const CorrectionQueue = lazy(() => import('./screens/tickets/CorrectionQueue.tsx').then((m) => ({ default: m.CorrectionQueue })));
const TicketReport = lazy(() => import('./screens/tickets/TicketReport.tsx').then((m) => ({ default: m.TicketReport })));
const Projects = lazy(() => import('./screens/reconstruction/projects/Projects.tsx').then((m) => ({ default: m.Projects })));
const ProjectPage = lazy(() => import('./screens/reconstruction/projects/ProjectPage.tsx').then((m) => ({ default: m.ProjectPage })));
const ProjectForm = lazy(() => import('./screens/reconstruction/projects/ProjectForm.tsx').then((m) => ({ default: m.ProjectForm })));
const CardsList = lazy(() => import('./screens/CardsList.tsx').then((m) => ({ default: m.CardsList })));
const Points = lazy(() => import('./screens/Points.tsx').then((m) => ({ default: m.Points })));
const PointPage = lazy(() => import('./screens/Points.tsx').then((m) => ({ default: m.PointPage })));
const CycleCards = lazy(() => import('./screens/CycleCards.tsx').then((m) => ({ default: m.CycleCards })));
const Conflicts = lazy(() => import('./screens/after/Conflicts.tsx').then((m) => ({ default: m.Conflicts })));
const Reconciliation = lazy(() => import('./screens/after/Reconciliation.tsx').then((m) => ({ default: m.Reconciliation })));
const Stock = lazy(() => import('./screens/after/Stock.tsx').then((m) => ({ default: m.Stock })));
const Reports = lazy(() => import('./screens/after/Reports.tsx').then((m) => ({ default: m.Reports })));
const Services = lazy(() => import('./screens/referrals/Services.tsx').then((m) => ({ default: m.Services })));
const Referrals = lazy(() => import('./screens/referrals/Referrals.tsx').then((m) => ({ default: m.Referrals })));
const ReferralPage = lazy(() => import('./screens/referrals/ReferralPage.tsx').then((m) => ({ default: m.ReferralPage })));
const DeathList = lazy(() => import('./screens/deathList/DeathList.tsx').then((m) => ({ default: m.DeathList })));
const FieldAssessment = lazy(() => import('./screens/reconstruction/FieldAssessment.tsx').then((m) => ({ default: m.FieldAssessment })));
const BuildingAssessmentsPage = lazy(() =>
  import('./screens/reconstruction/BuildingAssessmentsPage.tsx').then((m) => ({ default: m.BuildingAssessmentsPage })),
);
const FieldSync = lazy(() => import('./fieldAssessment/FieldSync.tsx'));
const Buildings = lazy(() => import('./screens/reconstruction/Buildings.tsx').then((m) => ({ default: m.Buildings })));
const BuildingPage = lazy(() => import('./screens/reconstruction/BuildingPage.tsx').then((m) => ({ default: m.BuildingPage })));
const DamageImport = lazy(() => import('./screens/reconstruction/DamageImport.tsx').then((m) => ({ default: m.DamageImport })));
const ClaimIntake = lazy(() => import('./screens/reconstruction/ClaimIntake.tsx').then((m) => ({ default: m.ClaimIntake })));
const ClaimCasePage = lazy(() => import('./screens/reconstruction/ClaimCase.tsx').then((m) => ({ default: m.ClaimCase })));
const DecidedClaims = lazy(() => import('./screens/reconstruction/DecidedClaims.tsx').then((m) => ({ default: m.DecidedClaims })));
const RankedClaims = lazy(() => import('./screens/reconstruction/RankedClaims.tsx').then((m) => ({ default: m.RankedClaims })));

const NAV: { route: Route; label: MessageKey; needs: Capability }[] = [
  { route: { name: 'search' }, label: 'nav.search', needs: 'search' },
  { route: { name: 'register' }, label: 'nav.register', needs: 'registerHousehold' },
  { route: { name: 'sites' }, label: 'nav.sites', needs: 'sites' },
  { route: { name: 'distribution' }, label: 'distribution.nav', needs: 'distribute' },
  { route: { name: 'review' }, label: 'review.nav', needs: 'reviewDuplicates' },
  { route: { name: 'dashboard' }, label: 'nav.dashboard', needs: 'dashboard' },
  { route: { name: 'audit' }, label: 'audit.nav', needs: 'auditLog' },
  { route: { name: 'exports' }, label: 'exports.nav', needs: 'exportAggregates' },
  { route: { name: 'users' }, label: 'admin.nav', needs: 'manageUsers' },
  { route: { name: 'programmes' }, label: 'prog.nav', needs: 'manageProgrammes' },
  { route: { name: 'cards' }, label: 'cards.nav', needs: 'listCards' },
  { route: { name: 'tasks' }, label: 'tasks.nav', needs: 'tasks' },
  { route: { name: 'cases' }, label: 'cases.nav', needs: 'myCases' },
  { route: { name: 'tickets' }, label: 'tickets.nav', needs: 'tickets' },
  { route: { name: 'points' }, label: 'point.nav', needs: 'managePoints' },
  { route: { name: 'ticketReport' }, label: 'tickets.report', needs: 'ticketReport' },
  { route: { name: 'stock' }, label: 'after.nav.stock', needs: 'readStock' },
  { route: { name: 'conflicts' }, label: 'after.nav.conflicts', needs: 'reviewConflicts' },
  { route: { name: 'reconciliation' }, label: 'after.nav.recon', needs: 'reconciliation' },
  { route: { name: 'reports' }, label: 'after.nav.reports', needs: 'aidReports' },
  { route: { name: 'referrals' }, label: 'ref.nav.referrals', needs: 'referrals' },
  { route: { name: 'services' }, label: 'ref.nav.services', needs: 'serviceDirectory' },
  { route: { name: 'corrections' }, label: 'corr.queue', needs: 'approveCorrections' },
  { route: { name: 'projects' }, label: 'projects.nav', needs: 'projects' },
  { route: { name: 'deathList' }, label: 'nav.deaths', needs: 'importDeaths' },
  { route: { name: 'fieldAssessment' }, label: 'nav.fieldAssessment', needs: 'fieldAssessment' },
  { route: { name: 'buildings' }, label: 'recon.nav.buildings', needs: 'buildings' },
  { route: { name: 'damageImport' }, label: 'recon.nav.import', needs: 'importDamage' },
  { route: { name: 'claimNew' }, label: 'claims.nav.intake', needs: 'fileClaim' },
  { route: { name: 'claimsRanked' }, label: 'claims.nav.ranked', needs: 'rankedClaims' },
  { route: { name: 'claimsQueue' }, label: 'claims.nav.queue', needs: 'decideClaimCase' },
  { route: { name: 'claimsDecided' }, label: 'decided.nav', needs: 'decidedClaims' },
  { route: { name: 'vendorSale' }, label: 'tranches.nav.sale', needs: 'sellMaterials' },
  { route: { name: 'materials' }, label: 'tranches.nav.materials', needs: 'materialsReconciliation' },
  { route: { name: 'plans' }, label: 'tranches.nav.plans', needs: 'readPlans' },
  { route: { name: 'claimRules' }, label: 'rules.nav', needs: 'claimRules' },
  { route: { name: 'reconDashboard' }, label: 'recdash.nav', needs: 'reconDashboard' },
  { route: { name: 'cashReport' }, label: 'cash.nav', needs: 'cashReport' },
];

export function App() {
  const { user } = useSession();
  return (
    <>
      <a className="skip" href="#main">
        {useI18n().t('app.skip')}
      </a>
      <Header />
      <Banners />
      <main id="main">{user ? user.me?.passwordTemporary ? <ChoosePassword /> : <Current /> : <SignIn />}</main>
      {user && can(user.role, 'distribute') && (
        <Suspense fallback={null}>
          <OutboxSync />
        </Suspense>
      )}
      {user && can(user.role, 'registerHousehold') && (
        <Suspense fallback={null}>
          <RegistrationSync />
        </Suspense>
      )}
      {user && can(user.role, 'fieldAssessment') && (
        <Suspense fallback={null}>
          <FieldSync />
        </Suspense>
      )}
    </>
  );
}

function Header() {
  const { t, lang, setLang, digits, setDigits } = useI18n();
  const { user, signOut } = useSession();
  const { route } = useRouter();
  return (
    <header className="top">
      <div className="top-row">
        <span className="brand">
          <span className="brand-name">{t('app.name')}</span> <span className="brand-tag">{t('app.tagline')}</span>
        </span>
        <span className="top-actions">
          <button
            type="button"
            className="btn btn-ghost"
            lang={lang === 'ar' ? 'en' : 'ar'}
            aria-label={t('settings.languageLabel')}
            onClick={() => setLang(lang === 'ar' ? 'en' : 'ar')}
          >
            {t('settings.language')}
          </button>
          <button
            type="button"
            className="btn btn-ghost"
            aria-label={`${t('settings.digits')}: ${digits === 'arab' ? t('settings.digits.latn') : t('settings.digits.arab')}`}
            onClick={() => setDigits(digits === 'arab' ? 'latn' : 'arab')}
          >
            {digits === 'arab' ? t('settings.digits.latn') : t('settings.digits.arab')}
          </button>
          {user && (
            <button
              type="button"
              className="btn btn-ghost"
              onClick={() => {
                forgetSearch();
                if (can(user.role, 'distribute')) void forgetIdentities().catch(() => undefined); // names leave the device
                void signOut();
              }}
            >
              {t('nav.signOut')}
            </button>
          )}
        </span>
      </div>
      {user && !user.me?.passwordTemporary && <MainNav role={user.role} route={route} />}
    </header>
  );
}

/** The menu's groups, in order; an entry of no group goes to "more". */
const NAV_GROUPS = ['registry', 'aid', 'casework', 'reconstruction', 'oversight', 'admin', 'more'] as const;
type NavGroup = (typeof NAV_GROUPS)[number];
const GROUP_OF: Partial<Record<Route['name'], NavGroup>> = {
  search: 'registry',
  register: 'registry',
  review: 'registry',
  tasks: 'registry',
  sites: 'registry',
  programmes: 'aid',
  distribution: 'aid',
  cards: 'aid',
  points: 'aid',
  stock: 'aid',
  conflicts: 'aid',
  reconciliation: 'aid',
  cases: 'casework',
  tickets: 'casework',
  ticketReport: 'casework',
  referrals: 'casework',
  services: 'casework',
  corrections: 'registry',
  projects: 'reconstruction',
  deathList: 'registry',
  fieldAssessment: 'reconstruction',
  buildings: 'reconstruction',
  damageImport: 'reconstruction',
  claimNew: 'reconstruction',
  claimsRanked: 'reconstruction',
  claimsQueue: 'reconstruction',
  claimsDecided: 'reconstruction',
  plans: 'reconstruction',
  vendorSale: 'reconstruction',
  materials: 'reconstruction',
  claimRules: 'reconstruction',
  reconDashboard: 'reconstruction',
  dashboard: 'oversight',
  reports: 'oversight',
  exports: 'oversight',
  audit: 'oversight',
  users: 'admin',
  cashReport: 'oversight',
};
/** Up to this many entries the menu is one row; beyond, it is grouped, and on a phone folds behind a button. */
const FLAT_MAX = 8;
const MENU_KEY = 'sanad.menu';

/** Whether the folded menu is open: remembered on the device (a preference, no personal data). */
function useMenuOpen(): [boolean, (open: boolean) => void] {
  const [open, setOpen] = useState(() => {
    try {
      return localStorage.getItem(MENU_KEY) === 'open';
    } catch {
      return false;
    }
  });
  const set = (o: boolean) => {
    setOpen(o);
    try {
      localStorage.setItem(MENU_KEY, o ? 'open' : 'closed');
    } catch {
      // storage refused (private mode): the choice lasts for this page only
    }
  };
  return [open, set];
}

function MainNav({ role, route }: { role: string; route: Route }) {
  const { t } = useI18n();
  const [open, setOpen] = useMenuOpen();
  const entries = NAV.filter((n) => can(role, n.needs));
  const link = (n: (typeof NAV)[number]) => (
    <Link key={n.label} to={n.route} className={navActive(route, n.route) ? 'nav-link active' : 'nav-link'}>
      {t(n.label)}
    </Link>
  );
  const tail = (
    <>
      <Link to={{ name: 'account' }} className={route.name === 'account' ? 'nav-link nav-account active' : 'nav-link nav-account'}>
        {t('account.nav')}
      </Link>
      <span className="nav-role muted">{t('session.role', { role: t(`role.${role}` as MessageKey) })}</span>
    </>
  );
  if (entries.length <= FLAT_MAX)
    return (
      <nav aria-label={t('nav.main')} className="nav">
        {entries.map(link)}
        {tail}
      </nav>
    );
  const groups = NAV_GROUPS.map((g) => [g, entries.filter((n) => (GROUP_OF[n.route.name] ?? 'more') === g)] as const).filter(
    ([, es]) => es.length > 0,
  );
  return (
    <nav aria-label={t('nav.main')} className="nav nav-grouped" data-open={open}>
      <button
        type="button"
        className="btn btn-ghost nav-toggle"
        aria-expanded={open}
        aria-controls="nav-groups"
        onClick={() => setOpen(!open)}
      >
        {t(open ? 'nav.menu.hide' : 'nav.menu.show')}
      </button>
      <div id="nav-groups" className="nav-groups">
        {groups.map(([g, es]) => (
          <div key={g} className="nav-group">
            <span className="nav-group-name">{t(`nav.group.${g}`)}</span>
            {es.map(link)}
          </div>
        ))}
      </div>
      {tail}
    </nav>
  );
}

/** The administration's three screens light up one menu entry. */
const navActive = (current: Route, entry: Route): boolean =>
  current.name === entry.name ||
  (entry.name === 'users' && (current.name === 'user' || current.name === 'tokens')) ||
  (entry.name === 'programmes' && (current.name === 'programme' || current.name === 'cycleCards')) ||
  (entry.name === 'points' && current.name === 'point');

function Banners() {
  const { t } = useI18n();
  const { minutesLeft, user } = useSession();
  const { route } = useRouter();
  const online = useOnline();
  return (
    <div className="banners">
      {!online && <Alert kind="warning">{t('offline.banner')}</Alert>}
      {minutesLeft !== null && minutesLeft <= 10 && <Alert kind="warning">{t('session.expiresSoon', { minutes: minutesLeft })}</Alert>}
      {user?.me && recoveryCodesLow(user.me) && route.name !== 'account' && (
        <Alert kind="warning">
          <p className="codes-low">
            {lowCodesText(t, user.me.recoveryCodesLeft)} <Link to={{ name: 'account' }}>{t('account.lowCodes.link')}</Link>
          </p>
        </Alert>
      )}
    </div>
  );
}

function Current() {
  const { route, go } = useRouter();
  const { user } = useSession();
  const { t } = useI18n();
  const role = user?.role;
  const home: Route = can(role, 'search')
    ? { name: 'search' }
    : can(role, 'auditLog')
      ? { name: 'audit' }
      : can(role, 'decideClaimCase')
        ? { name: 'claimsQueue' }
        : { name: 'dashboard' };
  useEffect(() => {
    if (route.name === 'home' || route.name === 'notFound') go(home);
  }, [route.name]); // eslint-disable-line react-hooks/exhaustive-deps
  const denied = (
    <Screen title={t('common.forbidden')}>
      <p>{t('common.forbidden')}</p>
    </Screen>
  );
  // A screen loaded on demand, for the roles that may see it.
  const onDemand = (ok: boolean, screen: ReactNode) => (ok ? <Suspense fallback={<Loading />}>{screen}</Suspense> : denied);
  switch (route.name) {
    case 'search':
      return can(role, 'search') ? <Search /> : denied;
    case 'register':
      return can(role, 'registerHousehold') ? <Register /> : denied;
    case 'dashboard':
      return onDemand(can(role, 'dashboard'), <Dashboard />);
    case 'person':
      return can(role, 'readPerson') ? <PersonPage id={route.id} /> : denied;
    case 'editPerson':
      return can(role, 'editPerson') && can(role, 'readPerson') ? <EditPerson id={route.id} /> : denied;
    case 'household':
      return can(role, 'readHousehold') ? <HouseholdPage id={route.id} /> : denied;
    case 'sites':
      return can(role, 'sites') ? <Sites /> : denied;
    case 'site':
      return can(role, 'readSite') ? <SitePage id={route.id} /> : denied;
    case 'move':
      return can(role, 'displace') ? <Move id={route.id} /> : denied;
    case 'distribution':
      return onDemand(can(role, 'distribute'), <Distribution />);
    case 'review':
      return onDemand(can(role, 'reviewDuplicates'), <DuplicateQueue />);
    case 'reviewPair':
      return onDemand(can(role, 'reviewDuplicates'), <DuplicatePair id={route.id} />);
    case 'account':
      return <Account />;
    case 'audit':
      return onDemand(can(role, 'auditLog'), <AuditLog />);
    case 'auditEntry':
      return onDemand(can(role, 'auditLog'), <AuditEntry seq={route.seq} />);
    case 'exports':
      return can(role, 'exportAggregates') ? <Exports /> : denied;
    case 'users':
      return onDemand(can(role, 'manageUsers'), <Users />);
    case 'user':
      return onDemand(can(role, 'manageUsers'), <UserPage id={route.id} />);
    case 'tokens':
      return onDemand(can(role, 'manageTokens'), <Tokens />);
    case 'programmes':
      return onDemand(can(role, 'manageProgrammes'), <Programmes />);
    case 'programme':
      return onDemand(can(role, 'manageProgrammes'), <ProgrammePage id={route.id} />);
    case 'cards':
      return onDemand(can(role, 'listCards'), <CardsList />);
    default:
      return laterScreens(route, role, onDemand) ?? <Loading />;
  }
}

/** The screens of life events, cases, complaints, points, cycle cards and after distribution (all loaded on demand). */
function laterScreens(
  route: Route,
  role: string | undefined,
  onDemand: (ok: boolean, screen: ReactNode) => ReactNode,
): ReactNode | undefined {
  switch (route.name) {
    case 'tasks':
      return onDemand(can(role, 'tasks'), <Tasks />);
    case 'task':
      return onDemand(can(role, 'tasks'), <TaskPage id={route.id} />);
    case 'cases':
      return onDemand(can(role, 'myCases'), <MyCases />);
    case 'case':
      return onDemand(can(role, 'myCases'), <CasePage id={route.id} />);
    case 'tickets':
      return onDemand(can(role, 'tickets'), <Tickets />);
    case 'ticket':
      return onDemand(can(role, 'tickets'), <TicketPage id={route.id} />);
    case 'points':
      return onDemand(can(role, 'managePoints'), <Points />);
    case 'point':
      return onDemand(can(role, 'pointHouseholds'), <PointPage id={route.id} />);
    case 'ticketReport':
      return onDemand(can(role, 'ticketReport'), <TicketReport />);
    case 'cycleCards':
      return onDemand(can(role, 'cycleCards'), <CycleCards id={route.id} />);
    case 'conflicts':
      return onDemand(can(role, 'reviewConflicts'), <Conflicts />);
    case 'reconciliation':
      return onDemand(can(role, 'reconciliation'), <Reconciliation />);
    case 'stock':
      return onDemand(can(role, 'readStock'), <Stock />);
    case 'reports':
      return onDemand(can(role, 'aidReports'), <Reports />);
    case 'services':
      return onDemand(can(role, 'serviceDirectory'), <Services />);
    case 'referrals':
      return onDemand(can(role, 'referrals'), <Referrals />);
    case 'referral':
      return onDemand(can(role, 'referrals'), <ReferralPage id={route.id} />);
    case 'corrections':
      return onDemand(can(role, 'approveCorrections'), <CorrectionQueue />);
    case 'projects':
      return onDemand(can(role, 'projects'), <Projects />);
    case 'newProject':
      return onDemand(can(role, 'manageProjects'), <ProjectForm />);
    case 'project':
      return onDemand(can(role, 'projects'), <ProjectPage id={route.id} />);
    case 'editProject':
      return onDemand(can(role, 'manageProjects'), <ProjectForm id={route.id} />);
    case 'deathList':
      return onDemand(can(role, 'importDeaths'), <DeathList />);
    default:
      return reconstructionScreens(route, role, onDemand);
  }
}

/** The screens of reconstruction (#16): buildings, field assessments, claims, plans, materials, rules, the dashboard. */
function reconstructionScreens(
  route: Route,
  role: string | undefined,
  onDemand: (ok: boolean, screen: ReactNode) => ReactNode,
): ReactNode | undefined {
  switch (route.name) {
    case 'fieldAssessment':
      return onDemand(can(role, 'fieldAssessment'), <FieldAssessment />);
    case 'buildingAssessments':
      return onDemand(can(role, 'readAssessments'), <BuildingAssessmentsPage id={route.id} />);
    case 'buildings':
      return onDemand(can(role, 'buildings'), <Buildings />);
    case 'building':
      return onDemand(can(role, 'buildings'), <BuildingPage id={route.id} />);
    case 'damageImport':
      return onDemand(can(role, 'importDamage'), <DamageImport />);
    case 'claimNew':
      return onDemand(can(role, 'fileClaim'), <ClaimIntake />);
    case 'claimCase':
      return onDemand(can(role, 'readClaimCase'), <ClaimCasePage id={route.id} />);
    case 'claimsRanked':
      return onDemand(can(role, 'rankedClaims'), <RankedClaims queue={false} />);
    case 'claimsQueue':
      return onDemand(can(role, 'decideClaimCase'), <RankedClaims queue />);
    case 'claimsDecided':
      return onDemand(can(role, 'decidedClaims'), <DecidedClaims />);
    case 'tranchePlan':
      return onDemand(can(role, 'readPlan'), <TranchePlan caseId={route.id} />);
    case 'vendorSale':
      return onDemand(can(role, 'sellMaterials'), <VendorSale />);
    case 'materials':
      return onDemand(can(role, 'materialsReconciliation'), <MaterialsReconciliation />);
    case 'plans':
      return onDemand(can(role, 'readPlans'), <Plans />);
    case 'claimRules':
      return onDemand(can(role, 'claimRules'), <ClaimRulesScreen />);
    case 'reconDashboard':
      return onDemand(can(role, 'reconDashboard'), <ReconDashboard />);
    case 'cashReport':
      return onDemand(can(role, 'cashReport'), <CashReport />);
    default:
      return undefined;
  }
}
