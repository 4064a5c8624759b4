import { keepPreviousData, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { useEffect, useMemo, useRef, useState } from 'react';
import { createBrowserRouter, RouterProvider, type RouteObject } from 'react-router';
import { routes } from './routes';
import { createApi, type Me } from './shared/api';
import { AppContext, type AppContextValue } from './shared/context';
import { initialLanguage, switchLanguage, translate, type Language, type Translate } from './shared/i18n';
import { retryPolicy } from './shared/queries';
import { basePath, bindRouter } from './shared/router';
import { clearApiKey, loadApiKey, saveApiKey } from './shared/session';
import { NotFound, Shell } from './shell/Shell';
import { SignIn } from './shell/SignIn';
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
  const [session, setSession] = useState<{ apiKey: string; me: Me } | null>(null);
  const [restoring, setRestoring] = useState(() => loadApiKey(sessionStorage) !== null);
  const t: Translate = (key, params) => translate(language, key, params);

  // The client reads the key and language at each request.
  const state = useRef({ apiKey: session?.apiKey ?? loadApiKey(sessionStorage), language });
  state.current = { apiKey: session?.apiKey ?? loadApiKey(sessionStorage), language };
  const api = useMemo(() => createApi({ apiKey: () => state.current.apiKey, language: () => state.current.language }), []);
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

  // A key kept from earlier in this browser session is checked again before the pages show.
  useEffect(() => {
    const kept = loadApiKey(sessionStorage);
    if (!kept) return;
    let live = true;
    checkKey(api, kept).then(
      (me) => {
        if (!live) return;
        if (me) setSession({ apiKey: kept, me });
        else clearApiKey(sessionStorage);
        setRestoring(false);
      },
      // The server could not be reached: the sign-in form says so when the key is tried again.
      () => live && setRestoring(false),
    );
    return () => {
      live = false;
    };
  }, [api]);

  const chooseLanguage = (next: Language) => setLanguage(switchLanguage(sessionStorage, next));
  const signOut = () => {
    clearApiKey(sessionStorage);
    queryClient.clear();
    setSession(null);
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
          check={async (key) => {
            state.current = { apiKey: key.trim(), language };
            const me = await checkKey(api, key.trim());
            if (me) setSession({ apiKey: saveApiKey(sessionStorage, key), me });
            return me !== null;
          }}
        />
      )}
    </ConfigProvider>
  );
}

/** The principal a key signs in as, or null when the server refuses it (401/403). Other failures throw. */
async function checkKey(api: ReturnType<typeof createApi>, key: string): Promise<Me | null> {
  const { data, response } = await api.GET('/api/v1/me', { headers: { 'X-Api-Key': key } });
  if (response.ok && data) return data;
  if (response.status === 401 || response.status === 403) return null;
  throw new Error(`HTTP ${response.status}`);
}
