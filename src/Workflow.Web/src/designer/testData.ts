// Descriptors and a document for the designer's tests, in the shapes the API serves.

import type { ActivityDescriptor } from './descriptors';
import type { PhaseWorkflow } from './document';

const names = (en: string, zh: string) => ({ en, 'zh-CN': zh });

export const descriptors: ActivityDescriptor[] = [
  {
    typeName: 'Elsa.Start',
    displayNames: names('Start', '开始'),
    category: 'control',
    categoryDisplayNames: names('Control flow', '流程控制'),
    kind: 'start',
    inputs: [],
    outboundPorts: ['Done'],
    hasInboundPort: false,
  },
  {
    typeName: 'Elsa.End',
    displayNames: names('End', '结束'),
    category: 'control',
    categoryDisplayNames: names('Control flow', '流程控制'),
    kind: 'end',
    inputs: [],
    outboundPorts: [],
    hasInboundPort: true,
  },
  {
    typeName: 'Elsa.FlowDecision',
    displayNames: names('Decision', '条件判断'),
    category: 'control',
    categoryDisplayNames: names('Control flow', '流程控制'),
    kind: 'automatic',
    inputs: [
      {
        name: 'condition',
        type: 'boolean',
        displayNames: names('Condition', '判断条件'),
        required: true,
        supportsExpression: true,
        expressionOnly: true,
      },
    ],
    outboundPorts: ['True', 'False'],
    portDisplayNames: { True: names('True', '是'), False: names('False', '否') },
    hasInboundPort: true,
  },
  {
    typeName: 'Elsa.FlowFork',
    displayNames: names('Fork', '分支'),
    category: 'control',
    kind: 'automatic',
    inputs: [
      {
        name: 'branches',
        type: 'array',
        displayNames: names('Branches', '分支名称'),
        required: true,
        supportsExpression: false,
        expressionOnly: false,
        minimum: 2,
      },
    ],
    outboundPorts: [],
    portsFromInput: 'branches',
    hasInboundPort: true,
  },
  {
    typeName: 'Campaign.Meeting',
    displayNames: names('Meeting', '会议'),
    category: 'meetings',
    categoryDisplayNames: names('Meetings', '会议'),
    kind: 'task',
    inputs: [
      {
        name: 'meetingKind',
        type: 'string',
        displayNames: names('Meeting kind', '会议类型'),
        required: false,
        supportsExpression: true,
        expressionOnly: false,
        allowedValues: ['mobilization', 'study'],
      },
      {
        name: 'assignee',
        type: 'string',
        displayNames: names('Assignee', '承办人'),
        required: false,
        supportsExpression: true,
        expressionOnly: false,
      },
      {
        name: 'dueInDays',
        type: 'number',
        displayNames: names('Due in (days)', '办理期限（天）'),
        required: false,
        supportsExpression: true,
        expressionOnly: false,
        minimum: 0,
      },
      {
        name: 'instructions',
        type: 'text',
        displayNames: names('Instructions', '办理要求'),
        required: false,
        supportsExpression: true,
        expressionOnly: false,
      },
    ],
    outboundPorts: ['Done'],
    hasInboundPort: true,
  },
];

export const byType = new Map(descriptors.map((d) => [d.typeName, d]));

export function sampleDocument(): PhaseWorkflow {
  return {
    $schema: '../schema/phase-workflow.schema.json',
    definitionId: 'sample-phase',
    version: 1,
    name: '样例',
    displayNames: names('Sample', '样例'),
    inputs: [{ name: 'threshold', type: 'number' }],
    futureField: { kept: true },
    root: {
      type: 'Elsa.Flowchart',
      id: 'sample-flowchart',
      activities: [
        { id: 'start', type: 'Elsa.Start', version: 1, metadata: { designer: { position: { x: 0, y: 0 } } } },
        {
          id: 'meeting',
          type: 'Campaign.Meeting',
          version: 1,
          name: '会议',
          metadata: { designer: { position: { x: 260, y: 0 }, collapsed: false }, displayNames: names('Meeting', '会议'), color: 'blue' },
          meetingKind: 'study',
          assignee: 'party-committee',
          dueInDays: 3,
        },
        {
          id: 'check',
          type: 'Elsa.FlowDecision',
          version: 1,
          condition: { expression: { type: 'JavaScript', value: 'results.meeting.attendees > 3' } },
        },
        { id: 'end', type: 'Elsa.End', version: 1 },
      ],
      connections: [
        { source: { activity: 'start', port: 'Done' }, target: { activity: 'meeting', port: 'In' } },
        { source: { activity: 'meeting', port: 'Done' }, target: { activity: 'check', port: 'In' }, vertices: [] },
        { source: { activity: 'check', port: 'True' }, target: { activity: 'end', port: 'In' } },
        { source: { activity: 'check', port: 'False' }, target: { activity: 'meeting', port: 'In' } },
      ],
    },
  };
}
