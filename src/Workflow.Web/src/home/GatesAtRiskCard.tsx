import { Card, Table, Tag } from 'antd';
import { GateMetricBars } from '../campaigns/GateMetricBars';
import type { Schemas } from '../shared/api';
import { useApp } from '../shared/context';
import { Link } from '../shared/Link';

type GateAtRisk = Schemas['GateAtRisk'];

// Tag colours whose text keeps WCAG AA contrast on their own background (gold and orange do not; axe found gold).
const stateColors: Record<string, string> = { unmet: 'red', error: 'magenta', pending: 'default' };
const stateKeys = { unmet: 'campaignPageGateUnmet', error: 'campaignPageGateError', pending: 'campaignPageGatePending' } as const;

/** The current phase's gates that active campaigns have not met yet, each with its figures against its threshold. */
export function GatesAtRiskCard({ section, loading }: { section: Schemas['GatesAtRiskSection'] | undefined; loading: boolean }) {
  const { language, t } = useApp();
  // The dashboard does not read each campaign's workflow: the metric is said without the result's name (the gate's name says it).
  const names = { language, activities: {}, resultSchemas: {}, inputs: {} };
  return (
    <Card
      size="small"
      title={t('dashboardGatesAtRisk')}
      extra={
        section && section.total > section.items.length
          ? t('dashboardShowingOf', { shown: section.items.length, total: section.total })
          : null
      }
    >
      <Table<GateAtRisk>
        size="small"
        rowKey={(g) => `${g.campaignId}/${g.gate.id}`}
        pagination={false}
        loading={loading}
        dataSource={section?.items ?? []}
        locale={{ emptyText: t('dashboardNoGatesAtRisk') }}
        data-testid="dashboard-gates-at-risk"
        columns={[
          {
            title: t('dashboardCampaign'),
            key: 'campaign',
            render: (_, g) => (
              <>
                <Link to={`/campaigns/${encodeURIComponent(g.campaignId)}`}>{g.campaignName}</Link>
                <div>{g.phaseDisplayName}</div>
              </>
            ),
          },
          { title: t('dashboardGate'), key: 'gate', render: (_, g) => g.gate.displayName },
          {
            title: t('campaignPageState'),
            key: 'state',
            render: (_, g) => (
              <Tag color={stateColors[g.gate.state] ?? 'default'}>
                {t(stateKeys[g.gate.state as keyof typeof stateKeys] ?? 'campaignPageGateError')}
              </Tag>
            ),
          },
          {
            title: t('gateMetricsHeading'),
            key: 'metric',
            render: (_, g) => <GateMetricBars gate={g.gate} names={names} t={t} showNames={false} />,
          },
        ]}
      />
    </Card>
  );
}
