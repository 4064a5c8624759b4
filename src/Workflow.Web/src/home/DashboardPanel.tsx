import { useQuery } from '@tanstack/react-query';
import { Card, Col, Row, Statistic, Table } from 'antd';
import ReactEChartsCore from 'echarts-for-react/esm/core';
import { campaignStatusName } from '../campaigns/campaignStatus';
import { unwrap, type Schemas } from '../shared/api';
import { echarts } from '../shared/charts';
import { useApp } from '../shared/context';
import { errorMessage, queryKeys } from '../shared/queries';
import { organizationSeries } from './dashboard';

type UnitCount = Schemas['UnitCount'];

/**
 * The leaders' figures at the top of the overview (驾驶舱): campaigns by organization and status, overdue
 * tasks and rectification items per unit (GET /api/v1/dashboard), kept in TanStack Query's cache.
 */
export function DashboardPanel() {
  const { api, language, t } = useApp();
  const failed = t('requestFailed');
  const query = useQuery({
    queryKey: queryKeys.dashboard(language),
    queryFn: async () => unwrap(await api.GET('/api/v1/dashboard'), failed),
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
      </Row>
    </section>
  );
}
