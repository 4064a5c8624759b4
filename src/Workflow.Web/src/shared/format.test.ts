import { describe, expect, test } from 'vitest';
import { formatDate, formatDue, formatTime, isDateOnly, zoneLabel } from './format';

describe('dates stay dates', () => {
  test('a deadline of 2023-10-31 reads as that day in both languages', () => {
    expect(formatDate('2023-10-31', 'en')).toBe('Oct 31, 2023');
    expect(formatDate('2023-10-31', 'zh-CN')).toBe('2023年10月31日');
    expect(formatTime('2023-10-31', 'zh-CN')).toBe('2023年10月31日');
  });

  test('only real calendar dates count as dates', () => {
    expect(isDateOnly('2023-06-10')).toBe(true);
    expect(isDateOnly('2023-02-30')).toBe(false);
    expect(isDateOnly('2023-06-10T00:00:00Z')).toBe(false);
    expect(isDateOnly(20230610)).toBe(false);
    expect(formatDate('next week', 'en')).toBe('next week');
  });

  test('the engine’s due time for a date-only deadline (midnight UTC after it) shows the deadline, not “2023/11/1 08:00”', () => {
    expect(formatDue('2023-11-01T00:00:00+00:00', 'zh-CN')).toBe('2023年10月31日');
    expect(formatDue('2023-11-01T00:00:00Z', 'en')).toBe('Oct 31, 2023');
  });
});

describe('times in the organization’s zone, with the zone said', () => {
  test('Beijing time by default, whatever the browser’s zone', () => {
    expect(formatTime('2023-06-10T06:30:00Z', 'en')).toBe('Jun 10, 2023 14:30 (UTC+8)');
    expect(formatTime('2023-06-10T06:30:00Z', 'zh-CN')).toBe('2023年6月10日 14:30（UTC+8）');
    // Late in the UTC evening is already the next day in Beijing.
    expect(formatTime('2023-06-10T20:15:00Z', 'en')).toBe('Jun 11, 2023 04:15 (UTC+8)');
  });

  test('another zone when the organization has one, its offset stated', () => {
    expect(formatTime('2023-06-10T06:30:00Z', 'en', 'Asia/Kolkata')).toBe('Jun 10, 2023 12:00 (UTC+5:30)');
    expect(formatTime('2023-06-10T06:30:00Z', 'en', 'UTC')).toBe('Jun 10, 2023 06:30 (UTC)');
    expect(zoneLabel()).toBe('UTC+8');
    expect(zoneLabel('America/St_Johns', new Date('2023-01-10T00:00:00Z'))).toBe('UTC-3:30');
  });

  test('a due time that is not a date-only deadline stays a time; empty and unreadable values pass through', () => {
    expect(formatDue('2023-06-10T06:30:00Z', 'en')).toBe('Jun 10, 2023 14:30 (UTC+8)');
    expect(formatTime(null, 'en')).toBe('');
    expect(formatDue(undefined, 'en')).toBe('');
    expect(formatTime('soon', 'en')).toBe('soon');
  });
});
