import type { ReactNode } from 'react';
import { CampaignPage } from './campaigns/CampaignPage';
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
  // One campaign (reached from the campaign list; no nav entry of its own).
  { pattern: '/campaigns/:id', render: (params) => <CampaignPage key={params.id} id={params.id} /> },
];
