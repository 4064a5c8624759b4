import { describe, expect, it } from 'vitest';
import { csvRecords, dispositionFileName, parseCsv } from './csv';
import { changeCounts, defaultPair, definitionChoices, diffRows } from './definitionDiff';
import { apiQuery, emptyFilter, filterFromQuery, filterToQuery, isoFromLocalInput, localInputValue } from './ledgerFilter';
import { verifyProblemKey } from './verification';

describe('ledger filter in the URL', () => {
  it('round-trips every field, with times, offsets and text that need encoding', () => {
    const filter = {
      ...emptyFilter,
      campaignId: '0f8fad5b-d9cb-469f-a165-70867728950e',
      kind: 'task.completed',
      actor: 'party-committee',
      phase: 'analysis',
      task: 'draftReport:1',
      from: '2026-11-25T08:00:00.000Z',
      to: '2026-11-26T08:00:00+08:00',
      text: '分析 & 检查 = 100%',
    };
    const query = filterToQuery(filter, 'abc_-');
    expect(query).toContain('from=2026-11-25T08%3A00%3A00.000Z');
    expect(query).toContain('to=2026-11-26T08%3A00%3A00%2B08%3A00');
    expect(filterFromQuery(new URLSearchParams(query))).toEqual({ filter, cursor: 'abc_-', limit: 50 });
  });

  it('leaves blank fields out of the query and the API parameters', () => {
    expect(filterToQuery({ ...emptyFilter, kind: ' task.completed ' })).toBe('kind=task.completed');
    expect(apiQuery(emptyFilter, '', 25)).toEqual({ limit: 25 });
    expect(filterFromQuery(new URLSearchParams('unknown=1'))).toEqual({ filter: emptyFilter, cursor: '', limit: 50 });
  });

  it('keeps a page size other than the default, clamped to what the API takes', () => {
    expect(filterToQuery(emptyFilter, '', 50)).toBe('');
    expect(filterToQuery(emptyFilter, 'c', 20)).toBe('cursor=c&limit=20');
    expect(filterFromQuery(new URLSearchParams('limit=20')).limit).toBe(20);
    expect(filterFromQuery(new URLSearchParams('limit=100000')).limit).toBe(500);
    expect(filterFromQuery(new URLSearchParams('limit=x')).limit).toBe(50);
  });

  it('converts between datetime-local values and UTC instants, in the organization’s zone not the browser’s', () => {
    const iso = isoFromLocalInput('2026-11-25T09:30');
    expect(iso).toBe('2026-11-25T01:30:00.000Z');
    expect(localInputValue(iso)).toBe('2026-11-25T09:30');
    expect(localInputValue('2026-11-25T20:00:00Z')).toBe('2026-11-26T04:00');
    expect(isoFromLocalInput('2026-11-25T09:30', 'UTC')).toBe('2026-11-25T09:30:00.000Z');
    expect(isoFromLocalInput('')).toBe('');
    expect(localInputValue('not a time')).toBe('');
  });
});

describe('CSV', () => {
  it('parses quoted cells with commas, quotes and line breaks, after the byte order mark', () => {
    const text = '\uFEFFid,kind,reason\r\n1,task.completed,"a, ""quoted""\r\nreason"\r\n2,phase.transitioned,\r\n';
    expect(parseCsv(text)).toEqual([
      ['id', 'kind', 'reason'],
      ['1', 'task.completed', 'a, "quoted"\r\nreason'],
      ['2', 'phase.transitioned', ''],
    ]);
    expect(csvRecords(text).map((r) => [r.id, r.kind])).toEqual([
      ['1', 'task.completed'],
      ['2', 'phase.transitioned'],
    ]);
  });

  it('reads the file name of a Content-Disposition header', () => {
    expect(dispositionFileName('attachment; filename=ledger-20261125T080000Z.csv', 'x.csv')).toBe('ledger-20261125T080000Z.csv');
    expect(dispositionFileName('attachment; filename="a b.csv"; filename*=UTF-8\'\'%E8%B4%A6.csv', 'x.csv')).toBe('账.csv');
    expect(dispositionFileName('attachment; filename="../evil.csv"', 'x.csv')).toBe('.._evil.csv');
    expect(dispositionFileName(null, 'x.csv')).toBe('x.csv');
  });
});

describe('definition versions', () => {
  it('lists each definition with its versions in order, and picks the last two', () => {
    const choices = definitionChoices([
      { definitionId: 'study-phase', version: 2 },
      { definitionId: 'analysis-phase', version: 1 },
      { definitionId: 'study-phase', version: 1 },
    ]);
    expect(choices).toEqual([
      { id: 'analysis-phase', versions: [1] },
      { id: 'study-phase', versions: [1, 2] },
    ]);
    expect(defaultPair([1, 2, 3])).toEqual({ from: 2, to: 3 });
    expect(defaultPair([1])).toEqual({ from: 1, to: 1 });
    expect(defaultPair([])).toBeNull();
  });

  it('orders the changes by category, keeps before and after, and counts them', () => {
    const changes = [
      { category: 'connection', change: 'added', path: 'connections/a->b', before: null, after: 'a → b' },
      {
        category: 'activity',
        change: 'changed',
        path: 'activities/draftReport',
        field: 'assignee',
        before: '"office"',
        after: '"committee"',
      },
      { category: 'definition', change: 'changed', path: '', field: 'name', before: 'A', after: 'B' },
    ];
    const rows = diffRows(changes);
    expect(rows.map((r) => [r.category, r.where, r.before, r.after])).toEqual([
      ['definition', 'name', 'A', 'B'],
      ['activity', 'activities/draftReport · assignee', '"office"', '"committee"'],
      ['connection', 'connections/a->b', '', 'a → b'],
    ]);
    expect(changeCounts(changes)).toEqual({ added: 1, changed: 2 });
  });
});

describe('verification', () => {
  it('maps each problem code of the chain check to a message of its own, unknown ones to a general one', () => {
    expect(verifyProblemKey('entry.altered')).toBe('auditVerifyProblemAltered');
    expect(verifyProblemKey('entry.link_broken')).toBe('auditVerifyProblemLinkBroken');
    expect(verifyProblemKey('something.new')).toBe('auditVerifyProblemOther');
  });
});
