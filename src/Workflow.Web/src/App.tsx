import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { NotificationBell } from './notifications/NotificationBell';
import { routes } from './routes';
import { createApi, unwrap, type Me } from './shared/api';
import { AppContext, useApp, type AppContextValue } from './shared/context';
import { initialLanguage, languageNames, languages, switchLanguage, translate, type Language, type Translate } from './shared/i18n';
import { Link } from './shared/Link';
import { matchPath, useLocation } from './shared/router';
import { clearApiKey, loadApiKey, saveApiKey } from './shared/session';

export function App() {
  const [language, setLanguage] = useState<Language>(() => initialLanguage(sessionStorage, navigator));
  const [apiKey, setApiKey] = useState<string | null>(() => loadApiKey(sessionStorage));
  const [me, setMe] = useState<Me | null>(null);
  const t: Translate = (key, params) => translate(language, key, params);

  // The client reads the key and language at each request.
  const state = useRef({ apiKey, language });
  state.current = { apiKey, language };
  const api = useMemo(() => createApi({ apiKey: () => state.current.apiKey, language: () => state.current.language }), []);

  useEffect(() => {
    document.documentElement.lang = language;
    document.title = translate(language, 'appTitle');
  }, [language]);

  useEffect(() => {
    setMe(null);
    if (!apiKey) return;
    let live = true;
    // A refused key shows its message on the pages' own requests; the navigation then stays minimal.
    api.GET('/api/v1/me').then(
      (r) => live && r.response.ok && setMe(unwrap(r, '')),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [api, apiKey]);

  const context: AppContextValue = { api, language, t, me };
  return (
    <div className="app">
      <header className="app-header">
        <h1>{t('appTitle')}</h1>
        <div className="header-tools">
          {me && <span data-testid="signed-in-as">{t('signedInAs', { principal: me.principal })}</span>}
          {me && <NotificationBell api={api} t={t} language={language} />}
          <label>
            {t('language')}{' '}
            <select
              aria-label={t('language')}
              data-testid="language-switch"
              value={language}
              onChange={(e) => setLanguage(switchLanguage(sessionStorage, e.target.value as Language))}
            >
              {languages.map((l) => (
                <option key={l} value={l} lang={l}>
                  {languageNames[l]}
                </option>
              ))}
            </select>
          </label>
          {apiKey && (
            <button
              type="button"
              onClick={() => {
                clearApiKey(sessionStorage);
                setApiKey(null);
              }}
            >
              {t('signOut')}
            </button>
          )}
        </div>
      </header>
      {apiKey ? (
        <AppContext.Provider value={context}>
          <Navigation />
          <main>
            <CurrentPage />
          </main>
        </AppContext.Provider>
      ) : (
        <main>
          <SignIn t={t} onSignIn={(key) => setApiKey(saveApiKey(sessionStorage, key))} />
        </main>
      )}
    </div>
  );
}

function Navigation() {
  const { t, me } = useApp();
  const { path } = useLocation();
  return (
    <nav className="app-nav" aria-label={t('navigation')}>
      {routes
        .filter((r) => r.nav && (!r.nav.allowed || (me && r.nav.allowed(me))))
        .map((r) => {
          const current = r.pattern === '/' ? path === '/' : path === r.pattern || path.startsWith(`${r.pattern}/`);
          return (
            <Link key={r.pattern} to={r.pattern} aria-current={current ? 'page' : undefined}>
              {t(r.nav!.label)}
            </Link>
          );
        })}
    </nav>
  );
}

function CurrentPage() {
  const { t } = useApp();
  const { path } = useLocation();
  for (const route of routes) {
    const params = matchPath(route.pattern, path);
    if (params) return <>{route.render(params)}</>;
  }
  return (
    <section>
      <h2>{t('notFoundTitle')}</h2>
      <p>{t('notFoundText')}</p>
    </section>
  );
}

function SignIn({ t, onSignIn }: { t: Translate; onSignIn: (key: string) => void }) {
  const [key, setKey] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (key.trim()) onSignIn(key);
  };
  return (
    <form className="sign-in" onSubmit={submit}>
      <h2>{t('signInTitle')}</h2>
      <p>{t('signInHelp')}</p>
      <label>
        {t('apiKey')}{' '}
        <input
          name="apiKey"
          type="password"
          autoComplete="off"
          aria-label={t('apiKey')}
          value={key}
          onChange={(e) => setKey(e.target.value)}
          required
        />
      </label>{' '}
      <button type="submit">{t('signIn')}</button>
    </form>
  );
}
