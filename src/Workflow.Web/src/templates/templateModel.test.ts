import { describe, expect, it } from 'vitest';
import { emptyGate, emptyTemplate, move, toDocument, toForm } from './templateModel';

// A template shaped like the seed (workflows/templates/scientific-outlook-campaign.json), with
// fields the editor does not show: variables, outputs, defaults, minimum, a third language, $schema.
const seed = {
  $schema: '../schema/campaign-template.schema.json',
  definitionId: 'scientific-outlook-campaign',
  version: 1,
  name: '深入学习实践科学发展观活动',
  displayNames: { en: 'In-depth study', 'zh-CN': '深入学习实践科学发展观活动', fr: 'Étude approfondie' },
  description: 'Three phases.',
  inputs: [
    { name: 'partyGroups', type: 'array', required: true, displayNames: { en: 'Party groups', 'zh-CN': '党小组' }, description: 'Groups.' },
    { name: 'minimumTalks', type: 'integer', required: false, default: 40, minimum: 0 },
  ],
  variables: [{ name: 'formReturnRate', type: 'number' }],
  phases: [
    {
      id: 'study',
      name: '学习调研',
      displayNames: { en: 'Study and research', 'zh-CN': '学习调研' },
      description: 'Study.',
      workflow: { definitionId: 'study-phase', version: 1 },
      exitGates: [
        {
          id: 'summaryApproved',
          name: '学习调研阶段小结已审定',
          displayNames: { en: 'Study-phase summary approved', 'zh-CN': '学习调研阶段小结已审定' },
          description: 'Approved.',
          condition: { expression: { type: 'JavaScript', value: "results.summaryApproval.outcome === 'Approved'" } },
        },
      ],
      outputs: { formReturnRate: { expression: { type: 'JavaScript', value: 'results.x' } } },
    },
    { id: 'rectification', name: '整改落实', workflow: { definitionId: 'rectification-phase', version: 2 } },
  ],
};

describe('template form', () => {
  it('round-trips a template document unchanged, unknown fields included', () => {
    expect(toDocument(toForm(seed))).toEqual(seed);
  });

  it('keeps every input type through the round trip: documents, findings, and a type the editor does not know', () => {
    const template = {
      ...seed,
      inputs: [
        { name: 'materials', type: 'documents', required: true },
        { name: 'problems', type: 'findings' },
        { name: 'later', type: 'geoShape', description: 'A type of a later engine.' },
      ],
    };
    const form = toForm(template);
    expect(form.inputs.map((i) => i.type)).toEqual(['documents', 'findings', 'geoShape']);
    expect(toDocument(form)).toEqual(template);
  });

  it('shows the fields the editor edits', () => {
    const form = toForm(seed);
    expect(form.nameEn).toBe('In-depth study');
    expect(form.phases.map((p) => [p.id, p.nameZh, p.workflowId, p.workflowVersion])).toEqual([
      ['study', '学习调研', 'study-phase', 1],
      ['rectification', '整改落实', 'rectification-phase', 2],
    ]);
    expect(form.phases[0].gates[0].expression).toBe("results.summaryApproval.outcome === 'Approved'");
    expect(form.inputs.map((i) => [i.name, i.type, i.required])).toEqual([
      ['partyGroups', 'array', true],
      ['minimumTalks', 'integer', false],
    ]);
  });

  it('writes edits back: reordered phases keep their outputs, a new gate gets the JavaScript shape', () => {
    const form = toForm(seed);
    form.phases = move(form.phases, 0, 1);
    form.phases[0].gates = [{ ...emptyGate(), id: 'done', nameEn: 'Done', nameZh: '完成', expression: 'true' }];
    const doc = toDocument(form) as { phases: Record<string, unknown>[] };
    expect(doc.phases.map((p) => p.id)).toEqual(['rectification', 'study']);
    expect(doc.phases[1].outputs).toEqual(seed.phases[0].outputs);
    expect(doc.phases[0].exitGates).toEqual([
      {
        id: 'done',
        name: '完成',
        displayNames: { en: 'Done', 'zh-CN': '完成' },
        condition: { expression: { type: 'JavaScript', value: 'true' } },
      },
    ]);
  });

  it('a new template is version 1 with one empty phase, and empty optional fields are left out', () => {
    const form = emptyTemplate();
    form.definitionId = ' new-campaign ';
    form.nameZh = '新活动';
    const doc = toDocument(form) as { phases: Record<string, unknown>[] } & Record<string, unknown>;
    expect(doc.definitionId).toBe('new-campaign');
    expect(doc.version).toBe(1);
    expect(doc.name).toBe('新活动');
    expect(doc.displayNames).toEqual({ 'zh-CN': '新活动' });
    expect('description' in doc).toBe(false);
    expect('inputs' in doc).toBe(false);
    expect(doc.phases).toEqual([{ workflow: { definitionId: '', version: 0 } }]);
  });

  it('moves within bounds only', () => {
    expect(move([1, 2, 3], 2, -1)).toEqual([1, 3, 2]);
    const same = [1, 2];
    expect(move(same, 0, -1)).toBe(same);
    expect(move(same, 1, 1)).toBe(same);
  });

  it('reads whatever a draft holds without failing', () => {
    const form = toForm({ phases: [{ exitGates: [{ condition: 'broken' }] }], inputs: [{ name: 'x', type: 'weird' }] });
    expect(form.phases[0].gates[0].expression).toBe('');
    expect(form.inputs[0].type).toBe('weird');
    expect(toForm(null).phases).toEqual([]);
  });
});
