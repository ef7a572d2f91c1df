// The app: the bench route stands alone (no api at all); everything else checks the session first, sends a signed-out
// user to /login (unless the api says auth is off), and runs the live data while signed in.
import { Suspense, useCallback, useEffect, useMemo, useState } from 'react';
import { ApiClient, ApiError } from '../data/api-client.js';
import { LiveData } from '../data/live-data.js';
import type { Session } from '../data/types.js';
import { navigate, useLocation } from '../router/history.js';
import { AppContext, type AppContextValue } from './context.js';
import { Layout } from './Layout.js';
import { BenchGlobePage, resolveRoute } from './routes.js';

export function App() {
  const { pathname } = useLocation();
  if (pathname === '/bench/globe') {
    return (
      <Suspense fallback={<p className="splash">Loading the globe…</p>}>
        <BenchGlobePage />
      </Suspense>
    );
  }
  return <MainApp />;
}

function allowed(session: Session | undefined): boolean {
  return session !== undefined && (!session.authRequired || session.authenticated);
}

function MainApp() {
  const location = useLocation();
  const [session, setSession] = useState<Session | undefined>(undefined);
  const [error, setError] = useState<string | undefined>(undefined);
  const api = useMemo(
    () => new ApiClient('/api/v1', () => setSession((s) => (s === undefined ? s : { ...s, authenticated: false }))),
    [],
  );
  const live = useMemo(() => new LiveData(api), [api]);

  const refreshSession = useCallback(async () => {
    try {
      setSession(await api.session());
      setError(undefined);
    } catch (err) {
      setError(err instanceof ApiError ? err.message : String(err));
    }
  }, [api]);

  useEffect(() => {
    void refreshSession();
  }, [refreshSession]);

  // Until the api answers, try again every 5 s (it may be starting).
  useEffect(() => {
    if (session !== undefined || error === undefined) return;
    const timer = setTimeout(() => void refreshSession(), 5000);
    return () => clearTimeout(timer);
  }, [session, error, refreshSession]);

  const ok = allowed(session);
  useEffect(() => {
    if (!ok) return;
    live.start();
    return () => live.stop();
  }, [ok, live]);

  // Signed out → /login?next=…; signed in (or no auth) on /login → where the user was going.
  useEffect(() => {
    if (session === undefined) return;
    const onLogin = location.pathname === '/login';
    if (!ok && !onLogin) {
      navigate(`/login?next=${encodeURIComponent(location.pathname + location.search)}`, { replace: true });
    } else if (ok && onLogin) {
      const next = new URLSearchParams(location.search).get('next');
      navigate(next !== null && next.startsWith('/') && !next.startsWith('//') ? next : '/', { replace: true });
    }
  }, [session, ok, location.pathname, location.search]);

  if (session === undefined) {
    return (
      <div className="splash" role="status">
        <p>{error === undefined ? 'Connecting to netwatch…' : `The netwatch api is not answering (${error}).`}</p>
        {error !== undefined && <p>Trying again every 5 seconds.</p>}
      </div>
    );
  }
  const context: AppContextValue = { api, live, session, refreshSession };
  const { route, params } = resolveRoute(location.pathname);
  const showLogin = !ok && location.pathname === '/login';
  const Page = route.page;
  return (
    <AppContext.Provider value={context}>
      <Layout title={route.title} bleed={route.bleed === true} bare={!ok}>
        {ok || showLogin ? (
          <Suspense fallback={<p className="splash">Loading…</p>}>
            <Page params={params} />
          </Suspense>
        ) : null}
      </Layout>
    </AppContext.Provider>
  );
}
