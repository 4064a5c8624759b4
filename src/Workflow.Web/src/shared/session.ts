import type { KeyValueStore } from './i18n';

// The API key is asked for once and kept in sessionStorage: gone when the browser session ends.
export const apiKeyStorageKey = 'workflow.apiKey';

export function loadApiKey(store: KeyValueStore): string | null {
  const key = store.getItem(apiKeyStorageKey);
  return key && key.trim() ? key : null;
}

export function saveApiKey(store: KeyValueStore, key: string): string {
  const trimmed = key.trim();
  store.setItem(apiKeyStorageKey, trimmed);
  return trimmed;
}

export function clearApiKey(store: KeyValueStore): void {
  store.removeItem(apiKeyStorageKey);
}
