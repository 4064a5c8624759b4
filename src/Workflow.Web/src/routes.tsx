import { lazy, type ReactNode } from 'react';
import { AuditPage } from './audit/AuditPage';
import { CampaignListPage } from './campaigns/CampaignListPage';
import { HomePage } from './home/HomePage';
import type { Me } from './shared/api';
import type { MessageKey } from './shared/i18n';
import { OnDemand } from './shared/OnDemand';
import { TemplateEditorPage } from './templates/TemplateEditorPage';
import { TemplateListPage } from './templates/TemplateListPage';
import { TemplateVersionPage } from './templates/TemplateVersionPage';
import { WorklistPage } from './worklist/WorklistPage';

// Pages drawn with React Flow load on the first visit to them, not with every page of the app: the
// designer (its editor, the elkjs layout) and one campaign (its status flowchart).
const CampaignPage = lazy(() => import('./campaigns/CampaignPage').then((m) => ({ default: m.CampaignPage })));
const DesignerListPage = lazy(() => import('./designer/DesignerListPage').then((m) => ({ default: m.DesignerListPage })));
const EditorPage = lazy(() => import('./designer/EditorPage').then((m) => ({ default: m.EditorPage })));

/**
 * The app's pages. A route with a nav entry shows in the top navigation for callers its `allowed`
 * accepts (the server checks again: this only hides what a role cannot use).
 */
export interface AppRoute {
  pattern: string;
  render: (params: Record<string, string>) => ReactNode;
  nav?: { label: MessageKey; allowed?: (me: Me) => boolean };
}

// In the order of the navigation: following campaigns first, then designing them, then auditing.
export const routes: AppRoute[] = [
  { pattern: '/', render: () => <HomePage />, nav: { label: 'navHome' } },
  { pattern: '/campaigns', render: () => <CampaignListPage />, nav: { label: 'campaignListNav' } },
  // One campaign (reached from the campaign list, the worklist, a started template).
  {
    pattern: '/campaigns/:id',
    render: (params) => (
      <OnDemand>
        <CampaignPage key={params.id} id={params.id} />
      </OnDemand>
    ),
  },
  { pattern: '/worklist', render: () => <WorklistPage />, nav: { label: 'worklistNav', allowed: (me) => me.permissions.completeTasks } },
  // The workflow designer.
  {
    pattern: '/designer',
    render: () => (
      <OnDemand>
        <DesignerListPage />
      </OnDemand>
    ),
    nav: { label: 'designerNav', allowed: (me) => me.permissions.designDefinitions },
  },
  {
    pattern: '/designer/drafts/:draftId',
    render: (p) => (
      <OnDemand>
        <EditorPage route={{ draftId: p.draftId }} />
      </OnDemand>
    ),
  },
  {
    pattern: '/designer/workflows/:definitionId/:version',
    render: (p) => (
      <OnDemand>
        <EditorPage route={{ definitionId: p.definitionId, version: Number(p.version) }} />
      </OnDemand>
    ),
  },
  // Templates: everyone reads them; the pages show editing and starting only to the roles that may.
  { pattern: '/templates', render: () => <TemplateListPage />, nav: { label: 'templatesNav' } },
  { pattern: '/templates/new', render: () => <TemplateEditorPage /> },
  { pattern: '/templates/drafts/:draftId', render: (p) => <TemplateEditorPage key={p.draftId} draftId={p.draftId} /> },
  {
    pattern: '/templates/:definitionId/versions/:version',
    render: (p) => <TemplateVersionPage definitionId={p.definitionId} version={Number(p.version)} />,
  },
  { pattern: '/audit', render: () => <AuditPage />, nav: { label: 'auditNav', allowed: (me) => me.permissions.readLedger } },
];
