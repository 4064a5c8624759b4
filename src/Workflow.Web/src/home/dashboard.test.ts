import { describe, expect, test } from 'vitest';
import { drilledOrganization, drillSearch, organizationSeries, organizationTotals } from './dashboard';

const rows = [
  { organization: 'party-committee', status: 'running', phase: 'study', count: 2 },
  { organization: 'party-committee', status: 'running', phase: 'analysis', count: 1 },
  { organization: 'district-education-bureau', status: 'completed', phase: '$completed', count: 3 },
  { organization: 'district-education-bureau', status: 'notStarted', phase: '$notStarted', count: 1 },
] as never;

describe('campaigns by organization', () => {
  test('one bar per organization, one stacked series per status, phases summed', () => {
    const { organizations, series } = organizationSeries(rows);
    expect(organizations).toEqual(['district-education-bureau', 'party-committee']);
    expect(series).toEqual([
      { status: 'completed', counts: [3, 0] },
      { status: 'notStarted', counts: [1, 0] },
      { status: 'running', counts: [0, 3] },
    ]);
  });

  test('the district view lists each organization once, most campaigns first, with the running ones', () => {
    expect(organizationTotals(rows)).toEqual([
      { organization: 'district-education-bureau', campaigns: 4, running: 0 },
      { organization: 'party-committee', campaigns: 3, running: 3 },
    ]);
  });
});

describe('the drill-down in the URL', () => {
  test('a unit is the organization query parameter; the district has none', () => {
    expect(drillSearch('党委 办公室')).toBe('?organization=%E5%85%9A%E5%A7%94+%E5%8A%9E%E5%85%AC%E5%AE%A4');
    expect(drillSearch(null)).toBe('');
    expect(drilledOrganization(new URLSearchParams(drillSearch('党委 办公室')))).toBe('党委 办公室');
    expect(drilledOrganization(new URLSearchParams('organization=%20'))).toBeNull();
    expect(drilledOrganization(new URLSearchParams(''))).toBeNull();
  });
});
