import { describe, expect, test } from 'vitest';
import { task } from './taskViews.fixture';
import { translate, type MessageKey } from '../shared/i18n';
import { progressChartOption } from './progressChartOption';
import { progressSeries } from './progressSeries';
import { activityStates, nodeColours, nodeStatuses, openTasks, taskStatus, unitName } from './taskStatus';
import { transitionChoices } from './transitionChoices';
// What GET /api/v1/activity-descriptors serves for four seed types (tests/Workflow.Api.Tests/Web/ResultSchemaCopyTests keeps it equal).
import servedSchemas from './resultSchemas.fixture.json';
import type { JsonSchema } from './resultSchema';
import { describeCondition, describeObserved, explain, taskName, type Names, type Progress } from './whyNotYet';

const en = (key: MessageKey, params?: Record<string, string | number>) => translate('en', key, params);
const zh = (key: MessageKey, params?: Record<string, string | number>) => translate('zh-CN', key, params);

const resultSchemas = servedSchemas as unknown as Record<string, JsonSchema>;

describe('task status → node colour', () => {
  test('every state has a colour and a legend entry', () => {
    expect(nodeStatuses).toHaveLength(Object.keys(nodeColours).length);
    expect(taskStatus({ status: 'active', overdue: true })).toBe('overdue');
    expect(taskStatus({ status: 'active', overdue: false })).toBe('active');
    expect(taskStatus({ status: 'completed', overdue: false })).toBe('completed');
    expect(taskStatus({ status: 'cancelled', overdue: false })).toBe('cancelled');
  });

  test('a node shows its latest iteration, and a multi-instance node counts its units', () => {
    const states = activityStates([
      task('guidanceReview:1', 'completed'),
      task('guidanceReview:2', 'active'),
      task('orgLifeMeeting:1:1', 'active', { item: { id: 'group-2', name: '机关第二党小组' } }),
      task('orgLifeMeeting:1:0', 'completed', { item: { id: 'group-1', name: '机关第一党小组' } }),
      task('mobilizationMeeting:1', 'completed'),
    ]);
    expect(states.get('guidanceReview')).toMatchObject({ status: 'active', iteration: 2, units: undefined });
    expect(states.get('orgLifeMeeting')).toMatchObject({ status: 'active', units: { done: 1, total: 2 } });
    expect(states.get('orgLifeMeeting')!.tasks.map((t) => unitName(t))).toEqual(['机关第一党小组', '机关第二党小组']);
    expect(states.get('mobilizationMeeting')?.status).toBe('completed');
    expect(states.has('massAppraisal')).toBe(false);
  });

  test('open work wins over done units; overdue over open', () => {
    const states = activityStates([task('a:1:0', 'completed'), task('a:1:1', 'active', { overdue: true }), task('a:1:2', 'active')]);
    expect(states.get('a')).toMatchObject({ status: 'overdue', units: { done: 1, total: 3 } });
  });

  test('open tasks: overdue first, then by due date', () => {
    const open = openTasks([
      task('late:1', 'active', { dueAt: '2026-03-01T00:00:00Z' }),
      task('done:1', 'completed'),
      task('soon:1', 'active', { dueAt: '2026-02-01T00:00:00Z' }),
      task('overdue:1', 'active', { dueAt: '2026-04-01T00:00:00Z', overdue: true }),
      task('none:1', 'active'),
    ]);
    expect(open.map((t) => t.id)).toEqual(['overdue:1', 'soon:1', 'late:1', 'none:1']);
  });
});

describe('progress over time from the ledger', () => {
  const at = (s: number) => new Date(Date.UTC(2026, 0, 1, 0, 0, s)).toISOString();
  const entries = [
    { at: at(0), kind: 'campaign.created', taskId: null, payload: {} },
    { at: at(1), kind: 'phase.transitioned', taskId: null, payload: { transition: { to: 'study' } } },
    { at: at(1), kind: 'task.activated', taskId: 'a:1', payload: {} },
    { at: at(5), kind: 'task.completed', taskId: 'a:1', payload: {} },
    { at: at(5), kind: 'task.activated', taskId: 'b:1', payload: {} },
    { at: at(5), kind: 'task.activated', taskId: 'c:1', payload: {} },
    { at: at(9), kind: 'task.cancelled', taskId: 'c:1', payload: {} },
    { at: at(9), kind: 'join.arrived', taskId: null, payload: {} },
  ];

  test('counts completed and open tasks, one point per instant, and marks phase changes', () => {
    const series = progressSeries(entries);
    expect(series.points).toEqual([
      { at: Date.parse(at(1)), completed: 0, open: 1 },
      { at: Date.parse(at(5)), completed: 1, open: 2 },
      { at: Date.parse(at(9)), completed: 1, open: 1 },
    ]);
    expect(series.phases).toEqual([{ at: Date.parse(at(1)), phase: 'study' }]);
  });

  test('the chart steps each count until the next change and names the phases entered', () => {
    const option = progressChartOption(progressSeries(entries), { study: 'Study and research' }, { completed: 'Done', open: 'Open' });
    const [completed, open] = option.series;
    expect(completed).toMatchObject({ name: 'Done', step: 'end' });
    expect(completed.data).toEqual([
      [Date.parse(at(1)), 0],
      [Date.parse(at(5)), 1],
      [Date.parse(at(9)), 1],
    ]);
    expect(open.data.map(([, n]) => n)).toEqual([1, 2, 1]);
    expect(completed.markLine?.data).toEqual([{ xAxis: Date.parse(at(1)), label: { formatter: 'Study and research', distance: 4 } }]);
    // A phase the page has no name for is shown by its id.
    const unnamed = progressChartOption(progressSeries(entries), {}, { completed: 'Done', open: 'Open' });
    expect(unnamed.series[0].markLine?.data[0].label.formatter).toBe('study');
  });
});

