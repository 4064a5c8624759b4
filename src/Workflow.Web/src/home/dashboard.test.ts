import { describe, expect, test } from 'vitest';
import { organizationSeries } from './dashboard';

describe('campaigns by organization', () => {
  test('one bar per organization, one stacked series per status, phases summed', () => {
    const { organizations, series } = organizationSeries([
      { organization: 'party-committee', status: 'running', phase: 'study', count: 2 },
      { organization: 'party-committee', status: 'running', phase: 'analysis', count: 1 },
      { organization: 'district-education-bureau', status: 'completed', phase: '$completed', count: 3 },
    ] as never);
    expect(organizations).toEqual(['district-education-bureau', 'party-committee']);
    expect(series).toEqual([
      { status: 'completed', counts: [3, 0] },
      { status: 'running', counts: [0, 3] },
    ]);
  });
});
