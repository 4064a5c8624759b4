import { describe, expect, it } from 'vitest';
import { apiQuery, defaultPageSize, phaseNames, readQuery, withFilter, writeQuery } from './campaignListQuery';

describe('campaign list query', () => {
  it('reads the URL, ignoring statuses and page sizes it does not know', () => {
    const query = readQuery(new URLSearchParams('status=running&phase=study&organization=bureau&limit=10&cursor=abc'));
    expect(query).toEqual({ status: 'running', phase: 'study', organization: 'bureau', limit: 10, cursor: 'abc' });
    expect(readQuery(new URLSearchParams('status=bogus&limit=7'))).toEqual({
      status: '',
      phase: '',
      organization: '',
      limit: defaultPageSize,
      cursor: '',
    });
  });

  it('writes back only what differs from the defaults, and round-trips', () => {
    expect(writeQuery(readQuery(new URLSearchParams('')))).toBe('');
    const search = 'status=running&organization=%E6%95%99%E8%82%B2%E5%B1%80&limit=10&cursor=abc';
    expect(writeQuery(readQuery(new URLSearchParams(search)))).toBe(search);
  });

  it('a changed filter goes back to the first page', () => {
    const query = readQuery(new URLSearchParams('status=running&cursor=abc'));
    expect(withFilter(query, { phase: 'analysis' })).toEqual({ ...query, phase: 'analysis', cursor: '' });
  });

  it('asks the API with the filters set and the page size', () => {
    expect(apiQuery(readQuery(new URLSearchParams('organization=%20bureau%20&cursor=c1')))).toEqual({
      status: undefined,
      phase: undefined,
      organization: 'bureau',
      cursor: 'c1',
      limit: defaultPageSize,
    });
  });

  it('names phases in the page language, per template version, and offers each phase id once', () => {
    const templates = [
      {
        definitionId: 'seed',
        version: 1,
        definition: {
          phases: [
            { id: 'study', name: '学习调研', displayNames: { en: 'Study and research', 'zh-CN': '学习调研' } },
            { id: 'x', name: '其他' },
          ],
        },
      },
      { definitionId: 'seed', version: 2, definition: { phases: [{ id: 'study', name: '学习' }] } },
    ];
    const en = phaseNames(templates, 'en');
    expect(en.byTemplate.get('seed@1')?.get('study')).toBe('Study and research');
    expect(en.byTemplate.get('seed@1')?.get('x')).toBe('其他');
    expect(en.byTemplate.get('seed@2')?.get('study')).toBe('学习');
    expect(en.options).toEqual([
      { id: 'study', name: 'Study and research' },
      { id: 'x', name: '其他' },
    ]);
    expect(phaseNames(templates, 'zh-CN').byTemplate.get('seed@1')?.get('study')).toBe('学习调研');
  });
});
