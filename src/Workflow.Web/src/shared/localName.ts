// Definitions name things in several languages (`displayNames`: { en, zh-CN, … }); every page
// shows the name in its own language, else the English one, else what the caller falls back to
// (an id, a type name, or the name in the other language).

/** The name in the page's language, else the English one, else the fallback; an empty name counts as none. */
export function localName(displayNames: Partial<Record<string, string>> | null | undefined, language: string, fallback: string): string {
  return displayNames?.[language] || displayNames?.en || fallback;
}
