import { describe, expect, it } from 'vitest';
import { addActivity, connect, freshId, moveActivity, removeActivities, removeConnections, renameActivity } from './document';
import { newActivity } from './descriptors';
import { fromFlowModel, toFlowModel } from './model';
import { byType, sampleDocument } from './testData';

describe('document ⇄ React Flow model', () => {
  it('round-trips everything the file holds, unknown fields included', () => {
    const document = sampleDocument();
    const { nodes, edges } = toFlowModel(document, byType, 'en');
    expect(fromFlowModel(document, nodes, edges)).toEqual(document);
  });

  it('writes moved nodes back as designer positions and keeps the other metadata', () => {
    const document = sampleDocument();
    const { nodes, edges } = toFlowModel(document, byType, 'en');
    nodes[1] = { ...nodes[1], position: { x: 400, y: 120 } };
    const back = fromFlowModel(document, nodes, edges);
    expect(back.root.activities[1].metadata).toEqual({
      designer: { position: { x: 400, y: 120 }, collapsed: false },
      displayNames: { en: 'Meeting', 'zh-CN': '会议' },
      color: 'blue',
    });
  });

  it('labels nodes in the language, gives them their ports, and labels non-default edges', () => {
    const { nodes, edges } = toFlowModel(sampleDocument(), byType, 'zh-CN');
    expect(nodes.map((n) => n.data.label)).toEqual(['开始', '会议', '条件判断', '结束']);
    expect(nodes[2].data.ports).toEqual(['True', 'False']);
    // Beside each handle, the port's label in the page's language (the handle keeps the port's name).
    expect(nodes[2].data.portLabels).toEqual({ True: '是', False: '否' });
    expect(nodes[0].data.hasInbound).toBe(false);
    expect(edges.map((e) => e.id)).toEqual(['start:Done->meeting', 'meeting:Done->check', 'check:True->end', 'check:False->meeting']);
    // Edges say their outcome in the page's language too.
    expect(edges.map((e) => e.label)).toEqual([undefined, undefined, '是', '否']);
    expect(toFlowModel(sampleDocument(), byType, 'en').edges.map((e) => e.label)).toEqual([undefined, undefined, 'True', 'False']);
  });

  it('labels a fork’s named branches by the activity each leads to, and leaves their edges unlabelled', () => {
    const document = sampleDocument();
    document.root.activities.push({ id: 'fork', type: 'Elsa.FlowFork', branches: ['Opinions', 'Talks'] });
    document.root.connections.push(
      { source: { activity: 'fork', port: 'Opinions' }, target: { activity: 'meeting', port: 'In' } },
      { source: { activity: 'fork', port: 'Talks' }, target: { activity: 'check', port: 'In' } },
    );
    const { nodes, edges } = toFlowModel(document, byType, 'zh-CN');
    expect(nodes.find((n) => n.id === 'fork')!.data.portLabels).toMatchObject({ Opinions: '会议', Talks: '条件判断' });
    expect(edges.filter((e) => e.source === 'fork').map((e) => e.label)).toEqual([undefined, undefined]);
  });

  it('gives a repeated connection an id of its own', () => {
    const document = sampleDocument();
    document.root.connections.push({ ...document.root.connections[0] });
    expect(toFlowModel(document, byType, 'en').edges.map((e) => e.id)[4]).toBe('start:Done->meeting#2');
  });
});

describe('document edits', () => {
  it('adds an activity of a type with a fresh id at a position, and a fork with two branches', () => {
    const document = sampleDocument();
    const id = freshId(document, 'Elsa.FlowFork');
    expect(id).toBe('flowFork1');
    const next = addActivity(document, newActivity(byType.get('Elsa.FlowFork')!, id), { x: 10.4, y: 20.6 });
    expect(next.root.activities.at(-1)).toMatchObject({
      id: 'flowFork1',
      type: 'Elsa.FlowFork',
      branches: ['A', 'B'],
      metadata: { designer: { position: { x: 10, y: 21 } } },
    });
    expect(document.root.activities).toHaveLength(4);
  });

  it('connects once, removes connections, and removing an activity removes its connections', () => {
    let document = sampleDocument();
    document = connect(document, 'start', 'Done', 'end');
    expect(connect(document, 'start', 'Done', 'end')).toBe(document);
    expect(document.root.connections.at(-1)).toEqual({
      source: { activity: 'start', port: 'Done' },
      target: { activity: 'end', port: 'In' },
    });
    expect(removeConnections(document, [4]).root.connections).toHaveLength(4);
    const without = removeActivities(document, ['check']);
    expect(without.root.activities.map((a) => a.id)).toEqual(['start', 'meeting', 'end']);
    expect(without.root.connections.map((c) => `${c.source.activity}->${c.target.activity}`)).toEqual(['start->meeting', 'start->end']);
  });

  it('renames an activity in its connections too, and moves it', () => {
    const renamed = renameActivity(sampleDocument(), 'check', 'enoughAttendees');
    expect(renamed.root.connections.map((c) => c.source.activity)).toEqual(['start', 'meeting', 'enoughAttendees', 'enoughAttendees']);
    expect(moveActivity(renamed, 'end', { x: 5, y: 6 }).root.activities[3].metadata?.designer?.position).toEqual({ x: 5, y: 6 });
  });
});
