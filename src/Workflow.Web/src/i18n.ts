// The app's two languages and every string it shows. The server localizes its own messages
// (problem details) from the Accept-Language header that every request sends (see api.ts).

export type Language = 'en' | 'zh-CN';

export const languages: readonly Language[] = ['en', 'zh-CN'];

/** The name of each language in itself, for the switch. */
export const languageNames: Record<Language, string> = { en: 'English', 'zh-CN': '中文' };

const en = {
  appTitle: 'Campaign workflow',
  language: 'Language',
  signInTitle: 'Sign in',
  signInHelp: 'Enter your API key (cwk_…). It is kept for this browser session only.',
  apiKey: 'API key',
  signIn: 'Sign in',
  signOut: 'Sign out',
  loading: 'Loading…',
  templatesHeading: 'Campaign templates',
  campaignsHeading: 'Campaigns',
  noTemplates: 'No published templates.',
  noCampaigns: 'No campaigns yet.',
  colTemplate: 'Template',
  colVersion: 'Version',
  colPublishedAt: 'Published',
  colPublishedBy: 'Published by',
  colName: 'Name',
  colOrganization: 'Organization',
  colStatus: 'Status',
  colUpdatedAt: 'Updated',
  requestFailed: 'The request failed',
  workflowsHeading: 'Phase workflows',
  noWorkflows: 'No published phase workflows.',
  colWorkflow: 'Workflow',
  showFlowchart: 'Show flowchart',
  flowchartOf: 'Flowchart of',
};

export type MessageKey = keyof typeof en;

const zhCN: Record<MessageKey, string> = {
  appTitle: '活动工作流',
  language: '语言',
  signInTitle: '登录',
  signInHelp: '请输入 API 密钥（cwk_…）。它只保存在本次浏览器会话中。',
  apiKey: 'API 密钥',
  signIn: '登录',
  signOut: '退出',
  loading: '加载中…',
  templatesHeading: '活动模板',
  campaignsHeading: '活动',
  noTemplates: '没有已发布的模板。',
  noCampaigns: '还没有活动。',
  colTemplate: '模板',
  colVersion: '版本',
  colPublishedAt: '发布时间',
  colPublishedBy: '发布者',
  colName: '名称',
  colOrganization: '组织',
  colStatus: '状态',
  colUpdatedAt: '更新时间',
  requestFailed: '请求失败',
  workflowsHeading: '阶段流程',
  noWorkflows: '没有已发布的阶段流程。',
  colWorkflow: '流程',
  showFlowchart: '查看流程图',
  flowchartOf: '流程图：',
};

const dictionaries: Record<Language, Record<MessageKey, string>> = { en, 'zh-CN': zhCN };

/** The string for a key in a language (English where a language lacks it). */
export function translate(language: Language, key: MessageKey): string {
  return dictionaries[language][key] ?? en[key];
}

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
