// The route table: every page has a URL. The globe pages load three.js lazily (its own chunk).
import { lazy, type ComponentType } from 'react';
import { matchPath, type Params } from '../router/match.js';
import { AlertsPage } from '../pages/AlertsPage.js';
import { DevicePage } from '../pages/DevicePage.js';
import { DevicesPage } from '../pages/DevicesPage.js';
import { FlowsPage } from '../pages/FlowsPage.js';
import { LoginPage } from '../pages/LoginPage.js';
import { NotFoundPage } from '../pages/NotFoundPage.js';
import { OverviewPage } from '../pages/OverviewPage.js';
import { TopologyPage } from '../pages/TopologyPage.js';

const GlobePage = lazy(() => import('../pages/GlobePage.js').then((m) => ({ default: m.GlobePage })));
export const BenchGlobePage = lazy(() => import('../bench/BenchGlobePage.js').then((m) => ({ default: m.BenchGlobePage })));

export interface Route {
  path: string;
  title: string;
  page: ComponentType<{ params: Params }>;
  /** full-bleed: no page padding or footer (the globe) */
  bleed?: boolean;
}

export const ROUTES: Route[] = [
  { path: '/', title: 'Globe', page: GlobePage, bleed: true },
  { path: '/overview', title: 'Overview', page: OverviewPage },
  { path: '/devices', title: 'Devices', page: DevicesPage },
  { path: '/devices/:id', title: 'Device', page: DevicePage },
  { path: '/flows', title: 'Flows', page: FlowsPage },
  { path: '/alerts', title: 'Alerts', page: AlertsPage },
  { path: '/topology', title: 'Topology', page: TopologyPage },
  { path: '/login', title: 'Sign in', page: LoginPage },
];

export const NAV: { href: string; label: string; match: 'exact' | 'prefix' }[] = [
  { href: '/', label: 'Globe', match: 'exact' },
  { href: '/overview', label: 'Overview', match: 'exact' },
  { href: '/devices', label: 'Devices', match: 'prefix' },
  { href: '/flows', label: 'Flows', match: 'exact' },
  { href: '/alerts', label: 'Alerts', match: 'exact' },
  { href: '/topology', label: 'Topology', match: 'exact' },
];

export function resolveRoute(pathname: string): { route: Route; params: Params } {
  for (const route of ROUTES) {
    const params = matchPath(route.path, pathname);
    if (params !== undefined) return { route, params };
  }
  return { route: { path: '*', title: 'Not found', page: NotFoundPage }, params: {} };
}
