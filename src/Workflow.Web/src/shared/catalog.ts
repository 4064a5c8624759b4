// The shape of a feature's dictionaries. English spells out each plural form i18next picks by `count`
// (`key_one`, `key_other`); Chinese has one form (`key_other`), so its dictionary has every English key
// except the `_one` forms, and the compiler says which one is missing.

/** A plural form's suffix in English; Chinese uses `_other` alone (CLDR: no plural forms). */
type EnglishOnlyForm = `${string}_one`;

/** The Chinese dictionary for an English one: the same keys, less the English-only plural forms. */
export type ChineseCatalog<English> = Record<Exclude<keyof English & string, EnglishOnlyForm>, string>;

/** The key a page asks for: a plural key without its form (i18next chooses it from `count`). */
export type KeyOf<English> = keyof English & string extends infer K ? (K extends `${infer Base}_${'one' | 'other'}` ? Base : K) : never;
