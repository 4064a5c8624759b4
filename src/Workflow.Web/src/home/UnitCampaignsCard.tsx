import { useQuery } from '@tanstack/react-query';
import { Card, Table } from 'antd';
import { campaignStatusName } from '../campaigns/campaignStatus';
import { unwrap, type Campaign } from '../shared/api';
import { useApp } from '../shared/context';
import { Link } from '../shared/Link';
import { errorMessage, queryKeys } from '../shared/queries';

/** The last level of the drill-down: one unit's campaigns, each a link to its page. */
export function UnitCampaignsCard({ organization }: { organization: string }) {
  const { api, language, t } = useApp();
  const failed = t('requestFailed');
  const filter = { organization };
  const campaigns = useQuery({
    queryKey: queryKeys.campaignList(filter, language),
    queryFn: async () => unwrap(await api.GET('/api/v1/campaigns', { params: { query: filter } }), failed),
  });
  return (
    <Card size="small" title={t('dashboardUnitCampaigns', { organization })}>
      {campaigns.error ? (
        <p role="alert" className="error">
          {errorMessage(campaigns.error, failed)}
        </p>
      ) : (
        <Table<Campaign>
          size="small"
          rowKey="id"
          pagination={false}
          loading={campaigns.isPending}
          dataSource={campaigns.data?.items ?? []}
          data-testid="dashboard-unit-campaigns"
          columns={[
            {
              title: t('colName'),
              key: 'name',
              render: (_, c) => <Link to={`/campaigns/${encodeURIComponent(c.id)}`}>{c.name}</Link>,
            },
            { title: t('colStatus'), key: 'status', render: (_, c) => campaignStatusName(String(c.status), t) },
          ]}
        />
      )}
    </Card>
  );
}
