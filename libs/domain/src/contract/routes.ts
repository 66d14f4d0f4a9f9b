/**
 * The method and path of every endpoint defined by a schema (./schemas, ./endpoints): all the phone
 * needs at run time to call one, without zod. Types come from ./types.
 */
export interface Route {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** the full path; `:name` is a path parameter */
  path: string;
}

export const ROUTES = {
  checkIn: { method: 'POST', path: '/api/v1/check-ins' },
  previewCheckIn: { method: 'POST', path: '/api/v1/check-ins/preview' },
  listVisits: { method: 'GET', path: '/api/v1/visits' },
  getVisit: { method: 'GET', path: '/api/v1/visits/:id' },
  visitAudit: { method: 'GET', path: '/api/v1/visits/:id/audit' },
  checkOut: { method: 'POST', path: '/api/v1/visits/:id/check-out' },
} as const satisfies Record<string, Route>;

export type RouteName = keyof typeof ROUTES;

/**
 * A route's path with its parameters filled in and the query appended (values that are undefined,
 * null or '' are left out).
 */
export function routeUrl(
  route: Route,
  params: Record<string, string> = {},
  query: Record<string, unknown> = {},
): string {
  const path = route.path.replace(/:(\w+)/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`missing path parameter ${name} of ${route.path}`);
    return encodeURIComponent(value);
  });
  const search = Object.entries(query)
    .filter(([, v]) => v !== undefined && v !== null && v !== '')
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`)
    .join('&');
  return search ? `${path}?${search}` : path;
}
