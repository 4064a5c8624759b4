import { describe, expect, test } from 'vitest';
import {
  chooseLanguage,
  initialLanguage,
  languageStorageKey,
  languages,
  matchLanguage,
  switchLanguage,
  keysByFeature,
  translate,
  isMessageKey,
  type KeyValueStore,
  type MessageKey,
} from './i18n';

function memoryStore(initial: Record<string, string> = {}): KeyValueStore & { data: Record<string, string> } {
  const data = { ...initial };
  return {
    data,
    getItem: (k) => (k in data ? data[k] : null),
    setItem: (k, v) => {
      data[k] = v;
    },
    removeItem: (k) => {
      delete data[k];
    },
  };
}

describe('language from the browser', () => {
  test.each([
    ['zh-CN', 'zh-CN'],
    ['zh', 'zh-CN'],
    ['zh-TW', 'zh-CN'],
    ['ZH-cn', 'zh-CN'],
    ['en-US', 'en'],
    ['en', 'en'],
    ['fr-FR', null],
    ['', null],
  ])('%s -> %s', (tag, expected) => {
    expect(matchLanguage(tag)).toBe(expected);
  });

  test('takes the first of the browser languages that we have', () => {
    expect(chooseLanguage(null, ['fr-FR', 'zh-CN', 'en'])).toBe('zh-CN');
    expect(chooseLanguage(null, ['de', 'en-GB', 'zh'])).toBe('en');
  });

  test('falls back to English', () => {
    expect(chooseLanguage(null, [])).toBe('en');
    expect(chooseLanguage(undefined, ['fr', 'ja'])).toBe('en');
  });

  test('a choice kept in the session wins over the browser; an unknown one is ignored', () => {
    expect(chooseLanguage('en', ['zh-CN'])).toBe('en');
    expect(chooseLanguage('zh-CN', ['en-US'])).toBe('zh-CN');
    expect(chooseLanguage('klingon', ['zh-CN'])).toBe('zh-CN');
  });

  test('navigator.languages first, navigator.language when it is empty', () => {
    expect(initialLanguage(memoryStore(), { languages: ['zh-CN'], language: 'en-US' })).toBe('zh-CN');
    expect(initialLanguage(memoryStore(), { languages: [], language: 'zh-HK' })).toBe('zh-CN');
    expect(initialLanguage(memoryStore(), {})).toBe('en');
  });
});

describe('the switch', () => {
  test('keeps the choice for the session, and the next start uses it', () => {
    const store = memoryStore();
    expect(initialLanguage(store, { languages: ['en-US'] })).toBe('en');
    expect(switchLanguage(store, 'zh-CN')).toBe('zh-CN');
    expect(store.data[languageStorageKey]).toBe('zh-CN');
    expect(initialLanguage(store, { languages: ['en-US'] })).toBe('zh-CN');
    switchLanguage(store, 'en');
    expect(initialLanguage(store, { languages: ['zh-CN'] })).toBe('en');
  });
});

describe('dictionary', () => {
  test('headings in both languages', () => {
    expect(translate('en', 'templatesHeading')).toBe('Campaign templates');
    expect(translate('zh-CN', 'templatesHeading')).toBe('活动模板');
    expect(translate('en', 'campaignsHeading')).toBe('Campaigns');
    expect(translate('zh-CN', 'campaignsHeading')).toBe('活动');
  });

  test('every language has a non-empty string for every key of every feature', () => {
    expect(languages).toEqual(['en', 'zh-CN']);
    const keys = Object.values(keysByFeature).flat() as MessageKey[];
    expect(keys.length).toBeGreaterThan(20);
    for (const language of languages) {
      for (const key of keys) expect(translate(language, key), `${language}: ${key}`).toMatch(/\S/);
    }
  });

  test('no key is defined by two features (one would silently hide the other)', () => {
    const owners = new Map<string, string[]>();
    for (const [feature, keys] of Object.entries(keysByFeature)) {
      for (const key of keys) owners.set(key, [...(owners.get(key) ?? []), feature]);
    }
    expect([...owners].filter(([, features]) => features.length > 1)).toEqual([]);
  });

  test('parameters fill their placeholders; unknown ones are left as they are', () => {
    expect(translate('en', 'signedInAs', { principal: 'li.ming' })).toBe('Signed in as li.ming');
    expect(translate('zh-CN', 'signedInAs', { principal: '李明' })).toBe('当前用户：李明');
    expect(translate('en', 'signedInAs', {})).toBe('Signed in as {principal}');
  });

  test('a count picks the plural form of each language', () => {
    expect(translate('en', 'designerProblemCount', { count: 1 })).toBe('1 problem');
    expect(translate('en', 'designerProblemCount', { count: 0 })).toBe('0 problems');
    expect(translate('en', 'designerProblemCount', { count: 3 })).toBe('3 problems');
    expect(translate('zh-CN', 'designerProblemCount', { count: 1 })).toBe('1 个问题');
    expect(translate('zh-CN', 'designerProblemCount', { count: 3 })).toBe('3 个问题');
    expect(translate('en', 'campaignListOverdueCount', { count: 1 })).toBe('1 overdue task');
  });

  test('keys made at run time are told from the catalog; plural forms are one key', () => {
    expect(isMessageKey('problemCode_expression_syntax')).toBe(true);
    expect(isMessageKey('problemCode_no_such_code')).toBe(false);
    expect(isMessageKey('designerProblemCount')).toBe(true);
    expect(isMessageKey('designerProblemCount_one')).toBe(false);
  });
});
