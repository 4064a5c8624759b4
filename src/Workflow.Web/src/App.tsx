import { keepPreviousData, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { useEffect, useMemo, useRef, useState } from 'react';
import { createBrowserRouter, RouterProvider, type RouteObject } from 'react-router';
import { routes } from './routes';
import { createApi, requestHeaders, type Me } from './shared/api';
import { completeOidcSignIn, endOidcSession, isCallback, signedOutPath, startOidcSignIn, type SignInOptions } from './signin/oidc';
import { AppContext, type AppContextValue } from './shared/context';
import { initialLanguage, switchLanguage, translate, type Language, type Translate } from './shared/i18n';
import { retryPolicy } from './shared/queries';
import { basePath, bindRouter } from './shared/router';
import { clearCredential, loadCredential, saveCredential, type Credential } from './shared/session';
import { NotFound, Shell } from './shell/Shell';
import { SignIn, type LocalSignInResult } from './shell/SignIn';
import type { MessageKey } from './shared/i18n';
import { theme } from './shell/theme';

const antLocales = { en: enUS, 'zh-CN': zhCN } as const;
const dayjsLocales = { en: 'en', 'zh-CN': 'zh-cn' } as const;

// One router for the app's lifetime: pages render inside the shell (side navigation, header, breadcrumbs).
const routeObjects: RouteObject[] = [
  {
    element: <Shell />,
    children: [...routes.map((r) => ({ path: r.path, element: r.element })), { path: '*', element: <NotFound /> }],
  },
];

export function App() {
  const [language, setLanguage] = useState<Language>(() => initialLanguage(sessionStorage, navigator));
  const [session, setSession] = useState<{ credential: Credential; me: Me } | null>(null);
  const [options, setOptions] = useState<SignInOptions | null>(null);
  // Nothing shows until the server's sign-in options are read: the sign-in page's forms depend on them, and a form that
  // appeared and changed under the user's typing would lose what was typed.
  const [restoring, setRestoring] = useState(true);
  const [signInError, setSignInError] = useState<MessageKey | undefined>();
  const t: Translate = (key, params) => translate(language, key, params);

  // The client reads the credential and language at each request.
  const state = useRef({ credential: session?.credential ?? loadCredential(sessionStorage), language });
  state.current = { credential: session?.credential ?? loadCredential(sessionStorage), language };
  const api = useMemo(() => createApi({ credential: () => state.current.credential, language: () => state.current.language }), []);
  // A new key (the language switched, the next page of a list) shows the data held until its own
  // arrives: nothing flickers to "loading", and the designer keeps its unsaved edit across a switch.
  const queryClient = useMemo(
    () => new QueryClient({ defaultOptions: { queries: { retry: retryPolicy, staleTime: 5_000, placeholderData: keepPreviousData } } }),
    [],
  );
  const router = useMemo(() => {
    const created = createBrowserRouter(routeObjects, { basename: basePath });
    bindRouter(created);
    return created;
  }, []);

  useEffect(() => {
    document.documentElement.lang = language;
    document.title = translate(language, 'appTitle');
    dayjs.locale(dayjsLocales[language]);
  }, [language]);

  // A signed-in credential, once the server accepted it: kept for the browser session, and the address leaves the
  // sign-in pages (the provider's callback, the page it returns to after signing out) for the app's home.
  const signedIn = (credential: Credential, me: Me) => {
    setSession({ credential: saveCredential(sessionStorage, credential), me });
    if (window.location.pathname.startsWith(signedOutPath)) void router.navigate('/', { replace: true });
  };

  // The server's sign-in options; then the provider's redirect back is completed, or a credential kept from earlier
  // in this browser session is checked again, before the pages show.
  useEffect(() => {
    let live = true;
    const finish = () => live && setRestoring(false);
    const restore = async () => {
      const read = await api.GET('/api/v1/sign-in').catch(() => null);
      const signInOptions = read?.data ?? null;
      if (!live) return;
      setOptions(signInOptions);
      if (isCallback(window.location.pathname)) {
        if (!signInOptions?.oidc) return finish();
        try {
          const tokens = await completeOidcSignIn(signInOptions.oidc);
          // The code in the address is spent: it leaves the history before anything else.
          window.history.replaceState(null, '', signedOutPath);
          const credential: Credential = { kind: 'oidc', secret: tokens.accessToken, idToken: tokens.idToken };
          const me = await checkCredential(api, credential);
          if (live && me) signedIn(credential, me);
          else if (live) setSignInError('signInCallbackFailed');
        } catch {
          window.history.replaceState(null, '', signedOutPath);
          if (live) setSignInError('signInCallbackFailed');
        }
        return finish();
      }
      const kept = loadCredential(sessionStorage);
      if (!kept) return finish();
      try {
        const me = await checkCredential(api, kept);
        if (!live) return;
        if (me) signedIn(kept, me);
        else clearCredential(sessionStorage);
      } catch {
        // The server could not be reached: the sign-in form says so when the credential is tried again.
      }
      finish();
    };
    void restore();
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once, at start
  }, [api]);

  const chooseLanguage = (next: Language) => setLanguage(switchLanguage(sessionStorage, next));
  // Signing out ends the session where it lives: a local session on the server (refused from then on), the provider's
  // session at its end_session endpoint when it has one; the credential is forgotten here in every case.
  const signOut = () => {
    const credential = session?.credential;
    const ended = credential?.kind === 'local' ? api.DELETE('/api/v1/session').catch(() => undefined) : Promise.resolve();
    void ended.then(async () => {
      clearCredential(sessionStorage);
      queryClient.clear();
      setSession(null);
      if (credential?.kind === 'oidc' && options?.oidc) await endOidcSession(options.oidc, credential.idToken).catch(() => false);
    });
  };
  const tryCredential = async (credential: Credential) => {
    state.current = { credential, language };
    const me = await checkCredential(api, credential);
    if (me) signedIn(credential, me);
    return me !== null;
  };
  const signInLocal = async (userName: string, password: string): Promise<LocalSignInResult> => {
    const { data, response } = await api.POST('/api/v1/session', { body: { userName: userName.trim(), password } });
    if (response.status === 429) return 'throttled';
    if (!response.ok || !data) {
      if (response.status === 401 || response.status === 400) return 'refused';
      throw new Error(`HTTP ${response.status}`);
    }
    return (await tryCredential({ kind: 'local', secret: data.token })) ? 'ok' : 'refused';
  };
  const context: AppContextValue | null = session ? { api, language, t, me: session.me, setLanguage: chooseLanguage, signOut } : null;
  return (
    <ConfigProvider locale={antLocales[language]} theme={theme} button={{ autoInsertSpace: false }}>
      {context ? (
        <QueryClientProvider client={queryClient}>
          <AppContext.Provider value={context}>
            <RouterProvider router={router} />
          </AppContext.Provider>
        </QueryClientProvider>
      ) : restoring ? null : (
        <SignIn
          language={language}
          onLanguage={chooseLanguage}
          options={options}
          initialError={signInError}
          check={(key) => tryCredential({ kind: 'apiKey', secret: key.trim() })}
          signInLocal={signInLocal}
          signInOidc={() => (options?.oidc ? startOidcSignIn(options.oidc) : Promise.resolve())}
        />
      )}
    </ConfigProvider>
  );
}

/** The principal a credential signs in as, or null when the server refuses it (401/403). Other failures throw. */
async function checkCredential(api: ReturnType<typeof createApi>, credential: Credential): Promise<Me | null> {
  const { data, response } = await api.GET('/api/v1/me', { headers: requestHeaders(credential, 'en') });
  if (response.ok && data) return data;
  if (response.status === 401 || response.status === 403) return null;
  throw new Error(`HTTP ${response.status}`);
}
