import { describe, expect, test } from 'vitest';
import { timelineItems } from './campaignTimeline';

const transition = (sequence: number, from: string, to: string, trigger: string) => ({
  sequence,
  kind: 'phase.transitioned',
  at: `2023-06-${String(sequence).padStart(2, '0')}T08:00:00Z`,
  phaseId: null,
  taskId: null,
  payload: { kind: 'phaseTransitioned', transition: { from, to, trigger } },
});

const completed = (sequence: number, phaseId: string, taskId: string, outcome: string, result: unknown) => ({
  sequence,
  kind: 'task.completed',
  at: `2023-06-${String(sequence).padStart(2, '0')}T09:00:00Z`,
  phaseId,
  taskId,
  payload: { kind: 'phaseWorkflowEvent', phaseId, event: { kind: 'taskCompleted', taskId, outcome, result } },
});

describe('the campaign timeline', () => {
  test('phase rounds numbered per phase, meetings with their dates, results with their outcomes', () => {
    const items = timelineItems([
      { sequence: 1, kind: 'campaign.created', at: '2023-06-01T00:00:00Z', phaseId: null, taskId: null, payload: {} },
      transition(2, '$notStarted', 'study', 'start'),
      completed(3, 'study', 'studyMobilization:1', 'Done', { heldOn: '2023-03-01' }),
      { sequence: 4, kind: 'task.activated', at: '2023-06-04T00:00:00Z', phaseId: 'study', taskId: 'x:1', payload: {} },
      completed(5, 'study', 'summaryApproval:1', 'Approved', {}),
      transition(6, 'study', 'analysis', 'advance'),
      transition(7, 'analysis', 'analysis', 'suspend'),
      transition(8, 'analysis', 'study', 'sendBack'),
      completed(9, 'study', 'orgLifeMeeting:1:0', 'Done', { heldOn: '2023-06-20' }),
      transition(10, 'study', '$completed', 'complete'),
    ]);
    expect(
      items.map((i) => (i.kind === 'phase' ? [i.kind, i.phase, i.round, i.trigger] : [i.kind, i.activityId, i.heldOn, i.outcome])),
    ).toEqual([
      ['phase', 'study', 1, 'start'],
      ['meeting', 'studyMobilization', '2023-03-01', undefined],
      ['result', 'summaryApproval', undefined, 'Approved'],
      ['phase', 'analysis', 1, 'advance'],
      ['phase', 'analysis', 1, 'suspend'],
      ['phase', 'study', 2, 'sendBack'],
      ['meeting', 'orgLifeMeeting', '2023-06-20', undefined],
      ['phase', '$completed', 0, 'complete'],
    ]);
    expect(items[1]).toMatchObject({ taskId: 'studyMobilization:1', phase: 'study', at: '2023-06-03T09:00:00Z' });
  });

  test('an entry without the expected payload is left out, not guessed', () => {
    expect(
      timelineItems([{ sequence: 1, kind: 'phase.transitioned', at: '2023-06-01T00:00:00Z', phaseId: null, taskId: null, payload: {} }]),
    ).toEqual([]);
  });
});
