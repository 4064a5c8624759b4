import type { ReactNode } from 'react';
import { AuditPage } from './audit/AuditPage';
import { CampaignListPage } from './campaigns/CampaignListPage';
import { CampaignPage } from './campaigns/CampaignPage';
import { DesignerListPage } from './designer/DesignerListPage';
import { EditorPage } from './designer/EditorPage';
import { HomePage } from './home/HomePage';
import type { Me } from './shared/api';
import type { MessageKey } from './shared/i18n';
import { TemplateEditorPage } from './templates/TemplateEditorPage';
import { TemplateListPage } from './templates/TemplateListPage';
import { TemplateVersionPage } from './templates/TemplateVersionPage';
import { WorklistPage } from './worklist/WorklistPage';

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
  { pattern: '/campaigns/:id', render: (params) => <CampaignPage key={params.id} id={params.id} /> },
  { pattern: '/worklist', render: () => <WorklistPage />, nav: { label: 'worklistNav', allowed: (me) => me.permissions.completeTasks } },
  // The workflow designer.
  { pattern: '/designer', render: () => <DesignerListPage />, nav: { label: 'designerNav', allowed: (me) => me.permissions.designDefinitions } },
  { pattern: '/designer/drafts/:draftId', render: (p) => <EditorPage route={{ draftId: p.draftId }} /> },
  { pattern: '/designer/workflows/:definitionId/:version', render: (p) => <EditorPage route={{ definitionId: p.definitionId, version: Number(p.version) }} /> },
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
