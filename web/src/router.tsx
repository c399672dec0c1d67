// A small router on the History API. Paths carry screen names and opaque record ids only,
// never names, ID numbers or phone numbers.
import { createContext, useCallback, useContext, useEffect, useState, type MouseEvent, type ReactNode } from 'react';

export type Route =
  | { name: 'home' }
  | { name: 'search' }
  | { name: 'register' }
  | { name: 'dashboard' }
  | { name: 'sites' }
  | { name: 'site'; id: string }
  | { name: 'person'; id: string }
  | { name: 'editPerson'; id: string }
  | { name: 'household'; id: string }
  | { name: 'move'; id: string }
  | { name: 'distribution' }
  | { name: 'review' }
  | { name: 'reviewPair'; id: string }
  | { name: 'account' }
  | { name: 'audit' }
  | { name: 'auditEntry'; seq: number }
  | { name: 'exports' }
  | { name: 'users' }
  | { name: 'user'; id: string }
  | { name: 'tokens' }
  | { name: 'programmes' }
  | { name: 'programme'; id: string }
  | { name: 'notFound' }
  | { name: 'cards' }
  | { name: 'tasks' }
  | { name: 'task'; id: string }
  | { name: 'cases' }
  | { name: 'case'; id: string }
  | { name: 'tickets' }
  | { name: 'ticket'; id: string }
  | { name: 'points' }
  | { name: 'point'; id: string }
  | { name: 'ticketReport' }
  | { name: 'cycleCards'; id: string }
  | { name: 'conflicts' }
  | { name: 'reconciliation' }
  | { name: 'stock' }
  | { name: 'reports' }
  | { name: 'tranchePlan'; id: string }
  | { name: 'vendorSale' }
  | { name: 'materials' }
  | { name: 'plans' };

const ID = '([0-9a-fA-F-]{36})';
const patterns: [RegExp, (m: RegExpMatchArray) => Route][] = [
  [/^\/?$/, () => ({ name: 'home' })],
  [/^\/search\/?$/, () => ({ name: 'search' })],
  [/^\/register\/?$/, () => ({ name: 'register' })],
  [/^\/dashboard\/?$/, () => ({ name: 'dashboard' })],
  [/^\/sites\/?$/, () => ({ name: 'sites' })],
  [/^\/distribution\/?$/, () => ({ name: 'distribution' })],
  [/^\/account\/?$/, () => ({ name: 'account' })],
  [/^\/audit\/?$/, () => ({ name: 'audit' })],
  [/^\/audit\/(\d{1,15})\/?$/, (m) => ({ name: 'auditEntry', seq: Number(m[1]) })],
  [/^\/exports\/?$/, () => ({ name: 'exports' })],
  [new RegExp(`^/sites/${ID}/?$`), (m) => ({ name: 'site', id: m[1]! })],
  [new RegExp(`^/persons/${ID}/?$`), (m) => ({ name: 'person', id: m[1]! })],
  [new RegExp(`^/persons/${ID}/edit/?$`), (m) => ({ name: 'editPerson', id: m[1]! })],
  [new RegExp(`^/households/${ID}/?$`), (m) => ({ name: 'household', id: m[1]! })],
  [new RegExp(`^/households/${ID}/move/?$`), (m) => ({ name: 'move', id: m[1]! })],
  [/^\/review\/?$/, () => ({ name: 'review' })],
  [new RegExp(`^/review/${ID}/?$`), (m) => ({ name: 'reviewPair', id: m[1]! })],
  [/^\/admin\/users\/?$/, () => ({ name: 'users' })],
  [new RegExp(`^/admin/users/${ID}/?$`), (m) => ({ name: 'user', id: m[1]! })],
  [/^\/admin\/tokens\/?$/, () => ({ name: 'tokens' })],
  [/^\/programmes\/?$/, () => ({ name: 'programmes' })],
  [new RegExp(`^/programmes/${ID}/?$`), (m) => ({ name: 'programme', id: m[1]! })],
  [/^\/cards\/?$/, () => ({ name: 'cards' })],
  [/^\/tasks\/?$/, () => ({ name: 'tasks' })],
  [new RegExp(`^/tasks/${ID}/?$`), (m) => ({ name: 'task', id: m[1]! })],
  [/^\/cases\/?$/, () => ({ name: 'cases' })],
  [new RegExp(`^/cases/${ID}/?$`), (m) => ({ name: 'case', id: m[1]! })],
  [/^\/tickets\/?$/, () => ({ name: 'tickets' })],
  [/^\/tickets\/report\/?$/, () => ({ name: 'ticketReport' })],
  [new RegExp(`^/tickets/${ID}/?$`), (m) => ({ name: 'ticket', id: m[1]! })],
  [/^\/points\/?$/, () => ({ name: 'points' })],
  [new RegExp(`^/points/${ID}/?$`), (m) => ({ name: 'point', id: m[1]! })],
  [new RegExp(`^/cycles/${ID}/cards/?$`), (m) => ({ name: 'cycleCards', id: m[1]! })],
  [/^\/aid\/conflicts\/?$/, () => ({ name: 'conflicts' })],
  [/^\/aid\/reconciliation\/?$/, () => ({ name: 'reconciliation' })],
  [/^\/aid\/stock\/?$/, () => ({ name: 'stock' })],
  [/^\/reports\/?$/, () => ({ name: 'reports' })],
  [new RegExp(`^/reconstruction/cases/${ID}/plan/?$`), (m) => ({ name: 'tranchePlan', id: m[1]! })],
  [/^\/reconstruction\/sales\/?$/, () => ({ name: 'vendorSale' })],
  [/^\/reconstruction\/materials\/?$/, () => ({ name: 'materials' })],
  [/^\/reconstruction\/plans\/?$/, () => ({ name: 'plans' })],
];

