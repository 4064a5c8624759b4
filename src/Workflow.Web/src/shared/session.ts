import type { KeyValueStore } from './i18n';

/**
 * What a request signs in with: an integrator's API key (sent as X-Api-Key), or a person's bearer token — a local
 * account's session token or the OpenID Connect provider's access token. `idToken` is kept for the provider's
 * end_session call (id_token_hint).
 */
export type Credential =
  { kind: 'apiKey'; secret: string } | { kind: 'local'; secret: string } | { kind: 'oidc'; secret: string; idToken?: string };

// Kept in sessionStorage: gone when the browser session ends, and never in localStorage where it would outlive it.
export const credentialStorageKey = 'workflow.credential';

export function loadCredential(store: KeyValueStore): Credential | null {
  const text = store.getItem(credentialStorageKey);
  if (!text) return null;
  try {
    const value = JSON.parse(text) as Partial<Credential>;
    if (
      (value.kind === 'apiKey' || value.kind === 'local' || value.kind === 'oidc') &&
      typeof value.secret === 'string' &&
      value.secret.trim()
    )
      return value as Credential;
  } catch {
    // Not ours (or from an older version): treated as none.
  }
  return null;
}

export function saveCredential(store: KeyValueStore, credential: Credential): Credential {
  const trimmed = { ...credential, secret: credential.secret.trim() };
  store.setItem(credentialStorageKey, JSON.stringify(trimmed));
  return trimmed;
}

export function clearCredential(store: KeyValueStore): void {
  store.removeItem(credentialStorageKey);
}
