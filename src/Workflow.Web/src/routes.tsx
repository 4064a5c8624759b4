import type { ReactNode } from 'react';
import { DesignerListPage } from './designer/DesignerListPage';
import { EditorPage } from './designer/EditorPage';
import { HomePage } from './home/HomePage';
import type { Me } from './shared/api';
import type { MessageKey } from './shared/i18n';

/**
 * The app's pages. A route with a nav entry shows in the top navigation for callers its `allowed`
 * accepts (the server checks again: this only hides what a role cannot use).
 */
export interface AppRoute {
  pattern: string;
  render: (params: Record<string, string>) => ReactNode;
  nav?: { label: MessageKey; allowed?: (me: Me) => boolean };
}

export const routes: AppRoute[] = [
  { pattern: '/', render: () => <HomePage />, nav: { label: 'navHome' } },
  // The workflow designer (issue 5).
  { pattern: '/designer', render: () => <DesignerListPage />, nav: { label: 'designerNav', allowed: (me) => me.permissions.designDefinitions } },
  { pattern: '/designer/drafts/:draftId', render: (p) => <EditorPage route={{ draftId: p.draftId }} /> },
  { pattern: '/designer/workflows/:definitionId/:version', render: (p) => <EditorPage route={{ definitionId: p.definitionId, version: Number(p.version) }} /> },
];
