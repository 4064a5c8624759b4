import { Background, Controls, Position, ReactFlow } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { useMemo } from 'react';
import { toFlow, type PortLabel, type WorkflowDocument } from './flowchart';
import type { Language } from './i18n';

/** A read-only picture of a phase workflow: its activities where the designer placed them, and its connections. */
export function FlowchartView({
  document,
  language,
  portLabel,
}: {
  document: WorkflowDocument;
  language: Language;
  portLabel?: PortLabel;
}) {
  const { nodes, edges } = useMemo(() => {
    const flow = toFlow(document, language, portLabel);
    // The files lay flows out left to right, so edges leave on the right and arrive on the left.
    return { nodes: flow.nodes.map((n) => ({ ...n, sourcePosition: Position.Right, targetPosition: Position.Left })), edges: flow.edges };
  }, [document, language, portLabel]);
  return (
    <div className="flowchart" data-testid="flowchart" style={{ height: 520 }}>
      <ReactFlow
        nodes={nodes}
        edges={edges}
        fitView
        fitViewOptions={{ padding: 0.05 }}
        nodesDraggable={false}
        nodesConnectable={false}
        proOptions={{ hideAttribution: true }}
      >
        <Background />
        <Controls showInteractive={false} />
      </ReactFlow>
    </div>
  );
}
