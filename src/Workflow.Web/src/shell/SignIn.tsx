import { Alert, Button, Form, Input, Layout, Typography } from 'antd';
import { useState } from 'react';
import { translate, type Language } from '../shared/i18n';
import { LanguageSwitch } from './LanguageSwitch';

/**
 * Sign-in with an API key. The key is tried against the server (GET /api/v1/me) before anything
 * else shows: a wrong key is refused here, with a message that says so.
 */
export function SignIn({
  language,
  onLanguage,
  check,
}: {
  language: Language;
  onLanguage: (l: Language) => void;
  /** True when the server accepts the key; false when it refuses it; throws when it cannot be reached. */
  check: (key: string) => Promise<boolean>;
}) {
  const t = (key: Parameters<typeof translate>[1], params?: Record<string, string | number>) => translate(language, key, params);
  // The refusal as a catalog key, so that it follows the language switch.
  const [error, setError] = useState<'' | 'signInRefused' | 'signInUnreachable'>('');
  const [busy, setBusy] = useState(false);
  const submit = async ({ apiKey }: { apiKey: string }) => {
    setBusy(true);
    setError('');
    try {
      if (!(await check(apiKey))) setError('signInRefused');
    } catch {
      setError('signInUnreachable');
    } finally {
      setBusy(false);
    }
  };
  return (
    <Layout className="sign-in-page">
      <Layout.Header className="app-header">
        <span className="app-brand-inline">{t('appTitle')}</span>
        <LanguageSwitch language={language} onChange={onLanguage} t={t} />
      </Layout.Header>
      <Layout.Content className="sign-in-content">
        <section className="sign-in">
          <Typography.Title level={2}>{t('signInTitle')}</Typography.Title>
          <Typography.Paragraph>{t('signInHelp')}</Typography.Paragraph>
          <Form layout="vertical" onFinish={submit} requiredMark={false}>
            <Form.Item label={t('apiKey')} name="apiKey" rules={[{ required: true, whitespace: true, message: t('signInKeyRequired') }]}>
              <Input.Password autoComplete="off" aria-label={t('apiKey')} />
            </Form.Item>
            {error && <Alert type="error" showIcon role="alert" title={t(error)} className="sign-in-error" />}
            <Button type="primary" htmlType="submit" loading={busy} block>
              {t('signIn')}
            </Button>
          </Form>
        </section>
      </Layout.Content>
    </Layout>
  );
}
