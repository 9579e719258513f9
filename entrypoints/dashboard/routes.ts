import type { MessageKey } from '../../lib/i18n';

export const ROUTES = [
  'overview',
  'purchases',
  'orders',
  'catalogue',
  'unsold',
  'pledges',
  'coordinator',
  'settings',
  'check',
  'welcome',
] as const;
export type Route = (typeof ROUTES)[number];

export const ROUTE_LABELS: Record<Route, MessageKey> = {
  overview: 'nav.overview',
  purchases: 'nav.purchases',
  orders: 'nav.orders',
  catalogue: 'nav.catalogue',
  unsold: 'nav.unsold',
  pledges: 'nav.pledges',
  coordinator: 'nav.coordinator',
  settings: 'nav.settings',
  check: 'nav.check',
  welcome: 'nav.welcome',
};

/** `#/catalogue?x=1` → 'catalogue'; anything unknown is the overview. */
export function routeOf(hash: string): Route {
  const name = hash.replace(/^#\/?/, '').split(/[?/]/)[0] ?? '';
  return (ROUTES as readonly string[]).includes(name) ? (name as Route) : 'overview';
}
