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
