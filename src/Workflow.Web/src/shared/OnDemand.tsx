import { Component, Suspense, type ReactNode } from 'react';
import { useApp } from './context';
import { useLocation } from './router';

/**
 * Code loaded on demand (React.lazy): "Loading…" while it arrives, and a message instead of a blank
 * app when it cannot be fetched (offline, or a new deployment replaced the old chunk's file).
 */
export function OnDemand({ children }: { children: ReactNode }) {
  const { t } = useApp();
  const { path } = useLocation();
  // Keyed by the path: a failure belongs to the page that had it, not to the next page shown in its place.
  return (
    <LoadFailure key={path} message={t('loadFailed')}>
      <Suspense fallback={<p role="status">{t('loading')}</p>}>{children}</Suspense>
    </LoadFailure>
  );
}

class LoadFailure extends Component<{ message: string; children: ReactNode }, { failed: boolean }> {
  state = { failed: false };

  static getDerivedStateFromError() {
    return { failed: true };
  }

  render() {
    return this.state.failed ? (
      <p role="alert" className="error">
        {this.props.message}
      </p>
    ) : (
      this.props.children
    );
  }
}
