import {
  Background,
  Controls,
  MarkerType,
  ReactFlow,
  useReactFlow,
  type Edge,
  type EdgeChange,
  type FitViewOptions,
  type NodeChange,
} from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { useMemo, type DragEvent } from 'react';
import { useApp } from '../shared/context';
import { ActivityNode, type ActivityFlowNode } from './ActivityNode';
import type { ActivityDescriptor } from './descriptors';
import type { PhaseWorkflow, Position } from './document';
import type { Selection } from './Editor';
import { nodeSize } from './layout';
import { toFlowModel } from './model';
import { paletteDragType } from './Palette';
import { problemTitle } from '../shared/problemTitles';
import type { PlacedProblems } from './problems';

const nodeTypes = { activity: ActivityNode };

interface CanvasProps {
  document: PhaseWorkflow;
  descriptors: ReadonlyMap<string, ActivityDescriptor>;
  placed: PlacedProblems;
  selection: Selection;
  readOnly: boolean;
  fitOptions: FitViewOptions;
  onSelect: (selection: Selection) => void;
  onMove: (id: string, position: Position, dragging: boolean) => void;
  onConnect: (source: string, port: string, target: string) => void;
  onDrop: (typeName: string, position: Position) => void;
}

/** The flowchart being designed, drawn from the document; every change goes back to the document. */
export function Canvas(p: CanvasProps) {
  const { language, t } = useApp();
  const flow = useReactFlow();
  const { nodes, edges } = useMemo(() => {
    const model = toFlowModel(p.document, p.descriptors, language);
    const nodes: ActivityFlowNode[] = model.nodes.map((n) => {
      const problems = p.placed.byNode.get(n.id) ?? [];
      return {
        ...n,
        selected: !!p.selection && 'node' in p.selection && p.selection.node === n.id,
        data: {
          ...n.data,
          problemTitles: problems.map((x) => problemTitle(t, x)),
          problemDetails: problems.map((x) => x.message).join('\n'),
        },
      };
    });
    const x = new Map(model.nodes.map((n) => [n.id, n.position.x]));
    const ports = new Map(model.nodes.map((n) => [n.id, n.data.ports]));
    const portLabels = new Map(model.nodes.map((n) => [n.id, n.data.portLabels]));
    const edges: Edge[] = model.edges.map((e) => {
      const problems = p.placed.byEdge.get(e.id) ?? [];
      const selected = !!p.selection && 'edge' in p.selection && p.selection.edge === e.id;
      const color = problems.length ? '#c62828' : selected ? '#1f4f99' : '#6b7686';
      return {
        id: e.id,
        source: e.source,
        // A port the activity does not have (the server reports it) is drawn from the node's first
        // port, as React Flow draws no edge from a handle that does not exist.
        sourceHandle: ports.get(e.source)?.includes(e.sourceHandle) ? e.sourceHandle : ports.get(e.source)?.[0],
        target: e.target,
        targetHandle: 'In',
        // A connection back to an earlier activity (a revision loop) goes round the nodes rather than through them.
        type: (x.get(e.target) ?? 0) <= (x.get(e.source) ?? 0) ? 'smoothstep' : 'default',
        selected,
        // The port is written beside its handle on the node; an edge is labelled only with its problem.
        label: problems.length
          ? `⚠ ${portLabels.get(e.source)?.[e.sourceHandle] ?? e.sourceHandle}: ${problemTitle(t, problems[0])}`
          : undefined,
        className: problems.length ? 'designer-edge has-problems' : 'designer-edge',
        style: { stroke: color, strokeWidth: selected || problems.length ? 2.5 : 1.5 },
        labelStyle: problems.length ? { fill: '#c62828', fontWeight: 600 } : undefined,
        markerEnd: { type: MarkerType.ArrowClosed, color },
        data: e.data,
      };
    });
    return { nodes, edges };
  }, [p.document, p.descriptors, p.placed, p.selection, language, t]);

  const onNodesChange = (changes: NodeChange<ActivityFlowNode>[]) => {
    for (const change of changes) {
      // Dragged with the mouse or moved with the arrow keys; a drag's moves are one undo step (see onNodeDragStop).
      if (change.type === 'position' && change.position) p.onMove(change.id, change.position, !!change.dragging);
      else if (change.type === 'select' && change.selected) p.onSelect({ node: change.id });
    }
  };
  const onEdgesChange = (changes: EdgeChange[]) => {
    for (const change of changes) if (change.type === 'select' && change.selected) p.onSelect({ edge: change.id });
  };
  const onDragOver = (e: DragEvent) => {
    if (p.readOnly) return;
    e.preventDefault();
    e.dataTransfer.dropEffect = 'copy';
  };
  const onDrop = (e: DragEvent) => {
    const type = e.dataTransfer.getData(paletteDragType);
    if (!type || p.readOnly) return;
    e.preventDefault();
    const at = flow.screenToFlowPosition({ x: e.clientX, y: e.clientY });
    p.onDrop(type, { x: at.x - nodeSize.width / 2, y: at.y - nodeSize.height / 2 });
  };

  return (
    <div
      className="designer-canvas"
      data-testid="designer-canvas"
      aria-label={t('designerCanvas')}
      role="region"
      onDragOver={onDragOver}
      onDrop={onDrop}
    >
      <ReactFlow
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        onNodesChange={onNodesChange}
        onEdgesChange={onEdgesChange}
        onNodeDragStop={(_, node) => p.onMove(node.id, node.position, false)}
        onConnect={(c) => c.source && c.target && p.onConnect(c.source, c.sourceHandle ?? 'Done', c.target)}
        onNodeClick={(_, node) => p.onSelect({ node: node.id })}
        onEdgeClick={(_, edge) => p.onSelect({ edge: edge.id })}
        onPaneClick={() => p.onSelect(null)}
        nodesDraggable={!p.readOnly}
        nodesConnectable={!p.readOnly}
        deleteKeyCode={null}
        fitView
        fitViewOptions={p.fitOptions}
        minZoom={0.2}
        proOptions={{ hideAttribution: true }}
      >
        <Background gap={20} />
        <Controls showInteractive={false} />
      </ReactFlow>
    </div>
  );
}
