import { describe, expect, it } from 'vitest';
// The engine's list of validation codes, read as text: a code added there without a title here fails this test.
import validationCodes from '../../../Workflow.Engine/Validation/ValidationCodes.cs?raw';
import { translate, type Language, type MessageKey } from '../shared/i18n';
import { en, zhCN } from './messages';
import { problemTitle, problemTitleKey } from './problemText';

const t = (language: Language) => (key: MessageKey, params?: Record<string, string | number>) => translate(language, key, params);

describe('problem titles', () => {
  it('names a problem by its code in the page’s language', () => {
    expect(problemTitle(t('en'), { code: 'expression.syntax' })).toBe('Expression syntax error');
    expect(problemTitle(t('zh-CN'), { code: 'activity.input_missing' })).toBe('缺少必填输入参数');
  });

  it('calls a code it does not know a problem', () => {
    expect(problemTitle(t('zh-CN'), { code: 'something.new' })).toBe('问题');
  });

  it('has an English and a Chinese title for every code the engine gives a phase workflow', () => {
    const codes = [...validationCodes.matchAll(/const string \w+ = "([^"]+)"/g)].map((m) => m[1]).filter((c) => !c.startsWith('template.'));
    expect(codes.length).toBeGreaterThan(20);
    for (const code of codes) {
      expect(en, code).toHaveProperty(problemTitleKey(code));
      expect(zhCN, code).toHaveProperty(problemTitleKey(code));
    }
  });
});
