import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { ApiError, createApi, unwrap, type Api, type Campaign, type Template } from './api';
import { initialLanguage, languageNames, languages, switchLanguage, translate, type Language, type MessageKey } from './i18n';
import { FlowchartView } from './FlowchartView';
import type { WorkflowDocument } from './flowchart';
import { clearApiKey, loadApiKey, saveApiKey } from './session';

export function App() {
  const [language, setLanguage] = useState<Language>(() => initialLanguage(sessionStorage, navigator));
  const [apiKey, setApiKey] = useState<string | null>(() => loadApiKey(sessionStorage));
  const t = (key: MessageKey) => translate(language, key);

  // The client reads the key and language at each request.
  const state = useRef({ apiKey, language });
  state.current = { apiKey, language };
  const api = useMemo(() => createApi({ apiKey: () => state.current.apiKey, language: () => state.current.language }), []);

  useEffect(() => {
    document.documentElement.lang = language;
    document.title = translate(language, 'appTitle');
  }, [language]);

  return (
    <div className="app">
      <header className="app-header">
        <h1>{t('appTitle')}</h1>
        <div className="header-tools">
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
      <main>
        {apiKey ? (
          <Overview api={api} language={language} t={t} />
        ) : (
          <SignIn t={t} onSignIn={(key) => setApiKey(saveApiKey(sessionStorage, key))} />
        )}
      </main>
    </div>
  );
}

type T = (key: MessageKey) => string;

function SignIn({ t, onSignIn }: { t: T; onSignIn: (key: string) => void }) {
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

interface Loaded<T> {
  data?: T;
  error?: string;
}

/** Loads again when the language changes, so server messages follow the switch. */
function useLoad<T>(load: () => Promise<T>, fallback: string, deps: unknown[]): Loaded<T> {
  const [state, setState] = useState<Loaded<T>>({});
  useEffect(() => {
    let live = true;
    load().then(
      (data) => live && setState({ data }),
      (e: unknown) => live && setState({ error: e instanceof ApiError ? e.message : `${fallback}: ${String(e)}` }),
    );
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps);
  return state;
}

function Overview({ api, language, t }: { api: Api; language: Language; t: T }) {
  const failed = t('requestFailed');
  const templates = useLoad(async () => unwrap(await api.GET('/api/v1/templates'), failed), failed, [language]);
  const campaigns = useLoad(async () => unwrap(await api.GET('/api/v1/campaigns'), failed).items, failed, [language]);
  return (
    <>
      <section aria-labelledby="templates-heading">
        <h2 id="templates-heading">{t('templatesHeading')}</h2>
        <Listing
          t={t}
          state={templates}
          empty={t('noTemplates')}
          columns={[t('colTemplate'), t('colVersion'), t('colPublishedAt'), t('colPublishedBy')]}
          rows={(templates.data ?? [])
            .filter((v: Template) => !v.retracted)
            .map((v: Template) => ({
              key: `${v.definitionId}@${v.version}`,
              cells: [v.definitionId, String(v.version), formatTime(v.publishedAt, language), v.publishedBy],
            }))}
        />
      </section>
      <Workflows api={api} language={language} t={t} />
      <section aria-labelledby="campaigns-heading">
        <h2 id="campaigns-heading">{t('campaignsHeading')}</h2>
        <Listing
          t={t}
          state={campaigns}
          empty={t('noCampaigns')}
          columns={[t('colName'), t('colTemplate'), t('colOrganization'), t('colStatus'), t('colUpdatedAt')]}
          rows={(campaigns.data ?? []).map((c: Campaign) => ({
            key: c.id,
            cells: [c.name, `${c.templateId}@${c.templateVersion}`, c.organization, String(c.status), formatTime(c.updatedAt, language)],
          }))}
        />
      </section>
    </>
  );
}

/** The published phase workflows, each of which can be shown as its flowchart. */
function Workflows({ api, language, t }: { api: Api; language: Language; t: T }) {
  const failed = t('requestFailed');
  const workflows = useLoad(async () => unwrap(await api.GET('/api/v1/workflows'), failed), failed, [language]);
  const [shown, setShown] = useState<{ id: string; document: WorkflowDocument } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const show = async (definitionId: string, version: number) => {
    try {
      const data = unwrap(
        await api.GET('/api/v1/workflows/{definitionId}/versions/{version}', { params: { path: { definitionId, version } } }),
        failed,
      );
      setShown({ id: `${definitionId} v${version}`, document: (data as unknown as { definition: WorkflowDocument }).definition });
      setError(null);
    } catch (e) {
      setError(e instanceof ApiError ? e.message : `${failed}: ${String(e)}`);
    }
  };
  const rows = ((workflows.data ?? []) as Template[]).filter((v) => !v.retracted);
  return (
    <section aria-labelledby="workflows-heading">
      <h2 id="workflows-heading">{t('workflowsHeading')}</h2>
      {workflows.error && (
        <p role="alert" className="error">
          {workflows.error}
        </p>
      )}
      {workflows.data === undefined && !workflows.error && <p>{t('loading')}</p>}
      {workflows.data !== undefined && rows.length === 0 && <p>{t('noWorkflows')}</p>}
      {rows.length > 0 && (
        <table>
          <thead>
            <tr>
              <th scope="col">{t('colWorkflow')}</th>
              <th scope="col">{t('colVersion')}</th>
              <th scope="col" />
            </tr>
          </thead>
          <tbody>
            {rows.map((v) => (
              <tr key={`${v.definitionId}@${v.version}`}>
                <td>{v.definitionId}</td>
                <td>{String(v.version)}</td>
                <td>
                  <button type="button" data-testid={`show-${v.definitionId}`} onClick={() => void show(v.definitionId, Number(v.version))}>
                    {t('showFlowchart')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {shown && (
        <>
          <h3>
            {t('flowchartOf')} {shown.id}
          </h3>
          <FlowchartView document={shown.document} language={language} />
        </>
      )}
    </section>
  );
}

function Listing({
  t,
  state,
  empty,
  columns,
  rows,
}: {
  t: T;
  state: Loaded<unknown>;
  empty: string;
  columns: string[];
  rows: { key: string; cells: string[] }[];
}) {
  if (state.error)
    return (
      <p role="alert" className="error">
        {state.error}
      </p>
    );
  if (state.data === undefined) return <p>{t('loading')}</p>;
  if (rows.length === 0) return <p>{empty}</p>;
  return (
    <table>
      <thead>
        <tr>
          {columns.map((c) => (
            <th key={c} scope="col">
              {c}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.key}>
            {r.cells.map((cell, i) => (
              <td key={i}>{cell}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function formatTime(value: string | null | undefined, language: Language): string {
  if (!value) return '';
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? value : date.toLocaleString(language);
}
