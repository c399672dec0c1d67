// A small router on the History API. Paths carry screen names and opaque record ids only,
// never names, ID numbers or phone numbers.
import { createContext, useCallback, useContext, useEffect, useState, type MouseEvent, type ReactNode } from 'react';

import { parsePath, pathOf, type Route } from './paths.ts';

export { parsePath, pathOf, type Route };

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
