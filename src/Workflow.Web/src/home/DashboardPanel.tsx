import { useQuery } from '@tanstack/react-query';
import { Breadcrumb, Card, Col, Row, Statistic, Table } from 'antd';
import ReactEChartsCore from 'echarts-for-react/esm/core';
import { useSearchParams } from 'react-router';
import { campaignStatusName } from '../campaigns/campaignStatus';
import { unwrap, type Schemas } from '../shared/api';
import { echarts } from '../shared/charts';
import { useApp } from '../shared/context';
import { Link } from '../shared/Link';
import { errorMessage, queryKeys } from '../shared/queries';
import { drilledOrganization, drillSearch, organizationSeries, organizationTotals } from './dashboard';
import { GatesAtRiskCard } from './GatesAtRiskCard';
import { LatestEventsCard } from './LatestEventsCard';
import { UnitCampaignsCard } from './UnitCampaignsCard';

type UnitCount = Schemas['UnitCount'];

/**
 * The leaders' figures at the top of the overview (驾驶舱): campaigns by organization and status, overdue
 * tasks and rectification items per unit, gates at risk and the latest events (GET /api/v1/dashboard),
 * kept in TanStack Query's cache. It drills down from the district (every organization) to one unit
 * (?organization= in the URL, so a unit's view can be linked and gone back from) and on to a campaign.
 */
export function DashboardPanel() {
  const { api, language, t } = useApp();
  const failed = t('requestFailed');
  const [search, setSearch] = useSearchParams();
  const organization = drilledOrganization(search);
  const query = useQuery({
    queryKey: [...queryKeys.dashboard(language), organization],
    queryFn: async () => unwrap(await api.GET('/api/v1/dashboard', { params: { query: organization ? { organization } : {} } }), failed),
  });
  if (query.error)
    return (
      <p role="alert" className="error">
        {errorMessage(query.error, failed)}
      </p>
    );
  const data = query.data;
  const sum = (rows: readonly UnitCount[], pick: (r: UnitCount) => number) => rows.reduce((n, r) => n + pick(r), 0);
  const { organizations, series } = organizationSeries(data?.organizations ?? []);
  const unitColumns = [
    { title: t('dashboardUnit'), dataIndex: 'unit', key: 'unit', render: (u: string) => u || t('dashboardUnassigned') },
    { title: t('dashboardOpen'), dataIndex: 'open', key: 'open', align: 'right' as const },
    { title: t('dashboardOverdue'), dataIndex: 'overdue', key: 'overdue', align: 'right' as const },
  ];
  return (
    <section aria-labelledby="dashboard-heading" className="dashboard">
      <h2 id="dashboard-heading">{t('dashboardHeading')}</h2>
      <nav aria-label={t('dashboardLevel')}>
        <Breadcrumb
          data-testid="dashboard-level"
          items={[
            {
              key: 'district',
              title: organization ? <Link to={{ search: drillSearch(null) }}>{t('dashboardDistrict')}</Link> : t('dashboardDistrict'),
            },
            ...(organization ? [{ key: 'unit', title: <span aria-current="page">{organization}</span> }] : []),
          ]}
        />
      </nav>
      <Row gutter={[16, 16]}>
        {[
          { title: t('dashboardCampaigns'), value: data?.organizations.reduce((n, o) => n + o.count, 0), testId: 'dashboard-campaigns' },
          { title: t('dashboardOverdueTasks'), value: data && sum(data.overdueTasks.items, (r) => r.overdue), testId: 'dashboard-overdue' },
          {
            title: t('dashboardRectificationOpen'),
            value: data && sum(data.rectification.items, (r) => r.open),
            testId: 'dashboard-rectification-open',
          },
          {
            title: t('dashboardRectificationClosed'),
            value: data && sum(data.rectification.items, (r) => r.closed),
            testId: 'dashboard-rectification-closed',
          },
        ].map((figure) => (
          <Col xs={12} md={6} key={figure.testId}>
            <Card size="small">
              <Statistic title={figure.title} value={figure.value} loading={query.isPending} data-testid={figure.testId} />
            </Card>
          </Col>
        ))}
        <Col xs={24} lg={12}>
          <Card size="small" title={t('dashboardByOrganization')}>
            <ReactEChartsCore
              echarts={echarts}
              style={{ height: 260 }}
              opts={{ renderer: 'svg' }}
              // A bar is a way down to its unit, as the organizations table's links are (for the keyboard).
              onEvents={{ click: (e: { name?: string }) => e.name && setSearch({ organization: e.name }) }}
              option={{
                tooltip: { trigger: 'axis' },
                legend: { bottom: 0 },
                grid: { left: 8, right: 8, top: 8, bottom: 32, containLabel: true },
                xAxis: { type: 'value', minInterval: 1 },
                yAxis: { type: 'category', data: organizations },
                series: series.map((s) => ({ type: 'bar', stack: 'campaigns', name: campaignStatusName(s.status, t), data: s.counts })),
              }}
            />
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card size="small" title={t('dashboardOverdueByUnit')}>
            <Table<UnitCount>
              size="small"
              rowKey="unit"
              pagination={false}
              loading={query.isPending}
              dataSource={data?.overdueTasks.items ?? []}
              columns={unitColumns}
              data-testid="dashboard-overdue-units"
            />
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          {organization ? (
            <UnitCampaignsCard organization={organization} />
          ) : (
            <Card size="small" title={t('dashboardOrganizations')}>
              <Table
                size="small"
                rowKey="organization"
                pagination={false}
                loading={query.isPending}
                dataSource={organizationTotals(data?.organizations ?? [])}
                data-testid="dashboard-organizations"
                columns={[
                  {
                    title: t('colOrganization'),
                    key: 'organization',
                    render: (_, o) => <Link to={{ search: drillSearch(o.organization) }}>{o.organization}</Link>,
                  },
                  { title: t('dashboardCampaigns'), dataIndex: 'campaigns', key: 'campaigns', align: 'right' as const },
                  { title: t('dashboardRunning'), dataIndex: 'running', key: 'running', align: 'right' as const },
                ]}
              />
            </Card>
          )}
        </Col>
        <Col xs={24} lg={12}>
          <LatestEventsCard section={data?.latestEvents} loading={query.isPending} />
        </Col>
        <Col xs={24}>
          <GatesAtRiskCard section={data?.gatesAtRisk} loading={query.isPending} />
        </Col>
      </Row>
    </section>
  );
}