export function parsePath(path: string): Route {
  for (const [re, make] of patterns) {
    const m = path.match(re);
    if (m) return make(m);
  }
  return { name: 'notFound' };
}

type ReconstructionRoute = Extract<Route, { name: 'tranchePlan' | 'vendorSale' | 'materials' | 'plans' }>;
function reconstructionPath(r: ReconstructionRoute): string {
  if (r.name === 'tranchePlan') return `/reconstruction/cases/${r.id}/plan`;
  if (r.name === 'plans') return '/reconstruction/plans';
  return r.name === 'vendorSale' ? '/reconstruction/sales' : '/reconstruction/materials';
}

export function pathOf(r: Route): string {
  if (r.name === 'tranchePlan' || r.name === 'vendorSale' || r.name === 'materials' || r.name === 'plans') return reconstructionPath(r);
  switch (r.name) {
    case 'home':
      return '/';
    case 'search':
      return '/search';
    case 'register':
      return '/register';
    case 'dashboard':
      return '/dashboard';
    case 'sites':
      return '/sites';
    case 'distribution':
      return '/distribution';
    case 'site':
      return `/sites/${r.id}`;
    case 'person':
      return `/persons/${r.id}`;
    case 'editPerson':
      return `/persons/${r.id}/edit`;
    case 'household':
      return `/households/${r.id}`;
    case 'move':
      return `/households/${r.id}/move`;
    case 'review':
      return '/review';
    case 'reviewPair':
      return `/review/${r.id}`;
    case 'account':
      return '/account';
    case 'audit':
      return '/audit';
    case 'auditEntry':
      return `/audit/${r.seq}`;
    case 'exports':
      return '/exports';
    case 'users':
      return '/admin/users';
    case 'user':
      return `/admin/users/${r.id}`;
    case 'tokens':
      return '/admin/tokens';
    case 'programmes':
      return '/programmes';
    case 'programme':
      return `/programmes/${r.id}`;
    case 'notFound':
      return '/';
    case 'cards':
      return '/cards';
    case 'tasks':
      return '/tasks';
    case 'task':
      return `/tasks/${r.id}`;
    case 'cases':
      return '/cases';
    case 'case':
      return `/cases/${r.id}`;
    case 'tickets':
      return '/tickets';
    case 'ticket':
      return `/tickets/${r.id}`;
    case 'points':
      return '/points';
    case 'point':
      return `/points/${r.id}`;
    case 'ticketReport':
      return '/tickets/report';
    case 'cycleCards':
      return `/cycles/${r.id}/cards`;
    case 'conflicts':
      return '/aid/conflicts';
    case 'reconciliation':
      return '/aid/reconciliation';
    case 'stock':
      return '/aid/stock';
    case 'reports':
      return '/reports';
  }
}

type Nav = { route: Route; go: (r: Route) => void };
const Ctx = createContext<Nav | null>(null);

export function RouterProvider({ children }: { children: ReactNode }) {
  const [route, setRoute] = useState<Route>(() => parsePath(location.pathname));
  useEffect(() => {
    const onPop = () => setRoute(parsePath(location.pathname));
    addEventListener('popstate', onPop);
    return () => removeEventListener('popstate', onPop);
  }, []);
  const go = useCallback((r: Route) => {
    const p = pathOf(r);
    if (p !== location.pathname) history.pushState(null, '', p);
    setRoute(r);
    scrollTo(0, 0);
    // Move focus to the new screen's heading, for keyboard and screen reader users.
    requestAnimationFrame(() => document.querySelector<HTMLElement>('main h1')?.focus());
  }, []);
  return <Ctx.Provider value={{ route, go }}>{children}</Ctx.Provider>;
}

export function useRouter(): Nav {
  const v = useContext(Ctx);
  if (!v) throw new Error('useRouter outside RouterProvider');
  return v;
}

export function Link({ to, children, className }: { to: Route; children: ReactNode; className?: string }) {
  const { go } = useRouter();
  const onClick = (e: MouseEvent<HTMLAnchorElement>) => {
    if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    go(to);
  };
  return (
    <a href={pathOf(to)} onClick={onClick} className={className}>
      {children}
    </a>
  );
}
