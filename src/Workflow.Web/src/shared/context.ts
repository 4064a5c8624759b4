import { createContext, useContext } from 'react';
import type { Api, Me } from './api';
import type { Language, Translate } from './i18n';

/** What every page needs: the API client, the page's language and its dictionary, and the caller. */
export interface AppContextValue {
  api: Api;
  language: Language;
  t: Translate;
  /** The signed-in key's principal and permissions (GET /api/v1/me, checked at sign-in). */
  me: Me;
  /** The language switch (kept for the browser session). */
  setLanguage: (language: Language) => void;
  signOut: () => void;
}

export const AppContext = createContext<AppContextValue | null>(null);

export function useApp(): AppContextValue {
  const value = useContext(AppContext);
  if (!value) throw new Error('useApp outside the signed-in app');
  return value;
}
