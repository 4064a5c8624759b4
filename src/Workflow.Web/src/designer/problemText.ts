import type { MessageKey, Translate } from '../shared/i18n';
import type { Problem } from './problems';

/**
 * A short title for a validation problem in the page's language, from its stable code; the
 * engine's own message (English) gives the details.
 */
export function problemTitle(t: Translate, problem: Pick<Problem, 'code'>): string {
  const key = `designerCode_${problem.code.replace(/[.]/g, '_')}`;
  try {
    const text = t(key as MessageKey);
    return text === undefined ? t('designerCode_other') : text;
  } catch {
    return t('designerCode_other');
  }
}
