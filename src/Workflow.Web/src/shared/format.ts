import type { Language } from './i18n';

/** A timestamp in the page's language; the text as it is when it is not a date. */
export function formatTime(value: string | null | undefined, language: Language): string {
  if (!value) return '';
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? value : date.toLocaleString(language);
}
