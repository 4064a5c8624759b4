import { Alert, Button, Divider, Form, Input, Layout, Typography } from 'antd';
import { useState } from 'react';
import { translate, type Language, type MessageKey } from '../shared/i18n';
import type { SignInOptions } from '../signin/oidc';
import { LanguageSwitch } from './LanguageSwitch';

/** How a local account's sign-in ended. */
export type LocalSignInResult = 'ok' | 'refused' | 'throttled';

/**
 * The sign-in page: the organization's OpenID Connect provider or local accounts for people, as the server says
 * (GET /api/v1/sign-in), and API keys for integrators. A credential is tried against the server before anything
 * else shows: a wrong one is refused here, with a message that says so.
 */
export function SignIn({
  language,
  onLanguage,
  options,
  check,
  signInLocal,
  signInOidc,
  initialError,
}: {
  language: Language;
  onLanguage: (l: Language) => void;
  /** The server's sign-in options; null when they could not be read (API keys still work). */
  options: SignInOptions | null;
  /** True when the server accepts the key; false when it refuses it; throws when it cannot be reached. */
  check: (key: string) => Promise<boolean>;
  signInLocal: (userName: string, password: string) => Promise<LocalSignInResult>;
  signInOidc: () => Promise<void>;
  initialError?: MessageKey;
}) {
  const t = (key: MessageKey, params?: Record<string, string | number>) => translate(language, key, params);
  // The refusal as a catalog key, so that it follows the language switch.
  const [error, setError] = useState<MessageKey | ''>(initialError ?? '');
  const [busy, setBusy] = useState(false);
  const attempt = async (run: () => Promise<MessageKey | ''>) => {
    setBusy(true);
    setError('');
    try {
      setError(await run());
    } catch {
      setError('signInUnreachable');
    } finally {
      setBusy(false);
    }
  };
  const submitKey = ({ apiKey }: { apiKey: string }) => attempt(async () => ((await check(apiKey)) ? '' : 'signInRefused'));
  const submitLocal = ({ userName, password }: { userName: string; password: string }) =>
    attempt(async () => {
      const result = await signInLocal(userName, password);
      return result === 'ok' ? '' : result === 'throttled' ? 'signInThrottled' : 'signInPasswordRefused';
    });
  const keyForm = (
    <Form layout="vertical" onFinish={submitKey} requiredMark={false}>
      <Typography.Paragraph>{t('signInHelp')}</Typography.Paragraph>
      <Form.Item label={t('apiKey')} name="apiKey" rules={[{ required: true, whitespace: true, message: t('signInKeyRequired') }]}>
        <Input.Password autoComplete="off" aria-label={t('apiKey')} />
      </Form.Item>
      <Button type={options?.oidc || options?.localAccounts ? 'default' : 'primary'} htmlType="submit" loading={busy} block>
        {t('signIn')}
      </Button>
    </Form>
  );
  const people = options?.oidc ? (
    <>
      <Typography.Paragraph>{t('signInProviderHelp')}</Typography.Paragraph>
      <Button type="primary" block loading={busy} onClick={() => void attempt(async () => (await signInOidc(), ''))}>
        {t('signInWithProvider')}
      </Button>
    </>
  ) : options?.localAccounts ? (
    <Form layout="vertical" onFinish={submitLocal} requiredMark={false}>
      <Typography.Paragraph>{t('signInLocalHelp')}</Typography.Paragraph>
      <Form.Item
        label={t('signInUserName')}
        name="userName"
        rules={[{ required: true, whitespace: true, message: t('signInUserNameRequired') }]}
      >
        <Input autoComplete="username" aria-label={t('signInUserName')} />
      </Form.Item>
      <Form.Item label={t('signInPassword')} name="password" rules={[{ required: true, message: t('signInPasswordRequired') }]}>
        <Input.Password autoComplete="current-password" aria-label={t('signInPassword')} />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={busy} block>
        {t('signInWithPassword')}
      </Button>
    </Form>
  ) : null;
  return (
    <Layout className="sign-in-page">
      <Layout.Header className="app-header">
        <span className="app-brand-inline">{t('appTitle')}</span>
        <LanguageSwitch language={language} onChange={onLanguage} t={t} />
      </Layout.Header>
      <Layout.Content className="sign-in-content">
        <section className="sign-in">
          <Typography.Title level={2}>{t('signInTitle')}</Typography.Title>
          {error && <Alert type="error" showIcon role="alert" title={t(error)} className="sign-in-error" />}
          {people ? (
            <>
              {people}
              {/* Integrators' keys stay open below, not folded away: a key is how a service account signs in. */}
              <Divider />
              <Typography.Title level={3}>{t('signInWithKey')}</Typography.Title>
              {keyForm}
            </>
          ) : (
            keyForm
          )}
        </section>
      </Layout.Content>
    </Layout>
  );
}
