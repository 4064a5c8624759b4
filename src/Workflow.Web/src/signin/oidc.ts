import { UserManager, WebStorageStateStore } from 'oidc-client-ts';
import type { Schemas } from '../shared/api';
import { basePath } from '../shared/router';

// The OpenID Connect sign-in of people: the authorization code flow with PKCE (S256, oidc-client-ts's default), the
// provider named by the server (GET /api/v1/sign-in). The flow's state lives in sessionStorage; the tokens are kept
// only as the session's credential (see session.ts), so nothing of them outlives the browser session.

export type OidcSignIn = Schemas['OidcSignInView'];
export type SignInOptions = Schemas['SignInOptionsView'];

export const callbackPath = `${basePath}/signin/callback`;
export const signedOutPath = `${basePath}/signin`;

/** Whether the page is the provider's redirect back to the app. */
export function isCallback(pathname: string): boolean {
  return pathname === callbackPath;
}

export function userManager(oidc: OidcSignIn, origin: string = window.location.origin): UserManager {
  const resource = oidc.audience ? { resource: oidc.audience } : undefined;
  return new UserManager({
    authority: oidc.authority,
    client_id: oidc.clientId,
    redirect_uri: origin + callbackPath,
    post_logout_redirect_uri: origin + signedOutPath,
    response_type: 'code',
    scope: oidc.scopes,
    // The access token must be for the API: a provider with resource indicators is asked for its audience.
    extraQueryParams: resource,
    extraTokenParams: resource,
    stateStore: new WebStorageStateStore({ store: window.sessionStorage }),
    userStore: new WebStorageStateStore({ store: window.sessionStorage }),
    automaticSilentRenew: false,
    loadUserInfo: false,
  });
}

/** Sends the browser to the provider's login page. */
export async function startOidcSignIn(oidc: OidcSignIn): Promise<void> {
  await userManager(oidc).signinRedirect();
}

/** Completes the redirect back: the code is exchanged (with the PKCE verifier) for the tokens. */
export async function completeOidcSignIn(oidc: OidcSignIn): Promise<{ accessToken: string; idToken?: string }> {
  const manager = userManager(oidc);
  const user = await manager.signinRedirectCallback();
  // Only the session's credential keeps the tokens from here on.
  await manager.removeUser();
  return { accessToken: user.access_token, idToken: user.id_token };
}

/** Ends the provider's session too, when it offers end_session; false when it does not (the app's sign-out is then all). */
export async function endOidcSession(oidc: OidcSignIn, idToken: string | undefined): Promise<boolean> {
  const manager = userManager(oidc);
  const endpoint = await manager.metadataService.getEndSessionEndpoint().catch(() => undefined);
  if (!endpoint) return false;
  await manager.signoutRedirect({ id_token_hint: idToken });
  return true;
}
