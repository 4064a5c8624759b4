import { lazy, type ComponentProps } from 'react';
import type { FlowchartView as EagerFlowchartView } from './FlowchartView';
import { OnDemand } from './OnDemand';

// FlowchartView brings React Flow; pages that show a flowchart only on demand load it with the
// flowchart, so React Flow stays out of the app's main script.
const FlowchartView = lazy(() => import('./FlowchartView').then((m) => ({ default: m.FlowchartView })));

/** FlowchartView, loaded when first shown ("Loading…" until then). */
export function LazyFlowchartView(props: ComponentProps<typeof EagerFlowchartView>) {
  return (
    <OnDemand>
      <FlowchartView {...props} />
    </OnDemand>
  );
}