describe('why the campaign cannot move on yet', () => {
  const names: Names = {
    language: 'en',
    activities: {
      massAppraisal: 'Mass satisfaction appraisal',
      finalizeReport: 'Revise the report',
      orgLifeMeeting: 'Organizational life meeting',
    },
    resultSchemas: { massAppraisal: resultSchemas['Campaign.Appraisal'] },
    inputs: { satisfactionThreshold: { en: 'Satisfaction threshold', 'zh-CN': '群众满意率标准' } },
  };
  const phases = [
    { id: 'study', name: '学习调研', displayName: 'Study and research', status: 'done', rounds: 1 },
    { id: 'analysis', name: '分析检查', displayName: 'Analysis and inspection', status: 'current', rounds: 1 },
    { id: 'rectification', name: '整改落实', displayName: 'Rectification and implementation', status: 'upcoming', rounds: 0 },
  ];
  const gate = (id: string, state: string, observed: Record<string, unknown>, waitingFor: string[] = []) => ({
    id,
    name: id,
    displayName: id === 'appraisalSatisfaction' ? 'Mass appraisal satisfaction reached' : id,
    condition: '',
    state,
    waitingFor,
    observed,
  });
  const progress: Progress = {
    id: 'c',
    state: 'analysis',
    status: 'running',
    suspended: false,
    version: 30,
    phases,
    currentPhase: 'analysis',
    round: 1,
    workflowStatus: 'running',
    tasks: [],
    faults: [],
    waitingFor: ['finalizeReport:2', 'orgLifeMeeting:1:1'],
    gates: [
      gate('rulesIssued', 'met', {}),
      gate('appraisalSatisfaction', 'unmet', {
        'inputs.satisfactionThreshold': 0.8,
        'results.massAppraisal.satisfaction': 0.6666666666666666,
      }),
      gate('everyPartyGroupMet', 'pending', {}, ['orgLifeMeeting']),
    ],
    triggers: [{ trigger: 'advance', targetPhase: null, permitted: false, reasons: ['…'] }],
  };

  test('names the next phase, the open tasks, and each gate not met with the values it saw', () => {
    const why = explain(progress, names, en);
    expect(why.heading).toBe('Why can’t we move to “Rectification and implementation” yet?');
    expect(why.permitted).toBe(false);
    expect(why.reasons).toEqual([
      'The phase’s flowchart has not reached its end: waiting for Revise the report, Organizational life meeting #2.',
      'The gate “Mass appraisal satisfaction reached” is not met: Satisfaction threshold = 80%, Mass satisfaction appraisal – Satisfaction rate = 66.7%.',
      'The gate “everyPartyGroupMet” cannot be judged yet: it waits for Organizational life meeting.',
    ]);
  });

  test('in Chinese, with Chinese input names and list separators', () => {
    const why = explain(progress, { ...names, language: 'zh-CN' }, zh);
    expect(why.heading).toBe('为什么还不能转入“Rectification and implementation”阶段？');
    expect(why.reasons[1]).toContain('群众满意率标准 = 80%');
    expect(why.reasons[0]).toContain('、');
  });

  test('says the way is clear when advance is permitted, and speaks of completing in the last phase', () => {
    const ready = explain({ ...progress, triggers: [{ trigger: 'advance', permitted: true, reasons: [] }] }, names, en);
    expect(ready).toMatchObject({
      permitted: true,
      trigger: 'advance',
      reasons: ['Everything is in place: the campaign may move to “Rectification and implementation”.'],
    });
    const last = explain({ ...progress, currentPhase: 'rectification', gates: [], waitingFor: [] }, names, en);
    expect(last).toMatchObject({ heading: 'Why can’t the campaign be completed yet?', trigger: 'complete' });
  });

  test('a condition reads in the page’s language', () => {
    expect(describeCondition('results.massAppraisal.satisfaction >= inputs.satisfactionThreshold', names, en)).toBe(
      'Mass satisfaction appraisal – Satisfaction rate ≥ Satisfaction threshold',
    );
    const zhNames = { ...names, language: 'zh-CN' as const, activities: { ...names.activities, massAppraisal: '群众满意度测评' } };
    expect(describeCondition('results.massAppraisal.satisfaction >= inputs.satisfactionThreshold', zhNames, zh)).toBe(
      '群众满意度测评 – 满意率 ≥ 群众满意率标准',
    );
    expect(
      describeCondition(
        "results.guidanceReview.outcome === 'Approved' && results.orgLifeMeeting.length === inputs.partyGroups.length",
        zhNames,
        zh,
      ),
    ).toBe('guidanceReview – 办理结论 = “通过” 且 Organizational life meeting – 数量 = partyGroups – 数量');
  });

  test('ids become names; missing values say so', () => {
    expect(taskName('orgLifeMeeting:1:0', names)).toBe('Organizational life meeting #1');
    expect(taskName('unknownActivity', names)).toBe('unknownActivity');
    expect(describeObserved('results.massAppraisal.satisfaction', null, names, en)).toEqual({
      name: 'Mass satisfaction appraisal – Satisfaction rate',
      text: 'no value yet',
    });
  });
});

