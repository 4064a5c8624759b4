import { expect, test } from 'vitest';
import type { KeyValueStore } from './i18n';
import { clearCredential, credentialStorageKey, loadCredential, saveCredential } from './session';

function memoryStore(): KeyValueStore {
  const data = new Map<string, string>();
  return { getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v), removeItem: (k) => void data.delete(k) };
}

test('the credential is asked once, kept, and gone after sign-out', () => {
  const store = memoryStore();
  expect(loadCredential(store)).toBeNull();
  expect(saveCredential(store, { kind: 'apiKey', secret: '  cwk_abc \n' })).toEqual({ kind: 'apiKey', secret: 'cwk_abc' });
  expect(loadCredential(store)).toEqual({ kind: 'apiKey', secret: 'cwk_abc' });
  saveCredential(store, { kind: 'oidc', secret: 'eyJ.a.b', idToken: 'eyJ.c.d' });
  expect(loadCredential(store)).toEqual({ kind: 'oidc', secret: 'eyJ.a.b', idToken: 'eyJ.c.d' });
  clearCredential(store);
  expect(loadCredential(store)).toBeNull();
});

test('a blank, unknown or unreadable stored credential counts as none', () => {
  const store = memoryStore();
  store.setItem(credentialStorageKey, JSON.stringify({ kind: 'apiKey', secret: '   ' }));
  expect(loadCredential(store)).toBeNull();
  store.setItem(credentialStorageKey, JSON.stringify({ kind: 'password', secret: 'x' }));
  expect(loadCredential(store)).toBeNull();
  store.setItem(credentialStorageKey, 'cwk_plain_text');
  expect(loadCredential(store)).toBeNull();
});
