import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Checkbox, DatePicker, Form, Input, Modal, Popconfirm, Radio, Select, Space, Table, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useApp } from '../shared/context';
import { formatTime } from '../shared/format';
import { errorMessage, queryError, queryKeys, useInvalidate } from '../shared/queries';
import { keysApi, type KeyView } from './keysApi';

const roles = ['admin', 'operator', 'participant', 'auditor'] as const;
const graces = [0, 3600, 86400] as const;
const stateColors = { active: 'green', expired: 'default', revoked: 'red' } as const;

/** The service accounts' API keys (admins): the list, issuing one (its secret shown once), rotating and revoking. */
export function KeysPage() {
  const { api, language, t } = useApp();
  const failed = t('requestFailed');
  const keys = useQuery({ queryKey: queryKeys.keys, queryFn: () => keysApi.list(api, failed) });
  const invalidate = useInvalidate();
  const [creating, setCreating] = useState(false);
  const [rotating, setRotating] = useState<KeyView | null>(null);
  const [grace, setGrace] = useState<number>(86400);
  const [secret, setSecret] = useState('');
  const [error, setError] = useState('');
  const [form] = Form.useForm();

  const act = async (run: () => Promise<string | void>) => {
    setError('');
    try {
      const shown = await run();
      if (shown) setSecret(shown);
      await invalidate([queryKeys.keys]);
    } catch (e) {
      setError(errorMessage(e, failed));
    }
  };
  const create = (values: { principal: string; owner: string; roles: string[]; expiresAt?: Dayjs; canActForOthers?: boolean }) =>
    act(async () => {
      const issued = await keysApi.create(
        api,
        { ...values, expiresAt: values.expiresAt?.toISOString() ?? null, canActForOthers: values.canActForOthers ?? false },
        failed,
      );
      setCreating(false);
      form.resetFields();
      return issued.key;
    });
  const rotate = (key: KeyView) =>
    act(async () => {
      const issued = await keysApi.rotate(api, key.id, grace, failed);
      setRotating(null);
      return issued.key;
    });

  return (
    <section aria-labelledby="keys-heading">
      <h2 id="keys-heading">{t('keysHeading')}</h2>
      <Typography.Paragraph>{t('keysHelp')}</Typography.Paragraph>
      <p>
        <Button type="primary" onClick={() => setCreating(true)}>
          {t('keysCreate')}
        </Button>
      </p>
      {(error || queryError(keys, failed)) && <Alert type="error" showIcon role="alert" title={error || queryError(keys, failed)} />}
      <Table<KeyView>
        data-testid="keys-table"
        rowKey="id"
        loading={keys.isLoading}
        dataSource={keys.data ?? []}
        pagination={false}
        locale={{ emptyText: t('keysEmpty') }}
        scroll={{ x: true }}
        onRow={(k) => ({ 'data-testid': 'key-row', 'data-prefix': k.prefix }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          { title: t('keysColKey'), dataIndex: 'prefix', render: (prefix: string) => <code>{`cwk_${prefix}_…`}</code> },
          { title: t('keysColPrincipal'), dataIndex: 'principal' },
          { title: t('keysColOwner'), dataIndex: 'owner' },
          { title: t('keysColRoles'), dataIndex: 'roles', render: (r: string[]) => r.join(', ') },
          {
            title: t('keysColState'),
            dataIndex: 'state',
            render: (state: KeyView['state']) => (
              <Tag color={stateColors[state as keyof typeof stateColors] ?? 'default'} data-testid="key-state">
                {t(`keysState_${state}` as 'keysState_active')}
              </Tag>
            ),
          },
          {
            title: t('keysColExpires'),
            dataIndex: 'expiresAt',
            render: (v: string | null) => (v ? formatTime(v, language) : t('keysNoExpiry')),
          },
          {
            title: t('keysColLastUsed'),
            dataIndex: 'lastUsedAt',
            render: (v: string | null) => (v ? formatTime(v, language) : t('keysNever')),
          },
          {
            title: '',
            key: 'actions',
            render: (_: unknown, k: KeyView) =>
              k.state === 'active' ? (
                <Space>
                  <Button onClick={() => setRotating(k)}>{t('keysRotate')}</Button>
                  <Popconfirm
                    title={t('keysRevokeConfirm', { principal: k.principal })}
                    okText={t('keysRevoke')}
                    cancelText={t('keysCancel')}
                    onConfirm={() => act(() => keysApi.revoke(api, k.id, failed).then(() => undefined))}
                  >
                    <Button danger>{t('keysRevoke')}</Button>
                  </Popconfirm>
                </Space>
              ) : null,
          },
        ]}
      />

      <Modal open={creating} title={t('keysCreate')} onCancel={() => setCreating(false)} footer={null} destroyOnHidden>
        <Form form={form} layout="vertical" onFinish={create} requiredMark={false}>
          <Form.Item label={t('keysPrincipal')} name="principal" rules={[{ required: true, whitespace: true, message: t('keysRequired') }]}>
            <Input />
          </Form.Item>
          <Form.Item label={t('keysOwner')} name="owner" rules={[{ required: true, whitespace: true, message: t('keysRequired') }]}>
            <Input />
          </Form.Item>
          <Form.Item label={t('keysRoles')} name="roles" rules={[{ required: true, message: t('keysRequired') }]}>
            <Select mode="multiple" options={roles.map((r) => ({ value: r, label: r }))} />
          </Form.Item>
          <Form.Item label={t('keysExpiresAt')} name="expiresAt">
            <DatePicker showTime />
          </Form.Item>
          <Form.Item name="canActForOthers" valuePropName="checked">
            <Checkbox>{t('keysActForOthers')}</Checkbox>
          </Form.Item>
          <Space>
            <Button type="primary" htmlType="submit">
              {t('keysIssue')}
            </Button>
            <Button onClick={() => setCreating(false)}>{t('keysCancel')}</Button>
          </Space>
        </Form>
      </Modal>

      <Modal
        open={rotating !== null}
        title={rotating ? t('keysRotateTitle', { principal: rotating.principal }) : ''}
        okText={t('keysRotateConfirm')}
        cancelText={t('keysCancel')}
        onOk={() => rotating && void rotate(rotating)}
        onCancel={() => setRotating(null)}
      >
        <Typography.Paragraph>{t('keysRotateHelp')}</Typography.Paragraph>
        <Radio.Group value={grace} onChange={(e) => setGrace(e.target.value as number)}>
          <Space direction="vertical">
            {graces.map((g) => (
              <Radio key={g} value={g}>
                {t(`keysGrace_${g}`)}
              </Radio>
            ))}
          </Space>
        </Radio.Group>
      </Modal>

      <Modal
        open={secret !== ''}
        title={t('keysSecretTitle')}
        closable={false}
        maskClosable={false}
        // Once closed the secret leaves the page altogether: it is shown once.
        destroyOnHidden
        footer={
          <Button type="primary" onClick={() => setSecret('')}>
            {t('keysSecretDone')}
          </Button>
        }
      >
        <Typography.Paragraph>{t('keysSecretHelp')}</Typography.Paragraph>
        <Typography.Paragraph copyable={{ text: secret }} data-testid="issued-key">
          <code>{secret}</code>
        </Typography.Paragraph>
      </Modal>
    </section>
  );
}
