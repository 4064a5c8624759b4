import { Card, Table } from 'antd';
import type { Schemas } from '../shared/api';
import { useApp } from '../shared/context';
import { formatTime } from '../shared/format';
import { Link } from '../shared/Link';

type LatestEvent = Schemas['LatestEvent'];

/** The newest ledger entries of the campaigns in view, newest first, named in the page's language by the server. */
export function LatestEventsCard({ section, loading }: { section: Schemas['LatestEventsSection'] | undefined; loading: boolean }) {
  const { language, t } = useApp();
  return (
    <Card size="small" title={t('dashboardLatestEvents')}>
      <Table<LatestEvent>
        size="small"
        rowKey="id"
        pagination={false}
        loading={loading}
        dataSource={section?.items ?? []}
        locale={{ emptyText: t('dashboardNoEvents') }}
        data-testid="dashboard-latest-events"
        columns={[
          {
            title: t('dashboardWhen'),
            key: 'at',
            render: (_, e) => <time dateTime={e.at}>{formatTime(e.at, language)}</time>,
          },
          {
            title: t('dashboardCampaign'),
            key: 'campaign',
            render: (_, e) => <Link to={`/campaigns/${encodeURIComponent(e.campaignId)}`}>{e.campaignName}</Link>,
          },
          { title: t('dashboardWhat'), dataIndex: 'kindDisplayName', key: 'kind' },
          { title: t('dashboardWho'), dataIndex: 'actor', key: 'actor' },
        ]}
      />
    </Card>
  );
}
