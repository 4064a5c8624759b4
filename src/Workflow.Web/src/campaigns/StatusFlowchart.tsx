import { Background, Controls, MiniMap, Position, ReactFlow } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { useMemo, type KeyboardEvent } from 'react';
import { toFlow, type PortLabel, type WorkflowDocument } from '../shared/flowchart';
import { extent, frameHeightFor, readableZoom, rowWidthFor, wrapIntoRows } from '../shared/flowchartWrap';
import { useElementWidth } from '../shared/useElementWidth';
import type { Language, MessageKey, Translate } from '../shared/i18n';
import { nodeColours, nodeStatuses, type ActivityState, type NodeStatus } from './taskStatus';

export const statusKeys: Record<NodeStatus, MessageKey> = {
  notReached: 'campaignPageStatusNotReached',
  active: 'campaignPageStatusActive',
  overdue: 'campaignPageStatusOverdue',
  completed: 'campaignPageStatusCompleted',
  cancelled: 'campaignPageStatusCancelled',
};

interface Props {
  document: WorkflowDocument;
  language: Language;
  t: Translate;
  states: Map<string, ActivityState>;
  /** Activity types that are tasks (people do them); other nodes (start, fork, join…) carry no status. */
  taskTypes: Set<string>;
  selected: string | null;
  onSelect: (activityId: string | null) => void;
  /** The outcome ports' labels in the page's language (from the descriptors). */
  portLabel?: PortLabel;
}

/**
 * The current phase's flowchart with each task activity coloured by where its latest instances
 * stand, the state also written in the node (colour is never the only sign), and the units of a
 * multi-instance activity counted ("1/2 units done").
 */
/** The size task nodes are drawn at (styles.css, .campaign-node: 170 px wide with padding and border; up to three lines). */
const nodeSize = { width: 186, height: 96 };

