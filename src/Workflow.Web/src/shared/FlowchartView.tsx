import { Background, Controls, MiniMap, Position, ReactFlow } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { useMemo } from 'react';
import { toFlow, type PortLabel, type WorkflowDocument } from './flowchart';
import { extent, frameHeightFor, readableZoom, rowWidthFor, wrapIntoRows } from './flowchartWrap';
import type { Language } from './i18n';
import { useElementWidth } from './useElementWidth';

/** React Flow's default node: 150 px wide with its padding and border, one or two lines of text. */
const nodeSize = { width: 152, height: 60 };

/** A read-only picture of a phase workflow: its activities in the designer's order, wrapped into rows that fit the page. */
export function FlowchartView({
  document,
  language,
  portLabel,
  minimapLabel,
}: {
  document: WorkflowDocument;
  language: Language;
  portLabel?: PortLabel;
  /** The overview's accessible name in the page's language. */
  minimapLabel: string;
}) {
  const [frame, frameWidth] = useElementWidth(1200);
  const { nodes, edges, height } = useMemo(() => {
    const flow = toFlow(document, language, portLabel);
    // The files lay flows out left to right, so edges leave on the right and arrive on the left.
    const placed = flow.nodes.map((n) => ({ ...n, sourcePosition: Position.Right, targetPosition: Position.Left }));
    const nodes = wrapIntoRows(placed, {
      maxWidth: rowWidthFor(frameWidth, nodeSize.width),
      nodeWidth: nodeSize.width,
      nodeHeight: nodeSize.height,
      rowGap: 60,
    });
    // The overview draws nodes from these sizes: nothing writes React Flow's measurements back to a read-only picture.
    const sized = nodes.map((n) => ({ ...n, initialWidth: nodeSize.width, initialHeight: nodeSize.height }));
    return { nodes: sized, edges: flow.edges, height: frameHeightFor(extent(nodes, nodeSize.width, nodeSize.height).height) };
  }, [document, language, portLabel, frameWidth]);
  return (
    <div ref={frame} className="flowchart" data-testid="flowchart" style={{ height }}>
      <ReactFlow
        key={Math.round(frameWidth / 50)}
        nodes={nodes}
        edges={edges}
        defaultEdgeOptions={{ type: 'smoothstep' }}
        fitView
        fitViewOptions={{ padding: 0.05, minZoom: readableZoom, maxZoom: 1 }}
        nodesDraggable={false}
        nodesConnectable={false}
        proOptions={{ hideAttribution: true }}
      >
        <Background />
        <Controls showInteractive={false} />
        {frameWidth >= 640 && <MiniMap pannable zoomable ariaLabel={minimapLabel} bgColor="#ffffff" maskColor="rgba(0, 0, 0, 0.06)" />}
      </ReactFlow>
    </div>
  );
}