describe('the actions offered', () => {
  const phases = [
    { id: 'study', name: '学习调研', displayName: 'Study and research', status: 'done', rounds: 1 },
    { id: 'analysis', name: '分析检查', displayName: 'Analysis and inspection', status: 'current', rounds: 1 },
  ];
  const trigger = (name: string, permitted: boolean, targetPhase: string | null = null) => ({
    trigger: name,
    targetPhase,
    permitted,
    reasons: [],
  });
  const running: Progress = {
    id: 'c',
    state: 'analysis',
    status: 'running',
    suspended: false,
    version: 3,
    phases,
    currentPhase: 'analysis',
    round: 1,
    workflowStatus: 'running',
    tasks: [],
    faults: [],
    waitingFor: [],
    gates: [],
    triggers: [
      trigger('complete', false),
      trigger('sendBack', true, 'study'),
      trigger('suspend', true),
      trigger('resume', false),
      trigger('cancel', true),
    ],
  };

  test('a running campaign: move on, send back, suspend, and cancel with a warning', () => {
    const choices = transitionChoices(running, en);
    expect(choices.map((c) => c.label)).toEqual([
      'Complete the campaign',
      'Send back to “Study and research”',
      'Suspend the campaign',
      'Cancel the campaign…',
    ]);
    expect(choices[3]).toMatchObject({ trigger: 'cancel', confirmLabel: 'Yes, cancel the campaign', dismissLabel: 'Keep the campaign' });
    expect(choices[3].warning).toContain('cannot be resumed');
  });

  test('moving on is offered only when permitted; otherwise disabled with the server’s reasons', () => {
    const blocked = {
      ...running,
      triggers: [
        { trigger: 'complete', permitted: false, reasons: ['转段条件未满足：“群众满意率达标”未满足'] },
        ...running.triggers.slice(1),
      ],
    };
    expect(transitionChoices(blocked, zh)[0]).toMatchObject({ trigger: 'complete', refused: ['转段条件未满足：“群众满意率达标”未满足'] });
    const open = { ...running, triggers: [trigger('complete', true), ...running.triggers.slice(1)] };
    expect(transitionChoices(open, en)[0].refused).toBeUndefined();
    // The permitted ones carry no refusal.
    expect(
      transitionChoices(blocked, en)
        .slice(1)
        .every((c) => c.refused === undefined),
    ).toBe(true);
  });

  test('a suspended campaign: only resume or cancel', () => {
    const suspended = {
      ...running,
      suspended: true,
      triggers: [trigger('suspend', false), trigger('resume', true), trigger('cancel', true), trigger('sendBack', true, 'study')],
    };
    expect(transitionChoices(suspended, zh).map((c) => c.trigger)).toEqual(['resume', 'cancel']);
    expect(transitionChoices(suspended, zh)[0].label).toBe('恢复活动');
  });

  test('before the start: start, or cancel; a finished campaign offers nothing', () => {
    const fresh = {
      ...running,
      currentPhase: null,
      state: 'notStarted',
      triggers: [trigger('start', true), trigger('cancel', true), trigger('suspend', false)],
    };
    expect(transitionChoices(fresh, en).map((c) => c.trigger)).toEqual(['start', 'cancel']);
    const over = { ...running, currentPhase: null, state: 'cancelled', triggers: [trigger('start', false), trigger('cancel', false)] };
    expect(transitionChoices(over, en)).toEqual([]);
  });
});
