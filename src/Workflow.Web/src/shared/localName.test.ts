import { describe, expect, it } from 'vitest';
import { localName } from './localName';

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
