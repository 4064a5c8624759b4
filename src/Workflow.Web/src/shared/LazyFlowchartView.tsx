import { lazy } from 'react';
import type { WorkflowDocument } from './flowchart';
import type { Language } from './i18n';
import { OnDemand } from './OnDemand';

// FlowchartView brings React Flow; pages that show a flowchart only on demand load it with the
// flowchart, so React Flow stays out of the app's main script.
const FlowchartView = lazy(() => import('./FlowchartView').then((m) => ({ default: m.FlowchartView })));

/** FlowchartView, loaded when first shown ("Loading…" until then). */
export function LazyFlowchartView(props: { document: WorkflowDocument; language: Language }) {
  return (
    <OnDemand>
      <FlowchartView {...props} />
    </OnDemand>
  );
}
