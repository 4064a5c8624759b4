import { describe, expect, it } from 'vitest';
// The engine's list of validation codes and the API's own, read as text: a code added there
// without a title here fails this test.
import definitionValidation from '../../../Workflow.Api/Definitions/DefinitionValidation.cs?raw';
import validationCodes from '../../../Workflow.Engine/Validation/ValidationCodes.cs?raw';
import { translate, type Language, type MessageKey } from './i18n';
import { en, zhCN } from './messages';
import { problemTitle, problemTitleKey } from './problemTitles';

const t = (language: Language) => (key: MessageKey, params?: Record<string, string | number>) => translate(language, key, params);

const codesIn = (source: string) => [...source.matchAll(/const string \w+ = "([^"]+)"/g)].map((m) => m[1]);

describe('problem titles', () => {
  it('names a problem by its code in the page’s language', () => {
    expect(problemTitle(t('en'), { code: 'expression.syntax' })).toBe('Expression syntax error');
    expect(problemTitle(t('zh-CN'), { code: 'activity.input_missing' })).toBe('缺少必填输入参数');
    expect(problemTitle(t('zh-CN'), { code: 'template.workflow_unknown' })).toBe('未知的阶段工作流');
    expect(problemTitle(t('zh-CN'), { code: 'definition.kind_mismatch' })).toBe('定义类型不符');
  });

  it('calls a code it does not know a problem', () => {
    expect(problemTitle(t('zh-CN'), { code: 'something.new' })).toBe('问题');
  });

  it('has an English and a Chinese title for every code the engine and the API give a definition', () => {
    const codes = [...codesIn(validationCodes), ...codesIn(definitionValidation)];
    expect(codes.length).toBeGreaterThan(30);
    expect(codes).toContain('template.phases_missing');
    expect(codes).toContain('definition.kind_mismatch');
    for (const code of codes) {
      expect(en, code).toHaveProperty(problemTitleKey(code));
      expect(zhCN, code).toHaveProperty(problemTitleKey(code));
    }
  });
});
