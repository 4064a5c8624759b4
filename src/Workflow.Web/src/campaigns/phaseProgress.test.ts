import { describe, expect, test } from 'vitest';
import { task } from './taskViews.fixture';
import type { WorkflowDocument } from '../shared/flowchart';
// The seed's study phase as the server publishes it: five task activities between start, fork, join and end.
import studyPhase from '../../../../workflows/phases/study-phase.json';
import { phaseProgress } from './phaseProgress';

const taskTypes = new Set(['Campaign.Meeting', 'Campaign.Finding', 'Campaign.DocumentDrafting', 'Campaign.Review']);
const study = studyPhase as unknown as WorkflowDocument;

describe('the phase figure counts against the whole phase', () => {
  test('three of the study phase’s four reached tasks done is 3 of 5, not 3 of 4', () => {
    const tasks = [
      task('studyMobilization:1', 'completed'),
      task('centralizedStudy:1', 'completed'),
      task('researchVisits:1', 'completed'),
      task('studySummary:1', 'active'),
    ];
    expect(phaseProgress(study, taskTypes, tasks)).toEqual({ done: 3, total: 5, percent: 60 });
  });

  test('nothing reached yet: 0 of 5; all done: 100 %', () => {
    expect(phaseProgress(study, taskTypes, [])).toEqual({ done: 0, total: 5, percent: 0 });
    const all = ['studyMobilization', 'centralizedStudy', 'researchVisits', 'studySummary', 'summaryApproval'].map((a) =>
      task(`${a}:1`, 'completed'),
    );
    expect(phaseProgress(study, taskTypes, all)).toEqual({ done: 5, total: 5, percent: 100 });
  });

  test('a summary sent back for revision is not done until its latest round is', () => {
    const tasks = [task('studySummary:1', 'completed'), task('studySummary:2', 'active'), task('summaryApproval:1', 'completed')];
    expect(phaseProgress(study, taskTypes, tasks)).toMatchObject({ done: 1, total: 5 });
  });

  test('a multi-instance activity counts once, and only when every unit is done', () => {
    const tasks = [task('centralizedStudy:1:0', 'completed'), task('centralizedStudy:1:1', 'active')];
    expect(phaseProgress(study, taskTypes, tasks).done).toBe(0);
    tasks[1] = task('centralizedStudy:1:1', 'completed');
    expect(phaseProgress(study, taskTypes, tasks)).toMatchObject({ done: 1, total: 5, percent: 20 });
  });
});
