// The signed-in session: token (kept in sessionStorage, so it ends with the tab), role,
// governorates, and a clear expiry: a warning before the end, the sign-in screen after it.
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { makeApi, type Api } from './api/client.ts';
import type { GovernorateListT, GovernorateT, LoginResult, Me } from './api/types.ts';
import { useI18n } from './i18n/index.tsx';

type Stored = { token: string; expiresAt: string; role: string };
export type EndReason = 'expired' | 'signedOut' | null;

export type Session = {
  user: (Stored & { me: Me | null }) | null;
  api: Api;
  governorates: GovernorateT[];
  endReason: EndReason;
  signedIn: (r: LoginResult) => void;
  signOut: () => Promise<void>;
  /** Reads GET /me again (after a change to the account, such as new recovery codes). */
  refreshMe: () => Promise<void>;
  minutesLeft: number | null;
};

const KEY = 'sanad.session';
const Ctx = createContext<Session | null>(null);

function load(): Stored | null {
  try {
    const s = JSON.parse(sessionStorage.getItem(KEY) ?? 'null') as Stored | null;
    return s && Date.parse(s.expiresAt) > Date.now() ? s : null;
  } catch {
    return null;
  }
}

/** Who is signed in (GET /me) and the governorates, read once a session starts. */
function useAccount(stored: Stored | null, api: Api) {
  const [me, setMe] = useState<Me | null>(null);
  const [governorates, setGovernorates] = useState<GovernorateT[]>([]);
  useEffect(() => {
    if (!stored) {
      setMe(null); // signed out or expired: nothing of the last account stays
      return;
    }
    let live = true;
    api.get<Me>('/api/v1/me').then(
      (m) => live && setMe(m),
      () => undefined,
    );
    api.get<GovernorateListT>('/api/v1/places/governorates').then(
      (g) => live && setGovernorates(g.items),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [stored, api]);
  return { me, setMe, governorates, setGovernorates };
}

/** The clock for the expiry warning; the session ends by itself at expiresAt. */
function useExpiry(stored: Stored | null, end: (reason: EndReason) => void) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!stored) return;
    const tick = setInterval(() => setNow(Date.now()), 15_000);
    const ms = Date.parse(stored.expiresAt) - Date.now();
    const timer = setTimeout(() => end('expired'), Math.max(0, Math.min(ms, 2_147_000_000)));
    return () => {
      clearInterval(tick);
      clearTimeout(timer);
    };
  }, [stored, end]);
  return { now, setNow };
}

export function SessionProvider({ children }: { children: ReactNode }) {
  const [stored, setStored] = useState<Stored | null>(load);
  const [endReason, setEndReason] = useState<EndReason>(null);

  const end = useCallback((reason: EndReason) => {
    try {
      sessionStorage.removeItem(KEY);
    } catch {
      /* ignore */
    }
    setStored(null);
    setEndReason(reason);
  }, []);

  const api = useMemo(() => makeApi(stored?.token ?? null, () => end('expired')), [stored?.token, end]);
  const { me, setMe, governorates, setGovernorates } = useAccount(stored, api);
  const { now, setNow } = useExpiry(stored, end);

  const value = useMemo<Session>(
    () => ({
      user: stored ? { ...stored, me } : null,
      api,
      governorates,
      endReason,
      minutesLeft: stored ? Math.max(0, Math.ceil((Date.parse(stored.expiresAt) - now) / 60_000)) : null,
      signedIn: (r) => {
        const s = { token: r.token, expiresAt: r.expiresAt, role: r.role };
        try {
          sessionStorage.setItem(KEY, JSON.stringify(s));
        } catch {
          /* ignore */
        }
        setEndReason(null);
        setNow(Date.now());
        setStored(s);
      },
      signOut: async () => {
        try {
          await api.post('/api/v1/auth/logout', {});
        } catch {
          /* the session ends here anyway */
        }
        end('signedOut');
      },
      refreshMe: async () => {
        try {
          setMe(await api.get<Me>('/api/v1/me'));
          // refused while the password was temporary (403 password_change_required): read them now
          if (governorates.length === 0) setGovernorates((await api.get<GovernorateListT>('/api/v1/places/governorates')).items);
        } catch {
          /* keeps the last answer */
        }
      },
    }),
    [stored, me, api, governorates, endReason, now, end],
  );

  return <Ctx.Provider value={value}>{children}</Ctx.Provider>;
}

export function useSession(): Session {
  const v = useContext(Ctx);
  if (!v) throw new Error('useSession outside SessionProvider');
  return v;
}

/** The governorate's name in the current language. */
export function useGovernorateName(): (pcode: string | null | undefined) => string {
  const { governorates } = useSession();
  const { lang } = useI18n();
  return (pcode) => {
    if (!pcode) return '—';
    const g = governorates.find((x) => x.pcode === pcode);
    if (!g) return pcode;
    return lang === 'en' ? g.nameEn : g.nameAr;
  };
}
