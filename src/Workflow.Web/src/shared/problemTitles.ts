// One table of titles for validation problems, shared by the designer and the template editor:
// the server sends a stable code and an English message; the page shows a title in its own
// language and keeps the engine's message as the detail.
import { isMessageKey, type Translate } from './i18n';

/** The message key of a validation code's title: "expression.syntax" → problemCode_expression_syntax. */
export function problemTitleKey(code: string): string {
  return `problemCode_${code.replace(/[.]/g, '_')}`;
}

/** A short title for a validation problem in the page's language; a code the app does not know yet is a "Problem". */
export function problemTitle(t: Translate, problem: { code: string }): string {
  const key = problemTitleKey(problem.code);
  return isMessageKey(key) ? t(key) : t('problemCodeUnknown');
}

/** The segments of an RFC 6901 JSON Pointer (a problem's location), unescaped. */
export function pointerSegments(pointer: string): string[] {
  if (!pointer || pointer === '/') return [];
  return pointer
    .replace(/^\//, '')
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}
