// Definitions name things in several languages (`displayNames`: { en, zh-CN, … }); every page
// shows the name in its own language, else the English one, else what the caller falls back to
// (an id, a type name, or the name in the other language).

/** The name in the page's language, else the English one, else the fallback; an empty name counts as none. */
export function localName(displayNames: Partial<Record<string, string>> | null | undefined, language: string, fallback: string): string {
  return displayNames?.[language] || displayNames?.en || fallback;
}

const han = /[\u3400-\u9fff]/;

/**
 * Help text in the page's language: the localized text when the definition has one (`descriptions`),
 * else its single description when that is written in the page's language (a Chinese page shows
 * only Chinese text, an English page text without Chinese), else nothing. A zh-CN page never
 * shows an English sentence the definition's author wrote for integrators.
 */
export function helpText(
  language: string,
  descriptions: Partial<Record<string, string>> | null | undefined,
  description: string | null | undefined,
): string | undefined {
  const localized = descriptions?.[language];
  if (localized) return localized;
  if (!description) return undefined;
  const chinese = han.test(description);
  return (language === 'zh-CN') === chinese ? description : undefined;
}
