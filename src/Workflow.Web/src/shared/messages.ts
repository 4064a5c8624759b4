// The shell's strings: header, sign-in, navigation, and words every page uses.

export const en = {
  appTitle: 'Campaign workflow',
  language: 'Language',
  signInTitle: 'Sign in',
  signInHelp: 'Enter your API key (cwk_…). It is kept for this browser session only.',
  apiKey: 'API key',
  signIn: 'Sign in',
  signOut: 'Sign out',
  signedInAs: 'Signed in as {principal}',
  loading: 'Loading…',
  requestFailed: 'The request failed',
  navigation: 'Sections',
  navHome: 'Overview',
  notFoundTitle: 'Page not found',
  notFoundText: 'There is no page at this address.',
  loadFailed: 'This part of the page could not be loaded. Reload the page to try again.',
};

export const zhCN: Record<keyof typeof en, string> = {
  appTitle: '活动工作流',
  language: '语言',
  signInTitle: '登录',
  signInHelp: '请输入 API 密钥（cwk_…）。它只保存在本次浏览器会话中。',
  apiKey: 'API 密钥',
  signIn: '登录',
  signOut: '退出',
  signedInAs: '当前用户：{principal}',
  loading: '加载中…',
  requestFailed: '请求失败',
  navigation: '栏目',
  navHome: '概览',
  notFoundTitle: '页面不存在',
  notFoundText: '此地址没有页面。',
  loadFailed: '此部分页面未能加载，请刷新页面后重试。',
};
