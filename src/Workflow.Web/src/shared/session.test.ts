import { expect, test } from 'vitest';
import type { KeyValueStore } from './i18n';
import { apiKeyStorageKey, clearApiKey, loadApiKey, saveApiKey } from './session';

function memoryStore(): KeyValueStore {
  const data = new Map<string, string>();
  return { getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v), removeItem: (k) => void data.delete(k) };
}

test('the key is asked once, kept, and gone after sign-out', () => {
  const store = memoryStore();
  expect(loadApiKey(store)).toBeNull();
  expect(saveApiKey(store, '  cwk_abc \n')).toBe('cwk_abc');
  expect(store.getItem(apiKeyStorageKey)).toBe('cwk_abc');
  expect(loadApiKey(store)).toBe('cwk_abc');
  clearApiKey(store);
  expect(loadApiKey(store)).toBeNull();
});

test('a blank stored key counts as none', () => {
  const store = memoryStore();
  store.setItem(apiKeyStorageKey, '   ');
  expect(loadApiKey(store)).toBeNull();
});
