import {
  AuditOutlined,
  CheckSquareOutlined,
  DashboardOutlined,
  FileTextOutlined,
  FlagOutlined,
  KeyOutlined,
  PartitionOutlined,
} from '@ant-design/icons';
import { lazy, type ComponentType, type ReactNode } from 'react';
import { useParams } from 'react-router';
import type { Me } from './shared/api';
import type { MessageKey } from './shared/i18n';
import { OnDemand } from './shared/OnDemand';

// Every page loads on its first visit (route-level code splitting): the first page's script holds the
// shell, the design system's core and that page, not the designer's editor or the flowchart library.
function page<P extends object>(load: () => Promise<ComponentType<P>>) {
  const Page = lazy(() => load().then((component) => ({ default: component })));
  return function OnDemandPage(props: P) {
    return (
      <OnDemand>
        <Page {...props} />
      </OnDemand>
    );
  };
}

const HomePage = page(() => import('./home/HomePage').then((m) => m.HomePage));
const CampaignListPage = page(() => import('./campaigns/CampaignListPage').then((m) => m.CampaignListPage));
const CampaignPage = page<{ id: string }>(() => import('./campaigns/CampaignPage').then((m) => m.CampaignPage));
const WorklistPage = page(() => import('./worklist/WorklistPage').then((m) => m.WorklistPage));
const DesignerListPage = page(() => import('./designer/DesignerListPage').then((m) => m.DesignerListPage));
const EditorPage = page<{ route: { draftId: string } | { definitionId: string; version: number } }>(() =>
  import('./designer/EditorPage').then((m) => m.EditorPage),
);
const TemplateListPage = page(() => import('./templates/TemplateListPage').then((m) => m.TemplateListPage));
const TemplateEditorPage = page<{ draftId?: string }>(() => import('./templates/TemplateEditorPage').then((m) => m.TemplateEditorPage));
const TemplateVersionPage = page<{ definitionId: string; version: number }>(() =>
  import('./templates/TemplateVersionPage').then((m) => m.TemplateVersionPage),
);
const AuditPage = page(() => import('./audit/AuditPage').then((m) => m.AuditPage));
const KeysPage = page(() => import('./keys/KeysPage').then((m) => m.KeysPage));

/** Renders a page with the route's parameters (react-router decodes them). */
function WithParams({ render }: { render: (params: Record<string, string>) => ReactNode }) {
  const params = useParams();
  return <>{render(params as Record<string, string>)}</>;
}

/**
 * The app's pages. A route with a nav entry shows in the side navigation for callers its `allowed`
 * accepts (the server checks again: this only hides what a role cannot use); `crumb` names a page
 * below a section in the breadcrumbs.
 */
export interface AppRoute {
  path: string;
  element: ReactNode;
  nav?: { label: MessageKey; icon: ReactNode; allowed?: (me: Me) => boolean };
  crumb?: MessageKey;
}

// In the order of the navigation: following campaigns first, then designing them, then auditing.
export const routes: AppRoute[] = [
  { path: '/', element: <HomePage />, nav: { label: 'navHome', icon: <DashboardOutlined /> } },
  { path: '/campaigns', element: <CampaignListPage />, nav: { label: 'campaignListNav', icon: <FlagOutlined /> } },
  {
    path: '/campaigns/:id',
    element: <WithParams render={(p) => <CampaignPage key={p.id} id={p.id} />} />,
    crumb: 'crumbCampaign',
  },
  {
    path: '/worklist',
    element: <WorklistPage />,
    nav: { label: 'worklistNav', icon: <CheckSquareOutlined />, allowed: (me) => me.permissions.completeTasks },
  },
  {
    path: '/designer',
    element: <DesignerListPage />,
    nav: { label: 'designerNav', icon: <PartitionOutlined />, allowed: (me) => me.permissions.designDefinitions },
  },
  {
    path: '/designer/drafts/:draftId',
    element: <WithParams render={(p) => <EditorPage route={{ draftId: p.draftId }} />} />,
    crumb: 'crumbDraft',
  },
  {
    path: '/designer/workflows/:definitionId/:version',
    element: <WithParams render={(p) => <EditorPage route={{ definitionId: p.definitionId, version: Number(p.version) }} />} />,
    crumb: 'crumbVersion',
  },
  // Templates: everyone reads them; the pages show editing and starting only to the roles that may.
  { path: '/templates', element: <TemplateListPage />, nav: { label: 'templatesNav', icon: <FileTextOutlined /> } },
  { path: '/templates/new', element: <TemplateEditorPage />, crumb: 'crumbDraft' },
  {
    path: '/templates/drafts/:draftId',
    element: <WithParams render={(p) => <TemplateEditorPage key={p.draftId} draftId={p.draftId} />} />,
    crumb: 'crumbDraft',
  },
  {
    path: '/templates/:definitionId/versions/:version',
    element: <WithParams render={(p) => <TemplateVersionPage definitionId={p.definitionId} version={Number(p.version)} />} />,
    crumb: 'crumbVersion',
  },
  {
    path: '/audit',
    element: <AuditPage />,
    nav: { label: 'auditNav', icon: <AuditOutlined />, allowed: (me) => me.permissions.readLedger },
  },
  {
    path: '/keys',
    element: <KeysPage />,
    nav: { label: 'keysNav', icon: <KeyOutlined />, allowed: (me) => me.permissions.manageKeys },
  },
];

/** The navigation section a path belongs to (its first segment's route), for the menu and breadcrumbs. */
export function sectionOf(path: string): AppRoute | undefined {
  const first = `/${path.split('/').filter(Boolean)[0] ?? ''}`;
  return routes.find((r) => r.nav && r.path === first);
}
