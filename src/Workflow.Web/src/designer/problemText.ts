import type { MessageKey, Translate } from '../shared/i18n';
import type { Problem } from './problems';

/** The message key of a validation code's title: "expression.syntax" → designerCode_expression_syntax. */
export function problemTitleKey(code: string): string {
  return `designerCode_${code.replace(/[.]/g, '_')}`;
}

/**
 * A short title for a validation problem in the page's language, from its stable code; the
 * engine's own message (English) gives the details. A code the designer does not know yet is a "Problem".
 */
export function problemTitle(t: Translate, problem: Pick<Problem, 'code'>): string {
  const text: string | undefined = t(problemTitleKey(problem.code) as MessageKey);
  return typeof text === 'string' ? text : t('designerCode_other');
}