export function StatusFlowchart({ document, language, t, states, taskTypes, selected, onSelect, portLabel }: Props) {
  const [frame, frameWidth] = useElementWidth(1200);
  const { nodes, edges, focus, height } = useMemo(() => {
    const flow = toFlow(document, language, portLabel);
    const nodes = flow.nodes.map((n) => {
      const isTask = taskTypes.has(n.data.type);
      const state = states.get(n.id);
      const status: NodeStatus | null = isTask ? (state?.status ?? 'notReached') : null;
      return {
        ...n,
        // Task nodes are buttons reached with Tab (named by task and state, as the node reads); the
        // start, fork and join nodes are not stops on the way, since there is nothing to open on them.
        focusable: isTask,
        ...(status ? { ariaRole: 'button' as const, ariaLabel: `${n.data.label} – ${t(statusKeys[status])}` } : {}),
        sourcePosition: Position.Right,
        targetPosition: Position.Left,
        className: `campaign-node ${status ? `campaign-node--${status}` : 'campaign-node--flow'}${selected === n.id ? ' campaign-node--selected' : ''}`,
        data: {
          ...n.data,
          label: (
            <div className="campaign-node-body" data-testid={`node-${n.id}`} data-status={status ?? 'flow'}>
              <div className="campaign-node-label">{n.data.label}</div>
              {status && (
                <div className="campaign-node-status">
                  {t(statusKeys[status])}
                  {state && state.iteration > 1 ? ` · ${t('campaignPageIteration', { n: state.iteration })}` : ''}
                </div>
              )}
              {state?.units && (
                <div className="campaign-node-units">
                  <span>{t('campaignPageUnits', { done: state.units.done, total: state.units.total })}</span>
                  <span className="campaign-node-unit-dots" aria-hidden="true">
                    {state.tasks.map((task) => (
                      <span key={task.id} className={`campaign-unit-dot campaign-unit-dot--${task.status}`} />
                    ))}
                  </span>
                </div>
              )}
            </div>
          ),
        },
      };
    });
    // Open with the open work in view (and what leads to and from it): a whole phase is too wide to
    // read at once. The fit-view control shows all of it.
    const open = new Set([...states.values()].filter((s) => s.status === 'active' || s.status === 'overdue').map((s) => s.activityId));
    const focus = new Set(open);
    for (const e of flow.edges) {
      if (open.has(e.source)) focus.add(e.target);
      if (open.has(e.target)) focus.add(e.source);
    }
    // Wrapped into rows as wide as the frame at a readable zoom, as a text wraps, instead of one long line.
    const wrapped = wrapIntoRows(nodes, {
      maxWidth: rowWidthFor(frameWidth, nodeSize.width),
      nodeWidth: nodeSize.width,
      nodeHeight: nodeSize.height,
      rowGap: 70,
    });
    const height = frameHeightFor(extent(wrapped, nodeSize.width, nodeSize.height).height);
    // The overview draws nodes from the sizes the nodes were given: the pictures are read-only, so React Flow's
    // measurements are never written back to them.
    const sized = wrapped.map((n) => ({ ...n, initialWidth: nodeSize.width, initialHeight: nodeSize.height }));
    return { nodes: sized, edges: flow.edges, focus: [...focus].map((id) => ({ id })), height };
  }, [document, language, t, states, taskTypes, selected, portLabel, frameWidth]);
  // React Flow's own Enter/Space only selects a node; here they open its details, as a click does.
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.key !== 'Enter' && e.key !== ' ') return;
    const target = e.target as HTMLElement;
    if (!target.classList.contains('react-flow__node')) return;
    const node = nodes.find((n) => n.id === target.dataset.id);
    if (!node || !taskTypes.has(node.data.type)) return;
    e.preventDefault();
    onSelect(node.id);
  };
  return (
    <div>
      <ul className="campaign-legend" aria-label={t('campaignPageLegend')}>
        {nodeStatuses.map((s) => (
          <li key={s}>
            <span className="campaign-legend-swatch" style={{ background: nodeColours[s] }} aria-hidden="true" />
            {t(statusKeys[s])}
          </li>
        ))}
      </ul>
      <div ref={frame} className="flowchart campaign-flowchart" data-testid="campaign-flowchart" style={{ height }} onKeyDown={onKeyDown}>
        <ReactFlow
          // Laid out again for a new width: the first view is fitted anew, not left where the old layout was.
          key={Math.round(frameWidth / 50)}
          nodes={nodes}
          edges={edges}
          // Right-angled edges: a row's last node reaches the next row's first around the nodes, not across them.
          defaultEdgeOptions={{ type: 'smoothstep' }}
          fitView
          fitViewOptions={{ padding: 0.1, minZoom: readableZoom, maxZoom: 1, nodes: focus.length > 0 ? focus : undefined }}
          minZoom={0.1}
          nodesDraggable={false}
          nodesConnectable={false}
          edgesFocusable={false}
          // Space opens a focused task's details, so it does not also switch the pane to panning.
          panActivationKeyCode={null}
          ariaLabelConfig={{ 'node.a11yDescription.default': t('campaignPageNodeKeyboardHint') }}
          onNodeClick={(_, node) => onSelect(taskTypes.has((node.data as { type: string }).type) ? node.id : null)}
          proOptions={{ hideAttribution: true }}
        >
          <Background />
          <Controls showInteractive={false} />
          {frameWidth >= 640 && (
            <MiniMap
              pannable
              zoomable
              ariaLabel={t('flowchartMinimap')}
              nodeColor={(node) => {
                const status = states.get(node.id)?.status;
                return taskTypes.has((node.data as { type: string }).type) ? nodeColours[status ?? 'notReached'] : '#ffffff';
              }}
              nodeStrokeColor="#8c8c8c"
              bgColor="#ffffff"
              maskColor="rgba(0, 0, 0, 0.06)"
            />
          )}
        </ReactFlow>
      </div>
    </div>
  );
}
