import type { Schemas } from '../shared/api';

export type Dashboard = Schemas['DashboardResponse'];

/** Campaigns per organization, stacked by status: one bar per organization. */
export function organizationSeries(rows: Dashboard['organizations']) {
  const organizations = [...new Set(rows.map((r) => r.organization))].sort();
  const statuses = [...new Set(rows.map((r) => String(r.status)))].sort();
  const series = statuses.map((status) => ({
    status,
    counts: organizations.map((o) =>
      rows.filter((r) => r.organization === o && String(r.status) === status).reduce((n, r) => n + r.count, 0),
    ),
  }));
  return { organizations, series };
}

/** Campaigns per organization, most first: the district view's rows, each a way down to its unit. */
export function organizationTotals(rows: Dashboard['organizations']): { organization: string; campaigns: number; running: number }[] {
  const totals = new Map<string, { organization: string; campaigns: number; running: number }>();
  for (const r of rows) {
    const total = totals.get(r.organization) ?? { organization: r.organization, campaigns: 0, running: 0 };
    total.campaigns += r.count;
    if (String(r.status) === 'running') total.running += r.count;
    totals.set(r.organization, total);
  }
  return [...totals.values()].sort((a, b) => b.campaigns - a.campaigns || a.organization.localeCompare(b.organization));
}

/** The dashboard's URL query for a level of the drill-down: the district (no organization) or one unit. */
export function drillSearch(organization: string | null): string {
  return organization ? `?${new URLSearchParams({ organization }).toString()}` : '';
}

/** The unit the URL drills down to; a blank value is the district (the server refuses a blank filter). */
export function drilledOrganization(search: URLSearchParams): string | null {
  const organization = search.get('organization')?.trim();
  return organization ? organization : null;
}
