// The frame of every page: skip link, top bar (brand, navigation, live indicator, user), main region, footer.
import { useEffect, useRef, type ReactNode } from 'react';
import { ConnectionIndicator } from '../components/ConnectionIndicator.js';
import { Credit } from '../components/Credit.js';
import { Link } from '../router/Link.js';
import { useLocation } from '../router/history.js';
import { useApp } from './context.js';
import { NAV } from './routes.js';

export function Layout({ title, bleed, bare, children }: {
  title: string;
  bleed: boolean;
  /** signed out: no navigation, nothing live */
  bare: boolean;
  children: ReactNode;
}) {
  const { pathname } = useLocation();
  const main = useRef<HTMLElement>(null);
  const first = useRef(true);

  useEffect(() => {
    document.title = `${title} · netwatch`;
  }, [title]);

  // After an in-app navigation, move focus to the new page (as a full page load would), not on first load.
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    main.current?.focus({ preventScroll: true });
  }, [pathname]);

  return (
    <div className={bleed ? 'shell shell-bleed' : 'shell'}>
      <a className="skip-link" href="#main">Skip to content</a>
      <header className="topbar">
        <Link href="/" className="brand" aria-label="netwatch home">
          <span className="brand-mark" aria-hidden="true" />
          netwatch
        </Link>
        {!bare && (
          <nav aria-label="Main">
            <ul className="nav-list">
              {NAV.map((item) => (
                <li key={item.href}>
                  <Link href={item.href} nav={item.match} className="nav-link">{item.label}</Link>
                </li>
              ))}
            </ul>
          </nav>
        )}
        <div className="topbar-end">
          {!bare && <ConnectionIndicator />}
          <UserMenu />
        </div>
      </header>
      <main id="main" ref={main} tabIndex={-1} className={bleed ? 'main main-bleed' : 'main'}>
        {children}
      </main>
      {!bleed && (
        <footer className="footer">
          <Credit />
        </footer>
      )}
    </div>
  );
}

function UserMenu() {
  const { api, session, refreshSession } = useApp();
  if (!session.authRequired || !session.authenticated) return null;
  const logout = async () => {
    await api.logout().catch(() => undefined);
    await refreshSession();
  };
  return (
    <div className="user">
      <span className="user-name" title="signed in">{session.user ?? 'signed in'}</span>
      <button type="button" className="button button-quiet" onClick={() => void logout()}>Sign out</button>
    </div>
  );
}
