import { describe, expect, test } from 'vitest';
import { countsFromTasks, gateMetrics } from './gateMetrics';
import type { TaskView } from './taskStatus';

describe('gate metrics against their thresholds', () => {
  test('a ratio against its threshold, unmet', () => {
    const metrics = gateMetrics({
      condition: 'results.massAppraisal.satisfaction >= inputs.satisfactionThreshold',
      observed: { 'results.massAppraisal.satisfaction': 0.75, 'inputs.satisfactionThreshold': 0.8 },
    });
    expect(metrics).toEqual([
      {
        valuePath: 'results.massAppraisal.satisfaction',
        value: 0.75,
        thresholdPath: 'inputs.satisfactionThreshold',
        threshold: 0.8,
        comparison: '>=',
        met: false,
        ratio: true,
      },
    ]);
  });

  test('the counts behind a derived ratio come from the newest completed task', () => {
    const tasks = [
      { activityId: 'collectOpinions', status: 'completed', iteration: 1, result: { formsReturned: 125, formsIssued: 180 } },
      { activityId: 'collectOpinions', status: 'active', iteration: 2, result: null },
    ] as unknown as TaskView[];
    const schemas = {
      collectOpinions: { properties: { formReturnRate: { 'x-derived': { numerator: 'formsReturned', denominator: 'formsIssued' } } } },
    };
    const [metric] = gateMetrics(
      {
        condition: 'results.collectOpinions.formReturnRate >= inputs.formReturnRateThreshold',
        observed: { 'results.collectOpinions.formReturnRate': 125 / 180, 'inputs.formReturnRateThreshold': 0.6 },
      },
      countsFromTasks(tasks, schemas),
    );
    expect(metric).toMatchObject({ met: true, ratio: true, counts: { part: 125, whole: 180 } });
  });

  test('the threshold written first is turned round; array lengths count; literals are thresholds', () => {
    const metrics = gateMetrics({
      condition:
        "inputs.minimumTalks <= results.heartToHeartTalks.talksHeld && results.orgLifeMeeting.length === inputs.partyGroups.length && results.x.y > 3 && results.summaryApproval.outcome === 'Approved'",
      observed: {
        'inputs.minimumTalks': 50,
        'results.heartToHeartTalks.talksHeld': 80,
        'results.orgLifeMeeting': [{}, {}],
        'inputs.partyGroups': [{}, {}, {}],
        'results.x.y': 2,
        'results.summaryApproval.outcome': 'Approved',
      },
    });
    expect(metrics.map((m) => [m.valuePath, m.comparison, m.value, m.threshold, m.thresholdPath, m.met, m.ratio])).toEqual([
      ['results.heartToHeartTalks.talksHeld', '>=', 80, 50, 'inputs.minimumTalks', true, false],
      ['results.orgLifeMeeting.length', '===', 2, 3, 'inputs.partyGroups.length', false, false],
      ['results.x.y', '>', 2, 3, null, false, false],
    ]);
  });

  test('nothing for a condition with an "or": one side short of its mark does not fail the gate', () => {
    expect(
      gateMetrics({
        condition: 'results.a.rate >= inputs.rateThreshold || results.a.waived === true',
        observed: { 'results.a.rate': 0.5, 'inputs.rateThreshold': 0.8, 'results.a.waived': true },
      }),
    ).toEqual([]);
  });

  test('nothing before the evaluation saw both sides', () => {
    expect(
      gateMetrics({
        condition: 'results.massAppraisal.satisfaction >= inputs.satisfactionThreshold',
        observed: { 'inputs.satisfactionThreshold': 0.8 },
      }),
    ).toEqual([]);
  });
});
