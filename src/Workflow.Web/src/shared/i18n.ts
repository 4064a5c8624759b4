// The app's two languages and every string it shows. The server localizes its own messages
// (problem details) from the Accept-Language header that every request sends (see api.ts).

import i18next, { type TFunction } from 'i18next';
import * as audit from '../audit/messages';
import * as campaigns from '../campaigns/messages';
import * as designer from '../designer/messages';
import * as home from '../home/messages';
import * as notifications from '../notifications/messages';
import * as templates from '../templates/messages';
import * as worklist from '../worklist/messages';
import type { ChineseCatalog, KeyOf } from './catalog';
import * as shell from './messages';
import * as signin from '../signin/messages';
import * as keys from '../keys/messages';

export type Language = 'en' | 'zh-CN';

export const languages: readonly Language[] = ['en', 'zh-CN'];

/** The name of each language in itself, for the switch. */
export const languageNames: Record<Language, string> = { en: 'English', 'zh-CN': '中文' };

// Each feature keeps its own strings (<feature>/messages.ts); a key belongs to one feature only
// (i18n.test.ts checks), so features can grow without touching each other's dictionaries.
const modules = { shell, signin, keys, home, designer, templates, campaigns, worklist, audit, notifications } as const;

const en = {
  ...shell.en,
  ...signin.en,
  ...keys.en,
  ...home.en,
  ...designer.en,
  ...templates.en,
  ...campaigns.en,
  ...worklist.en,
  ...audit.en,
  ...notifications.en,
};

const zhCN: ChineseCatalog<typeof en> = {
  ...shell.zhCN,
  ...signin.zhCN,
  ...keys.zhCN,
  ...home.zhCN,
  ...designer.zhCN,
  ...templates.zhCN,
  ...campaigns.zhCN,
  ...worklist.zhCN,
  ...audit.zhCN,
  ...notifications.zhCN,
};

/** Every key a page may ask for; a plural key without its form (`count` chooses it). */
export type MessageKey = KeyOf<typeof en>;

/** The keys of each feature's dictionaries as pages ask for them, for the tests over the whole catalog. */
export const keysByFeature: Record<string, MessageKey[]> = Object.fromEntries(
  Object.entries(modules).map(([name, m]) => [name, [...new Set(Object.keys(m.en).map(baseKey))] as MessageKey[]]),
);

const allKeys: ReadonlySet<string> = new Set(Object.values(keysByFeature).flat());

/** Whether a key made at run time (e.g. from a server's code) is in the catalog. */
export function isMessageKey(key: string): key is MessageKey {
  return allKeys.has(key);
}

function baseKey(key: string): string {
  return key.replace(/_(one|other)$/, '');
}

// i18next for the plural rules of each language (CLDR, through Intl.PluralRules) and the fallback to
// English. Placeholders keep the catalog's single braces; React escapes what is shown, so i18next does not.
const i18n = i18next.createInstance();
void i18n.init({
  resources: { en: { translation: en }, 'zh-CN': { translation: zhCN } },
  lng: 'en',
  fallbackLng: 'en',
  initAsync: false,
  keySeparator: false,
  nsSeparator: false,
  returnNull: false,
  interpolation: { prefix: '{', suffix: '}', escapeValue: false },
  // A parameter the caller did not give stays visible as its placeholder rather than vanishing.
  missingInterpolationHandler: (_text: string, match: RegExpExecArray) => match[0],
});
const fixed: Record<Language, TFunction> = { en: i18n.getFixedT('en'), 'zh-CN': i18n.getFixedT('zh-CN') };

/**
 * The string for a key in a language (English where a language lacks it), with each "{name}"
 * replaced by its parameter; a `count` parameter picks the plural form.
 */
export function translate(language: Language, key: MessageKey, params?: Record<string, string | number>): string {
  return fixed[language](key, params ?? {});
}

/** translate bound to the page's language. */
export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (languages as readonly string[]).includes(value);
}

/** Maps a browser language tag (zh, zh-TW, en-GB, fr…) to one of ours, or null. */
export function matchLanguage(tag: string): Language | null {
  const lower = tag.trim().toLowerCase();
  if (lower === 'zh' || lower.startsWith('zh-')) return 'zh-CN';
  if (lower === 'en' || lower.startsWith('en-')) return 'en';
  return null;
}

/**
 * The language to show: the one chosen earlier in this session, else the first of the browser's
 * languages that we have, else English.
 */
export function chooseLanguage(stored: string | null | undefined, browser: readonly string[]): Language {
  if (isLanguage(stored)) return stored;
  for (const tag of browser) {
    const match = matchLanguage(tag);
    if (match) return match;
  }
  return 'en';
}

/** The storage the choice is kept in (sessionStorage in the browser). */
export interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export const languageStorageKey = 'workflow.language';

/** The language at start: from the session, else from the browser (navigator.languages / language). */
export function initialLanguage(store: KeyValueStore, navigatorLike: { languages?: readonly string[]; language?: string }): Language {
  const browser = navigatorLike.languages?.length ? navigatorLike.languages : navigatorLike.language ? [navigatorLike.language] : [];
  return chooseLanguage(store.getItem(languageStorageKey), browser);
}

/** The switch: keeps the choice for the session. */
export function switchLanguage(store: KeyValueStore, language: Language): Language {
  store.setItem(languageStorageKey, language);
  return language;
}
