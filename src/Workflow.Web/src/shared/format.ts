import dayjs from 'dayjs';
import timezone from 'dayjs/plugin/timezone';
import utc from 'dayjs/plugin/utc';
import type { Language } from './i18n';

dayjs.extend(utc);
dayjs.extend(timezone);

// Dates and times as the page shows them. Times are the organization's, not the browser's: a bureau
// in Shanghai reads its deadlines in Beijing time wherever the laptop is set, and the zone is said
// beside each time. Date-only values (a meeting's day, a finding's deadline) stay dates: turning
// "2023-10-31" into an instant and back in another zone moves it to another day.

/** The organization's time zone while the API gives none: the seed's bureaus are in China. */
export const organizationTimeZone = 'Asia/Shanghai';

const dateOnly = /^\d{4}-\d{2}-\d{2}$/;

/** Whether a value is a calendar date without a time ("2023-10-31"). */
export function isDateOnly(value: unknown): value is string {
  if (typeof value !== 'string' || !dateOnly.test(value)) return false;
  // Round-tripped, so "2023-02-30" (which Date rolls over to March) is not taken for a date.
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/** "2023-10-31" → "Oct 31, 2023" / "2023年10月31日", the same day in every zone. */
export function formatDate(value: string, language: Language): string {
  if (!isDateOnly(value)) return value;
  return new Intl.DateTimeFormat(language, { timeZone: 'UTC', dateStyle: 'medium' }).format(new Date(`${value}T00:00:00Z`));
}

/** A zone's offset at an instant as the page states it: "UTC+8", "UTC-3:30", "UTC". */
function offsetLabel(minutes: number): string {
  if (minutes === 0) return 'UTC';
  const sign = minutes > 0 ? '+' : '-';
  const hours = Math.floor(Math.abs(minutes) / 60);
  const rest = Math.abs(minutes) % 60;
  return `UTC${sign}${hours}${rest ? `:${String(rest).padStart(2, '0')}` : ''}`;
}

/** How the page names a zone beside a time or an input: its offset now, "UTC+8". */
export function zoneLabel(zone: string = organizationTimeZone, at: Date = new Date()): string {
  return offsetLabel(dayjs(at).tz(zone).utcOffset());
}

/**
 * A timestamp in the organization's time zone with the zone stated: "Jun 10, 2023 14:30 (UTC+8)",
 * "2023年6月10日 14:30（UTC+8）". A date-only value is shown as a date; other text as it is.
 */
export function formatTime(value: string | null | undefined, language: Language, zone: string = organizationTimeZone): string {
  if (!value) return '';
  if (isDateOnly(value)) return formatDate(value, language);
  const instant = dayjs(value);
  if (!instant.isValid() || Number.isNaN(new Date(value).getTime())) return value;
  const local = instant.tz(zone);
  const day = new Intl.DateTimeFormat(language, { timeZone: zone, dateStyle: 'medium' }).format(instant.toDate());
  const zoneText = offsetLabel(local.utcOffset());
  return language === 'zh-CN' ? `${day} ${local.format('HH:mm')}（${zoneText}）` : `${day} ${local.format('HH:mm')} (${zoneText})`;
}

/**
 * A task's due time. The engine stores a date-only deadline ("2023-10-31") as the first instant
 * after it, midnight UTC of the next day (Workflow.Engine Step.DueAt); such a due time is shown as
 * the deadline's date, so it does not read "Nov 1, 08:00" in Beijing. Other due times (so many days
 * after activation) are times.
 */
export function formatDue(value: string | null | undefined, language: Language, zone: string = organizationTimeZone): string {
  if (!value) return '';
  const instant = dayjs.utc(value);
  if (instant.isValid() && !isDateOnly(value) && instant.valueOf() % 86_400_000 === 0)
    return formatDate(instant.subtract(1, 'day').format('YYYY-MM-DD'), language);
  return formatTime(value, language, zone);
}
