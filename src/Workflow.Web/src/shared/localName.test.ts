import { describe, expect, it } from 'vitest';
import { helpText, localName } from './localName';

describe('localName', () => {
  const names = { en: 'Study meeting', 'zh-CN': '学习会' };

  it('picks the page language, else English, else the fallback', () => {
    expect(localName(names, 'zh-CN', 'meeting')).toBe('学习会');
    expect(localName(names, 'en', 'meeting')).toBe('Study meeting');
    expect(localName({ en: 'Study meeting' }, 'zh-CN', 'meeting')).toBe('Study meeting');
    expect(localName({ 'zh-CN': '学习会' }, 'en', 'meeting')).toBe('meeting');
    expect(localName(undefined, 'en', 'meeting')).toBe('meeting');
  });

  it('treats an empty name as missing', () => {
    expect(localName({ en: 'Study meeting', 'zh-CN': '' }, 'zh-CN', 'meeting')).toBe('Study meeting');
    expect(localName({ en: '' }, 'en', 'meeting')).toBe('meeting');
  });
});

describe('help text in the page’s language', () => {
  const english = 'The party groups, as objects {id, name, leader}.';
  it('a localized description wins; a single one shows only where its language is the page’s', () => {
    expect(helpText('zh-CN', { en: english, 'zh-CN': '各党小组（编号、名称、组长）。' }, english)).toBe('各党小组（编号、名称、组长）。');
    expect(helpText('zh-CN', undefined, english)).toBeUndefined();
    expect(helpText('en', undefined, english)).toBe(english);
    expect(helpText('zh-CN', undefined, '按党小组逐一召开')).toBe('按党小组逐一召开');
    expect(helpText('en', undefined, '按党小组逐一召开')).toBeUndefined();
    expect(helpText('en', null, '')).toBeUndefined();
  });
});
