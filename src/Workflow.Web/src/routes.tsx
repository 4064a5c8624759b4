import type { ReactNode } from 'react';
import { AuditPage } from './audit/AuditPage';
import { HomePage } from './home/HomePage';
import type { Me } from './shared/api';
import type { MessageKey } from './shared/i18n';
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

export const routes: AppRoute[] = [
  { pattern: '/', render: () => <HomePage />, nav: { label: 'navHome' } },
  { pattern: '/worklist', render: () => <WorklistPage />, nav: { label: 'worklistNav', allowed: (me) => me.permissions.completeTasks } },
  { pattern: '/audit', render: () => <AuditPage />, nav: { label: 'auditNav', allowed: (me) => me.permissions.readLedger } },
];
