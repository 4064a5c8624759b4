import { Handle, Position, type Node, type NodeProps } from '@xyflow/react';
import type { ActivityNodeData } from './model';

export type ActivityFlowNode = Node<ActivityNodeData & { problemTitles: string[]; problemDetails: string }, 'activity'>;

/**
 * One activity on the canvas: its name and type, an inbound handle on the left, one labelled
 * outbound handle per port on the right, and the first of its problems in red.
 */
export function ActivityNode({ id, data, selected }: NodeProps<ActivityFlowNode>) {
  const kind = data.activity.type.startsWith('Elsa.') ? 'control' : 'task';
  const problems = data.problemTitles;
  return (
    <div
      className={`designer-node designer-node-${kind}${problems.length ? ' has-problems' : ''}${selected ? ' is-selected' : ''}`}
      data-testid={`designer-node-${id}`}
      title={data.problemDetails || undefined}
    >
      {data.hasInbound && (
        <Handle type="target" position={Position.Left} id="In" className="designer-handle-in" data-testid={`handle-${id}-In`} />
      )}
      <div className="designer-node-type">{data.typeLabel}</div>
      <div className="designer-node-label">{data.label}</div>
      <div className="designer-node-id">{id}</div>
      {problems.length > 0 && (
        <div className="designer-node-problem" data-testid={`node-problem-${id}`}>
          ⚠ {problems[0]}
          {problems.length > 1 ? ` (+${problems.length - 1})` : ''}
        </div>
      )}
      {data.ports.length > 0 && (
        <div className="designer-node-ports">
          {data.ports.map((port) => (
            <div key={port} className="designer-port">
              <span title={port}>{data.portLabels[port] ?? port}</span>
              <Handle
                type="source"
                position={Position.Right}
                id={port}
                className="designer-handle-out"
                data-testid={`handle-${id}-${port}`}
              />
            </div>
          ))}
        </div>
      )}
    </div>
  );
}
