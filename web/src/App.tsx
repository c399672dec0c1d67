// The application shell: header, navigation for what the role may do, banners, the screen.
import { lazy, type ReactNode, Suspense, useEffect } from 'react';
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
const Plans = lazy(() => import('./screens/reconstruction/Plans.tsx').then((m) => ({ default: m.Plans })));
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
const TicketReport = lazy(() => import('./screens/tickets/TicketReport.tsx').then((m) => ({ default: m.TicketReport })));
const CardsList = lazy(() => import('./screens/CardsList.tsx').then((m) => ({ default: m.CardsList })));
const Points = lazy(() => import('./screens/Points.tsx').then((m) => ({ default: m.Points })));
const PointPage = lazy(() => import('./screens/Points.tsx').then((m) => ({ default: m.PointPage })));
const CycleCards = lazy(() => import('./screens/CycleCards.tsx').then((m) => ({ default: m.CycleCards })));
const Conflicts = lazy(() => import('./screens/after/Conflicts.tsx').then((m) => ({ default: m.Conflicts })));
const Reconciliation = lazy(() => import('./screens/after/Reconciliation.tsx').then((m) => ({ default: m.Reconciliation })));
const Stock = lazy(() => import('./screens/after/Stock.tsx').then((m) => ({ default: m.Stock })));
const Reports = lazy(() => import('./screens/after/Reports.tsx').then((m) => ({ default: m.Reports })));

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
  { route: { name: 'vendorSale' }, label: 'tranches.nav.sale', needs: 'sellMaterials' },
  { route: { name: 'materials' }, label: 'tranches.nav.materials', needs: 'materialsReconciliation' },
  { route: { name: 'plans' }, label: 'tranches.nav.plans', needs: 'readPlans' },
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
      {user && !user.me?.passwordTemporary && (
        <nav aria-label={t('nav.main')} className="nav">
          {NAV.filter((n) => can(user.role, n.needs)).map((n) => (
            <Link key={n.label} to={n.route} className={navActive(route, n.route) ? 'nav-link active' : 'nav-link'}>
              {t(n.label)}
            </Link>
          ))}
          <Link to={{ name: 'account' }} className={route.name === 'account' ? 'nav-link nav-account active' : 'nav-link nav-account'}>
            {t('account.nav')}
          </Link>
          <span className="nav-role muted">{t('session.role', { role: t(`role.${user.role}` as MessageKey) })}</span>
        </nav>
      )}
    </header>
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
  const home: Route = can(role, 'search') ? { name: 'search' } : can(role, 'auditLog') ? { name: 'audit' } : { name: 'dashboard' };
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
    case 'tranchePlan':
      return onDemand(can(role, 'readPlan'), <TranchePlan caseId={route.id} />);
    case 'vendorSale':
      return onDemand(can(role, 'sellMaterials'), <VendorSale />);
    case 'materials':
      return onDemand(can(role, 'materialsReconciliation'), <MaterialsReconciliation />);
    case 'plans':
      return onDemand(can(role, 'readPlans'), <Plans />);
    default:
      return undefined;
  }
}
