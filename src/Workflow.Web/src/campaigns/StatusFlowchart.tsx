import { Background, Controls, Position, ReactFlow } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { useMemo, type KeyboardEvent } from 'react';
import { toFlow, type PortLabel, type WorkflowDocument } from '../shared/flowchart';
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
export function StatusFlowchart({ document, language, t, states, taskTypes, selected, onSelect, portLabel }: Props) {
  const { nodes, edges, focus } = useMemo(() => {
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
        // The files space activities for the designer; closer together the whole phase fits the page.
        position: { x: n.position.x * 0.75, y: n.position.y },
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
    return { nodes, edges: flow.edges, focus: [...focus].map((id) => ({ id })) };
  }, [document, language, t, states, taskTypes, selected, portLabel]);
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
      <div className="flowchart campaign-flowchart" data-testid="campaign-flowchart" style={{ height: 420 }} onKeyDown={onKeyDown}>
        <ReactFlow
          nodes={nodes}
          edges={edges}
          fitView
          fitViewOptions={{ padding: 0.1, minZoom: 0.1, maxZoom: 1, nodes: focus.length > 0 ? focus : undefined }}
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
        </ReactFlow>
      </div>
    </div>
  );
}
