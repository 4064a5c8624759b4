import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { campaignStatusName } from '../campaigns/campaignStatus';
import { unwrap, type Campaign, type Template } from '../shared/api';
import { useApp } from '../shared/context';
import { portLabels, type PortNamingDescriptor, type WorkflowDocument } from '../shared/flowchart';
import { LazyFlowchartView as FlowchartView } from '../shared/LazyFlowchartView';
import { formatTime } from '../shared/format';
import { Link } from '../shared/Link';
import { Listing } from '../shared/Listing';
import { errorMessage, queryKeys } from '../shared/queries';
import { DashboardPanel } from './DashboardPanel';

/** The overview: published templates, phase workflows (each can be drawn), and campaigns. */
export function HomePage() {
  const { api, language, t } = useApp();
  const failed = t('requestFailed');
  const templates = useQuery({
    queryKey: queryKeys.publishedTemplates(language),
    queryFn: async () => unwrap(await api.GET('/api/v1/templates'), failed),
  });
  const campaigns = useQuery({
    queryKey: queryKeys.campaignList({}, language),
    queryFn: async () => unwrap(await api.GET('/api/v1/campaigns'), failed),
  });
  return (
    <>
      <DashboardPanel />
      <section aria-labelledby="templates-heading">
        <h2 id="templates-heading">{t('templatesHeading')}</h2>
        <Listing
          query={templates}
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
      <Workflows />
      <section aria-labelledby="campaigns-heading">
        <h2 id="campaigns-heading">{t('campaignsHeading')}</h2>
        <Listing
          query={campaigns}
          empty={t('noCampaigns')}
          columns={[t('colName'), t('colTemplate'), t('colOrganization'), t('colStatus'), t('colUpdatedAt')]}
          rows={(campaigns.data?.items ?? []).map((c: Campaign) => ({
            key: c.id,
            cells: [
              <Link to={`/campaigns/${encodeURIComponent(c.id)}`}>{c.name}</Link>,
              `${c.templateId}@${c.templateVersion}`,
              c.organization,
              campaignStatusName(String(c.status), t),
              formatTime(c.updatedAt, language),
            ],
          }))}
        />
      </section>
    </>
  );
}

/** The published phase workflows, each of which can be shown as its flowchart. */
function Workflows() {
  const { api, language, t } = useApp();
  const failed = t('requestFailed');
  const workflows = useQuery({
    queryKey: queryKeys.publishedWorkflows(language),
    queryFn: async () => unwrap(await api.GET('/api/v1/workflows'), failed),
  });
  // The descriptors label the outcome ports (True/False, Approved/ChangesRequested) in the page's language.
  const descriptors = useQuery({
    queryKey: queryKeys.descriptors(language),
    queryFn: async () => unwrap(await api.GET('/api/v1/activity-descriptors'), failed) as unknown as PortNamingDescriptor[],
  });
  const portLabel = useMemo(() => portLabels(descriptors.data ?? [], language), [descriptors.data, language]);
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
      setError(errorMessage(e, failed));
    }
  };
  const rows = ((workflows.data ?? []) as Template[]).filter((v) => !v.retracted);
  return (
    <section aria-labelledby="workflows-heading">
      <h2 id="workflows-heading">{t('workflowsHeading')}</h2>
      <Listing
        query={workflows}
        empty={t('noWorkflows')}
        columns={[t('colWorkflow'), t('colVersion'), '']}
        rows={rows.map((v) => ({
          key: `${v.definitionId}@${v.version}`,
          cells: [
            v.definitionId,
            String(v.version),
            <button type="button" data-testid={`show-${v.definitionId}`} onClick={() => void show(v.definitionId, Number(v.version))}>
              {t('showFlowchart')}
            </button>,
          ],
        }))}
      />
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
          <FlowchartView document={shown.document} language={language} portLabel={portLabel} minimapLabel={t('flowchartMinimap')} />
        </>
      )}
    </section>
  );
}
