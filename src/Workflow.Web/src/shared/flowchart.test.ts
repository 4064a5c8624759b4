import { describe, expect, it } from 'vitest';
import { portLabels, toFlow, type PortNamingDescriptor, type WorkflowDocument } from './flowchart';

const document: WorkflowDocument = {
  definitionId: 'test',
  root: {
    activities: [
      { id: 'start', type: 'Elsa.Start' },
      {
        id: 'review',
        type: 'Campaign.Review',
        name: '审阅',
        metadata: { designer: { position: { x: 300, y: 40 } }, displayNames: { en: 'Review', 'zh-CN': '审阅报告' } },
      },
      { id: 'end', type: 'Elsa.End', name: 'End' },
    ],
    connections: [
      { source: { activity: 'start', port: 'Done' }, target: { activity: 'review', port: 'In' } },
      { source: { activity: 'review', port: 'Approved' }, target: { activity: 'end', port: 'In' } },
      { source: { activity: 'review', port: 'ChangesRequested' }, target: { activity: 'review', port: 'In' } },
    ],
  },
};

describe('toFlow', () => {
  it('leaves a fork’s named branches (identifiers in no language) unlabelled: the activity they lead to names them', () => {
    const forked: WorkflowDocument = {
      definitionId: 'fork',
      root: {
        activities: [
          { id: 'fork', type: 'Elsa.FlowFork', branches: ['Opinions', 'Talks'] } as WorkflowDocument['root']['activities'][number],
          { id: 'opinions', type: 'Campaign.OpinionCollection' },
          { id: 'talks', type: 'Campaign.Talks' },
        ],
        connections: [
          { source: { activity: 'fork', port: 'Opinions' }, target: { activity: 'opinions' } },
          { source: { activity: 'fork', port: 'Talks' }, target: { activity: 'talks' } },
        ],
      },
    };
    expect(toFlow(forked, 'zh-CN', () => undefined).edges.map((e) => e.label)).toEqual([undefined, undefined]);
  });

  it('places nodes where the designer put them and labels them in the chosen language', () => {
    const { nodes } = toFlow(document, 'zh-CN');
    expect(nodes.map((n) => n.data.label)).toEqual(['start', '审阅报告', 'End']);
    expect(nodes[1].position).toEqual({ x: 300, y: 40 });
    expect(toFlow(document, 'en').nodes[1].data.label).toBe('Review');
  });

  it('gives nodes without a stored position a place in a row', () => {
    const { nodes } = toFlow(document, 'en');
    expect(nodes[0].position).toEqual({ x: 0, y: 0 });
    expect(nodes[2].position).toEqual({ x: 480, y: 0 });
  });

  it('labels edges by their outcome port, except the default Done', () => {
    const { edges } = toFlow(document, 'en');
    expect(edges.map((e) => e.label)).toEqual([undefined, 'Approved', 'ChangesRequested']);
    expect(new Set(edges.map((e) => e.id)).size).toBe(3);
  });

  it('labels outcome ports in the page’s language when given the descriptors’ labels', () => {
    const descriptors: PortNamingDescriptor[] = [
      {
        typeName: 'Campaign.Review',
        portDisplayNames: {
          Approved: { en: 'Approved', 'zh-CN': '通过' },
          ChangesRequested: { en: 'Changes requested', 'zh-CN': '需修改' },
        },
      },
      { typeName: 'Elsa.FlowFork', portDisplayNames: {} },
    ];
    expect(toFlow(document, 'zh-CN', portLabels(descriptors, 'zh-CN')).edges.map((e) => e.label)).toEqual([undefined, '通过', '需修改']);
    expect(toFlow(document, 'en', portLabels(descriptors, 'en')).edges.map((e) => e.label)).toEqual([
      undefined,
      'Approved',
      'Changes requested',
    ]);
    // A port without a label (a fork's branch name, or a type the descriptors do not know) keeps its name.
    expect(toFlow(document, 'zh-CN', portLabels([], 'zh-CN')).edges.map((e) => e.label)).toEqual([
      undefined,
      'Approved',
      'ChangesRequested',
    ]);
  });
});
