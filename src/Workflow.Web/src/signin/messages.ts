// The sign-in page's strings: the provider's button, local accounts, and API keys for integrators.

import type { ChineseCatalog } from '../shared/catalog';

export const en = {
  signInWithProvider: 'Sign in with your organization account',
  signInProviderHelp: 'You will be taken to your organization’s sign-in page and brought back here.',
  signInLocalHelp: 'Sign in with your user name and password.',
  signInUserName: 'User name',
  signInPassword: 'Password',
  signInUserNameRequired: 'Enter your user name.',
  signInPasswordRequired: 'Enter your password.',
  signInWithPassword: 'Sign in with password',
  signInPasswordRefused: 'The user name or password is wrong.',
  signInThrottled: 'Too many failed sign-ins from here. Wait a minute and try again.',
  signInWithKey: 'Sign in with an API key (integrators)',
  signInCallbackFailed: 'The sign-in with your organization account did not complete. Try again.',
  signInCompleting: 'Completing the sign-in…',
};

export const zhCN: ChineseCatalog<typeof en> = {
  signInWithProvider: '使用单位统一身份账号登录',
  signInProviderHelp: '将跳转到单位的统一身份认证页面，登录后返回本系统。',
  signInLocalHelp: '请使用用户名和密码登录。',
  signInUserName: '用户名',
  signInPassword: '密码',
  signInUserNameRequired: '请输入用户名。',
  signInPasswordRequired: '请输入密码。',
  signInWithPassword: '用密码登录',
  signInPasswordRefused: '用户名或密码错误。',
  signInThrottled: '此处登录失败次数过多，请稍等一分钟后再试。',
  signInWithKey: '使用 API 密钥登录（系统对接）',
  signInCallbackFailed: '统一身份账号登录未能完成，请重试。',
  signInCompleting: '正在完成登录…',
};
